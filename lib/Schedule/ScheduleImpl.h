//===- ScheduleImpl.h - Shared by the schedule primitives (private) -*- C++ -*-===//
//
// A StepContext is what one primitive works on: the working copy of the
// module, the step, and helpers that resolve `func:name` references and
// report errors located in the schedule file. Primitives report every error
// themselves and return failure; ApplySchedule.cpp then drops the working
// copy, so a rejected step changes nothing.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_LIB_SCHEDULE_SCHEDULEIMPL_H
#define ALLO_LIB_SCHEDULE_SCHEDULEIMPL_H

#include "allo/Dialect/Allo/AlloOps.h"
#include "allo/Schedule/Schedule.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Diagnostics.h"

#include <optional>
#include <string>
#include <vector>

namespace allo {
namespace sched {

/// An array: a function argument (arg >= 0) or a memref.alloca.
struct ArraySite {
  mutable mlir::func::FuncOp func; // op handles: const here means "same array"
  int arg = -1;
  mutable mlir::memref::AllocaOp alloca;

  mlir::Value value() const;
  mlir::MemRefType type() const;
  mlir::Location loc() const;
  /// "func:name" (the array's allo.name, or "arg<k>" without one).
  std::string str() const;
  mlir::ArrayAttr partitions() const;
  void setPartitions(mlir::ArrayAttr a) const;
  bool operator==(const ArraySite &o) const {
    return func == o.func && arg == o.arg && alloca == o.alloca;
  }
};

class StepContext {
public:
  StepContext(mlir::ModuleOp module, const ScheduleStep &step, llvm::ArrayRef<ScheduleStep> later,
              ScheduleRun &run)
      : module(module), step(step), loops(step.loops()), later(later), run(run),
        ctx(module.getContext()) {}

  mlir::ModuleOp module; ///< the working copy
  const ScheduleStep &step;
  std::vector<ScheduleRef> loops;     ///< the step's loops (step.loops())
  llvm::ArrayRef<ScheduleStep> later; ///< the steps after this one
  ScheduleRun &run;
  mlir::MLIRContext *ctx;

  /// A location in the schedule file (unknown if pos is 0:0).
  mlir::Location locOf(SchedulePos pos) const;
  /// An error at the step: "steps[2] (split gemm:j by 4): <msg>".
  mlir::InFlightDiagnostic error(const llvm::Twine &msg);
  /// An error at a field: "<path>: <msg>".
  mlir::InFlightDiagnostic error(const std::string &path, SchedulePos pos, const llvm::Twine &msg);
  mlir::InFlightDiagnostic error(const ScheduleRef &ref, const llvm::Twine &msg) {
    return error(ref.path, ref.pos, msg);
  }

  // Lookups: each reports its own error and returns null/nullopt on failure.
  mlir::func::FuncOp function(const ScheduleRef &ref);
  /// A named loop (affine.for, scf.for or scf.while).
  mlir::Operation *loop(const ScheduleRef &ref);
  /// A named affine.for; `what` says what needs it ("split").
  mlir::affine::AffineForOp affineLoop(const ScheduleRef &ref, llvm::StringRef what);
  std::optional<ArraySite> array(const ScheduleRef &ref);
  /// The step's `array` and its single affine `loop`, which must be in the
  /// array's function (buffer_at, reuse_at).
  mlir::LogicalResult arrayAndLoop(llvm::StringRef what, std::optional<ArraySite> &arr,
                                   mlir::affine::AffineForOp &loop);
  /// Several loops of one function (the step's `loops`).
  bool affineLoops(llvm::SmallVectorImpl<mlir::affine::AffineForOp> &out, llvm::StringRef what);
  /// Fails (with an error at `ref`) if `f` already has a loop named `name`.
  mlir::LogicalResult checkFreshName(mlir::func::FuncOp f, llvm::StringRef name,
                                     const ScheduleRef &ref);
};

//===----------------------------------------------------------------------===//
// Loops and names
//===----------------------------------------------------------------------===//

/// affine.for, scf.for or scf.while.
bool isLoop(mlir::Operation *op);
/// The loop's allo.name ("" if none).
llvm::StringRef loopName(mlir::Operation *op);
/// Sets allo.name; the loop is then no longer named by a user's label, so
/// allo.label is removed (the HLS emitter prints l_<func>_<name> labels).
void setLoopName(mlir::Operation *op, llvm::StringRef name);
/// Copies `from`'s discardable attributes (pipeline, unroll, pragmas, ...)
/// onto `to`, except allo.name, allo.label and allo.iv; allo.pragmas lists
/// are concatenated, other attributes overwrite.
void copyLoopAttrs(mlir::Operation *from, mlir::Operation *to);
/// The same, into a list (for loops about to be erased).
void mergeLoopAttrs(mlir::Operation *from, mlir::NamedAttrList &into);
/// "gemm:j" for a named loop, else "the loop at file:line:col".
std::string describeLoop(mlir::Operation *op);
/// Names of the loops of `f`, in program order.
std::vector<std::string> loopNamesOf(mlir::func::FuncOp f);
/// The loop of `f` named exactly `name`, or null.
mlir::Operation *findLoop(mlir::func::FuncOp f, llvm::StringRef name);
/// "name" of an array value (allo.name of its argument or alloca).
std::string arrayName(mlir::Value memref);
/// Short "file:line:col" of a location, or "".
std::string locString(mlir::Location loc);

/// The chain of affine.for loops from `outer` down to `inner` (both included)
/// if `inner` is nested in `outer` and the band is perfectly nested up to
/// movable operations: every loop of the chain but the last holds only the
/// next loop, the terminator, constants (which can be hoisted out of the
/// band) and other pure operations that no deeper loop of the band uses in
/// its bounds (which can be sunk into the innermost loop: index arithmetic
/// such as the remaps split leaves). Otherwise reports why and fails.
mlir::LogicalResult perfectBand(StepContext &c, mlir::affine::AffineForOp outer,
                                mlir::affine::AffineForOp inner,
                                llvm::SmallVectorImpl<mlir::affine::AffineForOp> &band);
/// Makes a band accepted by perfectBand perfectly nested in MLIR's sense:
/// constants move before the outermost loop, other movable operations to the
/// start of the innermost loop's body (in order).
void prepareBand(llvm::ArrayRef<mlir::affine::AffineForOp> band);

//===----------------------------------------------------------------------===//
// Calls, for legality checks (CallBodies.cpp)
//===----------------------------------------------------------------------===//

/// A copy of `nest`, inserted right after it, in which every func.call is
/// replaced by the callee's body (recursively), with the callee's indices
/// expressed in the caller's loop variables where they are computed from
/// them. For analysis only: erase it with eraseCopyWithCallBodies. Null
/// (and nothing changed) when an access, index or loop bound of the result
/// would not be affine or a callee cannot be inlined; `why` and `where` say
/// what.
mlir::affine::AffineForOp copyWithCallBodies(mlir::affine::AffineForOp nest, std::string &why,
                                             mlir::Operation *&where);
void eraseCopyWithCallBodies(mlir::affine::AffineForOp copy);
/// A local of an inlined callee in such a copy: fresh storage in every call.
bool isCallLocal(mlir::Value memref);

//===----------------------------------------------------------------------===//
// Primitives, one file each
//===----------------------------------------------------------------------===//

// apply<Impl>, summarize<Impl> and check<Impl> of every op of
// include/allo/TransformOps/AlloTransformOps.td.
#define GET_ALLO_SCHEDULE_DECLS
#include "allo/TransformOps/ScheduleOps.inc"

/// "a, b, c" of the references; "?" for a missing one.
std::string refList(const std::vector<ScheduleRef> &refs);
inline std::string refStr(const std::optional<ScheduleRef> &r) {
  return r ? r->str() : std::string("?");
}

/// An access map of an array moved onto a local copy of a box of it (the
/// buffers of buffer_at and reuse_at): every index minus the box's origin,
/// dimensions with bufDim[d] < 0 dropped; composed through affine.apply.
void shiftedAccess(mlir::AffineMap map, mlir::ValueRange mapOperands, llvm::ArrayRef<int> bufDim,
                   llvm::ArrayRef<mlir::OpFoldResult> origin, mlir::AffineMap &newMap,
                   llvm::SmallVectorImpl<mlir::Value> &newOperands);

/// A new local array of `shape` with the element type of `like`, placed with
/// the function's other allocas at the top of its entry block (where the HLS
/// emitter declares them), named `base` (or base1, base2, ... when the name is
/// taken). allo.ctype (when `like` has a plain C element type), allo.unsigned
/// and allo.fixed_scale are taken from `like`.
mlir::memref::AllocaOp createLocalArray(const ArraySite &like, llvm::ArrayRef<int64_t> shape,
                                        llvm::StringRef base);

} // namespace sched
} // namespace allo

#endif
