//===- Compose.cpp - compose: apply another schedule file to a function ---===//
//
// compose(function, schedule) parses the sub-schedule (names without "func:"
// belong to the function) and applies its steps, recursively, to the working
// copy of the module, which replaces the module only if every sub-step
// succeeded. Errors inside the sub-schedule are located in the sub-schedule's
// file and get a note at the compose step (one per level of nesting). The
// chain of files being applied is kept so that a file composing itself,
// directly or not, is reported as a cycle instead of recursing forever.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

LogicalResult sched::applyCompose(StepContext &c) {
  const ScheduleStep &step = c.step;
  std::optional<ScheduleRef> function = step.function();
  if (!function || !c.function(*function))
    return failure();
  const std::string &fn = function->func;
  ScheduleField<std::string> file = step.text("schedule");

  // The path is relative to the directory of the file holding the step.
  llvm::SmallString<256> path;
  if (llvm::sys::path::is_absolute(file.value)) {
    path = file.value;
  } else {
    path = llvm::sys::path::parent_path(step.file);
    llvm::sys::path::append(path, file.value);
  }
  std::string subFile = std::string(path);

  if (!llvm::sys::fs::exists(subFile)) {
    c.error(file.path, file.pos,
            "cannot read the sub-schedule '" + file.value + "' (looked for '" + subFile +
                "'): no such file")
            .attachNote(c.locOf(file.pos))
        << "the path is relative to the directory of the schedule file that contains the step";
    return failure();
  }
  if (std::string problem = scheduleFileProblem(subFile); !problem.empty()) {
    c.error(file.path, file.pos,
            "cannot read the sub-schedule '" + file.value + "' ('" + subFile + "'): " + problem)
            .attachNote(c.locOf(file.pos))
        << "a sub-schedule is a JSON schedule file";
    return failure();
  }
  std::vector<std::string> &chain = c.run.chain;
  std::string key = scheduleFileKey(subFile);
  auto again = llvm::find(chain, key);
  if (again != chain.end()) {
    std::string cycle;
    for (auto it = again; it != chain.end(); ++it)
      cycle += llvm::sys::path::filename(*it).str() + " -> ";
    cycle += llvm::sys::path::filename(key).str();
    c.error(file.path, file.pos, "compose cycle: " + cycle).attachNote(c.locOf(file.pos))
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
  emitScheduleDiagnostics(c.ctx, diags);
  if (!sub)
    return failure();

  chain.push_back(key);
  std::string outerPrefix = c.run.prefix;
  c.run.prefix += step.path + " (" + llvm::sys::path::filename(subFile).str() + ") > ";
  LogicalResult r = applyScheduleSteps(c.module, *sub, c.run);
  c.run.prefix = outerPrefix;
  chain.pop_back();
  return r;
}

std::string sched::summarizeCompose(const ScheduleStep &s) {
  return "compose " + s.text("schedule").value + " into " + refStr(s.function());
}
