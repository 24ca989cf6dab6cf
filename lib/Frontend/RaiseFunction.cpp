//===- RaiseFunction.cpp - Raising functions and the module ---------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Dialect/Allo/AlloOps.h"
#include "allo/Support/Diagnostics.h"

#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Verifier.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;

//===----------------------------------------------------------------------===//
// ModuleRaiser
//===----------------------------------------------------------------------===//

ModuleRaiser::ModuleRaiser(ASTContext &ast, mlir::MLIRContext &ctx)
    : ast(ast), ctx(ctx), types(ast, ctx) {
  module = mlir::ModuleOp::create(mlir::UnknownLoc::get(&ctx));
}

mlir::Location ModuleRaiser::loc(SourceLocation l) {
  if (l.isInvalid())
    return mlir::UnknownLoc::get(&ctx);
  const SourceManager &sm = ast.getSourceManager();
  PresumedLoc p = sm.getPresumedLoc(sm.getExpansionLoc(l));
  if (p.isInvalid())
    return mlir::UnknownLoc::get(&ctx);
  return mlir::FileLineColLoc::get(&ctx, p.getFilename(), p.getLine(), p.getColumn());
}

namespace {
std::string sanitize(llvm::StringRef s) {
  std::string out;
  for (char c : s) {
    if (isalnum((unsigned char)c) || c == '_')
      out += c;
    else if (!out.empty() && out.back() != '_')
      out += '_';
  }
  while (!out.empty() && out.back() == '_')
    out.pop_back();
  return out;
}

/// A readable symbol for a function: its name, plus its template arguments
/// for an instantiation (dot<int, 8> -> dot_int_8).
std::string symbolBase(const FunctionDecl *fn) {
  std::string name = fn->getNameAsString();
  if (fn->isOverloadedOperator()) {
    // `operator+` is emitted as a function named operator_add.
    static const std::pair<OverloadedOperatorKind, const char *> words[] = {
        {OO_Plus, "add"},
        {OO_Minus, "sub"},
        {OO_Star, "mul"},
        {OO_Slash, "div"},
        {OO_Percent, "rem"},
        {OO_Amp, "and"},
        {OO_Pipe, "or"},
        {OO_Caret, "xor"},
        {OO_Tilde, "not"},
        {OO_Exclaim, "lnot"},
        {OO_EqualEqual, "eq"},
        {OO_ExclaimEqual, "ne"},
        {OO_Less, "lt"},
        {OO_Greater, "gt"},
        {OO_LessEqual, "le"},
        {OO_GreaterEqual, "ge"},
        {OO_LessLess, "shl"},
        {OO_GreaterGreater, "shr"},
        {OO_AmpAmp, "land"},
        {OO_PipePipe, "lor"},
        {OO_PlusEqual, "add_assign"},
        {OO_MinusEqual, "sub_assign"},
        {OO_StarEqual, "mul_assign"}};
    name = "operator";
    for (auto [k, w] : words)
      if (fn->getOverloadedOperator() == k)
        name = std::string("operator_") + w;
  }
  if (const TemplateArgumentList *args = fn->getTemplateSpecializationArgs()) {
    PrintingPolicy pp(fn->getASTContext().getLangOpts());
    pp.SuppressTagKeyword = true;
    for (const TemplateArgument &a : args->asArray()) {
      std::string s;
      llvm::raw_string_ostream os(s);
      a.print(pp, os, /*IncludeType=*/false);
      name += "_" + sanitize(os.str());
    }
  }
  return name;
}

void setArrayAttrs(mlir::MLIRContext &ctx, llvm::SmallVectorImpl<mlir::NamedAttribute> &attrs,
                   const ScalarInfo &elem) {
  mlir::Builder b(&ctx);
  if (!elem.isSigned && !elem.isBool && !elem.isFloat)
    attrs.push_back(b.getNamedAttr(AlloDialect::kUnsigned, b.getUnitAttr()));
  if (elem.fixedScale >= 0)
    attrs.push_back(b.getNamedAttr(AlloDialect::kFixedScale, b.getI64IntegerAttr(elem.fixedScale)));
}
} // namespace

mlir::func::FuncOp ModuleRaiser::getOrDeclare(const FunctionDecl *fn, SourceLocation useLoc) {
  if (const FunctionDecl *def = fn->getDefinition())
    fn = def;
  auto it = funcs.find(fn);
  if (it != funcs.end())
    return it->second;
  // A signature already reported is not reported again at every call.
  if (badSignatures.contains(fn))
    throw RaiseError();
  DiagnosticsEngine &diags = ast.getDiagnostics();
  // An error in the function's signature: reported once, where it is, with
  // the call that needed it.
  auto signatureError = [&](SourceLocation at, const llvm::Twine &msg) {
    allo::error(diags, at, msg);
    if (useLoc.isValid() && useLoc != fn->getLocation())
      allo::note(diags, useLoc, "'" + fn->getNameAsString() + "' is called here");
    badSignatures.insert(fn);
    throw RaiseError();
  };
  if (!fn->hasBody()) {
    allo::error(diags, useLoc,
                "call to '" + fn->getNameAsString() +
                    "', which has no definition in this translation unit; "
                    "Allo raises only functions whose body it can see");
    throw RaiseError();
  }
  if (isa<CXXMethodDecl>(fn))
    signatureError(fn->getLocation(), "unsupported: member function '" +
                                          fn->getQualifiedNameAsString() +
                                          "' (only free functions are raised)");
  mlir::Builder b(&ctx);
  PrintingPolicy pp(ast.getLangOpts());
  llvm::SmallVector<mlir::Type, 4> argTypes;
  llvm::SmallVector<mlir::DictionaryAttr, 4> argAttrs;
  auto &ranges = paramArgs[fn];
  ranges.clear();
  for (const ParmVarDecl *p : fn->parameters()) {
    QualType t = p->getOriginalType();
    unsigned first = argTypes.size();
    if (const StructInfo *info = paramStruct(t)) {
      // One argument per field (scalar replacement).
      structParam(fn, p, ranges.size(), info, argTypes, argAttrs, signatureError);
      ranges.push_back({first, (unsigned)argTypes.size() - first});
      continue;
    }
    llvm::SmallVector<mlir::NamedAttribute, 4> attrs;
    attrs.push_back(b.getNamedAttr(AlloDialect::kName, b.getStringAttr(p->getName())));
    attrs.push_back(b.getNamedAttr(AlloDialect::kCType, b.getStringAttr(spell(t))));
    argTypes.push_back(paramType(fn, p, attrs, signatureError));
    argAttrs.push_back(b.getDictionaryAttr(attrs));
    ranges.push_back({first, 1});
  }
  llvm::SmallVector<mlir::Type, 1> results;
  QualType rt = fn->getReturnType();
  SourceLocation rtLoc = fn->getReturnTypeSourceRange().getBegin().isValid()
                             ? fn->getReturnTypeSourceRange().getBegin()
                             : fn->getLocation();
  const StructInfo *resultStruct = rt->isVoidType() ? nullptr : types.structInfo(rt);
  llvm::SmallVector<mlir::Attribute, 4> resultFields;
  if (resultStruct) {
    // One result per scalar field.
    noteStruct(resultStruct);
    for (const FieldLeaf &leaf : resultStruct->leaves) {
      if (!leaf.dims.empty())
        signatureError(rtLoc, "return type of '" + fn->getNameAsString() + "': struct '" +
                                  rt.getAsString(pp) + "' has an array field ('" +
                                  leaf.path.substr(1) +
                                  "'); return it through a reference parameter instead");
      results.push_back(leaf.scalar.type);
      mlir::NamedAttrList d;
      d.set("field", b.getStringAttr(leaf.path));
      d.set("ctype", b.getStringAttr(spell(leaf.type)));
      d.set("offset", b.getI64IntegerAttr(leaf.offset));
      d.set("bytes", b.getI64IntegerAttr(leaf.bytes));
      // What the field's C++ type is, decided on the canonical type.
      if (!leaf.scalar.isSigned && !leaf.scalar.isBool && !leaf.scalar.isFloat)
        d.set("unsigned", b.getUnitAttr());
      if (leaf.scalar.fixedScale >= 0)
        d.set("fixed_scale", b.getI64IntegerAttr(leaf.scalar.fixedScale));
      resultFields.push_back(d.getDictionary(&ctx));
    }
  } else if (!rt->isVoidType()) {
    auto s = types.scalar(rt);
    if (!s)
      signatureError(rtLoc, "return type of '" + fn->getNameAsString() + "': " + types.explain(rt));
    results.push_back(s->type);
  }
  std::string base = sanitize(symbolBase(fn));
  std::string name = base;
  for (unsigned k = 1; usedNames.contains(name); ++k)
    name = base + "_" + std::to_string(k);
  usedNames.insert(name);

  mlir::OpBuilder ob(&ctx);
  ob.setInsertionPointToEnd(module->getBody());
  auto func = mlir::func::FuncOp::create(ob, loc(fn->getLocation()), name,
                                         b.getFunctionType(argTypes, results));
  func.setAllArgAttrs(argAttrs);
  if (name != fn->getNameAsString())
    func->setAttr(AlloDialect::kSourceName,
                  b.getStringAttr(fn->getNameAsString() +
                                  (fn->getTemplateSpecializationArgs() ? "<...>" : "")));
  if (!rt->isVoidType())
    func->setAttr(AlloDialect::kResultCType, b.getStringAttr(spell(rt)));
  if (resultStruct) {
    func->setAttr(AlloDialect::kResultFields, b.getArrayAttr(resultFields));
    func->setAttr(AlloDialect::kResultSize, b.getI64IntegerAttr(resultStruct->size));
  } else if (!rt->isVoidType()) {
    ScalarInfo s = *types.scalar(rt);
    if (!s.isSigned && !s.isBool && !s.isFloat)
      func.setResultAttr(0, AlloDialect::kUnsigned, b.getUnitAttr());
    if (s.fixedScale >= 0)
      func.setResultAttr(0, AlloDialect::kFixedScale, b.getI64IntegerAttr(s.fixedScale));
  }
  if (fn->getStorageClass() == SC_Static)
    func->setAttr(AlloDialect::kStatic, b.getUnitAttr());
  if (fn->isExternC())
    func->setAttr(AlloDialect::kExternC, b.getUnitAttr());
  funcs[fn] = func;
  worklist.push_back(fn);
  return func;
}

/// True when every use of pointer parameter `p` in `fn`'s body reads or
/// writes its first element only (`*p`, `p[0]`, `p->f`), or there is no use.
bool allo::raise::onlyFirstElementUsed(const FunctionDecl *fn, const ParmVarDecl *p) {
  struct Uses : RecursiveASTVisitor<Uses> {
    const ParmVarDecl *p;
    ASTContext &ctx;
    unsigned refs = 0, first = 0;
    Uses(const ParmVarDecl *p, ASTContext &ctx) : p(p), ctx(ctx) {}
    bool isP(const Expr *e) const {
      auto *d = dyn_cast<DeclRefExpr>(e->IgnoreParenImpCasts());
      return d && d->getDecl() == p;
    }
    bool VisitDeclRefExpr(DeclRefExpr *e) {
      refs += e->getDecl() == p;
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *u) {
      first += u->getOpcode() == UO_Deref && isP(u->getSubExpr());
      return true;
    }
    bool VisitArraySubscriptExpr(ArraySubscriptExpr *a) {
      Expr::EvalResult r;
      if (isP(a->getBase()) && !a->getIdx()->isValueDependent() &&
          a->getIdx()->EvaluateAsInt(r, ctx) && r.Val.getInt().isZero())
        ++first;
      return true;
    }
    bool VisitMemberExpr(MemberExpr *m) {
      first += m->isArrow() && isP(m->getBase());
      return true;
    }
  } uses(p, fn->getASTContext());
  uses.TraverseStmt(const_cast<Stmt *>(fn->getBody()));
  return uses.refs == uses.first;
}

namespace {

/// The layout of an array parameter that may receive a pointer into the
/// middle of an array: row-major strides, dynamic offset.
mlir::MemRefType offsetMemRef(llvm::ArrayRef<int64_t> shape, mlir::Type elem) {
  llvm::SmallVector<int64_t, 4> strides(shape.size(), 1);
  for (int d = (int)shape.size() - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  auto layout =
      mlir::StridedLayoutAttr::get(elem.getContext(), mlir::ShapedType::kDynamic, strides);
  return mlir::MemRefType::get(shape, elem, layout);
}
} // namespace

mlir::Type
ModuleRaiser::paramType(const FunctionDecl *fn, const ParmVarDecl *p,
                        llvm::SmallVectorImpl<mlir::NamedAttribute> &attrs,
                        llvm::function_ref<void(SourceLocation, const llvm::Twine &)> error) {
  QualType t = p->getOriginalType();
  PrintingPolicy pp(ast.getLangOpts());
  mlir::Builder b(&ctx);
  bool top = tops.contains(fn);
  std::string what = "parameter '" + p->getName().str() + "'";
  auto fail = [&](const llvm::Twine &msg) -> mlir::Type {
    error(p->getLocation(), msg);
    return {};
  };
  // Arrays of streams (hls::stream<T> s[N]): a memref of streams.
  if (auto sa = types.streamArray(t)) {
    attrs.back() =
        b.getNamedAttr(AlloDialect::kCType, b.getStringAttr(spellStreamElement(sa->stream)));
    if (sa->stream.depth > 0)
      attrs.push_back(
          b.getNamedAttr(AlloDialect::kTypeDepth, b.getI64IntegerAttr(sa->stream.depth)));
    if (!sa->stream.block && sa->stream.element.fixedScale >= 0)
      attrs.push_back(b.getNamedAttr(AlloDialect::kFixedScale,
                                     b.getI64IntegerAttr(sa->stream.element.fixedScale)));
    return mlir::MemRefType::get(sa->shape, StreamType::get(&ctx, sa->stream.mlirElement()));
  }
  // Streams: by non-const reference only.
  if (auto st = types.stream(t)) {
    if (!t->isReferenceType() || t.getNonReferenceType().isConstQualified())
      return fail(what + " of type '" + t.getAsString(pp) +
                  "': pass a stream by non-const reference ('" +
                  t.getNonReferenceType().getUnqualifiedType().getAsString(pp) + " &')");
    attrs.back() = b.getNamedAttr(AlloDialect::kCType, b.getStringAttr(spellStreamElement(*st)));
    if (st->depth > 0)
      attrs.push_back(b.getNamedAttr(AlloDialect::kTypeDepth, b.getI64IntegerAttr(st->depth)));
    // A stream of fixed-point values carries their raw bits (as arrays do).
    if (!st->block && st->element.fixedScale >= 0)
      attrs.push_back(
          b.getNamedAttr(AlloDialect::kFixedScale, b.getI64IntegerAttr(st->element.fixedScale)));
    return StreamType::get(&ctx, st->mlirElement());
  }
  // References: to an array (the array itself), to a scalar (a rank-0
  // memref; `const T &` is passed by value).
  if (t->isReferenceType()) {
    QualType r = t.getNonReferenceType();
    if (r->isArrayType()) {
      mlir::MemRefType mt = types.array(r);
      if (!mt)
        return fail(what + ": " + types.explain(r));
      QualType elemT = r;
      while (const ArrayType *at = ast.getAsArrayType(elemT))
        elemT = at->getElementType();
      setArrayAttrs(ctx, attrs, *types.scalar(elemT));
      return mt;
    }
    auto s = types.scalar(r);
    if (!s)
      return fail(what + ": " + types.explain(t));
    setArrayAttrs(ctx, attrs, *s);
    if (r.isConstQualified())
      return s->type;
    if (!t->isLValueReferenceType())
      return fail(what + " of type '" + t.getAsString(pp) +
                  "': rvalue references are not raised (pass by value or by '" + r.getAsString(pp) +
                  " &')");
    // A callee's reference may be bound to an array element: dynamic offset.
    return top ? mlir::MemRefType::get({}, s->type) : offsetMemRef({}, s->type);
  }
  // Pointers and arrays of unknown size (T *p, T p[], T p[][M], T (*p)[M]).
  const IncompleteArrayType *incomplete = ast.getAsIncompleteArrayType(t);
  if (t->isPointerType() || incomplete) {
    QualType elem = t->isPointerType() ? t->getPointeeType() : incomplete->getElementType();
    llvm::SmallVector<int64_t, 4> shape = {mlir::ShapedType::kDynamic};
    while (const ConstantArrayType *cat = ast.getAsConstantArrayType(elem)) {
      shape.push_back(cat->getSize().getSExtValue());
      elem = cat->getElementType();
    }
    auto s = types.scalar(elem);
    if (!s || ast.getAsArrayType(elem))
      return fail(what + ": " + types.explain(t));
    setArrayAttrs(ctx, attrs, *s);
    if (!top)
      return offsetMemRef(shape, s->type);
    // The top's arrays get their sizes from the interface pragma (elements
    // of the scalar type), or 1 when only the first element is used.
    int64_t row = 1;
    for (size_t d = 1; d < shape.size(); ++d)
      row *= shape[d];
    SourceLocation pragmaLoc;
    int64_t depth = interfaceDepth(fn, p, error, &pragmaLoc);
    if (depth == 0) {
      if (shape.size() > 1 || !onlyFirstElementUsed(fn, p))
        return fail(what + " of '" + fn->getNameAsString() +
                    "' is a pointer, so the size of the "
                    "array it points to is unknown: add '#pragma HLS interface m_axi port=" +
                    p->getName() +
                    " depth=<number of elements>' to the function body, or "
                    "declare it as an array of constant size");
      depth = 1;
    }
    if (depth % row != 0) {
      error(pragmaLoc, "#pragma HLS interface: depth=" + std::to_string(depth) + " of '" +
                           p->getName() + "' is not a multiple of its rows of " +
                           std::to_string(row) + " elements");
      return {};
    }
    shape[0] = depth / row;
    return mlir::MemRefType::get(shape, s->type);
  }
  if (t->isArrayType()) {
    mlir::MemRefType mt = types.array(t);
    if (!mt)
      return fail(what + ": " + types.explain(t));
    QualType elemT = t;
    while (const ArrayType *at = ast.getAsArrayType(elemT))
      elemT = at->getElementType();
    setArrayAttrs(ctx, attrs, *types.scalar(elemT));
    // `T b[N]` is a pointer in C++: a callee given part of an array
    // (`f(w[o])`, `f(p + k)`) sees it from a run-time offset.
    if (!top && offsetParams.contains({fn->getCanonicalDecl(), p->getFunctionScopeIndex()}))
      return offsetMemRef(mt.getShape(), mt.getElementType());
    return mt;
  }
  if (auto s = types.scalar(t)) {
    setArrayAttrs(ctx, attrs, *s);
    return s->type;
  }
  return fail(what + ": " + types.explain(t));
}

void ModuleRaiser::findOffsetParams() {
  // Array parameters of fixed size that some call gives part of an array
  // (anything but a whole array variable): one walk over the user's code.
  struct Finder : RecursiveASTVisitor<Finder> {
    ModuleRaiser &m;
    explicit Finder(ModuleRaiser &m) : m(m) {}
    bool shouldVisitTemplateInstantiations() const { return true; }
    bool TraverseDecl(Decl *d) {
      if (d && !isa<TranslationUnitDecl>(d) &&
          m.ast.getSourceManager().isInSystemHeader(d->getLocation()))
        return true;
      return RecursiveASTVisitor::TraverseDecl(d);
    }
    bool VisitCallExpr(CallExpr *e) {
      const FunctionDecl *callee = e->getDirectCallee();
      if (!callee)
        return true;
      for (unsigned i = 0; i < e->getNumArgs() && i < callee->getNumParams(); ++i) {
        if (!callee->getParamDecl(i)->getOriginalType()->isConstantArrayType())
          continue;
        const Expr *a = e->getArg(i)->IgnoreParenImpCasts();
        if (auto *mc = dyn_cast<CXXMemberCallExpr>(a)) // a lock converted to its block
          a = mc->getImplicitObjectArgument()->IgnoreParenImpCasts();
        auto *dr = dyn_cast<DeclRefExpr>(a);
        auto *vd = dr ? dyn_cast<VarDecl>(dr->getDecl()) : nullptr;
        if (vd && (vd->getType()->isArrayType() || hlsClassTemplate(vd->getType(), "write_lock") ||
                   hlsClassTemplate(vd->getType(), "read_lock")))
          continue; // a whole array variable (or a stream_of_blocks lock's block)
        auto *pv = dyn_cast_or_null<ParmVarDecl>(vd);
        if (pv && pv->getOriginalType()->isConstantArrayType()) {
          // An array parameter passed on: offset if it is.
          if (auto *owner = dyn_cast<FunctionDecl>(pv->getDeclContext()))
            forwards.push_back({{owner->getCanonicalDecl(), pv->getFunctionScopeIndex()},
                                {callee->getCanonicalDecl(), i}});
          continue;
        }
        m.offsetParams.insert({callee->getCanonicalDecl(), i});
      }
      return true;
    }
    using Param = std::pair<const FunctionDecl *, unsigned>;
    std::vector<std::pair<Param, Param>> forwards; ///< (from, to)
  } finder(*this);
  finder.TraverseDecl(ast.getTranslationUnitDecl());
  // An offset parameter passed on makes the callee's parameter offset too
  // (a top's parameters never have an offset).
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto &[from, to] : finder.forwards)
      if (offsetParams.contains(from) && !tops.contains(from.first->getDefinition()) &&
          offsetParams.insert(to).second)
        changed = true;
  }
}

mlir::memref::GlobalOp ModuleRaiser::getOrCreateGlobal(const VarDecl *vd, SourceLocation useLoc,
                                                       FunctionRaiser &user) {
  // The declaration with the initializer (also for a block-scope `extern`).
  if (const VarDecl *withInit = nullptr; vd->getAnyInitializer(withInit))
    vd = withInit;
  auto it = globals.find(vd);
  if (it != globals.end())
    return it->second;
  DiagnosticsEngine &diags = ast.getDiagnostics();
  QualType t = vd->getType();
  bool isConst = vd->isConstexpr() || t.isConstQualified();
  bool isStatic = vd->isStaticLocal();
  mlir::MemRefType mt = t->isArrayType() ? types.array(t) : mlir::MemRefType();
  if (!mt && !t->isArrayType())
    if (auto s = types.scalar(t))
      mt = mlir::MemRefType::get({}, s->type);
  QualType elemT0 = t;
  while (const ArrayType *at = ast.getAsArrayType(elemT0))
    elemT0 = at->getElementType();
  if (!mt && types.structInfo(elemT0)) {
    allo::error(diags, isStatic ? vd->getLocation() : useLoc,
                llvm::Twine("unsupported: ") + (isStatic ? "static" : "global") + " variable '" +
                    vd->getName() + "' of struct type '" + t.getAsString() +
                    "' (structs are raised as locals, parameters and results; static and global "
                    "structs are not raised yet)");
    throw RaiseError();
  }
  if (!mt) {
    allo::error(diags, vd->getLocation(),
                llvm::Twine(isStatic ? "static variable '" : "global array '") + vd->getName() +
                    "': " + types.explain(t));
    throw RaiseError();
  }
  if (!isStatic && (!isConst || !vd->getAnyInitializer())) {
    allo::error(diags, useLoc,
                "global array '" + vd->getName() +
                    "' is not supported: make it constexpr (a constant table) "
                    "or pass it as a parameter");
    throw RaiseError();
  }
  mlir::DenseElementsAttr init = user.constantInitializer(vd, mt);
  mlir::OpBuilder ob(&ctx);
  ob.setInsertionPointToStart(module->getBody());
  std::string base = sanitize(vd->getName());
  std::string name = base;
  for (unsigned k = 1; usedNames.contains(name); ++k)
    name = base + "_" + std::to_string(k);
  usedNames.insert(name);
  auto global =
      mlir::memref::GlobalOp::create(ob, loc(vd->getLocation()), name, ob.getStringAttr("private"),
                                     mt, init, isConst, mlir::IntegerAttr());
  global->setAttr(AlloDialect::kName, ob.getStringAttr(vd->getName()));
  // Spelled as the other types (an alias it names is declared in the output).
  global->setAttr(AlloDialect::kCType, ob.getStringAttr(spell(t)));
  QualType elemT = t;
  while (const ArrayType *at = ast.getAsArrayType(elemT))
    elemT = at->getElementType();
  if (auto s = types.scalar(elemT)) {
    llvm::SmallVector<mlir::NamedAttribute, 2> attrs;
    setArrayAttrs(ctx, attrs, *s);
    for (const mlir::NamedAttribute &a : attrs)
      global->setAttr(a.getName(), a.getValue());
  }
  if (isStatic)
    global->setAttr(AlloDialect::kStaticLocal, ob.getUnitAttr());
  globals[vd] = global;
  return global;
}

bool ModuleRaiser::run(llvm::ArrayRef<const FunctionDecl *> tops) {
  mlir::Builder b(&ctx);
  for (const FunctionDecl *top : tops)
    this->tops.insert(top->getDefinition() ? top->getDefinition() : top);
  findOffsetParams();
  for (const FunctionDecl *top : tops) {
    try {
      mlir::func::FuncOp f = getOrDeclare(top, top->getLocation());
      f->setAttr(AlloDialect::kTop, b.getUnitAttr());
    } catch (RaiseError &) {
      ++errors;
    }
  }
  while (!worklist.empty()) {
    const FunctionDecl *fn = worklist.front();
    worklist.pop_front();
    mlir::func::FuncOp func = funcs[fn];
    try {
      FunctionRaiser(*this, fn, func).raise();
    } catch (RaiseError &) {
      ++errors;
      // Leave a declaration so later functions still resolve their calls.
      func.getBody().getBlocks().clear();
      func.setPrivate();
    }
    raised.push_back(fn);
  }
  reportRecursion();
  recordAliases();
  if (!structDefs.empty()) {
    llvm::SmallVector<mlir::Attribute, 4> defs;
    for (const std::string &d : structDefs)
      defs.push_back(b.getStringAttr(d));
    (*module)->setAttr(AlloDialect::kStructs, b.getArrayAttr(defs));
  }
  return errors == 0;
}

void ModuleRaiser::reportRecursion() {
  // Depth-first search of the call graph; an edge back to a function still
  // on the stack closes a cycle, reported at that call.
  enum State { Unvisited, OnStack, Done };
  llvm::DenseMap<const FunctionDecl *, State> state;
  std::function<void(const FunctionDecl *)> visit = [&](const FunctionDecl *f) {
    state[f] = OnStack;
    for (const auto &[callee, at] : calls.lookup(f)) {
      State s = state.lookup(callee);
      if (s == OnStack) {
        allo::error(ast.getDiagnostics(), at,
                    "unsupported: recursive call to '" + callee->getNameAsString() +
                        "' (hardware has no call stack; rewrite the recursion as a loop)");
        ++errors;
      } else if (s == Unvisited) {
        visit(callee);
      }
    }
    state[f] = Done;
  };
  for (const FunctionDecl *f : raised)
    if (state.lookup(f) == Unvisited)
      visit(f);
}

//===----------------------------------------------------------------------===//
// FunctionRaiser
//===----------------------------------------------------------------------===//

namespace {
/// Finds variables that are written after their declaration.
class WriteFinder : public RecursiveASTVisitor<WriteFinder> {
public:
  explicit WriteFinder(llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> &writes)
      : writes(writes) {}

  void note(const Expr *target, const Expr *by) {
    target = target->IgnoreParenImpCasts();
    // A field (s.x, s.coef[i], s.p.x) writes the struct variable.
    while (true) {
      if (auto *me = dyn_cast<MemberExpr>(target); me && !me->isArrow())
        target = me->getBase()->IgnoreParenImpCasts();
      else if (auto *ase = dyn_cast<ArraySubscriptExpr>(target);
               ase && isa<MemberExpr>(ase->getBase()->IgnoreParenImpCasts()))
        target = ase->getBase()->IgnoreParenImpCasts();
      else
        break;
    }
    // A bit or range reference (x[i], x.range(h, l), x(h, l)) writes x.
    while (true) {
      if (auto *m = dyn_cast<MaterializeTemporaryExpr>(target))
        target = m->getSubExpr()->IgnoreParenImpCasts();
      else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(target);
               oc && (oc->getOperator() == OO_Subscript || oc->getOperator() == OO_Call))
        target = oc->getArg(0)->IgnoreParenImpCasts();
      else if (auto *mc = dyn_cast<CXXMemberCallExpr>(target);
               mc && mc->getMethodDecl() && mc->getMethodDecl()->getIdentifier() &&
               (mc->getMethodDecl()->getName() == "range" ||
                mc->getMethodDecl()->getName() == "bit"))
        target = mc->getImplicitObjectArgument()->IgnoreParenImpCasts();
      else
        break;
    }
    if (auto *dr = dyn_cast<DeclRefExpr>(target))
      if (auto *vd = dyn_cast<VarDecl>(dr->getDecl()))
        writes[vd].push_back(by);
  }
  bool VisitBinaryOperator(BinaryOperator *e) {
    if (e->isAssignmentOp())
      note(e->getLHS(), e);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *e) {
    if (e->isIncrementDecrementOp() || e->getOpcode() == UO_AddrOf)
      note(e->getSubExpr(), e);
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *e) {
    // ap_[u]int / ap_fixed bit setters modify their object.
    if (const CXXMethodDecl *m = e->getMethodDecl(); m && m->getIdentifier() && !m->isConst())
      if (m->getName() == "set" || m->getName() == "clear" || m->getName() == "invert" ||
          m->getName() == "set_bit" || m->getName() == "reverse" || m->getName() == "b_not" ||
          m->getName() == "lrotate" || m->getName() == "rrotate")
        note(e->getImplicitObjectArgument(), e);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *e) {
    if (e->isAssignmentOp() || e->getOperator() == OO_PlusPlus || e->getOperator() == OO_MinusMinus)
      if (e->getNumArgs() > 0)
        note(e->getArg(0), e);
    return true;
  }
  /// A non-const reference bound to a variable may write it.
  bool VisitVarDecl(VarDecl *vd) {
    QualType t = vd->getType();
    if (t->isLValueReferenceType() && !t.getNonReferenceType().isConstQualified() && vd->getInit())
      note(vd->getInit(), vd->getInit());
    return true;
  }
  /// An argument bound to a non-const lvalue reference parameter (of a
  /// function, a class member or an operator: `f(x)`, `s.read(x)`, `s >> x`)
  /// may be written.
  bool VisitCallExpr(CallExpr *e) {
    const FunctionDecl *callee = e->getDirectCallee();
    if (!callee)
      return true;
    unsigned skip = isa<CXXOperatorCallExpr>(e) && isa<CXXMethodDecl>(callee) ? 1 : 0;
    for (unsigned i = skip; i < e->getNumArgs() && i - skip < callee->getNumParams(); ++i) {
      QualType pt = callee->getParamDecl(i - skip)->getType();
      if (pt->isLValueReferenceType() && !pt.getNonReferenceType().isConstQualified())
        note(e->getArg(i), e);
    }
    return true;
  }

private:
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> &writes;
};

bool hasEarlyReturn(const Stmt *body) {
  // Returns other than the last statement of the body; with a
  // stream_of_blocks lock in the body, every return (the last one may be in
  // the lock's scope, inside its region).
  const Stmt *last = nullptr;
  if (auto *cs = dyn_cast<CompoundStmt>(body))
    last = cs->body_empty() ? nullptr : cs->body_back();
  bool early = false, anyReturn = false, lock = false;
  std::function<void(const Stmt *)> walk = [&](const Stmt *s) {
    if (!s || early)
      return;
    if (isa<ReturnStmt>(s)) {
      anyReturn = true;
      if (s != last) {
        early = true;
        return;
      }
    }
    if (auto *ds = dyn_cast<DeclStmt>(s))
      for (const Decl *d : ds->decls())
        if (auto *vd = dyn_cast<VarDecl>(d))
          lock |= hlsClassTemplate(vd->getType(), "write_lock") ||
                  hlsClassTemplate(vd->getType(), "read_lock");
    for (const Stmt *c : s->children())
      walk(c);
  };
  walk(body);
  return early || (lock && anyReturn);
}
} // namespace

FunctionRaiser::FunctionRaiser(ModuleRaiser &module, const FunctionDecl *fn,
                               mlir::func::FuncOp func)
    : mod(module), fn(fn), func(func), ast(module.ast), b(&module.ctx), loopNames(fn, module.ast) {}

void FunctionRaiser::fail(SourceLocation l, const llvm::Twine &msg) {
  allo::error(ast.getDiagnostics(), l, msg);
  throw RaiseError();
}

void FunctionRaiser::unsupported(const Stmt *s, const llvm::Twine &what) {
  fail(s->getBeginLoc(), "unsupported: " + what);
}

mlir::Location FunctionRaiser::loc(SourceLocation l) { return mod.loc(l); }

SourceLocation FunctionRaiser::beginLoc(const Stmt *s) {
  const Stmt *first = nullptr;
  if (auto *bo = dyn_cast<BinaryOperator>(s))
    first = bo->getLHS();
  else if (auto *ic = dyn_cast<ImplicitCastExpr>(s))
    first = ic->getSubExpr();
  else if (auto *as = dyn_cast<ArraySubscriptExpr>(s))
    first = as->getLHS();
  if (!first)
    return s->getBeginLoc();
  auto it = beginLocs.find(s);
  if (it != beginLocs.end())
    return it->second;
  SourceLocation l = beginLoc(first);
  if (l.isInvalid())
    l = s->getBeginLoc();
  beginLocs[s] = l;
  return l;
}

ScalarInfo FunctionRaiser::scalarOrFail(QualType t, SourceLocation l) {
  auto s = mod.types.scalar(t);
  if (!s)
    fail(l, mod.types.explain(t));
  return *s;
}

mlir::Value FunctionRaiser::allocaAtEntry(mlir::MemRefType type, mlir::Location l,
                                          llvm::StringRef name, QualType ctype) {
  mlir::OpBuilder::InsertionGuard guard(b);
  // Allocas stay together at the top of the entry block, in creation order.
  if (lastAlloca)
    b.setInsertionPointAfter(lastAlloca);
  else
    b.setInsertionPointToStart(entry);
  auto op = mlir::memref::AllocaOp::create(b, l, type);
  lastAlloca = op;
  if (!name.empty())
    op->setAttr(AlloDialect::kName, b.getStringAttr(name));
  if (!ctype.isNull()) {
    op->setAttr(AlloDialect::kCType, b.getStringAttr(mod.spell(ctype)));
    QualType elem = ctype;
    while (const ArrayType *at = ast.getAsArrayType(elem))
      elem = at->getElementType();
    if (auto s = mod.types.scalar(elem)) {
      if (!s->isSigned && !s->isBool && !s->isFloat)
        op->setAttr(AlloDialect::kUnsigned, b.getUnitAttr());
      if (s->fixedScale >= 0)
        op->setAttr(AlloDialect::kFixedScale, b.getI64IntegerAttr(s->fixedScale));
    }
  }
  return op;
}

mlir::ArrayAttr FunctionRaiser::partitionAttr(const Decl *d) {
  // Every [[allo::partition]] on the declaration, in source order (one per
  // dimension is common: dim=1 cyclic, dim=2 block, ...).
  mlir::Builder mb(&mod.ctx);
  llvm::SmallVector<mlir::Attribute, 2> parts;
  for (const AlloAnnotation &a : getAlloAnnotations(d)) {
    if (llvm::StringRef(a.spec->name) != "partition")
      continue;
    auto ev = evaluateAnnotation(a, fn, ast);
    if (!ev)
      throw RaiseError();
    std::optional<int64_t> factor = ev->getInt("factor");
    parts.push_back(PartitionAttr::get(&mod.ctx, ev->getString("type"), factor.value_or(0),
                                       *ev->getInt("dim")));
  }
  return parts.empty() ? mlir::ArrayAttr() : mb.getArrayAttr(parts);
}

mlir::Value FunctionRaiser::constInt(mlir::Type t, int64_t v, mlir::Location l) {
  if (t.isIndex())
    return mlir::arith::ConstantIndexOp::create(b, l, v);
  // Sign-extended to the type's width (-1 is all ones also beyond 64 bits).
  llvm::APInt a(t.getIntOrFloatBitWidth(), (uint64_t)v, /*isSigned=*/true, /*implicitTrunc=*/true);
  return mlir::arith::ConstantOp::create(b, l, t, b.getIntegerAttr(t, a));
}

mlir::Value FunctionRaiser::constBool(bool v, mlir::Location l) {
  return mlir::arith::ConstantOp::create(b, l, b.getI1Type(), b.getBoolAttr(v));
}

void FunctionRaiser::raise() {
  entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);
  mlir::Builder mb(&mod.ctx);

  // Function-level attributes.
  for (const AlloAnnotation &a : getAlloAnnotations(fn)) {
    auto ev = evaluateAnnotation(a, fn, ast);
    if (!ev)
      throw RaiseError();
    llvm::StringRef n = a.spec->name;
    if (n == "kernel") {
      func->setAttr(AlloDialect::kKernel, mb.getUnitAttr());
      if (ev->has("mapping")) {
        // A PE grid: allo-instantiate-pes makes one process per PE when a
        // region calls it.
        llvm::SmallVector<int64_t, 3> shape;
        for (int64_t e : ev->getList("mapping"))
          shape.push_back(e);
        if (shape.size() > 3)
          fail(a.argLoc(ast), "a PE grid has at most 3 dimensions (mapping has " +
                                  llvm::Twine(shape.size()) + ")");
        int64_t total = 1;
        for (int64_t e : shape)
          total *= e;
        if (total > 65536)
          fail(a.argLoc(ast), "a PE grid of " + llvm::Twine(total) +
                                  " PEs is more than the 65536 Allo instantiates");
        func->setAttr(AlloDialect::kMapping, mlir::DenseI64ArrayAttr::get(&mod.ctx, shape));
        pidRank = shape.size();
      }
    } else if (n == "region") {
      func->setAttr(AlloDialect::kRegion, mb.getUnitAttr());
      checkRegionBody();
    } else if (n == "pipeline") {
      func->setAttr(AlloDialect::kPipelineII, mb.getI64IntegerAttr(*ev->getInt("ii")));
    } else if (n == "dataflow") {
      func->setAttr(AlloDialect::kDataflow, mb.getUnitAttr());
    } else if (n == "inline") {
      func->setAttr(AlloDialect::kInline, mb.getI64IntegerAttr(ev->hasFlag("off") ? 0 : 1));
    }
  }

  WriteFinder(writes).TraverseStmt(const_cast<Stmt *>(fn->getBody()));
  findLoopVarReads();

  // Parameters.
  const auto &ranges = mod.paramArgs[fn];
  for (unsigned i = 0; i < fn->getNumParams(); ++i) {
    const ParmVarDecl *p = fn->getParamDecl(i);
    if (mod.paramStruct(p->getOriginalType())) {
      bindStructParam(p, ranges[i].first);
      continue;
    }
    mlir::Value arg = entry->getArgument(ranges[i].first);
    unsigned argIndex = ranges[i].first;
    Binding bind;
    bind.type = p->getType();
    for (const AlloAnnotation &a : getAlloAnnotations(p)) {
      if (llvm::StringRef(a.spec->name) != "layout")
        continue;
      if (!evaluateAnnotation(a, fn, ast))
        throw RaiseError();
      // No pass distributes arrays over a PE grid yet (see mapping above).
      fail(a.argLoc(ast), "not implemented yet: [[allo::layout]] (Shard/Replicate layouts of "
                          "PE-grid kernels); remove it to pass the array whole");
    }
    if (mlir::ArrayAttr parts = partitionAttr(p))
      func.setArgAttr(argIndex, AlloDialect::kPartition, parts);
    if (llvm::isa<StreamType>(arg.getType())) {
      bind.kind = Binding::SSA;
      bind.value = arg;
    } else if (llvm::isa<mlir::MemRefType>(arg.getType())) {
      bind.kind = Binding::Memory;
      bind.value = arg;
      bind.type = p->getOriginalType();
    } else if (writes.count(p)) {
      auto mt = mlir::MemRefType::get({}, arg.getType());
      bind.kind = Binding::Memory;
      bind.value = allocaAtEntry(mt, loc(p->getLocation()), p->getName(), p->getType());
      storeScalar(arg, bind.value, loc(p->getLocation()));
    } else {
      bind.kind = Binding::SSA;
      bind.value = arg;
    }
    vars[p] = bind;
  }

  mlir::Location endLoc = loc(fn->getBody()->getEndLoc());
  QualType rt = fn->getReturnType();
  earlyReturns = hasEarlyReturn(fn->getBody());
  const StructInfo *resultStruct = rt->isVoidType() ? nullptr : mod.types.structInfo(rt);
  if (earlyReturns) {
    returnFlag = allocaAtEntry(mlir::MemRefType::get({}, b.getI1Type()), endLoc, "", QualType());
    storeFlag(returnFlag, false, endLoc);
    if (resultStruct) {
      for (const FieldLeaf &leaf : resultStruct->leaves)
        returnSlots.push_back(
            allocaAtEntry(mlir::MemRefType::get({}, leaf.scalar.type), endLoc, "", QualType()));
    } else if (!rt->isVoidType()) {
      returnSlot =
          allocaAtEntry(mlir::MemRefType::get({}, scalarOrFail(rt, fn->getLocation()).type), endLoc,
                        "", QualType());
    }
  }

  emitStmt(fn->getBody());
  applyHLSPragmas(func, nullptr);

  // Close the function unless the body ended with a return.
  mlir::Block *cur = b.getInsertionBlock();
  if (cur->empty() || !cur->back().hasTrait<mlir::OpTrait::IsTerminator>()) {
    if (rt->isVoidType()) {
      mlir::func::ReturnOp::create(b, endLoc);
    } else if (resultStruct) {
      llvm::SmallVector<mlir::Value, 4> vals;
      for (unsigned k = 0; k < resultStruct->leaves.size(); ++k) {
        mlir::Type t = resultStruct->leaves[k].scalar.type;
        if (!returnSlots.empty())
          vals.push_back(mlir::memref::LoadOp::create(b, endLoc, returnSlots[k]));
        else
          vals.push_back(llvm::isa<mlir::FloatType>(t)
                             ? (mlir::Value)mlir::arith::ConstantOp::create(b, endLoc, t,
                                                                            b.getFloatAttr(t, 0.0))
                             : constInt(t, 0, endLoc));
      }
      mlir::func::ReturnOp::create(b, endLoc, vals);
    } else if (returnSlot) {
      mlir::Value v = loadScalar(returnSlot, endLoc);
      mlir::func::ReturnOp::create(b, endLoc, v);
    } else {
      // Flowing off the end of a non-void function is undefined; return 0.
      ScalarInfo s = scalarOrFail(rt, fn->getLocation());
      mlir::Value zero = s.isFloat ? (mlir::Value)mlir::arith::ConstantOp::create(
                                         b, endLoc, s.type, b.getFloatAttr(s.type, 0.0))
                                   : constInt(s.type, 0, endLoc);
      mlir::func::ReturnOp::create(b, endLoc, zero);
    }
  }

  // A variable declared before its loops and never read outside them (all
  // its loops counted) is only stored to: it needs no storage at all.
  for (const VarDecl *v : loopInitVars) {
    auto it = vars.find(v);
    if (it == vars.end() || it->second.kind != Binding::Memory)
      continue;
    mlir::Value m = it->second.value;
    auto alloca = m.getDefiningOp<mlir::memref::AllocaOp>();
    if (!alloca || !llvm::all_of(m.getUses(), [](mlir::OpOperand &u) {
          return isa<mlir::affine::AffineStoreOp, mlir::memref::StoreOp>(u.getOwner()) &&
                 u.getOperandNumber() == 1;
        }))
      continue;
    for (mlir::Operation *u : llvm::make_early_inc_range(m.getUsers()))
      u->erase();
    alloca->erase();
  }
}
