//===- RaiseAPInt.cpp - Arbitrary-precision integers (ap_int/ap_uint) -----===//
//
// ap_int<W>/ap_uint<W> are classes; their operators are calls in the AST.
// The result type of each operator (the documented widening rules: W+1 for
// + and -, W1+W2 for *, ...) is read from the AST, so the raised arithmetic
// computes exactly what the class computes: operands are extended by their
// own signedness to the result width, and assignment truncates to the
// destination's width. Division and remainder are computed at
// max(W1, W2) + 1 bits, then narrowed to the result width (a zero divisor
// gives 0 and the dividend, as the C-simulation header). Shifts keep the
// left operand's type; a negative count shifts the other way and a count of
// W or more shifts everything out (as the header).
//
//===----------------------------------------------------------------------===//
#include "FoldingBuilder.h"

using namespace clang;
using namespace allo::raise;
namespace arith = mlir::arith;

namespace {
unsigned widthOf(mlir::Value v) { return v.getType().getIntOrFloatBitWidth(); }
} // namespace

std::optional<BinaryOperatorKind> allo::raise::compoundArith(OverloadedOperatorKind op) {
  switch (op) {
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_CaretEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
    return BinaryOperator::getOpForCompoundAssignment(BinaryOperator::getOverloadedOpcode(op));
  default: return std::nullopt;
  }
}

bool FunctionRaiser::isAPInt(QualType t) const {
  if (!t->getAsCXXRecordDecl())
    return false;
  auto s = mod.types.scalar(t);
  return s && s->fixedScale < 0 && !s->isFloat;
}

mlir::Value FunctionRaiser::resizeInt(mlir::Value v, bool isSigned, unsigned width,
                                      mlir::Location l) {
  unsigned w = widthOf(v);
  mlir::Type t = b.getIntegerType(width);
  if (w == width)
    return v;
  if (w > width)
    return b.createOrFold<arith::TruncIOp>(l, t, v);
  // A signed one-bit value (ap_int<1>) is 0 or -1; bools come here unsigned.
  if (isSigned)
    return b.createOrFold<arith::ExtSIOp>(l, t, v);
  return b.createOrFold<arith::ExtUIOp>(l, t, v);
}

mlir::Value FunctionRaiser::apShift(bool left, mlir::Value x, bool xSigned, mlir::Value n,
                                    bool nSigned, mlir::Location l) {
  // As the C-simulation header: a negative count shifts the other way; a
  // count of W or more leaves 0 (or the sign, for >> of a signed value).
  using P = arith::CmpIPredicate;
  unsigned w = widthOf(x);
  // The count exactly, its negation, and W all fit in cw bits.
  unsigned cw = std::max<unsigned>(widthOf(n), llvm::Log2_32(w) + 2) + 1;
  mlir::Value c = resizeInt(n, nSigned, cw, l);
  mlir::Value zero = constInt(c.getType(), 0, l);
  mlir::Value neg = nSigned ? b.createOrFold<arith::CmpIOp>(l, P::slt, c, zero) : mlir::Value();
  mlir::Value mag =
      neg ? b.createOrFold<arith::SelectOp>(l, neg, b.createOrFold<arith::SubIOp>(l, zero, c), c)
          : c;
  mlir::Value big = b.createOrFold<arith::CmpIOp>(l, P::uge, mag, constInt(c.getType(), w, l));
  mlir::Value amt = resizeInt(
      b.createOrFold<arith::SelectOp>(l, big, constInt(c.getType(), w - 1, l), mag), false, w, l);
  mlir::Value xz = constInt(x.getType(), 0, l);
  mlir::Value shl =
      b.createOrFold<arith::SelectOp>(l, big, xz, b.createOrFold<arith::ShLIOp>(l, x, amt));
  mlir::Value shr =
      xSigned
          ? b.createOrFold<arith::ShRSIOp>(l, x, amt)
          : b.createOrFold<arith::SelectOp>(l, big, xz, b.createOrFold<arith::ShRUIOp>(l, x, amt));
  mlir::Value pos = left ? shl : shr;
  if (!neg)
    return pos;
  return b.createOrFold<arith::SelectOp>(l, neg, left ? shr : shl, pos);
}

/// An integer operand of an ap operation as (value, signedness).
std::pair<mlir::Value, bool> FunctionRaiser::apOperand(const Expr *e) {
  QualType t = e->getType().getNonReferenceType();
  if (isAPProxy(t))
    return emitProxyRead(e);
  mlir::Value v = emitRValue(e);
  ScalarInfo s = scalarOrFail(t, e->getExprLoc());
  if (s.isFloat || s.fixedScale >= 0)
    unsupported(e, "mixing arbitrary-precision integers with floating or fixed point here");
  return {v, s.isSigned && !s.isBool};
}

mlir::Value FunctionRaiser::emitAPConstruct(const CXXConstructExpr *e) {
  mlir::Location l = loc(e);
  ScalarInfo to = scalarOrFail(e->getType(), e->getExprLoc());
  if (to.fixedScale >= 0)
    return emitFixedConstruct(e);
  unsigned w = to.type.getIntOrFloatBitWidth();
  if (e->getNumArgs() == 0)
    return constInt(to.type, 0, l);
  if (e->getNumArgs() != 1)
    unsupported(e, "this constructor of '" + e->getType().getAsString() + "'");
  const Expr *arg = e->getArg(0);
  QualType at = arg->getType().getNonReferenceType();
  if (isAPProxy(at)) {
    auto [v, s] = emitProxyRead(arg);
    return resizeInt(v, s, w, l);
  }
  auto from = mod.types.scalar(at);
  if (!from)
    unsupported(e, "constructing '" + e->getType().getAsString() + "' from '" + at.getAsString() +
                       "'");
  mlir::Value v = emitRValue(arg);
  if (from->isFloat)
    return emitIntFromFloat(v, w, to.isSigned && !to.isBool, l);
  if (from->fixedScale >= 0)
    return emitFixedConstruct(e);
  return resizeInt(v, from->isSigned && !from->isBool, w, l);
}

mlir::Value FunctionRaiser::emitAPMemberCall(const CXXMemberCallExpr *e) {
  mlir::Location l = loc(e);
  const CXXMethodDecl *m = e->getMethodDecl();
  const Expr *obj = e->getImplicitObjectArgument();
  if (m && isAPFixed(obj->getType()))
    return emitFixedMemberCall(e);
  if (mlir::Value v; m && isAPInt(obj->getType().getNonReferenceType()) && emitAPBitMember(e, v))
    return v;
  if (m && isAPProxy(obj->getType()) && m->getIdentifier() && m->getName().ends_with("_reduce")) {
    // x.range(h, l).and_reduce() ... (not a conversion of the range).
    FoldingBuilder fb(*this, l);
    if (mlir::Value v = emitAPQuery(e, fb))
      return v;
  }
  if (m && isAPProxy(obj->getType()) &&
      (isa<CXXConversionDecl>(m) ||
       (m->getIdentifier() && (m->getName().starts_with("to_") || m->getName() == "get")))) {
    // Conversions of a bit/range reference: its value, zero-extended.
    auto [v, s] = emitProxyRead(obj);
    ScalarInfo to = scalarOrFail(e->getType().getNonReferenceType(), e->getExprLoc());
    if (to.isBool)
      return v.getType().isInteger(1)
                 ? v
                 : (mlir::Value)arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, v,
                                                      constInt(v.getType(), 0, l));
    if (to.isFloat)
      return arith::UIToFPOp::create(b, l, to.type, v);
    llvm::StringRef n = m->getIdentifier() ? m->getName() : "";
    if (isa<CXXConversionDecl>(m) || n.starts_with("to_") || n == "get")
      return resizeInt(v, false, to.type.getIntOrFloatBitWidth(), l);
  }
  if (m && mod.types.isUserStruct(obj->getType().getNonReferenceType()))
    unsupported(e, "call to member function '" + m->getQualifiedNameAsString() +
                       "' (the data of structs is raised, their member functions are not: "
                       "write a free function taking the struct)");
  if (!m || !isAPInt(obj->getType().getNonReferenceType()))
    unsupported(e, "call to member function '" +
                       (m ? m->getQualifiedNameAsString() : std::string("?")) + "'");
  auto [v, isSigned] = apOperand(obj);
  QualType rt = e->getType().getNonReferenceType();
  llvm::StringRef name = m->getIdentifier() ? m->getName() : "";
  if (isa<CXXConversionDecl>(m) || name == "to_int" || name == "to_uint" || name == "to_long" ||
      name == "to_ulong" || name == "to_int64" || name == "to_uint64") {
    ScalarInfo to = scalarOrFail(rt, e->getExprLoc());
    if (to.isBool)
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, v, constInt(v.getType(), 0, l));
    if (to.isFloat)
      return isSigned ? (mlir::Value)arith::SIToFPOp::create(b, l, to.type, v)
                      : (mlir::Value)arith::UIToFPOp::create(b, l, to.type, v);
    return resizeInt(v, isSigned, to.type.getIntOrFloatBitWidth(), l);
  }
  if (name == "to_double" || name == "to_float") {
    ScalarInfo to = scalarOrFail(rt, e->getExprLoc());
    return isSigned ? (mlir::Value)arith::SIToFPOp::create(b, l, to.type, v)
                    : (mlir::Value)arith::UIToFPOp::create(b, l, to.type, v);
  }
  unsupported(e, "ap_int member function '" + name + "'");
}

mlir::Value FunctionRaiser::emitAPOperator(const CXXOperatorCallExpr *e) {
  mlir::Location l = loc(e);
  OverloadedOperatorKind op = e->getOperator();
  QualType rt = e->getType().getNonReferenceType();
  if (e->getNumArgs() > 0 && isAPProxy(e->getArg(0)->getType()) && e->isAssignmentOp())
    return emitProxyAssign(e);
  if (llvm::any_of(e->arguments(), [&](const Expr *a) { return isAPFixed(a->getType()); }))
    return emitFixedOperator(e);
  if ((op == OO_Subscript || op == OO_Call) && e->getNumArgs() > 0 &&
      isAPInt(e->getArg(0)->getType().getNonReferenceType()))
    return emitProxyRead(e).first;
  auto anyAP = llvm::any_of(e->arguments(), [&](const Expr *a) {
    QualType t = a->getType().getNonReferenceType();
    return isAPInt(t) || isAPProxy(t);
  });
  if (!anyAP)
    unsupported(e, "call to overloaded operator '" + llvm::Twine(getOperatorSpelling(op)) + "'");

  // Assignments: the destination's width wins (wrap-around).
  if (op == OO_Equal || (e->isAssignmentOp() && op != OO_Equal)) {
    const Expr *lhs = e->getArg(0);
    QualType lt = lhs->getType().getNonReferenceType();
    ScalarInfo ls = scalarOrFail(lt, lhs->getExprLoc());
    unsigned lw = ls.type.getIntOrFloatBitWidth();
    auto [rv, rSigned] = apOperand(e->getArg(1));
    LValue lv = emitLValue(lhs);
    mlir::Value result;
    if (op == OO_Equal) {
      result = resizeInt(rv, rSigned, lw, l);
    } else {
      mlir::Value cur = load(lv, l);
      std::optional<BinaryOperatorKind> arith = compoundArith(op);
      if (!arith)
        unsupported(e, "this compound assignment on an arbitrary-precision integer");
      BinaryOperatorKind bop = *arith;
      // Full-precision result, then wrapped into the destination.
      unsigned wide = std::max(lw, widthOf(rv)) * 2 + 2;
      bool sg = ls.isSigned || rSigned;
      if (bop == BO_Shl || bop == BO_Shr) {
        result = apShift(bop == BO_Shl, cur, ls.isSigned, rv, rSigned, l);
      } else {
        mlir::Value a = resizeInt(cur, ls.isSigned, wide, l);
        mlir::Value c = resizeInt(rv, rSigned, wide, l);
        mlir::Value r = apArith(bop, a, c, sg, l, e);
        if (bop == BO_Rem) {
          // x % v has min(W1, W2 + (S1 && !S2)) bits and x's signedness (it
          // matters when v is 0: the remainder is x).
          unsigned rw = std::min(lw, widthOf(rv) + (ls.isSigned && !rSigned ? 1 : 0));
          r = resizeInt(r, sg, rw, l);
          sg = ls.isSigned;
        }
        result = resizeInt(r, sg, lw, l);
      }
    }
    store(lv, result, l);
    return result;
  }
  if (op == OO_PlusPlus || op == OO_MinusMinus) {
    const Expr *x = e->getArg(0);
    LValue lv = emitLValue(x);
    mlir::Value old = load(lv, l);
    mlir::Value one = constInt(old.getType(), 1, l);
    mlir::Value nv = op == OO_PlusPlus ? (mlir::Value)arith::AddIOp::create(b, l, old, one)
                                       : (mlir::Value)arith::SubIOp::create(b, l, old, one);
    store(lv, nv, l);
    bool postfix = e->getNumArgs() == 2; // the dummy int argument
    return postfix ? old : nv;
  }
  // Unary operators.
  if (e->getNumArgs() == 1) {
    auto [v, s] = apOperand(e->getArg(0));
    ScalarInfo r = scalarOrFail(rt, e->getExprLoc());
    if (op == OO_Exclaim)
      return arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, v, constInt(v.getType(), 0, l));
    unsigned rw = r.type.getIntOrFloatBitWidth();
    mlir::Value x = resizeInt(v, s, rw, l);
    if (op == OO_Minus)
      return arith::SubIOp::create(b, l, constInt(x.getType(), 0, l), x);
    if (op == OO_Tilde)
      return arith::XOrIOp::create(b, l, x, constInt(x.getType(), -1, l));
    if (op == OO_Plus)
      return x;
    unsupported(e, "unary operator '" + llvm::Twine(getOperatorSpelling(op)) +
                       "' on an arbitrary-precision integer");
  }
  auto [a, as] = apOperand(e->getArg(0));
  auto [c, cs] = apOperand(e->getArg(1));
  unsigned wa = widthOf(a), wc = widthOf(c);
  // Comparisons are exact: compare at a width that holds both operands.
  arith::CmpIPredicate pred;
  bool isCmp = true;
  switch (op) {
  case OO_EqualEqual: pred = arith::CmpIPredicate::eq; break;
  case OO_ExclaimEqual: pred = arith::CmpIPredicate::ne; break;
  case OO_Less: pred = arith::CmpIPredicate::slt; break;
  case OO_LessEqual: pred = arith::CmpIPredicate::sle; break;
  case OO_Greater: pred = arith::CmpIPredicate::sgt; break;
  case OO_GreaterEqual: pred = arith::CmpIPredicate::sge; break;
  default:
    isCmp = false;
    pred = arith::CmpIPredicate::eq;
    break;
  }
  if (isCmp) {
    unsigned w = std::max(wa, wc) + 1;
    return arith::CmpIOp::create(b, l, pred, resizeInt(a, as, w, l), resizeInt(c, cs, w, l));
  }
  if (op == OO_AmpAmp || op == OO_PipePipe)
    unsupported(e, "logical operators on arbitrary-precision integers (compare with 0 first)");
  ScalarInfo r = scalarOrFail(rt, e->getExprLoc());
  unsigned rw = r.type.getIntOrFloatBitWidth();
  BinaryOperatorKind bop;
  switch (op) {
  case OO_Plus: bop = BO_Add; break;
  case OO_Minus: bop = BO_Sub; break;
  case OO_Star: bop = BO_Mul; break;
  case OO_Slash: bop = BO_Div; break;
  case OO_Percent: bop = BO_Rem; break;
  case OO_Amp: bop = BO_And; break;
  case OO_Pipe: bop = BO_Or; break;
  case OO_Caret: bop = BO_Xor; break;
  case OO_LessLess: bop = BO_Shl; break;
  case OO_GreaterGreater: bop = BO_Shr; break;
  default:
    unsupported(e, "operator '" + llvm::Twine(getOperatorSpelling(op)) +
                       "' on arbitrary-precision integers");
  }
  if (bop == BO_Shl || bop == BO_Shr) // same width as the shifted operand
    return apShift(bop == BO_Shl, resizeInt(a, as, rw, l), r.isSigned, c, cs, l);
  if (bop == BO_Div || bop == BO_Rem) {
    unsigned w = std::max(wa, wc) + 1;
    mlir::Value q = apArith(bop, resizeInt(a, as, w, l), resizeInt(c, cs, w, l), true, l, e);
    return resizeInt(q, true, rw, l);
  }
  return apArith(bop, resizeInt(a, as, rw, l), resizeInt(c, cs, rw, l), r.isSigned, l, e);
}

mlir::Value FunctionRaiser::apArith(BinaryOperatorKind op, mlir::Value a, mlir::Value c,
                                    bool isSigned, mlir::Location l, const Expr *where) {
  switch (op) {
  case BO_Add: return arith::AddIOp::create(b, l, a, c);
  case BO_Sub: return arith::SubIOp::create(b, l, a, c);
  case BO_Mul: return arith::MulIOp::create(b, l, a, c);
  case BO_Div:
  case BO_Rem: {
    // A zero divisor gives the quotient 0 and the remainder a (the csim
    // headers'); the guard folds away for constant divisors.
    mlir::Value zero = constInt(c.getType(), 0, l);
    mlir::Value isZero = b.createOrFold<arith::CmpIOp>(l, arith::CmpIPredicate::eq, c, zero);
    mlir::Value safe = b.createOrFold<arith::SelectOp>(l, isZero, constInt(c.getType(), 1, l), c);
    mlir::Value q;
    if (op == BO_Div)
      q = isSigned ? (mlir::Value)arith::DivSIOp::create(b, l, a, safe)
                   : (mlir::Value)arith::DivUIOp::create(b, l, a, safe);
    else
      q = isSigned ? (mlir::Value)arith::RemSIOp::create(b, l, a, safe)
                   : (mlir::Value)arith::RemUIOp::create(b, l, a, safe);
    return b.createOrFold<arith::SelectOp>(l, isZero, op == BO_Div ? zero : a, q);
  }
  case BO_And: return arith::AndIOp::create(b, l, a, c);
  case BO_Or: return arith::OrIOp::create(b, l, a, c);
  case BO_Xor: return arith::XOrIOp::create(b, l, a, c);
  case BO_Shl: return arith::ShLIOp::create(b, l, a, c);
  case BO_Shr:
    return isSigned ? (mlir::Value)arith::ShRSIOp::create(b, l, a, c)
                    : (mlir::Value)arith::ShRUIOp::create(b, l, a, c);
  default: unsupported(where, "this operator on arbitrary-precision integers");
  }
}
