//===- RaiseAPFixed.cpp - Fixed point (ap_fixed / ap_ufixed) --------------===//
//
// A fixed-point value is its raw W-bit integer V (the value is V * 2^-F,
// F = W - I fractional bits); the format (W, F, signedness, quantization and
// overflow modes) is read from the C++ type of every expression, so the
// raised code computes exactly what the C-simulation header
// (include/allo/csim/ap_fixed.h) computes:
//
//  * + - & | ^ align the binary points (shift the operand with fewer
//    fractional bits left) and operate at the full-precision result width,
//    * multiplies the raw values, / shifts the dividend left by the
//    divisor's fractional bits and truncates toward zero (a zero divisor
//    gives 0); the result types are the AST's (the header's rules);
//  * conversion to a fixed-point type quantizes the exact source value with
//    the destination's mode (AP_TRN floor = arithmetic shift right, AP_RND,
//    ..., decided from the discarded bits) and then applies its overflow
//    mode (AP_WRAP keeps the low W bits, AP_SAT / AP_SAT_ZERO / AP_SAT_SYM
//    clamp, AP_WRAP with N saturation bits and AP_WRAP_SM as the header
//    models them); a double is decomposed exactly from its IEEE bits;
//  * to double/float: the raw integer converted (one rounding) and scaled by
//    2^-F (exact); to an integer: the integer part truncated toward zero,
//    then wrapped.
//
//===----------------------------------------------------------------------===//
#include "FoldingBuilder.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "clang/AST/DeclTemplate.h"
#include "llvm/ADT/SetVector.h"

using namespace clang;
using namespace allo::raise;
namespace arith = mlir::arith;

namespace {

// Modes in the order of the vendor's (and our csim header's) enumerations.
enum QMode { RND, RND_ZERO, RND_MIN_INF, RND_INF, RND_CONV, TRN, TRN_ZERO };
enum OMode { SAT, SAT_ZERO, SAT_SYM, WRAP, WRAP_SM };
const char *const qNames[] = {"AP_RND",      "AP_RND_ZERO", "AP_RND_MIN_INF", "AP_RND_INF",
                              "AP_RND_CONV", "AP_TRN",      "AP_TRN_ZERO"};
const char *const oNames[] = {"AP_SAT", "AP_SAT_ZERO", "AP_SAT_SYM", "AP_WRAP", "AP_WRAP_SM"};

/// The format of a fixed-point (or integer) operand.
struct Fmt {
  unsigned W = 0;
  int F = 0; ///< fractional bits
  bool S = true;
  int Q = TRN, O = WRAP, N = 0;
  bool operator==(const Fmt &o) const {
    return W == o.W && F == o.F && S == o.S && Q == o.Q && O == o.O && N == o.N;
  }
};

/// A mode template argument, by enumerator name when it is one.
int modeArg(const TemplateArgument &a, llvm::ArrayRef<const char *> names, int dflt) {
  if (a.getKind() != TemplateArgument::Integral)
    return dflt;
  int64_t v = a.getAsIntegral().getSExtValue();
  if (const auto *et = a.getIntegralType()->getAs<EnumType>())
    for (const EnumConstantDecl *ec : et->getDecl()->enumerators())
      if (ec->getInitVal().getSExtValue() == v)
        for (size_t i = 0; i < names.size(); ++i)
          if (ec->getName() == names[i])
            return (int)i;
  return (int)v;
}

/// Arithmetic helpers over FunctionRaiser's builder (folding constants).
class FixedRaiser : public FoldingBuilder {
public:
  FixedRaiser(FunctionRaiser &r, mlir::Location l) : FoldingBuilder(r, l) {}

  std::optional<Fmt> fmtOf(QualType t);
  Fmt fmtOrFail(const Expr *e);
  /// An operand of a fixed-point operation: fixed, ap_[u]int, integer, or a
  /// bit/range reference (integers act as ap_[u]fixed<W, W>).
  std::pair<mlir::Value, Fmt> operand(const Expr *e);

  mlir::Value quantize(mlir::Value v, const Fmt &from, const Fmt &to, const Expr *where);
  mlir::Value fromDouble(mlir::Value d, const Fmt &to, const Expr *where);
  mlir::Value toFloat(mlir::Value v, const Fmt &f, mlir::Type t, const Expr *where);
  mlir::Value toInt(mlir::Value v, const Fmt &f, unsigned width);
  /// Full-precision + - * / & | ^ with the header's result format.
  std::pair<mlir::Value, Fmt> binary(BinaryOperatorKind op, mlir::Value a, const Fmt &fa,
                                     mlir::Value c, const Fmt &fc, const Expr *where);
  mlir::Value compare(BinaryOperatorKind op, mlir::Value a, const Fmt &fa, mlir::Value c,
                      const Fmt &fc);

private:
  mlir::Value cstAP(const llvm::APInt &v) {
    mlir::Type t = b.getIntegerType(v.getBitWidth());
    return arith::ConstantOp::create(b, l, t, b.getIntegerAttr(t, v));
  }

public:
  mlir::Value cmp(arith::CmpIPredicate p, mlir::Value a, mlir::Value c) {
    return fold<arith::CmpIOp>(p, a, c);
  }
  mlir::Value bit(mlir::Value v, unsigned i) {
    return fold<arith::TruncIOp>(b.getI1Type(), fold<arith::ShRUIOp>(v, cst(widthOf(v), i)));
  }
  // i1 logic where a null value is false.
  mlir::Value land(mlir::Value a, mlir::Value c) {
    return !a || !c ? mlir::Value() : fold<arith::AndIOp>(a, c);
  }
  mlir::Value lor(mlir::Value a, mlir::Value c) {
    return !a ? c : !c ? a : fold<arith::OrIOp>(a, c);
  }
  mlir::Value lnot(mlir::Value a) {
    return a ? fold<arith::XOrIOp>(a, r.constBool(true, l)) : r.constBool(true, l);
  }
  mlir::Value shl(mlir::Value v, int k) {
    return k == 0 ? v : fold<arith::ShLIOp>(v, cst(widthOf(v), k));
  }
  /// Rounds and fits a value q (floor of the source at the destination's
  /// scale, ww bits) given the first discarded bit, the "any later bit"
  /// flag and the sign of the source (null = false).
  mlir::Value finish(mlir::Value q, mlir::Value half, mlir::Value rest, mlir::Value neg,
                     const Fmt &to, const Expr *where);
};

std::optional<Fmt> FixedRaiser::fmtOf(QualType t) {
  t = t.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  auto s = r.mod.types.scalar(t);
  if (!s || s->isFloat)
    return std::nullopt;
  Fmt f;
  f.W = s->type.getIntOrFloatBitWidth();
  f.S = s->isSigned && !s->isBool;
  if (s->fixedScale < 0)
    return f;
  f.F = s->fixedScale;
  auto *spec = cast<ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl());
  const TemplateArgumentList &args = spec->getTemplateArgs();
  unsigned q = spec->getName() == "af_base" ? 3 : 2;
  if (args.size() > q)
    f.Q = modeArg(args[q], qNames, TRN);
  if (args.size() > q + 1)
    f.O = modeArg(args[q + 1], oNames, WRAP);
  if (args.size() > q + 2 && args[q + 2].getKind() == TemplateArgument::Integral)
    f.N = (int)args[q + 2].getAsIntegral().getSExtValue();
  return f;
}

Fmt FixedRaiser::fmtOrFail(const Expr *e) {
  QualType t = e->getType().getNonReferenceType();
  if (auto f = fmtOf(t))
    return *f;
  r.unsupported(e, "'" + t.getAsString() + "' as an operand of fixed-point arithmetic");
}

std::pair<mlir::Value, Fmt> FixedRaiser::operand(const Expr *e) {
  QualType t = e->getType().getNonReferenceType();
  if (r.isAPProxy(t)) {
    mlir::Value v = r.emitProxyRead(e).first;
    Fmt f;
    f.W = widthOf(v);
    f.S = false;
    return {v, f};
  }
  Fmt f = fmtOrFail(e);
  return {r.emitRValue(e), f};
}

mlir::Value FixedRaiser::finish(mlir::Value q, mlir::Value half, mlir::Value rest, mlir::Value neg,
                                const Fmt &to, const Expr *where) {
  unsigned ww = widthOf(q);
  mlir::Value up;
  switch (to.Q) {
  case TRN: break;
  case TRN_ZERO: up = land(neg, lor(half, rest)); break;
  case RND: up = half; break;
  case RND_ZERO: up = land(half, lor(rest, neg)); break;
  case RND_MIN_INF: up = land(half, rest); break;
  case RND_INF: up = land(half, lor(rest, lnot(neg))); break;
  case RND_CONV: up = land(half, lor(rest, fold<arith::TruncIOp>(b.getI1Type(), q))); break;
  default: r.unsupported(where, "this fixed-point quantization mode");
  }
  if (up)
    q = fold<arith::AddIOp>(q, fold<arith::ExtUIOp>(b.getIntegerType(ww), up));
  mlir::Value t = resize(q, to.S, to.W);
  if ((to.O == WRAP && to.N == 0) || (to.O == WRAP_SM && !to.S))
    return t;
  if (to.O != SAT && to.O != SAT_ZERO && to.O != SAT_SYM && to.O != WRAP && to.O != WRAP_SM)
    r.unsupported(where, "this fixed-point overflow mode");
  if (to.W > 64)
    r.unsupported(where, "fixed-point types wider than 64 bits with an overflow mode other than "
                         "AP_WRAP");
  using P = arith::CmpIPredicate;
  mlir::Value fits = cmp(P::eq, resize(t, to.S, ww), q);
  mlir::Value qneg = cmp(P::slt, q, cst(ww, 0));
  if (to.O == WRAP_SM) {
    // Signed: the wrapped bits are inverted when bit W of the quantized value
    // differs from bit W-1 (the header's reading of UG1399's examples).
    mlir::Value flip = cmp(P::ne, bit(q, to.W), bit(q, to.W - 1));
    mlir::Value inv = fold<arith::XOrIOp>(t, cst(to.W, -1));
    return fold<arith::SelectOp>(fits, t, fold<arith::SelectOp>(flip, inv, t));
  }
  if (to.O == WRAP) {
    // N saturation bits (SystemC): on overflow the sign bit takes the
    // source's sign and the next N-1 bits its inverse (unsigned: the N top
    // bits are 1 on positive and 0 on negative overflow).
    unsigned nb = std::min<unsigned>(to.N, to.W);
    llvm::APInt top = llvm::APInt::getHighBitsSet(to.W, nb);
    llvm::APInt sign = llvm::APInt::getOneBitSet(to.W, to.W - 1);
    mlir::Value kept = fold<arith::AndIOp>(t, cstAP(~top));
    mlir::Value pattern = to.S ? fold<arith::SelectOp>(qneg, cstAP(sign), cstAP(top ^ sign))
                               : fold<arith::SelectOp>(qneg, cst(to.W, 0), cstAP(top));
    return fold<arith::SelectOp>(fits, t, fold<arith::OrIOp>(kept, pattern));
  }
  llvm::APInt maxV = to.S ? llvm::APInt::getSignedMaxValue(to.W) : llvm::APInt::getMaxValue(to.W);
  llvm::APInt minV = to.S ? llvm::APInt::getSignedMinValue(to.W) : llvm::APInt(to.W, 0);
  mlir::Value over;
  if (to.O == SAT)
    over = fold<arith::SelectOp>(qneg, cstAP(minV), cstAP(maxV));
  else if (to.O == SAT_ZERO)
    over = cst(to.W, 0);
  else
    over = fold<arith::SelectOp>(qneg, to.S ? cstAP(-maxV) : cst(to.W, 0), cstAP(maxV));
  return fold<arith::SelectOp>(fits, t, over);
}

mlir::Value FixedRaiser::quantize(mlir::Value v, const Fmt &from, const Fmt &to,
                                  const Expr *where) {
  if (from.W == to.W && from.F == to.F && from.S == to.S)
    return v;
  int d = from.F - to.F; // > 0: fraction bits dropped, < 0: appended
  unsigned ww = std::max<unsigned>(from.W + std::max(-d, 0), to.W) + 2;
  ww = std::max<unsigned>(ww, std::max(d, 0) + 2);
  mlir::Value q = resize(v, from.S, ww);
  // The source's sign matters to the modes that round toward/away from zero.
  bool needSign = to.Q == TRN_ZERO || to.Q == RND_ZERO || to.Q == RND_INF;
  mlir::Value neg =
      from.S && needSign ? cmp(arith::CmpIPredicate::slt, q, cst(ww, 0)) : mlir::Value();
  mlir::Value half, rest;
  if (d > 0) {
    if (to.Q != TRN) {
      half = bit(q, d - 1);
      if (d > 1) {
        // Any bit below d-1: shift them to the top and compare with zero.
        mlir::Value low = fold<arith::ShLIOp>(q, cst(ww, ww - (d - 1)));
        rest = cmp(arith::CmpIPredicate::ne, low, cst(ww, 0));
      }
    }
    q = fold<arith::ShRSIOp>(q, cst(ww, d));
  } else if (d < 0) {
    q = shl(q, -d);
  }
  return finish(q, half, rest, neg, to, where);
}

mlir::Value FixedRaiser::fromDouble(mlir::Value d, const Fmt &to, const Expr *where) {
  // The double is m * 2^e2 exactly (m: 54-bit signed mantissa); the raw
  // value is floor(m * 2^(e2 + F)), rounded and fitted like any source.
  using P = arith::CmpIPredicate;
  if (d.getType().isF32())
    d = arith::ExtFOp::create(b, l, b.getF64Type(), d);
  mlir::Type i64 = b.getI64Type();
  unsigned ww = std::max<unsigned>(to.W + 58, 64);
  mlir::Value bits = fold<arith::BitcastOp>(i64, d);
  mlir::Value neg = cmp(P::slt, bits, cst(64, 0));
  mlir::Value exp = fold<arith::AndIOp>(fold<arith::ShRUIOp>(bits, cst(64, 52)), cst(64, 0x7ff));
  mlir::Value man = fold<arith::AndIOp>(bits, cst(64, (int64_t(1) << 52) - 1));
  mlir::Value isNaN =
      fold<arith::AndIOp>(cmp(P::eq, exp, cst(64, 0x7ff)), cmp(P::ne, man, cst(64, 0)));
  mlir::Value sub = cmp(P::eq, exp, cst(64, 0));
  mlir::Value mag =
      fold<arith::SelectOp>(sub, man, fold<arith::OrIOp>(man, cst(64, int64_t(1) << 52)));
  mlir::Value m = fold<arith::SelectOp>(neg, fold<arith::SubIOp>(cst(64, 0), mag), mag);
  // s = e2 + F: shift left by s (s >= 0) or right by -s with rounding.
  mlir::Value s = fold<arith::AddIOp>(fold<arith::SelectOp>(sub, cst(64, 1), exp),
                                      cst(64, (int64_t)to.F - 1075));
  auto clamp = [&](mlir::Value x, int64_t lo, int64_t hi) {
    x = fold<arith::SelectOp>(cmp(P::slt, x, cst(64, lo)), cst(64, lo), x);
    x = fold<arith::SelectOp>(cmp(P::sgt, x, cst(64, hi)), cst(64, hi), x);
    return resize(x, true, ww);
  };
  mlir::Value mw = resize(m, true, ww);
  // Shifting further than W+1 (left) or 56 (right) changes neither the low
  // W bits, nor the overflow, nor the rounding decision.
  mlir::Value left = fold<arith::ShLIOp>(mw, clamp(s, 0, (int64_t)to.W + 1));
  mlir::Value dd = clamp(fold<arith::SubIOp>(cst(64, 0), s), 1, 56);
  mlir::Value right = fold<arith::ShRSIOp>(mw, dd);
  mlir::Value isLeft = cmp(P::sge, s, cst(64, 0));
  mlir::Value q = fold<arith::SelectOp>(isLeft, left, right);
  mlir::Value half, rest;
  if (to.Q != TRN) {
    mlir::Value dm1 = fold<arith::SubIOp>(dd, cst(ww, 1));
    mlir::Value h = fold<arith::TruncIOp>(b.getI1Type(), fold<arith::ShRUIOp>(mw, dm1));
    mlir::Value mask = fold<arith::SubIOp>(fold<arith::ShLIOp>(cst(ww, 1), dm1), cst(ww, 1));
    mlir::Value rs = cmp(P::ne, fold<arith::AndIOp>(mw, mask), cst(ww, 0));
    mlir::Value isRight = lnot(isLeft);
    half = land(isRight, h);
    rest = land(isRight, rs);
  }
  mlir::Value v = finish(q, half, rest, neg, to, where);
  return fold<arith::SelectOp>(isNaN, cst(to.W, 0), v);
}

mlir::Value FixedRaiser::toFloat(mlir::Value v, const Fmt &f, mlir::Type t, const Expr *where) {
  int maxScale = t.isF32() ? 126 : 1022;
  if (f.F > maxScale)
    r.unsupported(where, "converting a fixed-point value with " + llvm::Twine(f.F) +
                             " fractional bits to floating point");
  mlir::Value x = f.S ? (mlir::Value)arith::SIToFPOp::create(b, l, t, v)
                      : (mlir::Value)arith::UIToFPOp::create(b, l, t, v);
  if (f.F == 0)
    return x;
  // Scaling by a power of two is exact: one rounding, as the header's.
  mlir::Value scale = arith::ConstantOp::create(b, l, t, b.getFloatAttr(t, std::ldexp(1.0, -f.F)));
  return arith::MulFOp::create(b, l, x, scale);
}

mlir::Value FixedRaiser::toInt(mlir::Value v, const Fmt &f, unsigned width) {
  if (f.F == 0)
    return resize(v, f.S, width);
  if (f.F >= (int)f.W)
    return cst(width, 0); // |value| < 1
  // Truncation toward zero: C division by 2^F, computed one bit wider.
  unsigned w = f.W + 1;
  mlir::Value x = resize(v, f.S, w);
  mlir::Value p = cst(w, int64_t(1) << f.F);
  mlir::Value q = f.S ? fold<arith::DivSIOp>(x, p) : fold<arith::DivUIOp>(x, p);
  return resize(q, true, width);
}

std::pair<mlir::Value, Fmt> FixedRaiser::binary(BinaryOperatorKind op, mlir::Value a, const Fmt &fa,
                                                mlir::Value c, const Fmt &fc, const Expr *where) {
  Fmt res;
  res.S = fa.S || fc.S;
  if (op == BO_Mul) {
    res.W = fa.W + fc.W;
    res.F = fa.F + fc.F;
    return {fold<arith::MulIOp>(resize(a, fa.S, res.W), resize(c, fc.S, res.W)), res};
  }
  if (op == BO_Div) {
    int sh = std::max(fc.F, 0);
    res.W = fa.W + sh + (fc.S ? 1 : 0);
    res.F = fa.F + sh - fc.F;
    if (res.F < 0)
      r.unsupported(where, "a fixed-point division whose quotient has more integer bits than "
                           "bits (the divisor has more fractional bits than the dividend's width)");
    unsigned w = std::max(fa.W + sh, fc.W) + 2;
    mlir::Value x = shl(resize(a, fa.S, w), sh);
    mlir::Value y = resize(c, fc.S, w);
    // A zero divisor gives 0 (the header's choice).
    mlir::Value zero = cmp(arith::CmpIPredicate::eq, y, cst(w, 0));
    mlir::Value safe = fold<arith::SelectOp>(zero, cst(w, 1), y);
    mlir::Value q = fold<arith::DivSIOp>(x, safe);
    q = fold<arith::SelectOp>(zero, cst(w, 0), q);
    return {resize(q, true, res.W), res};
  }
  // + - & | ^: align the binary points.
  int F = std::max(fa.F, fc.F);
  int ia = (int)fa.W - fa.F, ic = (int)fc.W - fc.F;
  int I = std::max(ia + (fc.S && !fa.S), ic + (fa.S && !fc.S));
  bool arith = op == BO_Add || op == BO_Sub;
  res.W = I + F + (arith ? 1 : 0);
  res.F = F;
  if (op == BO_Sub)
    res.S = true;
  mlir::Value x = shl(resize(a, fa.S, res.W), F - fa.F);
  mlir::Value y = shl(resize(c, fc.S, res.W), F - fc.F);
  switch (op) {
  case BO_Add: return {fold<arith::AddIOp>(x, y), res};
  case BO_Sub: return {fold<arith::SubIOp>(x, y), res};
  case BO_And: return {fold<arith::AndIOp>(x, y), res};
  case BO_Or: return {fold<arith::OrIOp>(x, y), res};
  case BO_Xor: return {fold<arith::XOrIOp>(x, y), res};
  default: r.unsupported(where, "this operator on fixed-point values");
  }
}

mlir::Value FixedRaiser::compare(BinaryOperatorKind op, mlir::Value a, const Fmt &fa, mlir::Value c,
                                 const Fmt &fc) {
  int F = std::max(fa.F, fc.F);
  unsigned w = std::max(fa.W + (F - fa.F), fc.W + (F - fc.F)) + 1;
  mlir::Value x = shl(resize(a, fa.S, w), F - fa.F);
  mlir::Value y = shl(resize(c, fc.S, w), F - fc.F);
  using P = arith::CmpIPredicate;
  P p;
  switch (op) {
  case BO_EQ: p = P::eq; break;
  case BO_NE: p = P::ne; break;
  case BO_LT: p = P::slt; break;
  case BO_LE: p = P::sle; break;
  case BO_GT: p = P::sgt; break;
  default: p = P::sge; break;
  }
  return arith::CmpIOp::create(b, l, p, x, y);
}

BinaryOperatorKind binaryOf(OverloadedOperatorKind op) {
  if (op == OO_PercentEqual)
    return BO_Comma; // no fixed-point %
  if (std::optional<BinaryOperatorKind> c = compoundArith(op))
    return *c;
  switch (op) {
  case OO_Plus:
  case OO_PlusPlus: return BO_Add;
  case OO_Minus:
  case OO_MinusMinus: return BO_Sub;
  case OO_Star: return BO_Mul;
  case OO_Slash: return BO_Div;
  case OO_Amp: return BO_And;
  case OO_Pipe: return BO_Or;
  case OO_Caret: return BO_Xor;
  case OO_LessLess: return BO_Shl;
  case OO_GreaterGreater: return BO_Shr;
  case OO_EqualEqual: return BO_EQ;
  case OO_ExclaimEqual: return BO_NE;
  case OO_Less: return BO_LT;
  case OO_LessEqual: return BO_LE;
  case OO_Greater: return BO_GT;
  case OO_GreaterEqual: return BO_GE;
  default: return BO_Comma; // none
  }
}

} // namespace

bool FunctionRaiser::isAPFixed(QualType t) const {
  t = t.getNonReferenceType();
  if (!t->getAsCXXRecordDecl())
    return false;
  auto s = mod.types.scalar(t);
  return s && s->fixedScale >= 0;
}

mlir::Value FunctionRaiser::emitIntFromFloat(mlir::Value d, unsigned w, bool isSigned,
                                             mlir::Location l) {
  // ap_[u]int<w>(d): toward zero, wrapped (an op of its own, so that the
  // emitted code says so; allo-lower-streams expands it for execution).
  return allo::FloatToAPIntOp::create(b, l, b.getIntegerType(w), d, /*is_unsigned=*/!isSigned);
}

mlir::Value FunctionRaiser::emitFixedConstruct(const CXXConstructExpr *e) {
  FixedRaiser fx(*this, loc(e));
  return fx.done([&]() -> mlir::Value {
    mlir::Location l = loc(e);
    QualType rt = e->getType();
    ScalarInfo to = scalarOrFail(rt, e->getExprLoc());
    if (e->getNumArgs() == 0)
      return constInt(to.type, 0, l);
    if (e->getNumArgs() != 1)
      unsupported(e, "this constructor of '" + rt.getAsString() + "'");
    const Expr *arg = e->getArg(0);
    QualType at = arg->getType().getNonReferenceType();
    if (to.fixedScale < 0) {
      // An ap_[u]int from a fixed-point value: integer part toward zero.
      Fmt f = fx.fmtOrFail(arg);
      return fx.toInt(emitRValue(arg), f, to.type.getIntOrFloatBitWidth());
    }
    Fmt dst = *fx.fmtOf(rt);
    auto from = mod.types.scalar(at);
    if (from && from->isFloat)
      return fx.fromDouble(emitRValue(arg), dst, e);
    if (!from && !isAPProxy(at))
      unsupported(e, "constructing '" + rt.getAsString() + "' from '" + at.getAsString() + "'");
    auto [v, f] = fx.operand(arg);
    return fx.quantize(v, f, dst, e);
  }());
}

mlir::Value FunctionRaiser::emitFixedMemberCall(const CXXMemberCallExpr *e) {
  FixedRaiser fx(*this, loc(e));
  return fx.done([&]() -> mlir::Value {
    mlir::Location l = loc(e);
    const CXXMethodDecl *m = e->getMethodDecl();
    const Expr *obj = e->getImplicitObjectArgument();
    llvm::StringRef name = m->getIdentifier() ? m->getName() : "";
    QualType rt = e->getType().getNonReferenceType();
    bool isConv = isa<CXXConversionDecl>(m);
    if (mlir::Value v; emitAPBitMember(e, v))
      return v; // raw bits, as the header's

    if (!isConv && name != "to_double" && name != "to_float" && name != "to_int" &&
        name != "to_uint" && name != "to_long" && name != "to_ulong" && name != "to_int64" &&
        name != "to_uint64" && name != "to_ap_int" && name != "to_bool" && name != "iszero" &&
        name != "is_neg")
      unsupported(e, "ap_fixed member function '" +
                         (name.empty() ? m->getNameAsString() : name.str()) + "'");
    Fmt f = fx.fmtOrFail(obj);
    mlir::Value v = emitRValue(obj);
    using P = arith::CmpIPredicate;
    if (name == "to_bool" || name == "iszero")
      return arith::CmpIOp::create(b, l, name == "iszero" ? P::eq : P::ne, v,
                                   constInt(v.getType(), 0, l));
    if (name == "is_neg")
      return f.S ? (mlir::Value)arith::CmpIOp::create(b, l, P::slt, v, constInt(v.getType(), 0, l))
                 : constBool(false, l);
    ScalarInfo to = scalarOrFail(rt, e->getExprLoc());
    if (to.isFloat)
      return fx.toFloat(v, f, to.type, e);
    if (to.isBool)
      return arith::CmpIOp::create(b, l, P::ne, v, constInt(v.getType(), 0, l));
    // to_int() and friends go through a 64-bit integer; the result wraps.
    unsigned w = to.type.getIntOrFloatBitWidth();
    if (name != "to_ap_int" && !isConv)
      return resizeInt(fx.toInt(v, f, 64), true, w, l);
    return fx.toInt(v, f, w);
  }());
}

mlir::Value FunctionRaiser::emitFixedOperator(const CXXOperatorCallExpr *e) {
  FixedRaiser fx(*this, loc(e));
  return fx.done([&]() -> mlir::Value {
    mlir::Location l = loc(e);
    OverloadedOperatorKind op = e->getOperator();
    QualType rt = e->getType().getNonReferenceType();
    auto opName = [&] { return llvm::Twine(getOperatorSpelling(op)); };
    if ((op == OO_Subscript || op == OO_Call) && isAPFixed(e->getArg(0)->getType()))
      return emitProxyRead(e).first;

    // Assignment: the right-hand side already has the left-hand type.
    if (op == OO_Equal) {
      const Expr *lhs = e->getArg(0);
      Fmt lf = fx.fmtOrFail(lhs);
      auto [v, vf] = fx.operand(e->getArg(1));
      v = fx.quantize(v, vf, lf, e);
      store(emitLValue(lhs), v, l);
      return v;
    }
    // Compound assignment and ++/--: x = T(x op v) with x's modes.
    if (e->isAssignmentOp() || op == OO_PlusPlus || op == OO_MinusMinus) {
      const Expr *lhs = e->getArg(0);
      Fmt lf = fx.fmtOrFail(lhs);
      BinaryOperatorKind bop = binaryOf(op);
      bool incDec = op == OO_PlusPlus || op == OO_MinusMinus;
      // C++17: the right operand is sequenced before the left.
      mlir::Value rv;
      Fmt rf;
      bool rFloat = false;
      if (incDec) {
        rf.W = 32;
        rv = constInt(b.getI32Type(), 1, l);
      } else {
        const Expr *rhs = e->getArg(1);
        auto rs = mod.types.scalar(rhs->getType().getNonReferenceType());
        rFloat = rs && rs->isFloat;
        if (rFloat)
          rv = emitRValue(rhs);
        else
          std::tie(rv, rf) = fx.operand(rhs);
      }
      LValue lv = emitLValue(lhs);
      mlir::Value cur = load(lv, l);
      mlir::Value nv;
      if (bop == BO_Shl || bop == BO_Shr) {
        // Raw bits shifted within the type (as ap_int shifts).
        nv = apShift(bop == BO_Shl, cur, lf.S, rv, rf.S, l);
      } else if (rFloat) {
        // x op= double: evaluated in double through the implicit conversion.
        mlir::Value x = fx.toFloat(cur, lf, b.getF64Type(), e);
        mlir::Value y = rv.getType().isF64()
                            ? rv
                            : (mlir::Value)arith::ExtFOp::create(b, l, b.getF64Type(), rv);
        mlir::Value d = emitArith(bop, x, y, ast.DoubleTy, l, e);
        nv = fx.fromDouble(d, lf, e);
      } else {
        if (bop == BO_Comma || bop == BO_EQ)
          unsupported(e, "operator '" + opName() + "' on a fixed-point value");
        auto [res, resFmt] = fx.binary(bop, cur, lf, rv, rf, e);
        // x = T(x op v): an ap_[u]int T built from the fixed-point result
        // takes its integer part toward zero (not T's floor quantization).
        auto ls = mod.types.scalar(lhs->getType().getNonReferenceType());
        if (ls && ls->fixedScale < 0 && !ls->isFloat)
          nv = fx.toInt(res, resFmt, ls->type.getIntOrFloatBitWidth());
        else
          nv = fx.quantize(res, resFmt, lf, e);
      }
      store(lv, nv, l);
      bool postfix = incDec && e->getNumArgs() == 2;
      return postfix ? cur : nv;
    }

    Fmt rf;
    bool rIsFixed = false;
    if (auto f = fx.fmtOf(rt)) {
      rf = *f;
      rIsFixed = true;
    }
    if (e->getNumArgs() == 1) {
      auto [v, f] = fx.operand(e->getArg(0));
      switch (op) {
      case OO_Plus: return v;
      case OO_Minus: {
        Fmt nf = f;
        nf.W = f.W + 1;
        nf.S = true;
        mlir::Value x = resizeInt(v, f.S, nf.W, l);
        mlir::Value n = arith::SubIOp::create(b, l, constInt(x.getType(), 0, l), x);
        return rIsFixed ? fx.quantize(n, nf, rf, e) : n;
      }
      case OO_Tilde: return arith::XOrIOp::create(b, l, v, constInt(v.getType(), -1, l));
      case OO_Exclaim:
        return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, v,
                                     constInt(v.getType(), 0, l));
      default: unsupported(e, "unary operator '" + opName() + "' on a fixed-point value");
      }
    }
    BinaryOperatorKind bop = binaryOf(op);
    if (bop == BO_Comma)
      unsupported(e, "operator '" + opName() + "' on fixed-point values");
    if (bop == BO_Shl || bop == BO_Shr) {
      auto [a, af] = fx.operand(e->getArg(0));
      auto [n, nf] = fx.operand(e->getArg(1));
      return apShift(bop == BO_Shl, a, af.S, n, nf.S, l);
    }
    auto [a, af] = fx.operand(e->getArg(0));
    auto [c, cf] = fx.operand(e->getArg(1));
    if (BinaryOperator::isComparisonOp(bop))
      return fx.compare(bop, a, af, c, cf);
    auto [res, resFmt] = fx.binary(bop, a, af, c, cf, e);
    if (!rIsFixed)
      unsupported(e, "fixed-point operator '" + opName() + "' with result type '" +
                         rt.getAsString() + "'");
    // The header's result type (read from the AST) is the computed format.
    return fx.quantize(res, resFmt, rf, e);
  }());
}
