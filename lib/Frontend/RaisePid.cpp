//===- RaisePid.cpp - PE coordinates of a PE-grid kernel --------------------===//
//
// In a `[[allo::kernel(mapping(P0, P1))]]` kernel,
//
//   auto [i, j] = allo::get_pid<2>();
//
// binds i and j to this PE's coordinates. They are raised as `allo.pid`
// values created at the top of the kernel's body, so they are affine symbols
// everywhere in it (subscripts `C[i - 1][j - 1]`, stream indices
// `fifo[i][j + 1]`, conditions `if (i == 0)`). allo-instantiate-pes later
// gives each PE its constants.
//
//===----------------------------------------------------------------------===//

#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;

namespace {

/// The rank D of a call `allo::get_pid<D>()`, or 0.
unsigned getPidRank(const Expr *e) {
  e = e ? e->IgnoreImplicit() : nullptr;
  if (auto *ce = dyn_cast_or_null<CXXConstructExpr>(e); ce && ce->getNumArgs() == 1)
    e = ce->getArg(0)->IgnoreImplicit();
  auto *call = dyn_cast_or_null<CallExpr>(e);
  const FunctionDecl *f = call ? call->getDirectCallee() : nullptr;
  if (!f || f->getName() != "get_pid" || !f->getTemplateSpecializationArgs())
    return 0;
  auto *ns = dyn_cast<NamespaceDecl>(f->getDeclContext()->getRedeclContext());
  if (!ns || ns->getName() != "allo" || !ns->getParent()->getRedeclContext()->isTranslationUnit())
    return 0;
  const TemplateArgumentList *args = f->getTemplateSpecializationArgs();
  if (args->size() != 1 || args->get(0).getKind() != TemplateArgument::Integral)
    return 0;
  return (unsigned)args->get(0).getAsIntegral().getZExtValue();
}

} // namespace

bool FunctionRaiser::isGetPidCall(const Expr *e) { return getPidRank(e) != 0; }

bool FunctionRaiser::emitPidDecl(const VarDecl *vd) {
  unsigned rank = getPidRank(vd->getInit());
  if (!rank)
    return false;
  auto *dd = dyn_cast<DecompositionDecl>(vd);
  if (!dd)
    fail(vd->getLocation(), "allo::get_pid<" + llvm::Twine(rank) +
                                ">() must be bound with a structured binding: auto [i, j] = "
                                "allo::get_pid<2>();");
  if (!pidRank)
    fail(vd->getInit()->getBeginLoc(),
         "allo::get_pid is only meaningful in a PE-grid kernel: mark '" + fn->getName() +
             "' [[allo::kernel(mapping(P0, ...))]]");
  if (rank != pidRank)
    fail(vd->getInit()->getBeginLoc(),
         "allo::get_pid<" + llvm::Twine(rank) + ">() in a kernel whose grid has " +
             llvm::Twine(pidRank) + " dimension" + (pidRank == 1 ? "" : "s") +
             " (mapping); use allo::get_pid<" + llvm::Twine(pidRank) + ">()");
  if (dd->bindings().size() != rank)
    fail(vd->getLocation(), "expected " + llvm::Twine(rank) + " names in the binding");
  if (pidValues.empty()) {
    mlir::OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(entry);
    for (unsigned d = 0; d < pidRank; ++d)
      pidValues.push_back(
          PidOp::create(b, loc(vd->getLocation()), b.getIndexType(), b.getI64IntegerAttr(d)));
  }
  unsigned d = 0;
  for (const BindingDecl *bd : dd->bindings()) {
    // The PE functions take the coordinates they still use under these names.
    pidValues[d].getDefiningOp()->setAttr(AlloDialect::kName, b.getStringAttr(bd->getName()));
    pidDims[bd] = d++;
  }
  return true;
}

std::optional<AffineValue> FunctionRaiser::pidBinding(const Expr *e) {
  auto *dr = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
  auto *bd = dr ? dyn_cast<BindingDecl>(dr->getDecl()) : nullptr;
  if (!bd)
    return std::nullopt;
  auto it = pidDims.find(bd);
  if (it == pidDims.end())
    unsupported(e, "structured binding '" + bd->getName() +
                       "' (only auto [i, j] = allo::get_pid<2>() is raised)");
  return AffineValue{mlir::getAffineDimExpr(0, &mod.ctx), {pidValues[it->second]}};
}
