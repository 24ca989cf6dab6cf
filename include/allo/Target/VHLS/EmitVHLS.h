//===- EmitVHLS.h - Vitis HLS C++ from affine/scf MLIR -----------*- C++ -*-===//
//
// Emits synthesizable AMD Vitis HLS C++ (2022.1+ pragma syntax) from raised
// (and scheduled) MLIR. The top function keeps its C++ name and exact
// parameter types, so an existing testbench links against the output.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_TARGET_VHLS_EMITVHLS_H
#define ALLO_TARGET_VHLS_EMITVHLS_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace allo {

struct VHLSOptions {
  /// "" (plain C++ arguments) or "axi" (m_axi per array, s_axilite for scalars/return).
  std::string interface;
  /// Run clang-format (LLVM style) on the result.
  bool format = true;
  /// --target sim: the same code for the concurrent simulator (allo_sim.h):
  /// the calls of every region run as concurrent processes on bounded FIFOs.
  bool sim = false;
};

/// Emits the whole module. Errors are reported as MLIR diagnostics at the
/// offending operation (which carries the user's source location).
mlir::LogicalResult emitVHLS(mlir::ModuleOp module, llvm::raw_ostream &os,
                             const VHLSOptions &options);

/// Registers the translations --emit-vhls and --emit-vhls-sim (allo-translate):
/// the PE and region steps allo-rewrite runs after the schedule, then emitVHLS.
void registerToVHLSTranslations();

} // namespace allo

#endif
