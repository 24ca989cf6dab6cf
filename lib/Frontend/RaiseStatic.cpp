//===- RaiseStatic.cpp - Static locals and constant tables ----------------===//
//
// A function's `static` variable is state that persists across calls (a
// register or a RAM in hardware) or, when const, a ROM: it becomes a
// memref.global (mutable, or constant) with its initial value, and the
// function reads and writes it through memref.get_global. A `static const`
// scalar is just its value. Constant tables at namespace scope take the same
// path.
//
// Initial values are evaluated by raising the initializer into a scratch
// function and folding it: ap_int / ap_fixed elements (`ap_uint<8>(3)`,
// `ap_fixed<16, 8>(0.75)`) get exactly the bits the raiser computes for
// them at run time, which are the C-simulation header's. Tables of builtin
// types take Clang's own constant evaluation (fast for large tables).
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloDialect.h"

#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;

namespace {
mlir::Attribute zeroOf(mlir::Type t) {
  if (llvm::isa<mlir::FloatType>(t))
    return mlir::FloatAttr::get(t, 0.0);
  return mlir::IntegerAttr::get(t, 0);
}

/// The element initializers of an array (row-major; null = zero-initialised).
void flattenInit(const Expr *init, mlir::MemRefType mt, unsigned dim,
                 llvm::SmallVectorImpl<const Expr *> &out, FunctionRaiser &r) {
  int64_t count = 1;
  for (unsigned d = dim; d < (unsigned)mt.getRank(); ++d)
    count *= mt.getDimSize(d);
  if (!init || isZeroInit(init)) {
    out.append(count, nullptr);
    return;
  }
  if (auto *ile = dyn_cast<InitListExpr>(init->IgnoreParens());
      ile && dim == (unsigned)mt.getRank() && ile->getNumInits() <= 1) {
    out.push_back(ile->getNumInits() ? ile->getInit(0) : nullptr);
    return;
  }
  if (dim == (unsigned)mt.getRank()) {
    out.push_back(init);
    return;
  }
  auto *ile = dyn_cast<InitListExpr>(init->IgnoreParens());
  if (!ile)
    r.unsupported(init, "this array initializer (use a braced list)");
  int64_t n = mt.getDimSize(dim);
  int64_t given = std::min<int64_t>(ile->getNumInits(), n);
  const Expr *filler = ile->hasArrayFiller() ? ile->getArrayFiller() : nullptr;
  for (int64_t k = 0; k < n; ++k)
    flattenInit(k < given ? ile->getInit(k) : filler, mt, dim + 1, out, r);
}
} // namespace

mlir::Attribute FunctionRaiser::constantValue(const Expr *e) {
  // Raise `e` into a scratch function that is never part of the module;
  // everything the raiser binds meanwhile is restored afterwards.
  mlir::OpBuilder::InsertionGuard guard(b);
  mlir::OwningOpRef<mlir::func::FuncOp> scratch =
      mlir::func::FuncOp::create(b.getUnknownLoc(), "allo_scratch", b.getFunctionType({}, {}));
  mlir::Block *blk = scratch->addEntryBlock();
  struct Restore {
    FunctionRaiser &r;
    mlir::Block *entry;
    mlir::Operation *lastAlloca;
    llvm::DenseMap<const VarDecl *, Binding> vars;
    llvm::DenseMap<mlir::Value, mlir::Value> indexCache;
    ~Restore() {
      r.entry = entry;
      r.lastAlloca = lastAlloca;
      r.vars = std::move(vars);
      r.indexCache = std::move(indexCache);
    }
  } restore{*this, entry, lastAlloca, vars, indexCache};
  entry = blk;
  lastAlloca = nullptr;
  b.setInsertionPointToEnd(blk);
  mlir::Value v = emitRValue(e);
  if (!v)
    return {};
  auto ret = mlir::func::ReturnOp::create(b, v.getLoc(), mlir::ValueRange{v});
  scratch->setFunctionType(b.getFunctionType({}, {v.getType()}));
  mlir::RewritePatternSet none(&mod.ctx);
  (void)mlir::applyPatternsGreedily(scratch->getBody(), std::move(none));
  mlir::Attribute a;
  if (!mlir::matchPattern(ret.getOperand(0), mlir::m_Constant(&a)))
    return {};
  return a;
}

mlir::DenseElementsAttr FunctionRaiser::constantInitializer(const VarDecl *vd,
                                                            mlir::MemRefType mt) {
  mlir::Type et = mt.getElementType();
  auto tensorType = mlir::RankedTensorType::get(mt.getShape(), et);
  llvm::SmallVector<mlir::Attribute, 64> elems;
  const Expr *init = vd->getInit();
  // Builtin element types: Clang's constant evaluation.
  QualType elemT = vd->getType();
  while (const ArrayType *at = ast.getAsArrayType(elemT))
    elemT = at->getElementType();
  if (init && !elemT->isRecordType() &&
      (vd->isConstexpr() || vd->getType().isConstQualified() || vd->hasConstantInitialization()))
    if (const APValue *val = vd->evaluateValue()) {
      bool ok = true;
      std::function<void(const APValue &, unsigned)> flatten = [&](const APValue &v, unsigned dim) {
        if (dim == (unsigned)mt.getRank()) {
          if (v.isInt())
            elems.push_back(
                mlir::IntegerAttr::get(et, v.getInt().extOrTrunc(et.getIntOrFloatBitWidth())));
          else if (v.isFloat() && llvm::isa<mlir::FloatType>(et))
            elems.push_back(mlir::FloatAttr::get(et, v.getFloat()));
          else if (v.isAbsent() || v.isIndeterminate())
            elems.push_back(zeroOf(et));
          else
            ok = false;
          return;
        }
        if (!v.isArray()) {
          ok = false;
          return;
        }
        for (int64_t i = 0; ok && i < mt.getDimSize(dim); ++i)
          flatten(i < (int64_t)v.getArrayInitializedElts() ? v.getArrayInitializedElt(i)
                                                           : v.getArrayFiller(),
                  dim + 1);
      };
      flatten(*val, 0);
      if (ok && (int64_t)elems.size() == mt.getNumElements())
        return mlir::DenseElementsAttr::get(tensorType, elems);
      elems.clear();
    }
  // Everything else (ap_int / ap_fixed elements): raise and fold.
  llvm::SmallVector<const Expr *, 64> exprs;
  flattenInit(init, mt, 0, exprs, *this);
  for (const Expr *e : exprs) {
    if (!e) {
      elems.push_back(zeroOf(et));
      continue;
    }
    mlir::Attribute a = constantValue(e);
    auto typed = llvm::dyn_cast_or_null<mlir::TypedAttr>(a);
    if (!typed || typed.getType() != et)
      fail(e->getExprLoc(), "the initializer of '" + vd->getName() +
                                "' is not a constant (static and global variables are "
                                "initialised once, before the first call: initialise with "
                                "constants and assign run-time values in the body)");
    elems.push_back(a);
  }
  return mlir::DenseElementsAttr::get(tensorType, elems);
}

mlir::Value FunctionRaiser::bindGlobal(const VarDecl *vd, SourceLocation useLoc) {
  mlir::memref::GlobalOp g = mod.getOrCreateGlobal(vd, useLoc, *this);
  mlir::OpBuilder::InsertionGuard guard(b);
  if (lastAlloca)
    b.setInsertionPointAfter(lastAlloca);
  else
    b.setInsertionPointToStart(entry);
  auto get = mlir::memref::GetGlobalOp::create(b, loc(useLoc), g.getType(), g.getSymName());
  lastAlloca = get;
  // What the emitter needs to read the elements: their C++ type.
  for (llvm::StringRef a : {AlloDialect::kCType, AlloDialect::kUnsigned, AlloDialect::kFixedScale})
    if (mlir::Attribute v = g->getAttr(a))
      get->setAttr(a, v);
  Binding bind;
  bind.kind = Binding::Memory;
  bind.value = get;
  bind.type = vd->getType();
  vars[vd] = bind;
  return get;
}

void FunctionRaiser::emitStaticDecl(const VarDecl *vd) {
  QualType t = vd->getType();
  mlir::Location l = loc(vd->getLocation());
  // Static streams and arrays of them: made once, kept across calls.
  if (auto st = mod.types.stream(t))
    return emitStreamDecl(vd, *st);
  if (auto sa = mod.types.streamArray(t))
    return emitStreamDecl(vd, sa->stream, sa->shape);
  if (t->isReferenceType() || t->isPointerType())
    fail(vd->getLocation(), "unsupported: static " +
                                llvm::Twine(t->isPointerType() ? "pointer" : "reference") + " '" +
                                vd->getName() + "' (make it an array index or a parameter)");
  if (!t->isArrayType() && (vd->isConstexpr() || t.isConstQualified())) {
    // A constant scalar is its value.
    ScalarInfo s = scalarOrFail(t, vd->getLocation());
    mlir::Attribute c =
        vd->getInit() && !isZeroInit(vd->getInit()) ? constantValue(vd->getInit()) : zeroOf(s.type);
    auto typed = llvm::dyn_cast_or_null<mlir::TypedAttr>(c);
    if (!typed || typed.getType() != s.type)
      fail(vd->getLocation(),
           "the initializer of static constant '" + vd->getName() + "' is not a constant");
    Binding bind;
    bind.kind = Binding::SSA;
    bind.type = t;
    bind.value = mlir::arith::ConstantOp::create(b, l, typed);
    vars[vd] = bind;
    return;
  }
  mlir::Value get = bindGlobal(vd, vd->getLocation());
  if (mlir::ArrayAttr parts = partitionAttr(vd))
    get.getDefiningOp()->setAttr(AlloDialect::kPartition, parts);
}
