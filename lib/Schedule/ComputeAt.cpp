//===- ComputeAt.cpp - compute_at(producer, consumer) ---------------------===//
//
// Fuses the producer loop nest into the consumer loop: at each iteration of
// the consumer loop, the iterations of the producer that compute what that
// iteration reads run first (a slice of the producer, computed by MLIR's
// affine fusion utilities: canFuseLoops checks the dependences and computes
// the slice, fuseLoops inserts it), and the original producer nest is
// removed.
//
//   for i: for j: T[i][j] = f(A[i][j])          for i:
//   for i: for j: B[i][j] = g(T[i][j])    =>      for j: T[i][j] = f(A[i][j])    (slice)
//                                                 for j: B[i][j] = g(T[i][j])
//
// The producer must be a loop in the same block as the outermost loop of
// the consumer's nest, before it; it may only read memory and write local
// arrays that nothing after it outside the two nests uses, and the consumer
// must read one of them: removing the producer then loses nothing. Uses
// before the producer (an initializer, `int B[8] = {};`) stay as they are:
// they came before the producer's writes and still do. MLIR's check
// only follows those arrays, so two more orderings are checked here: nothing
// from the producer to the consumer's nest (included) writes what the
// producer reads or writes, and the producer carries no dependence between
// its own iterations. Slice loops keep the producer's loop names (loops left
// with one iteration disappear).
//
// A scalar variable private to the producer's iterations (written before it
// is read in each, dead after the producer: a temporary `float t = ...;`,
// ScalarPrivatization.h) is not something the producer computes for others:
// it may be used elsewhere too, and it carries no dependence between the
// producer's iterations. Each slice instance then writes it before reading
// it, which stays correct as long as nothing between the nests uses it and
// the consumer's nest uses it only inside the consumer loop, privately.
//
//===----------------------------------------------------------------------===//
#include "ScalarPrivatization.h"
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/AffineAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/Utils.h"
#include "mlir/Dialect/Affine/LoopFusionUtils.h"
#include "mlir/Interfaces/CallInterfaces.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/SetVector.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

LogicalResult sched::applyComputeAt(StepContext &c) {
  const ScheduleStep &s = c.step;
  const ScheduleRef &pref = c.loops[0], &cref = c.loops[1];
  affine::AffineForOp src = c.affineLoop(pref, "compute_at");
  if (!src)
    return failure();
  affine::AffineForOp consumer = c.affineLoop(cref, "compute_at");
  if (!consumer)
    return failure();
  std::string what = "cannot compute " + describeLoop(src) + " at " + describeLoop(consumer) + ": ";
  if (src->getParentOfType<func::FuncOp>() != consumer->getParentOfType<func::FuncOp>()) {
    c.error(cref, "the producer and the consumer must be loops of one function");
    return failure();
  }
  if (src->isAncestor(consumer) || consumer->isAncestor(src)) {
    c.error(what + "one loop is nested in the other");
    return failure();
  }
  // The consumer's nest, up to the producer's block.
  affine::AffineForOp dst = consumer;
  unsigned depth = 1;
  while (dst->getBlock() != src->getBlock()) {
    auto parent = dst->getParentOfType<affine::AffineForOp>();
    if (!parent || parent->getBlock() == nullptr || parent->isAncestor(src)) {
      auto d = c.error(what + "the consumer is not in a loop nest that follows the producer in the "
                              "same block");
      d.attachNote(src.getLoc()) << "the producer";
      d.attachNote(consumer.getLoc()) << "the consumer";
      return failure();
    }
    if (dst->getParentOp() != parent.getOperation()) {
      auto d = c.error(what + "the consumer is inside a non-loop operation of its nest");
      d.attachNote(dst->getParentOp()->getLoc()) << "this operation";
      return failure();
    }
    dst = parent;
    ++depth;
  }
  if (!src->isBeforeInBlock(dst)) {
    auto d = c.error(what + "the producer must come before the consumer's nest");
    d.attachNote(src.getLoc()) << "the producer";
    return failure();
  }

  // What the producer writes, and the conditions for removing it.
  llvm::SetVector<Value> written;
  Operation *bad = nullptr;
  src.walk([&](Operation *op) {
    if (auto st = llvm::dyn_cast<affine::AffineStoreOp>(op)) {
      written.insert(st.getMemRef());
      return;
    }
    if (isa<affine::AffineLoadOp, affine::AffineForOp, affine::AffineYieldOp, affine::AffineIfOp,
            affine::AffineApplyOp>(op) ||
        isMemoryEffectFree(op))
      return;
    if (!bad)
      bad = op;
  });
  if (bad) {
    auto d = c.error(what + "the producer has a '" + bad->getName().getStringRef().str() +
                     "'; compute_at needs a producer made of affine loops, affine loads and stores "
                     "and pure arithmetic");
    d.attachNote(bad->getLoc()) << "this operation";
    return failure();
  }
  // Private scalars of the producer that the fusion leaves correct.
  llvm::SmallVector<Value, 4> privates;
  for (Value m : privateScalarsOf(src)) {
    bool ok = true;
    for (Operation *user : m.getUsers()) {
      if (src->isAncestor(user))
        continue;
      Operation *top = src->getBlock()->findAncestorOpInBlock(*user);
      bool between = top && src->isBeforeInBlock(top) && top->isBeforeInBlock(dst);
      if (between || (top == dst.getOperation() && !consumer->isAncestor(user)))
        ok = false;
    }
    if (ok && llvm::any_of(m.getUsers(), [&](Operation *u) { return consumer->isAncestor(u); }))
      ok = isPrivateTo(m, consumer);
    if (ok)
      privates.push_back(m);
  }
  bool feeds = false;
  for (Value m : written) {
    if (llvm::is_contained(privates, m))
      continue;
    auto alloca = m.getDefiningOp<memref::AllocaOp>();
    if (!alloca) {
      auto d =
          c.error(what + "the producer writes '" + arrayName(m) +
                  "', which is not a local array: removing the producer would lose its writes");
      d.attachNote(m.getLoc()) << "the array";
      return failure();
    }
    for (Operation *user : m.getUsers()) {
      if (src->isAncestor(user))
        continue;
      // Uses before the producer (an initializer, `int B[8] = {};`) run
      // before it in both versions and stay where they are: the producer's
      // writes still come after them.
      Operation *top = src->getBlock()->findAncestorOpInBlock(*user);
      if (top && top->isBeforeInBlock(src))
        continue;
      if (!dst->isAncestor(user)) {
        auto d = c.error(what + "'" + arrayName(m) +
                         "', written by the producer, is also used after "
                         "it outside the consumer's nest (which would no longer see every "
                         "value the producer wrote)");
        d.attachNote(user->getLoc()) << "this use";
        return failure();
      }
      feeds |= isa<affine::AffineLoadOp>(user);
    }
  }
  if (!feeds) {
    auto d = c.error(what + "the consumer reads nothing the producer writes");
    d.attachNote(src.getLoc()) << "the producer";
    return failure();
  }

  // MLIR's producer-consumer fusion check only follows the arrays the
  // producer writes; the other orderings the fusion changes are checked here,
  // conservatively. (1) The producer's iterations now run after parts of the
  // consumer and after the operations between the nests: none of them may
  // write what the producer reads.
  llvm::SetVector<Value> readByProducer;
  llvm::SmallVector<Operation *, 8> producerAccesses;
  src.walk([&](Operation *op) {
    if (auto ld = llvm::dyn_cast<affine::AffineLoadOp>(op)) {
      readByProducer.insert(ld.getMemRef());
      producerAccesses.push_back(op);
    } else if (isa<affine::AffineStoreOp>(op)) {
      producerAccesses.push_back(op);
    }
  });
  for (Operation *op = src->getNextNode(); op; op = op->getNextNode()) {
    Operation *conflict = nullptr;
    Value array;
    op->walk([&](Operation *inner) {
      if (conflict)
        return;
      if (auto st = llvm::dyn_cast<affine::AffineStoreOp>(inner)) {
        if ((readByProducer.contains(st.getMemRef()) || written.contains(st.getMemRef())) &&
            !llvm::is_contained(privates, st.getMemRef()))
          conflict = inner, array = st.getMemRef();
      } else if (auto st = llvm::dyn_cast<memref::StoreOp>(inner)) {
        if (readByProducer.contains(st.getMemRef()) || written.contains(st.getMemRef()))
          conflict = inner, array = st.getMemRef();
      } else if (isa<CallOpInterface>(inner)) {
        conflict = inner;
      }
    });
    if (conflict) {
      auto d =
          c.error(what + (array ? "'" + arrayName(array) +
                                      "' is read or written by the producer and "
                                      "written after it, before or in the consumer; computing the "
                                      "producer later would change what it reads or overwrite it"
                                : std::string("a call between the producer and the consumer may "
                                              "access what the producer reads")));
      d.attachNote(conflict->getLoc()) << "this write";
      return failure();
    }
    if (op == dst.getOperation())
      break;
  }
  // (2) A slice only runs the producer iterations each consumer iteration
  // needs, in a new order: the producer must not carry a dependence between
  // its own iterations (prefix sums, repeated writes of one element).
  for (Operation *a : producerAccesses)
    for (Operation *b : producerAccesses) {
      if (!isa<affine::AffineStoreOp>(a) && !isa<affine::AffineStoreOp>(b))
        continue;
      affine::MemRefAccess ma(a), mb(b);
      if (ma.memref != mb.memref || llvm::is_contained(privates, ma.memref))
        continue;
      unsigned common = affine::getNumCommonSurroundingLoops(*a, *b);
      for (unsigned d = 1; d <= common; ++d) {
        affine::DependenceResult r =
            affine::checkMemrefAccessDependence(ma, mb, d, nullptr, nullptr);
        if (r.value == affine::DependenceResult::Failure || affine::hasDependence(r)) {
          auto diag =
              c.error(what + "the producer carries a dependence on '" + arrayName(ma.memref) +
                      "' between its iterations; its iterations cannot be computed "
                      "separately for each consumer iteration");
          diag.attachNote(a->getLoc()) << "this access";
          diag.attachNote(b->getLoc()) << "and this one";
          return failure();
        }
      }
    }

  // A private scalar the consumer's nest (or later code) uses too gets a copy
  // of its own in the producer, so that MLIR's analysis sees no dependence
  // through it (the working copy is dropped if the step fails).
  llvm::SmallVector<std::pair<Value, Value>, 2> copies;
  for (Value m : privates) {
    if (llvm::all_of(m.getUsers(), [&](Operation *u) { return src->isAncestor(u); }))
      continue;
    Operation *alloca = m.getDefiningOp();
    OpBuilder ob(alloca->getContext());
    ob.setInsertionPointAfter(alloca);
    Value copy = ob.clone(*alloca)->getResult(0);
    m.replaceUsesWithIf(copy, [&](OpOperand &u) { return src->isAncestor(u.getOwner()); });
    copies.push_back({m, copy});
  }

  affine::ComputationSliceState slice;
  affine::FusionResult r =
      affine::canFuseLoops(src, dst, depth, &slice, affine::FusionStrategy::ProducerConsumer);
  if (r.value != affine::FusionResult::Success) {
    const char *why = "";
    switch (r.value) {
    case affine::FusionResult::FailPrecondition:
      why = "the loops do not meet the preconditions of fusion (one block, affine accesses only)";
      break;
    case affine::FusionResult::FailBlockDependence:
      why = "an operation between the two nests depends on the producer or the consumer";
      break;
    case affine::FusionResult::FailFusionDependence:
      why = "fusing would reverse a dependence between the two nests";
      break;
    case affine::FusionResult::FailComputationSlice:
      why = "the producer iterations one consumer iteration needs cannot be computed";
      break;
    default:
      why = "the producer iterations one consumer iteration needs cannot be isolated correctly";
      break;
    }
    auto d = c.error(what + why + " (MLIR's affine dependence analysis)");
    d.attachNote(src.getLoc()) << "the producer";
    d.attachNote(consumer.getLoc()) << "the consumer";
    return failure();
  }
  affine::fuseLoops(src, dst, slice);
  src.erase();
  // The slices and the consumer each write the scalar before reading it, one
  // after the other: they can share the user's variable again.
  for (auto [m, copy] : copies) {
    copy.replaceAllUsesWith(m);
    copy.getDefiningOp()->erase();
  }
  return success();
}

std::string sched::summarizeComputeAt(const ScheduleStep &s) {
  std::vector<ScheduleRef> loops = s.loops();
  return "compute_at " + (loops.size() > 0 ? loops[0].str() : std::string("?")) + " at " +
         (loops.size() > 1 ? loops[1].str() : std::string("?"));
}
