//===- ApplySchedule.cpp - Applying a schedule, step by step --------------===//
//
// Each step runs on a clone of the module. The clone must verify afterwards
// (the verifier's messages become notes of an error naming the step); only
// then does its body replace the module's. A failing step thus leaves the
// module exactly as the previous steps made it.
//
// compose(function, schedule) is handled here rather than in a primitive's
// file: it parses the sub-schedule (names without "func:" belong to the
// function) and applies its steps, recursively, to a clone of the module,
// which replaces the module only if every sub-step succeeded. Errors inside
// the sub-schedule are located in the sub-schedule's file and get a note at
// the compose step (one per level of nesting). The chain of files being
// applied is kept so that a file composing itself, directly or not, is
// reported as a cycle instead of recursing forever.
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
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

LogicalResult dispatch(StepContext &c) {
  switch (c.step.kind) {
  case StepKind::Split: return applySplit(c);
  case StepKind::Reorder: return applyReorder(c);
  case StepKind::Fuse: return applyFuse(c);
  case StepKind::Unroll: return applyUnroll(c);
  case StepKind::Pipeline: return applyPipeline(c);
  case StepKind::Partition: return applyPartition(c);
  case StepKind::Dataflow: return applyDataflow(c);
  case StepKind::Inline: return applyInline(c);
  case StepKind::BufferAt: return applyBufferAt(c);
  case StepKind::ReuseAt: return applyReuseAt(c);
  case StepKind::ComputeAt: return applyComputeAt(c);
  case StepKind::Unfold: return applyUnfold(c);
  case StepKind::Relay: return applyRelay(c);
  case StepKind::Compose: break; // handled by applySteps
  }
  return failure();
}

/// Emits parse diagnostics as MLIR errors at their file:line:col.
void emitParseDiagnostics(MLIRContext *ctx, llvm::ArrayRef<ScheduleDiagnostic> diags) {
  for (const ScheduleDiagnostic &d : diags) {
    Location loc = d.pos.line ? Location(FileLineColLoc::get(ctx, d.file, d.pos.line, d.pos.col))
                              : Location(UnknownLoc::get(ctx));
    auto e = emitError(loc) << (d.path.empty() ? "" : d.path + ": ") << d.message;
    if (!d.suggestion.empty())
      e.attachNote(loc) << d.suggestion;
  }
}

/// The identity of a schedule file for cycle detection: its real path when it
/// exists, else the path as given.
std::string fileKey(llvm::StringRef path) {
  llvm::SmallString<256> real;
  if (!llvm::sys::fs::real_path(path, real))
    return std::string(real);
  return path.str();
}

LogicalResult applySteps(ModuleOp module, const Schedule &schedule, const ScheduleOptions &options,
                         std::vector<std::string> &chain, const std::string &prefix);

/// compose: parse the sub-schedule and apply it to `work`.
LogicalResult applyCompose(StepContext &c, const ScheduleOptions &options,
                           std::vector<std::string> &chain, const std::string &prefix) {
  const ScheduleStep &step = c.step;
  if (!c.function(*step.function))
    return failure();
  const std::string &fn = step.function->func;

  // The path is relative to the directory of the file holding the step.
  llvm::SmallString<256> path;
  if (llvm::sys::path::is_absolute(step.schedule.value)) {
    path = step.schedule.value;
  } else {
    path = llvm::sys::path::parent_path(c.schedule.file);
    llvm::sys::path::append(path, step.schedule.value);
  }
  std::string subFile = std::string(path);

  if (!llvm::sys::fs::exists(subFile)) {
    c.error(step.schedule.path, step.schedule.pos,
            "cannot read the sub-schedule '" + step.schedule.value + "' (looked for '" + subFile +
                "'): no such file")
            .attachNote(c.locOf(step.schedule.pos))
        << "the path is relative to the directory of the schedule file that contains the step";
    return failure();
  }
  if (std::string problem = scheduleFileProblem(subFile); !problem.empty()) {
    c.error(step.schedule.path, step.schedule.pos,
            "cannot read the sub-schedule '" + step.schedule.value + "' ('" + subFile +
                "'): " + problem)
            .attachNote(c.locOf(step.schedule.pos))
        << "a sub-schedule is a JSON schedule file";
    return failure();
  }
  std::string key = fileKey(subFile);
  auto again = llvm::find(chain, key);
  if (again != chain.end()) {
    std::string cycle;
    for (auto it = again; it != chain.end(); ++it)
      cycle += llvm::sys::path::filename(*it).str() + " -> ";
    cycle += llvm::sys::path::filename(key).str();
    c.error(step.schedule.path, step.schedule.pos, "compose cycle: " + cycle)
            .attachNote(c.locOf(step.schedule.pos))
        << "a schedule cannot compose itself, directly or through other files";
    return failure();
  }

  // Every diagnostic from inside the sub-schedule gets a note at this step.
  Location composeLoc = c.locOf(step.pos);
  std::string note = "in the sub-schedule " + llvm::sys::path::filename(subFile).str() +
                     " composed into '" + fn + "' by " + step.path + " here";
  ScopedDiagnosticHandler addNote(c.ctx, [&](Diagnostic &d) {
    if (d.getSeverity() == DiagnosticSeverity::Error)
      d.attachNote(composeLoc) << note;
    return failure(); // pass it on
  });

  std::vector<ScheduleDiagnostic> diags;
  std::optional<Schedule> sub = parseScheduleFile(subFile, diags, fn);
  emitParseDiagnostics(c.ctx, diags);
  if (!sub)
    return failure();

  chain.push_back(key);
  LogicalResult r =
      applySteps(c.module, *sub, options, chain,
                 prefix + step.path + " (" + llvm::sys::path::filename(subFile).str() + ") > ");
  chain.pop_back();
  return r;
}

LogicalResult applySteps(ModuleOp module, const Schedule &schedule, const ScheduleOptions &options,
                         std::vector<std::string> &chain, const std::string &prefix) {
  MLIRContext *ctx = module.getContext();
  for (const ScheduleStep &step : schedule.steps) {
    OwningOpRef<ModuleOp> work = module.clone();
    StepContext c(*work, schedule, step);
    if (step.kind == StepKind::Compose) {
      // The sub-steps verify one by one; the clone replaces the module only
      // if all of them succeed.
      if (failed(applyCompose(c, options, chain, prefix)))
        return failure();
      module.getBodyRegion().takeBody(work->getBodyRegion());
      continue;
    }
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
      os << "// -----// after " << prefix << step.path << ": " << step.summary() << " //----- //\n";
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

template <typename D> void ensureLoaded(MLIRContext *ctx) {
  if (!ctx->getLoadedDialect<D>())
    ctx->getOrLoadDialect<D>();
}

} // namespace

LogicalResult allo::applySchedule(ModuleOp module, const Schedule &schedule,
                                  ScheduleOptions options) {
  MLIRContext *ctx = module.getContext();
  ensureLoaded<AlloDialect>(ctx);
  ensureLoaded<affine::AffineDialect>(ctx);
  ensureLoaded<arith::ArithDialect>(ctx);
  ensureLoaded<memref::MemRefDialect>(ctx);
  ensureLoaded<scf::SCFDialect>(ctx);

  std::vector<std::string> chain;
  if (!schedule.file.empty())
    chain.push_back(fileKey(schedule.file));
  return applySteps(module, schedule, options, chain, "");
}

LogicalResult allo::applyScheduleFile(ModuleOp module, llvm::StringRef path,
                                      ScheduleOptions options) {
  std::vector<ScheduleDiagnostic> diags;
  std::optional<Schedule> s = parseScheduleFile(path, diags);
  emitParseDiagnostics(module.getContext(), diags);
  if (!s)
    return failure();
  return applySchedule(module, *s, options);
}
