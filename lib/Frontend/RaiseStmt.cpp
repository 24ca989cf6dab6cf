//===- RaiseStmt.cpp - Raising C++ statements -----------------------------===//
//
// Structured control flow only: early exits (break, continue, return) set a
// flag in memory, and the statements after a possible exit are guarded by
// "no flag set", in the manner of Polygeist.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloDialect.h"

#include "mlir/IR/IntegerSet.h"

using namespace clang;
using namespace allo::raise;
namespace arith = mlir::arith;

/// A value-initialisation: `T x{}` fillers, or the default constructor of an
/// ap_* class (which zero-initialises, as in C simulation).
bool allo::raise::isZeroInit(const Expr *init) {
  if (!init)
    return false;
  init = init->IgnoreParens();
  if (isa<ImplicitValueInitExpr>(init))
    return true;
  if (auto *ce = dyn_cast<CXXConstructExpr>(init))
    return ce->getConstructor()->isDefaultConstructor() &&
           llvm::all_of(ce->arguments(), [](const Expr *a) { return isa<CXXDefaultArgExpr>(a); });
  return false;
}

unsigned FunctionRaiser::exitsOf(const Stmt *s) {
  if (!s)
    return 0;
  auto it = exitCache.find(s);
  if (it != exitCache.end())
    return it->second;
  unsigned r = 0;
  if (isa<BreakStmt>(s))
    r = ExitBreak;
  else if (isa<ContinueStmt>(s))
    r = ExitContinue;
  else if (isa<ReturnStmt>(s))
    r = ExitReturn;
  else if (isa<ForStmt>(s) || isa<WhileStmt>(s) || isa<DoStmt>(s) || isa<CXXForRangeStmt>(s)) {
    for (const Stmt *c : s->children())
      r |= exitsOf(c) & ExitReturn;
  } else if (!isa<Expr>(s)) {
    for (const Stmt *c : s->children())
      r |= exitsOf(c);
  }
  exitCache[s] = r;
  return r;
}

void FunctionRaiser::storeFlag(mlir::Value flag, bool v, mlir::Location l) {
  storeScalar(constBool(v, l), flag, l);
}

void FunctionRaiser::storeScalar(mlir::Value v, mlir::Value memref, mlir::Location l) {
  mlir::affine::AffineStoreOp::create(b, l, v, memref, mlir::AffineMap::get(&mod.ctx),
                                      mlir::ValueRange{});
}

mlir::Value FunctionRaiser::loadScalar(mlir::Value memref, mlir::Location l) {
  return mlir::affine::AffineLoadOp::create(b, l, memref, mlir::AffineMap::get(&mod.ctx),
                                            mlir::ValueRange{});
}

mlir::Value FunctionRaiser::stillRunning(mlir::Location l, bool includeBreak,
                                         bool includeContinue) {
  llvm::SmallVector<mlir::Value, 3> flags;
  if (!loopStack.empty()) {
    if (includeBreak && loopStack.back().breakFlag)
      flags.push_back(loopStack.back().breakFlag);
    if (includeContinue && loopStack.back().continueFlag)
      flags.push_back(loopStack.back().continueFlag);
  }
  if (returnFlag)
    flags.push_back(returnFlag);
  mlir::Value any;
  for (mlir::Value f : flags) {
    mlir::Value v = loadScalar(f, l);
    any = any ? (mlir::Value)arith::OrIOp::create(b, l, any, v) : v;
  }
  if (!any)
    return constBool(true, l);
  return arith::XOrIOp::create(b, l, any, constBool(true, l));
}

void FunctionRaiser::emitCompound(llvm::ArrayRef<const Stmt *> stmts) {
  for (size_t i = 0; i < stmts.size(); ++i) {
    // A stream_of_blocks lock holds the rest of the block as its scope.
    if (tryEmitLockScope(stmts.drop_front(i)))
      return;
    emitStmt(stmts[i]);
    unsigned ex = exitsOf(stmts[i]);
    if (!ex || i + 1 == stmts.size())
      continue;
    // Later statements run only if this one did not leave early.
    mlir::Location l = loc(stmts[i + 1]);
    mlir::Value go = stillRunning(l, ex & ExitBreak, ex & ExitContinue);
    auto ifOp = mlir::scf::IfOp::create(b, l, go, /*withElseRegion=*/false);
    b.setInsertionPoint(ifOp.thenBlock()->getTerminator());
    emitCompound(stmts.drop_front(i + 1));
    b.setInsertionPointAfter(ifOp);
    return;
  }
}

void FunctionRaiser::emitStmt(const Stmt *s) {
  if (!s)
    return;
  if (auto *cs = dyn_cast<CompoundStmt>(s)) {
    llvm::SmallVector<const Stmt *, 16> body(cs->body_begin(), cs->body_end());
    return emitCompound(body);
  }
  if (auto *ds = dyn_cast<DeclStmt>(s)) {
    for (const Decl *d : ds->decls()) {
      if (auto *vd = dyn_cast<VarDecl>(d))
        emitDecl(vd);
      else if (!isa<TypedefNameDecl>(d) && !isa<StaticAssertDecl>(d) && !isa<UsingDecl>(d) &&
               !isa<UsingDirectiveDecl>(d))
        unsupported(s, "local declaration of this kind");
    }
    return;
  }
  if (isa<NullStmt>(s))
    return;
  if (auto *e = dyn_cast<Expr>(s)) {
    emitRValue(e);
    return;
  }
  if (auto *is = dyn_cast<IfStmt>(s))
    return emitIf(is);
  if (isa<ForStmt>(s) || isa<WhileStmt>(s) || isa<DoStmt>(s))
    return emitLoop(s, {});
  if (auto *as = dyn_cast<AttributedStmt>(s)) {
    const Stmt *sub = as->getSubStmt();
    while (auto *ls = dyn_cast<LabelStmt>(sub))
      sub = ls->getSubStmt();
    if (isa<ForStmt>(sub) || isa<WhileStmt>(sub) || isa<DoStmt>(sub))
      return emitLoop(sub, as->getAttrs());
    return emitStmt(as->getSubStmt());
  }
  if (auto *ls = dyn_cast<LabelStmt>(s)) {
    const Stmt *sub = ls->getSubStmt();
    if (auto *as = dyn_cast<AttributedStmt>(sub))
      return emitStmt(as);
    return emitStmt(sub);
  }
  if (auto *rs = dyn_cast<ReturnStmt>(s))
    return emitReturn(rs);
  if (isa<BreakStmt>(s)) {
    if (loopStack.empty() || !loopStack.back().breakFlag)
      unsupported(s, "'break' outside a loop (switch statements are not raised)");
    return storeFlag(loopStack.back().breakFlag, true, loc(s));
  }
  if (isa<ContinueStmt>(s)) {
    if (loopStack.empty() || !loopStack.back().continueFlag)
      unsupported(s, "'continue' here");
    return storeFlag(loopStack.back().continueFlag, true, loc(s));
  }
  if (isa<SwitchStmt>(s))
    unsupported(s, "'switch' (rewrite it as if/else)");
  if (isa<GotoStmt>(s) || isa<IndirectGotoStmt>(s))
    unsupported(s, "'goto'");
  if (isa<CXXForRangeStmt>(s))
    unsupported(s, "range-based 'for' (use an index loop)");
  if (isa<CXXTryStmt>(s))
    unsupported(s, "exceptions");
  if (isa<AsmStmt>(s))
    unsupported(s, "inline assembly");
  unsupported(s, "statement of kind '" + llvm::Twine(s->getStmtClassName()) + "'");
}

void FunctionRaiser::emitDecl(const VarDecl *vd) {
  mlir::Location l = loc(vd->getLocation());
  if (emitPidDecl(vd))
    return;
  if (vd->isStaticLocal())
    return emitStaticDecl(vd);
  if (vd->isLocalExternDecl()) {
    // `extern T x;` in a block names a global defined elsewhere: a constant
    // is read like any constant global; anything else is not raised.
    const VarDecl *withInit = nullptr;
    bool constant = (vd->isConstexpr() || vd->getType().isConstQualified()) &&
                    vd->getAnyInitializer(withInit) && withInit->evaluateValue();
    if (!constant)
      fail(vd->getLocation(),
           "unsupported: block-scope 'extern' declaration of '" + vd->getName() +
               "': it names a global variable defined elsewhere, which Allo does not raise "
               "(pass the value as a parameter, or make the global a constexpr constant)");
    return;
  }
  QualType t = vd->getType();
  if (auto st = mod.types.stream(t); st && !t->isReferenceType())
    return emitStreamDecl(vd, *st);
  if (auto sa = mod.types.streamArray(t))
    return emitStreamDecl(vd, sa->stream, sa->shape);
  if (hlsClassTemplate(t, "write_lock") || hlsClassTemplate(t, "read_lock"))
    fail(vd->getLocation(), "unsupported: lock '" + vd->getName() +
                                "' declared outside a block; declare hls::write_lock / "
                                "hls::read_lock as a statement of a { ... } block (its scope)");
  if (t->isReferenceType() || t->isPointerType()) {
    // A reference, or a pointer that is never reseated, is an alias of the
    // place it is bound to.
    const Expr *init = vd->getInit();
    QualType r = t.getNonReferenceType();
    if (t->isPointerType() && writes.count(vd))
      fail(vd->getLocation(), "unsupported: pointer variable '" + vd->getName() +
                                  "' is reassigned (p = q, p++); Allo raises pointers that are "
                                  "initialised once: index the array instead");
    std::optional<Place> p = init ? emitPlace(init) : std::nullopt;
    if (t->isReferenceType() && (!p || p->pointer) && r.isConstQualified() && !r->isArrayType() &&
        init && mod.types.scalar(r)) {
      // const T &c = expression: the value of a temporary.
      Binding bind;
      bind.kind = Binding::SSA;
      bind.type = r;
      bind.value = emitRValue(init);
      vars[vd] = bind;
      return;
    }
    bool ok = p && (t->isPointerType() ? p->pointer : !p->pointer);
    if (!ok)
      fail(vd->getLocation(),
           "unsupported: " + llvm::Twine(t->isPointerType() ? "pointer" : "reference") +
               " variable '" + vd->getName() +
               "' (raised only when initialised with an array element, a "
               "variable, or a pointer into an array)");
    Binding bind;
    bind.kind = Binding::Alias;
    bind.type = t;
    bind.place = *p;
    vars[vd] = bind;
    return;
  }
  {
    // Structs and arrays of structs.
    llvm::SmallVector<int64_t, 4> shape;
    QualType elem = t;
    while (const ConstantArrayType *at = ast.getAsConstantArrayType(elem)) {
      shape.push_back(at->getSize().getSExtValue());
      elem = at->getElementType();
    }
    if (mod.types.isUserStruct(elem) && !ast.getAsArrayType(elem)) {
      const StructInfo *info = mod.types.structInfo(elem);
      if (!info)
        fail(vd->getLocation(), "local '" + vd->getName() + "': " + mod.types.explain(t));
      return emitStructDecl(vd, info, shape);
    }
  }
  Binding bind;
  bind.type = t;
  if (t->isArrayType()) {
    mlir::MemRefType mt = mod.types.array(t);
    if (!mt)
      fail(vd->getLocation(), "local array '" + vd->getName() + "': " + mod.types.explain(t));
    bind.kind = Binding::Memory;
    bind.value = allocaAtEntry(mt, l, vd->getName(), t);
    if (mlir::ArrayAttr parts = partitionAttr(vd))
      bind.value.getDefiningOp()->setAttr(allo::AlloDialect::kPartition, parts);
    vars[vd] = bind;
    if (const Expr *init = vd->getInit()) {
      llvm::SmallVector<int64_t, 4> prefix;
      emitArrayInit(bind.value, init, t, prefix, l);
    }
    return;
  }
  ScalarInfo s = scalarOrFail(t, vd->getLocation());
  const Expr *init = vd->getInit();
  // `T x{}`, `T x = {}` and default-constructed ap_* values are zero.
  bool zero = false;
  if (init)
    if (auto *ile = dyn_cast<InitListExpr>(init->IgnoreParens())) {
      init = ile->getNumInits() ? ile->getInit(0) : nullptr;
      zero = !init;
    }
  if (isZeroInit(init)) {
    init = nullptr;
    zero = true;
  }
  bool mutated = writes.count(vd);
  if (!mutated && zero && t->isIntegralOrEnumerationType() && !t->isBooleanType() &&
      s.fixedScale < 0) {
    bind.kind = Binding::Affine;
    bind.affine = AffineValue{mlir::getAffineConstantExpr(0, &mod.ctx), {}};
    vars[vd] = bind;
    return;
  }
  if (!mutated && init) {
    if (t->isIntegralOrEnumerationType() && !t->isBooleanType() && s.fixedScale < 0) {
      if (auto a = tryAffine(init)) {
        bind.kind = Binding::Affine;
        bind.affine = *a;
        vars[vd] = bind;
        return;
      }
    }
    bind.kind = Binding::SSA;
    bind.value = emitRValue(init);
    vars[vd] = bind;
    return;
  }
  bind.kind = Binding::Memory;
  bind.value = allocaAtEntry(mlir::MemRefType::get({}, s.type), l, vd->getName(), t);
  vars[vd] = bind;
  if (init || zero) {
    mlir::Value v;
    if (zero)
      v = s.isFloat
              ? (mlir::Value)arith::ConstantOp::create(b, l, s.type, b.getFloatAttr(s.type, 0.0))
              : constInt(s.type, 0, l);
    else
      v = emitRValue(init);
    storeScalar(v, bind.value, l);
  }
}

void FunctionRaiser::emitArrayInit(mlir::Value memref, const Expr *init, QualType type,
                                   llvm::SmallVectorImpl<int64_t> &prefix, mlir::Location l) {
  auto mt = llvm::cast<mlir::MemRefType>(memref.getType());
  mlir::Type et = mt.getElementType();
  auto zero = [&]() -> mlir::Value {
    if (llvm::isa<mlir::FloatType>(et))
      return arith::ConstantOp::create(b, l, et, b.getFloatAttr(et, 0.0));
    return constInt(et, 0, l);
  };
  auto storeAt = [&](mlir::Value v, llvm::ArrayRef<int64_t> idx) {
    llvm::SmallVector<mlir::AffineExpr, 4> exprs;
    for (int64_t i : idx)
      exprs.push_back(b.getAffineConstantExpr(i));
    mlir::affine::AffineStoreOp::create(
        b, l, v, memref, mlir::AffineMap::get(0, 0, exprs, &mod.ctx), mlir::ValueRange{});
  };
  // Zero-fills the sub-array at `prefix` with a loop nest.
  auto zeroFill = [&]() {
    mlir::OpBuilder::InsertionGuard guard(b);
    llvm::SmallVector<mlir::Value, 4> ivs;
    for (int64_t d = prefix.size(); d < mt.getRank(); ++d) {
      auto f = mlir::affine::AffineForOp::create(b, l, 0, mt.getDimSize(d));
      ivs.push_back(f.getInductionVar());
      b.setInsertionPoint(f.getBody()->getTerminator());
    }
    llvm::SmallVector<mlir::AffineExpr, 4> exprs;
    for (int64_t i : prefix)
      exprs.push_back(b.getAffineConstantExpr(i));
    for (unsigned k = 0; k < ivs.size(); ++k)
      exprs.push_back(b.getAffineDimExpr(k));
    mlir::affine::AffineStoreOp::create(b, l, zero(), memref,
                                        mlir::AffineMap::get(ivs.size(), 0, exprs, &mod.ctx), ivs);
  };
  unsigned depth = prefix.size();
  if (!init || isZeroInit(init)) {
    if (depth == (unsigned)mt.getRank())
      storeAt(zero(), prefix);
    else
      zeroFill();
    return;
  }
  if (depth == (unsigned)mt.getRank()) {
    storeAt(emitRValue(init), prefix);
    return;
  }
  auto *ile = dyn_cast<InitListExpr>(init->IgnoreParens());
  if (!ile)
    unsupported(init, "this array initializer (use a braced list)");
  int64_t n = mt.getDimSize(depth);
  int64_t explicitCount = std::min<int64_t>(ile->getNumInits(), n);
  const Expr *filler = ile->hasArrayFiller() ? ile->getArrayFiller() : nullptr;
  int64_t inner = 1;
  for (int64_t d = depth + 1; d < mt.getRank(); ++d)
    inner *= mt.getDimSize(d);
  bool bulkZero = (n - explicitCount) * inner > 16 && (!filler || isZeroInit(filler));
  if (bulkZero)
    zeroFill();
  for (int64_t k = 0; k < n; ++k) {
    const Expr *sub = k < explicitCount ? ile->getInit(k) : filler;
    if (k >= explicitCount && bulkZero)
      break;
    prefix.push_back(k);
    emitArrayInit(memref, sub, type, prefix, l);
    prefix.pop_back();
  }
}

void FunctionRaiser::emitIf(const IfStmt *s) {
  mlir::Location l = loc(s);
  if (s->getInit())
    emitStmt(s->getInit());
  if (const DeclStmt *cv = s->getConditionVariableDeclStmt())
    emitStmt(cv);
  if (s->isConstexpr()) {
    bool taken = false;
    if (!s->getCond()->EvaluateAsBooleanCondition(taken, ast))
      unsupported(s, "if constexpr whose condition is not constant here");
    return emitStmt(taken ? s->getThen() : s->getElse());
  }
  if (s->isConsteval())
    unsupported(s, "if consteval");
  mlir::IntegerSet set;
  llvm::SmallVector<mlir::Value, 4> operands;
  if (tryAffineCondition(s->getCond(), set, operands)) {
    auto ifOp = mlir::affine::AffineIfOp::create(b, l, set, operands, s->getElse() != nullptr);
    mlir::OpBuilder::InsertionGuard guard(b);
    b.setInsertionPoint(ifOp.getThenBlock()->getTerminator());
    emitStmt(s->getThen());
    if (s->getElse()) {
      b.setInsertionPoint(ifOp.getElseBlock()->getTerminator());
      emitStmt(s->getElse());
    }
    return;
  }
  mlir::Value c = emitCondition(s->getCond());
  auto ifOp = mlir::scf::IfOp::create(b, l, c, s->getElse() != nullptr);
  mlir::OpBuilder::InsertionGuard guard(b);
  b.setInsertionPoint(ifOp.thenBlock()->getTerminator());
  emitStmt(s->getThen());
  if (s->getElse()) {
    b.setInsertionPoint(ifOp.elseBlock()->getTerminator());
    emitStmt(s->getElse());
  }
}

void FunctionRaiser::emitReturn(const ReturnStmt *s) {
  mlir::Location l = loc(s);
  if (const StructInfo *info =
          fn->getReturnType()->isVoidType() ? nullptr : mod.types.structInfo(fn->getReturnType())) {
    // One value per field.
    StructValue sv = emitStructRValue(s->getRetValue());
    llvm::SmallVector<mlir::Value, 4> vals;
    for (unsigned k = 0; k < sv.leaves.size(); ++k) {
      mlir::Type t = info->leaves[k].scalar.type;
      if (sv.leaves[k].kind == LeafValue::Scalar)
        vals.push_back(sv.leaves[k].value);
      else
        vals.push_back(llvm::isa<mlir::FloatType>(t)
                           ? (mlir::Value)arith::ConstantOp::create(b, l, t, b.getFloatAttr(t, 0.0))
                           : constInt(t, 0, l));
    }
    if (!earlyReturns) {
      mlir::func::ReturnOp::create(b, l, vals);
      return;
    }
    for (unsigned k = 0; k < vals.size(); ++k)
      mlir::memref::StoreOp::create(b, l, vals[k], returnSlots[k]);
    storeFlag(returnFlag, true, l);
    return;
  }
  mlir::Value v;
  if (const Expr *e = s->getRetValue()) {
    v = emitRValue(e);
    if (fn->getReturnType()->isVoidType())
      v = {};
  }
  if (!earlyReturns) {
    if (v)
      mlir::func::ReturnOp::create(b, l, v);
    else
      mlir::func::ReturnOp::create(b, l);
    return;
  }
  if (v)
    storeScalar(v, returnSlot, l);
  storeFlag(returnFlag, true, l);
}
