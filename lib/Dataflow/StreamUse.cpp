//===- StreamUse.cpp - Which way a process uses a stream -------------------===//

#include "StreamUse.h"
#include "allo/Dataflow/Dataflow.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "allo/Dialect/Allo/AlloDialect.h"
#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Matchers.h"

#include <map>

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

std::string allo::processName(func::CallOp c, func::FuncOp callee, bool quote) {
  auto of = callee ? callee->getAttrOfType<StringAttr>(AlloDialect::kPEOf) : StringAttr();
  std::string q = quote ? "'" : "";
  std::string s = q + (of ? of.getValue() : c.getCallee()).str();
  auto coords = c->getAttrOfType<DenseI64ArrayAttr>(AlloDialect::kPEIndex);
  if (!coords && callee && !callee.isExternal()) {
    // A shared function without PE coordinates (a loader of a relayed
    // grid): its instances differ in their template arguments.
    std::string targs;
    for (unsigned i = 0; i < callee.getNumArguments() && i < c.getNumOperands(); ++i)
      if (callee.getArgAttr(i, AlloDialect::kTemplateParam)) {
        APInt v;
        targs += targs.empty() ? "<" : ", ";
        targs += matchPattern(c.getOperand(i), m_ConstantInt(&v)) ? std::to_string(v.getSExtValue())
                                                                  : std::string("?");
      }
    if (!targs.empty())
      s += targs + ">";
  }
  s += q;
  if (coords) {
    s += " PE (";
    for (auto [d, v] : llvm::enumerate(coords.asArrayRef()))
      s += (d ? "," : "") + std::to_string(v);
    s += ")";
  }
  return s;
}

std::string allo::dataflow::processName(func::CallOp c) {
  return allo::processName(
      c, c->getParentOfType<ModuleOp>().lookupSymbol<func::FuncOp>(c.getCalleeAttr()));
}

std::string allo::dataflow::channelName(const ChannelInfo &ch) {
  std::string n = "stream";
  Operation *def = ch.root.getDefiningOp();
  if (auto a = def ? def->getAttrOfType<StringAttr>(AlloDialect::kName) : StringAttr())
    n = a.getValue().str();
  else if (auto b = dyn_cast<BlockArgument>(ch.root))
    if (auto f = dyn_cast<func::FuncOp>(b.getOwner()->getParentOp()))
      if (auto a = f.getArgAttrOfType<StringAttr>(b.getArgNumber(), AlloDialect::kName))
        n = a.getValue().str();
  if (ch.element >= 0) {
    auto shape = cast<MemRefType>(ch.root.getType()).getShape();
    SmallVector<int64_t> idx(shape.size());
    int64_t l = ch.element;
    for (int d = (int)shape.size() - 1; d >= 0; --d) {
      idx[d] = l % shape[d];
      l /= shape[d];
    }
    for (int64_t i : idx)
      n += "[" + std::to_string(i) + "]";
  }
  return n;
}

/// The channel a stream operand of a process is: a stream, or a constant
/// element of a stream array.
static std::optional<std::pair<Value, int64_t>> channelOf(Value s) {
  if (auto l = s.getDefiningOp<affine::AffineLoadOp>()) {
    AffineMap m = l.getAffineMap();
    if (!m.isConstant() || !l.getMapOperands().empty())
      return std::nullopt;
    auto shape = l.getMemRefType().getShape();
    int64_t linear = 0;
    for (auto [d, e] : llvm::enumerate(m.getConstantResults()))
      linear = linear * shape[d] + e;
    return std::make_pair(l.getMemRef(), linear);
  }
  if (auto l = s.getDefiningOp<memref::LoadOp>()) {
    auto shape = l.getMemRefType().getShape();
    int64_t linear = 0;
    for (auto [d, i] : llvm::enumerate(l.getIndices())) {
      APInt c;
      if (!matchPattern(i, m_ConstantInt(&c)))
        return std::nullopt;
      linear = linear * shape[d] + c.getSExtValue();
    }
    return std::make_pair(l.getMemRef(), linear);
  }
  return std::make_pair(s, (int64_t)-1);
}

RegionChannels allo::dataflow::collectChannels(func::FuncOp region, StreamUseAnalysis &uses) {
  RegionChannels rc;
  std::map<std::pair<void *, int64_t>, size_t> index;
  ModuleOp module = region->getParentOfType<ModuleOp>();
  for (auto call : region.getBody().front().getOps<func::CallOp>()) {
    auto callee = module.lookupSymbol<func::FuncOp>(call.getCalleeAttr());
    if (!callee || callee.isExternal())
      continue;
    for (auto [i, v] : llvm::enumerate(call.getOperands())) {
      if (auto m = dyn_cast<MemRefType>(v.getType()); m && isa<StreamType>(m.getElementType())) {
        rc.wholeArrays.insert(v);
        continue;
      }
      if (!isa<StreamType>(v.getType()))
        continue;
      std::optional<std::pair<Value, int64_t>> ch = channelOf(v);
      if (!ch)
        continue;
      auto key = std::make_pair(ch->first.getAsOpaquePointer(), ch->second);
      auto [it, fresh] = index.try_emplace(key, rc.channels.size());
      if (fresh)
        rc.channels.push_back(ChannelInfo{ch->first, ch->second, {}, {}});
      ChannelInfo &info = rc.channels[it->second];
      const StreamUse &u = uses.argument(callee, i);
      if (u.writes)
        info.writers.push_back(End{call, &u});
      if (u.reads)
        info.readers.push_back(End{call, &u});
    }
  }
  return rc;
}

/// Whether `f` may write its memref argument `arg` (directly, or through
/// the functions it passes it to).
bool allo::writesArgument(func::FuncOp f, unsigned arg,
                          llvm::DenseMap<std::pair<Operation *, unsigned>, bool> &memo) {
  ModuleOp module = f->getParentOfType<ModuleOp>();
  auto key = std::make_pair(f.getOperation(), arg);
  if (auto it = memo.find(key); it != memo.end())
    return it->second;
  memo[key] = true; // recursion: assume the worst
  bool w = false;
  llvm::SmallVector<Value, 4> work = {f.getArgument(arg)};
  while (!work.empty() && !w) {
    Value v = work.pop_back_val();
    for (OpOperand &use : v.getUses()) {
      Operation *u = use.getOwner();
      if (isa<affine::AffineStoreOp, memref::StoreOp>(u) && use.getOperandNumber() == 1)
        w = true;
      else if (auto c = dyn_cast<func::CallOp>(u)) {
        auto callee = module.lookupSymbol<func::FuncOp>(c.getCallee());
        w = !callee || callee.isExternal() || writesArgument(callee, use.getOperandNumber(), memo);
      } else if (isa<memref::SubViewOp, memref::CastOp, memref::ExpandShapeOp,
                     memref::CollapseShapeOp, memref::ReinterpretCastOp>(u)) {
        work.push_back(u->getResult(0));
      } else if (!isa<affine::AffineLoadOp, memref::LoadOp>(u)) {
        w = true; // an operation this analysis does not know
      }
      if (w)
        break;
    }
  }
  memo[key] = w;
  return w;
}
