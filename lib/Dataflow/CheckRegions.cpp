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
// Two rules of Vitis HLS's dataflow canonical form that a correct design
// may break are warnings: an array written by several processes, and a
// channel that bypasses processes.
//
//===----------------------------------------------------------------------===//

#include "StreamUse.h"
#include "allo/Dataflow/Dataflow.h"
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "llvm/ADT/MapVector.h"

using namespace mlir;
using namespace allo;
using namespace allo::dataflow;

namespace {

LogicalResult checkRegion(func::FuncOp region, const RegionChannels &rc) {
  for (const ChannelInfo &ch : rc.channels) {
    if (rc.wholeArrays.count(ch.root))
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
        d.attachNote(e.call.getLoc()) << role << ": " << processName(e.call);
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

/// Vitis HLS's dataflow canonical form: an array is written by one process.
/// PEs writing their own elements of a result are correct here and in
/// simulation, but Vitis may not overlap them: a warning that says so.
void warnSharedArrays(func::FuncOp region) {
  llvm::DenseMap<std::pair<Operation *, unsigned>, bool> memo;
  llvm::MapVector<Value, SmallVector<func::CallOp, 2>> writers;
  ModuleOp module = region->getParentOfType<ModuleOp>();
  for (auto call : region.getBody().front().getOps<func::CallOp>()) {
    auto callee = module.lookupSymbol<func::FuncOp>(call.getCalleeAttr());
    for (auto [i, v] : llvm::enumerate(call.getOperands())) {
      auto m = dyn_cast<MemRefType>(v.getType());
      if (!m || isa<StreamType>(m.getElementType()))
        continue;
      if (!callee || callee.isExternal() || writesArgument(callee, i, memo))
        writers[v].push_back(call);
    }
  }
  for (auto &[array, calls] : writers) {
    if (calls.size() < 2)
      continue;
    std::string name = "array";
    if (auto b = dyn_cast<BlockArgument>(array))
      if (auto a = region.getArgAttrOfType<StringAttr>(b.getArgNumber(), AlloDialect::kName))
        name = a.getValue().str();
    InFlightDiagnostic d = emitWarning(calls[1].getLoc())
                           << "array '" << name << "' is written by " << calls.size()
                           << " processes of region '" << region.getSymName()
                           << "'; Vitis HLS's dataflow canonical form allows one writer per "
                              "array, so it may not run them concurrently (collect the results "
                              "through streams in one drain kernel)";
    d.attachNote(calls[0].getLoc()) << "first writer: " << processName(calls[0]);
  }
}

/// Vitis HLS's dataflow canonical form: data passes through the processes in
/// order, none bypasses one. A channel from P to R while R also depends on P
/// through Q (P -> Q -> R) must buffer everything P writes until R, waiting
/// for Q, reads it: a shallow FIFO stalls P or deadlocks. A warning naming
/// the path (the simulator shows whether the declared depth suffices).
/// The search is bounded; very large regions are only partly checked.
void warnBypasses(const RegionChannels &rc) {
  llvm::MapVector<Operation *, unsigned> ids;
  auto id = [&](func::CallOp c) { return ids.try_emplace(c, ids.size()).first->second; };
  struct Edge {
    unsigned from, to;
    const ChannelInfo *ch;
  };
  std::vector<Edge> edges;
  for (const ChannelInfo &ch : rc.channels)
    if (ch.writers.size() == 1 && ch.readers.size() == 1 &&
        ch.writers[0].call != ch.readers[0].call && !rc.wholeArrays.count(ch.root))
      edges.push_back({id(ch.writers[0].call), id(ch.readers[0].call), &ch});
  std::vector<SmallVector<unsigned, 2>> out(ids.size());
  for (auto [n, e] : llvm::enumerate(edges))
    out[e.from].push_back(n);
  SmallVector<Operation *> calls;
  for (auto &[op, n] : ids)
    calls.push_back(op);
  int64_t budget = 20'000'000; // visited nodes over all searches
  std::vector<int> via(ids.size(), -1);
  std::vector<unsigned> seenAt(ids.size(), ~0u);
  for (auto [n, e] : llvm::enumerate(edges)) {
    // Another path from e.from to e.to, of two channels or more.
    SmallVector<unsigned> work;
    seenAt[e.from] = n;
    for (unsigned k : out[e.from])
      if (k != n && seenAt[edges[k].to] != n) {
        seenAt[edges[k].to] = n;
        via[edges[k].to] = e.from;
        work.push_back(edges[k].to);
      }
    bool found = false;
    while (!work.empty() && !found && budget-- > 0) {
      unsigned p = work.pop_back_val();
      if (p == e.to) {
        found = true;
        break;
      }
      for (unsigned k : out[p])
        if (seenAt[edges[k].to] != n) {
          seenAt[edges[k].to] = n;
          via[edges[k].to] = p;
          work.push_back(edges[k].to);
        }
    }
    if (budget <= 0)
      return;
    if (!found)
      continue;
    SmallVector<unsigned> path{e.to};
    while (path.back() != e.from)
      path.push_back(via[path.back()]);
    std::string route;
    for (unsigned p : llvm::reverse(path))
      route += (route.empty() ? "" : " -> ") + processName(cast<func::CallOp>(calls[p]));
    auto call = [&](unsigned p) { return cast<func::CallOp>(calls[p]); };
    InFlightDiagnostic d = emitWarning(e.ch->root.getLoc())
                           << "stream '" << channelName(*e.ch) << "' from "
                           << processName(call(e.from)) << " to " << processName(call(e.to))
                           << " bypasses the processes between them (" << route
                           << "); Vitis HLS's dataflow canonical form passes data through every "
                              "process in order, and this FIFO must hold what the writer puts "
                              "until the reader, waiting for the others, gets it (route the data "
                              "through the processes in between, or check its depth with "
                              "--target sim)";
    d.attachNote(call(e.from).getLoc()) << "writer";
    d.attachNote(call(e.to).getLoc()) << "reader";
  }
}

} // namespace

LogicalResult allo::checkRegions(ModuleOp module) {
  StreamUseAnalysis uses(module);
  for (auto f : module.getOps<func::FuncOp>())
    if (f->hasAttr(AlloDialect::kRegion) && !f.isExternal()) {
      RegionChannels rc = collectChannels(f, uses);
      if (failed(checkRegion(f, rc)))
        return failure();
      warnSharedArrays(f);
      warnBypasses(rc);
    }
  return success();
}
