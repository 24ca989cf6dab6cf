//===- ApplySchedule.cpp - Applying one step, and a whole schedule --------===//
//
// Each step runs on a clone of the module. The clone must verify afterwards
// (the verifier's messages become notes of an error naming the step); only
// then does its payload replace the module's. A failing step thus leaves the
// module exactly as the previous steps made it.
//
// A whole schedule runs as a transform script (applyScheduleSteps, in
// lib/TransformOps): every op of the script calls applyStep.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Verifier.h"

#include "llvm/Support/FileSystem.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

/// Ops of the transform dialect (a script run from inside the module it
/// transforms) are not payload: steps neither see nor replace them.
bool isTransformOp(Operation &op) { return op.getName().getDialectNamespace() == "transform"; }

/// A copy of the module's payload.
OwningOpRef<ModuleOp> clonePayload(ModuleOp module) {
  OwningOpRef<ModuleOp> work = module.clone();
  for (Operation &op : llvm::make_early_inc_range(work->getBody()->getOperations()))
    if (isTransformOp(op))
      op.erase();
  return work;
}

/// Replaces the module's payload by `work`'s (which has no transform ops).
void replacePayload(ModuleOp module, ModuleOp work) {
  Block *body = module.getBody();
  for (Operation &op : llvm::make_early_inc_range(body->getOperations()))
    if (!isTransformOp(op)) {
      op.dropAllUses();
      op.dropAllReferences();
    }
  for (Operation &op : llvm::make_early_inc_range(body->getOperations()))
    if (!isTransformOp(op))
      op.erase();
  body->getOperations().splice(body->begin(), work.getBody()->getOperations());
}

} // namespace

void allo::emitScheduleDiagnostics(MLIRContext *ctx, llvm::ArrayRef<ScheduleDiagnostic> diags) {
  for (const ScheduleDiagnostic &d : diags) {
    Location loc = d.pos.line ? Location(FileLineColLoc::get(ctx, d.file, d.pos.line, d.pos.col))
                              : Location(UnknownLoc::get(ctx));
    auto e = emitError(loc) << (d.path.empty() ? "" : d.path + ": ") << d.message;
    if (!d.suggestion.empty())
      e.attachNote(loc) << d.suggestion;
  }
}

std::string allo::scheduleFileKey(llvm::StringRef path) {
  llvm::SmallString<256> real;
  if (!llvm::sys::fs::real_path(path, real))
    return std::string(real);
  return path.str();
}

LogicalResult allo::applyStep(ModuleOp module, const ScheduleStep &step,
                              llvm::ArrayRef<ScheduleStep> later, ScheduleRun &run) {
  MLIRContext *ctx = module.getContext();
  OwningOpRef<ModuleOp> work = clonePayload(module);
  StepContext c(*work, step, later, run);
  if (failed(step.spec->apply(c)))
    return failure();

  if (!step.spec->composite) {
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
  }

  replacePayload(module, *work);
  if (run.options.dumpAfterEach && !step.spec->composite) {
    llvm::raw_ostream &os = *run.options.dumpAfterEach;
    os << "// -----// after " << run.prefix << step.path << ": " << step.summary()
       << " //----- //\n";
    OpPrintingFlags flags;
    if (run.options.dumpLocations)
      flags.enableDebugInfo();
    module->print(os, flags);
    os << "\n";
    os.flush();
  }
  return success();
}

template <typename D> static void ensureLoaded(MLIRContext *ctx) {
  if (!ctx->getLoadedDialect<D>())
    ctx->getOrLoadDialect<D>();
}

LogicalResult allo::applySchedule(ModuleOp module, const Schedule &schedule,
                                  ScheduleOptions options) {
  MLIRContext *ctx = module.getContext();
  ensureLoaded<AlloDialect>(ctx);
  ensureLoaded<affine::AffineDialect>(ctx);
  ensureLoaded<arith::ArithDialect>(ctx);
  ensureLoaded<memref::MemRefDialect>(ctx);
  ensureLoaded<scf::SCFDialect>(ctx);

  ScheduleRun run;
  run.options = options;
  if (!schedule.file.empty())
    run.chain.push_back(scheduleFileKey(schedule.file));
  return applyScheduleSteps(module, schedule, run);
}

LogicalResult allo::applyScheduleFile(ModuleOp module, llvm::StringRef path,
                                      ScheduleOptions options) {
  std::vector<ScheduleDiagnostic> diags;
  std::optional<Schedule> s = parseScheduleFile(path, diags);
  emitScheduleDiagnostics(module.getContext(), diags);
  if (!s)
    return failure();
  return applySchedule(module, *s, options);
}
