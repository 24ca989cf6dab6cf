//===- TranslateToVHLS.cpp - The vhls emitter as an MLIR translation ------===//
//
//   allo-translate --emit-vhls in.mlir -o kernel.cpp
//   allo-translate --emit-vhls-sim in.mlir -o kernel.sim.cpp
//
// The input is raised (and scheduled) affine MLIR, e.g. from `allo-rewrite
// --target mlir` or `allo-opt --transform-interpreter`. The translation runs
// what allo-rewrite runs between the schedule and the emitter (one process
// per PE, PE functions shared, the region checks), then the emitter.
//
//===----------------------------------------------------------------------===//
#include "allo/Dataflow/Dataflow.h"
#include "allo/InitAllDialects.h"
#include "allo/Target/VHLS/EmitVHLS.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Tools/mlir-translate/Translation.h"

#include "llvm/Support/CommandLine.h"

using namespace mlir;

static llvm::cl::opt<std::string>
    vhlsInterface("vhls-interface",
                  llvm::cl::desc("--emit-vhls: port interfaces of the top function: "
                                 "'axi' (m_axi arrays, s_axilite scalars) or '' (plain C++)"),
                  llvm::cl::init(""));

static LogicalResult translate(Operation *op, llvm::raw_ostream &os, bool sim) {
  auto module = llvm::dyn_cast<ModuleOp>(op);
  if (!module)
    return op->emitError("the vhls translation expects a builtin.module");
  if (vhlsInterface != "" && vhlsInterface != "axi")
    return module.emitError("--vhls-interface expects 'axi' or nothing, got '")
           << vhlsInterface << "'";
  if (failed(allo::instantiatePEGrids(module)) || failed(allo::sharePEFunctions(module)) ||
      failed(allo::checkRegions(module)))
    return failure();
  allo::VHLSOptions options;
  options.interface = vhlsInterface;
  options.sim = sim;
  return allo::emitVHLS(module, os, options);
}

void allo::registerToVHLSTranslations() {
  static TranslateFromMLIRRegistration vhls(
      "emit-vhls", "Vitis HLS C++ from raised (and scheduled) affine MLIR",
      [](Operation *op, llvm::raw_ostream &os) { return translate(op, os, /*sim=*/false); },
      [](DialectRegistry &registry) { registerAlloDialects(registry); });
  static TranslateFromMLIRRegistration sim(
      "emit-vhls-sim", "the same C++ for the concurrent simulator (allo_sim.h)",
      [](Operation *op, llvm::raw_ostream &os) { return translate(op, os, /*sim=*/true); },
      [](DialectRegistry &registry) { registerAlloDialects(registry); });
}
