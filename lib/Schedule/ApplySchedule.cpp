//===- ApplySchedule.cpp - Applying a schedule, step by step --------------===//
//
// Each step runs on a clone of the module. The clone must verify afterwards
// (the verifier's messages become notes of an error naming the step); only
// then does its body replace the module's. A failing step thus leaves the
// module exactly as the previous steps made it.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Verifier.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

LogicalResult dispatch(StepContext &c) {
  switch (c.step.kind) {
  case StepKind::Split:
    return applySplit(c);
  case StepKind::Reorder:
    return applyReorder(c);
  case StepKind::Fuse:
    return applyFuse(c);
  case StepKind::Unroll:
    return applyUnroll(c);
  case StepKind::Pipeline:
    return applyPipeline(c);
  case StepKind::Partition:
    return applyPartition(c);
  case StepKind::Dataflow:
    return applyDataflow(c);
  case StepKind::Inline:
    return applyInline(c);
  case StepKind::BufferAt:
    return applyBufferAt(c);
  case StepKind::ReuseAt:
    return applyReuseAt(c);
  case StepKind::ComputeAt:
    return applyComputeAt(c);
  }
  return failure();
}

template <typename D> void ensureLoaded(MLIRContext *ctx) {
  if (!ctx->getLoadedDialect<D>())
    ctx->getOrLoadDialect<D>();
}

} // namespace

LogicalResult allo::applySchedule(ModuleOp module, const Schedule &schedule, ScheduleOptions options) {
  MLIRContext *ctx = module.getContext();
  ensureLoaded<AlloDialect>(ctx);
  ensureLoaded<affine::AffineDialect>(ctx);
  ensureLoaded<arith::ArithDialect>(ctx);
  ensureLoaded<memref::MemRefDialect>(ctx);
  ensureLoaded<scf::SCFDialect>(ctx);

  for (const ScheduleStep &step : schedule.steps) {
    OwningOpRef<ModuleOp> work = module.clone();
    StepContext c(*work, schedule, step);
    if (failed(dispatch(c)))
      return failure();

    // The verifier's diagnostics are collected and reported under the step.
    llvm::SmallVector<std::pair<Location, std::string>, 4> problems;
    LogicalResult verified = success();
    {
      ScopedDiagnosticHandler collect(ctx, [&](Diagnostic &d) {
        problems.push_back({d.getLocation(), d.str()});
        return success();
      });
      verified = verify(*work);
    }
    if (failed(verified)) {
      auto d = c.error("the IR does not verify after this step (this is a bug in the schedule "
                       "engine; please report it)");
      for (auto &[loc, msg] : problems)
        d.attachNote(loc) << msg;
      return failure();
    }

    module.getBodyRegion().takeBody(work->getBodyRegion());
    if (options.dumpAfterEach) {
      llvm::raw_ostream &os = *options.dumpAfterEach;
      os << "// -----// after " << step.path << ": " << step.summary() << " //----- //\n";
      OpPrintingFlags flags;
      if (options.dumpLocations)
        flags.enableDebugInfo();
      module->print(os, flags);
      os << "\n";
      os.flush();
    }
  }
  return success();
}

LogicalResult allo::applyScheduleFile(ModuleOp module, llvm::StringRef path, ScheduleOptions options) {
  std::vector<ScheduleDiagnostic> diags;
  std::optional<Schedule> s = parseScheduleFile(path, diags);
  MLIRContext *ctx = module.getContext();
  for (const ScheduleDiagnostic &d : diags) {
    Location loc = d.pos.line ? Location(FileLineColLoc::get(ctx, d.file, d.pos.line, d.pos.col))
                              : Location(UnknownLoc::get(ctx));
    auto e = emitError(loc) << (d.path.empty() ? "" : d.path + ": ") << d.message;
    if (!d.suggestion.empty())
      e.attachNote(loc) << d.suggestion;
  }
  if (!s)
    return failure();
  return applySchedule(module, *s, options);
}
