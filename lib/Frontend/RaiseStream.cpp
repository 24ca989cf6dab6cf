//===- RaiseStream.cpp - hls::stream / allo::stream / stream_of_blocks ----===//
//
// A stream variable becomes one `allo.stream_create` at the function entry
// (its depth from [[allo::stream(depth=N)]], the DEPTH template argument of
// hls::stream<T, DEPTH>, or `#pragma HLS stream variable=s depth=N`; 2, the
// Vitis default, otherwise); a stream parameter (taken by reference) becomes
// an argument of type !allo.stream<T>. An array of streams
// (`hls::stream<T> s[4][2]`, a local or a parameter) is a
// memref<4x2x!allo.stream<T>>, created by one allo.stream_create; `s[i][j]`
// loads the handle of one FIFO (affine.load when the indices are affine).
// The member functions map to ops:
//
//   s.read(), s.read(x), s >> x, s.get()        allo.stream_read
//   s.write(v), s << v, s.put(v)                allo.stream_write
//   s.empty()                                   allo.stream_empty
//
// Values are converted between the stream's element type and the C++ type of
// the other operand exactly as the member function's parameter would.
//
// hls::stream_of_blocks<B, D> (B a fixed-size array) is a stream of blocks,
// !allo.stream<memref<B>>. Its blocks are reached through locks: the
// declaration `hls::write_lock<B> b(s);` (or read_lock) and the statements
// that follow it in the same block -- the lock's scope, up to the closing
// brace where C++ destroys it -- become an allo.stream_write_lock (or
// allo.stream_read_lock) whose body receives the block as a memref: `b[i]`,
// `b[i][j]` and passing `b` to a function taking `T x[N]` access it.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloOps.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;

void FunctionRaiser::emitStreamDecl(const VarDecl *vd, const StreamInfo &info,
                                    llvm::ArrayRef<int64_t> shape) {
  mlir::Location l = loc(vd->getLocation());
  int64_t depth = info.depth > 0 ? info.depth : 2;
  for (const AlloAnnotation &a : getAlloAnnotations(vd)) {
    if (llvm::StringRef(a.spec->name) != "stream")
      continue;
    auto ev = evaluateAnnotation(a, fn, ast);
    if (!ev)
      throw RaiseError();
    if (auto d = ev->getInt("depth"))
      depth = *d;
  }
  mlir::OpBuilder::InsertionGuard guard(b);
  if (lastAlloca)
    b.setInsertionPointAfter(lastAlloca);
  else
    b.setInsertionPointToStart(entry);
  auto st = StreamType::get(&mod.ctx, info.mlirElement());
  mlir::Type type = st;
  if (!shape.empty())
    type = mlir::MemRefType::get(shape, st);
  auto op = StreamCreateOp::create(b, l, type, b.getI64IntegerAttr(depth));
  lastAlloca = op;
  op->setAttr(AlloDialect::kName, b.getStringAttr(vd->getName()));
  // A static stream (the Vitis examples' `static hls::stream<T> s;` in a
  // dataflow top) is created once and keeps its contents across calls.
  if (vd->isStaticLocal())
    op->setAttr(AlloDialect::kStaticLocal, b.getUnitAttr());
  op->setAttr(AlloDialect::kCType, b.getStringAttr(mod.spellStreamElement(info)));
  if (info.depth > 0)
    op->setAttr(AlloDialect::kTypeDepth, b.getI64IntegerAttr(info.depth));
  // A stream of fixed-point values carries their raw bits (as arrays do).
  if (!info.block && info.element.fixedScale >= 0)
    op->setAttr(AlloDialect::kFixedScale, b.getI64IntegerAttr(info.element.fixedScale));
  Binding bind;
  bind.kind = shape.empty() ? Binding::SSA : Binding::Memory;
  bind.value = op.getResult();
  bind.type = vd->getType();
  vars[vd] = bind;
}

namespace {
/// The stream array a subscript chain `s[i][j]` starts from (null if none).
const Expr *subscriptBase(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  while (auto *a = dyn_cast<ArraySubscriptExpr>(e))
    e = a->getBase()->IgnoreParenImpCasts();
  return e;
}

/// hls::write_lock (1) / hls::read_lock (2) / neither (0).
int lockKind(QualType t) {
  if (hlsClassTemplate(t, "write_lock"))
    return 1;
  if (hlsClassTemplate(t, "read_lock"))
    return 2;
  return 0;
}
} // namespace

mlir::Value FunctionRaiser::streamValue(const Expr *e) {
  const Expr *s = e->IgnoreParenImpCasts();
  if (auto *dr = dyn_cast<DeclRefExpr>(s))
    if (auto *vd = dyn_cast<VarDecl>(dr->getDecl())) {
      auto it = vars.find(vd);
      if (it != vars.end() && it->second.value && llvm::isa<StreamType>(it->second.value.getType()))
        return it->second.value;
    }
  if (isa<ArraySubscriptExpr>(s)) {
    // An element of a stream array: its handle, loaded from the memref.
    if (auto *dr = dyn_cast<DeclRefExpr>(subscriptBase(s)))
      if (auto *vd = dyn_cast<VarDecl>(dr->getDecl())) {
        auto it = vars.find(vd);
        auto mt = it != vars.end() && it->second.value
                      ? llvm::dyn_cast<mlir::MemRefType>(it->second.value.getType())
                      : mlir::MemRefType();
        if (mt && llvm::isa<StreamType>(mt.getElementType()))
          return load(emitLValue(s), loc(s));
      }
  }
  unsupported(e, "stream expression (name a stream variable or parameter, or an element of a "
                 "stream array, directly)");
}

bool FunctionRaiser::tryEmitStreamCall(const CallExpr *e, mlir::Value &result) {
  const Expr *object = nullptr;
  llvm::SmallVector<const Expr *, 2> args;
  std::string op;
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(e)) {
    object = mc->getImplicitObjectArgument();
    if (auto *m = mc->getMethodDecl())
      op = m->getNameAsString();
    args.append(mc->arg_begin(), mc->arg_end());
  } else if (auto *oc = dyn_cast<CXXOperatorCallExpr>(e)) {
    if (oc->getNumArgs() != 2 ||
        (oc->getOperator() != OO_GreaterGreater && oc->getOperator() != OO_LessLess))
      return false;
    object = oc->getArg(0);
    op = oc->getOperator() == OO_GreaterGreater ? ">>" : "<<";
    args.push_back(oc->getArg(1));
  } else {
    return false;
  }
  // The object's own type (hls::stream<T, 8>, stream_of_blocks<B>), not the
  // base class the member function is declared in.
  auto info = mod.types.stream(object->IgnoreParenImpCasts()->getType());
  if (!info)
    info = mod.types.stream(object->getType());
  if (!info)
    return false;
  mlir::Location l = loc(e);
  mlir::Value s = streamValue(object);
  if (op == "empty" && args.empty()) {
    result = StreamEmptyOp::create(b, l, b.getI1Type(), s);
    return true;
  }
  if (info->block)
    unsupported(e, "stream_of_blocks operation '" + llvm::Twine(op) +
                       "' (blocks are written and read through hls::write_lock / "
                       "hls::read_lock; empty() is raised)");
  if ((op == "read" || op == "get") && args.empty()) {
    result = StreamReadOp::create(b, l, info->element.type, s);
    return true;
  }
  if (op == "read" || op == ">>") {
    if (args.size() != 1)
      unsupported(e, "stream read with " + llvm::Twine(args.size()) + " arguments");
    mlir::Value v = StreamReadOp::create(b, l, info->element.type, s);
    LValue target = emitLValue(args[0]);
    store(target, convert(v, info->elementType, args[0]->getType(), l), l);
    return true;
  }
  if (op == "write" || op == "put" || op == "<<") {
    if (args.size() != 1)
      unsupported(e, "stream write with " + llvm::Twine(args.size()) + " arguments");
    mlir::Value v = emitRValue(args[0]);
    StreamWriteOp::create(b, l, s, convert(v, args[0]->getType(), info->elementType, l));
    return true;
  }
  unsupported(e, "stream operation '" + llvm::Twine(op) +
                     "' (supported: read, write, empty, get, put, >> and <<; non-blocking "
                     "read_nb/write_nb and full/size are not raised)");
}

bool FunctionRaiser::tryEmitLockScope(llvm::ArrayRef<const Stmt *> stmts) {
  auto *ds = stmts.empty() ? nullptr : dyn_cast<DeclStmt>(stmts.front());
  if (!ds || !ds->isSingleDecl())
    return false;
  auto *vd = dyn_cast<VarDecl>(ds->getSingleDecl());
  int kind = vd ? lockKind(vd->getType()) : 0;
  if (!kind)
    return false;
  mlir::Location l = loc(vd->getLocation());
  const Expr *init = vd->getInit();
  if (init)
    if (auto *ewc = dyn_cast<ExprWithCleanups>(init))
      init = ewc->getSubExpr();
  auto *ce = init ? dyn_cast<CXXConstructExpr>(init->IgnoreParens()) : nullptr;
  if (!ce || ce->getNumArgs() != 1)
    fail(vd->getLocation(), "unsupported: lock '" + vd->getName() +
                                "' must be constructed from a stream of blocks, as in "
                                "'hls::write_lock<B> " +
                                vd->getName() + "(s);'");
  mlir::Value s = streamValue(ce->getArg(0));
  auto st = llvm::cast<StreamType>(s.getType());
  if (!st.getBlockType())
    fail(vd->getLocation(), "lock '" + vd->getName() + "' needs a stream_of_blocks");
  mlir::Operation *op;
  if (kind == 1)
    op = StreamWriteLockOp::create(b, l, s);
  else
    op = StreamReadLockOp::create(b, l, s);
  auto *body = new mlir::Block();
  op->getRegion(0).push_back(body);
  mlir::Value block = body->addArgument(st.getBlockType(), l);
  auto info = mod.types.stream(ce->getArg(0)->IgnoreParenImpCasts()->getType());
  op->setAttr(AlloDialect::kName, b.getStringAttr(vd->getName()));
  if (info) {
    op->setAttr(AlloDialect::kCType, b.getStringAttr(mod.spellStreamElement(*info)));
    if (!info->element.isSigned && !info->element.isBool && !info->element.isFloat)
      op->setAttr(AlloDialect::kUnsigned, b.getUnitAttr());
    if (info->element.fixedScale >= 0)
      op->setAttr(AlloDialect::kFixedScale, b.getI64IntegerAttr(info->element.fixedScale));
  }
  mlir::OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToEnd(body);
  auto end = LockEndOp::create(b, loc(stmts.back()->getEndLoc()));
  Binding bind;
  bind.kind = Binding::Memory;
  bind.value = block;
  bind.type = info ? info->elementType : vd->getType();
  vars[vd] = bind;
  b.setInsertionPoint(end);
  // The lock's scope: the rest of the enclosing block.
  emitCompound(stmts.drop_front());
  return true;
}

mlir::Value FunctionRaiser::lockBlock(const Expr *e) {
  e = e->IgnoreParenImpCasts();
  // `b` converted to B& (operator B&(), get()): the lock object itself.
  if (auto *mc = dyn_cast<CXXMemberCallExpr>(e))
    if (lockKind(mc->getImplicitObjectArgument()->getType()) &&
        (isa_and_nonnull<CXXConversionDecl>(mc->getMethodDecl()) ||
         (mc->getMethodDecl() && mc->getMethodDecl()->getIdentifier() &&
          mc->getMethodDecl()->getName() == "get" && mc->getNumArgs() == 0)))
      e = mc->getImplicitObjectArgument()->IgnoreParenImpCasts();
  auto *dr = dyn_cast<DeclRefExpr>(e);
  auto *vd = dr ? dyn_cast<VarDecl>(dr->getDecl()) : nullptr;
  if (!vd || !lockKind(vd->getType()))
    return {};
  auto it = vars.find(vd);
  return it == vars.end() ? mlir::Value() : it->second.value;
}
