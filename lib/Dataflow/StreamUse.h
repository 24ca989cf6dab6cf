//===- StreamUse.h - Which way a process uses a stream ----------*- C++ -*-===//
//
// Shared by the dataflow passes: whether a function writes or reads a stream
// it is given (through the functions it passes it on to), and how many
// elements it transfers when that is static.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_LIB_DATAFLOW_STREAMUSE_H
#define ALLO_LIB_DATAFLOW_STREAMUSE_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/SymbolTable.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <string>
#include <vector>

#include <optional>

namespace allo {
namespace dataflow {

struct StreamUse {
  bool reads = false, writes = false;
  /// Elements written / read per call, when every transfer is in loops of
  /// constant trip count and under no condition.
  std::optional<int64_t> writeCount = 0, readCount = 0;
  mlir::Location writeLoc, readLoc; ///< the first write / read
  StreamUse(mlir::Location l) : writeLoc(l), readLoc(l) {}
};

class StreamUseAnalysis {
public:
  explicit StreamUseAnalysis(mlir::ModuleOp m) : symbols(), module(m) {}
  /// How argument `arg` of `f` is used.
  const StreamUse &argument(mlir::func::FuncOp f, unsigned arg);
  /// How the stream value `s` is used by the operations of its function.
  StreamUse value(mlir::Value s);

private:
  mlir::SymbolTableCollection symbols;
  mlir::ModuleOp module;
  llvm::DenseMap<std::pair<mlir::Operation *, unsigned>, StreamUse> memo;
  llvm::DenseMap<std::pair<mlir::Operation *, unsigned>, bool> inProgress;
};

/// One end of a channel: a process and how it uses the stream.
struct End {
  mlir::func::CallOp call;
  const StreamUse *use;
};

/// A channel of a region: a stream, or a constant element of a stream array.
struct ChannelInfo {
  mlir::Value root; ///< the stream, or the stream array
  int64_t element;  ///< linear element of an array, -1 for a stream
  llvm::SmallVector<End, 1> writers, readers;
};

/// The channels a region's processes (its calls) use, in first-use order,
/// and the stream arrays passed whole (not split into channels).
struct RegionChannels {
  std::vector<ChannelInfo> channels;
  llvm::DenseSet<mlir::Value> wholeArrays;
};
RegionChannels collectChannels(mlir::func::FuncOp region, StreamUseAnalysis &uses);

/// "'gemm' PE (1,2)" or "'producer'".
std::string processName(mlir::func::CallOp call);
/// "fifo_A[1][2]".
std::string channelName(const ChannelInfo &ch);

/// Trip-count multiplier of the loops around `op` up to (excluding)
/// `stop`, or nullopt when a loop's trip count is not constant or `op` is
/// under a condition.
std::optional<int64_t> staticMultiplicity(mlir::Operation *op, mlir::Operation *stop);

} // namespace dataflow
} // namespace allo

#endif
