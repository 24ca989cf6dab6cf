//===- Driver.h - What the plugin and allo-rewrite share ---------*- C++ -*-===//
//
// Both drivers parse with Clang and hand the translation unit to the same
// AST consumer: check the allo:: attributes, raise, verify, and write the
// requested target atomically (temporary file, then rename).
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_DRIVER_DRIVER_H
#define ALLO_DRIVER_DRIVER_H

#include "clang/AST/ASTConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace clang {
class CompilerInstance;
}

namespace allo {

struct DriverOptions {
  /// "" = only check attributes; "mlir" = the raised module; "vhls" = Vitis HLS C++;
  /// "sim" = the same C++ for the concurrent dataflow simulator.
  std::string target;
  /// vhls: "" or "axi" (Vitis kernel interfaces on the top function).
  std::string interface;
  /// vhls: also write a Vitis HLS project into this directory.
  std::string projectDir, testbench, part = "u280", clock = "10ns";
  /// Output path; "-" = standard output.
  std::string output = "-";
  /// --top names; empty = every [[allo::kernel]] / [[allo::region]].
  std::vector<std::string> tops;
  /// Also write the dataflow graph of the regions (Graphviz DOT) here.
  std::string graph;
  /// Print every loop name with its location instead of a target.
  bool listLoops = false;
  /// A JSON schedule applied after raising (before --list-loops and targets).
  std::string schedule;
  /// Print the IR after every schedule step (to stderr).
  bool dumpAfterEach = false;
  /// Run as the Clang plugin (messages name -fplugin-arg-allo-* options).
  bool isPlugin = false;
};

/// Stack size of the threads that parse and raise (deeply nested input).
inline constexpr unsigned kFrontendStackSize = 512u << 20;

/// Targets accepted by --target / -fplugin-arg-allo-target.
llvm::ArrayRef<llvm::StringRef> knownTargets();

std::unique_ptr<clang::ASTConsumer> createAlloConsumer(const DriverOptions &options);

/// Directory holding allo/allo.h (and allo/csim/), for -I: $ALLO_INCLUDE_DIR when set,
/// else the source tree the tool was built from.
std::string userIncludeDir();

/// Compiler flags that compile emitted HLS C++ for C simulation with g++ or
/// clang++ (our csim headers, wrap-around signed arithmetic as in hardware).
std::string csimFlags();

/// The same for --target sim output (the concurrent simulator's headers).
std::string simFlags();

} // namespace allo

#endif
