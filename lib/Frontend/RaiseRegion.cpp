//===- RaiseRegion.cpp - What the body of an [[allo::region]] may hold ------===//
//
// As in Allo, a region only connects processes: its body declares streams
// (and constants) and calls kernels or other regions, each call a process
// running concurrently with the others. Computation belongs in a kernel;
// anything else in a region is a located error.
//
//===----------------------------------------------------------------------===//

#include "FunctionRaiser.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;

void FunctionRaiser::checkRegionBody() {
  auto *body = dyn_cast_or_null<CompoundStmt>(fn->getBody());
  if (!body)
    return;
  auto bad = [&](const Stmt *s, const llvm::Twine &what) {
    fail(s->getBeginLoc(), "[[allo::region]] '" + fn->getName() + "' holds " + what +
                               "; a region only declares streams and calls kernels or regions "
                               "(each call a process): move this into a [[allo::kernel]]");
  };
  for (const Stmt *s : body->body()) {
    if (isa<NullStmt>(s))
      continue;
    if (auto *ds = dyn_cast<DeclStmt>(s)) {
      for (const Decl *d : ds->decls()) {
        if (isa<TypedefNameDecl, StaticAssertDecl, UsingDecl, UsingDirectiveDecl>(d))
          continue;
        auto *vd = dyn_cast<VarDecl>(d);
        QualType t = vd ? vd->getType() : QualType();
        bool constant =
            vd && (vd->isConstexpr() || t.isConstQualified()) && t->isIntegralOrEnumerationType();
        if (vd && (mod.types.stream(t) || mod.types.streamArray(t) || constant))
          continue;
        bad(s, vd ? "the variable '" + vd->getName() + "' (not a stream)"
                  : llvm::Twine("a declaration"));
      }
      continue;
    }
    if (auto *r = dyn_cast<ReturnStmt>(s)) {
      if (!r->getRetValue() && s == body->body_back())
        continue;
      bad(s, "a return statement");
    }
    const Expr *e = dyn_cast<Expr>(s);
    e = e ? e->IgnoreImplicit() : nullptr;
    if (auto *call = dyn_cast_or_null<CallExpr>(e);
        call && !isa<CXXMemberCallExpr>(call) && !isa<CXXOperatorCallExpr>(call) &&
        call->getDirectCallee() && call->getDirectCallee()->hasBody())
      continue;
    if (isa_and_nonnull<CXXMemberCallExpr>(e) || isa_and_nonnull<CXXOperatorCallExpr>(e))
      bad(s, "a stream operation");
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(s))
      bad(s, "a loop");
    if (isa<IfStmt, SwitchStmt>(s))
      bad(s, "a condition");
    bad(s, "a statement that is not a call of a kernel");
  }
}
