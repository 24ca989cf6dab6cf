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
#include "mlir/Dialect/Affine/IR/AffineValueMap.h"
#include "mlir/IR/Builders.h"

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
    return getAffineConstantExpr(llvm::cast<IntegerAttr>(llvm::cast<Attribute>(base)).getInt() + off, ctx);
  }
  std::pair<AffineMap, llvm::SmallVector<Value, 8>> build() const {
    AffineMap m = AffineMap::get(ops.size(), 0, res, ctx);
    llvm::SmallVector<Value, 8> operands(ops);
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
  AffineExpr rest = simplifyAffineExpr(e - getAffineDimExpr(pos, map.getContext()), map.getNumDims(),
                                       map.getNumSymbols());
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
  NamedAttrList part;
  part.set("type", bb.getStringAttr("complete"));
  part.set("dim", bb.getI64IntegerAttr(dim));
  buf->setAttr(AlloDialect::kPartition, bb.getArrayAttr({part.getDictionary(ctx)}));
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
      error(which + " needs a constant, non-zero trip count and a single lower bound", l, "the loop");
      return failure();
    }
    return success();
  }

  LogicalResult window(llvm::ArrayRef<Operation *> uses);
  LogicalResult lineBuffer(affine::AffineForOp inner, llvm::ArrayRef<Operation *> uses);
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
        error("the read's indices are not of the window form A[..][j + constant][..] (the other "
              "indices independent of j)",
              r.load, "this read");
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
        auto diag = error("the reads differ in dimension " + std::to_string(d + 1) +
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
            "A[..][j + " + std::to_string(cmax) + "][..] with the other indices those of the reads "
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
    OpFoldResult lb = affine::makeComposedFoldedAffineApply(b, loc, loop.getLowerBoundMap(), lbOperands);
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
  if (failed(checkLoop(inner, "the inner loop " + describeLoop(inner))))
    return failure();
  llvm::SmallVector<Value, 4> bounds(inner.getLowerBoundOperands());
  bounds.append(inner.getUpperBoundOperands().begin(), inner.getUpperBoundOperands().end());
  for (Value v : bounds)
    if (!definedOutside(v, loop)) {
      error("the bounds of the inner loop " + describeLoop(inner) +
                " vary with the loop; a line buffer needs the same columns in every row",
            inner, "the inner loop");
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
      error("the loop writes the array; a line buffer needs it read-only in the loop", u, "this write");
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
      error("the reads are not of the line-buffer form " + form, u, "this read");
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
        auto diag = error("the reads differ in dimension " + std::to_string(d + 1) +
                              "; a line buffer needs the reads of the form " + form,
                          r.load, "this read");
        diag.attachNote(proto.load.getLoc()) << "and this one";
        return failure();
      }
    }
  if (type.isDynamicDim(*colDim)) {
    error("dimension " + std::to_string(*colDim + 1) + " of the array (the columns) has no static size",
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

  memref::AllocaOp buf = createLocalArray(arr, {rows, type.getDimSize(*colDim)}, arrayName(array) + "_reuse");
  setPartition(ctx, buf, 1);
  std::string bufName = buf->getAttrOfType<StringAttr>(AlloDialect::kName).getValue().str();
  if (rows > 1 && failed(c.checkFreshName(arr.func, bufName + ".preload", c.step.loops.front())))
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
    OpFoldResult lb = affine::makeComposedFoldedAffineApply(b, loc, loop.getLowerBoundMap(), lbOperands);
    AffineMap jlb = inner.getLowerBoundMap();
    AffineExpr first = jlb.getResult(0) + cmin;
    auto pre = affine::AffineForOp::create(
        b, loc, inner.getLowerBoundOperands(),
        AffineMap::get(jlb.getNumDims(), jlb.getNumSymbols(), first),
        inner.getLowerBoundOperands(),
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
    OpFoldResult jlb = affine::makeComposedFoldedAffineApply(b, loc, inner.getLowerBoundMap(), lbOperands);
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

} // namespace

LogicalResult sched::applyReuseAt(StepContext &c) {
  const ScheduleStep &s = c.step;
  std::optional<ArraySite> arr;
  affine::AffineForOp loop;
  if (failed(c.arrayAndLoop("reuse_at", arr, loop)))
    return failure();
  Reuse r{c, *arr, loop, "cannot reuse '" + s.array->str() + "' at " + describeLoop(loop) + ": ",
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
  bool direct = llvm::all_of(uses, [&](Operation *u) { return u->getParentOp() == loop.getOperation(); });
  if (direct)
    return r.window(uses);
  auto inner = llvm::dyn_cast<affine::AffineForOp>(uses.front()->getParentOp());
  bool line = inner && inner->getParentOp() == loop.getOperation() &&
              llvm::all_of(uses, [&](Operation *u) { return u->getParentOp() == inner.getOperation(); });
  if (!line) {
    Operation *bad = uses.front();
    for (Operation *u : uses)
      if (u->getParentOp() != loop.getOperation() && (!inner || u->getParentOp() != inner.getOperation()))
        bad = u;
    r.error("the array is accessed in different places of the loop; reuse_at needs every access "
            "directly in the loop's body (a window) or directly in the body of one loop nested "
            "directly in it (a line buffer)",
            bad, "this access");
    return failure();
  }
  return r.lineBuffer(inner, uses);
}
