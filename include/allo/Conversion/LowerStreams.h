//===- LowerStreams.h - Streams to runtime calls -----------------*- C++ -*-===//
//
// For executing raised IR (the differential tests, and later the dataflow
// simulator): !allo.stream values become opaque pointers and the stream ops
// become calls into the stream runtime (allo/Runtime/StreamRuntime.h).
// Elements travel as 64-bit words, so streams of wider elements are refused.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_CONVERSION_LOWERSTREAMS_H
#define ALLO_CONVERSION_LOWERSTREAMS_H

#include "mlir/Pass/Pass.h"

#include <memory>

namespace allo {
#define GEN_PASS_DECL
#include "allo/Conversion/Passes.h.inc"

/// The pass `allo-lower-streams` (on a module; Passes.td).
std::unique_ptr<mlir::Pass> createLowerStreamsPass();

#define GEN_PASS_REGISTRATION
#include "allo/Conversion/Passes.h.inc"
} // namespace allo

#endif
