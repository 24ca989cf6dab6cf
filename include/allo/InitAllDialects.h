//===- InitAllDialects.h - The dialects Allo uses ----------------*- C++ -*-===//
#ifndef ALLO_INITALLDIALECTS_H
#define ALLO_INITALLDIALECTS_H

#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/DialectRegistry.h"

namespace allo {
/// Raised IR uses upstream func/affine/scf/memref/arith/math plus allo.
inline void registerAlloDialects(mlir::DialectRegistry &registry) {
  registry.insert<mlir::func::FuncDialect, mlir::affine::AffineDialect, mlir::scf::SCFDialect,
                  mlir::memref::MemRefDialect, mlir::arith::ArithDialect, mlir::math::MathDialect,
                  AlloDialect>();
}
} // namespace allo

#endif
