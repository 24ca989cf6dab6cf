//===- FoldingBuilder.h - Constant-folding op creation (private) -*- C++ -*-===//
//
// Shared by the ap_fixed and bit/range raisers, which build long chains of
// shifts, masks and extensions: ops are created with createOrFold, the ones
// a call creates are recorded, and done() erases those that folding left
// without uses, so constant operands leave no dead arithmetic behind.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_LIB_FRONTEND_FOLDINGBUILDER_H
#define ALLO_LIB_FRONTEND_FOLDINGBUILDER_H

#include "FunctionRaiser.h"

#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/SetVector.h"

namespace allo {
namespace raise {

class FoldingBuilder {
public:
  FoldingBuilder(FunctionRaiser &r, mlir::Location l) : r(r), b(r.b), l(l) {}

  static unsigned widthOf(mlir::Value v) { return v.getType().getIntOrFloatBitWidth(); }
  mlir::Value cst(unsigned w, int64_t v) { return r.constInt(b.getIntegerType(w), v, l); }
  template <typename Op, typename... A> mlir::Value fold(A &&...a) {
    mlir::Operation *before = lastOp();
    return record(b.createOrFold<Op>(l, std::forward<A>(a)...), before);
  }
  /// FunctionRaiser::resizeInt, folding constants.
  mlir::Value resize(mlir::Value v, bool isSigned, unsigned w) {
    unsigned vw = widthOf(v);
    mlir::Type t = b.getIntegerType(w);
    if (vw == w)
      return v;
    if (vw > w)
      return fold<mlir::arith::TruncIOp>(t, v);
    if (isSigned && vw > 1)
      return fold<mlir::arith::ExtSIOp>(t, v);
    return fold<mlir::arith::ExtUIOp>(t, v);
  }
  /// The operation just before the insertion point (null at the start).
  mlir::Operation *lastOp() {
    auto ip = b.getInsertionPoint();
    return ip == b.getInsertionBlock()->begin() ? nullptr : &*std::prev(ip);
  }
  /// Records an op a fold call just created (`before` was the last op before
  /// it), never one that existed already: folding may leave some dead.
  mlir::Value record(mlir::Value v, mlir::Operation *before) {
    mlir::Operation *d = v.getDefiningOp();
    if (d && d != before && d == lastOp())
      created.insert(d);
    return v;
  }
  /// Erases the recorded operations left without uses (folding bypasses
  /// extensions and masks), except the one defining `keep`.
  mlir::Value done(mlir::Value keep) {
    mlir::Operation *k = keep ? keep.getDefiningOp() : nullptr;
    for (mlir::Operation *op : llvm::reverse(created))
      if (op != k && op->use_empty() && mlir::isPure(op) &&
          llvm::isa<mlir::arith::ArithDialect>(op->getDialect()) &&
          !op->getResult(0).getType().isIndex())
        op->erase();
    created.clear();
    return keep;
  }

  FunctionRaiser &r;
  mlir::OpBuilder &b;
  mlir::Location l;
  llvm::SetVector<mlir::Operation *> created;
};

} // namespace raise
} // namespace allo

#endif
