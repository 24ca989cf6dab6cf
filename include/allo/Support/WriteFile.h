//===- WriteFile.h - Writing outputs atomically ------------------*- C++ -*-===//
//
// Every output of the tools (emitted code, project files, graphs) goes
// through writeFileAtomically: the text is written next to the destination
// and renamed over it, so a failure never leaves a half-written file.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_SUPPORT_WRITEFILE_H
#define ALLO_SUPPORT_WRITEFILE_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace allo {

/// Writes `text` to `path` ("-" is standard output). A regular file (or a
/// new one) is written to a temporary file beside it and renamed; anything
/// else that exists (a device, a FIFO) is written directly. Returns "" or
/// the error, as "cannot write 'path': reason".
std::string writeFileAtomically(llvm::StringRef path, llvm::StringRef text);

} // namespace allo

#endif
