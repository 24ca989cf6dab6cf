//===- Dataflow.h - Dataflow regions and PE grids ----------------*- C++ -*-===//
//
// A `[[allo::region]]` function holds stream declarations and calls of
// kernels; every call is a process, the streams connect them. A call of a
// `[[allo::kernel(mapping(P0, ...))]]` kernel instantiates every PE of its
// grid.
//
//   instantiatePEGrids   one process per PE: coordinates given, branches on
//                        them folded, stream arrays resolved to channels;
//                        PEs that end up identical share one function
//                        (InstantiatePEs.cpp)
//   sharePEFunctions     the PEs of an unfolded grid (schedule step `unfold`)
//                        that differ only in their coordinates share one
//                        function, the coordinates template parameters
//                        (SharePEs.cpp)
//   checkRegions         single writer and reader per channel, nothing read
//                        that nobody writes (or the reverse), put/get counts
//                        that agree where they are static (CheckRegions.cpp)
//   writeDataflowGraph   the processes and channels as Graphviz DOT
//                        (DataflowGraph.cpp)
//
// All report located errors through the MLIR diagnostic engine and return
// failure; on failure the module must not be emitted.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_DATAFLOW_DATAFLOW_H
#define ALLO_DATAFLOW_DATAFLOW_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/raw_ostream.h"

namespace allo {

// A call of a PE instance carries the PE's coordinates (allo.pe_index); the
// function shared by a group of PEs names its kernel (allo.pe_of).

mlir::LogicalResult instantiatePEGrids(mlir::ModuleOp module);
mlir::LogicalResult sharePEFunctions(mlir::ModuleOp module);

/// Whether `f` may write its memref argument `arg`, directly or through the
/// functions it passes it to (`memo` caches the answers).
bool writesArgument(mlir::func::FuncOp f, unsigned arg,
                    llvm::DenseMap<std::pair<mlir::Operation *, unsigned>, bool> &memo);
mlir::LogicalResult checkRegions(mlir::ModuleOp module);

/// How messages, reports and the simulator name the process a call of a
/// region starts: its kernel, and its PE coordinates or template arguments
/// ('gemm' PE (1,2), 'load_A<2>'). `callee` may be null.
std::string processName(mlir::func::CallOp call, mlir::func::FuncOp callee, bool quote = true);
void writeDataflowGraph(mlir::ModuleOp module, llvm::raw_ostream &os);

} // namespace allo

#endif
