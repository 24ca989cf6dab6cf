//===- Fuse.cpp - fuse(loops): coalesce a perfect nest into one loop ------===//
//
// fuse [a, b, ...] takes consecutive loops of one perfectly nested band,
// outermost first, and replaces them by one loop over the product of their
// trip counts (Vitis loop_flatten, done in the IR with MLIR's coalesceLoops):
//
//   affine.for %i = 0 to 4 {allo.name = "i"}
//     affine.for %j = 0 to 6 {allo.name = "j"}
//       body(%i, %j)
// becomes
//   affine.for %f = 0 to 24 {allo.name = "i.j.fused"}
//     body(%f floordiv 6, %f mod 6)
//
// The fused loop is named by joining the names with '.' and appending
// ".fused" (allo.iv: the variable names joined with '_'); the recovered
// variables keep their C++ names (NameLoc, so the emitter prints
// `int i = i_j / 6;`). It keeps the
// attributes of the fused loops (pipeline, unroll, ...), the innermost one's
// winning, and the verbatim pragmas of all of them. Iterations run in exactly the original order,
// so the rewrite is always legal for a rectangular nest; the loops are first
// normalised (lower bound 0, step 1), and a nest whose bounds depend on the
// induction variables of its own loops is refused. An inner loop whose trip
// count may be negative (it never runs) guards the fused loop with an
// affine.if: the product of two negative counts would be positive.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/LoopUtils.h"
#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/IR/IntegerSet.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

LogicalResult sched::applyFuse(StepContext &c) {
  llvm::SmallVector<affine::AffineForOp, 4> loops;
  if (!c.affineLoops(loops, "fuse"))
    return failure();
  for (size_t k = 1; k < loops.size(); ++k) {
    if (loops[k]->isProperAncestor(loops[k - 1])) {
      c.error(c.loops[k], "list the loops outermost first: " + describeLoop(loops[k]) +
                              " encloses " + describeLoop(loops[k - 1]));
      return failure();
    }
    if (!loops[k - 1]->isProperAncestor(loops[k])) {
      c.error(c.loops[k], describeLoop(loops[k]) + " is not nested inside " +
                              describeLoop(loops[k - 1]) + "; fuse takes loops of one nest");
      return failure();
    }
  }
  llvm::SmallVector<affine::AffineForOp, 4> band;
  if (failed(perfectBand(c, loops.front(), loops.back(), band)))
    return failure();
  if (band.size() != loops.size()) {
    for (affine::AffineForOp l : band)
      if (!llvm::is_contained(loops, l)) {
        c.error("the loops are not consecutive: " + describeLoop(l) +
                " lies between them; list every loop of the nest from " +
                describeLoop(loops.front()) + " to " + describeLoop(loops.back()));
        return failure();
      }
  }
  for (affine::AffineForOp l : band)
    if (l.getNumResults() > 0) {
      c.error("cannot fuse " + describeLoop(l) +
              ": it carries values between iterations (iter_args)");
      return failure();
    }
  auto f = band.front()->getParentOfType<func::FuncOp>();
  llvm::SmallVector<std::string, 4> names;
  for (affine::AffineForOp l : band)
    names.push_back(loopName(l).str());
  std::string fusedName = llvm::join(names, ".") + ".fused";
  if (failed(c.checkFreshName(f, fusedName, c.loops.front())))
    return failure();
  // Attributes of the inner loops (the outermost keeps its own), innermost
  // last so that it wins; induction variable names joined.
  llvm::SmallVector<std::string, 4> ivs;
  for (affine::AffineForOp l : band)
    if (auto iv = l->getAttrOfType<StringAttr>(AlloDialect::kInductionVar))
      ivs.push_back(iv.getValue().str());
  NamedAttrList innerAttrs; // the inner loops are erased by coalescing
  for (size_t k = 1; k < band.size(); ++k)
    mergeLoopAttrs(band[k], innerAttrs);
  Location loc = band.front().getLoc();

  // From here on the working copy is modified; any failure drops it.
  prepareBand(band);
  // The original variables keep their C++ names in the emitted code: the
  // body reads each through `affine.apply id(iv)` located at NameLoc "i",
  // which normalisation and coalescing compose into `f floordiv 6` etc.
  llvm::SmallVector<affine::AffineApplyOp, 4> namedVars;
  {
    affine::AffineForOp innermost = band.back();
    OpBuilder b = OpBuilder::atBlockBegin(innermost.getBody());
    for (affine::AffineForOp l : band) {
      auto iv = l->getAttrOfType<StringAttr>(AlloDialect::kInductionVar);
      Value v = l.getInductionVar();
      if (!iv || v.use_empty())
        continue;
      auto named = affine::AffineApplyOp::create(b, NameLoc::get(iv, l.getLoc()),
                                                 b.getDimIdentityMap(), ValueRange{v});
      v.replaceUsesWithIf(named, [&](OpOperand &use) {
        return use.getOwner() != named && innermost->isProperAncestor(use.getOwner());
      });
      if (named->use_empty())
        named->erase();
      else
        namedVars.push_back(named);
    }
  }
  for (size_t i = band.size(); i-- > 0;) {
    if (failed(affine::normalizeAffineFor(band[i]))) {
      c.error("cannot fuse: " + describeLoop(band[i]) +
              " cannot be normalised (its lower bound is a max of several values)");
      return failure();
    }
  }
  // Rectangular: no bound may use a value computed inside the nest (an
  // induction variable or its normalisation remap).
  for (size_t i = 0; i < band.size(); ++i)
    for (Value v : band[i].getControlOperands())
      if (!band.front().isDefinedOutsideOfLoop(v)) {
        auto d = c.error("cannot fuse: the nest is not rectangular, the bounds of " +
                         describeLoop(band[i]) + " depend on an enclosing loop of the nest");
        d.attachNote(band[i].getLoc()) << "this loop";
        return failure();
      }
  // A loop whose trip count is negative never runs, but coalescing multiplies
  // the trip counts, and two negative ones make a positive product (a nest of
  // `i < n` and `j < m` with n and m negative would run n * m times). Unless
  // every inner loop's count is a non-negative constant, the fused loop runs
  // under `if (count >= 0)` for each of them (fuzz-diff seed 900, case 850).
  {
    llvm::SmallVector<AffineExpr, 4> conds;
    llvm::SmallVector<Value, 4> dimOps, symOps;
    for (size_t k = 1; k < band.size(); ++k) {
      AffineMap ub = band[k].getUpperBoundMap();
      ValueRange ops = band[k].getUpperBoundOperands();
      unsigned nd = ub.getNumDims(), ns = ub.getNumSymbols();
      bool used = false;
      for (AffineExpr e : ub.getResults()) {
        if (auto cst = dyn_cast<AffineConstantExpr>(e); cst && cst.getValue() >= 0)
          continue;
        conds.push_back(e.shiftDims(nd, dimOps.size()).shiftSymbols(ns, symOps.size()));
        used = true;
      }
      if (!used)
        continue;
      dimOps.append(ops.begin(), ops.begin() + nd);
      symOps.append(ops.begin() + nd, ops.end());
    }
    if (!conds.empty()) {
      IntegerSet set = IntegerSet::get(dimOps.size(), symOps.size(), conds,
                                       llvm::SmallVector<bool, 4>(conds.size(), false));
      llvm::SmallVector<Value, 8> operands(dimOps.begin(), dimOps.end());
      operands.append(symOps);
      affine::canonicalizeSetAndOperands(&set, &operands);
      OpBuilder b(band.front());
      auto guard = affine::AffineIfOp::create(b, loc, set, operands, /*withElseRegion=*/false);
      band.front()->moveBefore(guard.getThenBlock()->getTerminator());
    }
  }
  // Normalisation remaps each induction variable at the top of its body; sink
  // those remaps into the innermost loop so the band is perfectly nested.
  prepareBand(band);

  Block *block = band.front()->getBlock();
  Operation *before = band.front()->getPrevNode();
  affine::AffineForOp fused = band.front();
  if (failed(affine::coalesceLoops(band))) {
    c.error("MLIR could not coalesce the loops (their trip counts must be affine in values "
            "defined outside the nest)");
    return failure();
  }
  fused->setLoc(loc);
  // Each named variable becomes one apply of the fused variable (an identity
  // apply would be folded away with its name).
  for (affine::AffineApplyOp named : namedVars) {
    AffineMap map = named.getAffineMap();
    llvm::SmallVector<Value, 4> operands(named.getMapOperands());
    affine::fullyComposeAffineMapAndOperands(&map, &operands);
    affine::canonicalizeMapAndOperands(&map, &operands);
    named.setMap(map);
    named->setOperands(operands);
  }
  {
    NamedAttrList merged(llvm::to_vector(fused->getDiscardableAttrs()));
    for (NamedAttribute a : innerAttrs) {
      auto mine = llvm::dyn_cast_or_null<ArrayAttr>(merged.get(a.getName()));
      auto theirs = llvm::dyn_cast<ArrayAttr>(a.getValue());
      if (a.getName() == AlloDialect::kPragmas && mine && theirs) {
        llvm::SmallVector<Attribute, 4> all(mine.begin(), mine.end());
        all.append(theirs.begin(), theirs.end());
        merged.set(a.getName(), ArrayAttr::get(c.ctx, all));
      } else {
        merged.set(a.getName(), a.getValue());
      }
    }
    for (NamedAttribute a : merged)
      fused->setAttr(a.getName(), a.getValue());
  }
  setLoopName(fused, fusedName);
  if (ivs.size() == band.size())
    fused->setAttr(AlloDialect::kInductionVar, StringAttr::get(c.ctx, llvm::join(ivs, "_")));
  else
    fused->removeAttr(AlloDialect::kInductionVar);

  // Fold the trip-count arithmetic coalesceLoops emitted (only those ops).
  llvm::SmallVector<Operation *, 16> created;
  for (auto it = before ? std::next(Block::iterator(before)) : block->begin();
       it != Block::iterator(fused); ++it)
    created.push_back(&*it);
  fused.walk([&](Operation *op) {
    if (isa<affine::AffineApplyOp, affine::AffineMinOp>(op))
      created.push_back(op);
  });
  created.push_back(fused);
  RewritePatternSet patterns(c.ctx);
  affine::AffineApplyOp::getCanonicalizationPatterns(patterns, c.ctx);
  affine::AffineMinOp::getCanonicalizationPatterns(patterns, c.ctx);
  affine::AffineForOp::getCanonicalizationPatterns(patterns, c.ctx);
  (void)applyOpPatternsGreedily(
      created, std::move(patterns),
      GreedyRewriteConfig().setStrictness(GreedyRewriteStrictness::ExistingAndNewOps));
  return success();
}

std::string sched::summarizeFuse(const ScheduleStep &s) { return "fuse " + refList(s.loops()); }
