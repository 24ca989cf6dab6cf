//===- InstantiatePEs.cpp - One process per PE of a grid --------------------===//
//
// A call of a `[[allo::kernel(mapping(P0, P1))]]` kernel from a region
// instantiates P0 x P1 processes. For every PE this pass
//
//  1. evaluates the kernel with the PE's coordinates: every branch whose
//     condition depends only on the coordinates (and on scalars the PE set
//     from them, such as the flag of an early `return`) is decided, and
//     every access to a stream-array parameter gets its constant element
//     (an index out of the array, or one that is not constant, is a located
//     error naming the PE);
//  2. groups the PEs by what they do: the decided branches and which
//     accesses reach the same channel. PEs of one group share one function,
//     the kernel with the decisions applied, the channels as `hls::stream`
//     parameters and the coordinates it still uses (`C[i - 1][j - 1]`) as
//     int parameters. A 16x16 systolic array has a handful of functions,
//     not 256;
//  3. replaces the call by one call per PE (PEs that do nothing are
//     dropped), ordered so that a PE comes after the PEs that write the
//     channels it reads when the channels form no cycle (sequential C
//     simulation runs them in this order), else in row-major order.
//
// The kernel itself is removed once every call is instantiated.
//
//===----------------------------------------------------------------------===//

#include "StreamUse.h"
#include "allo/Dataflow/Dataflow.h"
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IntegerSet.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <queue>

using namespace mlir;
using namespace allo;
using namespace allo::dataflow;

namespace {

std::string coordsText(ArrayRef<int64_t> p) {
  std::string s = "(";
  for (size_t d = 0; d < p.size(); ++d)
    s += (d ? "," : "") + std::to_string(p[d]);
  return s + ")";
}

std::string indexText(ArrayRef<int64_t> idx) {
  std::string s;
  for (int64_t i : idx)
    s += "[" + std::to_string(i) + "]";
  return s;
}

SmallVector<int64_t> delinearize(int64_t linear, ArrayRef<int64_t> shape) {
  SmallVector<int64_t> idx(shape.size());
  for (int d = (int)shape.size() - 1; d >= 0; --d) {
    idx[d] = linear % shape[d];
    linear /= shape[d];
  }
  return idx;
}

bool isStreamArray(Type t) {
  auto m = dyn_cast<MemRefType>(t);
  return m && isa<StreamType>(m.getElementType());
}

StringRef argName(func::FuncOp f, unsigned i) {
  if (auto n = f.getArgAttrOfType<StringAttr>(i, AlloDialect::kName))
    return n.getValue();
  return "arg";
}

/// The kernel's structure, walked once: its branches and stream-array
/// accesses in pre-order (the same order in any clone of it).
struct KernelShape {
  mutable func::FuncOp kernel; // (op handles are not const-correct)
  SmallVector<int64_t> grid;
  SmallVector<Operation *> ifs, accesses, pids;
  DenseMap<Operation *, unsigned> ifIndex, accessIndex;
  llvm::BitVector streamArrayArgs;
};

/// One PE: the outcome of each branch ('T' then, 'E' else, 'U' both kept,
/// '-' not reached) and the channel of each reached stream-array access.
struct PESpec {
  SmallVector<int64_t> coords;
  std::string branches;
  SmallVector<int> accessSlot;                        ///< -1: not reached
  SmallVector<std::pair<unsigned, int64_t>> channels; ///< slot -> (arg, element)
  std::string key() const {
    std::string k = branches + "|";
    for (int s : accessSlot)
      k += std::to_string(s) + ",";
    return k;
  }
};

/// Evaluates a kernel for one PE (step 1).
class PEEvaluator {
public:
  PEEvaluator(const KernelShape &k, PESpec &spec, Location callLoc)
      : callLoc(callLoc), k(k), spec(spec) {}
  /// Quiet: a stream-array access that is not constant is no error (a
  /// single-instance kernel may loop over its streams); `soft` tells.
  bool quiet = false, soft = false;
  Location callLoc; ///< the call instantiating the grid

  LogicalResult run() {
    spec.branches.assign(k.ifs.size(), '-');
    spec.accessSlot.assign(k.accesses.size(), -1);
    Builder b(k.kernel.getContext());
    for (Operation *p : k.pids)
      known[p->getResult(0)] = b.getIndexAttr(spec.coords[cast<PidOp>(p).getDim()]);
    return walk(k.kernel.getBody().front(), /*certain=*/true);
  }

private:
  /// An error at `op`, with a note at the call that instantiates the PE.
  InFlightDiagnostic err(Operation *op) {
    InFlightDiagnostic d = emitError(op->getLoc());
    d.attachNote(callLoc) << "PE " << coordsText(spec.coords) << " of '" << k.kernel.getSymName()
                          << "' is instantiated here";
    return d;
  }

  LogicalResult softFail() {
    soft = true;
    return failure();
  }

  Attribute constOf(Value v) {
    if (Attribute a = known.lookup(v))
      return a;
    Attribute a;
    if (matchPattern(v, m_Constant(&a)))
      return a;
    return {};
  }

  std::optional<int64_t> intOf(Value v) {
    if (auto i = dyn_cast_or_null<IntegerAttr>(constOf(v)))
      return i.getValue().getSExtValue();
    return std::nullopt;
  }

  std::optional<bool> condition(Operation *op) {
    if (auto i = dyn_cast<scf::IfOp>(op)) {
      if (auto c = intOf(i.getCondition()))
        return *c != 0;
      return std::nullopt;
    }
    auto i = cast<affine::AffineIfOp>(op);
    IntegerSet set = i.getIntegerSet();
    SmallVector<AffineExpr> dims, syms;
    for (auto [n, v] : llvm::enumerate(i.getOperands())) {
      std::optional<int64_t> c = intOf(v);
      if (!c)
        return std::nullopt;
      AffineExpr e = getAffineConstantExpr(*c, op->getContext());
      (n < set.getNumDims() ? dims : syms).push_back(e);
    }
    for (unsigned c = 0; c < set.getNumConstraints(); ++c) {
      auto e = dyn_cast<AffineConstantExpr>(set.getConstraint(c).replaceDimsAndSymbols(dims, syms));
      if (!e)
        return std::nullopt;
      if (set.isEq(c) ? e.getValue() != 0 : e.getValue() < 0)
        return false;
    }
    return true;
  }

  /// Scalars of the kernel's own (rank-0 allocas) whose value is known.
  static Value trackedScalar(Value m) {
    auto t = dyn_cast<MemRefType>(m.getType());
    if (!t || t.getRank() != 0 || !m.getDefiningOp<memref::AllocaOp>())
      return {};
    return m;
  }

  /// The indices of an affine.load / memref.load when they are known.
  std::optional<SmallVector<int64_t>> constantIndex(Operation *op) {
    SmallVector<int64_t> idx;
    if (auto l = dyn_cast<affine::AffineLoadOp>(op)) {
      SmallVector<Attribute> ops, res;
      for (Value v : l.getMapOperands())
        ops.push_back(constOf(v));
      if (!llvm::all_of(ops, [](Attribute a) { return (bool)a; }) ||
          failed(l.getAffineMap().constantFold(ops, res)))
        return std::nullopt;
      for (Attribute a : res)
        idx.push_back(cast<IntegerAttr>(a).getInt());
      return idx;
    }
    for (Value v : cast<memref::LoadOp>(op).getIndices()) {
      std::optional<int64_t> c = intOf(v);
      if (!c)
        return std::nullopt;
      idx.push_back(*c);
    }
    return idx;
  }

  void forgetStoresIn(Operation *op) {
    op->walk([&](Operation *o) {
      if (auto s = dyn_cast<affine::AffineStoreOp>(o))
        mem.erase(s.getMemRef());
      else if (auto s = dyn_cast<memref::StoreOp>(o))
        mem.erase(s.getMemRef());
    });
  }

  LogicalResult access(Operation *op, Value memref, ArrayRef<int64_t> idx) {
    auto arg = cast<BlockArgument>(memref);
    auto t = cast<MemRefType>(memref.getType());
    int64_t linear = 0;
    for (unsigned d = 0; d < idx.size(); ++d) {
      if (idx[d] < 0 || idx[d] >= t.getDimSize(d)) {
        std::string shape;
        for (int64_t e : t.getShape())
          shape += "[" + std::to_string(e) + "]";
        return err(op) << "stream index " << indexText(idx) << " is out of range of '"
                       << argName(k.kernel, arg.getArgNumber()) << shape << "' for PE "
                       << coordsText(spec.coords) << " of '" << k.kernel.getSymName() << "'";
      }
      linear = linear * t.getDimSize(d) + idx[d];
    }
    auto ch = std::make_pair(arg.getArgNumber(), linear);
    int slot = -1;
    for (auto [s, c] : llvm::enumerate(spec.channels))
      if (c == ch)
        slot = (int)s;
    if (slot < 0) {
      slot = (int)spec.channels.size();
      spec.channels.push_back(ch);
    }
    spec.accessSlot[k.accessIndex.lookup(op)] = slot;
    return success();
  }

  LogicalResult walk(Block &block, bool certain) {
    for (Operation &o : block) {
      Operation *op = &o;
      if (isa<scf::IfOp, affine::AffineIfOp>(op)) {
        std::optional<bool> c = condition(op);
        unsigned idx = k.ifIndex.lookup(op);
        if (c) {
          spec.branches[idx] = *c ? 'T' : 'E';
          Region &r = op->getRegion(*c ? 0 : 1);
          if (!r.empty()) {
            if (failed(walk(r.front(), certain)))
              return failure();
            Operation *yield = r.front().getTerminator();
            for (auto [res, v] : llvm::zip(op->getResults(), yield->getOperands()))
              if (Attribute a = constOf(v))
                known[res] = a;
          }
          continue;
        }
        spec.branches[idx] = 'U';
        forgetStoresIn(op);
        for (Region &r : op->getRegions())
          if (!r.empty() && failed(walk(r.front(), false)))
            return failure();
        continue;
      }
      if (op->getNumRegions()) {
        // Loops (and locks): their bodies run an unknown number of times.
        forgetStoresIn(op);
        for (Region &r : op->getRegions())
          for (Block &b : r)
            if (failed(walk(b, false)))
              return failure();
        continue;
      }
      // Accesses to a stream-array parameter: their constant element.
      if (k.accessIndex.count(op)) {
        std::optional<SmallVector<int64_t>> idx = constantIndex(op);
        if (!idx && quiet)
          return softFail();
        if (!idx)
          return err(op) << "the index of stream array '"
                         << argName(k.kernel, cast<BlockArgument>(op->getOperand(0)).getArgNumber())
                         << "' is not a constant for PE " << coordsText(spec.coords)
                         << ": index stream arrays with the PE coordinates "
                            "(allo::get_pid) and constants only";
        if (failed(access(op, op->getOperand(0), *idx)))
          return failure();
        continue;
      }
      for (Value v : op->getOperands())
        if (auto a = dyn_cast<BlockArgument>(v); a && a.getOwner()->getParentOp() == k.kernel &&
                                                 k.streamArrayArgs.test(a.getArgNumber())) {
          if (quiet)
            return softFail();
          return err(op) << "the stream array '" << argName(k.kernel, a.getArgNumber())
                         << "' is used whole in PE " << coordsText(spec.coords)
                         << "; a PE reaches single streams of it ("
                         << argName(k.kernel, a.getArgNumber())
                         << "[i][j + 1]), with constant indices per PE";
        }
      // The PE's own scalars (the flag of an early return): stores put the
      // value (operand 0) into the memref (operand 1), loads read operand 0.
      if (isa<affine::AffineStoreOp, memref::StoreOp>(op)) {
        if (Value m = trackedScalar(op->getOperand(1))) {
          Attribute a = constOf(op->getOperand(0));
          if (certain && a)
            mem[m] = a;
          else
            mem.erase(m);
        }
        continue;
      }
      if (isa<affine::AffineLoadOp, memref::LoadOp>(op)) {
        if (Value m = trackedScalar(op->getOperand(0)))
          if (Attribute a = mem.lookup(m))
            known[op->getResult(0)] = a;
        continue;
      }
      // Pure operations fold on what is known.
      if (op->getNumResults() == 0 || !isMemoryEffectFree(op) || isa<PidOp>(op))
        continue;
      SmallVector<Attribute> ops;
      bool any = false;
      for (Value v : op->getOperands()) {
        ops.push_back(constOf(v));
        any |= (bool)ops.back();
      }
      if (!any)
        continue;
      SmallVector<OpFoldResult> res;
      if (failed(op->fold(ops, res)) || res.size() != op->getNumResults())
        continue;
      for (auto [r, f] : llvm::zip(op->getResults(), res)) {
        if (auto a = dyn_cast<Attribute>(f))
          known[r] = a;
        else if (Attribute a = constOf(cast<Value>(f)))
          known[r] = a;
      }
    }
    return success();
  }

  const KernelShape &k;
  PESpec &spec;
  DenseMap<Value, Attribute> known, mem;
};

/// Removes what the decided branches left dead.
void cleanUp(func::FuncOp f) {
  bool changed = true;
  while (changed) {
    changed = false;
    SmallVector<Operation *> dead;
    f.walk<WalkOrder::PostOrder>([&](Operation *op) {
      if (op != f && isOpTriviallyDead(op))
        dead.push_back(op);
    });
    for (Operation *op : dead) {
      op->erase();
      changed = true;
    }
    // Scalars that are only stored to (the early-return flag).
    SmallVector<memref::AllocaOp> allocas;
    f.walk([&](memref::AllocaOp a) { allocas.push_back(a); });
    for (memref::AllocaOp a : allocas) {
      if (!llvm::all_of(a->getUsers(), [](Operation *u) {
            return isa<affine::AffineStoreOp, memref::StoreOp>(u);
          }))
        continue;
      for (Operation *u : llvm::make_early_inc_range(a->getUsers()))
        u->erase();
      a.erase();
      changed = true;
    }
  }
}

/// Does the function do anything a caller could observe?
bool doesNothing(func::FuncOp f) {
  bool any = false;
  f.getBody().walk([&](Operation *op) {
    if (isa<func::ReturnOp>(op) || op->getNumRegions())
      return;
    if (!isMemoryEffectFree(op) && !isa<memref::AllocaOp>(op))
      any = true;
  });
  return !any;
}

/// A group of PEs doing the same thing, and its function.
struct Role {
  func::FuncOp func;
  SmallVector<unsigned> pidDims; ///< coordinates it takes, in parameter order
  llvm::BitVector dropped;       ///< kernel parameters it does not take
  bool empty = false;
};

/// Builds the function shared by the PEs of one group (step 2).
Role buildRole(const KernelShape &k, const PESpec &spec, StringRef name, OpBuilder &mb) {
  MLIRContext *ctx = k.kernel.getContext();
  auto role = cast<func::FuncOp>(mb.clone(*k.kernel));
  role.setSymName(name);
  role->removeAttr(AlloDialect::kMapping);
  role->removeAttr(AlloDialect::kTop);
  role->setAttr(AlloDialect::kPEOf, StringAttr::get(ctx, k.kernel.getSymName()));
  role.setPrivate();

  // The clone has the kernel's structure: match them up in pre-order.
  SmallVector<Operation *> orig, copy;
  k.kernel.walk<WalkOrder::PreOrder>([&](Operation *op) { orig.push_back(op); });
  role.walk<WalkOrder::PreOrder>([&](Operation *op) { copy.push_back(op); });
  DenseMap<Operation *, Operation *> map;
  for (auto [a, b] : llvm::zip(orig, copy))
    map[a] = b;

  Block &entry = role.getBody().front();
  OpBuilder b(ctx);

  // Channels: one stream parameter per distinct element the PE reaches.
  SmallVector<Value> chanArgs;
  llvm::StringMap<unsigned> used;
  for (auto [slot, ch] : llvm::enumerate(spec.channels)) {
    auto arrT = cast<MemRefType>(k.kernel.getArgument(ch.first).getType());
    std::string base = argName(k.kernel, ch.first).str();
    // Named for the way the PE uses it, once the uses are known below.
    (void)slot;
    NamedAttrList attrs;
    if (auto ct = k.kernel.getArgAttr(ch.first, AlloDialect::kCType))
      attrs.set(AlloDialect::kCType, ct);
    attrs.set(AlloDialect::kName, StringAttr::get(ctx, base));
    unsigned at = role.getNumArguments();
    (void)role.insertArgument(at, arrT.getElementType(), attrs.getDictionary(ctx),
                              k.kernel.getLoc());
    chanArgs.push_back(role.getArgument(at));
  }
  for (auto [i, acc] : llvm::enumerate(k.accesses)) {
    int slot = spec.accessSlot[i];
    if (slot < 0)
      continue; // in a branch that is removed below
    Operation *c = map.lookup(acc);
    c->getResult(0).replaceAllUsesWith(chanArgs[slot]);
    c->erase();
    map.erase(acc);
  }

  // Decided branches, innermost first: the taken block replaces the branch.
  for (int i = (int)k.ifs.size() - 1; i >= 0; --i) {
    char d = spec.branches[i];
    if (d != 'T' && d != 'E')
      continue;
    Operation *op = map.lookup(k.ifs[i]);
    Region &r = op->getRegion(d == 'T' ? 0 : 1);
    if (!r.empty()) {
      Block &blk = r.front();
      Operation *term = blk.getTerminator();
      op->replaceAllUsesWith(term->getOperands());
      op->getBlock()->getOperations().splice(Block::iterator(op), blk.getOperations(), blk.begin(),
                                             Block::iterator(term));
    }
    op->erase();
  }

  // Coordinates: int parameters, as index inside.
  Role res;
  SmallVector<Value> pidArgs;
  for (Operation *p : k.pids) {
    Operation *c = map.lookup(p);
    unsigned at = role.getNumArguments();
    NamedAttrList attrs;
    attrs.set(AlloDialect::kCType, StringAttr::get(ctx, "int"));
    // A template parameter in C++ (gemm_1_1<1, 2>(...)): each PE keeps its
    // coordinates as constants for synthesis, and the text is written once.
    attrs.set(AlloDialect::kTemplateParam, UnitAttr::get(ctx));
    attrs.set(AlloDialect::kName,
              p->getAttr(AlloDialect::kName)
                  ? p->getAttr(AlloDialect::kName)
                  : StringAttr::get(ctx, "p" + std::to_string(cast<PidOp>(p).getDim())));
    (void)role.insertArgument(at, IntegerType::get(ctx, 32), attrs.getDictionary(ctx), p->getLoc());
    b.setInsertionPoint(c);
    Value idx = arith::IndexCastOp::create(b, p->getLoc(), b.getIndexType(), role.getArgument(at));
    c->getResult(0).replaceAllUsesWith(idx);
    c->erase();
    pidArgs.push_back(role.getArgument(at));
    res.pidDims.push_back(cast<PidOp>(p).getDim());
  }
  (void)entry;

  cleanUp(role);

  // The stream arrays go, and what this group of PEs does not use: a PE
  // gets only the arrays and coordinates it works with.
  llvm::BitVector drop(role.getNumArguments());
  res.dropped.resize(k.kernel.getNumArguments());
  for (unsigned i = 0; i < k.kernel.getNumArguments(); ++i)
    if (k.streamArrayArgs.test(i) || role.getArgument(i).use_empty()) {
      drop.set(i);
      res.dropped.set(i);
    }
  SmallVector<unsigned> keptDims;
  for (auto [n, a] : llvm::enumerate(pidArgs)) {
    Operation *toIndex = a.hasOneUse() ? *a.getUsers().begin() : nullptr;
    if (toIndex && toIndex->use_empty())
      toIndex->erase();
    if (a.use_empty())
      drop.set(cast<BlockArgument>(a).getArgNumber());
    else
      keptDims.push_back(res.pidDims[n]);
  }
  res.pidDims = keptDims;
  (void)role.eraseArguments(drop);

  // Name the channels for their direction: fifo_A_in, fifo_A_out.
  StreamUseAnalysis uses(role->getParentOfType<ModuleOp>());
  unsigned firstChan = role.getNumArguments() - spec.channels.size() - keptDims.size();
  for (unsigned s = 0; s < spec.channels.size(); ++s) {
    unsigned a = firstChan + s;
    StreamUse u = uses.value(role.getArgument(a));
    std::string n = argName(role, a).str() + (u.writes && !u.reads   ? "_out"
                                              : u.reads && !u.writes ? "_in"
                                                                     : "");
    std::string unique = n;
    for (unsigned c = 1; used.count(unique); ++c)
      unique = n + "_" + std::to_string(c);
    used[unique] = 1;
    role.setArgAttr(a, AlloDialect::kName, StringAttr::get(ctx, unique));
  }
  res.func = role;
  res.empty = doesNothing(role);
  return res;
}

struct Instance {
  unsigned role;
  const PESpec *spec;
  int64_t order; ///< row-major position
};

/// PE order for sequential execution: writers of a channel before its
/// readers where that is possible (Kahn's algorithm, row-major among equals).
SmallVector<unsigned> executionOrder(ArrayRef<Instance> pes, ArrayRef<Role> roles,
                                     StreamUseAnalysis &uses) {
  std::map<std::pair<unsigned, int64_t>, SmallVector<unsigned>> writers, readers;
  for (auto [n, pe] : llvm::enumerate(pes)) {
    func::FuncOp f = roles[pe.role].func;
    unsigned first = f.getNumArguments() - pe.spec->channels.size() - roles[pe.role].pidDims.size();
    for (auto [s, ch] : llvm::enumerate(pe.spec->channels)) {
      const StreamUse &u = uses.argument(f, first + s);
      if (u.writes)
        writers[ch].push_back(n);
      if (u.reads)
        readers[ch].push_back(n);
    }
  }
  SmallVector<SmallVector<unsigned>> succ(pes.size());
  SmallVector<unsigned> indeg(pes.size(), 0);
  for (auto &[ch, ws] : writers)
    for (unsigned w : ws)
      for (unsigned r : readers[ch])
        if (r != w) {
          succ[w].push_back(r);
          ++indeg[r];
        }
  std::priority_queue<unsigned, std::vector<unsigned>, std::greater<unsigned>> ready;
  for (unsigned n = 0; n < pes.size(); ++n)
    if (!indeg[n])
      ready.push(n);
  SmallVector<unsigned> order;
  while (!ready.empty()) {
    unsigned n = ready.top();
    ready.pop();
    order.push_back(n);
    for (unsigned s : succ[n])
      if (!--indeg[s])
        ready.push(s);
  }
  if (order.size() != pes.size()) {
    order.clear(); // a cycle: no sequential order works; keep the grid's
    for (unsigned n = 0; n < pes.size(); ++n)
      order.push_back(n);
  }
  return order;
}

/// `single`: a kernel without a grid called with stream arrays; its call is
/// left as it is (`kept`) when its stream indices are not constants.
LogicalResult instantiateCall(func::CallOp call, KernelShape &k, ModuleOp module,
                              StreamUseAnalysis &uses, bool single, bool &kept,
                              SmallVectorImpl<func::FuncOp> &made) {
  // 1. Every PE.
  int64_t total = 1;
  for (int64_t e : k.grid)
    total *= e;
  std::vector<PESpec> specs(total);
  for (int64_t n = 0; n < total; ++n) {
    specs[n].coords = delinearize(n, k.grid);
    PEEvaluator ev(k, specs[n], call.getLoc());
    ev.quiet = single;
    if (failed(ev.run())) {
      if (ev.soft) {
        kept = true;
        return success();
      }
      return failure();
    }
  }
  // 2. Groups and their functions (named for their first PE).
  std::map<std::string, unsigned> byKey;
  SmallVector<Role> roles;
  SmallVector<Instance> pes;
  OpBuilder mb(k.kernel);
  SymbolTable symbols(module);
  for (int64_t n = 0; n < total; ++n) {
    auto [it, fresh] = byKey.try_emplace(specs[n].key(), roles.size());
    if (fresh) {
      std::string name = k.kernel.getSymName().str();
      for (int64_t c : specs[n].coords)
        name += "_" + std::to_string(c);
      std::string unique = name;
      for (unsigned i = 1; symbols.lookup(unique); ++i)
        unique = name + "_" + std::to_string(i);
      Role r = buildRole(k, specs[n], unique, mb);
      symbols.insert(r.func);
      made.push_back(r.func);
      if (failed(mlir::verify(r.func)))
        return emitError(call.getLoc()) << "internal error: the function of PE "
                                        << coordsText(specs[n].coords) << " does not verify";
      roles.push_back(r);
    }
    if (!roles[it->second].empty)
      pes.push_back(Instance{it->second, &specs[n], n});
  }

  // 3. The calls.
  OpBuilder b(call);
  MLIRContext *ctx = call.getContext();
  for (unsigned n : executionOrder(pes, roles, uses)) {
    const Instance &pe = pes[n];
    const Role &r = roles[pe.role];
    SmallVector<Value> args;
    for (unsigned i = 0; i < call.getNumOperands(); ++i)
      if (!r.dropped.test(i))
        args.push_back(call.getOperand(i));
    for (auto [arg, elem] : pe.spec->channels) {
      Value arr = call.getOperand(arg);
      auto t = cast<MemRefType>(arr.getType());
      SmallVector<AffineExpr> exprs;
      for (int64_t i : delinearize(elem, t.getShape()))
        exprs.push_back(getAffineConstantExpr(i, ctx));
      args.push_back(affine::AffineLoadOp::create(b, call.getLoc(), arr,
                                                  AffineMap::get(0, 0, exprs, ctx), ValueRange{}));
    }
    for (unsigned d : r.pidDims)
      args.push_back(arith::ConstantOp::create(b, call.getLoc(), b.getI32Type(),
                                               b.getI32IntegerAttr(pe.spec->coords[d])));
    auto c = func::CallOp::create(b, call.getLoc(), r.func, args);
    if (!single)
      c->setAttr(AlloDialect::kPEIndex, DenseI64ArrayAttr::get(ctx, pe.spec->coords));
  }
  call.erase();
  for (Role &r : roles)
    if (r.empty) {
      llvm::erase(made, r.func);
      r.func.erase(); // PEs that do nothing (the corners of a systolic array)
    }
  return success();
}

} // namespace

LogicalResult allo::instantiatePEGrids(ModuleOp module) {
  // Every call, found in one walk.
  DenseMap<StringAttr, SmallVector<func::CallOp>> calls;
  module.walk([&](func::CallOp c) { calls[c.getCalleeAttr().getAttr()].push_back(c); });
  auto fromRegion = [](func::CallOp c) {
    return c->getParentOfType<func::FuncOp>()->hasAttr(AlloDialect::kRegion);
  };
  // Grid kernels, and kernels a region gives arrays of streams to (each is
  // a grid of one PE: its constant stream indices become channels).
  SmallVector<func::FuncOp> kernels;
  for (auto f : module.getOps<func::FuncOp>()) {
    if (f.isExternal())
      continue;
    bool streams = llvm::any_of(f.getArgumentTypes(), isStreamArray);
    if (f->hasAttr(AlloDialect::kMapping) ||
        (streams && llvm::any_of(calls.lookup(f.getSymNameAttr()), fromRegion)))
      kernels.push_back(f);
  }
  if (kernels.empty())
    return success();

  StreamUseAnalysis uses(module);
  for (func::FuncOp f : kernels) {
    bool single = !f->hasAttr(AlloDialect::kMapping);
    if (!single && f->hasAttr(AlloDialect::kTop))
      return emitError(f.getLoc())
             << "the PE-grid kernel '" << f.getSymName()
             << "' is the top function; call it from an [[allo::region]] (one "
                "call instantiates the whole grid) and make the region the top";
    KernelShape k;
    k.kernel = f;
    if (!single) {
      auto grid = f->getAttrOfType<DenseI64ArrayAttr>(AlloDialect::kMapping).asArrayRef();
      k.grid.assign(grid.begin(), grid.end());
    }
    k.streamArrayArgs.resize(f.getNumArguments());
    for (unsigned i = 0; i < f.getNumArguments(); ++i)
      if (isStreamArray(f.getArgument(i).getType()))
        k.streamArrayArgs.set(i);
    f.walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (isa<scf::IfOp, affine::AffineIfOp>(op)) {
        k.ifIndex[op] = k.ifs.size();
        k.ifs.push_back(op);
      } else if (isa<PidOp>(op)) {
        k.pids.push_back(op);
      } else if (isa<affine::AffineLoadOp, memref::LoadOp>(op)) {
        auto a = dyn_cast<BlockArgument>(op->getOperand(0));
        if (a && a.getOwner()->getParentOp() == f && k.streamArrayArgs.test(a.getArgNumber())) {
          k.accessIndex[op] = k.accesses.size();
          k.accesses.push_back(op);
        }
      }
    });
    bool anyKept = false;
    SmallVector<func::FuncOp> made;
    for (func::CallOp c : calls.lookup(f.getSymNameAttr())) {
      if (!fromRegion(c)) {
        if (single) {
          anyKept = true;
          continue;
        }
        return emitError(c.getLoc())
               << "'" << f.getSymName()
               << "' is a PE-grid kernel (mapping): call it from an "
                  "[[allo::region]], which instantiates one process per PE; '"
               << c->getParentOfType<func::FuncOp>().getSymName() << "' is not a region";
      }
      bool kept = false;
      if (failed(instantiateCall(c, k, module, uses, single, kept, made)))
        return failure();
      anyKept |= kept;
    }
    if (anyKept)
      continue;
    StringAttr name = f.getSymNameAttr();
    f.erase();
    // A kernel of one PE instantiated once keeps its name.
    if (single && made.size() == 1) {
      if (failed(SymbolTable::replaceAllSymbolUses(made.front(), name, module)))
        return emitError(made.front().getLoc(), "internal error: cannot rename a PE function");
      made.front().setSymName(name);
    }
  }
  return success();
}
