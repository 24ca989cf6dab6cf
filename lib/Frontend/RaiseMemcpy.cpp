//===- RaiseMemcpy.cpp - memcpy between arrays -----------------------------===//
//
// `memcpy(dst, src, bytes)` is how Vitis kernels write burst copies between
// m_axi pointers and local buffers. Both pointers are places (RaiseArrayAccess:
// an array, a pointer parameter, `&A[i]`, `p + off`) of the same element type,
// and `bytes` is a whole number of elements: a constant (`sizeof(buf)`,
// `N * sizeof(int)`) or `count * sizeof(T)` with a run-time count. It is
// raised as a copy loop named `memcpy`, element by element, each array read as
// the flat sequence memcpy sees (the place's index linearized, then split back
// over the array's trailing dimensions):
//
//   affine.for %k = 0 to count {     (scf.for for a run-time count)
//     %v = affine.load src[delinearize(src_offset + k)]
//     affine.store %v, dst[delinearize(dst_offset + k)]
//   }
//
// Overlapping copies are undefined in C++ (memmove is not raised).
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloDialect.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include "clang/Basic/Builtins.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;
namespace arith = mlir::arith;

bool FunctionRaiser::isMemcpy(const CallExpr *e) {
  const FunctionDecl *callee = e->getDirectCallee();
  if (!callee)
    return false;
  unsigned id = callee->getBuiltinID();
  if (id == Builtin::BImemcpy || id == Builtin::BI__builtin_memcpy)
    return true;
  return callee->getIdentifier() && callee->getName() == "memcpy" && callee->getNumParams() == 3 &&
         ast.getSourceManager().isInSystemHeader(callee->getLocation());
}

namespace {
/// The typed pointer or array a `void *` argument was converted from.
const Expr *typedPointer(const Expr *e) {
  e = e->IgnoreParens();
  while (auto *c = dyn_cast<CastExpr>(e)) {
    if (c->getType()->isVoidPointerType() || c->getCastKind() == CK_NoOp ||
        c->getCastKind() == CK_BitCast) {
      e = c->getSubExpr()->IgnoreParens();
      continue;
    }
    break;
  }
  return e;
}

/// `x * sizeof(T)` or `sizeof(T) * x` with sizeof(T) == `elem` bytes: x.
const Expr *countOf(const Expr *bytes, int64_t elem, ASTContext &ast) {
  auto *bo = dyn_cast<BinaryOperator>(bytes->IgnoreParenImpCasts());
  if (!bo || bo->getOpcode() != BO_Mul)
    return nullptr;
  for (auto [size, count] :
       {std::pair(bo->getRHS(), bo->getLHS()), std::pair(bo->getLHS(), bo->getRHS())}) {
    auto *s = dyn_cast<UnaryExprOrTypeTraitExpr>(size->IgnoreParenImpCasts());
    if (!s || s->getKind() != UETT_SizeOf)
      continue;
    QualType t = s->isArgumentType() ? s->getArgumentType() : s->getArgumentExpr()->getType();
    if (ast.getTypeSizeInChars(t).getQuantity() == elem)
      return count;
  }
  return nullptr;
}
} // namespace

void FunctionRaiser::emitMemcpy(const CallExpr *e) {
  mlir::Location l = loc(e);
  if (e->getNumArgs() != 3)
    unsupported(e, "memcpy with other than three arguments");
  struct Side {
    const Expr *expr;
    Place place;
    QualType elem;
  };
  Side sides[2];
  for (unsigned i = 0; i < 2; ++i) {
    const Expr *p = typedPointer(e->getArg(i));
    QualType t = p->getType();
    std::optional<Place> place = emitPlace(p);
    QualType elem;
    if (const ArrayType *at = ast.getAsArrayType(t))
      elem = at->getElementType();
    else if (t->isPointerType())
      elem = t->getPointeeType();
    while (!elem.isNull() && ast.getAsArrayType(elem))
      elem = ast.getAsArrayType(elem)->getElementType();
    if (!place || place->agg || place->ssa || !place->memref || elem.isNull() ||
        !mod.types.scalar(elem))
      unsupported(p, llvm::Twine("this memcpy ") + (i ? "source" : "destination") +
                         " (raised: arrays, pointer parameters and pointers into arrays of "
                         "scalars, e.g. 'buf', 'in + off', '&A[i][0]')");
    sides[i] = {p, *place, elem};
  }
  QualType de = sides[0].elem.getCanonicalType().getUnqualifiedType();
  QualType se = sides[1].elem.getCanonicalType().getUnqualifiedType();
  if (de != se)
    unsupported(e, "memcpy between arrays of different element types ('" +
                       sides[0].elem.getAsString() + "' and '" + sides[1].elem.getAsString() +
                       "'); copy with a loop and explicit conversions");
  int64_t esize = ast.getTypeSizeInChars(de).getQuantity();

  // The number of elements.
  const Expr *bytes = e->getArg(2);
  std::optional<int64_t> constCount;
  mlir::Value count;
  Expr::EvalResult er;
  if (!bytes->isValueDependent() && bytes->EvaluateAsInt(er, ast)) {
    int64_t n = er.Val.getInt().getExtValue();
    if (n < 0 || n % esize != 0)
      unsupported(bytes, "memcpy of " + llvm::Twine(n) + " bytes, not a whole number of '" +
                             sides[0].elem.getAsString() + "' elements (" + llvm::Twine(esize) +
                             " bytes each)");
    constCount = n / esize;
  } else if (const Expr *c = countOf(bytes, esize, ast)) {
    IndexValue n = indexOf(c);
    count = materialize(n, l);
  } else {
    unsupported(bytes, "this memcpy size (raised: a constant, or 'count * sizeof(T)' with T the "
                       "element type)");
  }
  if (constCount && *constCount == 0)
    return;

  // Flat offsets of both places (missing trailing indices are 0).
  auto flatOffset = [&](const Place &p) {
    auto mt = llvm::cast<mlir::MemRefType>(p.memref.getType());
    IndexValue off;
    off.affine = AffineValue{b.getAffineConstantExpr(0), {}};
    for (int64_t d = 0; d < mt.getRank(); ++d) {
      if (d > 0) {
        int64_t dim = mt.getDimSize(d);
        if (off.affine)
          off.affine->expr = off.affine->expr * dim;
        else
          off.value =
              arith::MulIOp::create(b, l, off.value, arith::ConstantIndexOp::create(b, l, dim));
      }
      if ((size_t)d < p.idx.size())
        off = addIndex(off, p.idx[d], false, l);
    }
    return off;
  };
  IndexValue offs[2] = {flatOffset(sides[0].place), flatOffset(sides[1].place)};

  // The loop over k.
  mlir::Value k;
  mlir::Operation *loop;
  {
    if (constCount) {
      auto f = mlir::affine::AffineForOp::create(b, l, 0, *constCount);
      k = f.getInductionVar();
      loop = f;
    } else {
      auto f = mlir::scf::ForOp::create(b, l, arith::ConstantIndexOp::create(b, l, 0), count,
                                        arith::ConstantIndexOp::create(b, l, 1));
      k = f.getInductionVar();
      loop = f;
    }
    loop->setAttr(AlloDialect::kName, b.getStringAttr("memcpy"));
    loop->setAttr(AlloDialect::kInductionVar, b.getStringAttr("k"));
  }
  mlir::OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(loop->getRegion(0).front().getTerminator());
  IndexValue kv; // an affine dimension only of an affine.for
  if (constCount)
    kv.affine = AffineValue{b.getAffineDimExpr(0), {k}};
  else
    kv.value = k;
  auto elementAt = [&](const Place &p, const IndexValue &off) {
    IndexValue flat = addIndex(off, kv, false, l);
    auto mt = llvm::cast<mlir::MemRefType>(p.memref.getType());
    Place e;
    e.memref = p.memref;
    // Split the flat index over the dimensions, innermost first.
    llvm::SmallVector<IndexValue, 4> idx(mt.getRank());
    int64_t stride = 1;
    for (int64_t d = mt.getRank() - 1; d >= 0; --d) {
      IndexValue v;
      bool outer = d == 0;
      int64_t dim = outer ? 0 : mt.getDimSize(d);
      if (flat.affine) {
        mlir::AffineExpr x = flat.affine->expr;
        if (stride > 1)
          x = x.floorDiv(stride);
        if (!outer)
          x = x % dim;
        v.affine = AffineValue{x, flat.affine->operands};
      } else {
        mlir::Value x = materialize(flat, l);
        if (stride > 1)
          x = arith::DivUIOp::create(b, l, x, arith::ConstantIndexOp::create(b, l, stride));
        if (!outer)
          x = arith::RemUIOp::create(b, l, x, arith::ConstantIndexOp::create(b, l, dim));
        v.value = x;
      }
      idx[d] = v;
      if (!outer)
        stride *= dim;
    }
    e.idx.assign(idx.begin(), idx.end());
    return elementLValue(e, l);
  };
  LValue src = elementAt(sides[1].place, offs[1]);
  mlir::Value v = load(src, l);
  LValue dst = elementAt(sides[0].place, offs[0]);
  store(dst, v, l);
}
