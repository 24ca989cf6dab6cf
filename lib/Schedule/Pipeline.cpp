//===- Pipeline.cpp - pipeline(loop | function, ii, rewind) ---------------===//
//
// Sets allo.pipeline_ii = ii (default 1) on the loop (any named loop kind) or
// the function, which the HLS emitter turns into `#pragma HLS pipeline II=ii`.
// On a loop, "rewind": true adds allo.pipeline_rewind (`... rewind`); a step
// without it removes a rewind set earlier, so the step states the whole
// pipelining of its target.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

LogicalResult sched::applyPipeline(StepContext &c) {
  Attribute ii = IntegerAttr::get(IntegerType::get(c.ctx, 64), c.step.integer("ii").value);
  if (c.step.function()) {
    func::FuncOp f = c.function(*c.step.function());
    if (!f)
      return failure();
    f->setAttr(AlloDialect::kPipelineII, ii);
    return success();
  }
  Operation *loop = c.loop(c.loops.front());
  if (!loop)
    return failure();
  loop->setAttr(AlloDialect::kPipelineII, ii);
  if (c.step.flag("rewind").value)
    loop->setAttr(AlloDialect::kPipelineRewind, UnitAttr::get(c.ctx));
  else
    loop->removeAttr(AlloDialect::kPipelineRewind);
  return success();
}

std::string sched::summarizePipeline(const ScheduleStep &s) {
  return "pipeline " + (s.function() ? s.function()->str() : refList(s.loops())) +
         " ii=" + std::to_string(s.integer("ii").value) + (s.flag("rewind").value ? " rewind" : "");
}

std::optional<StepProblem> sched::checkPipeline(const ScheduleStep &s) {
  ScheduleField<bool> rewind = s.flag("rewind");
  if (rewind.given && rewind.value && s.function())
    return StepProblem{rewind.path, rewind.pos,
                       "'rewind' applies to loops only, not to function '" + s.function()->func +
                           "'",
                       "remove \"rewind\", or pipeline a loop of the function instead"};
  return std::nullopt;
}
