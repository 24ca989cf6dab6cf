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

/// Whether `f` may write its memref argument `arg`, directly or through the
/// functions it passes it to (`memo` caches the answers).
bool writesArgument(mlir::func::FuncOp f, unsigned arg,
                    llvm::DenseMap<std::pair<mlir::Operation *, unsigned>, bool> &memo);
mlir::LogicalResult checkRegions(mlir::ModuleOp module);
void writeDataflowGraph(mlir::ModuleOp module, llvm::raw_ostream &os);

} // namespace allo

#endif
