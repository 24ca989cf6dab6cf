//===- Unfold.cpp - unfold(loops, axes, factors, name) --------------------===//
//
// The unfolded loops (a perfect band of constant-bound loops, each unfolded
// completely) become a grid of processing elements: one function per
// iteration point, its body the band's body with the loop variables
// replaced by the PE's coordinates. A dataflow function calls the PEs in the
// loops' original order and replaces the band:
//
//   gemm:   affine.for %i = 0 to 2 {          gemm:     call @gemm_PE(%A, %B, %C)
//             affine.for %j = 0 to 2 {        gemm_PE:  (dataflow) call @gemm_PE_0_0(...)
//               body(%i, %j)             =>                         call @gemm_PE_0_1(...) ...
//                                             gemm_PE_1_0: body(1, 0)   (inline off)
//
// Values the body uses from outside become parameters (arrays, scalars, the
// variables of enclosing loops); constants are copied; buffer_at buffers used
// only by the body, and scalar variables private to the band's iterations
// (written before they are read in each iteration and dead after the band,
// ScalarPrivatization.h) become each PE's own. A scalar variable that is
// not private is passed to the PEs by reference (the vhls emitter prints
// rank-0 memref parameters as `T &`), so what a PE writes reaches the code
// after the grid; two PEs writing it is a race, refused below. Each PE
// receives only what it uses.
//
// In hardware the PEs run concurrently, so a dependence between iterations
// of the unfolded loops through a shared array is a race (the accesses of
// functions the body calls count, analysed with their bodies in place:
// CallBodies.cpp). Such a dependence
// is refused unless a later `relay` step of this schedule passes that array
// (or its buffer) from PE to PE instead.
//
//===----------------------------------------------------------------------===//
#include "ScalarPrivatization.h"
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/AffineAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/LoopAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/Utils.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/CallInterfaces.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

/// Attributes describing a value passed to a PE (name, C type, partitions...).
DictionaryAttr argAttrsFor(Value v, func::FuncOp f, unsigned k) {
  MLIRContext *ctx = v.getContext();
  NamedAttrList attrs;
  if (auto ba = llvm::dyn_cast<BlockArgument>(v)) {
    if (ba.getOwner() == &f.getBody().front())
      return f.getArgAttrDict(ba.getArgNumber()) ? f.getArgAttrDict(ba.getArgNumber())
                                                 : DictionaryAttr::get(ctx, {});
    if (auto loop = affine::getForInductionVarOwner(v)) {
      auto iv = loop->getAttrOfType<StringAttr>(AlloDialect::kInductionVar);
      attrs.set(AlloDialect::kName, iv ? iv : StringAttr::get(ctx, loopName(loop)));
      attrs.set(AlloDialect::kCType, StringAttr::get(ctx, "int"));
      return attrs.getDictionary(ctx);
    }
  }
  if (Operation *d = v.getDefiningOp()) {
    for (StringRef n : {AlloDialect::kName, AlloDialect::kCType, AlloDialect::kPartition,
                        AlloDialect::kUnsigned, AlloDialect::kFixedScale})
      if (Attribute a = d->getAttr(n))
        attrs.set(n, a);
  }
  if (!attrs.get(AlloDialect::kName))
    attrs.set(AlloDialect::kName, StringAttr::get(ctx, "v" + std::to_string(k)));
  return attrs.getDictionary(ctx);
}

} // namespace

LogicalResult sched::applyUnfold(StepContext &c) {
  const ScheduleStep &s = c.step;
  const ScheduleField<std::vector<int64_t>> axesField = s.ints("axes"),
                                            factorsField = s.ints("factors");
  llvm::SmallVector<affine::AffineForOp, 4> loops;
  if (!c.affineLoops(loops, "unfold"))
    return failure();
  for (size_t k = 1; k < loops.size(); ++k)
    if (!loops[k - 1]->isProperAncestor(loops[k])) {
      c.error(c.loops[k], "'" + c.loops[k].str() + "' is not nested in '" + c.loops[k - 1].str() +
                              "'; list the band's loops outermost first");
      return failure();
    }
  func::FuncOp f = loops.front()->getParentOfType<func::FuncOp>();
  std::string gridName = s.text("name").value;

  llvm::SmallVector<int64_t, 4> axes;
  if (axesField.given)
    axes.assign(axesField.value.begin(), axesField.value.end());
  else
    for (size_t k = 0; k < loops.size(); ++k)
      axes.push_back((int64_t)k);
  for (size_t k = 0; k < axes.size(); ++k) {
    if (axes[k] >= (int64_t)loops.size()) {
      c.error(axesField.path, axesField.pos,
              "axis " + std::to_string(axes[k]) + " is out of range: the band has " +
                  std::to_string(loops.size()) + " loop(s), axes count from 0");
      return failure();
    }
    if (k && axes[k] <= axes[k - 1]) {
      c.error(axesField.path, axesField.pos, "axes must be increasing (outermost first)");
      return failure();
    }
  }
  if (factorsField.given && factorsField.value.size() != axes.size()) {
    c.error(factorsField.path, factorsField.pos,
            "expected one factor per unfolded axis (" + std::to_string(axes.size()) + "), got " +
                std::to_string(factorsField.value.size()));
    return failure();
  }

  // The spatial loops: one perfect band of constant-bound loops.
  llvm::SmallVector<affine::AffineForOp, 4> spatial;
  for (int64_t a : axes)
    spatial.push_back(loops[a]);
  llvm::SmallVector<affine::AffineForOp, 4> band;
  if (failed(perfectBand(c, spatial.front(), spatial.back(), band)))
    return failure();
  if (band.size() != spatial.size()) {
    auto d = c.error("the unfolded loops must be directly nested, but " + describeLoop(band[1]) +
                     " lies between " + describeLoop(band[0]) + " and the next unfolded loop");
    d.attachNote(band[1].getLoc()) << "unfold it too, or move it inside with reorder";
    return failure();
  }
  llvm::SmallVector<int64_t, 4> extents, lbs, steps;
  for (size_t k = 0; k < band.size(); ++k) {
    affine::AffineForOp l = band[k];
    std::optional<uint64_t> trip = affine::getConstantTripCount(l);
    if (!l.hasConstantLowerBound() || !l.hasConstantUpperBound() || !trip || *trip == 0) {
      auto d = c.error("cannot unfold " + describeLoop(l) +
                       ": a PE grid needs loops with constant bounds and at least one iteration");
      d.attachNote(l.getLoc()) << "this loop";
      return failure();
    }
    int64_t factor = factorsField.given ? factorsField.value[k] : (int64_t)*trip;
    if (factor != (int64_t)*trip) {
      auto d = c.error(factorsField.path, factorsField.pos,
                       "factor " + std::to_string(factor) + " of " + describeLoop(l) +
                           " must equal its trip count " + std::to_string(*trip));
      d.attachNote(l.getLoc()) << "split the loop by " << factor
                               << " first and unfold its .inner loop";
      return failure();
    }
    extents.push_back(factor);
    lbs.push_back(l.getConstantLowerBound());
    steps.push_back(l.getStepAsInt());
  }
  ModuleOp module = c.module;
  std::string gridSym = f.getSymName().str() + "_" + gridName;
  if (module.lookupSymbol(gridSym)) {
    c.error("the grid name '" + gridSym + "' is already taken").attachNote(f.getLoc())
        << "give the grid another \"name\"";
    return failure();
  }
  prepareBand(band);
  affine::AffineForOp outer = band.front(), inner = band.back();

  // Values from outside the band.
  llvm::SetVector<Value> liveIns;
  llvm::SetVector<Operation *> privates, copied;
  llvm::DenseSet<Operation *> shared; // allocas passed to the PEs
  Operation *stream = nullptr, *opaque = nullptr, *call = nullptr;
  bool reported = false;
  outer.walk([&](Operation *op) {
    if (reported)
      return;
    if (isa<StreamReadOp, StreamWriteOp, StreamEmptyOp, StreamWriteLockOp, StreamReadLockOp>(op) &&
        !stream)
      stream = op;
    if (isa<CallOpInterface>(op) && !call)
      call = op; // analysed with the callee's body in place, below
    if (isa<memref::LoadOp, memref::StoreOp>(op) && !opaque)
      opaque = op;
    for (Value v : op->getOperands()) {
      if (outer->isAncestor(v.getParentBlock()->getParentOp()))
        continue; // defined inside the band
      Operation *d = v.getDefiningOp();
      if (d && isa<arith::ConstantOp, memref::GetGlobalOp>(d)) {
        copied.insert(d);
        continue;
      }
      if (auto a = llvm::dyn_cast_or_null<memref::AllocaOp>(d)) {
        if (privates.contains(a))
          continue;
        if (shared.contains(a)) {
          liveIns.insert(v);
          continue;
        }
        bool onlyHere =
            llvm::all_of(a->getUsers(), [&](Operation *u) { return outer->isAncestor(u); });
        // A buffer_at buffer is filled before it is read in every iteration.
        if ((onlyHere && a->hasAttr(AlloDialect::kBufferOf)) || isPrivateTo(a, inner)) {
          privates.insert(a);
          continue;
        }
        if (onlyHere) {
          auto e = c.error("cannot give each PE its own '" + arrayName(a) +
                           "': it may be read before the PE writes it");
          e.attachNote(a.getLoc()) << "declared here";
          reported = true;
          return;
        }
        shared.insert(a);
      }
      liveIns.insert(v);
    }
  });
  if (stream) {
    auto d =
        c.error("cannot unfold a loop whose body reads or writes a stream: the PEs would share it");
    d.attachNote(stream->getLoc()) << "this stream access";
    return failure();
  }
  if (reported)
    return failure();
  if (opaque) {
    auto d = c.error("cannot prove the PEs independent: the body has a '" +
                     opaque->getName().getStringRef().str() + "' whose accesses are not affine");
    d.attachNote(opaque->getLoc()) << "here";
    return failure();
  }

  // Dependences between iterations of the unfolded loops through shared
  // arrays, with the bodies of the functions the band calls in place (a copy
  // for the analysis; the PEs keep the calls).
  affine::AffineForOp analysed = outer, withBodies;
  llvm::scope_exit dropCopy([&]() {
    if (withBodies)
      eraseCopyWithCallBodies(withBodies);
  });
  if (call) {
    std::string why;
    Operation *where = nullptr;
    withBodies = copyWithCallBodies(outer, why, where);
    if (!withBodies) {
      auto d = c.error("cannot prove the PEs independent: " + why);
      d.attachNote(where ? where->getLoc() : call->getLoc()) << "here";
      if (where != call)
        d.attachNote(call->getLoc()) << "called here";
      return failure();
    }
    analysed = withBodies;
  }
  llvm::SmallVector<Operation *, 16> accesses;
  analysed.walk([&](Operation *op) {
    if (isa<affine::AffineReadOpInterface, affine::AffineWriteOpInterface>(op))
      accesses.push_back(op);
  });
  unsigned depth0 = affine::getNestingDepth(outer);
  llvm::StringSet<> relayed;
  for (const ScheduleStep &later : c.later)
    if (later.is("relay") && later.array() && later.array()->func == f.getSymName() &&
        later.text("grid").value == gridName)
      relayed.insert(later.array()->name);
  for (Operation *src : accesses)
    for (Operation *dst : accesses) {
      affine::MemRefAccess sa(src), da(dst);
      if (sa.memref != da.memref || (!sa.isStore() && !da.isStore()))
        continue;
      if (auto a = sa.memref.getDefiningOp<memref::AllocaOp>(); a && privates.contains(a))
        continue;
      if (isCallLocal(sa.memref)) // a local of a callee: fresh in every call
        continue;
      for (unsigned d = 1; d <= band.size(); ++d) {
        affine::DependenceResult r =
            affine::checkMemrefAccessDependence(sa, da, depth0 + d, nullptr, nullptr);
        if (r.value == affine::DependenceResult::NoDependence)
          continue;
        std::string name = arrayName(sa.memref);
        // Relayed later: the array itself, or a buffer of it.
        bool ok = relayed.contains(name);
        for (Operation *p : privates)
          if (auto b = p->getAttrOfType<StringAttr>(AlloDialect::kBufferOf))
            if (b.getValue() == name && relayed.contains(arrayName(p->getResult(0))))
              ok = true;
        if (ok)
          continue;
        auto e =
            c.error("illegal unfold: PEs along " + describeLoop(band[d - 1]) + " would race on '" +
                    name + "' (an iteration " +
                    (r.value == affine::DependenceResult::Failure ? "may access" : "accesses") +
                    " what another writes), and no later relay step passes it PE to PE");
        e.attachNote(src->getLoc()) << "this access";
        e.attachNote(dst->getLoc()) << "and this one";
        if (withBodies)
          e.attachNote(call->getLoc())
              << "(accesses in the functions the body calls count, as here)";
        return failure();
      }
    }

  if (withBodies) {
    eraseCopyWithCallBodies(withBodies);
    withBodies = nullptr;
  }

  // The PE functions.
  OpBuilder mb(c.ctx);
  mb.setInsertionPoint(f);
  Location loc = outer.getLoc();
  llvm::SmallVector<Value, 8> ins(liveIns.begin(), liveIns.end());
  llvm::SmallVector<Type, 8> inTypes;
  llvm::SmallVector<DictionaryAttr, 8> inAttrs;
  for (size_t k = 0; k < ins.size(); ++k) {
    inTypes.push_back(ins[k].getType());
    inAttrs.push_back(argAttrsFor(ins[k], f, k));
  }
  auto grid = func::FuncOp::create(mb, loc, gridSym, mb.getFunctionType(inTypes, {}));
  grid.setAllArgAttrs(inAttrs);
  grid->setAttr(AlloDialect::kDataflow, mb.getUnitAttr());
  grid->setAttr(AlloDialect::kStatic, mb.getUnitAttr());
  llvm::SmallVector<int64_t, 4> gridShape(loops.size(), 0);
  for (size_t k = 0; k < axes.size(); ++k)
    gridShape[axes[k]] = extents[k];
  grid->setAttr(AlloDialect::kPEGrid, mb.getDenseI64ArrayAttr(gridShape));
  OpBuilder gb = OpBuilder::atBlockBegin(grid.addEntryBlock());

  llvm::SmallVector<int64_t, 4> idx(band.size(), 0);
  int64_t total = 1;
  for (int64_t e : extents)
    total *= e;
  for (int64_t n = 0; n < total; ++n) {
    // idx: row-major over the band, outermost slowest (the loops' order).
    int64_t rest = n;
    for (size_t k = band.size(); k-- > 0;) {
      idx[k] = rest % extents[k];
      rest /= extents[k];
    }
    std::string peName = gridSym;
    for (int64_t v : idx)
      peName += "_" + std::to_string(v);
    auto pe = func::FuncOp::create(mb, loc, peName, mb.getFunctionType(inTypes, {}));
    pe.setAllArgAttrs(inAttrs);
    pe->setAttr(AlloDialect::kStatic, mb.getUnitAttr());
    pe->setAttr(AlloDialect::kInline, mb.getI64IntegerAttr(0));
    llvm::SmallVector<int64_t, 4> coords(loops.size(), 0);
    for (size_t k = 0; k < axes.size(); ++k)
      coords[axes[k]] = idx[k];
    pe->setAttr(AlloDialect::kPEIndex, mb.getDenseI64ArrayAttr(coords));
    Block *entry = pe.addEntryBlock();
    OpBuilder pb = OpBuilder::atBlockBegin(entry);
    IRMapping map;
    for (size_t k = 0; k < ins.size(); ++k)
      map.map(ins[k], entry->getArgument(k));
    for (Operation *p : privates)
      pb.clone(*p, map);
    for (Operation *d : copied)
      pb.clone(*d, map);
    for (size_t k = 0; k < band.size(); ++k) {
      auto cv = arith::ConstantIndexOp::create(pb, band[k].getLoc(), lbs[k] + idx[k] * steps[k]);
      // (named for its loop: the template parameter it becomes when PEs share a function)
      if (auto iv = band[k]->getAttrOfType<StringAttr>(AlloDialect::kInductionVar))
        cv->setAttr(AlloDialect::kInductionVar, iv);
      map.map(band[k].getInductionVar(), cv);
    }
    for (Operation &op : inner.getBody()->without_terminator())
      pb.clone(op, map);
    func::ReturnOp::create(pb, loc);
    // Only what this PE uses.
    llvm::BitVector unused(ins.size());
    llvm::SmallVector<Value, 8> operands;
    for (size_t k = 0; k < ins.size(); ++k) {
      if (entry->getArgument(k).use_empty())
        unused.set(k);
      else
        operands.push_back(grid.getArgument(k));
    }
    (void)pe.eraseArguments(unused);
    func::CallOp::create(gb, loc, pe, operands);
  }
  func::ReturnOp::create(gb, loc);

  // The band becomes one call of the grid.
  OpBuilder fb(outer);
  func::CallOp::create(fb, loc, grid, ins);
  outer.erase();
  for (Operation *p : privates)
    if (p->use_empty())
      p->erase();
  return success();
}

std::string sched::summarizeUnfold(const ScheduleStep &s) {
  return "unfold " + refList(s.loops()) + " into " + s.text("name").value;
}
