//===- RaiseFunction.cpp - Raising functions and the module ---------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloOps.h"
#include "allo/Dialect/Allo/AlloDialect.h"
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
    allo::error(diags, useLoc, "call to '" + fn->getNameAsString() +
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
  for (const ParmVarDecl *p : fn->parameters()) {
    QualType t = p->getOriginalType();
    llvm::SmallVector<mlir::NamedAttribute, 4> attrs;
    attrs.push_back(b.getNamedAttr(AlloDialect::kName, b.getStringAttr(p->getName())));
    attrs.push_back(b.getNamedAttr(AlloDialect::kCType, b.getStringAttr(spell(t))));
    if (auto sa = types.streamArray(t)) {
      // hls::stream<T> s[N]: a memref of streams.
      attrs.back() = b.getNamedAttr(AlloDialect::kCType,
                                    b.getStringAttr(spellStreamElement(sa->stream)));
      if (sa->stream.depth > 0)
        attrs.push_back(b.getNamedAttr(AlloDialect::kTypeDepth,
                                       b.getI64IntegerAttr(sa->stream.depth)));
      argTypes.push_back(
          mlir::MemRefType::get(sa->shape, StreamType::get(&ctx, sa->stream.mlirElement())));
    } else if (t->isArrayType()) {
      mlir::MemRefType mt = types.array(t);
      if (!mt)
        signatureError(p->getLocation(), "parameter '" + p->getName() + "': " + types.explain(t));
      QualType elemT = t;
      while (const ArrayType *at = ast.getAsArrayType(elemT))
        elemT = at->getElementType();
      setArrayAttrs(ctx, attrs, *types.scalar(elemT));
      argTypes.push_back(mt);
    } else if (auto st = types.stream(t); st && t->isReferenceType() &&
                                          !t.getNonReferenceType().isConstQualified()) {
      attrs.back() = b.getNamedAttr(AlloDialect::kCType,
                                    b.getStringAttr(spellStreamElement(*st)));
      if (st->depth > 0)
        attrs.push_back(b.getNamedAttr(AlloDialect::kTypeDepth, b.getI64IntegerAttr(st->depth)));
      argTypes.push_back(StreamType::get(&ctx, st->mlirElement()));
    } else if (auto st = types.stream(t)) {
      signatureError(p->getLocation(),
                     "parameter '" + p->getName() + "' of type '" + t.getAsString(pp) +
                         "': pass a stream by non-const reference ('" +
                         t.getNonReferenceType().getUnqualifiedType().getAsString(pp) + " &')");
    } else if (auto s = types.scalar(t)) {
      setArrayAttrs(ctx, attrs, *s);
      argTypes.push_back(s->type);
    } else {
      signatureError(p->getLocation(), "parameter '" + p->getName() + "': " + types.explain(t));
    }
    argAttrs.push_back(b.getDictionaryAttr(attrs));
  }
  llvm::SmallVector<mlir::Type, 1> results;
  QualType rt = fn->getReturnType();
  if (!rt->isVoidType()) {
    auto s = types.scalar(rt);
    if (!s)
      signatureError(fn->getReturnTypeSourceRange().getBegin().isValid()
                         ? fn->getReturnTypeSourceRange().getBegin()
                         : fn->getLocation(),
                     "return type of '" + fn->getNameAsString() + "': " + types.explain(rt));
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
  if (!rt->isVoidType()) {
    func->setAttr(AlloDialect::kResultCType, b.getStringAttr(spell(rt)));
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

mlir::memref::GlobalOp ModuleRaiser::getOrCreateGlobal(const VarDecl *vd, SourceLocation useLoc) {
  auto it = globals.find(vd);
  if (it != globals.end())
    return it->second;
  DiagnosticsEngine &diags = ast.getDiagnostics();
  mlir::MemRefType mt = types.array(vd->getType());
  const APValue *val = vd->getAnyInitializer() ? vd->evaluateValue() : nullptr;
  if (!mt || !val || !(vd->isConstexpr() || vd->getType().isConstQualified())) {
    allo::error(diags, useLoc, "global array '" + vd->getName() +
                                   "' is not supported: make it constexpr (a constant table) "
                                   "or pass it as a parameter");
    throw RaiseError();
  }
  // Flatten the APValue in row-major order.
  llvm::SmallVector<mlir::Attribute, 64> elems;
  mlir::Type et = mt.getElementType();
  std::function<void(const APValue &, unsigned)> flatten = [&](const APValue &v, unsigned dim) {
    if (dim == mt.getRank()) {
      if (v.isInt())
        elems.push_back(mlir::IntegerAttr::get(
            et, llvm::APInt(et.getIntOrFloatBitWidth(), v.getInt().getZExtValue(), false)));
      else if (v.isFloat())
        elems.push_back(mlir::FloatAttr::get(et, v.getFloat()));
      else
        elems.push_back(mlir::IntegerAttr::get(et, 0));
      return;
    }
    for (int64_t i = 0; i < mt.getDimSize(dim); ++i) {
      const APValue &e = i < (int64_t)v.getArrayInitializedElts() ? v.getArrayInitializedElt(i)
                                                                  : v.getArrayFiller();
      flatten(e, dim + 1);
    }
  };
  flatten(*val, 0);
  mlir::OpBuilder ob(&ctx);
  ob.setInsertionPointToStart(module->getBody());
  std::string name = sanitize(vd->getName());
  for (unsigned k = 1; usedNames.contains(name); ++k)
    name = sanitize(vd->getName()) + "_" + std::to_string(k);
  usedNames.insert(name);
  auto tensorType = mlir::RankedTensorType::get(mt.getShape(), et);
  auto global = mlir::memref::GlobalOp::create(
      ob, loc(vd->getLocation()), name, ob.getStringAttr("private"), mt,
      mlir::DenseElementsAttr::get(tensorType, elems), /*constant=*/true, mlir::IntegerAttr());
  globals[vd] = global;
  return global;
}

bool ModuleRaiser::run(llvm::ArrayRef<const FunctionDecl *> tops) {
  mlir::Builder b(&ctx);
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
  explicit WriteFinder(
      llvm::DenseMap<const VarDecl *, llvm::SmallVector<const Expr *, 2>> &writes)
      : writes(writes) {}

  void note(const Expr *target, const Expr *by) {
    target = target->IgnoreParenImpCasts();
    // A bit or range reference (x[i], x.range(h, l), x(h, l)) writes x.
    while (true) {
      if (auto *m = dyn_cast<MaterializeTemporaryExpr>(target))
        target = m->getSubExpr()->IgnoreParenImpCasts();
      else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(target);
               oc && (oc->getOperator() == OO_Subscript || oc->getOperator() == OO_Call))
        target = oc->getArg(0)->IgnoreParenImpCasts();
      else if (auto *mc = dyn_cast<CXXMemberCallExpr>(target);
               mc && mc->getMethodDecl() && mc->getMethodDecl()->getIdentifier() &&
               (mc->getMethodDecl()->getName() == "range" || mc->getMethodDecl()->getName() == "bit"))
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
    if (e->isAssignmentOp() || e->getOperator() == OO_PlusPlus ||
        e->getOperator() == OO_MinusMinus)
      if (e->getNumArgs() > 0)
        note(e->getArg(0), e);
    return true;
  }
  /// An argument bound to a non-const lvalue reference parameter of a class
  /// member or operator (`s.read(x)`, `s >> x`) may be written.
  bool VisitCallExpr(CallExpr *e) {
    const FunctionDecl *callee = e->getDirectCallee();
    if (!callee || (!isa<CXXMemberCallExpr>(e) && !isa<CXXOperatorCallExpr>(e)))
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
    : mod(module), fn(fn), func(func), ast(module.ast), b(&module.ctx),
      loopNames(fn, module.ast) {}

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
    mlir::NamedAttrList dict;
    dict.set("type", mb.getStringAttr(ev->getString("type")));
    if (auto f = ev->getInt("factor"))
      dict.set("factor", mb.getI64IntegerAttr(*f));
    dict.set("dim", mb.getI64IntegerAttr(*ev->getInt("dim")));
    parts.push_back(dict.getDictionary(&mod.ctx));
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
        // Accepted by the attribute grammar so that errors in its arguments
        // are reported, but no pass implements PE-grid kernels yet: using
        // it must not silently give a single-PE design.
        std::string shape;
        for (int64_t e : ev->getList("mapping"))
          shape += (shape.empty() ? "" : ", ") + std::to_string(e);
        fail(a.argLoc(ast),
             "not implemented yet: PE-grid kernels ([[allo::kernel(mapping(" + shape +
                 "))]]); write a single kernel and build the grid with the 'unfold' and "
                 "'relay' schedule primitives");
      }
    } else if (n == "region") {
      func->setAttr(AlloDialect::kRegion, mb.getUnitAttr());
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
  for (unsigned i = 0; i < fn->getNumParams(); ++i) {
    const ParmVarDecl *p = fn->getParamDecl(i);
    mlir::Value arg = entry->getArgument(i);
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
      func.setArgAttr(i, AlloDialect::kPartition, parts);
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
  if (earlyReturns) {
    returnFlag = allocaAtEntry(mlir::MemRefType::get({}, b.getI1Type()), endLoc, "", QualType());
    storeFlag(returnFlag, false, endLoc);
    if (!rt->isVoidType())
      returnSlot = allocaAtEntry(mlir::MemRefType::get({}, scalarOrFail(rt, fn->getLocation()).type),
                                 endLoc, "", QualType());
  }

  emitStmt(fn->getBody());
  applyHLSPragmas(func, nullptr);

  // Close the function unless the body ended with a return.
  mlir::Block *cur = b.getInsertionBlock();
  if (cur->empty() || !cur->back().hasTrait<mlir::OpTrait::IsTerminator>()) {
    if (rt->isVoidType()) {
      mlir::func::ReturnOp::create(b, endLoc);
    } else if (returnSlot) {
      mlir::Value v = loadScalar(returnSlot, endLoc);
      mlir::func::ReturnOp::create(b, endLoc, v);
    } else {
      // Flowing off the end of a non-void function is undefined; return 0.
      ScalarInfo s = scalarOrFail(rt, fn->getLocation());
      mlir::Value zero =
          s.isFloat ? (mlir::Value)mlir::arith::ConstantOp::create(
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
