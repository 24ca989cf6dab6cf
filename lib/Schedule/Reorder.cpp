//===- Reorder.cpp - reorder(loops): permute a perfectly nested band ------===//
//
// The listed loops must lie on one perfectly nested band (each loop of the
// band holds only the next one, constants aside). The positions they occupy
// are refilled in the order given, outermost first; band loops that are not
// listed stay where they are: with the band i, j, k, reorder [k, i] gives
// k, j, i. Loop operations (with their names and attributes) move as a whole.
//
// Refused when
//  * a loop's bounds use the induction variable of a loop that would end up
//    inside it (non-rectangular band), or
//  * a memory dependence would be reversed. Every pair of affine accesses to
//    one memref in the band (at least one a write) is checked with MLIR's
//    dependence analysis (checkMemrefAccessDependence) at every depth; the
//    permuted distance vector must stay lexicographically non-negative, with
//    unknown or possibly negative components counted as violations. Other
//    memory operations (calls, non-affine loads/stores) make the band
//    unanalysable, and the reorder is refused. MLIR's own
//    isValidLoopInterchangePermutation is consulted as well when the band is
//    outermost in its function.
//
// A scalar variable private to the iterations of the innermost band loop
// (written before it is read in each iteration, dead after the band: a
// `float acc = 0;` in the body; ScalarPrivatization.h) carries no dependence
// the new order could reverse: each iteration of the body still runs whole,
// on its own value. Its accesses are left out of the check.
//
//===----------------------------------------------------------------------===//
#include "ScalarPrivatization.h"
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/AffineAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/Utils.h"
#include "mlir/Dialect/Affine/LoopUtils.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

std::string component(const affine::DependenceComponent &d) {
  auto bound = [](std::optional<int64_t> v, const char *inf) {
    return v ? std::to_string(*v) : std::string(inf);
  };
  if (d.lb && d.ub && *d.lb == *d.ub)
    return std::to_string(*d.lb);
  return bound(d.lb, "-inf") + ".." + bound(d.ub, "+inf");
}

/// True if the components, in this order, are certainly lexicographically
/// non-negative.
bool lexNonNegative(llvm::ArrayRef<affine::DependenceComponent> comps) {
  for (const affine::DependenceComponent &d : comps) {
    if (d.lb && *d.lb > 0)
      return true;
    if (d.lb && *d.lb == 0)
      continue; // 0 (or 0..positive): the remaining components decide
    return false;
  }
  return true;
}

std::string accessKind(Operation *op) {
  return isa<affine::AffineWriteOpInterface>(op) ? "write" : "read";
}

} // namespace

LogicalResult sched::applyReorder(StepContext &c) {
  llvm::SmallVector<affine::AffineForOp, 4> loops;
  if (!c.affineLoops(loops, "reorder"))
    return failure();
  // All listed loops lie on one chain of nesting.
  affine::AffineForOp outer = loops.front(), inner = loops.front();
  for (affine::AffineForOp l : loops) {
    if (l->isProperAncestor(outer))
      outer = l;
    if (inner->isProperAncestor(l))
      inner = l;
  }
  for (size_t k = 0; k < loops.size(); ++k) {
    affine::AffineForOp l = loops[k];
    if ((l != outer && !outer->isProperAncestor(l)) ||
        (l != inner && !l->isProperAncestor(inner))) {
      c.error(c.loops[k], describeLoop(l) + " is not in the same loop nest as " +
                              describeLoop(outer == l ? inner : outer) +
                              "; reorder permutes the loops of one nest");
      return failure();
    }
  }
  llvm::SmallVector<affine::AffineForOp, 4> band;
  if (failed(perfectBand(c, outer, inner, band)))
    return failure();
  for (affine::AffineForOp l : band)
    if (l.getNumResults() > 0) {
      c.error("cannot reorder " + describeLoop(l) +
              ": it carries values between iterations (iter_args)");
      return failure();
    }

  // Positions of the listed loops in the band, and the permutation.
  auto indexOf = [&](affine::AffineForOp l) {
    return (unsigned)(llvm::find(band, l) - band.begin());
  };
  llvm::SmallVector<unsigned, 4> positions;
  for (affine::AffineForOp l : loops)
    positions.push_back(indexOf(l));
  llvm::SmallVector<unsigned, 4> sorted(positions);
  llvm::sort(sorted);
  llvm::SmallVector<unsigned, 4> permMap(band.size());
  for (unsigned i = 0; i < band.size(); ++i)
    permMap[i] = i;
  for (size_t t = 0; t < loops.size(); ++t)
    permMap[positions[t]] = sorted[t];
  bool identity = true;
  for (unsigned i = 0; i < band.size(); ++i)
    identity &= permMap[i] == i;
  if (identity)
    return success();

  // Rectangularity: a loop's bounds may only use loops that stay outside it.
  for (unsigned i = 0; i < band.size(); ++i) {
    for (Value v : band[i].getControlOperands()) {
      for (unsigned m = 0; m < band.size(); ++m) {
        if (v != band[m].getInductionVar() || permMap[m] < permMap[i])
          continue;
        auto d =
            c.error("cannot move " + describeLoop(band[i]) + " outside " + describeLoop(band[m]) +
                    ": its bounds depend on the induction variable of " + describeLoop(band[m]));
        d.attachNote(band[i].getLoc()) << "the loop whose bounds use it";
        return failure();
      }
    }
  }

  // Memory accesses in the band.
  llvm::SmallVector<Operation *, 16> accesses;
  Operation *opaque = nullptr;
  band.front().walk([&](Operation *op) {
    if (isa<affine::AffineReadOpInterface, affine::AffineWriteOpInterface>(op)) {
      accesses.push_back(op);
      return WalkResult::advance();
    }
    // A stream_of_blocks lock reads or writes its stream (its body's effects
    // are recursive, the stream's are its own).
    if (isa<StreamWriteLockOp, StreamReadLockOp>(op)) {
      opaque = op;
      return WalkResult::interrupt();
    }
    if (isa<affine::AffineForOp, affine::AffineIfOp, affine::AffineYieldOp>(op) ||
        op->hasTrait<OpTrait::HasRecursiveMemoryEffects>() || isMemoryEffectFree(op))
      return WalkResult::advance();
    opaque = op;
    return WalkResult::interrupt();
  });
  if (opaque && opaque->getDialect() && opaque->getDialect()->getNamespace() == "allo") {
    auto d = c.error("illegal reorder: the nest reads or writes a stream, and a new loop order "
                     "would change the order of the stream's elements");
    d.attachNote(opaque->getLoc()) << "this stream access";
    return failure();
  }
  if (opaque) {
    auto d = c.error("cannot prove the reorder legal: the nest contains an operation whose memory "
                     "accesses are not affine ('" +
                     opaque->getName().getStringRef() + "')");
    d.attachNote(opaque->getLoc()) << "here";
    return failure();
  }

  unsigned bandDepth = affine::getNestingDepth(band.front()); // loops around the band
  llvm::SmallVector<Value, 4> privates = privateScalarsOf(band.back());
  for (Operation *src : accesses) {
    for (Operation *dst : accesses) {
      bool srcWrites = isa<affine::AffineWriteOpInterface>(src);
      bool dstWrites = isa<affine::AffineWriteOpInterface>(dst);
      if (!srcWrites && !dstWrites)
        continue;
      affine::MemRefAccess srcAccess(src), dstAccess(dst);
      if (srcAccess.memref != dstAccess.memref || llvm::is_contained(privates, srcAccess.memref))
        continue;
      unsigned common = affine::getNumCommonSurroundingLoops(*src, *dst);
      for (unsigned depth = 1; depth <= common + 1; ++depth) {
        llvm::SmallVector<affine::DependenceComponent, 2> comps;
        affine::DependenceResult r =
            affine::checkMemrefAccessDependence(srcAccess, dstAccess, depth, nullptr, &comps);
        if (r.value == affine::DependenceResult::Failure) {
          auto d =
              c.error("cannot prove the reorder legal: dependence analysis failed for the accesses "
                      "to '" +
                      arrayName(srcAccess.memref) + "'");
          d.attachNote(src->getLoc()) << "this " << accessKind(src);
          d.attachNote(dst->getLoc()) << "and this " << accessKind(dst);
          return failure();
        }
        if (!affine::hasDependence(r))
          continue;
        // Permute the components of the band's loops.
        llvm::SmallVector<affine::DependenceComponent, 4> permuted(comps.begin(), comps.end());
        for (unsigned i = 0; i < band.size(); ++i)
          if (bandDepth + i < comps.size() && bandDepth + permMap[i] < permuted.size())
            permuted[bandDepth + permMap[i]] = comps[bandDepth + i];
        if (lexNonNegative(permuted))
          continue;
        llvm::SmallVector<std::string, 4> dist;
        for (const affine::DependenceComponent &dc : comps)
          dist.push_back((dc.op ? loopName(dc.op).str() : std::string("?")) + ": " + component(dc));
        llvm::SmallVector<std::string, 4> order;
        for (unsigned pos = 0; pos < band.size(); ++pos)
          for (unsigned i = 0; i < band.size(); ++i)
            if (permMap[i] == pos)
              order.push_back(loopName(band[i]).str());
        auto d = c.error("illegal reorder: the new order (" + llvm::join(order, ", ") +
                         ") would reverse a dependence on '" + arrayName(srcAccess.memref) +
                         "' (distance per loop: " + llvm::join(dist, ", ") + ")");
        d.attachNote(src->getLoc()) << "this " << accessKind(src) << " of '"
                                    << arrayName(srcAccess.memref) << "' must stay before";
        d.attachNote(dst->getLoc()) << "this " << accessKind(dst);
        return failure();
      }
    }
  }
  // (MLIR's check knows nothing of private scalars.)
  if (bandDepth == 0 && privates.empty() &&
      !affine::isValidLoopInterchangePermutation(band, permMap)) {
    c.error("illegal reorder: MLIR's loop interchange check finds a dependence the new order would "
            "reverse");
    return failure();
  }

  prepareBand(band);
  affine::permuteLoops(band, permMap);
  return success();
}

std::string sched::summarizeReorder(const ScheduleStep &s) {
  return "reorder " + refList(s.loops());
}
