//===- ReuseAt.cpp - reuse_at(array, loop) --------------------------------===//
//
// reuse_at(A, loop) keeps the part of A that consecutive iterations of `loop`
// (variable j, step 1, constant trip count >= 1, one lower bound L) share in a
// new local array A_reuse, so each iteration reads only what is new. Two
// forms, told apart by where the loop reads A:
//
// * A window (reads directly in the loop's body): the reads are A[..][j + c]
//   in one dimension (constants c, cmin..cmax) and base + constant in the
//   others. A_reuse (completely partitioned) holds the box of those offsets,
//   in A's dimension order, dimensions of extent 1 dropped (not the moving
//   one); with reads that differ only in j it is A_reuse[W]:
//
//     affine.for %j = L to U {          A_reuse[..][1..W-1] = A[..][L+cmin .. L+cmax-1]
//       A[%i][%j], A[%i][%j+1],   =>    affine.for %j = L to U {
//       A[%i][%j+2] ...                   A_reuse[..][k] = A_reuse[..][k+1]   (k < W-1)
//     }                                   A_reuse[..][W-1] = A[..][%j+cmax]
//                                         A_reuse[..][0], A_reuse[..][1], ...
//                                       }
//
//   The loop may write A, directly in its body, at the window's newest
//   position A[..][j + cmax] only (as a line buffer's update does); the
//   reads after the last such write form the window, the shift comes after
//   that write, and a newest element just stored is taken from the store.
//   Sound because A itself is never changed (reads left alone stay right)
//   and position j + c enters the register at iteration j + c - cmax after
//   that iteration's writes, while later iterations write further positions;
//   the preload reads positions no iteration writes.
//
// * A line buffer (reads directly in the body of one loop k nested directly
//   in `loop`): the reads are A[j + r][k + c] (constants r, c; other indices
//   the same and invariant). A_reuse[R][W] (R = rmax - rmin + 1, W the size of
//   A's column dimension; partitioned completely along the rows) holds rows
//   j + rmin .. j + rmax; column t is moved up by one row and gets
//   A[j + rmax][t] when it is first needed in an iteration of j:
//
//     affine.for %j {                   preload rows 1..R-1 (a loop A_reuse.preload)
//       affine.for %k = Lk to Uk {      affine.for %j {
//         A[%j + r][%k + c] ...  =>       update columns Lk+cmin .. Lk+cmax-1
//       }                                 affine.for %k = Lk to Uk {
//     }                                     update column %k + cmax
//                                           A_reuse[r - rmin][%k + c] ...
//
//   A second reuse_at of A_reuse at k then gives the R x C window.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/AffineAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/Utils.h"
#include "mlir/Dialect/Affine/IR/AffineValueMap.h"
#include "mlir/IR/Builders.h"

#include <memory>

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

/// Defined outside `loop` (so usable before it and invariant in it).
bool definedOutside(Value v, Operation *loop) {
  if (auto ba = llvm::dyn_cast<BlockArgument>(v))
    return !loop->isAncestor(ba.getOwner()->getParentOp());
  return !loop->isAncestor(v.getDefiningOp());
}

/// An access being built: every operand is a dimension.
struct Access {
  MLIRContext *ctx;
  llvm::SmallVector<Value, 8> ops;
  llvm::SmallVector<AffineExpr, 4> res;

  explicit Access(MLIRContext *ctx) : ctx(ctx) {}
  /// The proto's results over its operands (symbols turned into dimensions).
  Access(MLIRContext *ctx, const affine::AffineValueMap &proto) : ctx(ctx) {
    AffineMap m = proto.getAffineMap();
    llvm::SmallVector<AffineExpr, 4> dims, syms;
    for (unsigned k = 0; k < m.getNumDims(); ++k)
      dims.push_back(getAffineDimExpr(k, ctx));
    for (unsigned k = 0; k < m.getNumSymbols(); ++k)
      syms.push_back(getAffineDimExpr(m.getNumDims() + k, ctx));
    m = m.replaceDimsAndSymbols(dims, syms, m.getNumDims() + m.getNumSymbols(), 0);
    ops.assign(proto.getOperands().begin(), proto.getOperands().end());
    res.assign(m.getResults().begin(), m.getResults().end());
  }
  AffineExpr value(Value v) {
    ops.push_back(v);
    return getAffineDimExpr(ops.size() - 1, ctx);
  }
  AffineExpr at(OpFoldResult base, int64_t off) {
    if (auto v = llvm::dyn_cast<Value>(base))
      return value(v) + off;
    return getAffineConstantExpr(
        llvm::cast<IntegerAttr>(llvm::cast<Attribute>(base)).getInt() + off, ctx);
  }
  std::pair<AffineMap, llvm::SmallVector<Value, 8>> build() const {
    AffineMap m = AffineMap::get(ops.size(), 0, res, ctx);
    llvm::SmallVector<Value, 8> operands(ops);
    affine::fullyComposeAffineMapAndOperands(&m, &operands);
    affine::canonicalizeMapAndOperands(&m, &operands);
    return {m, operands};
  }
  Value load(OpBuilder &b, Location loc, Value memref) const {
    auto [m, operands] = build();
    return affine::AffineLoadOp::create(b, loc, memref, m, operands);
  }
  void store(OpBuilder &b, Location loc, Value v, Value memref) const {
    auto [m, operands] = build();
    affine::AffineStoreOp::create(b, loc, v, memref, m, operands);
  }
};

/// A constant index list.
Access constAccess(MLIRContext *ctx, llvm::ArrayRef<int64_t> idx) {
  Access a(ctx);
  for (int64_t k : idx)
    a.res.push_back(getAffineConstantExpr(k, ctx));
  return a;
}

/// `e - iv` (iv at operand position pos) as a constant, if it is one.
std::optional<int64_t> offsetFrom(AffineExpr e, unsigned pos, AffineMap map) {
  AffineExpr rest = simplifyAffineExpr(e - getAffineDimExpr(pos, map.getContext()),
                                       map.getNumDims(), map.getNumSymbols());
  if (auto cst = llvm::dyn_cast<AffineConstantExpr>(rest))
    return cst.getValue();
  return std::nullopt;
}

/// The operand position of `v` in an access, if present.
std::optional<unsigned> operandPos(const affine::AffineValueMap &a, Value v) {
  for (unsigned k = 0; k < a.getNumOperands(); ++k)
    if (a.getOperand(k) == v && k < a.getAffineMap().getNumDims())
      return k;
  return std::nullopt;
}

/// Result `d` of `a` minus result `d` of `b`, if constant.
std::optional<int64_t> constDiff(const affine::AffineValueMap &a, const affine::AffineValueMap &b,
                                 unsigned d) {
  affine::AffineValueMap ad(a.getAffineMap().getSubMap({d}), a.getOperands());
  affine::AffineValueMap bd(b.getAffineMap().getSubMap({d}), b.getOperands());
  affine::AffineValueMap diff;
  affine::AffineValueMap::difference(ad, bd, &diff);
  if (auto cst = llvm::dyn_cast<AffineConstantExpr>(diff.getAffineMap().getResult(0)))
    return cst.getValue();
  return std::nullopt;
}

void setPartition(MLIRContext *ctx, memref::AllocaOp buf, int64_t dim) {
  Builder bb(ctx);
  buf->setAttr(AlloDialect::kPartition,
               bb.getArrayAttr({PartitionAttr::get(ctx, "complete", /*factor=*/0, dim)}));
}

struct Reuse {
  StepContext &c;
  ArraySite arr;
  affine::AffineForOp loop;
  std::string what; ///< "cannot reuse 'f:A' at 'f:j': "
  Value array;

  InFlightDiagnostic error(const std::string &msg, Operation *at, const std::string &note) {
    auto d = c.error(what + msg);
    d.attachNote(at->getLoc()) << note;
    return d;
  }

  /// The loop's step 1, constant trip count and single lower bound.
  LogicalResult checkLoop(affine::AffineForOp l, const std::string &which) {
    if (l.getStepAsInt() != 1) {
      error((which == "the loop" ? which + "'s step is " : which + " has step ") +
                std::to_string(l.getStepAsInt()) + "; reuse_at needs a step of 1",
            l, "the loop");
      return failure();
    }
    std::optional<uint64_t> trip = affine::getConstantTripCount(l);
    if (!trip || *trip == 0 || l.getLowerBoundMap().getNumResults() != 1) {
      error(which + " needs a constant, non-zero trip count and a single lower bound", l,
            "the loop");
      return failure();
    }
    return success();
  }

  /// The forms below set this instead of reporting an error when the
  /// accesses are not of their form; general() then handles them.
  bool notThisForm = false;

  LogicalResult window(llvm::ArrayRef<Operation *> uses);
  LogicalResult lineBuffer(affine::AffineForOp inner, llvm::ArrayRef<Operation *> uses);
  LogicalResult general(llvm::ArrayRef<Operation *> uses);
};

//===----------------------------------------------------------------------===//
// The window
//===----------------------------------------------------------------------===//

LogicalResult Reuse::window(llvm::ArrayRef<Operation *> uses) {
  MLIRContext *ctx = c.ctx;
  Value iv = loop.getInductionVar();
  Block *body = loop.getBody();
  unsigned rank = arr.type().getRank();

  Operation *lastStore = nullptr;
  for (Operation *u : uses)
    if (isa<affine::AffineStoreOp>(u) && (!lastStore || lastStore->isBeforeInBlock(u)))
      lastStore = u;
  struct Read {
    mutable affine::AffineLoadOp load;
    affine::AffineValueMap access;
    int64_t offset = 0;
    llvm::SmallVector<int64_t, 4> other; ///< per dimension, relative to the first read
  };
  std::vector<Read> reads;
  for (Operation *u : uses)
    if (auto ld = llvm::dyn_cast<affine::AffineLoadOp>(u))
      if (!lastStore || lastStore->isBeforeInBlock(ld)) {
        Read r;
        r.load = ld;
        affine::MemRefAccess(ld).getAccessMap(&r.access);
        reads.push_back(r);
      }
  if (reads.empty()) {
    if (lastStore)
      error("the loop writes the array; reuse_at needs it read-only in the loop, or written only "
            "where the window enters before the reads of the window (a line buffer's update): "
            "no read follows the writes here",
            lastStore, "the last write");
    else
      error("the loop does not read the array", loop, "the loop");
    return failure();
  }

  // The moving dimension: j + c in exactly one index of every read.
  auto checkOperands = [&](Operation *op, const affine::AffineValueMap &a) {
    for (Value v : a.getOperands())
      if (v != iv && !definedOutside(v, loop)) {
        error("an index depends on a value computed inside the loop", op,
              std::string(isa<affine::AffineStoreOp>(op) ? "this write" : "this read"));
        return false;
      }
    return true;
  };
  std::optional<unsigned> windowDim;
  for (Read &r : reads) {
    if (!checkOperands(r.load, r.access))
      return failure();
    AffineMap map = r.access.getAffineMap();
    std::optional<unsigned> pos = operandPos(r.access, iv);
    std::optional<unsigned> dim;
    for (unsigned d = 0; d < map.getNumResults(); ++d) {
      AffineExpr e = map.getResult(d);
      if (!pos || !e.isFunctionOfDim(*pos))
        continue;
      std::optional<int64_t> off = offsetFrom(e, *pos, map);
      if (dim || !off) {
        notThisForm = true; // e.g. A[2 * j + c]: the general form
        return failure();
      }
      dim = d;
      r.offset = *off;
    }
    if (!dim) {
      error("a read does not move with the loop's variable", r.load,
            "this read; every read of the array in the loop must be A[..][j + constant][..]");
      return failure();
    }
    if (windowDim && *windowDim != *dim) {
      error("the reads slide along different dimensions (" + std::to_string(*windowDim + 1) +
                " and " + std::to_string(*dim + 1) + "); a window slides along one dimension",
            r.load, "this read");
      return failure();
    }
    windowDim = dim;
  }
  // The other indices: the first read's plus constants.
  const Read &proto = reads.front();
  llvm::SmallVector<int64_t, 4> lo(rank, 0), hi(rank, 0);
  for (Read &r : reads) {
    r.other.assign(rank, 0);
    for (unsigned d = 0; d < rank; ++d) {
      if (d == *windowDim)
        continue;
      std::optional<int64_t> k = constDiff(r.access, proto.access, d);
      if (!k) {
        auto diag =
            error("the reads differ in dimension " + std::to_string(d + 1) +
                      " by an amount that is not constant; a window is a box of constant offsets",
                  r.load, "this read");
        diag.attachNote(proto.load.getLoc()) << "and this one";
        return failure();
      }
      r.other[d] = *k;
      lo[d] = std::min(lo[d], *k);
      hi[d] = std::max(hi[d], *k);
    }
  }
  int64_t cmin = proto.offset, cmax = cmin;
  for (const Read &r : reads) {
    cmin = std::min(cmin, r.offset);
    cmax = std::max(cmax, r.offset);
  }
  int64_t width = cmax - cmin + 1;

  // Writes: directly in the body (checked by the caller), at j + cmax, the
  // other indices the first read's plus constants.
  struct Write {
    affine::AffineStoreOp store;
    llvm::SmallVector<int64_t, 4> other;
  };
  std::vector<Write> writes;
  for (Operation *u : uses) {
    auto st = llvm::dyn_cast<affine::AffineStoreOp>(u);
    if (!st)
      continue;
    affine::AffineValueMap a;
    affine::MemRefAccess(st).getAccessMap(&a);
    if (!checkOperands(st, a))
      return failure();
    std::optional<unsigned> pos = operandPos(a, iv);
    AffineMap map = a.getAffineMap();
    std::optional<int64_t> off;
    if (pos)
      off = offsetFrom(map.getResult(*windowDim), *pos, map);
    Write w{st, llvm::SmallVector<int64_t, 4>(rank, 0)};
    bool ok = off && *off == cmax;
    for (unsigned d = 0; ok && d < rank; ++d) {
      if (d == *windowDim)
        continue;
      std::optional<int64_t> k = constDiff(a, proto.access, d);
      ok = k && (!pos || !map.getResult(d).isFunctionOfDim(*pos));
      if (k)
        w.other[d] = *k;
    }
    if (!ok) {
      error("the loop writes the array; reuse_at needs it read-only in the loop, or written only "
            "where the window enters before the reads of the window (a line buffer's update), here "
            "A[..][j + " +
                std::to_string(cmax) +
                "][..] with the other indices those of the reads "
                "plus constants",
            st, "this write");
      return failure();
    }
    writes.push_back(w);
  }

  // The register: A's dimensions, those of extent 1 dropped (not the moving one).
  llvm::SmallVector<int64_t, 4> shape;
  for (unsigned d = 0; d < rank; ++d) {
    int64_t ext = d == *windowDim ? width : hi[d] - lo[d] + 1;
    if (ext > 1 || d == *windowDim)
      shape.push_back(ext);
  }
  memref::AllocaOp buf = createLocalArray(arr, shape, arrayName(array) + "_reuse");
  setPartition(ctx, buf, 0);
  // The register's index of position `o` (other dims, relative) and `k` (moving).
  auto regIndex = [&](llvm::ArrayRef<int64_t> o, int64_t k) {
    llvm::SmallVector<int64_t, 4> idx;
    for (unsigned d = 0; d < rank; ++d) {
      if (d == *windowDim)
        idx.push_back(k);
      else if (hi[d] > lo[d])
        idx.push_back(o[d] - lo[d]);
    }
    return constAccess(ctx, idx);
  };
  // A read of the array at other positions `o`, moving index `at` + off.
  auto arrayAccess = [&](llvm::ArrayRef<int64_t> o, OpFoldResult at, int64_t off) {
    Access a(ctx, proto.access);
    for (unsigned d = 0; d < rank; ++d)
      a.res[d] = d == *windowDim ? a.at(at, off) : a.res[d] + o[d];
    return a;
  };
  // Every position of the box of the other dimensions.
  std::vector<llvm::SmallVector<int64_t, 4>> box(1, lo);
  for (unsigned d = 0; d < rank; ++d) {
    if (d == *windowDim || hi[d] == lo[d])
      continue;
    std::vector<llvm::SmallVector<int64_t, 4>> next;
    for (const auto &p : box)
      for (int64_t k = lo[d]; k <= hi[d]; ++k) {
        next.push_back(p);
        next.back()[d] = k;
      }
    box = std::move(next);
  }

  Location loc = loop.getLoc();
  OpBuilder b(loop);
  // Preload before the loop: A_reuse[o][k] = A[o][L + cmin + k - 1], k = 1..W-1.
  if (width > 1) {
    llvm::SmallVector<OpFoldResult, 4> lbOperands(loop.getLowerBoundOperands());
    OpFoldResult lb =
        affine::makeComposedFoldedAffineApply(b, loc, loop.getLowerBoundMap(), lbOperands);
    for (const auto &o : box)
      for (int64_t k = 1; k < width; ++k) {
        Value v = arrayAccess(o, lb, cmin + k - 1).load(b, loc, array);
        regIndex(o, k).store(b, loc, v, buf);
      }
  }
  // Each iteration, after the writes: shift, then the newest element.
  if (lastStore)
    b.setInsertionPointAfter(lastStore);
  else
    b.setInsertionPointToStart(body);
  for (const auto &o : box) {
    for (int64_t k = 0; k + 1 < width; ++k) {
      Value v = regIndex(o, k + 1).load(b, loc, buf);
      regIndex(o, k).store(b, loc, v, buf);
    }
    // The last write of that element, if any.
    affine::AffineStoreOp last;
    for (const Write &w : writes)
      if (w.other == o && (!last || last->isBeforeInBlock(w.store)))
        last = w.store;
    Value newest = last ? last.getValueToStore() : Value();
    if (!newest)
      newest = arrayAccess(o, OpFoldResult(iv), cmax).load(b, loc, array);
    regIndex(o, width - 1).store(b, loc, newest, buf);
  }
  // The window's reads.
  for (Read &r : reads) {
    OpBuilder rb(r.load);
    Value n = regIndex(r.other, r.offset - cmin).load(rb, r.load.getLoc(), buf);
    r.load.getResult().replaceAllUsesWith(n);
    r.load.erase();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// The line buffer
//===----------------------------------------------------------------------===//

LogicalResult Reuse::lineBuffer(affine::AffineForOp inner, llvm::ArrayRef<Operation *> uses) {
  MLIRContext *ctx = c.ctx;
  Value iv = loop.getInductionVar(), jv = inner.getInductionVar();
  MemRefType type = arr.type();
  unsigned rank = type.getRank();
  // Anything else is the general form's (a strided or varying inner loop,
  // writes, strided or diagonal reads, reads that differ in a third
  // dimension).
  std::optional<uint64_t> innerTrip = affine::getConstantTripCount(inner);
  if (inner.getStepAsInt() != 1 || !innerTrip || *innerTrip == 0 ||
      inner.getLowerBoundMap().getNumResults() != 1) {
    notThisForm = true;
    return failure();
  }
  llvm::SmallVector<Value, 4> bounds(inner.getLowerBoundOperands());
  bounds.append(inner.getUpperBoundOperands().begin(), inner.getUpperBoundOperands().end());
  for (Value v : bounds)
    if (!definedOutside(v, loop)) {
      notThisForm = true;
      return failure();
    }

  struct Read {
    mutable affine::AffineLoadOp load;
    affine::AffineValueMap access;
    int64_t row = 0, col = 0;
  };
  std::vector<Read> reads;
  std::optional<unsigned> rowDim, colDim;
  const std::string form = "A[j + constant][k + constant] (j the loop, k the inner loop, the other "
                           "indices the same in every read and independent of both)";
  for (Operation *u : uses) {
    if (isa<affine::AffineStoreOp>(u)) {
      notThisForm = true;
      return failure();
    }
    Read r;
    r.load = llvm::cast<affine::AffineLoadOp>(u);
    affine::MemRefAccess(u).getAccessMap(&r.access);
    for (Value v : r.access.getOperands())
      if (v != iv && v != jv && !definedOutside(v, loop)) {
        error("an index depends on a value computed inside the loop", u, "this read");
        return failure();
      }
    AffineMap map = r.access.getAffineMap();
    std::optional<unsigned> ip = operandPos(r.access, iv), jp = operandPos(r.access, jv);
    std::optional<unsigned> rd, cd;
    bool ok = true;
    for (unsigned d = 0; ok && d < rank; ++d) {
      AffineExpr e = map.getResult(d);
      bool onI = ip && e.isFunctionOfDim(*ip), onJ = jp && e.isFunctionOfDim(*jp);
      if (onI && onJ) {
        ok = false;
      } else if (onI) {
        std::optional<int64_t> off = offsetFrom(e, *ip, map);
        ok = off && !rd;
        rd = d;
        r.row = off.value_or(0);
      } else if (onJ) {
        std::optional<int64_t> off = offsetFrom(e, *jp, map);
        ok = off && !cd;
        cd = d;
        r.col = off.value_or(0);
      }
    }
    if (!ok || !rd || !cd || (rowDim && (*rowDim != *rd || *colDim != *cd))) {
      notThisForm = true;
      return failure();
    }
    rowDim = rd;
    colDim = cd;
    reads.push_back(r);
  }
  const Read &proto = reads.front();
  for (const Read &r : reads)
    for (unsigned d = 0; d < rank; ++d) {
      if (d == *rowDim || d == *colDim)
        continue;
      std::optional<int64_t> k = constDiff(r.access, proto.access, d);
      if (!k || *k != 0) {
        notThisForm = true;
        return failure();
      }
    }
  if (type.isDynamicDim(*colDim)) {
    error("dimension " + std::to_string(*colDim + 1) +
              " of the array (the columns) has no static size",
          loop, "the loop");
    return failure();
  }
  int64_t rmin = proto.row, rmax = rmin, cmin = proto.col, cmax = cmin;
  for (const Read &r : reads) {
    rmin = std::min(rmin, r.row);
    rmax = std::max(rmax, r.row);
    cmin = std::min(cmin, r.col);
    cmax = std::max(cmax, r.col);
  }
  int64_t rows = rmax - rmin + 1;
  int64_t trip = *affine::getConstantTripCount(inner);

  memref::AllocaOp buf =
      createLocalArray(arr, {rows, type.getDimSize(*colDim)}, arrayName(array) + "_reuse");
  setPartition(ctx, buf, 1);
  std::string bufName = buf->getAttrOfType<StringAttr>(AlloDialect::kName).getValue().str();
  if (rows > 1 && failed(c.checkFreshName(arr.func, bufName + ".preload", c.loops.front())))
    return failure();

  // A[row + off][col] with the other indices of the reads.
  auto arrayAccess = [&](OpFoldResult row, int64_t roff, OpFoldResult col, int64_t coff) {
    Access a(ctx, proto.access);
    a.res[*rowDim] = a.at(row, roff);
    a.res[*colDim] = a.at(col, coff);
    return a;
  };
  auto bufAccess = [&](int64_t row, OpFoldResult col, int64_t coff) {
    Access a(ctx);
    a.res.push_back(getAffineConstantExpr(row, ctx));
    a.res.push_back(a.at(col, coff));
    return a;
  };
  // Column `col` + coff moves up one row and gets A[j + rmax][col + coff].
  Location loc = loop.getLoc();
  auto update = [&](OpBuilder &b, OpFoldResult col, int64_t coff) {
    for (int64_t k = 0; k + 1 < rows; ++k) {
      Value v = bufAccess(k + 1, col, coff).load(b, loc, buf);
      bufAccess(k, col, coff).store(b, loc, v, buf);
    }
    Value v = arrayAccess(OpFoldResult(iv), rmax, col, coff).load(b, loc, array);
    bufAccess(rows - 1, col, coff).store(b, loc, v, buf);
  };

  // Preload before the loop: rows 1..R-1 hold A[L + rmin + k - 1] on the
  // columns the inner loop reads.
  OpBuilder b(loop);
  if (rows > 1) {
    llvm::SmallVector<OpFoldResult, 4> lbOperands(loop.getLowerBoundOperands());
    OpFoldResult lb =
        affine::makeComposedFoldedAffineApply(b, loc, loop.getLowerBoundMap(), lbOperands);
    AffineMap jlb = inner.getLowerBoundMap();
    AffineExpr first = jlb.getResult(0) + cmin;
    auto pre = affine::AffineForOp::create(
        b, loc, inner.getLowerBoundOperands(),
        AffineMap::get(jlb.getNumDims(), jlb.getNumSymbols(), first), inner.getLowerBoundOperands(),
        AffineMap::get(jlb.getNumDims(), jlb.getNumSymbols(), first + (trip + cmax - cmin)), 1);
    setLoopName(pre, bufName + ".preload");
    OpBuilder pb = OpBuilder::atBlockBegin(pre.getBody());
    Value t = pre.getInductionVar();
    for (int64_t k = 1; k < rows; ++k) {
      Value v = arrayAccess(lb, rmin + k - 1, t, 0).load(pb, loc, array);
      bufAccess(k, t, 0).store(pb, loc, v, buf);
    }
  }
  // Before the inner loop: the columns its first iteration reads besides the newest.
  b.setInsertionPoint(inner);
  {
    llvm::SmallVector<OpFoldResult, 4> lbOperands(inner.getLowerBoundOperands());
    OpFoldResult jlb =
        affine::makeComposedFoldedAffineApply(b, loc, inner.getLowerBoundMap(), lbOperands);
    for (int64_t q = cmin; q < cmax; ++q)
      update(b, jlb, q);
  }
  // Each inner iteration: the newest column.
  b.setInsertionPointToStart(inner.getBody());
  update(b, OpFoldResult(jv), cmax);
  // The reads.
  for (Read &r : reads) {
    OpBuilder rb(r.load);
    Access a(ctx, r.access);
    llvm::SmallVector<AffineExpr, 4> res{getAffineConstantExpr(r.row - rmin, ctx), a.res[*colDim]};
    a.res = res;
    auto [m, operands] = a.build();
    auto n = affine::AffineLoadOp::create(rb, r.load.getLoc(), buf, m, operands);
    r.load.getResult().replaceAllUsesWith(n.getResult());
    r.load.erase();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// The general form: reads anywhere in the loop, moving by any stride
//===----------------------------------------------------------------------===//

/// The bounding box of what `ops` access in one iteration of the loop at
/// depth `depth - 1` (MemRefRegion): constant sizes, lower bounds purely
/// symbolic in `symbols` (that loop's variable, the loops around it and
/// parameters).
struct Footprint {
  llvm::SmallVector<int64_t, 4> shape;
  llvm::SmallVector<AffineMap, 4> lbs;
  llvm::SmallVector<Value, 8> symbols;

  LogicalResult compute(llvm::ArrayRef<Operation *> ops, unsigned depth) {
    std::unique_ptr<affine::MemRefRegion> region;
    for (Operation *op : ops) {
      auto r = std::make_unique<affine::MemRefRegion>(op->getLoc());
      if (failed(r->compute(op, depth)))
        return failure();
      if (!region)
        region = std::move(r);
      else if (failed(region->unionBoundingBox(*r)))
        return failure();
    }
    std::optional<int64_t> size = region->getConstantBoundingSizeAndShape(&shape, &lbs);
    if (!size || *size <= 0)
      return failure();
    unsigned rank = region->getRank();
    region->getConstraints()->getValues(rank, region->getConstraints()->getNumDimAndSymbolVars(),
                                        &symbols);
    return success();
  }

  std::optional<unsigned> symbolOf(Value v) const {
    for (unsigned k = 0; k < symbols.size(); ++k)
      if (symbols[k] == v)
        return k;
    return std::nullopt;
  }

  /// How much lbs[d] grows when `v` grows by one (0 if it does not use v),
  /// if that is a constant.
  std::optional<int64_t> stride(unsigned d, Value v) const {
    std::optional<unsigned> k = symbolOf(v);
    if (!k)
      return 0;
    AffineMap lb = lbs[d];
    MLIRContext *ctx = lb.getContext();
    AffineExpr e = lb.getResult(0);
    if (!e.isFunctionOfSymbol(*k))
      return 0;
    AffineExpr next = e.replace(getAffineSymbolExpr(*k, ctx), getAffineSymbolExpr(*k, ctx) + 1);
    AffineExpr diff = simplifyAffineExpr(next - e, lb.getNumDims(), lb.getNumSymbols());
    if (auto c = llvm::dyn_cast<AffineConstantExpr>(diff))
      return c.getValue();
    return std::nullopt;
  }

  /// lbs[d] as an affine value map over its symbols.
  affine::AffineValueMap valueMap(unsigned d) const {
    AffineMap lb = lbs[d];
    llvm::SmallVector<AffineExpr, 8> dims;
    for (unsigned k = 0; k < lb.getNumSymbols(); ++k)
      dims.push_back(getAffineDimExpr(k, lb.getContext()));
    return affine::AffineValueMap(lb.replaceDimsAndSymbols({}, dims, lb.getNumSymbols(), 0),
                                  ValueRange(symbols));
  }

  /// lbs[d] here, with `from` (one of the symbols) taking the value `to`.
  OpFoldResult eval(OpBuilder &b, Location loc, unsigned d, Value from = {}, OpFoldResult to = {},
                    int64_t add = 0) const {
    AffineMap lb = lbs[d];
    llvm::SmallVector<AffineExpr, 8> dims;
    for (unsigned k = 0; k < lb.getNumSymbols(); ++k)
      dims.push_back(getAffineDimExpr(k, lb.getContext()));
    AffineMap m = lb.replaceDimsAndSymbols({}, dims, lb.getNumSymbols(), 0);
    m = AffineMap::get(m.getNumDims(), 0, m.getResult(0) + add, lb.getContext());
    llvm::SmallVector<OpFoldResult, 8> ops;
    for (Value s : symbols)
      ops.push_back(s == from && from ? to : OpFoldResult(s));
    return affine::makeComposedFoldedAffineApply(b, loc, m, ops);
  }
};

/// a - b, if a constant.
std::optional<int64_t> constantDifference(const affine::AffineValueMap &a,
                                          const affine::AffineValueMap &b) {
  affine::AffineValueMap diff;
  affine::AffineValueMap::difference(a, b, &diff);
  if (auto c = llvm::dyn_cast<AffineConstantExpr>(diff.getAffineMap().getResult(0)))
    return c.getValue();
  return std::nullopt;
}

/// x + y for index values that may be constants.
OpFoldResult add(OpBuilder &b, Location loc, OpFoldResult x, OpFoldResult y, int64_t k = 0) {
  MLIRContext *ctx = b.getContext();
  AffineMap m = AffineMap::get(2, 0, getAffineDimExpr(0, ctx) + getAffineDimExpr(1, ctx) + k, ctx);
  return affine::makeComposedFoldedAffineApply(b, loc, m, {x, y});
}
OpFoldResult sub(OpBuilder &b, Location loc, OpFoldResult x, OpFoldResult y, int64_t k = 0) {
  MLIRContext *ctx = b.getContext();
  AffineMap m = AffineMap::get(2, 0, getAffineDimExpr(0, ctx) - getAffineDimExpr(1, ctx) + k, ctx);
  return affine::makeComposedFoldedAffineApply(b, loc, m, {x, y});
}

/// Indices base + t, t in [0, count), along some dimensions.
struct Range {
  unsigned dim;
  OpFoldResult base;
  int64_t count;
};

/// Runs `body` for every point of the ranges: unrolled (constant t) when
/// there are few points, else as a loop nest named name, name1, ...
void forEachPoint(OpBuilder &b, Location loc, llvm::ArrayRef<Range> ranges, bool unroll,
                  llvm::StringRef name, llvm::SmallVectorImpl<OpFoldResult> &idx,
                  llvm::function_ref<void(OpBuilder &, llvm::ArrayRef<OpFoldResult>)> body,
                  unsigned level = 0) {
  if (level == ranges.size()) {
    body(b, idx);
    return;
  }
  const Range &r = ranges[level];
  if (unroll) {
    for (int64_t t = 0; t < r.count; ++t) {
      idx[r.dim] = add(b, loc, r.base, b.getIndexAttr(t));
      forEachPoint(b, loc, ranges, unroll, name, idx, body, level + 1);
    }
    return;
  }
  auto f = affine::AffineForOp::create(b, loc, 0, r.count);
  setLoopName(f, (name + (level ? std::to_string(level) : std::string())).str());
  OpBuilder ib = OpBuilder::atBlockBegin(f.getBody());
  idx[r.dim] = add(ib, loc, r.base, f.getInductionVar());
  forEachPoint(ib, loc, ranges, unroll, name, idx, body, level + 1);
}

int64_t points(llvm::ArrayRef<Range> ranges) {
  int64_t n = 1;
  for (const Range &r : ranges)
    n *= r.count;
  return n;
}

/// At most this many points are unrolled into straight-line code.
constexpr int64_t kUnrollPoints = 16;

LogicalResult Reuse::general(llvm::ArrayRef<Operation *> uses) {
  MLIRContext *ctx = c.ctx;
  Value iv = loop.getInductionVar();
  MemRefType type = arr.type();
  unsigned rank = type.getRank();
  Location loc = loop.getLoc();
  if (affine::getConstantTripCount(loop) == 1u) {
    error("the loop runs once; there is nothing to reuse between its iterations", loop, "the loop");
    return failure();
  }
  // The window's reads: those after the last write (reads before it, as the
  // shifts of a line buffer's update, stay as they are: the array itself
  // is not changed, so they stay right).
  Block *body = loop.getBody();
  llvm::SmallVector<Operation *, 8> reads, writes;
  Operation *lastWrite = nullptr;
  for (Operation *u : uses)
    if (isa<affine::AffineStoreOp>(u)) {
      writes.push_back(u);
      Operation *top = body->findAncestorOpInBlock(*u);
      if (!lastWrite || lastWrite->isBeforeInBlock(top))
        lastWrite = top;
    }
  for (Operation *u : uses)
    if (isa<affine::AffineLoadOp>(u) &&
        (!lastWrite || lastWrite->isBeforeInBlock(body->findAncestorOpInBlock(*u))))
      reads.push_back(u);
  if (reads.empty()) {
    if (lastWrite)
      error(
          "the loop writes the array and reads it only before or among the writes; reuse_at needs "
          "reads after the writes (a line buffer's update, then the window's reads)",
          writes.back(), "the last write");
    else
      error("the loop does not read the array", loop, "the loop");
    return failure();
  }

  // What one iteration reads, and how it moves.
  unsigned depth = affine::getNestingDepth(loop) + 1;
  Footprint fp;
  if (failed(fp.compute(reads, depth))) {
    error("the elements one iteration reads are not a box of constant size (or its bounds are not "
          "affine)",
          reads.front(),
          "a read; the loops around the reads need bounds that do not vary with the loop");
    return failure();
  }
  for (Value v : fp.symbols)
    if (v != iv && !definedOutside(v, loop)) {
      error("where the reads are depends on a value computed inside the loop", reads.front(),
            "a read");
      return failure();
    }
  std::optional<unsigned> dm;
  int64_t stride = 0;
  for (unsigned d = 0; d < rank; ++d) {
    std::optional<int64_t> s = fp.stride(d, iv);
    if (!s || *s < 0) {
      error("the reads move along dimension " + std::to_string(d + 1) +
                " by an amount per iteration that is not a positive constant",
            reads.front(), "a read");
      return failure();
    }
    if (*s == 0)
      continue;
    if (dm) {
      error("the reads move along dimensions " + std::to_string(*dm + 1) + " and " +
                std::to_string(d + 1) + "; a reuse buffer slides along one dimension",
            reads.front(), "a read");
      return failure();
    }
    dm = d;
    stride = *s;
  }
  if (!dm) {
    error("the elements the loop reads do not move with its variable", reads.front(), "a read");
    return failure();
  }
  int64_t width = fp.shape[*dm];
  if (width <= stride) {
    error("consecutive iterations read no element in common: each reads " + std::to_string(width) +
              " along dimension " + std::to_string(*dm + 1) + " and the next starts " +
              std::to_string(stride) + " further; there is nothing to reuse",
          reads.front(), "a read");
    return failure();
  }
  int64_t keep = width - stride; // carried from one iteration to the next

  // Writes (all before the window's reads): never where the buffer keeps
  // values from earlier iterations (a line buffer's update writes its
  // newest columns before a window on it reads them).
  Operation *firstRead = nullptr;
  for (Operation *r : reads) {
    Operation *top = body->findAncestorOpInBlock(*r);
    if (!firstRead || top->isBeforeInBlock(firstRead))
      firstRead = top;
  }
  if (!writes.empty()) {
    Footprint wf;
    std::optional<int64_t> delta;
    if (succeeded(wf.compute(writes, depth)))
      delta = constantDifference(wf.valueMap(*dm), fp.valueMap(*dm));
    if (!delta || !(*delta >= keep || *delta + wf.shape[*dm] <= 0)) {
      error("the loop writes the array where the reuse buffer keeps values from earlier iterations "
            "(the first " +
                std::to_string(keep) + " of the " + std::to_string(width) +
                " elements each iteration reads along dimension " + std::to_string(*dm + 1) +
                "); reuse_at allows writes only where the window enters or behind it",
            writes.front(), "this write");
      return failure();
    }
  }

  // A line buffer when one loop k directly in the body holds every read, its
  // bounds do not vary with the loop, and what one iteration of k reads
  // moves along one other dimension: each column is then brought up to date
  // in the iteration of k that first reads it. Otherwise the whole buffer
  // moves at the top of each iteration (a window).
  affine::AffineForOp kloop;
  std::optional<unsigned> dc;
  int64_t cstride = 0;
  Footprint kf;
  if (writes.empty() && firstRead && isa<affine::AffineForOp>(firstRead)) {
    auto k = llvm::cast<affine::AffineForOp>(firstRead);
    bool holdsAll = llvm::all_of(reads, [&](Operation *r) { return k->isAncestor(r); });
    bool invariant =
        llvm::all_of(k.getControlOperands(), [&](Value v) { return definedOutside(v, loop); });
    std::optional<uint64_t> trip = affine::getConstantTripCount(k);
    if (holdsAll && invariant && k.getStepAsInt() == 1 && (!trip || *trip > 0) &&
        succeeded(kf.compute(reads, depth + 1))) {
      bool ok = true;
      for (unsigned d = 0; d < rank && ok; ++d) {
        std::optional<int64_t> s = kf.stride(d, k.getInductionVar());
        if (!s || *s < 0) {
          ok = false;
        } else if (*s > 0) {
          ok = d != *dm && !dc;
          dc = d;
          cstride = *s;
        }
      }
      if (ok && dc)
        kloop = k;
    }
  }

  // The buffer: the box of one iteration, dimensions of extent 1 dropped
  // (not the moving one).
  llvm::SmallVector<int, 4> bufDim;
  llvm::SmallVector<int64_t, 4> shape;
  for (unsigned d = 0; d < rank; ++d) {
    bool kept = fp.shape[d] > 1 || d == *dm;
    bufDim.push_back(kept ? (int)shape.size() : -1);
    if (kept)
      shape.push_back(fp.shape[d]);
  }
  memref::AllocaOp buf = createLocalArray(arr, shape, arrayName(array) + "_reuse");
  setPartition(ctx, buf, kloop ? bufDim[*dm] + 1 : 0);
  std::string bufName = buf->getAttrOfType<StringAttr>(AlloDialect::kName).getValue().str();
  for (const char *role : {".preload", ".update", ".first"})
    for (unsigned l = 0; l < rank; ++l)
      if (failed(c.checkFreshName(
              arr.func, bufName + role + (l ? std::to_string(l) : std::string()), c.loops.front())))
        return failure();

  // idx: buffer coordinates along the other dimensions; origin: the box's
  // origin in the array.
  auto access = [&](llvm::ArrayRef<OpFoldResult> at) {
    Access a(ctx);
    for (OpFoldResult x : at)
      a.res.push_back(a.at(x, 0));
    return a;
  };
  // With shift 0 (an update): buf[m] = buf[m + stride] for m < keep, and
  // buf[m] = A[origin + m] for the rest. With shift = stride (the preload):
  // buf[m] = A[origin + m - stride] for m >= stride.
  auto moveColumn = [&](OpBuilder &b, llvm::ArrayRef<OpFoldResult> idx,
                        llvm::ArrayRef<OpFoldResult> origin, int64_t from, int64_t shift) {
    for (int64_t m = from; m < width; ++m) {
      llvm::SmallVector<OpFoldResult, 4> bi, ai;
      for (unsigned d = 0; d < rank; ++d)
        if (bufDim[d] >= 0)
          bi.push_back(d == *dm ? OpFoldResult(b.getIndexAttr(m)) : idx[d]);
      Value v;
      if (m < keep && shift == 0) {
        llvm::SmallVector<OpFoldResult, 4> src;
        for (unsigned d = 0; d < rank; ++d)
          if (bufDim[d] >= 0)
            src.push_back(d == *dm ? OpFoldResult(b.getIndexAttr(m + stride)) : idx[d]);
        v = access(src).load(b, loc, buf);
      } else {
        for (unsigned d = 0; d < rank; ++d)
          ai.push_back(d == *dm
                           ? add(b, loc, origin[d], b.getIndexAttr(m - shift))
                           : add(b, loc, origin[d], bufDim[d] >= 0 ? idx[d] : b.getIndexAttr(0)));
        v = access(ai).load(b, loc, array);
      }
      access(bi).store(b, loc, v, buf);
    }
  };
  auto update = [&](OpBuilder &b, llvm::ArrayRef<OpFoldResult> idx,
                    llvm::ArrayRef<OpFoldResult> origin) { moveColumn(b, idx, origin, 0, 0); };

  // Preload, before the loop: what the first iteration keeps, as if an
  // iteration before it had read it (buf[m] = A[origin(L) + m - stride],
  // m >= stride).
  Operation *beforePreload = loop->getPrevNode();
  OpBuilder b(loop);
  {
    OpFoldResult lb = affine::makeComposedFoldedAffineApply(
        b, loc, loop.getLowerBoundMap(),
        llvm::SmallVector<OpFoldResult, 4>(loop.getLowerBoundOperands()));
    llvm::SmallVector<OpFoldResult, 4> originL;
    for (unsigned d = 0; d < rank; ++d)
      originL.push_back(fp.eval(b, loc, d, iv, lb));
    llvm::SmallVector<Range, 4> ranges;
    for (unsigned d = 0; d < rank; ++d)
      if (d != *dm && bufDim[d] >= 0)
        ranges.push_back({d, b.getIndexAttr(0), fp.shape[d]});
    llvm::SmallVector<OpFoldResult, 4> idx(rank, b.getIndexAttr(0));
    forEachPoint(b, loc, ranges, points(ranges) * keep <= kUnrollPoints, bufName + ".preload", idx,
                 [&](OpBuilder &pb, llvm::ArrayRef<OpFoldResult> at) {
                   moveColumn(pb, at, originL, stride, stride);
                 });
  }

  // The box's origin in each iteration.
  OpBuilder ob = OpBuilder::atBlockBegin(body);
  llvm::SmallVector<OpFoldResult, 4> origin;
  for (unsigned d = 0; d < rank; ++d)
    origin.push_back(fp.eval(ob, loc, d));

  if (!kloop) {
    // The window: every element moves at the top of the iteration (after the
    // writes, if any).
    if (lastWrite)
      ob.setInsertionPointAfter(lastWrite);
    llvm::SmallVector<Range, 4> ranges;
    for (unsigned d = 0; d < rank; ++d)
      if (d != *dm && bufDim[d] >= 0)
        ranges.push_back({d, ob.getIndexAttr(0), fp.shape[d]});
    llvm::SmallVector<OpFoldResult, 4> idx(rank, ob.getIndexAttr(0));
    forEachPoint(ob, loc, ranges, points(ranges) * width <= 4 * kUnrollPoints, bufName + ".update",
                 idx,
                 [&](OpBuilder &ub, llvm::ArrayRef<OpFoldResult> at) { update(ub, at, origin); });
  } else {
    // The line buffer: the columns k's first iteration reads, before k (but
    // the newest); at the top of each iteration of k, the columns it is the
    // first to read.
    int64_t cw = kf.shape[*dc];
    int64_t fresh = std::min(cstride, cw);
    auto ranges = [&](OpBuilder &rb, OpFoldResult colBase, int64_t count) {
      llvm::SmallVector<Range, 4> rs;
      for (unsigned d = 0; d < rank; ++d) {
        if (d == *dm || bufDim[d] < 0)
          continue;
        if (d == *dc)
          rs.push_back({d, sub(rb, loc, colBase, origin[d]), count});
        else
          rs.push_back({d, rb.getIndexAttr(0), fp.shape[d]});
      }
      return rs;
    };
    Value kv = kloop.getInductionVar();
    if (cw > fresh) {
      OpBuilder fb(kloop);
      OpFoldResult klb = affine::makeComposedFoldedAffineApply(
          fb, loc, kloop.getLowerBoundMap(),
          llvm::SmallVector<OpFoldResult, 4>(kloop.getLowerBoundOperands()));
      OpFoldResult col = kf.eval(fb, loc, *dc, kv, klb);
      llvm::SmallVector<Range, 4> rs = ranges(fb, col, cw - fresh);
      llvm::SmallVector<OpFoldResult, 4> idx(rank, fb.getIndexAttr(0));
      forEachPoint(fb, loc, rs, points(rs) * width <= 4 * kUnrollPoints, bufName + ".first", idx,
                   [&](OpBuilder &ub, llvm::ArrayRef<OpFoldResult> at) { update(ub, at, origin); });
    }
    OpBuilder kb = OpBuilder::atBlockBegin(kloop.getBody());
    OpFoldResult col = kf.eval(kb, loc, *dc, {}, {}, cw - fresh);
    llvm::SmallVector<Range, 4> rs = ranges(kb, col, fresh);
    llvm::SmallVector<OpFoldResult, 4> idx(rank, kb.getIndexAttr(0));
    forEachPoint(kb, loc, rs, points(rs) * width <= 4 * kUnrollPoints, bufName + ".update", idx,
                 [&](OpBuilder &ub, llvm::ArrayRef<OpFoldResult> at) { update(ub, at, origin); });
  }

  // The reads, from the buffer.
  for (Operation *r : reads) {
    auto ld = llvm::cast<affine::AffineLoadOp>(r);
    OpBuilder rb(ld);
    AffineMap map;
    llvm::SmallVector<Value, 8> operands;
    shiftedAccess(ld.getAffineMap(), ld.getMapOperands(), bufDim, origin, map, operands);
    auto n = affine::AffineLoadOp::create(rb, ld.getLoc(), buf, map, operands);
    ld.getResult().replaceAllUsesWith(n.getResult());
    ld.erase();
  }
  // Index arithmetic that was folded into the accesses.
  llvm::SmallVector<Operation *, 16> applies;
  for (Operation *op = beforePreload ? beforePreload->getNextNode() : &loop->getBlock()->front();
       op && op != loop.getOperation(); op = op->getNextNode())
    op->walk([&](affine::AffineApplyOp a) { applies.push_back(a); });
  loop.walk([&](affine::AffineApplyOp a) { applies.push_back(a); });
  for (auto it = applies.rbegin(); it != applies.rend(); ++it)
    if ((*it)->use_empty())
      (*it)->erase();
  return success();
}

} // namespace

LogicalResult sched::applyReuseAt(StepContext &c) {
  const ScheduleStep &s = c.step;
  std::optional<ArraySite> arr;
  affine::AffineForOp loop;
  if (failed(c.arrayAndLoop("reuse_at", arr, loop)))
    return failure();
  Reuse r{c, *arr, loop, "cannot reuse '" + s.array()->str() + "' at " + describeLoop(loop) + ": ",
          arr->value()};
  if (arr->alloca && loop->isAncestor(arr->alloca)) {
    auto d = c.error(r.what + "the array is allocated inside the loop");
    d.attachNote(arr->loc()) << "the array";
    return failure();
  }
  if (failed(r.checkLoop(loop, "the loop")))
    return failure();

  llvm::SmallVector<Operation *, 8> uses;
  for (OpOperand &use : r.array.getUses()) {
    Operation *user = use.getOwner();
    if (!loop->isAncestor(user))
      continue;
    auto st = llvm::dyn_cast<affine::AffineStoreOp>(user);
    if (!isa<affine::AffineLoadOp>(user) && !(st && st.getMemRef() == r.array)) {
      r.error(isa<affine::AffineStoreOp, memref::StoreOp>(user)
                  ? std::string("the loop writes the array in a non-affine store")
                  : "the loop uses the array in a '" + user->getName().getStringRef().str() +
                        "', not only in affine loads",
              user, "this use");
      return failure();
    }
    uses.push_back(user);
  }
  if (uses.empty()) {
    r.error("the loop does not read the array", loop, "the loop");
    return failure();
  }
  // Directly in the body: a window; directly in one loop nested directly in
  // the body: a line buffer.
  // Anything else (strides, reads deeper in the loop, taps written as
  // loops): the general form.
  bool direct =
      llvm::all_of(uses, [&](Operation *u) { return u->getParentOp() == loop.getOperation(); });
  auto inner = llvm::dyn_cast<affine::AffineForOp>(uses.front()->getParentOp());
  bool line =
      !direct && inner && inner->getParentOp() == loop.getOperation() &&
      llvm::all_of(uses, [&](Operation *u) { return u->getParentOp() == inner.getOperation(); });
  if (direct || line) {
    LogicalResult done = direct ? r.window(uses) : r.lineBuffer(inner, uses);
    if (succeeded(done) || !r.notThisForm)
      return done;
  }
  return r.general(uses);
}

std::string sched::summarizeReuseAt(const ScheduleStep &s) {
  return "reuse_at " + refStr(s.array()) + " at " + refList(s.loops());
}
