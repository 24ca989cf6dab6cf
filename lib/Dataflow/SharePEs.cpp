//===- SharePEs.cpp - One function per role of an unfolded PE grid ---------===//
//
// The `unfold` schedule step gives every PE of its grid a function of its
// own: the band's body with the band's induction variables replaced by
// constants (`relay` then slices loaders and drains off the PEs, which keep
// those constants). PEs on the same footing differ only in these constants,
// so this pass groups the processes of every grid by structure, ignoring the
// values of the index constants at the top of their bodies, and keeps one
// function per group: the constants that differ within the group become
// template parameters (`template <int i, int j>`, named for the loops they
// replace), every call passes its PE's values (`gemm_PE_0_0<1, 2>(...)`).
// A 16x16 grid thus emits a handful of functions, not 256, and every
// instance still sees its coordinates as constants, as synthesis wants.
//
// Functions that are exactly alike (no constant differs) are merged too.
// The pass changes nothing else: merging only ever replaces a function by an
// equal one with its constants passed in.
//
//===----------------------------------------------------------------------===//

#include "allo/Dataflow/Dataflow.h"
#include "allo/Dialect/Allo/AlloDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/OperationSupport.h"
#include "mlir/IR/Verifier.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringSet.h"

#include <map>

using namespace mlir;
using namespace allo;

namespace {

/// A process function of a grid and the index constants at the top of its
/// body, in order: the values that may differ between PEs of one role.
struct Process {
  func::CallOp call;
  func::FuncOp func;
  SmallVector<arith::ConstantOp> consts;
};

SmallVector<arith::ConstantOp> topIndexConstants(func::FuncOp f) {
  SmallVector<arith::ConstantOp> cs;
  for (Operation &op : f.getBody().front())
    if (auto c = dyn_cast<arith::ConstantOp>(op))
      if (c.getType().isIndex() && isa<IntegerAttr>(c.getValue()))
        cs.push_back(c);
  return cs;
}

/// The function's attributes that must agree within a role (its name and
/// coordinates may differ).
DictionaryAttr roleAttrs(func::FuncOp f) {
  NamedAttrList attrs(f->getAttrDictionary());
  attrs.erase(f.getSymNameAttrName());
  attrs.erase(AlloDialect::kPEIndex);
  return attrs.getDictionary(f.getContext());
}

/// Whether `b` is `a` up to the values of their top-level index constants.
bool sameRole(Process &a, Process &b) {
  if (a.func.getFunctionType() != b.func.getFunctionType() || a.consts.size() != b.consts.size() ||
      roleAttrs(a.func) != roleAttrs(b.func))
    return false;
  Block &ba = a.func.getBody().front(), &bb = b.func.getBody().front();
  if (ba.getOperations().size() != bb.getOperations().size())
    return false;
  DenseMap<Value, Value> map;
  for (auto [x, y] : llvm::zip(ba.getArguments(), bb.getArguments()))
    map[x] = y;
  auto check = [&](Value x, Value y) { return success(map.lookup(x) == y); };
  auto mark = [&](Value x, Value y) { map[x] = y; };
  size_t k = 0;
  for (auto [x, y] : llvm::zip(ba, bb)) {
    if (k < a.consts.size() && &x == a.consts[k].getOperation()) {
      if (&y != b.consts[k].getOperation())
        return false;
      map[x.getResult(0)] = y.getResult(0);
      ++k;
      continue;
    }
    if (!OperationEquivalence::isEquivalentTo(&x, &y, check, mark,
                                              OperationEquivalence::IgnoreLocations))
      return false;
  }
  return true;
}

int64_t valueOf(arith::ConstantOp c) { return cast<IntegerAttr>(c.getValue()).getInt(); }

/// One function for the processes of a role: `members[0]` takes the
/// constants that differ as template parameters, the others are erased.
LogicalResult merge(func::FuncOp grid, ArrayRef<Process *> members) {
  Process &rep = *members.front();
  MLIRContext *ctx = grid.getContext();
  SmallVector<size_t> varying;
  for (size_t k = 0; k < rep.consts.size(); ++k)
    if (llvm::any_of(members,
                     [&](Process *m) { return valueOf(m->consts[k]) != valueOf(rep.consts[k]); }))
      varying.push_back(k);

  // The parameters, named for the loops whose values they are.
  llvm::StringSet<> names;
  for (unsigned i = 0; i < rep.func.getNumArguments(); ++i)
    if (auto n = rep.func.getArgAttrOfType<StringAttr>(i, AlloDialect::kName))
      names.insert(n.getValue());
  for (size_t k : varying) {
    arith::ConstantOp c = rep.consts[k];
    auto iv = c->getAttrOfType<StringAttr>(AlloDialect::kInductionVar);
    std::string base = iv ? iv.getValue().str() : "p";
    std::string name = base;
    for (unsigned n = 1; names.contains(name) || (!iv && name == "p"); ++n)
      name = base + std::to_string(n);
    names.insert(name);
    NamedAttrList attrs;
    attrs.set(AlloDialect::kName, StringAttr::get(ctx, name));
    attrs.set(AlloDialect::kTemplateParam, UnitAttr::get(ctx));
    unsigned pos = rep.func.getNumArguments();
    if (failed(rep.func.insertArgument(pos, IndexType::get(ctx), attrs.getDictionary(ctx),
                                       c.getLoc())))
      return failure();
    c.getResult().replaceAllUsesWith(rep.func.getArgument(pos));
  }

  // The calls, each with its PE's values.
  auto coords = [](Process *m) {
    return m->func->getAttrOfType<DenseI64ArrayAttr>(AlloDialect::kPEIndex);
  };
  bool pes = coords(&rep) != nullptr;
  for (Process *m : members) {
    OpBuilder b(m->call);
    SmallVector<Value> operands(m->call.getOperands());
    for (size_t k : varying)
      operands.push_back(
          arith::ConstantIndexOp::create(b, m->call.getLoc(), valueOf(m->consts[k])));
    auto c = func::CallOp::create(b, m->call.getLoc(), rep.func, operands);
    for (NamedAttribute a : m->call->getDiscardableAttrs())
      c->setAttr(a.getName(), a.getValue());
    if (auto at = coords(m))
      c->setAttr(AlloDialect::kPEIndex, at);
    m->call.erase();
    m->call = c;
  }
  for (size_t k : varying)
    rep.consts[k].erase();
  for (Process *m : members.drop_front())
    m->func.erase();
  if (pes) {
    // The coordinates are the calls' now; the function is the grid's.
    rep.func->removeAttr(AlloDialect::kPEIndex);
    rep.func->setAttr(AlloDialect::kPEOf, grid.getSymNameAttr());
  }
  if (failed(verify(rep.func)))
    return emitError(rep.func.getLoc())
           << "internal error: the shared function of a PE role does not verify";
  return success();
}

} // namespace

LogicalResult allo::sharePEFunctions(ModuleOp module) {
  SmallVector<func::FuncOp> grids;
  DenseMap<StringAttr, unsigned> uses;
  for (auto f : module.getOps<func::FuncOp>())
    if (f->hasAttr(AlloDialect::kPEGrid))
      grids.push_back(f);
  if (grids.empty())
    return success();
  module.walk([&](func::CallOp c) { ++uses[c.getCalleeAttr().getAttr()]; });
  SymbolTable symbols(module);

  for (func::FuncOp grid : grids) {
    // The grid's processes: functions of its own, called once, from it.
    std::vector<Process> procs;
    for (auto c : grid.getBody().front().getOps<func::CallOp>()) {
      auto f = symbols.lookup<func::FuncOp>(c.getCallee());
      if (!f || f.isExternal() || !f->hasAttr(AlloDialect::kStatic) ||
          uses.lookup(f.getSymNameAttr()) != 1 || f->hasAttr(AlloDialect::kTop) ||
          !f.getBody().hasOneBlock())
        continue;
      if (llvm::any_of(llvm::seq(f.getNumArguments()),
                       [&](unsigned i) { return f.getArgAttr(i, AlloDialect::kTemplateParam); }))
        continue;
      procs.push_back({c, f, topIndexConstants(f)});
    }
    // Roles, in the order of their first process; a cheap key first.
    std::map<std::tuple<const void *, size_t, size_t>, SmallVector<unsigned>> buckets;
    SmallVector<SmallVector<Process *>> roles;
    for (Process &p : procs) {
      auto key = std::make_tuple(p.func.getFunctionType().getAsOpaquePointer(),
                                 p.func.getBody().front().getOperations().size(), p.consts.size());
      SmallVector<unsigned> &cands = buckets[key];
      auto it = llvm::find_if(cands, [&](unsigned r) { return sameRole(*roles[r].front(), p); });
      if (it != cands.end()) {
        roles[*it].push_back(&p);
        continue;
      }
      cands.push_back(roles.size());
      roles.push_back({&p});
    }
    for (auto &members : roles)
      if (members.size() > 1)
        if (failed(merge(grid, members)))
          return failure();
  }
  return success();
}
