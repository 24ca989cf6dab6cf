//===- RaiseLoop.cpp - Raising loops --------------------------------------===//
//
// for loops in canonical form (one integer induction variable written only by
// the increment, a constant step, affine bounds, no early exit) become
// affine.for; decreasing loops are normalised to a 0-based counter
// (i = start - step * k). Canonical loops with loop-invariant non-affine
// bounds become scf.for; every other loop becomes scf.while.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloDialect.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;
namespace arith = mlir::arith;

namespace {
bool isUnsignedInt(QualType t) { return t->isUnsignedIntegerType() && !t->isBooleanType(); }

bool contains(const Stmt *outer, const Stmt *inner) {
  if (!outer)
    return false;
  if (outer == inner)
    return true;
  for (const Stmt *c : outer->children())
    if (contains(c, inner))
      return true;
  return false;
}

/// `v = e` as a statement or for-init (also wrapped in ExprWithCleanups, as
/// when e binds a temporary: `i = std::max(a, b)`), else null.
const BinaryOperator *asPlainAssign(const Stmt *s) {
  auto *e = dyn_cast_or_null<Expr>(s);
  if (!e)
    return nullptr;
  if (auto *ewc = dyn_cast<ExprWithCleanups>(e))
    e = ewc->getSubExpr();
  auto *bo = dyn_cast<BinaryOperator>(e->IgnoreParens());
  return bo && bo->getOpcode() == BO_Assign ? bo : nullptr;
}

/// False when `inner` certainly lies outside `outer` (its expansion range
/// begins before or after `outer`'s); a cheap filter before `contains`.
bool mayEnclose(const Stmt *outer, const Stmt *inner, ASTContext &ast) {
  const SourceManager &sm = ast.getSourceManager();
  SourceLocation ob = sm.getExpansionLoc(outer->getBeginLoc());
  SourceLocation oe = sm.getExpansionRange(outer->getEndLoc()).getEnd();
  SourceLocation ib = sm.getExpansionLoc(inner->getBeginLoc());
  if (ob.isInvalid() || oe.isInvalid() || ib.isInvalid())
    return true;
  return !sm.isBeforeInTranslationUnit(ib, ob) && !sm.isBeforeInTranslationUnit(oe, ib);
}

/// The canonical shape of a for loop, before bounds are analysed.
struct Canonical {
  const VarDecl *iv = nullptr;
  /// The initial value: the declaration's initializer (`for (int i = e; …)`)
  /// or the right-hand side of the assignment (`for (i = e; …)`).
  const Expr *init = nullptr;
  /// `i = e` when the variable is declared before the loop, else null.
  const BinaryOperator *initAssign = nullptr;
  int64_t step = 0;
  BinaryOperatorKind cmp = BO_LT; ///< normalised to `iv cmp bound`
  const Expr *bound = nullptr;
  QualType cmpType; ///< the type both sides of the condition are compared in
  /// `++i` / `i += k` can wrap (or convert) without undefined behaviour:
  /// unsigned, or narrower than int (computed in int, then converted back).
  bool ivMayWrap = false;
  /// The induction variable is signed but compared as unsigned; exact only
  /// while it stays non-negative.
  bool signedAsUnsigned = false;
  /// An `ap_[u]int<W>` induction variable (`for (ap_uint<4> i = 0; i < 15;
  /// i++)`): its width and signedness (the class's, not its object size).
  bool ap = false;
  unsigned apBits = 0;
  bool apUnsigned = false;
};

/// The width and signedness of an `ap_[u]int` type, for a loop's variable.
using APIntInfo = llvm::function_ref<std::optional<std::pair<unsigned, bool>>(QualType)>;

/// `e` without the temporaries and no-op conversions of an operator call's
/// reference argument (value conversions stay).
const Expr *stripTemporaries(const Expr *e) {
  while (true) {
    e = e->IgnoreParens();
    if (auto *fe = dyn_cast<FullExpr>(e))
      e = fe->getSubExpr();
    else if (auto *m = dyn_cast<MaterializeTemporaryExpr>(e))
      e = m->getSubExpr();
    else if (auto *c = dyn_cast<ImplicitCastExpr>(e); c && c->getCastKind() == CK_NoOp)
      e = c->getSubExpr();
    else
      return e;
  }
}

const VarDecl *refTo(const Expr *e) {
  if (auto *dr = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts()))
    return dyn_cast<VarDecl>(dr->getDecl());
  return nullptr;
}

std::optional<int64_t> constantOf(const Expr *e, ASTContext &ast) {
  Expr::EvalResult r;
  if (!e->isValueDependent() && e->EvaluateAsInt(r, ast) && !r.HasSideEffects)
    return r.Val.getInt().getExtValue();
  return std::nullopt;
}

std::optional<Canonical>
matchCanonical(const ForStmt *s, ASTContext &ast,
               const llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> &writes,
               APIntInfo apInt) {
  Canonical c;
  if (auto *ds = dyn_cast_or_null<DeclStmt>(s->getInit())) {
    if (!ds->isSingleDecl())
      return std::nullopt;
    c.iv = dyn_cast<VarDecl>(ds->getSingleDecl());
    c.init = c.iv ? c.iv->getInit() : nullptr;
  } else if (const BinaryOperator *as = asPlainAssign(s->getInit())) {
    // `int i; ... for (i = e; …)`: a local variable or parameter declared
    // before the loop (PolyBench / MachSuite style).
    auto *dr = dyn_cast<DeclRefExpr>(as->getLHS()->IgnoreParens());
    c.iv = dr ? dyn_cast<VarDecl>(dr->getDecl()) : nullptr;
    if (c.iv && (!c.iv->isLocalVarDeclOrParm() || c.iv->isStaticLocal() ||
                 c.iv->getType().isVolatileQualified()))
      return std::nullopt;
    c.init = as->getRHS();
    c.initAssign = as;
  }
  if (!c.iv || !c.init || c.iv->getType()->isBooleanType())
    return std::nullopt;
  if (!c.iv->getType()->isIntegerType()) {
    // An ap_[u]int variable declared in the loop, initialised by a constant
    // it holds exactly (its constructor's argument).
    auto info = apInt(c.iv->getType());
    if (!info || c.initAssign || info->first > 62)
      return std::nullopt;
    c.ap = true;
    c.apBits = info->first;
    c.apUnsigned = info->second;
    auto *ce = dyn_cast<CXXConstructExpr>(stripTemporaries(c.init)->IgnoreImplicitAsWritten());
    if (auto *ic = dyn_cast<ImplicitCastExpr>(stripTemporaries(c.init));
        !ce && ic && ic->getCastKind() == CK_ConstructorConversion)
      ce = dyn_cast<CXXConstructExpr>(ic->getSubExpr());
    if (!ce || ce->getNumArgs() != 1 || !ce->getArg(0)->getType()->isIntegerType())
      return std::nullopt;
    auto k = constantOf(ce->getArg(0), ast);
    int64_t lo = c.apUnsigned ? 0 : -(int64_t(1) << (c.apBits - 1));
    int64_t hi = c.apUnsigned ? (int64_t(1) << c.apBits) - 1 : (int64_t(1) << (c.apBits - 1)) - 1;
    if (!k || *k < lo || *k > hi)
      return std::nullopt;
    c.init = ce->getArg(0);
  }
  // Step.
  const Expr *inc = s->getInc();
  if (!inc)
    return std::nullopt;
  inc = inc->IgnoreParens();
  if (auto *fe = dyn_cast<FullExpr>(inc); fe && c.ap)
    inc = fe->getSubExpr()->IgnoreParens(); // `i += 2` binds a temporary int
  if (auto *oc = dyn_cast<CXXOperatorCallExpr>(inc)) {
    // ++i, i++, --i, i--, i += k, i -= k on an ap_[u]int.
    if (!c.ap || oc->getNumArgs() < 1 || refTo(oc->getArg(0)) != c.iv)
      return std::nullopt;
    switch (oc->getOperator()) {
    case OO_PlusPlus: c.step = 1; break;
    case OO_MinusMinus: c.step = -1; break;
    case OO_PlusEqual:
    case OO_MinusEqual: {
      // The step, possibly converted to the class by a constructor.
      const Expr *by = oc->getNumArgs() == 2 ? stripTemporaries(oc->getArg(1)) : nullptr;
      if (auto *ic = dyn_cast_or_null<ImplicitCastExpr>(by);
          ic && ic->getCastKind() == CK_ConstructorConversion)
        by = stripTemporaries(ic->getSubExpr());
      if (auto *ce = dyn_cast_or_null<CXXConstructExpr>(by); ce && ce->getNumArgs() == 1)
        by = ce->getArg(0);
      auto k = by && by->getType()->isIntegerType() ? constantOf(by, ast) : std::nullopt;
      if (!k || *k == 0)
        return std::nullopt;
      c.step = oc->getOperator() == OO_PlusEqual ? *k : -*k;
      break;
    }
    default: return std::nullopt;
    }
  } else if (c.ap) {
    return std::nullopt;
  } else if (auto *u = dyn_cast<UnaryOperator>(inc)) {
    if (!u->isIncrementDecrementOp() || refTo(u->getSubExpr()) != c.iv)
      return std::nullopt;
    c.step = u->isIncrementOp() ? 1 : -1;
  } else if (auto *ca = dyn_cast<CompoundAssignOperator>(inc)) {
    auto k = constantOf(ca->getRHS(), ast);
    if (refTo(ca->getLHS()) != c.iv || !k || *k == 0 ||
        (ca->getOpcode() != BO_AddAssign && ca->getOpcode() != BO_SubAssign))
      return std::nullopt;
    c.step = ca->getOpcode() == BO_AddAssign ? *k : -*k;
  } else if (auto *as = dyn_cast<BinaryOperator>(inc)) {
    // i = i + k, i = k + i, i = i - k
    if (as->getOpcode() != BO_Assign || refTo(as->getLHS()) != c.iv)
      return std::nullopt;
    auto *rhs = dyn_cast<BinaryOperator>(as->getRHS()->IgnoreParenImpCasts());
    if (!rhs || (rhs->getOpcode() != BO_Add && rhs->getOpcode() != BO_Sub))
      return std::nullopt;
    const Expr *other = nullptr;
    if (refTo(rhs->getLHS()) == c.iv)
      other = rhs->getRHS();
    else if (rhs->getOpcode() == BO_Add && refTo(rhs->getRHS()) == c.iv)
      other = rhs->getLHS();
    auto k = other ? constantOf(other, ast) : std::nullopt;
    if (!k || *k == 0)
      return std::nullopt;
    c.step = rhs->getOpcode() == BO_Add ? *k : -*k;
  } else {
    return std::nullopt;
  }
  // Inside the loop, the increment must be the only write to the induction
  // variable (a variable declared before the loop may be written elsewhere).
  auto it = writes.find(c.iv);
  if (it != writes.end())
    for (const Expr *w : it->second) {
      if (w == c.initAssign || contains(s->getInc(), w))
        continue;
      if (!c.initAssign ||
          (mayEnclose(s, w, ast) &&
           (contains(s->getBody(), w) || contains(s->getCond(), w) || contains(c.init, w))))
        return std::nullopt;
    }
  // Condition: iv OP bound or bound OP iv.
  if (c.ap) {
    // The class's comparison of the variable with a builtin integer: exact
    // (both values, mathematically).
    auto *oc = dyn_cast_or_null<CXXOperatorCallExpr>(s->getCond() ? stripTemporaries(s->getCond())
                                                                  : nullptr);
    if (!oc || oc->getNumArgs() != 2)
      return std::nullopt;
    BinaryOperatorKind op;
    switch (oc->getOperator()) {
    case OO_Less: op = BO_LT; break;
    case OO_LessEqual: op = BO_LE; break;
    case OO_Greater: op = BO_GT; break;
    case OO_GreaterEqual: op = BO_GE; break;
    default: return std::nullopt;
    }
    const Expr *a = stripTemporaries(oc->getArg(0)), *b = stripTemporaries(oc->getArg(1));
    if (refTo(a) == c.iv && !isa<CXXMemberCallExpr>(a->IgnoreParenImpCasts())) {
      c.cmp = op;
      c.bound = b;
    } else if (refTo(b) == c.iv) {
      c.cmp = BinaryOperator::reverseComparisonOp(op);
      c.bound = a;
    } else {
      return std::nullopt;
    }
    if (c.bound->getType()->isBooleanType() ||
        (!c.bound->getType()->isIntegerType() && !apInt(c.bound->getType())))
      return std::nullopt;
    c.cmpType = ast.LongLongTy;
    c.ivMayWrap = true; // an ap_[u]int wraps modulo 2^W
    bool up = c.step > 0;
    if (up ? (c.cmp != BO_LT && c.cmp != BO_LE) : (c.cmp != BO_GT && c.cmp != BO_GE))
      return std::nullopt;
    return c;
  }
  auto *cond = dyn_cast_or_null<BinaryOperator>(
      s->getCond() ? s->getCond()->IgnoreImplicit()->IgnoreParens() : nullptr);
  if (!cond || !cond->isRelationalOp())
    return std::nullopt;
  QualType ct = cond->getLHS()->getType();
  QualType ivt = c.iv->getType();
  bool ivU = isUnsignedInt(ivt), ctU = isUnsignedInt(ct);
  uint64_t ivW = ast.getTypeSize(ivt), ctW = ast.getTypeSize(ct);
  c.cmpType = ct;
  c.ivMayWrap = ivU || ivW < ast.getTypeSize(ast.IntTy);
  // The induction variable must convert to the comparison type without
  // changing its value (then the comparison is the mathematical one), except
  // a signed variable compared as unsigned (`i < N` with a size_t N), which
  // the callers accept only when it provably stays non-negative.
  if (ctW < ivW || (ivU && !ctU && ctW == ivW))
    return std::nullopt;
  c.signedAsUnsigned = !ivU && ctU;
  if (refTo(cond->getLHS()) == c.iv) {
    c.cmp = cond->getOpcode();
    c.bound = cond->getRHS();
  } else if (refTo(cond->getRHS()) == c.iv) {
    c.cmp = BinaryOperator::reverseComparisonOp(cond->getOpcode());
    c.bound = cond->getLHS();
  } else {
    return std::nullopt;
  }
  bool up = c.step > 0;
  if (up ? (c.cmp != BO_LT && c.cmp != BO_LE) : (c.cmp != BO_GT && c.cmp != BO_GE))
    return std::nullopt;
  return c;
}

/// A variable declared before its loop lives in memory outside it (it is
/// written by the loop's init): the loop rebinds it and stores what it leaves.
bool outsideBindingOk(const llvm::DenseMap<const VarDecl *, Binding> &vars, const Canonical &c) {
  if (!c.initAssign)
    return true;
  auto it = vars.find(c.iv);
  return it != vars.end() && it->second.kind == Binding::Memory && it->second.value &&
         llvm::cast<mlir::MemRefType>(it->second.value.getType()).getRank() == 0;
}

/// std::min (for upper bounds) / std::max (for lower bounds) as a list.
const CallExpr *asMinMax(const Expr *e, llvm::StringRef which) {
  e = e->IgnoreParenImpCasts();
  if (auto *m = dyn_cast<MaterializeTemporaryExpr>(e))
    e = m->getSubExpr()->IgnoreParenImpCasts();
  auto *call = dyn_cast<CallExpr>(e);
  const FunctionDecl *f = call ? call->getDirectCallee() : nullptr;
  if (!f || !f->getIdentifier() || f->getName() != which || call->getNumArgs() != 2 ||
      !f->isInStdNamespace())
    return nullptr;
  return call;
}
} // namespace

void FunctionRaiser::emitCountedLoopBody(const Stmt *body) {
  // Counted loops have no early exits: their frame holds no flags.
  loopStack.push_back(LoopFrame());
  emitStmt(body);
  loopStack.pop_back();
}

void FunctionRaiser::emitLoop(const Stmt *loop, llvm::ArrayRef<const Attr *> attrs) {
  mlir::Operation *op = nullptr;
  auto *fs = dyn_cast<ForStmt>(loop);
  astLoops.push_back(loop);
  if (!(fs && (tryEmitAffineFor(fs, op) || tryEmitScfFor(fs, op))))
    op = emitWhileLoop(loop);
  astLoops.pop_back();
  applyLoopAttrs(op, loop, attrs);
}

namespace {
/// The variable a `for (v = e; …)` loop assigns in its init, or null.
const VarDecl *initAssigned(const ForStmt *f) {
  const BinaryOperator *as = asPlainAssign(f->getInit());
  if (!as)
    return nullptr;
  auto *dr = dyn_cast<DeclRefExpr>(as->getLHS()->IgnoreParens());
  return dr ? dyn_cast<VarDecl>(dr->getDecl()) : nullptr;
}
} // namespace

void FunctionRaiser::findLoopVarReads() {
  // Every read of a variable v is attributed to the innermost `for (v = e;
  // …)` loop whose condition, increment or body holds it: entering those
  // parts of a loop always passes through its init, so such a read never sees
  // a value left by a loop outside that one. Reads in no such loop are free.
  struct Open {
    const VarDecl *var;
    const ForStmt *loop;
  };
  llvm::SmallVector<Open, 8> open;
  std::function<void(const Stmt *)> walk = [&](const Stmt *s) {
    if (!s)
      return;
    if (!isa<Expr>(s))
      for (const Stmt *c : s->children())
        if (c)
          stmtParents[c] = s;
    if (auto *f = dyn_cast<ForStmt>(s)) {
      walk(f->getInit());
      const VarDecl *v = initAssigned(f);
      if (v) {
        open.push_back({v, f});
        loopInitVars.insert(v);
      }
      walk(f->getConditionVariableDeclStmt());
      walk(f->getCond());
      walk(f->getInc());
      walk(f->getBody());
      if (v)
        open.pop_back();
      return;
    }
    if (auto *as = dyn_cast<BinaryOperator>(s); as && as->getOpcode() == BO_Assign)
      if (isa<DeclRefExpr>(as->getLHS()->IgnoreParens())) {
        walk(as->getRHS()); // the left side is written, not read
        return;
      }
    if (auto *dr = dyn_cast<DeclRefExpr>(s)) {
      auto *v = dyn_cast<VarDecl>(dr->getDecl());
      if (!v)
        return;
      const ForStmt *in = nullptr;
      for (const Open &o : llvm::reverse(open))
        if (o.var == v) {
          in = o.loop;
          break;
        }
      if (in)
        loopVarReadLoops[v].insert(in);
      else
        loopVarFreeReads.insert(v);
      return;
    }
    for (const Stmt *c : s->children())
      walk(c);
  };
  walk(fn->getBody());
}

namespace {
/// `s` may read `v` (any use but the left side of a plain assignment).
bool readsVar(const Stmt *s, const VarDecl *v) {
  if (!s)
    return false;
  if (auto *as = dyn_cast<BinaryOperator>(s); as && as->getOpcode() == BO_Assign)
    if (isa<DeclRefExpr>(as->getLHS()->IgnoreParens()))
      return readsVar(as->getRHS(), v);
  if (auto *dr = dyn_cast<DeclRefExpr>(s))
    return dr->getDecl() == v;
  for (const Stmt *c : s->children())
    if (readsVar(c, v))
      return true;
  return false;
}
} // namespace

bool FunctionRaiser::loopVarLiveAfter(const VarDecl *v) {
  // Live after the loop being emitted (astLoops.back()) if some read may see
  // the value it leaves: a free read, or one attributed to a loop around it.
  bool mayBe = loopVarFreeReads.contains(v);
  if (auto it = loopVarReadLoops.find(v); !mayBe && it != loopVarReadLoops.end())
    for (size_t k = 0; k + 1 < astLoops.size() && !mayBe; ++k)
      if (auto *f = dyn_cast<ForStmt>(astLoops[k]); f && it->second.contains(f))
        mayBe = true;
  if (!mayBe)
    return false;
  // Then follow the statements that run after the loop, up the statement
  // tree: a statement that overwrites v before reading it (`for (v = e; …)`,
  // `v = e;` with e not reading v) ends the search, one that may read it (or
  // leave early) makes it live; the end of the function makes it dead.
  enum class Flow { Pass, Kill, Use };
  auto flow = [&](const Stmt *x) {
    while (true) {
      if (auto *ls = dyn_cast<LabelStmt>(x))
        x = ls->getSubStmt();
      else if (auto *as = dyn_cast<AttributedStmt>(x))
        x = as->getSubStmt();
      else
        break;
    }
    if (auto *f = dyn_cast<ForStmt>(x);
        f && initAssigned(f) == v && !readsVar(asPlainAssign(f->getInit())->getRHS(), v))
      return Flow::Kill;
    if (const BinaryOperator *as = asPlainAssign(x))
      if (auto *dr = dyn_cast<DeclRefExpr>(as->getLHS()->IgnoreParens());
          dr && dr->getDecl() == v && !readsVar(as->getRHS(), v))
        return Flow::Kill;
    if (readsVar(x, v) || exitsOf(x))
      return Flow::Use;
    return Flow::Pass;
  };
  auto scan = [&](const Stmt *list, const Stmt *after) {
    auto *cs = dyn_cast<CompoundStmt>(list);
    if (!cs)
      return after ? Flow::Pass : flow(list);
    bool started = !after;
    for (const Stmt *x : cs->body()) {
      if (!started) {
        started = x == after;
        continue;
      }
      if (Flow f = flow(x); f != Flow::Pass)
        return f;
    }
    return Flow::Pass;
  };
  for (const Stmt *cur = astLoops.back();;) {
    const Stmt *p = stmtParents.lookup(cur);
    if (!p)
      return false; // the end of the function body
    if (isa<CompoundStmt>(p)) {
      if (Flow f = scan(p, cur); f != Flow::Pass)
        return f == Flow::Use;
    } else if (auto *f = dyn_cast<ForStmt>(p)) {
      // The next iteration: increment, condition, then the body again.
      if (readsVar(f->getInc(), v) || readsVar(f->getCond(), v) ||
          scan(f->getBody(), nullptr) == Flow::Use)
        return true;
    } else if (auto *w = dyn_cast<WhileStmt>(p)) {
      if (readsVar(w->getCond(), v) || scan(w->getBody(), nullptr) == Flow::Use)
        return true;
    } else if (auto *d = dyn_cast<DoStmt>(p)) {
      if (readsVar(d->getCond(), v) || scan(d->getBody(), nullptr) == Flow::Use)
        return true;
    } else if (!isa<IfStmt, LabelStmt, AttributedStmt>(p)) {
      return true;
    }
    cur = p;
  }
}

void FunctionRaiser::applyLoopAttrs(mlir::Operation *op, const Stmt *loop,
                                    llvm::ArrayRef<const Attr *> attrs) {
  mlir::Builder mb(&mod.ctx);
  if (const NamedLoop *nl = loopNames.lookup(loop)) {
    op->setAttr(AlloDialect::kName, mb.getStringAttr(nl->name));
    if (nl->explicitName)
      op->setAttr(AlloDialect::kLabel, mb.getUnitAttr());
    if (!nl->inductionVar.empty())
      op->setAttr(AlloDialect::kInductionVar, mb.getStringAttr(nl->inductionVar));
  }
  applyHLSPragmas(op, loop);
  for (const AlloAnnotation &a : getAlloAnnotations(attrs)) {
    auto ev = evaluateAnnotation(a, fn, ast);
    if (!ev)
      throw RaiseError();
    llvm::StringRef n = a.spec->name;
    if (n == "pipeline") {
      op->setAttr(AlloDialect::kPipelineII, mb.getI64IntegerAttr(*ev->getInt("ii")));
      if (ev->hasFlag("rewind"))
        op->setAttr(AlloDialect::kPipelineRewind, mb.getUnitAttr());
    } else if (n == "unroll") {
      op->setAttr(AlloDialect::kUnroll, mb.getI64IntegerAttr(*ev->getInt("factor")));
    } else if (n == "flatten") {
      op->setAttr(AlloDialect::kFlatten, mb.getUnitAttr());
    } else if (n == "dataflow") {
      op->setAttr(AlloDialect::kDataflow, mb.getUnitAttr());
    }
  }
}

std::optional<std::pair<unsigned, bool>> FunctionRaiser::apIntOf(QualType t) const {
  if (!isAPInt(t))
    return std::nullopt;
  ScalarInfo si = *mod.types.scalar(t);
  return std::pair(si.type.getIntOrFloatBitWidth(), !si.isSigned);
}

bool FunctionRaiser::tryEmitAffineFor(const ForStmt *s, mlir::Operation *&op) {
  if (exitsOf(s->getBody()))
    return false;
  auto c = matchCanonical(s, ast, writes, [&](QualType t) { return apIntOf(t); });
  if (!c || !outsideBindingOk(vars, *c))
    return false;
  bool isU = c->ap ? c->apUnsigned : isUnsignedInt(c->iv->getType());
  unsigned ivBits = c->ap ? c->apBits : ast.getTypeSize(c->iv->getType());
  int64_t ivMax = ivBits >= 64
                      ? INT64_MAX - 1
                      : (isU ? (int64_t(1) << ivBits) - 1 : (int64_t(1) << (ivBits - 1)) - 1);
  int64_t ivMin = isU ? 0 : ivBits >= 64 ? INT64_MIN + 1 : -(int64_t(1) << (ivBits - 1));
  // Bound lists: a max of lower bounds, a min of upper bounds.
  auto boundList = [&](const Expr *e, llvm::StringRef minOrMax,
                       std::vector<AffineValue> &out) -> bool {
    std::function<bool(const Expr *)> go = [&](const Expr *x) {
      if (const CallExpr *mm = asMinMax(x, minOrMax))
        return go(mm->getArg(0)) && go(mm->getArg(1));
      auto a = tryAffine(x);
      if (!a)
        return false;
      out.push_back(*a);
      return true;
    };
    return go(e);
  };
  std::vector<AffineValue> lbs, ubs, starts;
  mlir::Location l = loc(s);
  AffineValue all{mlir::getAffineConstantExpr(0, &mod.ctx), {}};
  llvm::SmallVector<mlir::AffineExpr, 4> lbExprs, ubExprs;
  auto add = [&](const AffineValue &v, llvm::SmallVectorImpl<mlir::AffineExpr> &exprs,
                 int64_t plus) {
    all = combine(all, v, [&](mlir::AffineExpr a, mlir::AffineExpr b) {
      exprs.push_back(b + plus);
      return a;
    });
  };
  if (c->step > 0) {
    if (!boundList(c->init, "max", lbs) || !boundList(c->bound, "min", ubs))
      return false;
    if (isU || c->signedAsUnsigned)
      for (const AffineValue &v : lbs) {
        auto r = rangeOf(v);
        if (!r || r->first < 0)
          return false;
      }
    if (c->ivMayWrap) {
      // The C++ loop ends only if the variable reaches the bound before it
      // wraps: the value after the last iteration (at most the exclusive
      // upper bound - 1 + step) must still be representable.
      bool fits = c->cmp == BO_LT && c->step == 1 && !c->ap &&
                  ast.getTypeSize(c->cmpType) == ast.getTypeSize(c->iv->getType());
      for (const AffineValue &v : ubs)
        if (auto r = rangeOf(v);
            r && r->second + (c->cmp == BO_LE ? 1 : 0) <= ivMax - (c->step - 1))
          fits = true;
      if (!fits)
        return false;
    }
    for (const AffineValue &v : lbs)
      add(v, lbExprs, 0);
    for (const AffineValue &v : ubs)
      add(v, ubExprs, c->cmp == BO_LE ? 1 : 0);
  } else {
    if (isU || c->signedAsUnsigned)
      return false;
    if (!boundList(c->init, "min", starts) || starts.size() != 1 ||
        !boundList(c->bound, "max", lbs))
      return false;
    if (c->ivMayWrap) {
      // The value after the last iteration (at least the inclusive lower
      // bound - step) must be at least the type's minimum.
      bool fits = false;
      for (const AffineValue &v : lbs)
        if (auto r = rangeOf(v); r && r->first + (c->cmp == BO_GT ? 1 : 0) >= ivMin - c->step)
          fits = true;
      if (!fits)
        return false;
    }
    int64_t k = -c->step;
    // for (i = S; i >= L; i -= k)  ==>  for (t = 0; t < (S - L) floordiv k + 1; ++t), i = S - k*t
    for (const AffineValue &lo : lbs) {
      AffineValue span = combine(starts[0], lo, [&](mlir::AffineExpr a, mlir::AffineExpr b) {
        return (a - b - (c->cmp == BO_GT ? 1 : 0)).floorDiv(k) + 1;
      });
      add(span, ubExprs, 0);
    }
    lbExprs.push_back(mlir::getAffineConstantExpr(0, &mod.ctx));
  }
  unsigned n = all.operands.size();
  auto lbMap = mlir::AffineMap::get(n, 0, lbExprs, &mod.ctx);
  auto ubMap = mlir::AffineMap::get(n, 0, ubExprs, &mod.ctx);
  auto forOp = mlir::affine::AffineForOp::create(b, l, all.operands, lbMap, all.operands, ubMap,
                                                 c->step > 0 ? c->step : 1);
  mlir::Value iv = forOp.getInductionVar();
  Binding bind;
  bind.kind = Binding::Affine;
  bind.type = c->iv->getType();
  AffineValue counter{mlir::getAffineDimExpr(0, &mod.ctx), {iv}};
  if (c->step > 0) {
    bind.affine = counter;
  } else {
    int64_t k = -c->step;
    bind.affine = combine(starts[0], counter,
                          [&](mlir::AffineExpr a, mlir::AffineExpr t) { return a - t * k; });
    // Remember the source loop (i from S down to L by k) so emitters can print
    // it as written: S and L over the loop's bound operands.
    AffineValue startV =
        combine(all, starts[0], [](mlir::AffineExpr, mlir::AffineExpr y) { return y; });
    llvm::SmallVector<mlir::AffineExpr, 2> limits;
    for (const AffineValue &lo : lbs)
      combine(all, lo, [&](mlir::AffineExpr x, mlir::AffineExpr y) {
        limits.push_back(y + (c->cmp == BO_GT ? 1 : 0));
        return x;
      });
    if (startV.operands.size() == n) {
      mlir::Builder mb(&mod.ctx);
      forOp->setAttr(AlloDialect::kReverseStart,
                     mlir::AffineMapAttr::get(mlir::AffineMap::get(n, 0, startV.expr)));
      forOp->setAttr(AlloDialect::kReverseLimit,
                     mlir::AffineMapAttr::get(mlir::AffineMap::get(n, 0, limits, &mod.ctx)));
      forOp->setAttr(AlloDialect::kReverseStep, mb.getI64IntegerAttr(k));
    }
  }
  std::optional<Binding> outside;
  if (c->initAssign)
    outside = vars.lookup(c->iv);
  vars[c->iv] = bind;
  {
    mlir::OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(forOp.getBody()->getTerminator());
    emitCountedLoopBody(s->getBody());
  }
  op = forOp;
  if (!outside)
    return true;
  // A variable declared before the loop is the induction variable inside it;
  // if it may be read later, it gets the value C++ leaves in it.
  vars[c->iv] = *outside;
  if (!loopVarLiveAfter(c->iv))
    return true;
  auto operands = mlir::getAsOpFoldResult(mlir::ValueRange(all.operands));
  auto simplified = [&](unsigned dims, llvm::ArrayRef<mlir::AffineExpr> results) {
    return mlir::simplifyAffineMap(mlir::AffineMap::get(dims, 0, results, &mod.ctx));
  };
  // max(x, y) (or min) of `x` and `y` over the loop's bound operands, using
  // what the bounds prove about y - x to drop the comparison.
  auto choose = [&](bool isMax, mlir::AffineExpr x, mlir::AffineExpr y) -> mlir::OpFoldResult {
    auto r = rangeOf(AffineValue{mlir::simplifyAffineExpr(y - x, n, 0), all.operands});
    llvm::SmallVector<mlir::AffineExpr, 2> results;
    if (r && (isMax ? r->first >= 0 : r->second <= 0))
      results = {y};
    else if (r && (isMax ? r->second <= 0 : r->first >= 0))
      results = {x};
    else
      results = {x, y};
    mlir::AffineMap m = simplified(n, results);
    return isMax ? mlir::affine::makeComposedFoldedAffineMax(b, l, m, operands)
                 : mlir::affine::makeComposedFoldedAffineMin(b, l, m, operands);
  };
  mlir::AffineExpr d0 = b.getAffineDimExpr(0), d1 = b.getAffineDimExpr(1);
  mlir::OpFoldResult last;
  if (c->step > 0) {
    // lb + step * max(0, ceildiv(ub - lb, step)) == max(lb, lb + step * ceildiv(ub - lb, step))
    int64_t st = c->step;
    if (lbExprs.size() == 1 && ubExprs.size() == 1) {
      mlir::AffineExpr lo = lbExprs[0], hi = ubExprs[0];
      last = choose(true, lo, lo + (hi - lo).ceilDiv(st) * st);
    } else {
      mlir::OpFoldResult lo = mlir::affine::makeComposedFoldedAffineMax(b, l, lbMap, operands);
      mlir::OpFoldResult hi = mlir::affine::makeComposedFoldedAffineMin(b, l, ubMap, operands);
      last = mlir::affine::makeComposedFoldedAffineMax(
          b, l, simplified(2, {d0, d0 + (d1 - d0).ceilDiv(st) * st}), {lo, hi});
    }
  } else {
    // start - k * max(0, trip count) == min(start, start - k * trip count)
    int64_t k = -c->step;
    AffineValue startV =
        combine(all, starts[0], [](mlir::AffineExpr, mlir::AffineExpr y) { return y; });
    if (ubExprs.size() == 1 && startV.operands.size() == n) {
      last = choose(false, startV.expr, startV.expr - ubExprs[0] * k);
    } else {
      mlir::OpFoldResult trips = mlir::affine::makeComposedFoldedAffineMin(b, l, ubMap, operands);
      llvm::SmallVector<mlir::OpFoldResult, 4> ops =
          mlir::getAsOpFoldResult(mlir::ValueRange(startV.operands));
      ops.push_back(trips);
      unsigned sn = startV.operands.size();
      last = mlir::affine::makeComposedFoldedAffineMin(
          b, l, simplified(sn + 1, {startV.expr, startV.expr - b.getAffineDimExpr(sn) * k}), ops);
    }
  }
  storeLoopVar(c->iv, last, l);
  return true;
}

void FunctionRaiser::storeLoopVar(const VarDecl *vd, mlir::OpFoldResult v, mlir::Location l) {
  const Binding &bind = vars[vd];
  ScalarInfo si = scalarOrFail(vd->getType(), vd->getLocation());
  mlir::Value x;
  if (auto c = mlir::getConstantIntValue(v))
    x = constInt(si.type, *c, l);
  else if (isUnsignedInt(vd->getType()))
    x = arith::IndexCastUIOp::create(b, l, si.type, llvm::cast<mlir::Value>(v));
  else
    x = arith::IndexCastOp::create(b, l, si.type, llvm::cast<mlir::Value>(v));
  mlir::affine::AffineStoreOp::create(b, l, x, bind.value, mlir::AffineMap::get(&mod.ctx),
                                      mlir::ValueRange{});
}

bool FunctionRaiser::tryEmitScfFor(const ForStmt *s, mlir::Operation *&op) {
  if (exitsOf(s->getBody()))
    return false;
  auto c = matchCanonical(s, ast, writes, [&](QualType t) { return apIntOf(t); });
  // (An ap_[u]int variable is counted only with affine bounds.)
  if (!c || c->ap || c->step < 0 || !outsideBindingOk(vars, *c))
    return false;
  // Without a known bound, only a variable that cannot wrap before reaching it.
  if (c->ivMayWrap && !(c->cmp == BO_LT && c->step == 1 &&
                        ast.getTypeSize(c->cmpType) == ast.getTypeSize(c->iv->getType())))
    return false;
  if (c->signedAsUnsigned) {
    auto init = tryAffine(c->init);
    auto r = init ? rangeOf(*init) : std::nullopt;
    if (!r || r->first < 0)
      return false;
  }
  // The bound must be loop-invariant: simple, reading only scalars that the
  // loop does not write.
  if (!isSimpleExpr(c->bound))
    return false;
  bool invariant = true;
  std::function<void(const Stmt *)> check = [&](const Stmt *x) {
    if (auto *dr = dyn_cast<DeclRefExpr>(x))
      if (auto *vd = dyn_cast<VarDecl>(dr->getDecl())) {
        auto it = writes.find(vd);
        if (vd == c->iv)
          invariant = false;
        else if (it != writes.end())
          for (const Expr *w : it->second)
            if (contains(s, w))
              invariant = false;
      }
    for (const Stmt *ch : x->children())
      check(ch);
  };
  check(c->bound);
  if (!invariant)
    return false;
  mlir::Location l = loc(s);
  bool isU = isUnsignedInt(c->iv->getType());
  bool cmpU = isUnsignedInt(c->cmpType);
  // Each side in its own type: the bound is compared in the (possibly wider)
  // comparison type and must not be truncated to the variable's type.
  auto toIndex = [&](const Expr *e, QualType t, bool u) -> mlir::Value {
    mlir::Value v = convert(emitRValue(e), e->getType(), t, l);
    if (u)
      return arith::IndexCastUIOp::create(b, l, b.getIndexType(), v);
    return arith::IndexCastOp::create(b, l, b.getIndexType(), v);
  };
  mlir::Value lb = toIndex(c->init, c->iv->getType(), isU);
  mlir::Value ub = toIndex(c->bound, c->cmpType, cmpU);
  if (c->cmp == BO_LE)
    ub = arith::AddIOp::create(b, l, ub, arith::ConstantIndexOp::create(b, l, 1));
  mlir::Value step = arith::ConstantIndexOp::create(b, l, c->step);
  auto forOp = mlir::scf::ForOp::create(b, l, lb, ub, step, mlir::ValueRange{}, nullptr, cmpU);
  mlir::OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(forOp.getBody());
  ScalarInfo si = scalarOrFail(c->iv->getType(), c->iv->getLocation());
  Binding bind;
  bind.kind = Binding::SSA;
  bind.type = c->iv->getType();
  bind.value =
      isU ? (mlir::Value)arith::IndexCastUIOp::create(b, l, si.type, forOp.getInductionVar())
          : (mlir::Value)arith::IndexCastOp::create(b, l, si.type, forOp.getInductionVar());
  std::optional<Binding> outside;
  if (c->initAssign)
    outside = vars.lookup(c->iv);
  vars[c->iv] = bind;
  if (forOp.getBody()->empty() || !forOp.getBody()->back().hasTrait<mlir::OpTrait::IsTerminator>())
    mlir::scf::YieldOp::create(b, l);
  b.setInsertionPoint(forOp.getBody()->getTerminator());
  emitCountedLoopBody(s->getBody());
  op = forOp;
  if (!outside)
    return true;
  vars[c->iv] = *outside;
  b.setInsertionPointAfter(forOp);
  if (!loopVarLiveAfter(c->iv))
    return true;
  // The value C++ leaves in the variable: ub > lb ? lb + step * ((ub - lb - 1) / step + 1) : lb
  // (the difference is exact as an unsigned number); ub > lb ? ub : lb for step 1.
  // (A constant lower bound folds: index_cast of a constant.)
  if (auto cast = lb.getDefiningOp<arith::IndexCastOp>())
    if (auto k = mlir::getConstantIntValue(cast.getIn()))
      lb = arith::ConstantIndexOp::create(b, l, *k);
  mlir::Value after = ub;
  if (c->step != 1) {
    mlir::Value one = arith::ConstantIndexOp::create(b, l, 1);
    mlir::Value diff =
        b.createOrFold<arith::SubIOp>(l, b.createOrFold<arith::SubIOp>(l, ub, lb), one);
    mlir::Value trips =
        b.createOrFold<arith::AddIOp>(l, b.createOrFold<arith::DivUIOp>(l, diff, step), one);
    after = b.createOrFold<arith::AddIOp>(l, lb, b.createOrFold<arith::MulIOp>(l, trips, step));
  }
  mlir::Value runs = b.createOrFold<arith::CmpIOp>(
      l, cmpU ? arith::CmpIPredicate::ugt : arith::CmpIPredicate::sgt, ub, lb);
  storeLoopVar(c->iv, b.createOrFold<arith::SelectOp>(l, runs, after, lb), l);
  return true;
}

mlir::Operation *FunctionRaiser::emitWhileLoop(const Stmt *loop) {
  mlir::Location l = loc(loop);
  const Stmt *body = nullptr;
  const Expr *cond = nullptr, *inc = nullptr;
  bool isDo = false;
  if (auto *f = dyn_cast<ForStmt>(loop)) {
    if (f->getInit())
      emitStmt(f->getInit());
    if (f->getConditionVariableDeclStmt())
      unsupported(loop, "a declaration in a for condition");
    body = f->getBody();
    cond = f->getCond();
    inc = f->getInc();
  } else if (auto *w = dyn_cast<WhileStmt>(loop)) {
    if (w->getConditionVariableDeclStmt())
      unsupported(loop, "a declaration in a while condition");
    body = w->getBody();
    cond = w->getCond();
  } else if (auto *d = dyn_cast<DoStmt>(loop)) {
    body = d->getBody();
    cond = d->getCond();
    isDo = true;
  } else {
    unsupported(loop, "this kind of loop");
  }
  unsigned ex = exitsOf(body);
  LoopFrame frame;
  if (ex & ExitBreak) {
    frame.breakFlag = allocaAtEntry(mlir::MemRefType::get({}, b.getI1Type()), l, "", QualType());
    storeFlag(frame.breakFlag, false, l);
  }
  if (ex & ExitContinue)
    frame.continueFlag = allocaAtEntry(mlir::MemRefType::get({}, b.getI1Type()), l, "", QualType());
  bool mayLeave = frame.breakFlag || ((ex & ExitReturn) && returnFlag);

  auto whileOp = mlir::scf::WhileOp::create(b, l, mlir::TypeRange{}, mlir::ValueRange{});
  mlir::OpBuilder::InsertionGuard guard(b);
  loopStack.push_back(frame);
  // Evaluates the C++ condition only while no break/return flag is set.
  auto guardedCond = [&]() -> mlir::Value {
    if (!cond)
      return mayLeave ? stillRunning(l, true, false) : constBool(true, l);
    if (!mayLeave)
      return emitCondition(cond);
    mlir::Value go = stillRunning(l, true, false);
    auto ifOp = mlir::scf::IfOp::create(b, l, mlir::TypeRange{b.getI1Type()}, go, true);
    mlir::OpBuilder::InsertionGuard g2(b);
    b.setInsertionPointToStart(&ifOp.getThenRegion().front());
    mlir::scf::YieldOp::create(b, l, emitCondition(cond));
    b.setInsertionPointToStart(&ifOp.getElseRegion().front());
    mlir::scf::YieldOp::create(b, l, constBool(false, l));
    return ifOp.getResult(0);
  };
  mlir::Block *before = b.createBlock(&whileOp.getBefore());
  b.setInsertionPointToStart(before);
  if (isDo) {
    if (frame.continueFlag)
      storeFlag(frame.continueFlag, false, l);
    emitStmt(body);
  }
  mlir::scf::ConditionOp::create(b, l, guardedCond(), mlir::ValueRange{});
  mlir::Block *after = b.createBlock(&whileOp.getAfter());
  b.setInsertionPointToStart(after);
  if (!isDo) {
    if (frame.continueFlag)
      storeFlag(frame.continueFlag, false, l);
    emitStmt(body);
    if (inc) {
      if (mayLeave) {
        // A break or return skips the increment; a continue does not.
        auto ifOp = mlir::scf::IfOp::create(b, l, stillRunning(l, true, false), false);
        mlir::OpBuilder::InsertionGuard g2(b);
        b.setInsertionPoint(ifOp.thenBlock()->getTerminator());
        emitRValue(inc);
      } else {
        emitRValue(inc);
      }
    }
  }
  mlir::scf::YieldOp::create(b, l);
  loopStack.pop_back();
  return whileOp;
}
