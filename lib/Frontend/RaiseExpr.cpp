//===- RaiseExpr.cpp - Raising C++ expressions ----------------------------===//
//
// C++ semantics are taken from Clang's AST, which already makes integer
// promotion and the usual arithmetic conversions explicit as implicit casts:
// every operation here works on operands of the AST's types, and signedness
// selects the MLIR operation (divsi/divui, shrsi/shrui, slt/ult, ...).
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace clang;
using namespace allo::raise;
namespace arith = mlir::arith;

namespace {
bool isUnsignedInt(QualType t) { return t->isUnsignedIntegerType() && !t->isBooleanType(); }

/// A call of a free function of the translation unit through an operator
/// on user structs (`a + b` with `Complex operator+(Complex, Complex)`).
bool isUserOperatorCall(const CallExpr *e, const TypeMapper &types) {
  auto *oc = dyn_cast<CXXOperatorCallExpr>(e);
  const FunctionDecl *callee = e->getDirectCallee();
  if (!oc || !callee || isa<CXXMethodDecl>(callee) ||
      types.ast.getSourceManager().isInSystemHeader(callee->getLocation()))
    return false;
  return llvm::any_of(callee->parameters(), [&](const ParmVarDecl *p) {
    return types.isUserStruct(p->getType().getNonReferenceType());
  });
}
} // namespace

bool FunctionRaiser::isSimpleExpr(const Expr *e) {
  e = e->IgnoreParens();
  if (isa<IntegerLiteral>(e) || isa<FloatingLiteral>(e) || isa<CXXBoolLiteralExpr>(e) ||
      isa<CharacterLiteral>(e) || isa<DeclRefExpr>(e))
    return true;
  if (auto *c = dyn_cast<CastExpr>(e))
    return c->getCastKind() != CK_ArrayToPointerDecay && isSimpleExpr(c->getSubExpr());
  if (auto *u = dyn_cast<UnaryOperator>(e))
    return !u->isIncrementDecrementOp() && u->getOpcode() != UO_AddrOf &&
           u->getOpcode() != UO_Deref && isSimpleExpr(u->getSubExpr());
  if (auto *bo = dyn_cast<BinaryOperator>(e))
    return !bo->isAssignmentOp() && bo->getOpcode() != BO_Div && bo->getOpcode() != BO_Rem &&
           bo->getOpcode() != BO_Comma && isSimpleExpr(bo->getLHS()) && isSimpleExpr(bo->getRHS());
  if (auto *co = dyn_cast<ConditionalOperator>(e))
    return isSimpleExpr(co->getCond()) && isSimpleExpr(co->getTrueExpr()) &&
           isSimpleExpr(co->getFalseExpr());
  return false;
}

mlir::Value FunctionRaiser::convert(mlir::Value v, QualType from, QualType to, mlir::Location l) {
  if (to->isVoidType())
    return v;
  ScalarInfo fi = scalarOrFail(from, SourceLocation());
  ScalarInfo ti = scalarOrFail(to, SourceLocation());
  mlir::Type tt = ti.type;
  if (ti.isBool) {
    if (fi.isBool)
      return v;
    if (fi.isFloat) {
      mlir::Value zero = arith::ConstantOp::create(b, l, fi.type, b.getFloatAttr(fi.type, 0.0));
      return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNE, v, zero);
    }
    return arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, v, constInt(fi.type, 0, l));
  }
  if (v.getType() == tt)
    return v;
  if (fi.isFloat && ti.isFloat) {
    if (tt.getIntOrFloatBitWidth() > fi.type.getIntOrFloatBitWidth())
      return arith::ExtFOp::create(b, l, tt, v);
    return arith::TruncFOp::create(b, l, tt, v);
  }
  if (fi.isFloat) {
    // To an ap_[u]int: defined for every value (toward zero, wrapped); to a
    // C integer: undefined out of range, as in C++.
    if (isAPInt(to))
      return emitIntFromFloat(v, tt.getIntOrFloatBitWidth(), ti.isSigned, l);
    return ti.isSigned ? (mlir::Value)arith::FPToSIOp::create(b, l, tt, v)
                       : (mlir::Value)arith::FPToUIOp::create(b, l, tt, v);
  }
  if (ti.isFloat)
    return fi.isSigned ? (mlir::Value)arith::SIToFPOp::create(b, l, tt, v)
                       : (mlir::Value)arith::UIToFPOp::create(b, l, tt, v);
  unsigned fw = fi.type.getIntOrFloatBitWidth(), tw = tt.getIntOrFloatBitWidth();
  if (tw > fw)
    return fi.isSigned ? (mlir::Value)arith::ExtSIOp::create(b, l, tt, v)
                       : (mlir::Value)arith::ExtUIOp::create(b, l, tt, v);
  if (tw < fw)
    return arith::TruncIOp::create(b, l, tt, v);
  return v;
}

mlir::Value FunctionRaiser::emitCondition(const Expr *e) {
  mlir::Value v = emitRValue(e);
  if (v.getType().isInteger(1))
    return v;
  return convert(v, e->getType(), ast.BoolTy, loc(e));
}

mlir::Value FunctionRaiser::load(const LValue &lv, mlir::Location l) {
  if (lv.affine)
    return mlir::affine::AffineLoadOp::create(b, l, lv.memref, lv.map, lv.operands);
  return mlir::memref::LoadOp::create(b, l, lv.memref, lv.operands);
}

void FunctionRaiser::store(const LValue &lv, mlir::Value v, mlir::Location l) {
  if (lv.affine)
    mlir::affine::AffineStoreOp::create(b, l, v, lv.memref, lv.map, lv.operands);
  else
    mlir::memref::StoreOp::create(b, l, v, lv.memref, lv.operands);
}

const CXXOperatorCallExpr *FunctionRaiser::lockSubscript(const Expr *e) {
  auto *oc = dyn_cast<CXXOperatorCallExpr>(e->IgnoreParens());
  if (!oc || oc->getOperator() != OO_Subscript || oc->getNumArgs() != 2 ||
      !lockBlock(oc->getArg(0)))
    return nullptr;
  return oc;
}

mlir::Value FunctionRaiser::arrayMemref(const Expr *e) {
  if (mlir::Value block = lockBlock(e))
    return block; // the block of a stream_of_blocks lock
  const Expr *s = e->IgnoreParenImpCasts();
  if (auto *dr = dyn_cast<DeclRefExpr>(s)) {
    if (auto *vd = dyn_cast<VarDecl>(dr->getDecl())) {
      auto it = vars.find(vd);
      if (it != vars.end() && it->second.kind == Binding::Memory &&
          llvm::cast<mlir::MemRefType>(it->second.value.getType()).getRank() > 0)
        return it->second.value;
      if (it == vars.end() && vd->hasGlobalStorage() && vd->getType()->isArrayType())
        return bindGlobal(vd, dr->getLocation());
    }
  }
  if (isa<ArraySubscriptExpr>(s))
    unsupported(e, "passing or using part of an array (a sub-array such as 'A[i]'); pass whole "
                   "arrays and index inside the callee");
  unsupported(e, "this expression is used as an array or pointer; only arrays declared with "
                 "constant sizes can be indexed or passed");
}

LValue FunctionRaiser::emitLValue(const Expr *e) {
  e = e->IgnoreParens();
  mlir::Location l = loc(e);
  if (auto *dr = dyn_cast<DeclRefExpr>(e)) {
    auto *vd = dyn_cast<VarDecl>(dr->getDecl());
    auto it = vd ? vars.find(vd) : vars.end();
    if (it == vars.end()) {
      if (vd && vd->hasGlobalStorage())
        fail(dr->getLocation(), "global variable '" + vd->getName() +
                                    "' is not supported; make it constexpr or pass it as a "
                                    "parameter");
      unsupported(e, "reference to '" + dr->getDecl()->getName() + "'");
    }
    const Binding &bind = it->second;
    if (bind.kind == Binding::Alias)
      return placeLValue(bind.place, e);
    if (bind.kind != Binding::Memory ||
        llvm::cast<mlir::MemRefType>(bind.value.getType()).getRank() != 0)
      unsupported(e, "writing to '" + vd->getName() + "' here");
    LValue lv;
    lv.memref = bind.value;
    lv.map = mlir::AffineMap::get(&mod.ctx);
    lv.type = vd->getType();
    return lv;
  }
  if (isa<MemberExpr>(e)) {
    std::optional<Place> p = emitPlace(e);
    if (!p)
      unsupported(e, "this member access (members of structs are raised; of other classes not)");
    return placeLValue(*p, e);
  }
  if (isa<ArraySubscriptExpr>(e) || lockSubscript(e) ||
      (isa<UnaryOperator>(e) && cast<UnaryOperator>(e)->getOpcode() == UO_Deref)) {
    std::optional<Place> p = emitPlace(e);
    if (!p) {
      const Expr *base = e;
      if (auto *ase = dyn_cast<ArraySubscriptExpr>(e))
        base = ase->getBase();
      else if (auto *u = dyn_cast<UnaryOperator>(e))
        base = u->getSubExpr();
      unsupported(base, "this expression is used as an array or pointer; only arrays, pointer "
                        "parameters and pointers into arrays can be indexed or dereferenced");
    }
    return placeLValue(*p, e);
  }
  if (auto *ce = dyn_cast<ImplicitCastExpr>(e))
    if (ce->getCastKind() == CK_NoOp)
      return emitLValue(ce->getSubExpr());
  unsupported(e, "assignment to this kind of expression ('" + llvm::Twine(e->getStmtClassName()) +
                     "'); only variables and array elements can be written");
}

bool FunctionRaiser::mayBeConstant(const Expr *e) {
  // Clang's evaluator walks an operand chain until it meets a non-constant:
  // asking it at every node of `a + b + c + ...` would cost quadratic time.
  // An arithmetic, comparison or bitwise operator, a subscript, a unary
  // operator or a cast is constant only if its operands are; a variable only
  // if it is constexpr or const; everything else is asked.
  e = e->IgnoreParens();
  auto it = constantCandidates.find(e);
  if (it != constantCandidates.end())
    return it->second;
  bool r = true;
  if (auto *dr = dyn_cast<DeclRefExpr>(e)) {
    auto *vd = dyn_cast<VarDecl>(dr->getDecl());
    r = !vd || vd->isConstexpr() || vd->getType().isConstQualified();
  } else if (auto *as = dyn_cast<ArraySubscriptExpr>(e)) {
    r = mayBeConstant(as->getBase()) && mayBeConstant(as->getIdx());
  } else if (auto *bo = dyn_cast<BinaryOperator>(e)) {
    if (!bo->isLogicalOp() && bo->getOpcode() != BO_Comma && !bo->isAssignmentOp())
      r = mayBeConstant(bo->getLHS()) && mayBeConstant(bo->getRHS());
    else if (bo->isAssignmentOp())
      r = false;
  } else if (auto *uo = dyn_cast<UnaryOperator>(e)) {
    r = !uo->isIncrementDecrementOp() && mayBeConstant(uo->getSubExpr());
  } else if (auto *ce = dyn_cast<CastExpr>(e)) {
    r = mayBeConstant(ce->getSubExpr());
  }
  constantCandidates[e] = r;
  return r;
}

mlir::Value FunctionRaiser::emitRValue(const Expr *e) {
  e = e->IgnoreParens();
  // Raising recurses on operands; the frontend's stack (kFrontendStackSize)
  // holds several times this depth, so the limit is an error, not a crash.
  constexpr unsigned kMaxExprDepth = 100000;
  struct DepthGuard {
    unsigned &d;
    explicit DepthGuard(unsigned &d) : d(++d) {}
    ~DepthGuard() { --d; }
  } guard(exprDepth);
  if (exprDepth > kMaxExprDepth)
    fail(e->getExprLoc(), "unsupported: an expression nested more than " +
                              llvm::Twine(kMaxExprDepth) +
                              " operators deep; split it into several statements");
  mlir::Location l = loc(e);
  QualType t = e->getType();

  // Fold constant expressions (literals, constexpr values, sizeof, ...).
  if (!e->isValueDependent() && (t->isIntegralOrEnumerationType() || t->isRealFloatingType()) &&
      !isa<DeclRefExpr>(e) && !isa<CallExpr>(e) && mayBeConstant(e)) {
    Expr::EvalResult r;
    if (e->EvaluateAsRValue(r, ast) && !r.HasSideEffects) {
      ScalarInfo s = scalarOrFail(t, e->getExprLoc());
      if (r.Val.isInt()) {
        if (s.isBool)
          return constBool(r.Val.getInt().getBoolValue(), l);
        return arith::ConstantOp::create(
            b, l, s.type,
            b.getIntegerAttr(s.type, r.Val.getInt().extOrTrunc(s.type.getIntOrFloatBitWidth())));
      }
      if (r.Val.isFloat())
        return arith::ConstantOp::create(b, l, s.type, b.getFloatAttr(s.type, r.Val.getFloat()));
    }
  }

  if (auto *dr = dyn_cast<DeclRefExpr>(e)) {
    if (auto *ec = dyn_cast<EnumConstantDecl>(dr->getDecl())) {
      ScalarInfo s = scalarOrFail(t, dr->getLocation());
      return constInt(s.type, ec->getInitVal().getSExtValue(), l);
    }
    if (isa<BindingDecl>(dr->getDecl())) {
      // A PE coordinate, as the int it is declared as.
      std::optional<AffineValue> pid = pidBinding(e);
      ScalarInfo s = scalarOrFail(e->getType(), dr->getLocation());
      return arith::IndexCastOp::create(b, l, s.type, materializeIndex(*pid, l));
    }
    auto *vd = dyn_cast<VarDecl>(dr->getDecl());
    if (!vd)
      unsupported(e, "use of '" + dr->getDecl()->getName() + "' as a value");
    auto it = vars.find(vd);
    if (it == vars.end()) {
      // A constant global (constexpr or const with a constant initializer).
      if (vd->hasGlobalStorage() && !vd->getType()->isArrayType()) {
        // (Through a block-scope `extern` redeclaration too.)
        const VarDecl *withInit = nullptr;
        const APValue *val = vd->getAnyInitializer(withInit) ? withInit->evaluateValue() : nullptr;
        if (val && (vd->isConstexpr() || vd->getType().isConstQualified())) {
          ScalarInfo s = scalarOrFail(t, dr->getLocation());
          if (val->isInt())
            return s.isBool ? constBool(val->getInt().getBoolValue(), l)
                            : (mlir::Value)arith::ConstantOp::create(
                                  b, l, s.type,
                                  b.getIntegerAttr(s.type, val->getInt().extOrTrunc(
                                                               s.type.getIntOrFloatBitWidth())));
          if (val->isFloat())
            return arith::ConstantOp::create(b, l, s.type, b.getFloatAttr(s.type, val->getFloat()));
        }
        // A constant of class type (`const ap_fixed<16, 8> K = 0.5;`):
        // its initializer, raised and folded.
        if (!val && withInit && (vd->isConstexpr() || vd->getType().isConstQualified()) &&
            vd->getType()->isRecordType())
          if (auto c = llvm::dyn_cast_or_null<mlir::TypedAttr>(constantValue(withInit->getInit())))
            if (c.getType() == scalarOrFail(t, dr->getLocation()).type)
              return arith::ConstantOp::create(b, l, c);
      }
      return load(emitLValue(e), l); // reports the unsupported reference
    }
    const Binding &bind = it->second;
    switch (bind.kind) {
    case Binding::Affine: {
      mlir::Value idx = materializeIndex(bind.affine, l);
      ScalarInfo s = scalarOrFail(bind.type, dr->getLocation());
      if (isUnsignedInt(bind.type))
        return arith::IndexCastUIOp::create(b, l, s.type, idx);
      return arith::IndexCastOp::create(b, l, s.type, idx);
    }
    case Binding::SSA: return bind.value;
    case Binding::Alias: return load(placeLValue(bind.place, e), l);
    case Binding::Memory:
      if (llvm::cast<mlir::MemRefType>(bind.value.getType()).getRank() != 0)
        unsupported(e, "use of array '" + vd->getName() + "' as a value");
      return load(emitLValue(e), l);
    case Binding::Struct: break; // a whole struct: handled by the construct that uses it
    }
  }
  if (isa<ArraySubscriptExpr>(e) || lockSubscript(e) ||
      (isa<UnaryOperator>(e) && cast<UnaryOperator>(e)->getOpcode() == UO_Deref))
    return load(emitLValue(e), l);
  if (auto *c = dyn_cast<CastExpr>(e))
    return emitCast(c);
  if (auto *bo = dyn_cast<BinaryOperator>(e))
    return emitBinary(bo);
  if (auto *uo = dyn_cast<UnaryOperator>(e))
    return emitUnary(uo);
  if (auto *co = dyn_cast<AbstractConditionalOperator>(e))
    return emitConditional(co);
  if (auto *call = dyn_cast<CallExpr>(e)) {
    mlir::Value r;
    if (tryEmitStreamCall(call, r))
      return r;
  }
  if (auto *oc = dyn_cast<CXXOperatorCallExpr>(e)) {
    if (tryEmitStructAssign(oc))
      return {};
    if (isUserOperatorCall(oc, mod.types))
      return emitCall(oc);
    return emitAPOperator(oc);
  }
  if (isa<MemberExpr>(e)) {
    std::optional<Place> p = emitPlace(e);
    if (p && p->ssa)
      return p->ssa;
    if (p && !p->agg)
      return load(placeLValue(*p, e), l);
    unsupported(e, "this member access (members of structs are raised; of other classes not)");
  }
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(e))
    return emitAPMemberCall(mc);
  if (auto *call = dyn_cast<CallExpr>(e))
    return emitCall(call);
  if (auto *ce = dyn_cast<CXXConstructExpr>(e))
    return emitAPConstruct(ce);
  if (auto *bt = dyn_cast<CXXBindTemporaryExpr>(e))
    return emitRValue(bt->getSubExpr());
  if (auto *m = dyn_cast<MaterializeTemporaryExpr>(e))
    return emitRValue(m->getSubExpr());
  if (auto *ewc = dyn_cast<ExprWithCleanups>(e))
    return emitRValue(ewc->getSubExpr());
  if (auto *ce = dyn_cast<ConstantExpr>(e))
    return emitRValue(ce->getSubExpr());
  if (auto *da = dyn_cast<CXXDefaultArgExpr>(e))
    return emitRValue(da->getExpr());
  if (auto *ile = dyn_cast<InitListExpr>(e)) {
    if (ile->getNumInits() == 1 && !t->isArrayType())
      return emitRValue(ile->getInit(0));
  }
  if (isa<CXXConstructExpr>(e) || isa<CXXMemberCallExpr>(e))
    unsupported(e, "C++ class operations on '" + t.getAsString() +
                       "' (arbitrary-precision operators are not raised yet)");
  unsupported(e, "expression of kind '" + llvm::Twine(e->getStmtClassName()) + "'");
}

mlir::Value FunctionRaiser::emitCast(const CastExpr *e) {
  const Expr *sub = e->getSubExpr();
  mlir::Location l = loc(e);
  switch (e->getCastKind()) {
  case CK_LValueToRValue:
  case CK_NoOp:
  case CK_UserDefinedConversion:
  case CK_ConstructorConversion:
  case CK_DerivedToBase:
  case CK_UncheckedDerivedToBase: return emitRValue(sub);
  case CK_ToVoid: emitRValue(sub); return {};
  case CK_IntegralCast:
  case CK_IntegralToFloating:
  case CK_FloatingToIntegral:
  case CK_FloatingCast:
  case CK_IntegralToBoolean:
  case CK_FloatingToBoolean: return convert(emitRValue(sub), sub->getType(), e->getType(), l);
  case CK_BooleanToSignedIntegral: {
    mlir::Value v = emitRValue(sub);
    ScalarInfo s = scalarOrFail(e->getType(), e->getExprLoc());
    return arith::ExtSIOp::create(b, l, s.type, v);
  }
  case CK_ArrayToPointerDecay:
    unsupported(e, "using an array as a value (arrays can be indexed, and passed to functions "
                   "whose parameters are arrays, pointers or references)");
  case CK_PointerToBoolean:
  case CK_PointerToIntegral:
  case CK_IntegralToPointer:
  case CK_NullToPointer:
  case CK_BitCast:
    unsupported(e, "a conversion from or to a pointer (pointers are raised as the array "
                   "accesses they make: they cannot be compared, converted or stored)");
  default: unsupported(e, "cast of kind '" + llvm::Twine(e->getCastKindName()) + "'");
  }
}

mlir::Value FunctionRaiser::emitArith(BinaryOperatorKind op, mlir::Value a, mlir::Value bv,
                                      QualType type, mlir::Location l, const Expr *where) {
  ScalarInfo s = scalarOrFail(type, where->getExprLoc());
  if (s.fixedScale >= 0)
    unsupported(where, "fixed-point arithmetic in expressions");
  if (s.isFloat) {
    switch (op) {
    case BO_Add: return arith::AddFOp::create(b, l, a, bv);
    case BO_Sub: return arith::SubFOp::create(b, l, a, bv);
    case BO_Mul: return arith::MulFOp::create(b, l, a, bv);
    case BO_Div: return arith::DivFOp::create(b, l, a, bv);
    default: unsupported(where, "this operator on floating-point values");
    }
  }
  switch (op) {
  case BO_Add: return arith::AddIOp::create(b, l, a, bv);
  case BO_Sub: return arith::SubIOp::create(b, l, a, bv);
  case BO_Mul: return arith::MulIOp::create(b, l, a, bv);
  case BO_Div:
    return s.isSigned ? (mlir::Value)arith::DivSIOp::create(b, l, a, bv)
                      : (mlir::Value)arith::DivUIOp::create(b, l, a, bv);
  case BO_Rem:
    return s.isSigned ? (mlir::Value)arith::RemSIOp::create(b, l, a, bv)
                      : (mlir::Value)arith::RemUIOp::create(b, l, a, bv);
  case BO_And: return arith::AndIOp::create(b, l, a, bv);
  case BO_Or: return arith::OrIOp::create(b, l, a, bv);
  case BO_Xor: return arith::XOrIOp::create(b, l, a, bv);
  case BO_Shl: return arith::ShLIOp::create(b, l, a, bv);
  case BO_Shr:
    return s.isSigned ? (mlir::Value)arith::ShRSIOp::create(b, l, a, bv)
                      : (mlir::Value)arith::ShRUIOp::create(b, l, a, bv);
  default: unsupported(where, "operator '" + BinaryOperator::getOpcodeStr(op) + "'");
  }
}

mlir::Value FunctionRaiser::emitCompare(BinaryOperatorKind op, mlir::Value a, mlir::Value bv,
                                        QualType operandType, mlir::Location l) {
  ScalarInfo s = scalarOrFail(operandType, SourceLocation());
  if (s.isFloat) {
    arith::CmpFPredicate p;
    switch (op) {
    case BO_LT: p = arith::CmpFPredicate::OLT; break;
    case BO_LE: p = arith::CmpFPredicate::OLE; break;
    case BO_GT: p = arith::CmpFPredicate::OGT; break;
    case BO_GE: p = arith::CmpFPredicate::OGE; break;
    case BO_EQ: p = arith::CmpFPredicate::OEQ; break;
    default: p = arith::CmpFPredicate::UNE; break;
    }
    return arith::CmpFOp::create(b, l, p, a, bv);
  }
  bool sg = s.isSigned && !s.isBool;
  arith::CmpIPredicate p;
  switch (op) {
  case BO_LT: p = sg ? arith::CmpIPredicate::slt : arith::CmpIPredicate::ult; break;
  case BO_LE: p = sg ? arith::CmpIPredicate::sle : arith::CmpIPredicate::ule; break;
  case BO_GT: p = sg ? arith::CmpIPredicate::sgt : arith::CmpIPredicate::ugt; break;
  case BO_GE: p = sg ? arith::CmpIPredicate::sge : arith::CmpIPredicate::uge; break;
  case BO_EQ: p = arith::CmpIPredicate::eq; break;
  default: p = arith::CmpIPredicate::ne; break;
  }
  return arith::CmpIOp::create(b, l, p, a, bv);
}

mlir::Value FunctionRaiser::emitBinary(const BinaryOperator *e) {
  BinaryOperatorKind op = e->getOpcode();
  mlir::Location l = loc(e);
  if (op == BO_Comma) {
    emitRValue(e->getLHS());
    return emitRValue(e->getRHS());
  }
  if (op == BO_LAnd || op == BO_LOr)
    return emitLogical(e);
  if (op == BO_Assign)
    return emitAssign(e);
  if (auto *ca = dyn_cast<CompoundAssignOperator>(e)) {
    // C++17: the right operand is sequenced before the left.
    mlir::Value rhs = emitRValue(e->getRHS());
    LValue lv = emitLValue(e->getLHS());
    QualType lt = e->getLHS()->getType();
    QualType ct = ca->getComputationLHSType();
    mlir::Value cur = convert(load(lv, l), lt, ct, l);
    BinaryOperatorKind base = BinaryOperator::getOpForCompoundAssignment(op);
    if (base == BO_Shl || base == BO_Shr)
      rhs = convert(rhs, e->getRHS()->getType(), ct, l);
    mlir::Value res = emitArith(base, cur, rhs, ca->getComputationResultType(), l, e);
    res = convert(res, ca->getComputationResultType(), lt, l);
    store(lv, res, l);
    return res;
  }
  if (e->isPtrMemOp())
    unsupported(e, "pointer-to-member operators");
  mlir::Value a = emitRValue(e->getLHS());
  mlir::Value bv = emitRValue(e->getRHS());
  if (e->isComparisonOp()) {
    if (op == BO_Cmp)
      unsupported(e, "three-way comparison");
    return emitCompare(op, a, bv, e->getLHS()->getType(), l);
  }
  if (e->getLHS()->getType()->isPointerType() || e->getRHS()->getType()->isPointerType())
    unsupported(e, "pointer arithmetic");
  if (op == BO_Shl || op == BO_Shr)
    bv = convert(bv, e->getRHS()->getType(), e->getType(), l);
  return emitArith(op, a, bv, e->getType(), l, e);
}

mlir::Value FunctionRaiser::emitAssign(const BinaryOperator *e) {
  mlir::Location l = loc(e);
  mlir::Value v = emitRValue(e->getRHS());
  LValue lv = emitLValue(e->getLHS());
  store(lv, v, l);
  return v;
}

mlir::Value FunctionRaiser::emitLogical(const BinaryOperator *e) {
  mlir::Location l = loc(e);
  bool isAnd = e->getOpcode() == BO_LAnd;
  mlir::Value lhs = emitCondition(e->getLHS());
  if (isSimpleExpr(e->getRHS())) {
    mlir::Value rhs = emitCondition(e->getRHS());
    return isAnd ? (mlir::Value)arith::AndIOp::create(b, l, lhs, rhs)
                 : (mlir::Value)arith::OrIOp::create(b, l, lhs, rhs);
  }
  // Short-circuit: the right operand runs only when it decides the result.
  auto ifOp = mlir::scf::IfOp::create(b, l, mlir::TypeRange{b.getI1Type()}, lhs, true);
  mlir::OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  mlir::Value thenV = isAnd ? emitCondition(e->getRHS()) : constBool(true, l);
  mlir::scf::YieldOp::create(b, l, thenV);
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  mlir::Value elseV = isAnd ? constBool(false, l) : emitCondition(e->getRHS());
  mlir::scf::YieldOp::create(b, l, elseV);
  return ifOp.getResult(0);
}

mlir::Value FunctionRaiser::emitConditional(const AbstractConditionalOperator *e) {
  mlir::Location l = loc(e);
  mlir::Value c = emitCondition(e->getCond());
  if (e->getType()->isVoidType()) {
    auto ifOp = mlir::scf::IfOp::create(b, l, c, true);
    mlir::OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(ifOp.thenBlock()->getTerminator());
    emitRValue(e->getTrueExpr());
    b.setInsertionPoint(ifOp.elseBlock()->getTerminator());
    emitRValue(e->getFalseExpr());
    return {};
  }
  if (isSimpleExpr(e->getTrueExpr()) && isSimpleExpr(e->getFalseExpr())) {
    mlir::Value tv = emitRValue(e->getTrueExpr());
    mlir::Value fv = emitRValue(e->getFalseExpr());
    return arith::SelectOp::create(b, l, c, tv, fv);
  }
  ScalarInfo s = scalarOrFail(e->getType(), e->getExprLoc());
  auto ifOp = mlir::scf::IfOp::create(b, l, mlir::TypeRange{s.type}, c, true);
  mlir::OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(&ifOp.getThenRegion().front());
  mlir::scf::YieldOp::create(b, l, emitRValue(e->getTrueExpr()));
  b.setInsertionPointToStart(&ifOp.getElseRegion().front());
  mlir::scf::YieldOp::create(b, l, emitRValue(e->getFalseExpr()));
  return ifOp.getResult(0);
}

mlir::Value FunctionRaiser::emitIncDec(const UnaryOperator *e) {
  mlir::Location l = loc(e);
  LValue lv = emitLValue(e->getSubExpr());
  QualType t = e->getSubExpr()->getType();
  ScalarInfo s = scalarOrFail(t, e->getExprLoc());
  if (s.isBool)
    unsupported(e, "increment of a bool");
  mlir::Value old = load(lv, l);
  mlir::Value one =
      s.isFloat ? (mlir::Value)arith::ConstantOp::create(b, l, s.type, b.getFloatAttr(s.type, 1.0))
                : constInt(s.type, 1, l);
  mlir::Value nv = emitArith(e->isIncrementOp() ? BO_Add : BO_Sub, old, one, t, l, e);
  store(lv, nv, l);
  return e->isPrefix() ? nv : old;
}

mlir::Value FunctionRaiser::emitUnary(const UnaryOperator *e) {
  mlir::Location l = loc(e);
  switch (e->getOpcode()) {
  case UO_PreInc:
  case UO_PreDec:
  case UO_PostInc:
  case UO_PostDec: return emitIncDec(e);
  case UO_Plus: return emitRValue(e->getSubExpr());
  case UO_Minus: {
    mlir::Value v = emitRValue(e->getSubExpr());
    ScalarInfo s = scalarOrFail(e->getType(), e->getExprLoc());
    if (s.isFloat)
      return arith::NegFOp::create(b, l, v);
    return arith::SubIOp::create(b, l, constInt(s.type, 0, l), v);
  }
  case UO_Not: {
    mlir::Value v = emitRValue(e->getSubExpr());
    ScalarInfo s = scalarOrFail(e->getType(), e->getExprLoc());
    return arith::XOrIOp::create(b, l, v, constInt(s.type, -1, l));
  }
  case UO_LNot: {
    mlir::Value v = emitCondition(e->getSubExpr());
    return arith::XOrIOp::create(b, l, v, constBool(true, l));
  }
  case UO_Extension: return emitRValue(e->getSubExpr());
  case UO_AddrOf:
    unsupported(e, "an address used as a value (pointers are raised as the array accesses "
                   "they make: they can be passed to functions, indexed and dereferenced, but "
                   "not compared, converted or stored)");
  case UO_Deref: unsupported(e, "this dereference (only pointers into arrays are raised)");
  default: unsupported(e, "unary operator '" + UnaryOperator::getOpcodeStr(e->getOpcode()) + "'");
  }
}

mlir::Value FunctionRaiser::emitCall(const CallExpr *e) {
  mlir::Location l = loc(e);
  const FunctionDecl *callee = e->getDirectCallee();
  if (!callee)
    unsupported(e, "indirect call (calls through pointers are not raised)");
  if ((isa<CXXOperatorCallExpr>(e) && !isUserOperatorCall(e, mod.types)) ||
      isa<CXXMemberCallExpr>(e))
    unsupported(e, "call to C++ operator or member function '" +
                       callee->getQualifiedNameAsString() + "'");
  if (isMemcpy(e)) {
    emitMemcpy(e); // RaiseMemcpy.cpp; its void * result is not raised
    return {};
  }
  bool handled = false;
  mlir::Value v = emitMathCall(e, callee, handled);
  if (handled)
    return v;
  (void)l;
  mlir::func::CallOp call = emitCallOp(e);
  return call.getNumResults() == 1 ? call.getResult(0) : mlir::Value();
}

mlir::func::CallOp FunctionRaiser::emitCallOp(const CallExpr *e) {
  mlir::Location l = loc(e);
  const FunctionDecl *callee = e->getDirectCallee();
  if (!callee)
    unsupported(e, "indirect call (calls through pointers are not raised)");
  if (callee->getBuiltinID() || ast.getSourceManager().isInSystemHeader(callee->getLocation()))
    unsupported(e, "call to library function '" + callee->getQualifiedNameAsString() +
                       "' (supported: <cmath> functions, std::abs/min/max)");
  mlir::func::FuncOp f = mod.getOrDeclare(callee, e->getBeginLoc());
  const FunctionDecl *def = callee->getDefinition() ? callee->getDefinition() : callee;
  mod.calls[fn].push_back({def, e->getBeginLoc()});
  llvm::SmallVector<mlir::Value, 4> args;
  auto inputs = f.getFunctionType().getInputs();
  const auto &ranges = mod.paramArgs[def];
  for (unsigned i = 0; i < e->getNumArgs() && i < ranges.size(); ++i) {
    const Expr *arg = e->getArg(i);
    const ParmVarDecl *param = def->getParamDecl(i);
    auto [first, count] = ranges[i];
    if (mod.paramStruct(param->getOriginalType())) {
      structArguments(arg, param, inputs.slice(first, count), args);
    } else if (auto mt = llvm::dyn_cast<mlir::MemRefType>(inputs[first])) {
      args.push_back(placeArgument(arg, mt, param));
    } else if (llvm::isa<allo::StreamType>(inputs[first])) {
      args.push_back(streamValue(arg));
    } else {
      args.push_back(emitRValue(arg));
    }
  }
  return mlir::func::CallOp::create(b, l, f, args);
}
