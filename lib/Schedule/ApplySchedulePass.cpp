//===- ApplySchedulePass.cpp - allo-opt --allo-apply-schedule -------------===//
//
//   allo-opt in.mlir --allo-apply-schedule="schedule=s.json [dump-after-each]"
//
// Parses the schedule file and applies it to the module (see Schedule.h);
// the pass, its options and its description are declared in Passes.td.
//
//===----------------------------------------------------------------------===//
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Schedule/Schedule.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Pass/Pass.h"

namespace allo {
#define GEN_PASS_DECL_ALLOAPPLYSCHEDULE
#define GEN_PASS_DEF_ALLOAPPLYSCHEDULE
#define GEN_PASS_REGISTRATION
#include "allo/Schedule/Passes.h.inc"
} // namespace allo

using namespace mlir;

namespace {

struct ApplySchedulePass : allo::impl::AlloApplyScheduleBase<ApplySchedulePass> {
  using AlloApplyScheduleBase::AlloApplyScheduleBase;

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
};

} // namespace

void allo::registerSchedulePasses() { registerAlloSchedulePasses(); }
