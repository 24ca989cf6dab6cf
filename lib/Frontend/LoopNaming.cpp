//===- LoopNaming.cpp - Names of loops for schedules ----------------------===//
#include "allo/Frontend/LoopNaming.h"
#include "allo/Attrs/ClangAttrs.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;
using namespace allo;

std::string allo::baseLoopName(const Stmt *loop, llvm::StringRef label, llvm::StringRef nameAttr) {
  if (!nameAttr.empty())
    return nameAttr.str();
  if (!label.empty())
    return label.str();
  if (auto *f = dyn_cast<ForStmt>(loop)) {
    if (auto *ds = dyn_cast_or_null<DeclStmt>(f->getInit()))
      if (ds->isSingleDecl())
        if (auto *vd = dyn_cast<VarDecl>(ds->getSingleDecl()))
          return vd->getName().str();
    // `for (i = 0; ...)` assigns an existing variable (`for (i = std::max(a,
    // b); ...)` is wrapped in ExprWithCleanups).
    const Stmt *init = f->getInit();
    if (auto *ewc = dyn_cast_or_null<ExprWithCleanups>(init))
      init = ewc->getSubExpr();
    if (auto *bo = dyn_cast_or_null<BinaryOperator>(init))
      if (bo->getOpcode() == BO_Assign)
        if (auto *dr = dyn_cast<DeclRefExpr>(bo->getLHS()->IgnoreParenImpCasts()))
          return dr->getDecl()->getName().str();
    return "for";
  }
  if (auto *r = dyn_cast<CXXForRangeStmt>(loop))
    return r->getLoopVariable()->getName().str();
  if (isa<WhileStmt>(loop))
    return "while";
  return "do";
}

namespace {
struct Walker {
  std::vector<NamedLoop> &loops;

  static std::string nameAttrOf(const AttributedStmt *as) {
    for (const AlloAnnotation &a : getAlloAnnotations(as->getAttrs())) {
      if (llvm::StringRef(a.spec->name) != "name")
        continue;
      ParsedAlloAttr parsed;
      AttrArgError err;
      if (parseAttrArgs(*a.spec, a.argText, parsed, err))
        if (const ParsedArg *arg = parsed.find("name"))
          return arg->text;
    }
    return "";
  }

  void walk(const Stmt *s, int parent, unsigned depth, std::string label, std::string nameAttr) {
    if (!s)
      return;
    if (auto *ls = dyn_cast<LabelStmt>(s))
      return walk(ls->getSubStmt(), parent, depth, ls->getName(), nameAttr);
    if (auto *as = dyn_cast<AttributedStmt>(s)) {
      std::string n = nameAttrOf(as);
      return walk(as->getSubStmt(), parent, depth, label, n.empty() ? nameAttr : n);
    }
    if (isa<ForStmt>(s) || isa<WhileStmt>(s) || isa<DoStmt>(s) || isa<CXXForRangeStmt>(s)) {
      NamedLoop nl;
      nl.loop = s;
      nl.baseName = baseLoopName(s, label, nameAttr);
      nl.explicitName = !label.empty() || !nameAttr.empty();
      nl.inductionVar = baseLoopName(s, "", "");
      if (nl.inductionVar == "while" || nl.inductionVar == "do" || nl.inductionVar == "for")
        nl.inductionVar.clear();
      nl.parent = parent;
      nl.depth = depth;
      nl.loc = s->getBeginLoc();
      loops.push_back(nl);
      int me = (int)loops.size() - 1;
      for (const Stmt *c : s->children())
        walk(c, me, depth + 1, "", "");
      return;
    }
    for (const Stmt *c : s->children())
      walk(c, parent, depth, "", "");
  }
};
} // namespace

LoopNames::LoopNames(const FunctionDecl *fn, ASTContext &) {
  if (!fn || !fn->hasBody())
    return;
  Walker{loops_}.walk(fn->getBody(), -1, 0, "", "");
  llvm::StringMap<unsigned> count, seen;
  for (const NamedLoop &l : loops_)
    ++count[l.baseName];
  for (unsigned i = 0; i < loops_.size(); ++i) {
    NamedLoop &l = loops_[i];
    l.name =
        count[l.baseName] > 1 ? l.baseName + "#" + std::to_string(seen[l.baseName]++) : l.baseName;
    index_[l.loop] = i;
  }
}

const NamedLoop *LoopNames::lookup(const Stmt *loop) const {
  auto it = index_.find(loop);
  return it == index_.end() ? nullptr : &loops_[it->second];
}
