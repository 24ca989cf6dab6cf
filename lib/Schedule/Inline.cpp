//===- Inline.cpp - inline(function, off) ---------------------------------===//
//
// Sets allo.inline = 1 on the function (`#pragma HLS inline`: the HLS tool
// inlines it into its callers), or 0 with "off": true (`#pragma HLS inline
// off`). The IR is not inlined. A top function that nothing in the module
// calls has no caller to be inlined into, and is refused.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

LogicalResult sched::applyInline(StepContext &c) {
  func::FuncOp f = c.function(*c.step.function());
  if (!f)
    return failure();
  bool off = c.step.flag("off").value;
  if (!off && f->hasAttr(AlloDialect::kTop)) {
    auto uses = SymbolTable::getSymbolUses(f, c.module);
    if (uses && uses->empty()) {
      auto d = c.error(*c.step.function(), "cannot inline '" + f.getSymName().str() +
                                               "': it is a top function and nothing calls it");
      d.attachNote(f.getLoc()) << "the function";
      return failure();
    }
  }
  f->setAttr(AlloDialect::kInline, IntegerAttr::get(IntegerType::get(c.ctx, 64), off ? 0 : 1));
  return success();
}

std::string sched::summarizeInline(const ScheduleStep &s) {
  return std::string(s.flag("off").value ? "inline off " : "inline ") + refStr(s.function());
}
