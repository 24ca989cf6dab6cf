//===- Raise.h - Raising the Clang AST to affine MLIR ------------*- C++ -*-===//
//
// Entry point of the frontend: turns the kernels of a translation unit (and
// every function they call) into a builtin module of func/affine/scf/memref/
// arith/math operations. Affine where the C++ is affine, scf otherwise.
// Errors are reported through Clang's diagnostics at the construct's location.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_FRONTEND_RAISE_H
#define ALLO_FRONTEND_RAISE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace mlir {
class DialectRegistry;
class MLIRContext;
} // namespace mlir

namespace allo {

struct RaiseOptions {
  /// Functions to raise by name (with their callees). Empty: every function
  /// annotated [[allo::kernel]] or [[allo::region]].
  std::vector<std::string> tops;
};

/// Raises the selected functions. Returns null after reporting errors.
mlir::OwningOpRef<mlir::ModuleOp> raiseToMLIR(clang::ASTContext &ast, mlir::MLIRContext &ctx,
                                              const RaiseOptions &options);

/// The functions `options` selects, in source order; reports an error for a
/// --top name that matches no function definition (with a did-you-mean).
bool selectTopFunctions(clang::ASTContext &ast, const RaiseOptions &options,
                        std::vector<const clang::FunctionDecl *> &out);

} // namespace allo

#endif
