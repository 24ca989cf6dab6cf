//===- Unroll.cpp - unroll(loop, factor, in_ir) ---------------------------===//
//
// By default unroll only records the request: allo.unroll = factor (0 = full)
// on the loop, which the HLS emitter turns into `#pragma HLS unroll
// [factor=N]`. Any named loop (affine.for, scf.for, scf.while) qualifies.
//
// With "in_ir": true the affine.for is unrolled in the IR (MLIR's
// loopUnrollByFactor / loopUnrollFull):
//  * factor 0, or a factor >= the constant trip count: the loop disappears,
//    its body is repeated once per iteration;
//  * otherwise the loop keeps its name and steps factor times further, its
//    body holding factor copies; when factor does not divide the trip count a
//    remainder loop named `name.rem` follows it (or, for a single remaining
//    iteration, its body alone). A loop left with a single iteration is
//    replaced by its body (MLIR promotes it), so with trip count T,
//    factor <= T < 2 * factor, only `name.rem` (if any) remains.
// Loops nested in the unrolled loop are copied; when there is more than one
// copy, every copy is renamed `inner.u<k>`, k counting the copies in program
// order from 0 (the remainder's copy comes last), so that names stay unique.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/LoopUtils.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

/// Makes the lower bound of `loop` the max of its own and `lb`(`lbOperands`),
/// both valid at the loop.
static void clampLowerBound(affine::AffineForOp loop, AffineMap lb, ValueRange lbOperands) {
  AffineMap own = loop.getLowerBoundMap();
  llvm::SmallVector<Value, 8> ownOperands(loop.getLowerBoundOperands());
  unsigned d1 = lb.getNumDims(), s1 = lb.getNumSymbols();
  unsigned d2 = own.getNumDims(), s2 = own.getNumSymbols();
  MLIRContext *ctx = loop.getContext();
  // Operands: lb's dims, own dims, lb's symbols, own symbols.
  llvm::SmallVector<AffineExpr, 8> dims, syms;
  for (unsigned i = 0; i < d2; ++i)
    dims.push_back(getAffineDimExpr(d1 + i, ctx));
  for (unsigned i = 0; i < s2; ++i)
    syms.push_back(getAffineSymbolExpr(s1 + i, ctx));
  llvm::SmallVector<AffineExpr, 4> results(lb.getResults());
  for (AffineExpr e : own.getResults())
    results.push_back(e.replaceDimsAndSymbols(dims, syms));
  AffineMap map = AffineMap::get(d1 + d2, s1 + s2, results, ctx);
  llvm::SmallVector<Value, 8> operands(lbOperands.take_front(d1));
  operands.append(ownOperands.begin(), ownOperands.begin() + d2);
  operands.append(lbOperands.begin() + d1, lbOperands.end());
  operands.append(ownOperands.begin() + d2, ownOperands.end());
  affine::canonicalizeMapAndOperands(&map, &operands);
  map = simplifyAffineMap(map);
  loop.setLowerBound(operands, map);
}

LogicalResult sched::applyUnroll(StepContext &c) {
  const ScheduleRef &ref = c.loops.front();
  int64_t factor = c.step.integer("factor").value;
  if (!c.step.flag("in_ir").value) {
    Operation *op = c.loop(ref);
    if (!op)
      return failure();
    op->setAttr(AlloDialect::kUnroll, IntegerAttr::get(IntegerType::get(c.ctx, 64), factor));
    return success();
  }

  affine::AffineForOp loop = c.affineLoop(ref, "unroll");
  if (!loop)
    return failure();
  auto f = loop->getParentOfType<func::FuncOp>();
  std::string name = loopName(loop).str();
  std::optional<uint64_t> trip = affine::getConstantTripCount(loop);
  // Bounds whose difference is a negative constant (for (i = n - 1; i >= n + 1; i--)):
  // MLIR reports the negative count as a huge unsigned one; the loop runs zero times.
  // Unrolling a loop that never runs changes nothing (MLIR's own unrolling
  // would take the huge count at its word).
  if (trip && ((int64_t)*trip < 0 || *trip == 0))
    return success();
  bool full = factor == 0 || (trip && (uint64_t)factor >= *trip);
  if (full && !trip) {
    auto d = c.error(ref, "cannot unroll '" + ref.str() +
                              "' fully in the IR: its trip count is not a constant");
    d.attachNote(loop.getLoc())
        << "the loop; unroll by a factor instead, or leave the unrolling to "
           "the HLS tool (drop \"in_ir\")";
    return failure();
  }
  if (!full && (factor > (int64_t)UINT32_MAX)) {
    c.error(c.step.integer("factor").path, c.step.integer("factor").pos, "the factor is too large");
    return failure();
  }
  if (!full && (!trip || *trip % factor != 0) &&
      (loop.getLowerBoundMap().getNumResults() != 1 ||
       loop.getUpperBoundMap().getNumResults() != 1)) {
    auto d = c.error(ref, "cannot unroll '" + ref.str() + "' by " + std::to_string(factor) +
                              " in the IR: its bounds are a min/max and the factor may not divide "
                              "its trip count, so no remainder loop can be formed");
    d.attachNote(loop.getLoc()) << "the loop; unroll it fully, or use a factor that divides it";
    return failure();
  }
  // Loops nested in the unrolled one: their copies get renamed.
  llvm::StringSet<> nested;
  loop.getBody()->walk([&](Operation *op) {
    if (isLoop(op) && !loopName(op).empty())
      nested.insert(loopName(op));
  });

  // An empty body (MLIR leaves such loops as they are): fully unrolled, the
  // loop is gone; by a factor, it stays empty.
  if (loop.getBody()->getOperations().size() == 1 && loop.getNumResults() == 0) {
    if (full)
      loop.erase();
    return success();
  }
  int64_t step = loop.getStepAsInt();
  AffineMap lbMap = loop.getLowerBoundMap();
  llvm::SmallVector<Value, 4> lbOperands(loop.getLowerBoundOperands());
  LogicalResult r =
      full ? affine::loopUnrollFull(loop) : affine::loopUnrollByFactor(loop, (uint64_t)factor);
  if (failed(r)) {
    c.error(ref, "MLIR could not unroll '" + ref.str() + "'" +
                     (full ? std::string(" fully") : " by " + std::to_string(factor)));
    return failure();
  }
  // MLIR starts the remainder at lb + floordiv(T, factor) * factor * step,
  // T = ceildiv(ub - lb, step); when T is not a constant it may be negative
  // (the loop runs zero times), and so is that start, so the remainder would
  // run from below lb: it starts at max(lb, that) instead.
  if (!full && !trip)
    if (auto rem = llvm::dyn_cast_or_null<affine::AffineForOp>(loop->getNextNode()))
      if (rem.getStepAsInt() == step)
        clampLowerBound(rem, lbMap, lbOperands);
  // Rename: the remainder loop, and the copies of nested loops (names that
  // now occur more than once).
  llvm::StringMap<unsigned> occurrences, copies;
  f.walk([&](Operation *op) {
    if (isLoop(op) && nested.contains(loopName(op)))
      ++occurrences[loopName(op)];
  });
  bool clash = false;
  f.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (!isLoop(op))
      return;
    llvm::StringRef n = loopName(op);
    if (n.empty())
      return;
    if (n == name && !full && factor > 1) {
      // The main loop steps factor times further; the remainder (a clone of
      // the original, placed after it) keeps the original step.
      auto l = llvm::dyn_cast<affine::AffineForOp>(op);
      if (l && l.getStepAsInt() == step)
        setLoopName(op, name + ".rem");
      return;
    }
    if (nested.contains(n) && occurrences[n] > 1) {
      std::string copy = n.str() + ".u" + std::to_string(copies[n]++);
      setLoopName(op, copy);
    }
  });
  // The new names must not collide with names the function already had.
  llvm::StringMap<unsigned> seen;
  f.walk([&](Operation *op) {
    if (isLoop(op) && !loopName(op).empty() && seen[loopName(op)]++ == 1) {
      auto d = c.error(ref, "unrolling '" + ref.str() + "' would create a second loop named '" +
                                loopName(op).str() + "'");
      d.attachNote(op->getLoc()) << "rename the loops of the function so that '<name>.u<k>' and "
                                    "'<name>.rem' are free";
      clash = true;
    }
  });
  return failure(clash);
}

std::string sched::summarizeUnroll(const ScheduleStep &s) {
  int64_t factor = s.integer("factor").value;
  return "unroll " + refList(s.loops()) + (factor ? " by " + std::to_string(factor) : " fully") +
         (s.flag("in_ir").value ? " in the IR" : "");
}
