//===- Dataflow.cpp - dataflow(function | loop) ---------------------------===//
//
// Sets allo.dataflow (unit) on the function or loop, which the HLS emitter
// turns into `#pragma HLS dataflow`: the tasks (calls, loop nests) of its body
// run as a dataflow pipeline.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

LogicalResult sched::applyDataflow(StepContext &c) {
  Operation *target = nullptr;
  if (c.step.function())
    target = c.function(*c.step.function());
  else
    target = c.loop(c.loops.front());
  if (!target)
    return failure();
  target->setAttr(AlloDialect::kDataflow, UnitAttr::get(c.ctx));
  return success();
}

std::string sched::summarizeDataflow(const ScheduleStep &s) {
  return "dataflow " + (s.function() ? s.function()->str() : refList(s.loops()));
}
