//===- ScalarPrivatization.h - Scalars private to loop iterations -*- C++ -*-===//
//
// The frontend keeps every mutable C++ scalar in a rank-0 memref allocated at
// the function entry (`float acc;` → memref.alloca() : memref<f32>), accessed
// with affine.load / affine.store. To dependence analysis each such scalar is
// one memory cell that every iteration of every loop touches, so
// `for (...) { float acc = 0; ... }` looks like a dependence carried by each
// enclosing loop. It is not one when the scalar is private to the iterations:
//
//   * every read inside the loop body is preceded, in the same iteration and
//     on every path, by a write (a write under an `if` without `else`, or in
//     a loop that may run zero times, does not count; a read in a nested
//     loop before the write does), and
//   * the value the loop leaves is never read afterwards (not live after it).
//
// Then each iteration may have its own copy of the scalar, and the schedule
// primitives (reorder, unfold, compute_at) ignore its dependences. The
// analysis works on the scalar's uses only (their ancestor operations), so it
// costs what those uses and their nesting cost, not the function's size.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_LIB_SCHEDULE_SCALARPRIVATIZATION_H
#define ALLO_LIB_SCHEDULE_SCALARPRIVATIZATION_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace allo {
namespace sched {

/// A scalar variable: a rank-0 memref.alloca every use of which is a load or
/// store of it (affine or memref dialect). Others (passed to a call, ...) are
/// never private.
bool isScalarVariable(mlir::Value memref);

/// What one scalar variable's uses say about the operations holding them.
class ScalarUses {
public:
  explicit ScalarUses(mlir::Value scalar);

  /// May executing `op` read the scalar before writing it?
  bool exposed(mlir::Operation *op);
  /// Does executing `op` write the scalar on every path?
  bool mustWrite(mlir::Operation *op);
  /// May the value the scalar holds right after `op` be read later?
  bool liveAfter(mlir::Operation *op);
  /// Every iteration of `loop` (affine.for / scf.for) writes the scalar
  /// before reading it, and the value it leaves is dead.
  bool privateTo(mlir::Operation *loop);

private:
  /// exposed / must-write for the operations of `block` from `from` on.
  bool exposedFrom(mlir::Block *block, mlir::Operation *from);
  bool mustWriteIn(mlir::Block *block);
  /// The operations of `block` that hold a use, in order.
  llvm::ArrayRef<mlir::Operation *> relevant(mlir::Block *block);

  mlir::Value scalar;
  llvm::DenseSet<mlir::Operation *> holders; ///< uses and their ancestors
  llvm::DenseMap<mlir::Block *, llvm::SmallVector<mlir::Operation *, 4>> byBlock;
  llvm::DenseMap<mlir::Operation *, bool> exposedCache, mustWriteCache;
};

/// True if `scalar` is a scalar variable private to the iterations of `loop`.
bool isPrivateTo(mlir::Value scalar, mlir::Operation *loop);

/// The scalar variables accessed inside `loop` that are private to it.
llvm::SmallVector<mlir::Value, 4> privateScalarsOf(mlir::Operation *loop);

} // namespace sched
} // namespace allo

#endif
