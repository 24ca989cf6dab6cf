//===- RaiseStream.cpp - hls::stream / allo::stream -----------------------===//
//
// A stream variable becomes one `allo.stream_create` at the function entry
// (its depth from [[allo::stream(depth=N)]], the DEPTH template argument of
// hls::stream<T, DEPTH>, or `#pragma HLS stream variable=s depth=N`; 2, the
// Vitis default, otherwise); a stream parameter (taken by reference) becomes
// an argument of type !allo.stream<T>. The member functions map to ops:
//
//   s.read(), s.read(x), s >> x, s.get()        allo.stream_read
//   s.write(v), s << v, s.put(v)                allo.stream_write
//   s.empty()                                   allo.stream_empty
//
// Values are converted between the stream's element type and the C++ type of
// the other operand exactly as the member function's parameter would.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloOps.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;

void FunctionRaiser::emitStreamDecl(const VarDecl *vd, const StreamInfo &info) {
  mlir::Location l = loc(vd->getLocation());
  if (vd->isStaticLocal())
    fail(vd->getLocation(), "unsupported: static stream '" + vd->getName() +
                                "' (declare it in the dataflow function that connects the "
                                "kernels, or pass it by reference)");
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
  auto type = StreamType::get(&mod.ctx, info.element.type);
  auto op = StreamCreateOp::create(b, l, type, b.getI64IntegerAttr(depth));
  lastAlloca = op;
  op->setAttr(AlloDialect::kName, b.getStringAttr(vd->getName()));
  op->setAttr(AlloDialect::kCType, b.getStringAttr(mod.spell(info.elementType)));
  Binding bind;
  bind.kind = Binding::SSA;
  bind.value = op;
  bind.type = vd->getType();
  vars[vd] = bind;
}

mlir::Value FunctionRaiser::streamValue(const Expr *e) {
  const Expr *s = e->IgnoreParenImpCasts();
  if (auto *dr = dyn_cast<DeclRefExpr>(s))
    if (auto *vd = dyn_cast<VarDecl>(dr->getDecl())) {
      auto it = vars.find(vd);
      if (it != vars.end() && it->second.value &&
          llvm::isa<StreamType>(it->second.value.getType()))
        return it->second.value;
    }
  unsupported(e, "stream expression (name a stream variable or parameter directly)");
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
    if (oc->getNumArgs() != 2 || (oc->getOperator() != OO_GreaterGreater &&
                                  oc->getOperator() != OO_LessLess))
      return false;
    object = oc->getArg(0);
    op = oc->getOperator() == OO_GreaterGreater ? ">>" : "<<";
    args.push_back(oc->getArg(1));
  } else {
    return false;
  }
  auto info = mod.types.stream(object->getType());
  if (!info)
    return false;
  mlir::Location l = loc(e);
  mlir::Value s = streamValue(object);
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
  if (op == "empty" && args.empty()) {
    result = StreamEmptyOp::create(b, l, b.getI1Type(), s);
    return true;
  }
  unsupported(e, "stream operation '" + llvm::Twine(op) +
                     "' (supported: read, write, empty, get, put, >> and <<; non-blocking "
                     "read_nb/write_nb and full/size are not raised)");
}
