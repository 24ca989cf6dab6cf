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

#include "llvm/ADT/MapVector.h"


using namespace mlir;
using namespace allo;
using namespace allo::dataflow;

namespace {

LogicalResult checkRegion(func::FuncOp region, StreamUseAnalysis &uses) {
  RegionChannels rc = collectChannels(region, uses);
  for (ChannelInfo &ch : rc.channels) {
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

} // namespace

LogicalResult allo::checkRegions(ModuleOp module) {
  StreamUseAnalysis uses(module);
  for (auto f : module.getOps<func::FuncOp>())
    if (f->hasAttr(AlloDialect::kRegion) && !f.isExternal()) {
      if (failed(checkRegion(f, uses)))
        return failure();
      warnSharedArrays(f);
    }
  return success();
}
