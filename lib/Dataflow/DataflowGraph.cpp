//===- DataflowGraph.cpp - Regions as Graphviz DOT --------------------------===//
//
// One cluster per region, one node per process (a call, a PE of a grid),
// one edge per channel from its writer to its reader, labelled with the
// stream's name, element type and depth. Streams the region receives as
// parameters end at a plain-text node for the caller.
//
//===----------------------------------------------------------------------===//

#include "StreamUse.h"
#include "allo/Dataflow/Dataflow.h"
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "llvm/ADT/DenseMap.h"

using namespace mlir;
using namespace allo;
using namespace allo::dataflow;

static std::string quoted(llvm::StringRef s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"')
      q += '\\';
    q += c;
  }
  return q + "\"";
}

static std::string streamLabel(const ChannelInfo &ch) {
  std::string label = channelName(ch);
  std::string type;
  int64_t depth = 2;
  if (auto sc = ch.root.getDefiningOp<StreamCreateOp>()) {
    depth = sc.getDepth();
    if (auto ct = sc->getAttrOfType<StringAttr>(AlloDialect::kCType))
      type = ct.getValue().str();
  } else if (auto b = dyn_cast<BlockArgument>(ch.root)) {
    if (auto f = dyn_cast<func::FuncOp>(b.getOwner()->getParentOp()))
      if (auto ct = f.getArgAttrOfType<StringAttr>(b.getArgNumber(), AlloDialect::kCType))
        type = ct.getValue().str();
  }
  if (type.empty()) {
    llvm::raw_string_ostream os(type);
    Type t = ch.root.getType();
    if (auto m = dyn_cast<MemRefType>(t))
      t = m.getElementType();
    cast<StreamType>(t).getElementType().print(os);
  }
  std::string s = label + "\\n" + type;
  if (!isa<BlockArgument>(ch.root))
    s += ", depth " + std::to_string(depth);
  return s;
}

void allo::writeDataflowGraph(ModuleOp module, llvm::raw_ostream &os) {
  os << "digraph dataflow {\n  rankdir=LR;\n  node [shape=box, style=rounded, "
        "fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n";
  StreamUseAnalysis uses(module);
  unsigned region = 0, node = 0;
  for (auto f : module.getOps<func::FuncOp>()) {
    if (!f->hasAttr(AlloDialect::kRegion) || f.isExternal())
      continue;
    os << "  subgraph cluster_" << region++ << " {\n    label=" << quoted(f.getSymName()) << ";\n";
    llvm::DenseMap<Operation *, std::string> ids;
    for (auto call : f.getBody().front().getOps<func::CallOp>()) {
      std::string id = "p" + std::to_string(node++);
      ids[call] = id;
      std::string name =
          processName(call, module.lookupSymbol<func::FuncOp>(call.getCalleeAttr()), false);
      os << "    " << id << " [label=" << quoted(name) << "];\n";
    }
    RegionChannels rc = collectChannels(f, uses);
    for (const ChannelInfo &ch : rc.channels) {
      std::string label = quoted(streamLabel(ch));
      SmallVector<std::string, 2> from, to;
      for (End e : ch.writers)
        from.push_back(ids.lookup(e.call));
      for (End e : ch.readers)
        to.push_back(ids.lookup(e.call));
      if (isa<BlockArgument>(ch.root) && (from.empty() || to.empty())) {
        std::string ext = "x" + std::to_string(node++);
        os << "    " << ext << " [shape=plaintext, label=" << quoted(channelName(ch)) << "];\n";
        (from.empty() ? from : to).push_back(ext);
      }
      for (const std::string &a : from)
        for (const std::string &b : to)
          os << "    " << a << " -> " << b << " [label=" << label << "];\n";
    }
    for (Value arr : rc.wholeArrays)
      if (auto sc = arr.getDefiningOp<StreamCreateOp>())
        if (auto n = sc->getAttrOfType<StringAttr>(AlloDialect::kName))
          os << "    // " << n.getValue() << ": an array of streams passed whole\n";
    os << "  }\n";
  }
  os << "}\n";
}
