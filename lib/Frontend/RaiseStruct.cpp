//===- RaiseStruct.cpp - Structs by scalar replacement --------------------===//
//
// A struct of scalars, arrays and structs is raised field by field, as HLS
// tools disaggregate it: every scalar leaf (StructInfo) of a struct variable
// becomes its own SSA value or memref, an array of structs one memref per
// leaf whose leading dimensions index the array (structure of arrays), so
// the affine analyses and the schedules see plain arrays. Attributes record
// the variable and the field of each (allo.name, allo.ctype, allo.field,
// allo.aggregate) so that the emitted code declares and accesses the
// original struct (`Pixel px[16]`, `px[i].r`), and the module lists the
// struct definitions it needs (allo.structs).
//
// Parameters: by value (and by const reference) one argument per leaf, a
// scalar or, for an array field, a memref; by reference a memref per leaf
// (rank 0 for a scalar); by pointer or as an array one memref per leaf with
// the array's dimensions first. A struct return is one result per scalar
// field. Copies (initialisation, assignment, passing by value) go leaf by
// leaf; array fields are copied by loop nests.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Support/Diagnostics.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecordLayout.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;
namespace arith = mlir::arith;

namespace {
mlir::MemRefType offsetLayout(llvm::ArrayRef<int64_t> shape, mlir::Type elem) {
  llvm::SmallVector<int64_t, 4> strides(shape.size(), 1);
  for (int d = (int)shape.size() - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  auto layout =
      mlir::StridedLayoutAttr::get(elem.getContext(), mlir::ShapedType::kDynamic, strides);
  return mlir::MemRefType::get(shape, elem, layout);
}

/// The type a struct's field is printed with in its definition: as written,
/// unless it names an alias (then the type it stands for).
std::string fieldTypeText(QualType t, const PrintingPolicy &pp) {
  const Type *ty = t.getTypePtr();
  if (isa<TypedefType>(ty) || isa<UsingType>(ty))
    return t.getCanonicalType().getAsString(pp);
  return t.getAsString(pp);
}

enum class ParamKind { ByValue, Reference, Pointer, Array };

/// How a struct parameter is passed, and the struct array's shape.
ParamKind structParamKind(ASTContext &ast, QualType t, llvm::SmallVectorImpl<int64_t> &shape) {
  if (t->isReferenceType()) {
    QualType r = t.getNonReferenceType();
    if (r->isArrayType()) {
      while (const ConstantArrayType *at = ast.getAsConstantArrayType(r)) {
        shape.push_back(at->getSize().getSExtValue());
        r = at->getElementType();
      }
      return ParamKind::Array;
    }
    return r.isConstQualified() ? ParamKind::ByValue : ParamKind::Reference;
  }
  const IncompleteArrayType *incomplete = ast.getAsIncompleteArrayType(t);
  if (t->isPointerType() || incomplete) {
    QualType e = t->isPointerType() ? t->getPointeeType() : incomplete->getElementType();
    shape.push_back(mlir::ShapedType::kDynamic);
    while (const ConstantArrayType *at = ast.getAsConstantArrayType(e)) {
      shape.push_back(at->getSize().getSExtValue());
      e = at->getElementType();
    }
    return ParamKind::Pointer;
  }
  if (t->isArrayType()) {
    QualType e = t;
    while (const ConstantArrayType *at = ast.getAsConstantArrayType(e)) {
      shape.push_back(at->getSize().getSExtValue());
      e = at->getElementType();
    }
    return ParamKind::Array;
  }
  return ParamKind::ByValue;
}
} // namespace

//===----------------------------------------------------------------------===//
// Module: parameters and definitions
//===----------------------------------------------------------------------===//

const StructInfo *ModuleRaiser::paramStruct(QualType t) {
  QualType base = t.getNonReferenceType();
  if (base->isPointerType())
    base = base->getPointeeType();
  while (const ArrayType *at = ast.getAsArrayType(base))
    base = at->getElementType();
  return types.structInfo(base);
}

void ModuleRaiser::noteStruct(const StructInfo *info) {
  const RecordDecl *rd = info->decl;
  if (structsUsed.contains(rd))
    return;
  PrintingPolicy pp(ast.getLangOpts());
  pp.SuppressTagKeyword = true;
  std::string fields;
  for (const FieldDecl *f : rd->fields()) {
    QualType ft = f->getType();
    std::string dims;
    while (const ConstantArrayType *at = ast.getAsConstantArrayType(ft)) {
      dims += "[" + std::to_string(at->getSize().getSExtValue()) + "]";
      ft = at->getElementType();
    }
    if (const StructInfo *sub = types.structInfo(ft))
      noteStruct(sub); // nested definitions first
    fields += "  " + fieldTypeText(ft, pp) + " " + f->getNameAsString() + dims + ";\n";
  }
  // Enclosing namespaces, outermost first.
  llvm::SmallVector<const NamespaceDecl *, 2> namespaces;
  for (const DeclContext *dc = rd->getDeclContext(); dc; dc = dc->getParent())
    if (auto *ns = dyn_cast<NamespaceDecl>(dc))
      namespaces.push_back(ns);
  std::string def;
  for (const NamespaceDecl *ns : llvm::reverse(namespaces))
    def += "namespace " +
           (ns->isAnonymousNamespace() ? std::string() : ns->getNameAsString() + " ") + "{\n";
  if (rd->getIdentifier())
    def += "struct " + rd->getNameAsString() + " {\n" + fields + "};\n";
  else if (const TypedefNameDecl *td = rd->getTypedefNameForAnonDecl())
    def += "typedef struct {\n" + fields + "} " + td->getNameAsString() + ";\n";
  for (size_t i = 0; i < namespaces.size(); ++i)
    def += "}\n";
  structsUsed.insert(rd);
  structDefs.push_back(def);
}

void ModuleRaiser::structParam(
    const FunctionDecl *fn, const ParmVarDecl *p, unsigned index, const StructInfo *info,
    llvm::SmallVectorImpl<mlir::Type> &types, llvm::SmallVectorImpl<mlir::DictionaryAttr> &attrs,
    llvm::function_ref<void(SourceLocation, const llvm::Twine &)> error) {
  QualType t = p->getOriginalType();
  mlir::Builder b(&ctx);
  PrintingPolicy pp(ast.getLangOpts());
  bool top = tops.contains(fn);
  llvm::SmallVector<int64_t, 4> shape;
  ParamKind kind = structParamKind(ast, t, shape);
  if (kind == ParamKind::Pointer && top) {
    // The top's arrays of structs: sizes from the interface pragma (in
    // structs), or 1 when only p->f / p[0] / *p is used.
    SourceLocation pragmaLoc;
    int64_t depth = interfaceDepth(fn, p, error, &pragmaLoc);
    int64_t row = 1;
    for (size_t d = 1; d < shape.size(); ++d)
      row *= shape[d];
    if (depth == 0) {
      if (shape.size() > 1 || !onlyFirstElementUsed(fn, p)) {
        error(p->getLocation(), "parameter '" + p->getName() + "' of '" + fn->getNameAsString() +
                                    "' is a pointer, so the size of the array it points to is "
                                    "unknown: add '#pragma HLS interface m_axi port=" +
                                    p->getName() +
                                    " depth=<number of elements>' to the function "
                                    "body, or declare it as an array of constant size");
        return;
      }
      depth = 1; // only p->f, p[0] or *p: one struct
    }
    if (depth % row != 0) {
      error(pragmaLoc, "#pragma HLS interface: depth=" + std::to_string(depth) + " of '" +
                           p->getName() + "' is not a multiple of its rows of " +
                           std::to_string(row) + " elements");
      return;
    }
    shape[0] = depth / row;
  }
  noteStruct(info);
  bool isStatic = llvm::none_of(shape, [](int64_t d) { return d == mlir::ShapedType::kDynamic; });
  // Byte strides of the struct array's dimensions.
  llvm::SmallVector<int64_t, 4> structStrides(shape.size(), 0);
  int64_t stride = info->size;
  for (size_t d = shape.size(); d-- > 0;) {
    structStrides[d] = stride;
    stride = shape[d] == mlir::ShapedType::kDynamic ? 0 : stride * shape[d];
  }
  for (const FieldLeaf &leaf : info->leaves) {
    llvm::SmallVector<int64_t, 4> lshape(shape.begin(), shape.end());
    lshape.append(leaf.dims.begin(), leaf.dims.end());
    mlir::Type ty;
    if (kind == ParamKind::ByValue && lshape.empty())
      ty = leaf.scalar.type;
    else if (kind == ParamKind::Array || (top && kind != ParamKind::ByValue))
      ty = mlir::MemRefType::get(lshape, leaf.scalar.type);
    else if (top)
      ty = mlir::MemRefType::get(lshape, leaf.scalar.type); // by value, an array field
    else
      ty = offsetLayout(lshape, leaf.scalar.type);
    llvm::SmallVector<mlir::NamedAttribute, 12> a;
    a.push_back(b.getNamedAttr(AlloDialect::kName, b.getStringAttr(p->getName())));
    a.push_back(b.getNamedAttr(AlloDialect::kCType, b.getStringAttr(spell(t))));
    a.push_back(b.getNamedAttr(AlloDialect::kField, b.getStringAttr(leaf.path)));
    a.push_back(b.getNamedAttr(AlloDialect::kFieldCType, b.getStringAttr(spell(leaf.type))));
    a.push_back(b.getNamedAttr(AlloDialect::kAggregate, b.getI64IntegerAttr(index)));
    if (!leaf.scalar.isSigned && !leaf.scalar.isBool && !leaf.scalar.isFloat)
      a.push_back(b.getNamedAttr(AlloDialect::kUnsigned, b.getUnitAttr()));
    if (leaf.scalar.fixedScale >= 0)
      a.push_back(
          b.getNamedAttr(AlloDialect::kFixedScale, b.getI64IntegerAttr(leaf.scalar.fixedScale)));
    // The native (array of structs) layout, for testbenches.
    a.push_back(b.getNamedAttr(AlloDialect::kFieldOffset, b.getI64IntegerAttr(leaf.offset)));
    a.push_back(b.getNamedAttr(AlloDialect::kFieldBytes, b.getI64IntegerAttr(leaf.bytes)));
    llvm::SmallVector<int64_t, 4> strides(structStrides.begin(), structStrides.end());
    strides.append(leaf.strides.begin(), leaf.strides.end());
    if (!llvm::isa<mlir::MemRefType>(ty))
      strides.clear();
    a.push_back(b.getNamedAttr(AlloDialect::kAoSStrides, b.getDenseI64ArrayAttr(strides)));
    if (isStatic) {
      int64_t n = info->size;
      for (int64_t d : shape)
        n *= d;
      a.push_back(b.getNamedAttr(AlloDialect::kAoSSize, b.getI64IntegerAttr(n)));
    }
    types.push_back(ty);
    attrs.push_back(b.getDictionaryAttr(a));
  }
}

//===----------------------------------------------------------------------===//
// Places and values
//===----------------------------------------------------------------------===//

Place FunctionRaiser::memberPlace(const Place &base, const FieldDecl *f, const Expr *where) {
  if (!base.agg || !base.isElement())
    unsupported(where, "member access on this expression");
  std::string path = base.prefix + "." + f->getNameAsString();
  QualType ft = f->getType();
  unsigned n = 0;
  while (const ConstantArrayType *at = ast.getAsConstantArrayType(ft)) {
    path += "[]";
    ft = at->getElementType();
    ++n;
  }
  Place p;
  p.idx = base.idx;
  if (mod.types.isUserStruct(ft)) {
    p.agg = base.agg;
    p.type = mod.types.structInfo(ft);
    p.prefix = path;
    p.level = base.level + n;
    return p;
  }
  const std::vector<FieldLeaf> &leaves = base.agg->info->leaves;
  for (unsigned k = 0; k < leaves.size(); ++k) {
    if (leaves[k].path != path)
      continue;
    mlir::Value v = base.agg->leaves[k];
    if (llvm::isa<mlir::MemRefType>(v.getType()))
      p.memref = v;
    else
      p.ssa = v;
    return p;
  }
  unsupported(where, "access to field '" + f->getName() + "'");
}

llvm::SmallVector<Place, 8> FunctionRaiser::leafPlaces(const Place &p) {
  auto [first, end] = p.agg->info->range(p.prefix);
  llvm::SmallVector<Place, 8> out;
  for (unsigned k = first; k < end; ++k) {
    Place lp;
    lp.idx = p.idx;
    mlir::Value v = p.agg->leaves[k];
    if (llvm::isa<mlir::MemRefType>(v.getType()))
      lp.memref = v;
    else
      lp.ssa = v;
    out.push_back(std::move(lp));
  }
  return out;
}

StructValue FunctionRaiser::loadStruct(const Place &p, mlir::Location l) {
  // A sub-struct's own StructInfo has the leaves under its prefix, in order.
  StructValue v;
  v.info = p.type;
  for (const Place &lp : leafPlaces(p)) {
    LeafValue leaf;
    if (lp.ssa) {
      leaf.kind = LeafValue::Scalar;
      leaf.value = lp.ssa;
    } else if (lp.isElement()) {
      leaf.kind = LeafValue::Scalar;
      leaf.value = load(elementLValue(lp, l), l);
    } else {
      leaf.kind = LeafValue::Copy;
      leaf.from = lp;
    }
    v.leaves.push_back(std::move(leaf));
  }
  return v;
}

namespace {
bool isImplicitZero(const Expr *e) {
  if (!e)
    return true;
  e = e->IgnoreParens();
  return isa<ImplicitValueInitExpr>(e) || isZeroInit(e);
}
} // namespace

StructValue FunctionRaiser::defaultStructValue(const StructInfo *info, bool zero) {
  StructValue v;
  v.info = info;
  // Appends the default of each field: its member initializer, else zero
  // (value-initialisation) or nothing (default-initialisation).
  std::function<void(const RecordDecl *)> walk = [&](const RecordDecl *rd) {
    for (const FieldDecl *f : rd->fields()) {
      QualType ft = f->getType();
      if (f->hasInClassInitializer()) {
        StructValue sub;
        sub.info = info;
        // Reuse the initializer path for one field.
        QualType et = ft;
        while (const ArrayType *at = ast.getAsArrayType(et))
          et = at->getElementType();
        const Expr *init = f->getInClassInitializer();
        if (const StructInfo *si = mod.types.structInfo(et); si && !ft->isArrayType()) {
          StructValue fv =
              isImplicitZero(init) ? defaultStructValue(si, true) : emitStructRValue(init);
          v.leaves.append(fv.leaves.begin(), fv.leaves.end());
        } else if (mod.types.structInfo(et)) {
          unsupported(init, "a member initializer of an array of structs");
        } else {
          LeafValue leaf;
          if (isImplicitZero(init)) {
            leaf.kind = LeafValue::Zero;
          } else if (ft->isArrayType()) {
            if (!isa<InitListExpr>(init->IgnoreParens()))
              unsupported(init, "this array initializer (use a braced list)");
            leaf.kind = LeafValue::Init;
            leaf.init = init;
          } else {
            leaf.kind = LeafValue::Scalar;
            leaf.value = emitRValue(init);
          }
          v.leaves.push_back(leaf);
        }
        continue;
      }
      QualType et = ft;
      while (const ArrayType *at = ast.getAsArrayType(et))
        et = at->getElementType();
      if (const StructInfo *si = mod.types.structInfo(et)) {
        if (!ft->isArrayType()) {
          walk(si->decl);
          continue;
        }
        StructValue inner = defaultStructValue(si, zero);
        if (llvm::any_of(inner.leaves, [](const LeafValue &l) {
              return l.kind != LeafValue::None && l.kind != LeafValue::Zero;
            }))
          unsupported(f->getInClassInitializer() ? f->getInClassInitializer() : nullptr,
                      "an array of structs with member initializers inside a struct");
        for (size_t k = 0; k < si->leaves.size(); ++k) {
          LeafValue leaf;
          leaf.kind = zero ? LeafValue::Zero : LeafValue::None;
          v.leaves.push_back(leaf);
        }
        continue;
      }
      LeafValue leaf;
      leaf.kind = zero ? LeafValue::Zero : LeafValue::None;
      v.leaves.push_back(leaf);
    }
  };
  walk(info->decl);
  return v;
}

StructValue FunctionRaiser::emitStructRValue(const Expr *e) {
  e = e->IgnoreParens();
  mlir::Location l = loc(e);
  const StructInfo *info = mod.types.structInfo(e->getType());
  if (!info)
    fail(e->getExprLoc(), mod.types.explain(e->getType()));
  if (auto *w = dyn_cast<ExprWithCleanups>(e))
    return emitStructRValue(w->getSubExpr());
  if (auto *m = dyn_cast<MaterializeTemporaryExpr>(e))
    return emitStructRValue(m->getSubExpr());
  if (auto *bt = dyn_cast<CXXBindTemporaryExpr>(e))
    return emitStructRValue(bt->getSubExpr());
  if (auto *c = dyn_cast<ConstantExpr>(e))
    return emitStructRValue(c->getSubExpr());
  if (auto *d = dyn_cast<CXXDefaultArgExpr>(e))
    return emitStructRValue(d->getExpr());
  if (auto *d = dyn_cast<CXXDefaultInitExpr>(e))
    return emitStructRValue(d->getExpr());
  if (auto *c = dyn_cast<CastExpr>(e);
      c && (c->getCastKind() == CK_NoOp || c->getCastKind() == CK_LValueToRValue ||
            c->getCastKind() == CK_ConstructorConversion))
    return emitStructRValue(c->getSubExpr());
  if (auto *ce = dyn_cast<CXXConstructExpr>(e)) {
    const CXXConstructorDecl *ctor = ce->getConstructor();
    if (ctor->isUserProvided())
      unsupported(e, "the constructor '" + ctor->getQualifiedNameAsString() +
                         "' (only structs initialised with braces or copied are raised; "
                         "write 'S{a, b}' instead)");
    if (ctor->isCopyOrMoveConstructor() && ce->getNumArgs() == 1)
      return emitStructRValue(ce->getArg(0));
    if (ctor->isDefaultConstructor())
      return defaultStructValue(info, ce->requiresZeroInitialization());
    unsupported(e, "this construction of a struct");
  }
  if (auto *ile = dyn_cast<InitListExpr>(e)) {
    if (ile->isTransparent())
      return emitStructRValue(ile->getInit(0));
    StructValue v;
    v.info = info;
    unsigned i = 0;
    for (const FieldDecl *f : info->decl->fields()) {
      const Expr *init = i < ile->getNumInits() ? ile->getInit(i) : nullptr;
      ++i;
      if (auto *d = dyn_cast_or_null<CXXDefaultInitExpr>(init))
        init = d->getExpr();
      QualType ft = f->getType();
      QualType et = ft;
      while (const ArrayType *at = ast.getAsArrayType(et))
        et = at->getElementType();
      if (const StructInfo *si = mod.types.structInfo(et)) {
        if (ft->isArrayType()) {
          if (!isImplicitZero(init))
            unsupported(init, "a braced initializer of an array of structs inside a struct "
                              "(assign the elements in the body)");
          for (size_t k = 0; k < si->leaves.size(); ++k) {
            LeafValue leaf;
            leaf.kind = LeafValue::Zero;
            v.leaves.push_back(leaf);
          }
          continue;
        }
        StructValue fv =
            isImplicitZero(init) ? defaultStructValue(si, true) : emitStructRValue(init);
        v.leaves.append(fv.leaves.begin(), fv.leaves.end());
        continue;
      }
      LeafValue leaf;
      if (isImplicitZero(init)) {
        leaf.kind = LeafValue::Zero;
      } else if (ft->isArrayType()) {
        if (!isa<InitListExpr>(init->IgnoreParens()))
          unsupported(init, "this array initializer (use a braced list)");
        leaf.kind = LeafValue::Init;
        leaf.init = init;
      } else {
        leaf.kind = LeafValue::Scalar;
        leaf.value = emitRValue(init);
      }
      v.leaves.push_back(leaf);
    }
    return v;
  }
  if (auto *oc = dyn_cast<CXXOperatorCallExpr>(e); oc && oc->getOperator() == OO_Equal) {
    if (!tryEmitStructAssign(oc))
      unsupported(e, "this assignment");
    std::optional<Place> p = emitPlace(oc->getArg(0));
    return loadStruct(*p, l);
  }
  if (auto *call = dyn_cast<CallExpr>(e); call && !isa<CXXMemberCallExpr>(e) &&
                                          call->getDirectCallee() &&
                                          !isa<CXXMethodDecl>(call->getDirectCallee())) {
    mlir::func::CallOp op = emitCallOp(call);
    StructValue v;
    v.info = info;
    for (mlir::Value r : op.getResults()) {
      LeafValue leaf;
      leaf.kind = LeafValue::Scalar;
      leaf.value = r;
      v.leaves.push_back(leaf);
    }
    return v;
  }
  if (std::optional<Place> p = emitPlace(e); p && p->agg && p->isElement())
    return loadStruct(*p, l);
  if (isa<CXXMemberCallExpr>(e) || isa<CXXOperatorCallExpr>(e))
    unsupported(e, "calls to member functions and operators of a struct (only free functions "
                   "are raised)");
  unsupported(e, "struct expression of kind '" + llvm::Twine(e->getStmtClassName()) + "'");
}

void FunctionRaiser::storeStruct(const Place &dst, const StructValue &v, mlir::Location l) {
  llvm::SmallVector<Place, 8> lps = leafPlaces(dst);
  assert(lps.size() == v.leaves.size() && "a struct value of another type");
  // Runs `body` for every element of an array place (a loop nest over the
  // dimensions after the place's indices).
  auto forEach = [&](const Place &p, llvm::function_ref<void(llvm::ArrayRef<IndexValue>)> body) {
    auto mt = llvm::cast<mlir::MemRefType>(p.memref.getType());
    mlir::OpBuilder::InsertionGuard guard(b);
    llvm::SmallVector<IndexValue, 4> ivs;
    for (int64_t d = p.idx.size(); d < mt.getRank(); ++d) {
      auto f = mlir::affine::AffineForOp::create(b, l, 0, mt.getDimSize(d));
      IndexValue iv;
      iv.affine = AffineValue{mlir::getAffineDimExpr(0, &mod.ctx), {f.getInductionVar()}};
      ivs.push_back(iv);
      b.setInsertionPoint(f.getBody()->getTerminator());
    }
    body(ivs);
  };
  auto at = [&](const Place &p, llvm::ArrayRef<IndexValue> extra) {
    Place q = p;
    q.idx.append(extra.begin(), extra.end());
    return elementLValue(q, l);
  };
  auto zeroOf = [&](mlir::Type t) -> mlir::Value {
    if (llvm::isa<mlir::FloatType>(t))
      return arith::ConstantOp::create(b, l, t, b.getFloatAttr(t, 0.0));
    return constInt(t, 0, l);
  };
  for (size_t k = 0; k < lps.size(); ++k) {
    const Place &lp = lps[k];
    const LeafValue &lv = v.leaves[k];
    if (lv.kind == LeafValue::None)
      continue;
    if (lp.ssa)
      fail(SourceLocation(), "internal: a store to a struct parameter passed by value");
    mlir::Type et = llvm::cast<mlir::MemRefType>(lp.memref.getType()).getElementType();
    switch (lv.kind) {
    case LeafValue::None: break;
    case LeafValue::Scalar: store(elementLValue(lp, l), lv.value, l); break;
    case LeafValue::Zero:
      if (lp.isElement())
        store(elementLValue(lp, l), zeroOf(et), l);
      else
        forEach(lp, [&](llvm::ArrayRef<IndexValue> ivs) { store(at(lp, ivs), zeroOf(et), l); });
      break;
    case LeafValue::Copy:
      forEach(lp, [&](llvm::ArrayRef<IndexValue> ivs) {
        mlir::Value x = load(at(lv.from, ivs), l);
        store(at(lp, ivs), x, l);
      });
      break;
    case LeafValue::Init: {
      // Constant positions of a braced list; the rest zero.
      auto mt = llvm::cast<mlir::MemRefType>(lp.memref.getType());
      unsigned first = lp.idx.size();
      bool partial = false;
      std::function<void(const Expr *, unsigned)> scan = [&](const Expr *e, unsigned d) {
        if (d == (unsigned)mt.getRank())
          return;
        auto *ile = dyn_cast_or_null<InitListExpr>(e ? e->IgnoreParens() : nullptr);
        if (!ile || ile->getNumInits() < (unsigned)mt.getDimSize(d)) {
          partial = true;
          if (!ile)
            return;
        }
        for (const Expr *sub : ile->inits())
          scan(sub, d + 1);
      };
      scan(lv.init, first);
      if (partial)
        forEach(lp, [&](llvm::ArrayRef<IndexValue> ivs) { store(at(lp, ivs), zeroOf(et), l); });
      llvm::SmallVector<IndexValue, 4> pos;
      std::function<void(const Expr *, unsigned)> walk = [&](const Expr *e, unsigned d) {
        if (d == (unsigned)mt.getRank()) {
          if (!isImplicitZero(e))
            store(at(lp, pos), emitRValue(e), l);
          else if (!partial)
            store(at(lp, pos), zeroOf(et), l);
          return;
        }
        auto *ile = dyn_cast_or_null<InitListExpr>(e ? e->IgnoreParens() : nullptr);
        if (!ile)
          return; // zero-filled above
        for (unsigned j = 0; j < ile->getNumInits() && j < (unsigned)mt.getDimSize(d); ++j) {
          IndexValue c;
          c.affine = AffineValue{mlir::getAffineConstantExpr(j, &mod.ctx), {}};
          pos.push_back(c);
          walk(ile->getInit(j), d + 1);
          pos.pop_back();
        }
      };
      walk(lv.init, first);
      break;
    }
    }
  }
}

bool FunctionRaiser::tryEmitStructAssign(const CXXOperatorCallExpr *e) {
  if (e->getOperator() != OO_Equal || e->getNumArgs() != 2 ||
      !mod.types.isUserStruct(e->getArg(0)->getType()))
    return false;
  if (!mod.types.structInfo(e->getArg(0)->getType()))
    fail(e->getExprLoc(), mod.types.explain(e->getArg(0)->getType()));
  if (auto *m = dyn_cast_or_null<CXXMethodDecl>(e->getCalleeDecl()); m && m->isUserProvided())
    unsupported(e, "the assignment operator '" + m->getQualifiedNameAsString() +
                       "' is user-provided (only the implicit one is raised)");
  mlir::Location l = loc(e);
  // C++17: the right operand is evaluated first.
  StructValue v = emitStructRValue(e->getArg(1));
  std::optional<Place> dst = emitPlace(e->getArg(0));
  if (!dst || !dst->agg || !dst->isElement())
    unsupported(e->getArg(0), "assignment to this struct expression");
  storeStruct(*dst, v, l);
  return true;
}

void FunctionRaiser::emitStructDecl(const VarDecl *vd, const StructInfo *info,
                                    llvm::ArrayRef<int64_t> shape) {
  mlir::Location l = loc(vd->getLocation());
  mod.noteStruct(info);
  PrintingPolicy pp(ast.getLangOpts());
  auto agg = std::make_shared<Aggregate>();
  agg->info = info;
  agg->structRank = shape.size();
  unsigned id = nextAggregate++;
  mlir::ArrayAttr parts = partitionAttr(vd);
  for (const FieldLeaf &leaf : info->leaves) {
    llvm::SmallVector<int64_t, 4> lshape(shape.begin(), shape.end());
    lshape.append(leaf.dims.begin(), leaf.dims.end());
    mlir::Value m = allocaAtEntry(mlir::MemRefType::get(lshape, leaf.scalar.type), l, vd->getName(),
                                  QualType());
    mlir::Operation *op = m.getDefiningOp();
    op->setAttr(AlloDialect::kCType, b.getStringAttr(mod.spell(vd->getType())));
    op->setAttr(AlloDialect::kField, b.getStringAttr(leaf.path));
    op->setAttr(AlloDialect::kFieldCType, b.getStringAttr(mod.spell(leaf.type)));
    op->setAttr(AlloDialect::kAggregate, b.getI64IntegerAttr(id));
    if (!leaf.scalar.isSigned && !leaf.scalar.isBool && !leaf.scalar.isFloat)
      op->setAttr(AlloDialect::kUnsigned, b.getUnitAttr());
    if (leaf.scalar.fixedScale >= 0)
      op->setAttr(AlloDialect::kFixedScale, b.getI64IntegerAttr(leaf.scalar.fixedScale));
    if (parts)
      op->setAttr(AlloDialect::kPartition, parts);
    agg->leaves.push_back(m);
  }
  Binding bind;
  bind.kind = Binding::Struct;
  bind.type = vd->getType();
  bind.agg = agg;
  vars[vd] = bind;
  Place whole;
  whole.agg = agg;
  whole.type = info;
  whole.level = shape.size();
  const Expr *init = vd->getInit();
  if (shape.empty()) {
    StructValue v = init ? emitStructRValue(init) : defaultStructValue(info, false);
    storeStruct(whole, v, l);
    return;
  }
  // An array of structs: the filler (or default construction) for every
  // element by a loop nest, then the elements given.
  const Expr *filler = nullptr;
  bool fill = false;
  const InitListExpr *list = nullptr;
  llvm::SmallVector<const Expr *, 16> elems;
  if (init) {
    init = init->IgnoreParens();
    if (auto *ce = dyn_cast<CXXConstructExpr>(init)) {
      filler = ce;
      fill = true;
    } else if ((list = dyn_cast<InitListExpr>(init))) {
      // Flatten nested braces to elements (row-major) and note the filler.
      std::function<void(const Expr *, unsigned)> flat = [&](const Expr *e, unsigned d) {
        if (d == shape.size()) {
          elems.push_back(e);
          return;
        }
        auto *ile = dyn_cast_or_null<InitListExpr>(e ? e->IgnoreParens() : nullptr);
        int64_t n = shape[d];
        int64_t inner = 1;
        for (unsigned k = d + 1; k < shape.size(); ++k)
          inner *= shape[k];
        if (!ile || isa<ImplicitValueInitExpr>(e)) {
          fill = true;
          if (!filler && e && !isa<ImplicitValueInitExpr>(e))
            filler = e;
          elems.append(n * inner, nullptr);
          return;
        }
        for (int64_t j = 0; j < n; ++j) {
          const Expr *sub = j < (int64_t)ile->getNumInits() ? ile->getInit(j) : nullptr;
          if (!sub && ile->hasArrayFiller()) {
            fill = true;
            if (!filler && !isa<ImplicitValueInitExpr>(ile->getArrayFiller()))
              filler = ile->getArrayFiller();
          }
          if (!sub)
            fill = true;
          flat(sub, d + 1);
        }
      };
      flat(list, 0);
    } else if (!isImplicitZero(init)) {
      unsupported(init, "this initializer of an array of structs");
    } else {
      fill = true;
    }
  }
  if (fill || !init) {
    StructValue fv;
    if (auto *ce = dyn_cast_or_null<CXXConstructExpr>(filler); ce && ce->getType()->isArrayType()) {
      // Default construction of every element.
      if (ce->getConstructor()->isUserProvided())
        unsupported(ce, "the constructor '" + ce->getConstructor()->getQualifiedNameAsString() +
                            "' (only structs initialised with braces or copied are raised)");
      fv = defaultStructValue(info, ce->requiresZeroInitialization());
    } else {
      fv = filler ? emitStructRValue(filler) : defaultStructValue(info, init != nullptr);
    }
    if (llvm::any_of(fv.leaves, [](const LeafValue &x) { return x.kind != LeafValue::None; })) {
      mlir::OpBuilder::InsertionGuard guard(b);
      Place e = whole;
      for (int64_t d : shape) {
        auto f = mlir::affine::AffineForOp::create(b, l, 0, d);
        IndexValue iv;
        iv.affine = AffineValue{mlir::getAffineDimExpr(0, &mod.ctx), {f.getInductionVar()}};
        e.idx.push_back(iv);
        b.setInsertionPoint(f.getBody()->getTerminator());
      }
      storeStruct(e, fv, l);
    }
  }
  for (size_t k = 0; k < elems.size(); ++k) {
    if (!elems[k])
      continue;
    Place e = whole;
    size_t rem = k;
    llvm::SmallVector<int64_t, 4> pos(shape.size());
    for (size_t d = shape.size(); d-- > 0;) {
      pos[d] = rem % shape[d];
      rem /= shape[d];
    }
    for (int64_t p : pos) {
      IndexValue c;
      c.affine = AffineValue{mlir::getAffineConstantExpr(p, &mod.ctx), {}};
      e.idx.push_back(c);
    }
    storeStruct(e, emitStructRValue(elems[k]), l);
  }
}

void FunctionRaiser::bindStructParam(const ParmVarDecl *p, unsigned first) {
  const StructInfo *info = mod.paramStruct(p->getOriginalType());
  auto agg = std::make_shared<Aggregate>();
  agg->info = info;
  for (unsigned k = 0; k < info->leaves.size(); ++k)
    agg->leaves.push_back(entry->getArgument(first + k));
  mlir::Value firstLeaf = agg->leaves.front();
  if (auto mt = llvm::dyn_cast<mlir::MemRefType>(firstLeaf.getType()))
    agg->structRank = mt.getRank() - info->leaves.front().dims.size();
  // A by-value struct that the body modifies is copied, as C++ does.
  bool byValue = !llvm::isa<mlir::MemRefType>(firstLeaf.getType()) ||
                 (info->leaves.front().dims.size() ==
                      (size_t)llvm::cast<mlir::MemRefType>(firstLeaf.getType()).getRank() &&
                  !p->getOriginalType()->isReferenceType() &&
                  !p->getOriginalType()->isPointerType() && !p->getOriginalType()->isArrayType());
  if (byValue && writes.count(p)) {
    mlir::Location l = loc(p->getLocation());
    PrintingPolicy pp(ast.getLangOpts());
    unsigned id = nextAggregate++;
    for (unsigned k = 0; k < info->leaves.size(); ++k) {
      const FieldLeaf &leaf = info->leaves[k];
      mlir::Value arg = agg->leaves[k];
      mlir::Value m = allocaAtEntry(mlir::MemRefType::get(leaf.dims, leaf.scalar.type), l,
                                    p->getName(), QualType());
      mlir::Operation *op = m.getDefiningOp();
      op->setAttr(AlloDialect::kCType, b.getStringAttr(mod.spell(p->getType())));
      op->setAttr(AlloDialect::kField, b.getStringAttr(leaf.path));
      op->setAttr(AlloDialect::kFieldCType, b.getStringAttr(mod.spell(leaf.type)));
      op->setAttr(AlloDialect::kAggregate, b.getI64IntegerAttr(id));
      if (!leaf.scalar.isSigned && !leaf.scalar.isBool && !leaf.scalar.isFloat)
        op->setAttr(AlloDialect::kUnsigned, b.getUnitAttr());
      if (leaf.scalar.fixedScale >= 0)
        op->setAttr(AlloDialect::kFixedScale, b.getI64IntegerAttr(leaf.scalar.fixedScale));
      if (!llvm::isa<mlir::MemRefType>(arg.getType())) {
        mlir::memref::StoreOp::create(b, l, arg, m);
      } else {
        Place from, to;
        from.memref = arg;
        to.memref = m;
        StructValue one;
        LeafValue lv;
        lv.kind = LeafValue::Copy;
        lv.from = from;
        // A copy loop of this leaf alone.
        mlir::OpBuilder::InsertionGuard guard(b);
        llvm::SmallVector<IndexValue, 4> ivs;
        for (int64_t d : leaf.dims) {
          auto f = mlir::affine::AffineForOp::create(b, l, 0, d);
          IndexValue iv;
          iv.affine = AffineValue{mlir::getAffineDimExpr(0, &mod.ctx), {f.getInductionVar()}};
          ivs.push_back(iv);
          b.setInsertionPoint(f.getBody()->getTerminator());
        }
        from.idx = ivs;
        to.idx = ivs;
        store(elementLValue(to, l), load(elementLValue(from, l), l), l);
      }
      agg->leaves[k] = m;
    }
  }
  Binding bind;
  bind.kind = Binding::Struct;
  bind.type = p->getOriginalType();
  bind.agg = agg;
  vars[p] = bind;
}

void FunctionRaiser::structArguments(const Expr *arg, const ParmVarDecl *param,
                                     mlir::TypeRange types,
                                     llvm::SmallVectorImpl<mlir::Value> &out) {
  mlir::Location l = loc(arg);
  llvm::SmallVector<int64_t, 4> shape;
  ParamKind kind = structParamKind(ast, param->getOriginalType(), shape);
  if (kind == ParamKind::ByValue) {
    StructValue v = emitStructRValue(arg);
    for (size_t k = 0; k < v.leaves.size(); ++k) {
      const LeafValue &lv = v.leaves[k];
      auto mt = llvm::dyn_cast<mlir::MemRefType>(types[k]);
      if (!mt) {
        if (lv.kind == LeafValue::Scalar) {
          out.push_back(lv.value);
        } else {
          mlir::Type t = types[k];
          out.push_back(llvm::isa<mlir::FloatType>(t) ? (mlir::Value)arith::ConstantOp::create(
                                                            b, l, t, b.getFloatAttr(t, 0.0))
                                                      : constInt(t, 0, l));
        }
        continue;
      }
      if (lv.kind == LeafValue::Copy) {
        out.push_back(viewArgument(lv.from, mt, arg, param));
        continue;
      }
      // An array field of a temporary: built in a local array.
      const FieldLeaf &leaf = v.info->leaves[k];
      mlir::Value tmp =
          allocaAtEntry(mlir::MemRefType::get(leaf.dims, leaf.scalar.type), l, "tmp", leaf.type);
      Place tp;
      tp.memref = tmp;
      // Reuse storeStruct's array paths through a one-leaf copy.
      StructValue one;
      one.info = v.info;
      (void)one;
      if (lv.kind != LeafValue::None) {
        mlir::OpBuilder::InsertionGuard guard(b);
        llvm::SmallVector<IndexValue, 4> ivs;
        for (int64_t d : leaf.dims) {
          auto f = mlir::affine::AffineForOp::create(b, l, 0, d);
          IndexValue iv;
          iv.affine = AffineValue{mlir::getAffineDimExpr(0, &mod.ctx), {f.getInductionVar()}};
          ivs.push_back(iv);
          b.setInsertionPoint(f.getBody()->getTerminator());
        }
        Place q = tp;
        q.idx = ivs;
        mlir::Type et = leaf.scalar.type;
        store(elementLValue(q, l),
              llvm::isa<mlir::FloatType>(et)
                  ? (mlir::Value)arith::ConstantOp::create(b, l, et, b.getFloatAttr(et, 0.0))
                  : constInt(et, 0, l),
              l);
      }
      if (lv.kind == LeafValue::Init)
        unsupported(arg, "passing a struct temporary with an initialised array field by value");
      out.push_back(viewArgument(tp, mt, arg, param));
    }
    return;
  }
  std::optional<Place> p = emitPlace(arg);
  if (!p || !p->agg)
    unsupported(arg, "this argument for the struct parameter '" + param->getName() + "'");
  if (kind == ParamKind::Reference && !p->isElement())
    unsupported(arg, "this argument for the struct reference '" + param->getName() + "'");
  auto [first, end] = p->agg->info->range(p->prefix);
  for (unsigned k = first; k < end; ++k) {
    mlir::Value leaf = p->agg->leaves[k];
    if (!llvm::isa<mlir::MemRefType>(leaf.getType()))
      unsupported(arg, "passing a field of a struct parameter taken by value by reference");
    Place lp;
    lp.memref = leaf;
    lp.idx = p->idx;
    lp.pointer = p->pointer;
    out.push_back(viewArgument(lp, llvm::cast<mlir::MemRefType>(types[k - first]), arg, param));
  }
}
