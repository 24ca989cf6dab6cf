//===- ScalarPrivatization.cpp - Scalars private to loop iterations -------===//
//
// See ScalarPrivatization.h. Structured control flow only (the frontend
// emits nothing else): a sequence of operations reads the scalar "exposed"
// (before writing it) if some operation does so before one that certainly
// writes it; an `if` writes it certainly only if both branches do, a loop
// only if its body does and it provably runs at least once.
//
//===----------------------------------------------------------------------===//
#include "ScalarPrivatization.h"

#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {
/// The memref a load or store accesses, null for any other operation.
Value accessedMemref(Operation *op) {
  if (auto l = llvm::dyn_cast<affine::AffineLoadOp>(op))
    return l.getMemRef();
  if (auto s = llvm::dyn_cast<affine::AffineStoreOp>(op))
    return s.getMemRef();
  if (auto l = llvm::dyn_cast<memref::LoadOp>(op))
    return l.getMemRef();
  if (auto s = llvm::dyn_cast<memref::StoreOp>(op))
    return s.getMemRef();
  return {};
}

bool isRead(Operation *op) { return isa<affine::AffineLoadOp, memref::LoadOp>(op); }
bool isWrite(Operation *op) { return isa<affine::AffineStoreOp, memref::StoreOp>(op); }

/// The loop certainly runs at least once (constant bounds).
bool runsAtLeastOnce(Operation *loop) {
  if (auto f = llvm::dyn_cast<affine::AffineForOp>(loop)) {
    std::optional<uint64_t> trips = affine::getConstantTripCount(f);
    return trips && *trips > 0;
  }
  if (auto f = llvm::dyn_cast<scf::ForOp>(loop)) {
    auto lb = getConstantIntValue(f.getLowerBound()), ub = getConstantIntValue(f.getUpperBound());
    return lb && ub && *lb < *ub;
  }
  return false;
}

bool isCountedLoop(Operation *op) { return isa<affine::AffineForOp, scf::ForOp>(op); }
} // namespace

bool sched::isScalarVariable(Value memref) {
  auto alloca = memref.getDefiningOp<memref::AllocaOp>();
  if (!alloca || alloca.getType().getRank() != 0)
    return false;
  for (OpOperand &use : memref.getUses()) {
    Operation *u = use.getOwner();
    if (accessedMemref(u) != memref || (isWrite(u) && use.getOperandNumber() == 0))
      return false;
  }
  return true;
}

ScalarUses::ScalarUses(Value scalar) : scalar(scalar) {
  for (Operation *user : scalar.getUsers())
    for (Operation *o = user; o && !isa<func::FuncOp>(o); o = o->getParentOp()) {
      if (!holders.insert(o).second)
        break; // its ancestors are in already
      byBlock[o->getBlock()].push_back(o);
    }
  for (auto &[block, ops] : byBlock)
    llvm::sort(ops, [](Operation *a, Operation *b) { return a->isBeforeInBlock(b); });
}

llvm::ArrayRef<Operation *> ScalarUses::relevant(Block *block) {
  auto it = byBlock.find(block);
  if (it == byBlock.end())
    return {};
  return it->second;
}

bool ScalarUses::exposedFrom(Block *block, Operation *from) {
  for (Operation *op : relevant(block)) {
    if (from && !from->isBeforeInBlock(op))
      continue;
    if (exposed(op))
      return true;
    if (mustWrite(op))
      return false;
  }
  return false;
}

bool ScalarUses::mustWriteIn(Block *block) {
  return llvm::any_of(relevant(block), [&](Operation *op) { return mustWrite(op); });
}

bool ScalarUses::exposed(Operation *op) {
  if (!holders.contains(op))
    return false;
  auto it = exposedCache.find(op);
  if (it != exposedCache.end())
    return it->second;
  bool r;
  if (accessedMemref(op) == scalar) {
    r = isRead(op);
  } else if (isCountedLoop(op)) {
    // One iteration; later ones see what earlier ones wrote.
    r = exposedFrom(&op->getRegion(0).front(), nullptr);
  } else if (auto ifOp = llvm::dyn_cast<affine::AffineIfOp>(op)) {
    r = exposedFrom(ifOp.getThenBlock(), nullptr) ||
        (ifOp.hasElse() && exposedFrom(ifOp.getElseBlock(), nullptr));
  } else if (auto ifOp = llvm::dyn_cast<scf::IfOp>(op)) {
    r = exposedFrom(ifOp.thenBlock(), nullptr) ||
        (ifOp.elseBlock() && exposedFrom(ifOp.elseBlock(), nullptr));
  } else if (auto w = llvm::dyn_cast<scf::WhileOp>(op)) {
    Block *before = &w.getBefore().front(), *after = &w.getAfter().front();
    r = exposedFrom(before, nullptr) || (!mustWriteIn(before) && exposedFrom(after, nullptr));
  } else {
    r = true; // anything else that holds a use: assume the worst
  }
  exposedCache[op] = r;
  return r;
}

bool ScalarUses::mustWrite(Operation *op) {
  if (!holders.contains(op))
    return false;
  auto it = mustWriteCache.find(op);
  if (it != mustWriteCache.end())
    return it->second;
  bool r = false;
  if (accessedMemref(op) == scalar) {
    r = isWrite(op);
  } else if (isCountedLoop(op)) {
    r = runsAtLeastOnce(op) && mustWriteIn(&op->getRegion(0).front());
  } else if (auto ifOp = llvm::dyn_cast<affine::AffineIfOp>(op)) {
    r = ifOp.hasElse() && mustWriteIn(ifOp.getThenBlock()) && mustWriteIn(ifOp.getElseBlock());
  } else if (auto ifOp = llvm::dyn_cast<scf::IfOp>(op)) {
    r = ifOp.elseBlock() && mustWriteIn(ifOp.thenBlock()) && mustWriteIn(ifOp.elseBlock());
  } else if (auto w = llvm::dyn_cast<scf::WhileOp>(op)) {
    r = mustWriteIn(&w.getBefore().front());
  }
  mustWriteCache[op] = r;
  return r;
}

bool ScalarUses::liveAfter(Operation *op) {
  for (Operation *cur = op;;) {
    Block *block = cur->getBlock();
    if (!block)
      return false;
    // The rest of this block.
    for (Operation *next : relevant(block)) {
      if (!cur->isBeforeInBlock(next))
        continue;
      if (exposed(next))
        return true;
      if (mustWrite(next))
        return false;
    }
    Operation *parent = block->getParentOp();
    if (!parent || isa<func::FuncOp>(parent))
      return false; // the end of the function: a local is dead
    // A loop around starts its next iteration from the top of its body.
    if (isCountedLoop(parent) && exposedFrom(&parent->getRegion(0).front(), nullptr))
      return true;
    if (auto w = llvm::dyn_cast<scf::WhileOp>(parent))
      if (exposedFrom(&w.getBefore().front(), nullptr) ||
          exposedFrom(&w.getAfter().front(), nullptr))
        return true;
    if (!isCountedLoop(parent) && !isa<scf::WhileOp, affine::AffineIfOp, scf::IfOp>(parent))
      return true; // an unknown region: assume the worst
    cur = parent;
  }
}

bool ScalarUses::privateTo(Operation *loop) {
  if (!isCountedLoop(loop))
    return false;
  return !exposedFrom(&loop->getRegion(0).front(), nullptr) && !liveAfter(loop);
}

bool sched::isPrivateTo(Value scalar, Operation *loop) {
  return isScalarVariable(scalar) && ScalarUses(scalar).privateTo(loop);
}

llvm::SmallVector<Value, 4> sched::privateScalarsOf(Operation *loop) {
  llvm::SmallVector<Value, 4> scalars, out;
  llvm::DenseSet<Value> seen;
  loop->walk([&](Operation *op) {
    Value m = accessedMemref(op);
    if (m && seen.insert(m).second && isScalarVariable(m))
      scalars.push_back(m);
  });
  for (Value m : scalars)
    if (ScalarUses(m).privateTo(loop))
      out.push_back(m);
  return out;
}
