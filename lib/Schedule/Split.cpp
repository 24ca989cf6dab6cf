//===- Split.cpp - split(loop, factor): tile one loop ---------------------===//
//
//   affine.for %j = lb to ub step s {allo.name = "j", <attrs>}   // T iterations
//     body(%j)
// becomes two normalised loops
//   affine.for %o = 0 to ceildiv(T, f) {allo.name = "j.outer"}
//     affine.for %i = 0 to f {allo.name = "j.inner", <attrs>}     // when f divides T
//       %j = affine.apply lb + (%o * f + %i) * s
//       body(%j)
// When f does not divide T the inner loop's bound is min(f, T - %o * f), so
// the last tile stops at the original end. (When T is a constant smaller
// than f, the inner bound is T and the outer loop runs once.) T may be
// symbolic (a min of affine expressions); the lower bound must be a single
// affine expression. The original loop's other attributes (pipeline,
// unroll, verbatim pragmas) move to the inner loop, which runs the original
// body; both loops keep the original location. If the loop has a C++
// variable name (allo.iv = "j"), the loops get "j_outer" and "j_inner" and
// the remap is located at NameLoc "j", so emitted code reads
// `int j = j_outer * f + j_inner;`.
//
// Normalised loops keep the nest rectangular when f divides T, so j.inner
// can later be reordered outside j.outer or fused with it.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/IR/Builders.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

LogicalResult sched::applySplit(StepContext &c) {
  const ScheduleRef &ref = c.loops.front();
  affine::AffineForOp loop = c.affineLoop(ref, "split");
  if (!loop)
    return failure();
  auto f = loop->getParentOfType<func::FuncOp>();
  std::string name = loopName(loop).str();
  std::string outerName = name + ".outer", innerName = name + ".inner";
  if (failed(c.checkFreshName(f, outerName, ref)) || failed(c.checkFreshName(f, innerName, ref)))
    return failure();
  if (loop.getNumResults() > 0) {
    c.error(ref,
            "cannot split '" + ref.str() + "': it carries values between iterations (iter_args)");
    return failure();
  }
  AffineMap lbMap = loop.getLowerBoundMap();
  if (lbMap.getNumResults() != 1) {
    auto d = c.error(ref, "cannot split '" + ref.str() + "': its lower bound is a max of " +
                              std::to_string(lbMap.getNumResults()) + " values");
    d.attachNote(loop.getLoc()) << "the loop";
    return failure();
  }
  AffineMap tcMap;
  llvm::SmallVector<Value, 4> tcOperands;
  affine::getTripCountMapAndOperands(loop, &tcMap, &tcOperands);
  if (!tcMap) {
    auto d = c.error(ref, "cannot split '" + ref.str() +
                              "': its trip count is not an affine expression");
    d.attachNote(loop.getLoc()) << "the loop";
    return failure();
  }
  int64_t factor = c.step.integer("factor").value;
  if (factor > (int64_t)INT32_MAX) {
    c.error(c.step.integer("factor").path, c.step.integer("factor").pos, "the factor is too large");
    return failure();
  }
  int64_t step = loop.getStepAsInt();
  std::optional<uint64_t> trip = affine::getConstantTripCount(loop);
  MLIRContext *ctx = c.ctx;
  Location loc = loop.getLoc();
  OpBuilder b(loop);

  // Outer: 0 to ceildiv(T, f) (a min when T is).
  llvm::SmallVector<AffineExpr, 2> outerUb;
  for (AffineExpr e : tcMap.getResults())
    outerUb.push_back(e.ceilDiv(factor));
  AffineMap outerUbMap =
      simplifyAffineMap(AffineMap::get(tcMap.getNumDims(), tcMap.getNumSymbols(), outerUb, ctx));
  auto outer = affine::AffineForOp::create(b, loc, ValueRange{}, b.getConstantAffineMap(0),
                                           tcOperands, outerUbMap, 1);
  Value o = outer.getInductionVar();

  // Inner: 0 to f, or min(f, T - o * f).
  b.setInsertionPointToStart(outer.getBody());
  affine::AffineForOp inner;
  if (trip && (*trip % (uint64_t)factor == 0 || *trip < (uint64_t)factor)) {
    int64_t n = *trip < (uint64_t)factor ? (int64_t)*trip : factor;
    inner = affine::AffineForOp::create(b, loc, 0, n, 1);
  } else {
    unsigned nd = tcMap.getNumDims(), ns = tcMap.getNumSymbols();
    AffineExpr od = getAffineDimExpr(nd, ctx);
    llvm::SmallVector<AffineExpr, 3> ubs = {getAffineConstantExpr(factor, ctx)};
    for (AffineExpr e : tcMap.getResults())
      ubs.push_back(e - od * factor);
    llvm::SmallVector<Value, 4> operands(tcOperands.begin(), tcOperands.begin() + nd);
    operands.push_back(o);
    operands.append(tcOperands.begin() + nd, tcOperands.end());
    AffineMap ubMap = AffineMap::get(nd + 1, ns, ubs, ctx);
    affine::canonicalizeMapAndOperands(&ubMap, &operands);
    inner = affine::AffineForOp::create(b, loc, ValueRange{}, b.getConstantAffineMap(0), operands,
                                        simplifyAffineMap(ubMap), 1);
  }
  Value i = inner.getInductionVar();

  // The original body, with %j = lb + (o * f + i) * s.
  Block *body = loop.getBody();
  inner.getBody()->getOperations().splice(Block::iterator(inner.getBody()->getTerminator()),
                                          body->getOperations(), body->begin(),
                                          std::prev(body->end()));
  b.setInsertionPointToStart(inner.getBody());
  unsigned nd = lbMap.getNumDims();
  AffineExpr od = getAffineDimExpr(nd, ctx), id = getAffineDimExpr(nd + 1, ctx);
  AffineMap ivMap = AffineMap::get(nd + 2, lbMap.getNumSymbols(),
                                   lbMap.getResult(0) + (od * factor + id) * step, ctx);
  auto lbOperands = loop.getLowerBoundOperands();
  llvm::SmallVector<Value, 4> ivOperands(lbOperands.begin(), lbOperands.begin() + nd);
  ivOperands.push_back(o);
  ivOperands.push_back(i);
  ivOperands.append(lbOperands.begin() + nd, lbOperands.end());
  affine::canonicalizeMapAndOperands(&ivMap, &ivOperands);
  auto ivName = loop->getAttrOfType<StringAttr>(AlloDialect::kInductionVar);
  Location ivLoc = ivName ? Location(NameLoc::get(ivName, loc)) : loc;
  auto iv = affine::AffineApplyOp::create(b, ivLoc, simplifyAffineMap(ivMap), ivOperands);
  loop.getInductionVar().replaceAllUsesWith(iv);
  if (iv->use_empty())
    iv->erase();

  copyLoopAttrs(loop, inner);
  if (ivName) {
    outer->setAttr(AlloDialect::kInductionVar, StringAttr::get(ctx, ivName.getValue() + "_outer"));
    inner->setAttr(AlloDialect::kInductionVar, StringAttr::get(ctx, ivName.getValue() + "_inner"));
  }
  setLoopName(outer, outerName);
  setLoopName(inner, innerName);
  loop.erase();
  return success();
}

std::string sched::summarizeSplit(const ScheduleStep &s) {
  return "split " + refList(s.loops()) + " by " + std::to_string(s.integer("factor").value);
}
