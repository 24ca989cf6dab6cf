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

/// The canonical shape of a for loop, before bounds are analysed.
struct Canonical {
  const VarDecl *iv = nullptr;
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
};

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

std::optional<Canonical> matchCanonical(const ForStmt *s, ASTContext &ast,
                                        const llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> &writes) {
  Canonical c;
  auto *ds = dyn_cast_or_null<DeclStmt>(s->getInit());
  if (!ds || !ds->isSingleDecl())
    return std::nullopt;
  c.iv = dyn_cast<VarDecl>(ds->getSingleDecl());
  if (!c.iv || !c.iv->getInit() || !c.iv->getType()->isIntegerType() ||
      c.iv->getType()->isBooleanType())
    return std::nullopt;
  // Step.
  const Expr *inc = s->getInc();
  if (!inc)
    return std::nullopt;
  inc = inc->IgnoreParens();
  if (auto *u = dyn_cast<UnaryOperator>(inc)) {
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
  // The increment must be the only write to the induction variable.
  auto it = writes.find(c.iv);
  if (it != writes.end())
    for (const Expr *w : it->second)
      if (!contains(s->getInc(), w))
        return std::nullopt;
  // Condition: iv OP bound or bound OP iv.
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
  if (!(fs && (tryEmitAffineFor(fs, op) || tryEmitScfFor(fs, op))))
    op = emitWhileLoop(loop);
  applyLoopAttrs(op, loop, attrs);
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

bool FunctionRaiser::tryEmitAffineFor(const ForStmt *s, mlir::Operation *&op) {
  if (exitsOf(s->getBody()))
    return false;
  auto c = matchCanonical(s, ast, writes);
  if (!c)
    return false;
  bool isU = isUnsignedInt(c->iv->getType());
  unsigned ivBits = ast.getTypeSize(c->iv->getType());
  int64_t ivMax = ivBits >= 64 ? INT64_MAX - 1 : (isU ? (int64_t(1) << ivBits) - 1 : (int64_t(1) << (ivBits - 1)) - 1);
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
    if (!boundList(c->iv->getInit(), "max", lbs) || !boundList(c->bound, "min", ubs))
      return false;
    if (isU || c->signedAsUnsigned)
      for (const AffineValue &v : lbs) {
        auto r = rangeOf(v);
        if (!r || r->first < 0)
          return false;
      }
    if (c->ivMayWrap) {
      // The C++ loop ends only if the variable reaches the bound before it
      // wraps: some upper bound must be at most max + 1 (exclusive).
      bool fits = c->cmp == BO_LT && ast.getTypeSize(c->cmpType) == ast.getTypeSize(c->iv->getType());
      for (const AffineValue &v : ubs)
        if (auto r = rangeOf(v); r && r->second + (c->cmp == BO_LE ? 1 : 0) <= ivMax + 1)
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
    if (!boundList(c->iv->getInit(), "min", starts) || starts.size() != 1 ||
        !boundList(c->bound, "max", lbs))
      return false;
    if (c->ivMayWrap) {
      // Some lower bound (inclusive) must be at least the type's minimum.
      bool fits = false;
      for (const AffineValue &v : lbs)
        if (auto r = rangeOf(v); r && r->first + (c->cmp == BO_GT ? 1 : 0) >= ivMin)
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
    AffineValue startV = combine(all, starts[0], [](mlir::AffineExpr, mlir::AffineExpr y) { return y; });
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
  vars[c->iv] = bind;
  mlir::OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(forOp.getBody()->getTerminator());
  emitCountedLoopBody(s->getBody());
  op = forOp;
  return true;
}

bool FunctionRaiser::tryEmitScfFor(const ForStmt *s, mlir::Operation *&op) {
  if (exitsOf(s->getBody()))
    return false;
  auto c = matchCanonical(s, ast, writes);
  if (!c || c->step < 0)
    return false;
  // Without a known bound, only a variable that cannot wrap before reaching it.
  if (c->ivMayWrap &&
      !(c->cmp == BO_LT && ast.getTypeSize(c->cmpType) == ast.getTypeSize(c->iv->getType())))
    return false;
  if (c->signedAsUnsigned) {
    auto init = tryAffine(c->iv->getInit());
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
  mlir::Value lb = toIndex(c->iv->getInit(), c->iv->getType(), isU);
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
  bind.value = isU ? (mlir::Value)arith::IndexCastUIOp::create(b, l, si.type, forOp.getInductionVar())
                   : (mlir::Value)arith::IndexCastOp::create(b, l, si.type, forOp.getInductionVar());
  vars[c->iv] = bind;
  if (forOp.getBody()->empty() || !forOp.getBody()->back().hasTrait<mlir::OpTrait::IsTerminator>())
    mlir::scf::YieldOp::create(b, l);
  b.setInsertionPoint(forOp.getBody()->getTerminator());
  emitCountedLoopBody(s->getBody());
  op = forOp;
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
