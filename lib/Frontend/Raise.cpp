//===- Raise.cpp - Raising entry points -----------------------------------===//
#include "FunctionRaiser.h"
#include "allo/InitAllDialects.h"
#include "allo/Support/Diagnostics.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

#include "clang/AST/DeclTemplate.h"

using namespace clang;
using namespace allo;

namespace {
void collectFunctions(const DeclContext *dc, std::vector<const FunctionDecl *> &out) {
  for (const Decl *d : dc->decls()) {
    if (auto *fd = dyn_cast<FunctionDecl>(d)) {
      if (fd->isThisDeclarationADefinition() && !fd->isDependentContext())
        out.push_back(fd);
    } else if (auto *ft = dyn_cast<FunctionTemplateDecl>(d)) {
      for (const FunctionDecl *spec : ft->specializations())
        if (spec->isThisDeclarationADefinition())
          out.push_back(spec);
    } else if (auto *ns = dyn_cast<NamespaceDecl>(d)) {
      collectFunctions(ns, out);
    } else if (auto *ls = dyn_cast<LinkageSpecDecl>(d)) {
      collectFunctions(ls, out);
    }
  }
}
} // namespace

bool allo::selectTopFunctions(ASTContext &ast, const RaiseOptions &options,
                              std::vector<const FunctionDecl *> &out) {
  std::vector<const FunctionDecl *> all;
  collectFunctions(ast.getTranslationUnitDecl(), all);
  const SourceManager &sm = ast.getSourceManager();
  if (options.tops.empty()) {
    for (const FunctionDecl *f : all)
      if (!sm.isInSystemHeader(f->getLocation()) &&
          (findAlloAnnotation(f, "kernel") || findAlloAnnotation(f, "region")))
        out.push_back(f);
    return true;
  }
  bool ok = true;
  for (const std::string &top : options.tops) {
    const FunctionDecl *found = nullptr;
    for (const FunctionDecl *f : all)
      if (!sm.isInSystemHeader(f->getLocation()) &&
          (f->getNameAsString() == top || f->getQualifiedNameAsString() == top) &&
          !f->getTemplateSpecializationArgs()) {
        found = f;
        break;
      }
    if (found) {
      out.push_back(found);
      continue;
    }
    llvm::SmallVector<std::string, 16> names;
    for (const FunctionDecl *f : all)
      if (!sm.isInSystemHeader(f->getLocation()))
        names.push_back(f->getNameAsString());
    llvm::SmallVector<llvm::StringRef, 16> refs(names.begin(), names.end());
    std::string msg = "--top: no function named '" + top + "' is defined in this file";
    std::string guess = closestName(top, refs);
    if (!guess.empty())
      msg += "; did you mean '" + guess + "'?";
    allo::error(ast.getDiagnostics(), SourceLocation(), msg);
    ok = false;
  }
  return ok;
}

mlir::OwningOpRef<mlir::ModuleOp> allo::raiseToMLIR(ASTContext &ast, mlir::MLIRContext &ctx,
                                                    const RaiseOptions &options) {
  mlir::DialectRegistry registry;
  registerAlloDialects(registry);
  ctx.appendDialectRegistry(registry);
  ctx.loadAllAvailableDialects();
  std::vector<const FunctionDecl *> tops;
  if (!selectTopFunctions(ast, options, tops))
    return nullptr;
  raise::ModuleRaiser raiser(ast, ctx);
  if (!raiser.run(tops))
    return nullptr;
  return std::move(raiser.module);
}
