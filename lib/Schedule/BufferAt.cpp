//===- BufferAt.cpp - buffer_at(array, loop) ------------------------------===//
//
// One iteration of `loop` works on a tile of `array`: the bounding box of
// the elements its body accesses, computed by MLIR's affine region analysis
// (MemRefRegion, symbolic in the loop's variable and the loops around it).
// The box must have a constant size; its origin may move with the loop.
//
//   affine.for %i {                      affine.for %i {
//     ... A[%i][%j] ...           =>       A_buf.in0 / A_buf.in1: A_buf[t0][t1] = A[o0+t0][o1+t1]
//   }                                      ... A_buf[%i-o0][%j-o1] ...
//                                          A_buf.out0 / A_buf.out1: A[o0+t0][o1+t1] = A_buf[t0][t1]
//                                        }
//
// The buffer A_buf (memref.alloca with allo.name, at the top of the function
// where the HLS emitter declares locals) has the box's shape. The copy-in nest
// is created when the body reads the array, or when it writes it without
// provably writing the whole box (the write-back would otherwise store
// elements never loaded); the write-back nest when the body writes the array.
// Every use of the array inside the loop must be an affine.load/affine.store.
//
// The box can reach outside the array although every access is inside: the
// last tile of a split loop whose factor does not divide the trip count
// (min(4, 10 - 4*o) iterations), or a decreasing loop whose tiles start at
// k - 4*o - 3. The copy nests are then clipped to the array along each
// dimension where the box is not provably inside it (bounds max(0, -o) and
// min(size, D - o) in buffer coordinates), so they never touch an element
// outside the array; elements of the box the body does not access are
// copied in and written back unchanged.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/AffineAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/Utils.h"
#include "mlir/Dialect/Affine/IR/AffineValueMap.h"
#include "mlir/IR/Builders.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

#include <memory>

using namespace mlir;
using namespace allo;
using namespace allo::sched;

//===----------------------------------------------------------------------===//
// A new local array
//===----------------------------------------------------------------------===//

memref::AllocaOp sched::createLocalArray(const ArraySite &like, llvm::ArrayRef<int64_t> shape,
                                         llvm::StringRef base) {
  func::FuncOp f = like.func;
  MLIRContext *ctx = f.getContext();
  // A fresh name among the function's arrays.
  llvm::StringSet<> taken;
  for (unsigned i = 0; i < f.getNumArguments(); ++i)
    if (auto n = f.getArgAttrOfType<StringAttr>(i, AlloDialect::kName))
      taken.insert(n.getValue());
  f.walk([&](memref::AllocaOp a) {
    if (auto n = a->getAttrOfType<StringAttr>(AlloDialect::kName))
      taken.insert(n.getValue());
  });
  std::string name = base.str();
  for (unsigned k = 1; taken.contains(name); ++k)
    name = base.str() + std::to_string(k);

  Block &entry = f.getBody().front();
  OpBuilder b(ctx);
  Operation *last = nullptr;
  for (Operation &op : entry)
    if (isa<memref::AllocaOp>(op))
      last = &op;
  if (last)
    b.setInsertionPointAfter(last);
  else
    b.setInsertionPointToStart(&entry);
  auto type = MemRefType::get(shape, like.type().getElementType());
  auto a = memref::AllocaOp::create(b, like.loc(), type);
  a->setAttr(AlloDialect::kName, b.getStringAttr(name));

  auto attrOf = [&](llvm::StringRef n) -> Attribute {
    return like.arg >= 0 ? f.getArgAttr(like.arg, n) : like.alloca->getAttr(n);
  };
  for (llvm::StringRef n : {AlloDialect::kUnsigned, AlloDialect::kFixedScale})
    if (Attribute v = attrOf(n))
      a->setAttr(n, v);
  // The C element type as written: "const int32_t[16][16]" -> "int32_t".
  if (auto ct = llvm::dyn_cast_or_null<StringAttr>(attrOf(AlloDialect::kCType))) {
    llvm::StringRef elem = ct.getValue().split('[').first.trim();
    elem.consume_front("const ");
    elem = elem.trim();
    if (!elem.empty() && !elem.contains('*') && !elem.contains('(') && !elem.contains('&') &&
        !elem.contains("const") && !elem.contains("volatile")) {
      std::string s = elem.str();
      for (int64_t d : shape)
        s += "[" + std::to_string(d) + "]";
      a->setAttr(AlloDialect::kCType, b.getStringAttr(s));
    }
  }
  return a;
}

namespace {

/// True if the value is available at the start of `loop`'s body: defined
/// outside the loop, or the variable of the loop or of a loop around it.
bool availableIn(Value v, affine::AffineForOp loop) {
  if (auto ba = llvm::dyn_cast<BlockArgument>(v)) {
    Operation *owner = ba.getOwner()->getParentOp();
    return owner == loop.getOperation() || !loop->isAncestor(owner);
  }
  return !loop->isAncestor(v.getDefiningOp());
}

/// Does `store` (a write of the tile) provably write every element of the
/// box of `shape` at each iteration of `loop`? Sufficient condition: it runs
/// unconditionally in a nest of affine.for loops inside `loop`, and each
/// index is `iv + e` for a distinct inner loop of step 1 whose trip count is
/// that dimension's size, e not depending on inner loops.
bool coversTile(affine::AffineStoreOp store, affine::AffineForOp loop,
                llvm::ArrayRef<int64_t> shape) {
  // The store runs on every iteration: only loops around it, each known to
  // run (a loop that may run zero times writes nothing; fuzz-diff seed 900,
  // case 699).
  for (Operation *p = store->getParentOp(); p != loop.getOperation(); p = p->getParentOp()) {
    auto f = dyn_cast<affine::AffineForOp>(p);
    if (!f)
      return false;
    std::optional<uint64_t> trip = affine::getConstantTripCount(f);
    if (!trip || *trip == 0)
      return false;
  }
  affine::MemRefAccess access(store);
  affine::AffineValueMap avm;
  access.getAccessMap(&avm);
  AffineMap map = avm.getAffineMap();
  unsigned nd = map.getNumDims();
  // Positions of variables of loops inside `loop`.
  llvm::SmallVector<unsigned, 4> inner;
  for (unsigned k = 0; k < nd; ++k)
    if (auto owner = affine::getForInductionVarOwner(avm.getOperand(k)))
      if (owner != loop && loop->isAncestor(owner))
        inner.push_back(k);
  llvm::SmallDenseSet<unsigned> used;
  for (unsigned d = 0; d < map.getNumResults(); ++d) {
    AffineExpr e = map.getResult(d);
    std::optional<unsigned> iv;
    for (unsigned k : inner) {
      if (!e.isFunctionOfDim(k))
        continue;
      if (iv)
        return false;
      iv = k;
    }
    if (!iv && shape[d] == 1)
      continue; // the index is in the tile, which has one element along d
    if (!iv || !used.insert(*iv).second)
      return false;
    AffineExpr rest =
        simplifyAffineExpr(e - getAffineDimExpr(*iv, e.getContext()), nd, map.getNumSymbols());
    for (unsigned k : inner)
      if (rest.isFunctionOfDim(k))
        return false;
    auto owner = affine::getForInductionVarOwner(avm.getOperand(*iv));
    std::optional<uint64_t> trip = affine::getConstantTripCount(owner);
    if (owner.getStepAsInt() != 1 || !trip || (int64_t)*trip != shape[d])
      return false;
  }
  return true;
}

/// Is lb(symbols) >= lo (atLeast) or <= hi (!atLeast) at every iteration of
/// `loops` (outermost first)? `lb` is purely symbolic in `symbols`. False
/// when it cannot be proven (the caller then clips).
bool provablyBounded(llvm::ArrayRef<affine::AffineForOp> loops, AffineMap lb,
                     llvm::ArrayRef<Value> symbols, bool atLeast, int64_t bound) {
  affine::FlatAffineValueConstraints dom;
  llvm::SmallVector<Operation *, 4> ops;
  for (affine::AffineForOp l : loops)
    ops.push_back(l);
  if (failed(affine::getIndexSet(ops, &dom)))
    return false;
  unsigned v = dom.appendDimVar(1); // the bound's value
  llvm::SmallVector<unsigned, 4> pos;
  for (Value s : symbols) {
    unsigned p;
    if (!dom.findVar(s, &p))
      p = dom.appendSymbolVar(ValueRange{s});
    pos.push_back(p);
  }
  MLIRContext *ctx = lb.getContext();
  unsigned nd = dom.getNumDimVars(), ns = dom.getNumSymbolVars();
  llvm::SmallVector<AffineExpr, 4> repl;
  for (unsigned p : pos)
    repl.push_back(p < nd ? getAffineDimExpr(p, ctx) : getAffineSymbolExpr(p - nd, ctx));
  AffineMap m = AffineMap::get(nd, ns, lb.getResult(0).replaceSymbols(repl), ctx);
  if (failed(dom.addBound(presburger::BoundType::EQ, v, m)))
    return false;
  // No iteration where the bound is violated.
  if (atLeast)
    dom.addBound(presburger::BoundType::UB, v, bound - 1);
  else
    dom.addBound(presburger::BoundType::LB, v, bound + 1);
  return dom.isEmpty();
}

/// The range of buffer coordinates a copy nest runs over along one dimension:
/// [0, shape), or clipped to the array, [max(0, -origin), min(shape, size - origin)).
struct CopyRange {
  int64_t shape = 0, size = 0;
  bool clipLow = false, clipHigh = false;
};

/// A copy nest between the array and the buffer: for t in box (clipped to
/// the array where range[d].clip):
/// in: buf[t] = A[origin + t]; out: A[origin + t] = buf[t].
void buildCopyNest(OpBuilder &b, Location loc, Value array, Value buf,
                   llvm::ArrayRef<CopyRange> range, llvm::ArrayRef<int> bufDim,
                   llvm::ArrayRef<OpFoldResult> origin, bool in, llvm::StringRef bufName) {
  MLIRContext *ctx = b.getContext();
  unsigned rank = range.size();
  llvm::SmallVector<Value, 4> ivs;
  OpBuilder::InsertionGuard guard(b);
  for (unsigned d = 0; d < rank; ++d) {
    if (bufDim[d] < 0)
      continue;
    affine::AffineForOp f;
    const CopyRange &r = range[d];
    if (!r.clipLow && !r.clipHigh) {
      f = affine::AffineForOp::create(b, loc, 0, r.shape);
    } else if (auto v = llvm::dyn_cast<Value>(origin[d])) {
      AffineExpr o = getAffineDimExpr(0, ctx);
      llvm::SmallVector<AffineExpr, 2> lo = {getAffineConstantExpr(0, ctx)},
                                       hi = {getAffineConstantExpr(r.shape, ctx)};
      if (r.clipLow)
        lo.push_back(-o);
      if (r.clipHigh)
        hi.push_back(r.size - o);
      f = affine::AffineForOp::create(b, loc, ValueRange{v}, AffineMap::get(1, 0, lo, ctx),
                                      ValueRange{v}, AffineMap::get(1, 0, hi, ctx), 1);
    } else {
      int64_t o = llvm::cast<IntegerAttr>(llvm::cast<Attribute>(origin[d])).getInt();
      f = affine::AffineForOp::create(
          b, loc, std::max<int64_t>(0, -o),
          std::max<int64_t>(std::max<int64_t>(0, -o), std::min<int64_t>(r.shape, r.size - o)));
    }
    setLoopName(f, (bufName + (in ? ".in" : ".out") + std::to_string(ivs.size())).str());
    ivs.push_back(f.getInductionVar());
    b.setInsertionPointToStart(f.getBody());
  }
  // A's indices: t_k + origin_d, or origin_d along dropped dims of size 1
  // (origin dims follow the t dims).
  llvm::SmallVector<AffineExpr, 4> results;
  llvm::SmallVector<Value, 8> operands(ivs.begin(), ivs.end());
  for (unsigned d = 0; d < rank; ++d) {
    AffineExpr e =
        bufDim[d] >= 0 ? getAffineDimExpr(bufDim[d], ctx) : getAffineConstantExpr(0, ctx);
    if (auto v = llvm::dyn_cast<Value>(origin[d])) {
      e = e + getAffineDimExpr(operands.size(), ctx);
      operands.push_back(v);
    } else {
      e = e + llvm::cast<IntegerAttr>(llvm::cast<Attribute>(origin[d])).getInt();
    }
    results.push_back(e);
  }
  AffineMap map = AffineMap::get(operands.size(), 0, results, ctx);
  AffineMap id = b.getMultiDimIdentityMap(ivs.size());
  if (in) {
    Value v = affine::AffineLoadOp::create(b, loc, array, map, operands);
    affine::AffineStoreOp::create(b, loc, v, buf, id, ivs);
  } else {
    Value v = affine::AffineLoadOp::create(b, loc, buf, id, ivs);
    affine::AffineStoreOp::create(b, loc, v, array, map, operands);
  }
}

} // namespace

/// The map and operands of an access of the array, moved onto the buffer:
/// every index minus the tile's origin.
void sched::shiftedAccess(AffineMap map, ValueRange mapOperands, llvm::ArrayRef<int> bufDim,
                          llvm::ArrayRef<OpFoldResult> origin, AffineMap &newMap,
                          llvm::SmallVectorImpl<Value> &newOperands) {
  MLIRContext *ctx = map.getContext();
  unsigned nd = map.getNumDims(), ns = map.getNumSymbols();
  newOperands.assign(mapOperands.begin(), mapOperands.begin() + nd);
  llvm::SmallVector<AffineExpr, 4> results;
  for (unsigned d = 0; d < map.getNumResults(); ++d) {
    if (bufDim[d] < 0)
      continue;
    AffineExpr e = map.getResult(d);
    if (auto v = llvm::dyn_cast<Value>(origin[d])) {
      e = e - getAffineDimExpr(newOperands.size(), ctx);
      newOperands.push_back(v);
    } else {
      e = e - llvm::cast<IntegerAttr>(llvm::cast<Attribute>(origin[d])).getInt();
    }
    results.push_back(e);
  }
  unsigned dims = newOperands.size();
  newOperands.append(mapOperands.begin() + nd, mapOperands.end());
  newMap = AffineMap::get(dims, ns, results, ctx);
  // Through the affine.apply chains (the origin, split's remaps), so that
  // (4*po + pi) - 4*po becomes pi.
  affine::fullyComposeAffineMapAndOperands(&newMap, &newOperands);
  affine::canonicalizeMapAndOperands(&newMap, &newOperands);
  // (i + k) - i as k (the simplifier flattens; the builder does not), and
  // the operands that then go unused dropped.
  newMap = simplifyAffineMap(newMap);
  affine::canonicalizeMapAndOperands(&newMap, &newOperands);
}

LogicalResult sched::applyBufferAt(StepContext &c) {
  const ScheduleStep &s = c.step;
  std::optional<ArraySite> arr;
  affine::AffineForOp loop;
  if (failed(c.arrayAndLoop("buffer_at", arr, loop)))
    return failure();
  Value array = arr->value();
  if (arr->alloca && loop->isAncestor(arr->alloca)) {
    auto d = c.error("cannot buffer '" + s.array()->str() + "' at " + describeLoop(loop) +
                     ": the array is allocated inside the loop");
    d.attachNote(arr->loc()) << "the array";
    return failure();
  }
  MemRefType type = arr->type();
  if (type.getRank() == 0) {
    c.error(*s.array(), "'" + s.array()->str() + "' is a scalar; buffer_at buffers arrays");
    return failure();
  }

  // The accesses of the array inside the loop.
  llvm::SmallVector<Operation *, 8> accesses;
  bool reads = false, writes = false;
  for (OpOperand &use : array.getUses()) {
    Operation *user = use.getOwner();
    if (!loop->isAncestor(user))
      continue;
    if (auto ld = llvm::dyn_cast<affine::AffineLoadOp>(user)) {
      reads = true;
      accesses.push_back(ld);
      continue;
    }
    if (auto st = llvm::dyn_cast<affine::AffineStoreOp>(user); st && st.getMemRef() == array) {
      writes = true;
      accesses.push_back(st);
      continue;
    }
    auto d = c.error("cannot buffer '" + s.array()->str() + "' at " + describeLoop(loop) +
                     ": the loop uses it in a '" + user->getName().getStringRef().str() +
                     "', not only in affine loads and stores");
    d.attachNote(user->getLoc()) << "this use; buffer_at needs every access inside the loop to be "
                                    "an affine.load or affine.store (affine indices)";
    return failure();
  }
  if (accesses.empty()) {
    auto d = c.error("cannot buffer '" + s.array()->str() + "' at " + describeLoop(loop) +
                     ": the loop does not access it");
    d.attachNote(loop.getLoc()) << "the loop";
    return failure();
  }

  // The footprint of one iteration of the loop.
  unsigned depth = affine::getNestingDepth(loop) + 1;
  std::unique_ptr<affine::MemRefRegion> region;
  for (Operation *op : accesses) {
    auto r = std::make_unique<affine::MemRefRegion>(op->getLoc());
    if (failed(r->compute(op, depth)) || (region && failed(region->unionBoundingBox(*r)))) {
      auto d = c.error("cannot buffer '" + s.array()->str() + "' at " + describeLoop(loop) +
                       ": the region this access covers cannot be computed");
      d.attachNote(op->getLoc()) << "this access (its indices or the bounds of the loops around it "
                                    "are not affine)";
      return failure();
    }
    if (!region)
      region = std::move(r);
  }
  llvm::SmallVector<int64_t, 4> shape;
  llvm::SmallVector<AffineMap, 4> lbs;
  std::optional<int64_t> size = region->getConstantBoundingSizeAndShape(&shape, &lbs);
  if (!size || *size <= 0 || shape.size() != (size_t)type.getRank()) {
    auto d = c.error("cannot buffer '" + s.array()->str() + "' at " + describeLoop(loop) +
                     ": the tile one iteration accesses is not a box of constant size");
    d.attachNote(loop.getLoc()) << "the bounds of the loops inside it must not let the tile's size "
                                   "depend on the loop's variable or on parameters";
    return failure();
  }
  llvm::SmallVector<Value, 4> symbols;
  region->getConstraints()->getValues(type.getRank(), region->getConstraints()->getNumVars(),
                                      &symbols);
  for (Value v : symbols)
    if (!availableIn(v, loop)) {
      auto d = c.error("cannot buffer '" + s.array()->str() + "' at " + describeLoop(loop) +
                       ": the tile's position depends on a value computed inside the loop");
      d.attachNote(v.getLoc()) << "this value";
      return failure();
    }

  // Along each dimension, is the box inside the array at every iteration?
  // Otherwise the copy nests are clipped to it.
  llvm::SmallVector<affine::AffineForOp, 4> around;
  affine::getAffineForIVs(*loop.getBody()->getTerminator(), &around); // up to and including `loop`
  llvm::SmallVector<CopyRange, 4> range;
  for (unsigned d = 0; d < shape.size(); ++d) {
    CopyRange r;
    r.shape = shape[d];
    r.size = type.getDimSize(d);
    if (type.isDynamicDim(d)) {
      auto diag = c.error("cannot buffer '" + s.array()->str() + "' at " + describeLoop(loop) +
                          ": dimension " + std::to_string(d + 1) +
                          " of the array has no static size, so the tile cannot be kept inside it");
      diag.attachNote(arr->loc()) << "the array";
      return failure();
    }
    r.clipLow = !provablyBounded(around, lbs[d], symbols, /*atLeast=*/true, 0);
    r.clipHigh = !provablyBounded(around, lbs[d], symbols, /*atLeast=*/false, r.size - r.shape);
    range.push_back(r);
  }

  // Copy-in unless the body only writes, and provably writes the whole tile.
  bool copyIn = reads;
  if (!reads) {
    copyIn = true;
    for (Operation *op : accesses)
      if (auto st = llvm::dyn_cast<affine::AffineStoreOp>(op); st && coversTile(st, loop, shape))
        copyIn = false;
  }

  // Dimensions of size 1 are dropped from the buffer (a row of a matrix is a
  // one-dimensional buffer); all of size 1: a buffer of one element.
  llvm::SmallVector<int, 4> bufDim;
  llvm::SmallVector<int64_t, 4> bufShape;
  for (unsigned d = 0; d < shape.size(); ++d) {
    bool keep = shape[d] != 1 || (bufShape.empty() && d + 1 == shape.size());
    bufDim.push_back(keep ? (int)bufShape.size() : -1);
    if (keep)
      bufShape.push_back(shape[d]);
  }
  memref::AllocaOp buf = createLocalArray(*arr, bufShape, arrayName(array) + "_buf");
  buf->setAttr(AlloDialect::kBufferOf, StringAttr::get(c.ctx, arrayName(array)));
  std::string bufName = buf->getAttrOfType<StringAttr>(AlloDialect::kName).getValue().str();
  for (unsigned d = 0; d < bufShape.size(); ++d)
    for (const char *dir : {".in", ".out"})
      if (failed(c.checkFreshName(arr->func, bufName + dir + std::to_string(d), c.loops.front())))
        return failure();

  // The tile's origin, at the start of the body.
  OpBuilder b(c.ctx);
  b.setInsertionPointToStart(loop.getBody());
  Location loc = loop.getLoc();
  llvm::SmallVector<OpFoldResult, 4> origin;
  for (AffineMap lb : lbs) {
    // The bound is purely symbolic in the region's symbols; as dims here.
    llvm::SmallVector<AffineExpr, 4> dims;
    for (unsigned k = 0; k < lb.getNumSymbols(); ++k)
      dims.push_back(b.getAffineDimExpr(k));
    AffineMap m = lb.replaceDimsAndSymbols({}, dims, lb.getNumSymbols(), 0);
    llvm::SmallVector<OpFoldResult, 4> ops(symbols.begin(), symbols.end());
    origin.push_back(affine::makeComposedFoldedAffineApply(b, loc, m, ops));
  }

  // The copy-in, at the start of the body after the origin's computation.
  // Built before the accesses are moved to the buffer: the insertion point
  // may be the body's first operation, itself an access that is replaced.
  if (copyIn)
    buildCopyNest(b, loc, array, buf, range, bufDim, origin, /*in=*/true, bufName);

  // Accesses now go to the buffer.
  llvm::SetVector<Operation *> indexOps; // index arithmetic the accesses used
  for (Operation *op : accesses) {
    for (Value v : op->getOperands())
      if (auto apply = v.getDefiningOp<affine::AffineApplyOp>())
        indexOps.insert(apply);
    OpBuilder ob(op);
    AffineMap map;
    llvm::SmallVector<Value, 8> operands;
    if (auto ld = llvm::dyn_cast<affine::AffineLoadOp>(op)) {
      shiftedAccess(ld.getAffineMap(), ld.getMapOperands(), bufDim, origin, map, operands);
      auto n = affine::AffineLoadOp::create(ob, ld.getLoc(), buf, map, operands);
      ld.getResult().replaceAllUsesWith(n.getResult());
    } else {
      auto st = llvm::cast<affine::AffineStoreOp>(op);
      shiftedAccess(st.getAffineMap(), st.getMapOperands(), bufDim, origin, map, operands);
      affine::AffineStoreOp::create(ob, st.getLoc(), st.getValueToStore(), buf, map, operands);
    }
    op->erase();
  }
  // The new accesses are composed through the index arithmetic (split's
  // remaps): what only the old accesses used is gone.
  for (bool changed = true; changed;) {
    changed = false;
    for (Operation *op : indexOps.takeVector()) {
      if (!op->use_empty()) {
        indexOps.insert(op);
        continue;
      }
      for (Value v : op->getOperands())
        if (auto apply = v.getDefiningOp<affine::AffineApplyOp>())
          indexOps.insert(apply);
      indexOps.remove(op);
      op->erase();
      changed = true;
    }
  }

  // Copy nests: after the origin's computation, and before the terminator.
  if (writes) {
    b.setInsertionPoint(loop.getBody()->getTerminator());
    buildCopyNest(b, loc, array, buf, range, bufDim, origin, /*in=*/false, bufName);
  }
  return success();
}

std::string sched::summarizeBufferAt(const ScheduleStep &s) {
  return "buffer_at " + refStr(s.array()) + " at " + refList(s.loops());
}
