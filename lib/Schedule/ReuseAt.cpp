//===- ReuseAt.cpp - reuse_at(array, loop) --------------------------------===//
//
// The one-dimensional window: inside `loop` (variable j, step 1) the array is
// only read, directly in the loop's body, at indices that are the same in
// every dimension but one, where they are j + c for constants c. With
// offsets cmin..cmax (W = cmax - cmin + 1) a shift register A_reuse[W]
// (completely partitioned) holds A[..][j + cmin .. j + cmax]:
//
//   affine.for %j = L to U {            A_reuse[1..W-1] = A[..][L+cmin .. L+cmax-1]
//     A[%i][%j], A[%i][%j+1],     =>    affine.for %j = L to U {
//     A[%i][%j+2] ...                     A_reuse[k] = A_reuse[k+1]   (k < W-1)
//   }                                     A_reuse[W-1] = A[%i][%j+cmax]
//                                         A_reuse[0], A_reuse[1], A_reuse[2] ...
//                                       }
//
// so each iteration reads one element of the array instead of W. The
// preload before the loop reads what the first iteration would have read
// (the loop must have a constant trip count of at least 1 for that).
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/AffineAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/IR/AffineValueMap.h"
#include "mlir/IR/Builders.h"

#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

struct WindowRead {
  mutable affine::AffineLoadOp load;
  affine::AffineValueMap access; ///< composed
  int64_t offset = 0;
};

} // namespace

LogicalResult sched::applyReuseAt(StepContext &c) {
  const ScheduleStep &s = c.step;
  std::optional<ArraySite> arr;
  affine::AffineForOp loop;
  if (failed(c.arrayAndLoop("reuse_at", arr, loop)))
    return failure();
  std::string what = "cannot reuse '" + s.array->str() + "' at " + describeLoop(loop) + ": ";
  Value array = arr->value();
  if (arr->alloca && loop->isAncestor(arr->alloca)) {
    auto d = c.error("cannot reuse '" + s.array->str() + "' at " + describeLoop(loop) +
                     ": the array is allocated inside the loop");
    d.attachNote(arr->loc()) << "the array";
    return failure();
  }
  Value iv = loop.getInductionVar();
  if (loop.getStepAsInt() != 1) {
    auto d = c.error(what + "the loop's step is " + std::to_string(loop.getStepAsInt()) +
                     "; reuse_at needs a step of 1");
    d.attachNote(loop.getLoc()) << "the loop";
    return failure();
  }
  std::optional<uint64_t> trip = affine::getConstantTripCount(loop);
  if (!trip || *trip == 0 || loop.getLowerBoundMap().getNumResults() != 1) {
    auto d = c.error(what + "the loop needs a constant, non-zero trip count and a single lower bound");
    d.attachNote(loop.getLoc()) << "the loop";
    return failure();
  }

  std::vector<WindowRead> reads;
  for (OpOperand &use : array.getUses()) {
    Operation *user = use.getOwner();
    if (!loop->isAncestor(user))
      continue;
    auto ld = llvm::dyn_cast<affine::AffineLoadOp>(user);
    if (!ld) {
      auto d = c.error(what + "the loop " +
                       (isa<affine::AffineStoreOp, memref::StoreOp>(user)
                            ? std::string("writes the array; reuse_at needs it read-only in the loop")
                            : "uses the array in a '" + user->getName().getStringRef().str() +
                                  "', not only in affine loads"));
      d.attachNote(user->getLoc()) << "this use";
      return failure();
    }
    if (ld->getParentOp() != loop.getOperation()) {
      auto d = c.error(what + "a read is nested in another operation of the loop's body; only reads "
                              "directly in the body (one window per iteration) are supported");
      d.attachNote(ld.getLoc()) << "this read";
      return failure();
    }
    WindowRead r;
    r.load = ld;
    affine::MemRefAccess(ld).getAccessMap(&r.access);
    reads.push_back(r);
  }
  if (reads.empty()) {
    auto d = c.error(what + "the loop does not read the array");
    d.attachNote(loop.getLoc()) << "the loop";
    return failure();
  }

  // Every read: one dimension j + c, the others the same and independent of j.
  std::optional<unsigned> windowDim;
  for (WindowRead &r : reads) {
    AffineMap map = r.access.getAffineMap();
    std::optional<unsigned> pos;
    for (unsigned k = 0; k < r.access.getNumOperands(); ++k) {
      Value v = r.access.getOperand(k);
      if (v == iv) {
        pos = k;
        continue;
      }
      bool outside = llvm::isa<BlockArgument>(v)
                         ? !loop->isAncestor(llvm::cast<BlockArgument>(v).getOwner()->getParentOp())
                         : !loop->isAncestor(v.getDefiningOp());
      if (!outside) {
        auto d = c.error(what + "an index depends on a value computed inside the loop");
        d.attachNote(r.load.getLoc()) << "this read";
        return failure();
      }
    }
    std::optional<unsigned> dim;
    for (unsigned d = 0; d < map.getNumResults(); ++d) {
      AffineExpr e = map.getResult(d);
      if (!pos || !e.isFunctionOfDim(*pos))
        continue;
      AffineExpr rest = simplifyAffineExpr(e - getAffineDimExpr(*pos, c.ctx), map.getNumDims(),
                                           map.getNumSymbols());
      auto cst = llvm::dyn_cast<AffineConstantExpr>(rest);
      if (dim || !cst) {
        auto diag = c.error(what + "the read's indices are not of the one-dimensional window form "
                                   "A[..][j + constant][..] (the other indices independent of j)");
        diag.attachNote(r.load.getLoc()) << "this read";
        return failure();
      }
      dim = d;
      r.offset = cst.getValue();
    }
    if (!dim) {
      auto diag = c.error(what + "a read does not move with the loop's variable");
      diag.attachNote(r.load.getLoc()) << "this read; every read of the array in the loop must be "
                                          "A[..][j + constant][..]";
      return failure();
    }
    if (windowDim && *windowDim != *dim) {
      auto diag = c.error(what + "the reads slide along different dimensions (" +
                          std::to_string(*windowDim + 1) + " and " + std::to_string(*dim + 1) +
                          "); only one-dimensional windows are supported");
      diag.attachNote(r.load.getLoc()) << "this read";
      return failure();
    }
    windowDim = dim;
  }
  // The other indices agree.
  auto others = [&](const WindowRead &r) {
    AffineMap map = r.access.getAffineMap();
    llvm::SmallVector<AffineExpr, 4> res;
    for (unsigned d = 0; d < map.getNumResults(); ++d)
      if (d != *windowDim)
        res.push_back(map.getResult(d));
    return affine::AffineValueMap(
        AffineMap::get(map.getNumDims(), map.getNumSymbols(), res, c.ctx), r.access.getOperands());
  };
  affine::AffineValueMap first = others(reads.front());
  for (const WindowRead &r : reads) {
    affine::AffineValueMap diff;
    affine::AffineValueMap::difference(first, others(r), &diff);
    for (AffineExpr e : diff.getAffineMap().getResults()) {
      auto cst = llvm::dyn_cast<AffineConstantExpr>(e);
      if (!cst || cst.getValue() != 0) {
        auto diag = c.error(what + "the reads differ in a dimension other than the one moving with "
                                   "the loop; only one-dimensional windows are supported");
        diag.attachNote(r.load.getLoc()) << "this read";
        diag.attachNote(reads.front().load.getLoc()) << "and this one";
        return failure();
      }
    }
  }
  int64_t cmin = reads.front().offset, cmax = cmin;
  for (const WindowRead &r : reads) {
    cmin = std::min(cmin, r.offset);
    cmax = std::max(cmax, r.offset);
  }
  int64_t width = cmax - cmin + 1;

  memref::AllocaOp buf = createLocalArray(*arr, {width}, arrayName(array) + "_reuse");
  Builder bb(c.ctx);
  NamedAttrList part;
  part.set("type", bb.getStringAttr("complete"));
  part.set("dim", bb.getI64IntegerAttr(0));
  buf->setAttr(AlloDialect::kPartition, bb.getArrayAttr({part.getDictionary(c.ctx)}));

  // A read of the array at window position `off` with j = `at`.
  const WindowRead &proto = reads.front();
  unsigned ivPos = 0;
  for (unsigned k = 0; k < proto.access.getNumOperands(); ++k)
    if (proto.access.getOperand(k) == iv)
      ivPos = k;
  auto readArray = [&](OpBuilder &b, OpFoldResult at, int64_t off) -> Value {
    AffineMap map = proto.access.getAffineMap();
    llvm::SmallVector<AffineExpr, 4> res(map.getResults());
    llvm::SmallVector<Value, 8> operands(proto.access.getOperands());
    if (auto v = llvm::dyn_cast<Value>(at)) {
      res[*windowDim] = getAffineDimExpr(ivPos, c.ctx) + off;
      operands[ivPos] = v;
    } else {
      res[*windowDim] =
          getAffineConstantExpr(llvm::cast<IntegerAttr>(llvm::cast<Attribute>(at)).getInt() + off, c.ctx);
    }
    AffineMap m = AffineMap::get(map.getNumDims(), map.getNumSymbols(), res, c.ctx);
    affine::canonicalizeMapAndOperands(&m, &operands);
    return affine::AffineLoadOp::create(b, loop.getLoc(), array, m, operands);
  };
  auto constIndex = [&](OpBuilder &b, int64_t k) {
    return AffineMap::get(0, 0, b.getAffineConstantExpr(k));
  };

  // Preload before the loop: A_reuse[k] = A[..][L + cmin + k - 1], k = 1..W-1.
  Location loc = loop.getLoc();
  OpBuilder b(loop);
  if (width > 1) {
    llvm::SmallVector<OpFoldResult, 4> lbOperands(loop.getLowerBoundOperands());
    OpFoldResult lb =
        affine::makeComposedFoldedAffineApply(b, loc, loop.getLowerBoundMap(), lbOperands);
    for (int64_t k = 1; k < width; ++k) {
      Value v = readArray(b, lb, cmin + k - 1);
      affine::AffineStoreOp::create(b, loc, v, buf, constIndex(b, k), ValueRange{});
    }
  }
  // Each iteration: shift, then read the newest element.
  b.setInsertionPointToStart(loop.getBody());
  for (int64_t k = 0; k + 1 < width; ++k) {
    Value v = affine::AffineLoadOp::create(b, loc, buf, constIndex(b, k + 1), ValueRange{});
    affine::AffineStoreOp::create(b, loc, v, buf, constIndex(b, k), ValueRange{});
  }
  Value newest = readArray(b, OpFoldResult(iv), cmax);
  affine::AffineStoreOp::create(b, loc, newest, buf, constIndex(b, width - 1), ValueRange{});
  // The window's reads.
  for (WindowRead &r : reads) {
    OpBuilder rb(r.load);
    auto n = affine::AffineLoadOp::create(rb, r.load.getLoc(), buf, constIndex(rb, r.offset - cmin),
                                          ValueRange{});
    r.load.getResult().replaceAllUsesWith(n.getResult());
    r.load.erase();
  }
  return success();
}
