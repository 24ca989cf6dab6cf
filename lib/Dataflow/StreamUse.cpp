//===- StreamUse.cpp - Which way a process uses a stream -------------------===//

#include "StreamUse.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

using namespace mlir;
using namespace allo;
using namespace allo::dataflow;

std::optional<int64_t> allo::dataflow::staticMultiplicity(Operation *op, Operation *stop) {
  int64_t n = 1;
  for (Operation *p = op->getParentOp(); p && p != stop; p = p->getParentOp()) {
    if (auto f = dyn_cast<affine::AffineForOp>(p)) {
      std::optional<uint64_t> t = affine::getConstantTripCount(f);
      if (!t)
        return std::nullopt;
      n *= (int64_t)*t;
    } else if (isa<func::FuncOp>(p)) {
      break;
    } else if (!isa<StreamWriteLockOp, StreamReadLockOp>(p)) {
      return std::nullopt; // a condition, a while loop, a loop of run-time bounds
    }
  }
  return n;
}

static void add(std::optional<int64_t> &acc, std::optional<int64_t> n) {
  acc = acc && n ? std::optional<int64_t>(*acc + *n) : std::nullopt;
}

StreamUse StreamUseAnalysis::value(Value s) {
  StreamUse u(s.getLoc());
  Operation *scope = s.getParentRegion()->getParentOp();
  for (OpOperand &use : s.getUses()) {
    Operation *user = use.getOwner();
    auto mult = [&] { return staticMultiplicity(user, scope); };
    if (isa<StreamWriteOp, StreamWriteLockOp>(user)) {
      if (!u.writes)
        u.writeLoc = user->getLoc();
      u.writes = true;
      add(u.writeCount, mult());
    } else if (isa<StreamReadOp, StreamReadLockOp>(user)) {
      if (!u.reads)
        u.readLoc = user->getLoc();
      u.reads = true;
      add(u.readCount, mult());
    } else if (isa<StreamEmptyOp>(user)) {
      // empty() alone moves nothing; it makes the counts data dependent.
      u.readCount = std::nullopt;
    } else if (auto call = dyn_cast<func::CallOp>(user)) {
      auto callee = symbols.lookupNearestSymbolFrom<func::FuncOp>(call, call.getCalleeAttr());
      if (!callee || callee.isExternal()) {
        u.reads = u.writes = true;
        u.readCount = u.writeCount = std::nullopt;
        continue;
      }
      const StreamUse &c = argument(callee, use.getOperandNumber());
      std::optional<int64_t> m = mult();
      auto scaled = [&](std::optional<int64_t> x) {
        return x && m ? std::optional<int64_t>(*x * *m) : std::nullopt;
      };
      if (c.writes) {
        if (!u.writes)
          u.writeLoc = c.writeLoc;
        u.writes = true;
      }
      if (c.reads) {
        if (!u.reads)
          u.readLoc = c.readLoc;
        u.reads = true;
      }
      add(u.writeCount, scaled(c.writeCount));
      add(u.readCount, scaled(c.readCount));
    } else {
      // Stored, selected, or an operation this analysis does not know.
      u.reads = u.writes = true;
      u.readCount = u.writeCount = std::nullopt;
    }
  }
  return u;
}

const StreamUse &StreamUseAnalysis::argument(func::FuncOp f, unsigned arg) {
  auto key = std::make_pair(f.getOperation(), arg);
  auto it = memo.find(key);
  if (it != memo.end())
    return it->second;
  if (inProgress.lookup(key)) {
    // Recursion is rejected by the frontend; be conservative anyway.
    StreamUse u(f.getLoc());
    u.reads = u.writes = true;
    u.readCount = u.writeCount = std::nullopt;
    return memo.try_emplace(key, u).first->second;
  }
  inProgress[key] = true;
  StreamUse u = value(f.getArgument(arg));
  inProgress.erase(key);
  return memo.try_emplace(key, u).first->second;
}
