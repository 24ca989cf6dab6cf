//===- VitisProject.h - A ready Vitis HLS project -----------------*- C++ -*-===//
//
// `allo-rewrite --target vhls --project DIR` writes, next to the kernel:
//   <top>.cpp / <top>.h      the emitted kernel and its declaration
//   <testbench>              the user's testbench (--testbench), if any
//   hls_config.cfg           for `v++ -c --mode hls --config hls_config.cfg`
//   run_hls.tcl              for the classic flow (`vitis_hls -f run_hls.tcl`)
//   Makefile                 `make csim` builds and runs the testbench with
//                            g++ and Allo's csim headers (copied to csim/),
//                            `make hls` / `make hls-tcl` run the vendor tools
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_TARGET_VHLS_VITISPROJECT_H
#define ALLO_TARGET_VHLS_VITISPROJECT_H

#include "mlir/IR/BuiltinOps.h"
#include <string>

namespace allo {

struct VitisProjectOptions {
  std::string dir;
  std::string testbench; ///< path of the user's testbench, or ""
  std::string part = "u280";
  std::string clock = "10ns";
  std::string csimIncludeDir; ///< directory holding our csim headers (allo/csim)
};

/// Resolves Allo's device shorthands (u280, zcu102, vck190, pynqz2, ...) to
/// part numbers; anything else is taken as a part number. Empty on error.
std::string resolvePart(llvm::StringRef part);

/// Normalises a clock: "300MHz", "3.33ns", or a number of ns. Empty on error.
std::string normaliseClock(llvm::StringRef clock);

/// The declarations of the module's top functions (for <top>.h).
std::string vhlsTopDeclarations(mlir::ModuleOp module);

/// Writes the project; returns an error message, or "" on success.
std::string writeVitisProject(const VitisProjectOptions &options, mlir::ModuleOp module,
                              llvm::StringRef kernelText);

} // namespace allo

#endif
