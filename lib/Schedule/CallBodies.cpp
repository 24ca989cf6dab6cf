//===- CallBodies.cpp - A loop nest with its calls' bodies in place -------===//
//
// Legality checks (unfold's independence of the PEs) need every access a
// loop nest makes, also those inside the functions it calls. A call of
// `kernel(A, B, C, i, j)` whose body indexes C[i][j] is affine in the
// caller's loop variables once the callee's body stands in place of the
// call. copyWithCallBodies() builds such a copy, right after the nest, for
// the analysis only (the caller erases it; the design keeps its calls):
//
//   affine.for %i {                          affine.for %i {            (the copy)
//     %a = index_cast %i : index to i32  =>    affine.for %k { C[%i][%k] ... }
//     call @kernel(%C, %a)                   }
//   }
//
// In the callee, a scalar parameter reaches its accesses as
// `index_cast %p : i32 to index`; with the call's argument built from a
// caller's index (`index_cast %i : index to i32`, `i + 1`, `2 * i`), that
// becomes an affine.apply of the caller's index when the value provably
// fits in 32 bits (so the casts are exact). What remains non-affine makes
// the copy unusable, with the reason: a non-affine access, a loop bound or
// index computed from data, a recursive or external callee, a callee with
// several blocks. Locals of a callee are fresh in every call; callers tell
// them apart with isCallLocal().
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"

#include "llvm/ADT/SetVector.h"

#include <climits>

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

/// Marks the locals of inlined callees (fresh storage in every call).
constexpr llvm::StringLiteral kCallLocal = "allo.call_local";

/// The interval of an index value: loop variables with constant bounds,
/// constants, and sums/products of those; nullopt otherwise.
std::optional<std::pair<int64_t, int64_t>> indexRange(Value v, unsigned depth = 0) {
  if (depth > 8)
    return std::nullopt;
  if (auto c = v.getDefiningOp<arith::ConstantIndexOp>())
    return std::make_pair(c.value(), c.value());
  if (auto loop = affine::getForInductionVarOwner(v)) {
    if (!loop.hasConstantLowerBound() || !loop.hasConstantUpperBound())
      return std::nullopt;
    int64_t lo = loop.getConstantLowerBound(), hi = loop.getConstantUpperBound() - 1;
    if (hi < lo)
      return std::nullopt;
    return std::make_pair(lo, hi);
  }
  return std::nullopt;
}

bool fitsInt32(std::pair<int64_t, int64_t> r) {
  return r.first >= INT32_MIN && r.second <= INT32_MAX;
}

/// The value of an i32 computed from indices, as an affine expression of
/// them (operands appended to `ops`), with its range: casts of indices,
/// constants, +, -, * by a constant. Only when every intermediate value fits
/// in 32 bits, so that the i32 arithmetic is exact.
std::optional<std::pair<int64_t, int64_t>> affineOfI32(Value v, MLIRContext *ctx, AffineExpr &e,
                                                       llvm::SmallVectorImpl<Value> &ops,
                                                       unsigned depth = 0) {
  if (depth > 16)
    return std::nullopt;
  auto it = llvm::dyn_cast<IntegerType>(v.getType());
  if (!it || it.getWidth() != 32)
    return std::nullopt;
  Operation *d = v.getDefiningOp();
  if (!d)
    return std::nullopt;
  if (auto c = llvm::dyn_cast<arith::ConstantIntOp>(d)) {
    int64_t k = c.value();
    e = getAffineConstantExpr(k, ctx);
    return std::make_pair(k, k);
  }
  if (auto c = llvm::dyn_cast<arith::IndexCastOp>(d)) {
    std::optional<std::pair<int64_t, int64_t>> r = indexRange(c.getIn());
    if (!r || !fitsInt32(*r))
      return std::nullopt;
    e = getAffineDimExpr(ops.size(), ctx);
    ops.push_back(c.getIn());
    return r;
  }
  if (isa<arith::AddIOp, arith::SubIOp, arith::MulIOp>(d)) {
    AffineExpr a, b;
    auto ra = affineOfI32(d->getOperand(0), ctx, a, ops, depth + 1);
    if (!ra)
      return std::nullopt;
    auto rb = affineOfI32(d->getOperand(1), ctx, b, ops, depth + 1);
    if (!rb)
      return std::nullopt;
    std::pair<int64_t, int64_t> r;
    if (isa<arith::AddIOp>(d)) {
      e = a + b;
      r = {ra->first + rb->first, ra->second + rb->second};
    } else if (isa<arith::SubIOp>(d)) {
      e = a - b;
      r = {ra->first - rb->second, ra->second - rb->first};
    } else {
      // One side a constant (affine).
      std::optional<int64_t> k;
      if (ra->first == ra->second && llvm::isa<AffineConstantExpr>(a))
        k = ra->first, e = b * *k, r = *rb;
      else if (rb->first == rb->second && llvm::isa<AffineConstantExpr>(b))
        k = rb->first, e = a * *k, r = *ra;
      if (!k || std::abs(*k) > (1 << 20))
        return std::nullopt;
      r = *k >= 0 ? std::make_pair(r.first * *k, r.second * *k)
                  : std::make_pair(r.second * *k, r.first * *k);
    }
    if (!fitsInt32(r))
      return std::nullopt;
    return r;
  }
  return std::nullopt;
}

/// A valid operand of an affine map inside `root` (the copy): the variable
/// of an affine loop, a value defined outside `root`, or an affine.apply of
/// such values.
bool validAffineOperand(Value v, Operation *root, unsigned depth = 0) {
  if (depth > 32)
    return false;
  if (affine::getForInductionVarOwner(v))
    return true;
  Operation *d = v.getDefiningOp();
  if (!d) {
    auto ba = llvm::cast<BlockArgument>(v);
    return !root->isAncestor(ba.getOwner()->getParentOp());
  }
  if (!root->isAncestor(d))
    return true;
  if (auto apply = llvm::dyn_cast<affine::AffineApplyOp>(d))
    return llvm::all_of(apply.getMapOperands(),
                        [&](Value o) { return validAffineOperand(o, root, depth + 1); });
  if (isa<arith::ConstantIndexOp>(d))
    return true;
  return false;
}

struct Inliner {
  ModuleOp module;
  Operation *root;
  std::string &why;
  Operation *&where;
  llvm::SmallVector<Operation *, 4> stack; ///< callees being inlined (recursion)

  LogicalResult inlineCalls(Operation *scope) {
    llvm::SmallVector<func::CallOp, 4> calls;
    scope->walk([&](func::CallOp c) { calls.push_back(c); });
    for (func::CallOp call : calls)
      if (failed(inlineCall(call)))
        return failure();
    return success();
  }

  LogicalResult inlineCall(func::CallOp call) {
    auto callee = module.lookupSymbol<func::FuncOp>(call.getCallee());
    if (!callee || callee.isExternal()) {
      why = "it calls '" + call.getCallee().str() + "', whose body is not available";
      where = call;
      return failure();
    }
    if (llvm::is_contained(stack, callee.getOperation()) || stack.size() > 16) {
      why = "it calls '" + call.getCallee().str() + "' recursively";
      where = call;
      return failure();
    }
    if (!callee.getBody().hasOneBlock()) {
      why = "the body of '" + call.getCallee().str() + "' is not one block of structured code";
      where = callee;
      return failure();
    }
    OpBuilder b(call);
    IRMapping map;
    Block &body = callee.getBody().front();
    for (auto [arg, operand] : llvm::zip(body.getArguments(), call.getOperands()))
      map.map(arg, operand);
    llvm::SmallVector<Operation *, 16> cloned;
    for (Operation &op : body.without_terminator()) {
      Operation *c = b.clone(op, map);
      if (isa<memref::AllocaOp>(c))
        c->setAttr(kCallLocal, b.getUnitAttr());
      cloned.push_back(c);
    }
    for (auto [res, ret] : llvm::zip(call.getResults(), body.getTerminator()->getOperands()))
      res.replaceAllUsesWith(map.lookupOrDefault(ret));
    call.erase();
    stack.push_back(callee);
    for (Operation *c : cloned)
      if (failed(inlineCalls(c)))
        return failure();
    stack.pop_back();
    return success();
  }
};

} // namespace

bool sched::isCallLocal(Value memref) {
  Operation *d = memref.getDefiningOp();
  return d && d->hasAttr(kCallLocal);
}

affine::AffineForOp sched::copyWithCallBodies(affine::AffineForOp nest, std::string &why,
                                              Operation *&where) {
  OpBuilder b(nest->getContext());
  b.setInsertionPointAfter(nest);
  auto copy = llvm::cast<affine::AffineForOp>(b.clone(*nest));
  Inliner inl{nest->getParentOfType<ModuleOp>(), copy, why, where, {}};
  if (failed(inl.inlineCalls(copy))) {
    copy.erase();
    return nullptr;
  }

  // A callee's `index_cast %p : i32 to index` of an argument computed from
  // the caller's indices: that index expression.
  llvm::SmallVector<arith::IndexCastOp, 8> casts;
  copy.walk([&](arith::IndexCastOp c) {
    if (c.getType().isIndex())
      casts.push_back(c);
  });
  for (arith::IndexCastOp c : casts) {
    Value in = c.getIn();
    if (!copy->isAncestor(in.getParentBlock()->getParentOp())) {
      // A value from outside the nest (a parameter of the caller): the cast
      // is invariant in the nest, a symbol.
      OpBuilder hb(nest);
      auto hoisted = arith::IndexCastOp::create(hb, c.getLoc(), c.getType(), in);
      hoisted->setAttr(kCallLocal, hb.getUnitAttr());
      c.getResult().replaceAllUsesWith(hoisted.getResult());
      continue;
    }
    AffineExpr e;
    llvm::SmallVector<Value, 4> ops;
    if (!affineOfI32(in, c.getContext(), e, ops))
      continue;
    OpBuilder cb(c);
    auto apply =
        affine::AffineApplyOp::create(cb, c.getLoc(), AffineMap::get(ops.size(), 0, e), ops);
    c.getResult().replaceAllUsesWith(apply.getResult());
  }

  // Every access and loop bound must now be affine in loop variables and
  // values from outside the nest; a get_global of one symbol is one array.
  // Every get_global the copy uses (in it, or before it), by symbol.
  llvm::StringMap<Value> globals;
  llvm::SetVector<Operation *> gets;
  copy.walk([&](Operation *op) {
    for (Value v : op->getOperands())
      if (auto g = v.getDefiningOp<memref::GetGlobalOp>())
        gets.insert(g);
  });
  for (Operation *op : gets) {
    auto g = llvm::cast<memref::GetGlobalOp>(op);
    auto [it, fresh] = globals.try_emplace(g.getName(), Value());
    if (fresh) {
      OpBuilder gb(nest);
      it->second =
          memref::GetGlobalOp::create(gb, g.getLoc(), g.getType(), g.getName()).getResult();
      it->second.getDefiningOp()->setAttr(kCallLocal, gb.getUnitAttr());
    }
    g.getResult().replaceUsesWithIf(it->second,
                                    [&](OpOperand &u) { return copy->isAncestor(u.getOwner()); });
    if (copy->isAncestor(g) && g->use_empty())
      g->erase();
  }
  WalkResult r = copy.walk([&](Operation *op) {
    ValueRange operands;
    if (auto ld = llvm::dyn_cast<affine::AffineLoadOp>(op))
      operands = ld.getMapOperands();
    else if (auto st = llvm::dyn_cast<affine::AffineStoreOp>(op))
      operands = st.getMapOperands();
    else if (auto f = llvm::dyn_cast<affine::AffineForOp>(op))
      operands = f.getControlOperands();
    else if (isa<memref::LoadOp, memref::StoreOp>(op)) {
      why = "an access in a called function is not affine";
      where = op;
      return WalkResult::interrupt();
    }
    for (Value v : operands)
      if (!validAffineOperand(v, copy)) {
        why = "an index or loop bound in a called function is computed from data, not from the "
              "caller's loop variables and parameters";
        where = op;
        return WalkResult::interrupt();
      }
    return WalkResult::advance();
  });
  if (r.wasInterrupted()) {
    eraseCopyWithCallBodies(copy);
    return nullptr;
  }
  return copy;
}

void sched::eraseCopyWithCallBodies(affine::AffineForOp copy) {
  // The values hoisted before the nest for the copy (casts, get_globals).
  llvm::SetVector<Operation *> hoisted;
  copy.walk([&](Operation *op) {
    for (Value v : op->getOperands())
      if (Operation *d = v.getDefiningOp(); d && !copy->isAncestor(d) && d->hasAttr(kCallLocal))
        hoisted.insert(d);
  });
  copy.erase();
  for (Operation *h : hoisted)
    if (h->use_empty())
      h->erase();
}
