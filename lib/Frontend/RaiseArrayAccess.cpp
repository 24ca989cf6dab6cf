//===- RaiseArrayAccess.cpp - Arrays, pointers and references -------------===//
//
// Array and pointer expressions are evaluated to a Place: a memref and the
// indices of the element (or sub-array) they denote, following C++'s rules:
//
//   A            (an array)             the array, no index
//   A decays     (array -> pointer)     pointer to A[0]
//   p[i], *(p+i) (pointer subscript)    the element/row at p's index + i
//   &x[i]        (address of)           pointer to x[i]
//   p + i, p - i (pointer arithmetic)   p's last index moved by i
//
// A pointer parameter is a pointer to element 0 of its memref; a pointer or
// reference local initialised once is an alias of the place it points to.
// Indices stay affine when every part is. A place passed to a callee's
// array, pointer or reference parameter becomes the memref itself, a
// memref.cast (to the callee's dynamic-offset type) or a memref.subview.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloOps.h"

using namespace clang;
using namespace allo::raise;
namespace arith = mlir::arith;

namespace {
bool isUnsignedInt(QualType t) { return t->isUnsignedIntegerType() && !t->isBooleanType(); }

bool isZero(const IndexValue &v) {
  if (!v.affine)
    return false;
  auto c = llvm::dyn_cast<mlir::AffineConstantExpr>(v.affine->expr);
  return c && c.getValue() == 0;
}
} // namespace

IndexValue FunctionRaiser::indexOf(const Expr *e) {
  IndexValue v;
  if (auto a = tryAffine(e)) {
    v.affine = *a;
    return v;
  }
  mlir::Location l = loc(e);
  mlir::Value x = emitRValue(e);
  if (isUnsignedInt(e->getType()))
    v.value = arith::IndexCastUIOp::create(b, l, b.getIndexType(), x);
  else
    v.value = arith::IndexCastOp::create(b, l, b.getIndexType(), x);
  return v;
}

mlir::Value FunctionRaiser::materialize(const IndexValue &v, mlir::Location l) {
  return v.affine ? materializeIndex(*v.affine, l) : v.value;
}

IndexValue FunctionRaiser::addIndex(const IndexValue &a, const IndexValue &c, bool subtract,
                                    mlir::Location l) {
  IndexValue r;
  if (a.affine && c.affine) {
    r.affine = combine(*a.affine, *c.affine, [&](mlir::AffineExpr x, mlir::AffineExpr y) {
      return subtract ? x - y : x + y;
    });
    return r;
  }
  if (isZero(c))
    return a;
  if (isZero(a) && !subtract)
    return c;
  mlir::Value x = materialize(a, l), y = materialize(c, l);
  r.value = subtract ? (mlir::Value)arith::SubIOp::create(b, l, x, y)
                     : (mlir::Value)arith::AddIOp::create(b, l, x, y);
  return r;
}

std::optional<Place> FunctionRaiser::emitPlace(const Expr *e) {
  e = e->IgnoreParens();
  mlir::Location l = loc(e);
  auto zero = [&]() {
    IndexValue z;
    z.affine = AffineValue{mlir::getAffineConstantExpr(0, &mod.ctx), {}};
    return z;
  };
  // A stream_of_blocks lock is its block: the lock converted to the block
  // type, and lock[i] (the lock's operator[]) as a subscript of the block.
  if (isa<CXXMemberCallExpr>(e) ||
      (isa<CastExpr>(e) && cast<CastExpr>(e)->getCastKind() == CK_UserDefinedConversion))
    if (mlir::Value block = lockBlock(e)) {
      Place p;
      p.memref = block;
      return p;
    }
  if (const CXXOperatorCallExpr *oc = lockSubscript(e)) {
    Place p;
    p.memref = lockBlock(oc->getArg(0));
    p.idx.push_back(indexOf(oc->getArg(1)));
    return p;
  }
  if (auto *ce = dyn_cast<CastExpr>(e)) {
    switch (ce->getCastKind()) {
    case CK_ArrayToPointerDecay: {
      auto p = emitPlace(ce->getSubExpr());
      if (!p || p->pointer || p->idx.size() >= p->rank())
        return std::nullopt;
      p->idx.push_back(zero());
      p->pointer = true;
      return p;
    }
    case CK_LValueToRValue:
      if (!ce->getType()->isPointerType())
        return std::nullopt;
      return emitPlace(ce->getSubExpr());
    case CK_NoOp: return emitPlace(ce->getSubExpr());
    default: return std::nullopt;
    }
  }
  if (auto *dr = dyn_cast<DeclRefExpr>(e)) {
    auto *vd = dyn_cast<VarDecl>(dr->getDecl());
    if (!vd)
      return std::nullopt;
    auto it = vars.find(vd);
    if (it == vars.end() && vd->hasGlobalStorage() &&
        (vd->getType()->isArrayType() || mod.types.isUserStruct(vd->getType()))) {
      bindGlobal(vd, dr->getLocation()); // a global table (structs: a located error)
      it = vars.find(vd);
    }
    if (it == vars.end())
      return std::nullopt;
    const Binding &bind = it->second;
    if (bind.kind == Binding::Alias)
      return bind.place;
    if (bind.kind == Binding::Struct) {
      Place p;
      p.agg = bind.agg;
      p.type = bind.agg->info;
      p.level = bind.agg->structRank;
      if (vd->getType().getNonReferenceType()->isPointerType()) {
        p.idx.push_back(zero());
        p.pointer = true;
      }
      return p;
    }
    if (bind.kind != Binding::Memory)
      return std::nullopt;
    Place p;
    p.memref = bind.value;
    QualType t = vd->getType().getNonReferenceType();
    if (t->isPointerType()) {
      if (p.rank() == 0)
        return std::nullopt;
      p.idx.push_back(zero());
      p.pointer = true;
    }
    return p;
  }
  if (auto *ase = dyn_cast<ArraySubscriptExpr>(e)) {
    auto p = emitPlace(ase->getBase());
    if (!p || !p->pointer)
      return std::nullopt;
    IndexValue i = indexOf(ase->getIdx());
    if (p->idx.empty()) {
      // A pointer to a scalar variable (&x): only p[0] is that variable.
      if (!isZero(i))
        unsupported(ase, "subscript of a pointer to a single variable (only [0] is in bounds)");
    } else {
      p->idx.back() = addIndex(p->idx.back(), i, false, l);
    }
    p->pointer = false;
    return p;
  }
  if (auto *u = dyn_cast<UnaryOperator>(e)) {
    if (u->getOpcode() == UO_Deref) {
      auto p = emitPlace(u->getSubExpr());
      if (!p || !p->pointer)
        return std::nullopt;
      p->pointer = false;
      return p;
    }
    if (u->getOpcode() == UO_AddrOf) {
      auto p = emitPlace(u->getSubExpr());
      if (!p || p->pointer)
        return std::nullopt;
      // &A (a whole array) would be a pointer to an array: not raised.
      if (!p->isElement())
        return std::nullopt;
      p->pointer = true;
      return p;
    }
    return std::nullopt;
  }
  if (auto *me = dyn_cast<MemberExpr>(e)) {
    auto *f = dyn_cast<FieldDecl>(me->getMemberDecl());
    if (!f)
      return std::nullopt;
    auto p = emitPlace(me->getBase());
    if (!p || !p->agg)
      return std::nullopt;
    if (me->isArrow()) {
      if (!p->pointer)
        return std::nullopt;
      p->pointer = false;
    }
    return memberPlace(*p, f, me);
  }
  if (auto *mt = dyn_cast<MaterializeTemporaryExpr>(e))
    return emitPlace(mt->getSubExpr());
  if (auto *bo = dyn_cast<BinaryOperator>(e);
      bo && (bo->getOpcode() == BO_Add || bo->getOpcode() == BO_Sub) &&
      bo->getType()->isPointerType()) {
    const Expr *ptr = bo->getLHS(), *off = bo->getRHS();
    if (!ptr->getType()->isPointerType())
      std::swap(ptr, off);
    if (!off->getType()->isIntegerType())
      return std::nullopt;
    auto p = emitPlace(ptr);
    if (!p || !p->pointer)
      return std::nullopt;
    IndexValue i = indexOf(off);
    if (p->idx.empty()) {
      if (!isZero(i))
        unsupported(bo, "pointer arithmetic on a pointer to a single variable");
      return p;
    }
    p->idx.back() = addIndex(p->idx.back(), i, bo->getOpcode() == BO_Sub, l);
    return p;
  }
  return std::nullopt;
}

LValue FunctionRaiser::placeLValue(const Place &p, const Expr *where) {
  mlir::Location l = loc(where);
  if (p.agg)
    unsupported(where, "using a struct as a scalar");
  if (p.ssa)
    unsupported(where, "writing a field of a struct parameter passed by value");
  if (p.pointer)
    unsupported(where, "using a pointer as a value (pointers are raised as array accesses: "
                       "subscript or dereference them)");
  if (p.idx.size() != p.rank())
    unsupported(where, "partial indexing: this array has " + llvm::Twine(p.rank()) +
                           " dimensions but " + llvm::Twine(p.idx.size()) +
                           " subscripts are given");
  LValue lv = elementLValue(p, l);
  lv.type = where->getType();
  return lv;
}

LValue FunctionRaiser::elementLValue(const Place &p, mlir::Location l) {
  LValue lv;
  lv.memref = p.memref;
  if (llvm::all_of(p.idx, [](const IndexValue &v) { return v.affine.has_value(); })) {
    AffineValue all{mlir::getAffineConstantExpr(0, &mod.ctx), {}};
    llvm::SmallVector<mlir::AffineExpr, 4> results;
    for (const IndexValue &v : p.idx)
      all = combine(all, *v.affine, [&](mlir::AffineExpr x, mlir::AffineExpr y) {
        results.push_back(y);
        return x;
      });
    lv.affine = true;
    lv.map = mlir::AffineMap::get(all.operands.size(), 0, results, &mod.ctx);
    lv.operands = all.operands;
    return lv;
  }
  lv.affine = false;
  for (const IndexValue &v : p.idx)
    lv.operands.push_back(materialize(v, l));
  return lv;
}

mlir::Value FunctionRaiser::placeArgument(const Expr *arg, mlir::MemRefType pt,
                                          const ParmVarDecl *param) {
  std::optional<Place> p = emitPlace(arg);
  if (!p || p->agg || p->ssa)
    unsupported(arg, "this argument for the parameter '" + param->getName() + "' of type '" +
                         param->getOriginalType().getAsString() +
                         "' (pass an array, a pointer into an array, or a variable)");
  return viewArgument(*p, pt, arg, param);
}

mlir::Value FunctionRaiser::viewArgument(Place place, mlir::MemRefType pt, const Expr *arg,
                                         const ParmVarDecl *param) {
  mlir::Location l = loc(arg);
  Place *p = &place;
  std::string paramText = "the parameter '" + param->getName().str() + "' of type '" +
                          param->getOriginalType().getAsString() + "'";
  mlir::Value src = p->memref;
  auto st = llvm::cast<mlir::MemRefType>(src.getType());
  if (p->pointer && st.getRank() == 0) {
    // &x for a pointer parameter: the variable as a one-element array.
    auto one = mlir::MemRefType::get({1}, st.getElementType());
    src = mlir::memref::ExpandShapeOp::create(b, l, one, src,
                                              llvm::ArrayRef<mlir::ReassociationIndices>{});
    st = one;
    IndexValue z;
    z.affine = AffineValue{mlir::getAffineConstantExpr(0, &mod.ctx), {}};
    p->idx.push_back(z);
  }
  // Dimensions 0..k-1 are fixed by the place; a pointer moves dimension k.
  unsigned k = p->pointer ? p->idx.size() - 1 : p->idx.size();
  std::optional<IndexValue> off;
  if (p->pointer)
    off = p->idx.back();
  if (st.getRank() - k != (unsigned)pt.getRank())
    fail(arg->getExprLoc(), "the argument has " + llvm::Twine(st.getRank() - k) +
                                " dimension(s) but " + paramText + " has " +
                                llvm::Twine(pt.getRank()));
  bool whole = k == 0 && (!off || isZero(*off));
  mlir::Value view = src;
  if (!whole) {
    llvm::SmallVector<mlir::OpFoldResult, 4> offsets, sizes, strides;
    llvm::SmallVector<int64_t, 4> resultShape;
    for (unsigned d = 0; d < (unsigned)st.getRank(); ++d) {
      strides.push_back(b.getIndexAttr(1));
      auto dimSize = [&]() -> mlir::OpFoldResult {
        if (!st.isDynamicDim(d))
          return b.getIndexAttr(st.getDimSize(d));
        return (mlir::Value)mlir::memref::DimOp::create(b, l, src, d);
      };
      if (d < k) {
        offsets.push_back(materialize(p->idx[d], l));
        sizes.push_back(b.getIndexAttr(1));
        continue;
      }
      if (d == k && off && !isZero(*off)) {
        mlir::Value o = materialize(*off, l);
        offsets.push_back(o);
        mlir::OpFoldResult n = dimSize();
        mlir::Value nv =
            n.is<mlir::Value>()
                ? n.get<mlir::Value>()
                : (mlir::Value)mlir::arith::ConstantIndexOp::create(b, l, st.getDimSize(d));
        sizes.push_back((mlir::Value)arith::SubIOp::create(b, l, nv, o));
        resultShape.push_back(mlir::ShapedType::kDynamic);
        continue;
      }
      offsets.push_back(b.getIndexAttr(0));
      sizes.push_back(dimSize());
      resultShape.push_back(st.getDimSize(d));
    }
    auto rt = mlir::memref::SubViewOp::inferRankReducedResultType(resultShape, st, offsets, sizes,
                                                                  strides);
    view = mlir::memref::SubViewOp::create(b, l, rt, src, offsets, sizes, strides);
  }
  auto vt = llvm::cast<mlir::MemRefType>(view.getType());
  if (vt == pt)
    return view;
  if (pt.getLayout().isIdentity() && !vt.getLayout().isIdentity() &&
      llvm::isa<allo::StreamType>(pt.getElementType()))
    fail(arg->getExprLoc(), "unsupported: passing part of an array of streams (a sub-array such "
                            "as 'A[i]') to " +
                                llvm::Twine(paramText) +
                                "; pass the whole array of streams and index it inside the callee");
  if (pt.getLayout().isIdentity() && !vt.getLayout().isIdentity()) {
    std::string decl;
    llvm::raw_string_ostream os(decl);
    param->getType().print(os, PrintingPolicy(ast.getLangOpts()), param->getName());
    fail(arg->getExprLoc(), "unsupported: passing a part of an array (a sub-array such as "
                            "'A[i]', or a pointer that may point into the middle of one) to " +
                                llvm::Twine(paramText) +
                                ", an array of fixed size; declare the parameter as a pointer ('" +
                                os.str() + "') to pass a part of an array");
  }
  if (!mlir::memref::CastOp::areCastCompatible(vt, pt)) {
    // An array parameter's type decays to a pointer; name the declared one.
    QualType at = arg->IgnoreParenImpCasts()->getType();
    if (auto *dr = dyn_cast<DeclRefExpr>(arg->IgnoreParenImpCasts()))
      if (auto *pv = dyn_cast<ParmVarDecl>(dr->getDecl()))
        at = pv->getOriginalType();
    fail(arg->getExprLoc(), "array argument of type " + llvm::Twine(at.getAsString()) +
                                " does not match the parameter '" + param->getName() +
                                "' of type " + param->getOriginalType().getAsString() +
                                "; Allo needs identical array shapes across calls");
  }
  return mlir::memref::CastOp::create(b, l, pt, view);
}
