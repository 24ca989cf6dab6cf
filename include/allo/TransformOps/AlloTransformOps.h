//===- AlloTransformOps.h - Schedule primitives as Transform ops -*- C++ -*-===//
//
// The ops of the allo Transform extension (transform.allo.split, ...), one
// per schedule primitive (AlloTransformOps.td), and the bridge between them
// and JSON schedules: a schedule becomes a transform script whose ops carry
// the JSON locations of their fields, and every op, when the interpreter
// applies it, reads its step back and calls allo::applyStep.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_TRANSFORMOPS_ALLOTRANSFORMOPS_H
#define ALLO_TRANSFORMOPS_ALLOTRANSFORMOPS_H

#include "allo/Schedule/Schedule.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace allo {
namespace transform {

/// The body of every op's TransformOpInterface::apply: the step the op
/// describes, applied to the module its operand holds.
mlir::DiagnosedSilenceableFailure applyScheduleOp(mlir::Operation *op,
                                                  mlir::transform::TransformResults &results,
                                                  mlir::transform::TransformState &state);
/// The body of every op's verifier: the op table's rules (bounds, enum
/// values, names "func:name", exactly-one-of groups, check<Impl>).
mlir::LogicalResult verifyScheduleOp(mlir::Operation *op);

} // namespace transform

/// Registers the allo Transform extension (and the dialects its ops create).
void registerAlloTransformExtension(mlir::DialectRegistry &registry);

/// The name of the entry point of the scripts built from schedules.
constexpr const char *kTransformEntry = "__transform_main";

/// The transform script of a schedule: a module holding
/// `transform.named_sequence @__transform_main` with one op per step, each
/// located at its step and fields in the JSON file.
mlir::OwningOpRef<mlir::ModuleOp> buildTransformScript(mlir::MLIRContext *ctx,
                                                       const Schedule &schedule);

/// The step a schedule op describes: its fields from the op's attributes,
/// their paths and positions from its location (JSON paths for scripts
/// built from schedules; the op's name and place for hand-written ones).
ScheduleStep stepOfOp(mlir::Operation *op);

} // namespace allo

#define GET_OP_CLASSES
#include "allo/TransformOps/AlloTransformOps.h.inc"

#endif
