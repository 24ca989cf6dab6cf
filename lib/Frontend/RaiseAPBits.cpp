//===- RaiseAPBits.cpp - Bit and range selection on ap_[u]int -------------===//
//
// x[i], x.bit(i), x.range(h, l), x(h, l), x.range() read or write bits of
// the raw W-bit value (also of ap_[u]fixed, whose selections act on the raw
// bits). The C-simulation header returns proxies (ap_bit_ref,
// ap_range_ref); raised, a read is a shift and a mask:
//   bit:   (x >> i) & 1                                    (i1)
//   range: (x >> l) & ones(h - l + 1)   zero-extended to W bits (h >= l)
//          reversed when l > h: bit k of the result is bit l - k of x
// and a write replaces the selected bits of the variable it refers to
// (x = (x & ~mask) | (v' & mask)), where a range takes the value's low bits
// (sign-extended first when the value is signed and narrower) and a bit the
// value's least significant bit; a compound assignment writes get() op v. Indices may be
// non-constant; unless both range bounds are constants, both directions are computed and the one
// the bounds select is taken at run time (the reversal is a log2(W)-step bit-reversal network).
// Constant indices out of range are errors (the header aborts); non-constant ones are not checked.
//
//===----------------------------------------------------------------------===//
#include "FoldingBuilder.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SetVector.h"

using namespace clang;
using namespace allo::raise;
namespace arith = mlir::arith;

namespace {

/// A selection: the object, and the bit index or the range bounds.
struct Selection {
  const Expr *object = nullptr;
  bool isBit = true;
  const Expr *index = nullptr, *hi = nullptr, *lo = nullptr; ///< null bounds: whole range
};

bool proxyName(QualType t, llvm::StringRef &name) {
  t = t.getNonReferenceType().getCanonicalType();
  auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl());
  if (!spec)
    return false;
  name = spec->getName();
  return name == "ap_bit_ref" || name == "ap_range_ref";
}

const Expr *stripTemporaries(const Expr *e) {
  while (true) {
    e = e->IgnoreParens();
    if (auto *m = dyn_cast<MaterializeTemporaryExpr>(e))
      e = m->getSubExpr();
    else if (auto *bt = dyn_cast<CXXBindTemporaryExpr>(e))
      e = bt->getSubExpr();
    else if (auto *ewc = dyn_cast<ExprWithCleanups>(e))
      e = ewc->getSubExpr();
    else if (auto *ce = dyn_cast<ImplicitCastExpr>(e);
             ce && (ce->getCastKind() == CK_NoOp || ce->getCastKind() == CK_LValueToRValue ||
                    ce->getCastKind() == CK_ConstructorConversion))
      e = ce->getSubExpr();
    else if (auto *cc = dyn_cast<CXXConstructExpr>(e);
             cc && cc->getNumArgs() == 1 && cc->getConstructor()->isCopyOrMoveConstructor())
      e = cc->getArg(0);
    else
      return e;
  }
}

/// The object written through a selection: casts to a base class dropped.
const Expr *stripBaseCasts(const Expr *e) {
  while (true) {
    e = e->IgnoreParens();
    auto *ce = dyn_cast<ImplicitCastExpr>(e);
    if (!ce || (ce->getCastKind() != CK_NoOp && ce->getCastKind() != CK_DerivedToBase &&
                ce->getCastKind() != CK_UncheckedDerivedToBase))
      return e;
    e = ce->getSubExpr();
  }
}

class BitRaiser : public FoldingBuilder {
public:
  BitRaiser(FunctionRaiser &r, mlir::Location l) : FoldingBuilder(r, l) {}

  /// Recognises a selection expression (call of operator[], operator(),
  /// range(), bit()); false if `e` is not one.
  bool match(const Expr *e, Selection &s);
  /// The object's raw value and width.
  mlir::Value objectValue(const Selection &s) { return r.emitRValue(s.object); }
  mlir::Value read(const Selection &s, mlir::Value x, const Expr *where);
  mlir::Value write(const Selection &s, mlir::Value x, mlir::Value v, bool vSigned,
                    const Expr *where);
  /// Index operand at width w, checked when constant.
  mlir::Value index(const Expr *i, unsigned w, unsigned limit, const Expr *where);

  /// ones(len) at width w, len in [1, w] given as (len - 1).
  mlir::Value ones(mlir::Value lenMinus1, unsigned w) {
    return fold<arith::ShRUIOp>(cst(w, -1), fold<arith::SubIOp>(cst(w, w - 1), lenMinus1));
  }
  /// Bit k of the result is bit p - 1 - k of v (p = width of v, a power of two).
  mlir::Value reverse(mlir::Value v);
  /// For constant bounds: whether the range goes forward (h >= l).
  /// Whether hi >= lo, when the source's bounds decide it: both affine and
  /// their difference of known sign over the loops' ranges (`range(32*j+7,
  /// 32*j)`), or both constants.
  std::optional<bool> knownDirection(const Selection &s, mlir::Value h, mlir::Value lo) {
    if (auto c = constBounds(h, lo))
      return c;
    auto ah = r.tryAffine(s.hi), al = r.tryAffine(s.lo);
    if (!ah || !al)
      return std::nullopt;
    AffineValue d = FunctionRaiser::combine(
        *ah, *al, [](mlir::AffineExpr x, mlir::AffineExpr y) { return x - y; });
    auto range = r.rangeOf(d);
    if (!range)
      return std::nullopt;
    if (range->first >= 0)
      return true;
    if (range->second < 0)
      return false;
    return std::nullopt;
  }
  static std::optional<bool> constBounds(mlir::Value h, mlir::Value lo) {
    auto hc = h.getDefiningOp<arith::ConstantOp>(), lc = lo.getDefiningOp<arith::ConstantOp>();
    if (!hc || !lc)
      return std::nullopt;
    return llvm::cast<mlir::IntegerAttr>(hc.getValue())
        .getValue()
        .uge(llvm::cast<mlir::IntegerAttr>(lc.getValue()).getValue());
  }
  static unsigned pow2(unsigned w) {
    unsigned p = 2;
    while (p < w)
      p *= 2;
    return p;
  }
};

bool BitRaiser::match(const Expr *e, Selection &s) {
  e = stripTemporaries(e);
  if (auto *oc = dyn_cast<CXXOperatorCallExpr>(e)) {
    if (oc->getOperator() == OO_Subscript && oc->getNumArgs() == 2) {
      s.object = oc->getArg(0);
      s.index = oc->getArg(1);
      s.isBit = true;
      return true;
    }
    if (oc->getOperator() == OO_Call && oc->getNumArgs() == 3) {
      s.object = oc->getArg(0);
      s.hi = oc->getArg(1);
      s.lo = oc->getArg(2);
      s.isBit = false;
      return true;
    }
    return false;
  }
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(e)) {
    const CXXMethodDecl *m = mc->getMethodDecl();
    if (!m || !m->getIdentifier())
      return false;
    llvm::StringRef n = m->getName();
    s.object = mc->getImplicitObjectArgument();
    if ((n == "bit" || n == "get_bit" || n == "test") && mc->getNumArgs() == 1) {
      s.index = mc->getArg(0);
      s.isBit = true;
      return true;
    }
    if (n == "range" && (mc->getNumArgs() == 0 || mc->getNumArgs() == 2)) {
      s.isBit = false;
      if (mc->getNumArgs() == 2) {
        s.hi = mc->getArg(0);
        s.lo = mc->getArg(1);
      }
      return true;
    }
  }
  return false;
}

mlir::Value BitRaiser::index(const Expr *i, unsigned w, unsigned limit, const Expr *where) {
  Expr::EvalResult er;
  if (!i->isValueDependent() && i->EvaluateAsInt(er, r.ast)) {
    int64_t v = er.Val.getInt().getSExtValue();
    if (v < 0 || v >= (int64_t)limit)
      r.fail(i->getExprLoc(), "bit index " + llvm::Twine(v) + " is out of range for a value of " +
                                  llvm::Twine(limit) + " bits");
    return cst(w, v);
  }
  auto s = r.scalarOrFail(i->getType(), i->getExprLoc());
  if (s.isFloat || s.fixedScale >= 0)
    r.unsupported(where, "a non-integer bit index");
  return resize(r.emitRValue(i), s.isSigned, w);
}

mlir::Value BitRaiser::reverse(mlir::Value v) {
  unsigned p = widthOf(v);
  // Swap adjacent bits, then pairs, nibbles, ... (masks of any width).
  for (unsigned s = 1; s < p; s *= 2) {
    llvm::APInt m(p, 0);
    for (unsigned k = 0; k < p; ++k)
      if (!(k & s))
        m.setBit(k);
    mlir::Value mask = fold<arith::ConstantOp>(b.getIntegerAttr(b.getIntegerType(p), m));
    mlir::Value sh = cst(p, s);
    mlir::Value lowUp = fold<arith::ShLIOp>(fold<arith::AndIOp>(v, mask), sh);
    mlir::Value highDown = fold<arith::AndIOp>(fold<arith::ShRUIOp>(v, sh), mask);
    v = fold<arith::OrIOp>(lowUp, highDown);
  }
  return v;
}

mlir::Value BitRaiser::read(const Selection &s, mlir::Value x, const Expr *where) {
  unsigned w = widthOf(x);
  using P = arith::CmpIPredicate;
  if (s.isBit) {
    mlir::Value i = index(s.index, w, w, where);
    return fold<arith::TruncIOp>(b.getI1Type(), fold<arith::ShRUIOp>(x, i));
  }
  if (!s.hi)
    return x; // range(): all bits, as unsigned
  mlir::Value h = index(s.hi, w, w, where), lo = index(s.lo, w, w, where);
  auto forward = [&] {
    mlir::Value len1 = fold<arith::SubIOp>(h, lo);
    return fold<arith::AndIOp>(fold<arith::ShRUIOp>(x, lo), ones(len1, w));
  };
  auto reversed = [&]() -> mlir::Value {
    unsigned p = pow2(w);
    mlir::Value rev = reverse(resize(x, false, p));
    // Bit k of the result is bit lo - k of x, i.e. bit p - 1 - lo + k of rev.
    mlir::Value sh = fold<arith::SubIOp>(cst(p, p - 1), resize(lo, false, p));
    mlir::Value t = resize(fold<arith::ShRUIOp>(rev, sh), false, w);
    return fold<arith::AndIOp>(t, ones(fold<arith::SubIOp>(lo, h), w));
  };
  if (auto c = knownDirection(s, h, lo))
    return *c ? forward() : reversed();
  mlir::Value fw = forward();
  mlir::Value rv = reversed();
  return fold<arith::SelectOp>(fold<arith::CmpIOp>(P::uge, h, lo), fw, rv);
}

mlir::Value BitRaiser::write(const Selection &s, mlir::Value x, mlir::Value v, bool vSigned,
                             const Expr *where) {
  unsigned w = widthOf(x);
  using P = arith::CmpIPredicate;
  auto replace = [&](mlir::Value mask, mlir::Value bits) {
    mlir::Value keep = fold<arith::AndIOp>(x, fold<arith::XOrIOp>(mask, cst(w, -1)));
    return fold<arith::OrIOp>(keep, fold<arith::AndIOp>(bits, mask));
  };
  if (s.isBit) {
    mlir::Value i = index(s.index, w, w, where);
    mlir::Value bit = resize(resize(v, false, 1), false, w); // the low bit
    return replace(fold<arith::ShLIOp>(cst(w, 1), i), fold<arith::ShLIOp>(bit, i));
  }
  mlir::Value val = resize(v, vSigned, w);
  if (!s.hi)
    return val;
  mlir::Value h = index(s.hi, w, w, where), lo = index(s.lo, w, w, where);
  auto forward = [&] {
    mlir::Value mask = fold<arith::ShLIOp>(ones(fold<arith::SubIOp>(h, lo), w), lo);
    return replace(mask, fold<arith::ShLIOp>(val, lo));
  };
  auto reversed = [&]() -> mlir::Value {
    unsigned p = pow2(w);
    mlir::Value rev = reverse(resize(v, vSigned, p));
    // Bit lo - k of the result is bit k of v.
    mlir::Value sh = fold<arith::SubIOp>(cst(p, p - 1), resize(lo, false, p));
    mlir::Value t = resize(fold<arith::ShRUIOp>(rev, sh), false, w);
    mlir::Value mask = fold<arith::ShLIOp>(ones(fold<arith::SubIOp>(lo, h), w), h);
    return replace(mask, t);
  };
  if (auto c = knownDirection(s, h, lo))
    return *c ? forward() : reversed();
  mlir::Value fw = forward();
  mlir::Value rv = reversed();
  return fold<arith::SelectOp>(fold<arith::CmpIOp>(P::uge, h, lo), fw, rv);
}

} // namespace

bool FunctionRaiser::isAPProxy(QualType t) const {
  llvm::StringRef n;
  return proxyName(t, n);
}

std::pair<mlir::Value, bool> FunctionRaiser::emitProxyRead(const Expr *e) {
  BitRaiser br(*this, loc(e));
  Selection s;
  if (!br.match(e, s))
    unsupported(e, "this use of a bit or range reference (supported: x[i], x.range(h, l), "
                   "x(h, l), read or assigned)");
  QualType ot = s.object->getType().getNonReferenceType();
  if (!isAPInt(ot) && !isAPFixed(ot))
    unsupported(e, "bit selection on '" + ot.getAsString() + "'");
  mlir::Value x = br.objectValue(s);
  return {br.done(br.read(s, x, e)), false};
}

mlir::Value FunctionRaiser::emitProxyAssign(const CXXOperatorCallExpr *e) {
  mlir::Location l = loc(e);
  BitRaiser br(*this, l);
  Selection s;
  OverloadedOperatorKind op = e->getOperator();
  if (!br.match(e->getArg(0), s))
    unsupported(e, "assignment to this bit or range reference");
  const Expr *rhs = e->getArg(1);
  QualType rt = rhs->getType().getNonReferenceType();
  mlir::Value v;
  bool vSigned = false;
  if (isAPProxy(rt)) {
    v = emitProxyRead(rhs).first;
  } else {
    ScalarInfo si = scalarOrFail(rt, rhs->getExprLoc());
    if (si.isFloat || si.fixedScale >= 0)
      unsupported(e, "assigning a floating or fixed-point value to a bit or range reference");
    v = emitRValue(rhs);
    vSigned = si.isSigned && !si.isBool;
  }
  const Expr *obj = stripBaseCasts(s.object);
  QualType ot = obj->getType().getNonReferenceType();
  if (!isAPInt(ot) && !isAPFixed(ot))
    unsupported(e, "bit selection on '" + ot.getAsString() + "'");
  LValue lv = emitLValue(obj);
  mlir::Value x = load(lv, l);
  if (op != OO_Equal) {
    // Compound: the header assigns get() op v (get(): the selection as an
    // unsigned value of the variable's width; a bit takes a bool operand).
    mlir::Value cur = br.read(s, x, e);
    std::optional<BinaryOperatorKind> arith = compoundArith(op);
    if (!arith)
      unsupported(e, "this compound assignment to a bit or range reference");
    BinaryOperatorKind bop = *arith;
    if (s.isBit) {
      if (bop != BO_And && bop != BO_Or && bop != BO_Xor)
        unsupported(e, "this compound assignment to a bit reference (supported: &=, |=, ^=)");
      v = arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, v, constInt(v.getType(), 0, l));
      v = apArith(bop, cur, v, false, l, e);
      vSigned = false;
    } else {
      // Exact at a width that holds every result; the low bits are kept.
      unsigned w = cur.getType().getIntOrFloatBitWidth();
      unsigned vw = v.getType().getIntOrFloatBitWidth();
      unsigned wide = std::max(w, vw) * 2 + 2;
      if (bop == BO_Shl || bop == BO_Shr) {
        // get() (ap_uint<W>) shifted.
        v = apShift(bop == BO_Shl, cur, false, v, vSigned, l);
        vSigned = false;
      } else {
        mlir::Value a = resizeInt(cur, false, wide, l);
        mlir::Value c = resizeInt(v, vSigned, wide, l);
        v = apArith(bop, a, c, vSigned, l, e);
        if (bop == BO_Rem) {
          // get() % v: min(W, W2) bits, unsigned (matters when v is 0).
          v = resizeInt(v, vSigned, std::min(w, vw), l);
          vSigned = false;
        }
      }
    }
  }
  store(lv, br.write(s, x, v, vSigned, e), l);
  return br.done(v);
}

bool FunctionRaiser::emitAPBitMember(const CXXMemberCallExpr *e, mlir::Value &result) {
  mlir::Location l = loc(e);
  const CXXMethodDecl *m = e->getMethodDecl();
  result = {};
  if (!m || !m->getIdentifier())
    return false;
  llvm::StringRef n = m->getName();
  BitRaiser br(*this, l);
  if (n == "length") {
    ScalarInfo o = scalarOrFail(e->getImplicitObjectArgument()->getType(), e->getExprLoc());
    ScalarInfo rs = scalarOrFail(e->getType(), e->getExprLoc());
    result = constInt(rs.type, o.type.getIntOrFloatBitWidth(), l);
    return true;
  }
  Selection s;
  if (br.match(e, s)) {
    result = emitProxyRead(e).first;
    return true;
  }
  if (e->getNumArgs() == 0 && (n.ends_with("_reduce") || n == "iszero" || n == "is_zero" ||
                               n == "sign" || n == "countLeadingZeros")) {
    result = emitAPQuery(e, br);
    return (bool)result;
  }
  if ((n == "reverse" || n == "b_not") && e->getNumArgs() == 0) {
    result = emitAPInPlace(e, br, {});
    return true;
  }
  if ((n == "lrotate" || n == "rrotate") && e->getNumArgs() == 1) {
    result = emitAPInPlace(e, br, e->getArg(0));
    return true;
  }
  bool set = n == "set" && e->getNumArgs() == 1, clear = n == "clear" && e->getNumArgs() == 1;
  bool invert = n == "invert" && e->getNumArgs() == 1,
       setBit = n == "set_bit" && e->getNumArgs() == 2;
  if (!set && !clear && !invert && !setBit)
    return false;
  s.object = e->getImplicitObjectArgument();
  s.index = e->getArg(0);
  s.isBit = true;
  const Expr *obj = stripBaseCasts(s.object);
  LValue lv = emitLValue(obj);
  mlir::Value x = load(lv, l);
  mlir::Value v;
  if (setBit)
    v = emitCondition(e->getArg(1));
  else if (invert)
    v = arith::XOrIOp::create(b, l, br.read(s, x, e), constBool(true, l));
  else
    v = constBool(set, l);
  store(lv, br.write(s, x, v, false, e), l);
  br.done({});
  return true;
}

namespace {
/// Parity of v (1 when an odd number of bits are set), as i1.
mlir::Value parity(FoldingBuilder &br, mlir::OpBuilder &b, mlir::Location l, mlir::Value v) {
  mlir::Value pop = mlir::math::CtPopOp::create(b, l, v);
  return br.fold<arith::TruncIOp>(b.getI1Type(), pop);
}
} // namespace

mlir::Value FunctionRaiser::emitAPQuery(const CXXMemberCallExpr *e, FoldingBuilder &br) {
  // Reductions and tests of the value (ap_int_base and ap_range_ref members):
  //   and_reduce: every bit set; or_reduce: any bit set; xor_reduce: an odd
  //   number of bits set; nand/nor/xnor: their negations; iszero/is_zero;
  //   sign(): negative (always false for ap_uint); countLeadingZeros(): W
  //   for 0, as the header counts.
  mlir::Location l = loc(e);
  llvm::StringRef n = e->getMethodDecl()->getName();
  const Expr *obj = e->getImplicitObjectArgument();
  QualType ot = obj->getType().getNonReferenceType();
  using P = arith::CmpIPredicate;
  mlir::Value x;
  bool isSigned = false;
  mlir::Value allOnes; // what and_reduce compares with
  if (isAPProxy(ot)) {
    // x.range(h, l).and_reduce(): the selected bits (zero-extended); a bit
    // reference has no reductions.
    Selection sel;
    BitRaiser bits(*this, l);
    if (!bits.match(obj, sel) || sel.isBit)
      return {};
    x = emitProxyRead(obj).first;
    unsigned w = x.getType().getIntOrFloatBitWidth();
    if (n.starts_with("and") || n.starts_with("nand")) {
      if (!sel.hi) {
        allOnes = br.cst(w, -1);
      } else {
        Expr::EvalResult hv, lv;
        if (sel.hi->isValueDependent() || sel.lo->isValueDependent() ||
            !sel.hi->EvaluateAsInt(hv, ast) || !sel.lo->EvaluateAsInt(lv, ast))
          unsupported(e, "and_reduce/nand_reduce of a range with run-time bounds");
        int64_t len = std::abs(hv.Val.getInt().getSExtValue() - lv.Val.getInt().getSExtValue()) + 1;
        allOnes = br.cst(w, len >= 64 ? -1 : (int64_t)((uint64_t(1) << len) - 1));
        if (len > 64)
          unsupported(e, "and_reduce/nand_reduce of a range wider than 64 bits");
      }
    }
  } else if (isAPInt(ot)) {
    auto [v, sg] = apOperand(obj);
    x = v;
    isSigned = sg;
    allOnes = br.cst(x.getType().getIntOrFloatBitWidth(), -1);
  } else {
    return {};
  }
  unsigned w = x.getType().getIntOrFloatBitWidth();
  mlir::Value r;
  if (n == "and_reduce" || n == "nand_reduce")
    r = br.fold<arith::CmpIOp>(P::eq, x, allOnes);
  else if (n == "or_reduce" || n == "nor_reduce")
    r = br.fold<arith::CmpIOp>(P::ne, x, br.cst(w, 0));
  else if (n == "xor_reduce" || n == "xnor_reduce")
    r = parity(br, b, l, x);
  else if (n == "iszero" || n == "is_zero")
    r = br.fold<arith::CmpIOp>(P::eq, x, br.cst(w, 0));
  else if (n == "sign")
    r = isSigned ? br.fold<arith::CmpIOp>(P::slt, x, br.cst(w, 0)) : constBool(false, l);
  else if (n == "countLeadingZeros") {
    if (isAPProxy(ot))
      unsupported(e, "countLeadingZeros of a range reference (convert it to ap_uint first)");
    ScalarInfo rs = scalarOrFail(e->getType(), e->getExprLoc());
    mlir::Value clz = mlir::math::CountLeadingZerosOp::create(b, l, x);
    return br.done(resizeInt(clz, false, rs.type.getIntOrFloatBitWidth(), l));
  } else {
    return {};
  }
  if (n.starts_with("nand") || n.starts_with("nor") || n.starts_with("xnor"))
    r = br.fold<arith::XOrIOp>(r, constBool(true, l));
  return br.done(r);
}

mlir::Value FunctionRaiser::emitAPInPlace(const CXXMemberCallExpr *e, FoldingBuilder &br,
                                          const Expr *count) {
  // Members that modify the value, as the header defines them:
  //   reverse(): bit k <-> bit W-1-k, returns *this;  b_not(): ~x;
  //   lrotate(n): rotate left by n mod W (a negative n rotates right);
  //   rrotate(n): lrotate(W - n % W).
  mlir::Location l = loc(e);
  llvm::StringRef n = e->getMethodDecl()->getName();
  const Expr *obj = stripBaseCasts(e->getImplicitObjectArgument());
  QualType ot = obj->getType().getNonReferenceType();
  if (!isAPInt(ot))
    unsupported(e, "'" + n + "' on '" + ot.getAsString() + "'");
  LValue lv = emitLValue(obj);
  mlir::Value x = load(lv, l);
  unsigned w = x.getType().getIntOrFloatBitWidth();
  using P = arith::CmpIPredicate;
  mlir::Value r;
  if (n == "b_not") {
    r = br.fold<arith::XOrIOp>(x, br.cst(w, -1));
  } else if (n == "reverse") {
    r = allo::BitReverseOp::create(b, l, x.getType(), x);
  } else {
    auto [c, cSigned] = apOperand(count);
    ScalarInfo ci = scalarOrFail(count->getType(), count->getExprLoc());
    unsigned cw = std::max<unsigned>(c.getType().getIntOrFloatBitWidth(), 32);
    mlir::Value k = br.resize(c, cSigned && !ci.isBool, cw);
    mlir::Value W = br.cst(cw, w);
    // m = k % W in [0, W): srem, then + W when negative.
    mlir::Value m = br.fold<arith::RemSIOp>(k, W);
    if (n == "rrotate")
      m = br.fold<arith::RemSIOp>(br.fold<arith::SubIOp>(W, m), W); // lrotate(W - k % W)
    m = br.fold<arith::SelectOp>(br.fold<arith::CmpIOp>(P::slt, m, br.cst(cw, 0)),
                                 br.fold<arith::AddIOp>(m, W), m);
    mlir::Value zero = br.fold<arith::CmpIOp>(P::eq, m, br.cst(cw, 0));
    mlir::Value back = br.fold<arith::SelectOp>(zero, br.cst(cw, 0), br.fold<arith::SubIOp>(W, m));
    mlir::Value a1 = br.resize(m, false, w), a2 = br.resize(back, false, w);
    if (w == 1)
      r = x;
    else
      r = br.fold<arith::OrIOp>(br.fold<arith::ShLIOp>(x, a1), br.fold<arith::ShRUIOp>(x, a2));
  }
  store(lv, r, l);
  br.done({});
  // reverse() returns *this; the others return nothing.
  return n == "reverse" ? r : mlir::Value();
}
