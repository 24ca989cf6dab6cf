//===- CheckRegions.cpp - Static checks of dataflow regions -----------------===//
//
// After PE instantiation every call in a region is one process and every
// stream it is given is one channel (an element of a stream array has a
// constant index). Hardware needs each channel to have exactly one writer
// and one reader process; a channel read by nobody fills up and blocks its
// writer, one written by nobody blocks its reader forever, and a writer
// that puts a different number of elements than the reader gets deadlocks
// or leaves data behind. Each is a located error at the stream's
// declaration, with a note at every process involved.
//
// Streams the region receives as parameters connect to the caller, which is
// one end; arrays of streams passed whole to a process are not split into
// channels here and are not checked element by element.
//
//===----------------------------------------------------------------------===//

#include "StreamUse.h"
#include "allo/Dataflow/Dataflow.h"
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Matchers.h"

#include <map>

using namespace mlir;
using namespace allo;
using namespace allo::dataflow;

namespace {

struct End {
  func::CallOp call;
  const StreamUse *use;
};

struct ChannelInfo {
  Value root;       ///< the stream, or the stream array
  int64_t element;  ///< linear element of an array, -1 for a stream
  SmallVector<End> writers, readers;
};

std::string processName(func::CallOp c) {
  auto coords = c->getAttrOfType<DenseI64ArrayAttr>(AlloDialect::kPEIndex);
  auto f = c->getParentOfType<ModuleOp>().lookupSymbol<func::FuncOp>(c.getCalleeAttr());
  auto of = f ? f->getAttrOfType<StringAttr>(AlloDialect::kPEOf) : StringAttr();
  std::string s = "'" + (of ? of.getValue() : c.getCallee()).str() + "'";
  if (coords) {
    s += " PE (";
    for (auto [d, v] : llvm::enumerate(coords.asArrayRef()))
      s += (d ? "," : "") + std::to_string(v);
    s += ")";
  }
  return s;
}

std::string channelName(const ChannelInfo &ch) {
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
std::optional<std::pair<Value, int64_t>> channelOf(Value s) {
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

LogicalResult checkRegion(func::FuncOp region, StreamUseAnalysis &uses) {
  std::map<std::pair<void *, int64_t>, ChannelInfo> channels;
  SmallVector<std::pair<void *, int64_t>> order;
  DenseSet<Value> wholeArrays;
  ModuleOp module = region->getParentOfType<ModuleOp>();
  for (auto call : region.getBody().front().getOps<func::CallOp>()) {
    auto callee = module.lookupSymbol<func::FuncOp>(call.getCalleeAttr());
    if (!callee || callee.isExternal())
      continue;
    for (auto [i, v] : llvm::enumerate(call.getOperands())) {
      if (auto m = dyn_cast<MemRefType>(v.getType()); m && isa<StreamType>(m.getElementType())) {
        wholeArrays.insert(v);
        continue;
      }
      if (!isa<StreamType>(v.getType()))
        continue;
      std::optional<std::pair<Value, int64_t>> ch = channelOf(v);
      if (!ch)
        continue;
      auto key = std::make_pair(ch->first.getAsOpaquePointer(), ch->second);
      auto [it, fresh] = channels.try_emplace(key);
      if (fresh) {
        it->second.root = ch->first;
        it->second.element = ch->second;
        order.push_back(key);
      }
      const StreamUse &u = uses.argument(callee, i);
      if (u.writes)
        it->second.writers.push_back(End{call, &u});
      if (u.reads)
        it->second.readers.push_back(End{call, &u});
    }
  }
  for (auto &key : order) {
    ChannelInfo &ch = channels[key];
    if (wholeArrays.count(ch.root))
      continue;
    bool external = isa<BlockArgument>(ch.root);
    std::string name = channelName(ch);
    Location declLoc = ch.root.getLoc();
    auto many = [&](ArrayRef<End> ends, StringRef role) -> LogicalResult {
      InFlightDiagnostic d = emitError(declLoc)
                             << "stream '" << name << "' has " << ends.size() << " " << role
                             << " processes; a stream connects exactly one writer to one reader "
                                "(give each pair of processes its own stream)";
      for (End e : ends)
        d.attachNote(e.call.getLoc()) << role.drop_back(1) << ": " << processName(e.call);
      return d;
    };
    if (ch.writers.size() > 1)
      return many(ch.writers, "writer");
    if (ch.readers.size() > 1)
      return many(ch.readers, "reader");
    if (external)
      continue;
    if (ch.writers.empty() && !ch.readers.empty()) {
      InFlightDiagnostic d = emitError(declLoc)
                             << "stream '" << name << "' is read by "
                             << processName(ch.readers[0].call)
                             << " but no process of the region writes it (the reader would "
                                "wait forever)";
      d.attachNote(ch.readers[0].use->readLoc) << "read here";
      return d;
    }
    if (ch.readers.empty() && !ch.writers.empty()) {
      InFlightDiagnostic d = emitError(declLoc)
                             << "stream '" << name << "' is written by "
                             << processName(ch.writers[0].call)
                             << " but no process of the region reads it (the writer blocks "
                                "once the stream is full)";
      d.attachNote(ch.writers[0].use->writeLoc) << "written here";
      return d;
    }
    if (ch.writers.empty())
      continue;
    const StreamUse &w = *ch.writers[0].use, &r = *ch.readers[0].use;
    if (ch.writers[0].call == ch.readers[0].call)
      continue; // a process talking to itself: a loop-back buffer
    if (w.writeCount && r.readCount && *w.writeCount != *r.readCount) {
      InFlightDiagnostic d = emitError(declLoc)
                             << "stream '" << name << "': " << processName(ch.writers[0].call)
                             << " writes " << *w.writeCount << " element"
                             << (*w.writeCount == 1 ? "" : "s") << " but "
                             << processName(ch.readers[0].call) << " reads " << *r.readCount
                             << (*w.writeCount < *r.readCount
                                     ? " (the reader would wait forever)"
                                     : " (the writer blocks once the stream is full, or data is "
                                       "left behind)");
      d.attachNote(w.writeLoc) << "written here";
      d.attachNote(r.readLoc) << "read here";
      return d;
    }
  }
  return success();
}

} // namespace

LogicalResult allo::checkRegions(ModuleOp module) {
  StreamUseAnalysis uses(module);
  for (auto f : module.getOps<func::FuncOp>())
    if (f->hasAttr(AlloDialect::kRegion) && !f.isExternal() && failed(checkRegion(f, uses)))
      return failure();
  return success();
}
