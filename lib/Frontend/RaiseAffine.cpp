//===- RaiseAffine.cpp - Recognising affine expressions -------------------===//
//
// An integer expression is affine when it is built from constants, loop
// variables of enclosing affine loops, and immutable integer scalars defined
// at the function's top level (valid affine symbols) with +, -, * by a
// constant, << by a constant, and / or % by a positive constant of a
// provably non-negative dividend (where C++ truncation equals floordiv).
// Anything that could wrap differently in C++ than in `index` arithmetic
// (narrowing casts, unsigned subtraction that may go below zero) is not
// affine.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"

#include "mlir/IR/AffineExprVisitor.h"
#include "mlir/IR/IntegerSet.h"
#include "llvm/Support/MathExtras.h"

using namespace clang;
using namespace allo::raise;

AffineValue FunctionRaiser::combine(
    const AffineValue &a, const AffineValue &b,
    llvm::function_ref<mlir::AffineExpr(mlir::AffineExpr, mlir::AffineExpr)> f) {
  AffineValue out;
  out.operands = a.operands;
  // Reuse operands both sides share; shift the rest of b's dimensions.
  llvm::SmallVector<mlir::AffineExpr, 4> repl;
  mlir::MLIRContext *ctx = a.expr.getContext();
  for (mlir::Value v : b.operands) {
    auto it = llvm::find(out.operands, v);
    unsigned pos;
    if (it != out.operands.end()) {
      pos = it - out.operands.begin();
    } else {
      pos = out.operands.size();
      out.operands.push_back(v);
    }
    repl.push_back(mlir::getAffineDimExpr(pos, ctx));
  }
  mlir::AffineExpr be = b.expr.replaceDimsAndSymbols(repl, {});
  out.expr = f(a.expr, be);
  return out;
}

mlir::Value FunctionRaiser::topLevelIndex(mlir::Value v, bool isUnsigned) {
  auto it = indexCache.find(v);
  if (it != indexCache.end())
    return it->second;
  mlir::OpBuilder::InsertionGuard guard(b);
  if (auto arg = llvm::dyn_cast<mlir::BlockArgument>(v)) {
    if (arg.getOwner() != entry)
      return {};
    if (lastAlloca)
      b.setInsertionPointAfter(lastAlloca);
    else
      b.setInsertionPointToStart(entry);
  } else {
    mlir::Operation *def = v.getDefiningOp();
    if (!def || def->getBlock() != entry)
      return {};
    b.setInsertionPointAfter(def);
  }
  mlir::Value idx;
  if (v.getType().isIndex())
    idx = v;
  else if (isUnsigned)
    idx = mlir::arith::IndexCastUIOp::create(b, v.getLoc(), b.getIndexType(), v);
  else
    idx = mlir::arith::IndexCastOp::create(b, v.getLoc(), b.getIndexType(), v);
  indexCache[v] = idx;
  return idx;
}

namespace {
bool isUnsignedInt(QualType t) { return t->isUnsignedIntegerType() && !t->isBooleanType(); }

/// Interval evaluation of an affine expression.
struct Interval {
  int64_t lo, hi;
};
std::optional<Interval> evalRange(mlir::AffineExpr e,
                                  llvm::ArrayRef<std::optional<Interval>> dims) {
  using namespace mlir;
  if (auto c = dyn_cast<AffineConstantExpr>(e))
    return Interval{c.getValue(), c.getValue()};
  if (auto d = dyn_cast<AffineDimExpr>(e))
    return d.getPosition() < dims.size() ? dims[d.getPosition()] : std::nullopt;
  auto bin = dyn_cast<AffineBinaryOpExpr>(e);
  if (!bin)
    return std::nullopt;
  auto l = evalRange(bin.getLHS(), dims), r = evalRange(bin.getRHS(), dims);
  if (!l || !r)
    return std::nullopt;
  switch (e.getKind()) {
  case AffineExprKind::Add: return Interval{l->lo + r->lo, l->hi + r->hi};
  case AffineExprKind::Mul: {
    int64_t c[4] = {l->lo * r->lo, l->lo * r->hi, l->hi * r->lo, l->hi * r->hi};
    return Interval{*std::min_element(c, c + 4), *std::max_element(c, c + 4)};
  }
  case AffineExprKind::FloorDiv:
  case AffineExprKind::CeilDiv:
    if (r->lo != r->hi || r->lo <= 0)
      return std::nullopt;
    return Interval{llvm::divideFloorSigned(l->lo, r->lo), llvm::divideCeilSigned(l->hi, r->lo)};
  case AffineExprKind::Mod:
    if (r->lo != r->hi || r->lo <= 0)
      return std::nullopt;
    return Interval{0, r->lo - 1};
  default: return std::nullopt;
  }
}
} // namespace

std::optional<std::pair<int64_t, int64_t>> FunctionRaiser::rangeOfOperand(mlir::Value v,
                                                                          unsigned depth) {
  if (depth > 8)
    return std::nullopt;
  if (auto c = v.getDefiningOp<mlir::arith::ConstantIndexOp>())
    return std::make_pair(c.value(), c.value());
  auto forOp = mlir::affine::getForInductionVarOwner(v);
  if (!forOp)
    return std::nullopt;
  auto bound = [&](mlir::AffineMap map, mlir::ValueRange ops,
                   bool lower) -> std::optional<int64_t> {
    llvm::SmallVector<std::optional<Interval>, 4> dims;
    for (mlir::Value o : ops) {
      auto r = rangeOfOperand(o, depth + 1);
      dims.push_back(r ? std::optional<Interval>(Interval{r->first, r->second}) : std::nullopt);
    }
    // Lower bound = max of results: its minimum is the max of their minima.
    // Upper bound = min of results: its maximum is the min of their maxima.
    std::optional<int64_t> best;
    for (mlir::AffineExpr e : map.getResults()) {
      auto r = evalRange(e, dims);
      if (!r)
        continue;
      int64_t val = lower ? r->lo : r->hi;
      if (!best || (lower ? val > *best : val < *best))
        best = val;
    }
    return best;
  };
  auto lo = bound(forOp.getLowerBoundMap(), forOp.getLowerBoundOperands(), true);
  auto hi = bound(forOp.getUpperBoundMap(), forOp.getUpperBoundOperands(), false);
  if (!lo || !hi)
    return std::nullopt;
  return std::make_pair(*lo, std::max(*lo, *hi - 1));
}

std::optional<std::pair<int64_t, int64_t>> FunctionRaiser::rangeOf(const AffineValue &v) {
  llvm::SmallVector<std::optional<Interval>, 4> dims;
  for (mlir::Value o : v.operands) {
    auto r = rangeOfOperand(o, 0);
    dims.push_back(r ? std::optional<Interval>(Interval{r->first, r->second}) : std::nullopt);
  }
  auto r = evalRange(v.expr, dims);
  if (!r)
    return std::nullopt;
  return std::make_pair(r->lo, r->hi);
}

std::optional<AffineValue> FunctionRaiser::tryAffine(const Expr *e) {
  mlir::MLIRContext *ctx = &mod.ctx;
  auto constant = [&](int64_t v) { return AffineValue{mlir::getAffineConstantExpr(v, ctx), {}}; };
  // Whether every value `v` takes is in range of an integer type of `tw`
  // bits (unsigned if `toU`), i.e. a conversion to it preserves the value.
  auto fitsIn = [&](const AffineValue &v, unsigned tw, bool toU) {
    auto r = rangeOf(v);
    return r && r->first >= 0 && (tw >= 63 || r->second < (int64_t(1) << (tw - (toU ? 0 : 1))));
  };
  e = e->IgnoreParens();
  if (auto *m = dyn_cast<MaterializeTemporaryExpr>(e))
    return tryAffine(m->getSubExpr());
  if (!e->getType()->isIntegralOrEnumerationType()) {
    // An ap_[u]int variable: a loop counter of that class, or an immutable
    // scalar (its value as an index, signed or not as the class is).
    auto ap = apIntOf(e->getType());
    auto *ic = dyn_cast<ImplicitCastExpr>(e);
    if (ap && ic && (ic->getCastKind() == CK_NoOp || ic->getCastKind() == CK_LValueToRValue))
      return tryAffine(ic->getSubExpr());
    auto *dr = dyn_cast<DeclRefExpr>(e);
    auto *vd = dr ? dyn_cast<VarDecl>(dr->getDecl()) : nullptr;
    auto it = vd && ap ? vars.find(vd) : vars.end();
    if (it == vars.end())
      return std::nullopt;
    if (it->second.kind == Binding::Affine)
      return it->second.affine;
    if (it->second.kind == Binding::SSA && it->second.value &&
        llvm::isa<mlir::IntegerType>(it->second.value.getType())) {
      mlir::Value idx = topLevelIndex(it->second.value, ap->second);
      if (!idx)
        return std::nullopt;
      return AffineValue{mlir::getAffineDimExpr(0, ctx), {idx}};
    }
    return std::nullopt;
  }
  // Constant expressions (literals, constexpr variables, sizeof, ...).
  if (!e->isValueDependent()) {
    Expr::EvalResult r;
    if (e->EvaluateAsInt(r, ast) && !r.HasSideEffects) {
      llvm::APSInt v = r.Val.getInt();
      if (v.getSignificantBits() <= 62)
        return constant(v.getExtValue());
    }
  }
  // Implicit and explicit casts alike ((int)u, static_cast<unsigned>(i)).
  if (auto *ce = dyn_cast<CastExpr>(e)) {
    const Expr *sub = ce->getSubExpr();
    switch (ce->getCastKind()) {
    case CK_LValueToRValue:
    case CK_NoOp: return tryAffine(sub);
    case CK_IntegralCast: {
      QualType from = sub->getType(), to = ce->getType();
      unsigned fw = ast.getTypeSize(from), tw = ast.getTypeSize(to);
      auto inner = tryAffine(sub);
      if (!inner)
        return std::nullopt;
      bool fromU = isUnsignedInt(from), toU = isUnsignedInt(to);
      if (tw < fw || (tw == fw && fromU != toU) || (!fromU && toU)) {
        // Value-preserving only if the value is known to fit.
        if (!fitsIn(*inner, tw, toU))
          return std::nullopt;
      }
      return inner;
    }
    case CK_UserDefinedConversion: {
      // An ap_[u]int converted to a builtin integer (`a[i]` with an
      // ap_uint<4> i): its value, when the target type holds every value
      // the class can have (or the value's range fits).
      auto *mc = dyn_cast<CXXMemberCallExpr>(sub->IgnoreParens());
      if (!mc || !isa_and_nonnull<CXXConversionDecl>(mc->getMethodDecl()))
        return std::nullopt;
      const Expr *obj = mc->getImplicitObjectArgument()->IgnoreParenImpCasts();
      auto ap = apIntOf(obj->getType());
      if (!ap)
        return std::nullopt;
      auto inner = tryAffine(obj);
      if (!inner)
        return std::nullopt;
      QualType to = ce->getType();
      unsigned tw = ast.getTypeSize(to);
      bool toU = isUnsignedInt(to);
      bool holds =
          ap->second ? (tw > ap->first || (tw == ap->first && toU)) : (!toU && tw >= ap->first);
      if (!holds && !fitsIn(*inner, tw, toU))
        return std::nullopt;
      return inner;
    }
    default: return std::nullopt;
    }
  }
  if (auto *dr = dyn_cast<DeclRefExpr>(e)) {
    if (isa<BindingDecl>(dr->getDecl()))
      return pidBinding(e);
    auto *vd = dyn_cast<VarDecl>(dr->getDecl());
    if (!vd)
      return std::nullopt;
    auto it = vars.find(vd);
    if (it == vars.end()) {
      // A constant declared outside the function (constexpr N).
      if ((vd->isConstexpr() || vd->getType().isConstQualified()) && vd->getAnyInitializer())
        if (const APValue *val = vd->evaluateValue();
            val && val->isInt() && val->getInt().getSignificantBits() <= 62)
          return constant(val->getInt().getExtValue());
      return std::nullopt;
    }
    const Binding &bind = it->second;
    if (bind.kind == Binding::Affine)
      return bind.affine;
    if (bind.kind == Binding::SSA && llvm::isa<mlir::IntegerType>(bind.value.getType()) &&
        !bind.type->isBooleanType()) {
      mlir::Value idx = topLevelIndex(bind.value, isUnsignedInt(bind.type));
      if (!idx)
        return std::nullopt;
      return AffineValue{mlir::getAffineDimExpr(0, ctx), {idx}};
    }
    return std::nullopt;
  }
  if (auto *uo = dyn_cast<UnaryOperator>(e)) {
    if (uo->getOpcode() == UO_Plus)
      return tryAffine(uo->getSubExpr());
    if (uo->getOpcode() == UO_Minus && !isUnsignedInt(uo->getType())) {
      auto v = tryAffine(uo->getSubExpr());
      if (!v)
        return std::nullopt;
      v->expr = -v->expr;
      return v;
    }
    return std::nullopt;
  }
  auto *bo = dyn_cast<BinaryOperator>(e);
  if (!bo)
    return std::nullopt;
  bool isU = isUnsignedInt(bo->getType());
  BinaryOperatorKind op = bo->getOpcode();
  if (op != BO_Add && op != BO_Sub && op != BO_Mul && op != BO_Div && op != BO_Rem && op != BO_Shl)
    return std::nullopt;
  auto l = tryAffine(bo->getLHS());
  if (!l)
    return std::nullopt;
  auto r = tryAffine(bo->getRHS());
  if (!r)
    return std::nullopt;
  auto rc = llvm::dyn_cast<mlir::AffineConstantExpr>(r->expr);
  auto lc = llvm::dyn_cast<mlir::AffineConstantExpr>(l->expr);
  switch (op) {
  case BO_Add: return combine(*l, *r, [](mlir::AffineExpr a, mlir::AffineExpr b) { return a + b; });
  case BO_Sub: {
    AffineValue d = combine(*l, *r, [](mlir::AffineExpr a, mlir::AffineExpr b) { return a - b; });
    if (isU) {
      // Unsigned subtraction wraps below zero; affine only when it cannot.
      auto range = rangeOf(d);
      if (!range || range->first < 0)
        return std::nullopt;
    }
    return d;
  }
  case BO_Mul:
    if (!rc && !lc)
      return std::nullopt;
    return combine(*l, *r, [](mlir::AffineExpr a, mlir::AffineExpr b) { return a * b; });
  case BO_Shl:
    if (!rc || rc.getValue() < 0 || rc.getValue() > 30)
      return std::nullopt;
    l->expr = l->expr * (int64_t(1) << rc.getValue());
    return l;
  case BO_Div:
  case BO_Rem: {
    if (!rc || rc.getValue() <= 0)
      return std::nullopt;
    auto range = rangeOf(*l);
    if (!range || range->first < 0)
      return std::nullopt;
    l->expr = op == BO_Div ? l->expr.floorDiv(rc.getValue()) : l->expr % rc.getValue();
    return l;
  }
  default: return std::nullopt;
  }
}

mlir::Value FunctionRaiser::materializeIndex(const AffineValue &v, mlir::Location l) {
  if (auto d = llvm::dyn_cast<mlir::AffineDimExpr>(v.expr))
    return v.operands[d.getPosition()];
  if (auto c = llvm::dyn_cast<mlir::AffineConstantExpr>(v.expr))
    return mlir::arith::ConstantIndexOp::create(b, l, c.getValue());
  auto map = mlir::AffineMap::get(v.operands.size(), 0, v.expr);
  return mlir::affine::AffineApplyOp::create(b, l, map, v.operands);
}

bool FunctionRaiser::tryAffineCondition(const Expr *cond, mlir::IntegerSet &set,
                                        llvm::SmallVectorImpl<mlir::Value> &operands) {
  // A conjunction of comparisons of affine expressions.
  llvm::SmallVector<const BinaryOperator *, 4> terms;
  std::function<bool(const Expr *)> collect = [&](const Expr *e) {
    e = e->IgnoreParenImpCasts();
    auto *bo = dyn_cast<BinaryOperator>(e);
    if (!bo)
      return false;
    if (bo->getOpcode() == BO_LAnd)
      return collect(bo->getLHS()) && collect(bo->getRHS());
    if (!bo->isComparisonOp() || bo->getOpcode() == BO_NE || bo->getOpcode() == BO_Cmp)
      return false;
    terms.push_back(bo);
    return true;
  };
  if (!collect(cond))
    return false;
  AffineValue all{mlir::getAffineConstantExpr(0, &mod.ctx), {}};
  llvm::SmallVector<mlir::AffineExpr, 4> constraints;
  llvm::SmallVector<bool, 4> eqFlags;
  // Build every constraint over one shared operand list.
  std::vector<AffineValue> parts;
  for (const BinaryOperator *t : terms) {
    QualType ct = t->getLHS()->getType();
    if (!ct->isIntegralOrEnumerationType())
      return false;
    auto l = tryAffine(t->getLHS());
    if (!l)
      return false;
    auto r = tryAffine(t->getRHS());
    if (!r)
      return false;
    if (isUnsignedInt(ct)) {
      // Unsigned comparison equals the mathematical one only for values >= 0.
      auto lr = rangeOf(*l), rr = rangeOf(*r);
      if (!lr || !rr || lr->first < 0 || rr->first < 0)
        return false;
    }
    AffineValue diff;
    switch (t->getOpcode()) {
    case BO_LT: // r - l - 1 >= 0
      diff = combine(*r, *l, [](mlir::AffineExpr a, mlir::AffineExpr b) { return a - b - 1; });
      break;
    case BO_LE:
      diff = combine(*r, *l, [](mlir::AffineExpr a, mlir::AffineExpr b) { return a - b; });
      break;
    case BO_GT:
      diff = combine(*l, *r, [](mlir::AffineExpr a, mlir::AffineExpr b) { return a - b - 1; });
      break;
    case BO_GE:
    case BO_EQ:
      diff = combine(*l, *r, [](mlir::AffineExpr a, mlir::AffineExpr b) { return a - b; });
      break;
    default: return false;
    }
    all = combine(all, diff, [&](mlir::AffineExpr a, mlir::AffineExpr b) {
      constraints.push_back(b);
      return a;
    });
    eqFlags.push_back(t->getOpcode() == BO_EQ);
  }
  // `combine` shifted each constraint's dimensions into `all.operands`.
  for (mlir::AffineExpr &c : constraints)
    c = mlir::simplifyAffineExpr(c, all.operands.size(), 0);
  set = mlir::IntegerSet::get(all.operands.size(), 0, constraints, eqFlags);
  operands.assign(all.operands.begin(), all.operands.end());
  return true;
}
