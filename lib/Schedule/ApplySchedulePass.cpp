//===- ApplySchedulePass.cpp - allo-opt --allo-apply-schedule -------------===//
//
//   allo-opt in.mlir --allo-apply-schedule="schedule=s.json [dump-after-each]"
//
// Parses the schedule file and applies it to the module (see Schedule.h).
//
//===----------------------------------------------------------------------===//
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Schedule/Schedule.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

namespace {

struct ApplySchedulePass : public PassWrapper<ApplySchedulePass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ApplySchedulePass)

  ApplySchedulePass() = default;
  ApplySchedulePass(const ApplySchedulePass &other) : PassWrapper(other) {}

  llvm::StringRef getArgument() const override { return "allo-apply-schedule"; }
  llvm::StringRef getDescription() const override {
    return "Apply an Allo JSON schedule (split, reorder, fuse, unroll, pipeline, partition, "
           "dataflow, inline, buffer_at, reuse_at, compute_at, compose) to raised affine IR";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<allo::AlloDialect, affine::AffineDialect, arith::ArithDialect,
                    memref::MemRefDialect, scf::SCFDialect, func::FuncDialect>();
  }

  void runOnOperation() override {
    if (schedulePath.empty()) {
      getOperation().emitError("allo-apply-schedule needs a schedule file: "
                               "--allo-apply-schedule=\"schedule=<path>\"");
      return signalPassFailure();
    }
    allo::ScheduleOptions options;
    if (dumpAfterEach)
      options.dumpAfterEach = &llvm::errs();
    if (failed(allo::applyScheduleFile(getOperation(), schedulePath, options)))
      signalPassFailure();
  }

  Option<std::string> schedulePath{*this, "schedule", llvm::cl::desc("the JSON schedule file")};
  Option<bool> dumpAfterEach{*this, "dump-after-each",
                             llvm::cl::desc("print the module to stderr after each step"),
                             llvm::cl::init(false)};
};

} // namespace

void allo::registerSchedulePasses() { PassRegistration<ApplySchedulePass>(); }
