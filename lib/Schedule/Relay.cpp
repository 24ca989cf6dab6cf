//===- Relay.cpp - relay(array, grid, axis, depth) ------------------------===//
//
// After unfold, the PEs of a grid read (and maybe write) an array X directly.
// relay groups the PEs into chains — one per index of `axis`, running along
// the grid's other unfolded axis F — and moves X's values through FIFOs:
//
//  * X only read in the PEs (broadcast): every PE of a chain must read the
//    same values in the same order (checked: the PEs' read slices, their
//    loop structure and indices of X, are identical). A loader reads X once
//    and feeds the chain's first PE; each PE forwards what it reads to the
//    next one:   v = in.read(); out.write(v);
//  * X read and then written in each PE (a buffer_at buffer with copy-in and
//    write-back, e.g. partial sums): PE p's write-back feeds PE p+1's
//    copy-in; the loader feeds the first PE and a drainer stores what the
//    last PE writes. Checked: every PE reads X before it writes it, reads
//    and writes the same element sequence, the chain's PEs all have that
//    sequence, and different chains touch different elements.
//
// With a single unfolded axis equal to `axis`, every PE is its own chain (a
// FIFO from the loader, no neighbours). `array` may name X or a buffer_at
// buffer of X (then X is relayed, and the buffer is filled from the FIFO).
// Loaders run first in the grid's dataflow region and drainers last, so the
// grid still computes in C simulation what the loops computed.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/Affine/Analysis/AffineAnalysis.h"
#include "mlir/Dialect/Affine/Analysis/Utils.h"
#include "mlir/Dialect/Affine/IR/AffineValueMap.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringExtras.h"

#include <map>
#include <set>

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

struct PE {
  func::CallOp call;
  func::FuncOp func;
  llvm::SmallVector<int64_t, 4> coords;
  int xArg = -1;
  llvm::SmallVector<Operation *, 4> reads, writes;
};

int argNamed(func::FuncOp f, StringRef name) {
  for (unsigned i = 0; i < f.getNumArguments(); ++i)
    if (auto n = f.getArgAttrOfType<StringAttr>(i, AlloDialect::kName))
      if (n.getValue() == name && llvm::isa<MemRefType>(f.getArgument(i).getType()))
        return (int)i;
  return -1;
}

/// The PE reduced to the control flow around its accesses of X of one kind
/// (reads or writes) and the indices they use; `kept` maps the slice's
/// arguments to the PE's. Fails (with `why`) if that control flow needs
/// anything but loops, conditions and index arithmetic.
func::FuncOp slice(func::FuncOp pe, int xArg, bool writes, llvm::SmallVectorImpl<unsigned> &kept,
                   std::string &why, Operation *&where) {
  func::FuncOp s = pe.clone();
  Value x = s.getArgument(xArg);
  llvm::SetVector<Operation *> keep;
  std::function<void(Operation *)> need = [&](Operation *op) {
    if (!keep.insert(op))
      return;
    for (Value v : op->getOperands())
      if (Operation *d = v.getDefiningOp())
        need(d);
    for (Operation *p = op->getParentOp(); p && p != s; p = p->getParentOp())
      need(p);
  };
  s.walk([&](Operation *op) {
    bool isAccess = writes ? isa<affine::AffineStoreOp>(op) && op->getOperand(1) == x
                           : isa<affine::AffineLoadOp>(op) && op->getOperand(0) == x;
    if (!isAccess)
      return;
    keep.insert(op);
    for (Value v : op->getOperands().drop_front(writes ? 2 : 1))
      if (Operation *d = v.getDefiningOp())
        need(d);
    for (Operation *p = op->getParentOp(); p && p != s; p = p->getParentOp())
      need(p);
  });
  for (Operation *op : keep) {
    if (isa<affine::AffineForOp, affine::AffineIfOp, affine::AffineApplyOp>(op) ||
        (isa<affine::AffineLoadOp>(op) && op->getOperand(0) == x) ||
        (isa<affine::AffineStoreOp>(op) && op->getOperand(1) == x) ||
        (isa<arith::ArithDialect>(op->getDialect()) && isMemoryEffectFree(op)))
      continue;
    why = "the loops and conditions around its accesses depend on a '" +
          op->getName().getStringRef().str() + "'";
    where = op;
    s.erase();
    return {};
  }
  // The values a write slice stores are not part of it: a placeholder (the
  // drainer stores what it reads from its FIFO instead).
  if (writes) {
    OpBuilder b = OpBuilder::atBlockBegin(&s.getBody().front());
    Type et = llvm::cast<MemRefType>(x.getType()).getElementType();
    Value zero = arith::ConstantOp::create(b, s.getLoc(), et, b.getZeroAttr(et));
    keep.insert(zero.getDefiningOp());
    for (Operation *op : keep)
      if (auto st = llvm::dyn_cast<affine::AffineStoreOp>(op); st && st.getMemRef() == x)
        st->setOperand(0, zero);
  }
  llvm::SmallVector<Operation *, 16> dead;
  s.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == s || keep.contains(op) || op->hasTrait<OpTrait::IsTerminator>())
      return WalkResult::advance();
    dead.push_back(op);
    return WalkResult::skip();
  });
  for (Operation *op : dead)
    op->dropAllReferences();
  for (Operation *op : dead)
    op->erase();
  // Loops that lost their results' users still yield nothing (none carry values).
  llvm::BitVector unused(s.getNumArguments());
  for (unsigned i = 0; i < s.getNumArguments(); ++i) {
    if ((int)i != xArg && s.getArgument(i).use_empty())
      unused.set(i);
    else
      kept.push_back(i);
  }
  (void)s.eraseArguments(unused);
  return s;
}

/// The slice's text with every access printed as a load (the sequence of
/// elements it touches), for comparing PEs.
std::string accessText(func::FuncOp sl) {
  func::FuncOp t = sl.clone();
  t.setSymName("slice");
  for (NamedAttribute a : llvm::to_vector(t->getDiscardableAttrs()))
    t->removeAttr(a.getName());
  t.setAllArgAttrs(
      llvm::SmallVector<DictionaryAttr>(t.getNumArguments(), DictionaryAttr::get(t.getContext())));
  // Loop names and other customizations do not change what is accessed.
  t.walk([&](Operation *op) {
    for (NamedAttribute a : llvm::to_vector(op->getDiscardableAttrs()))
      op->removeAttr(a.getName());
  });
  t.walk([&](affine::AffineStoreOp st) {
    OpBuilder b(st);
    affine::AffineLoadOp::create(b, st.getLoc(), st.getMemRef(), st.getAffineMap(),
                                 st.getMapOperands());
    st.erase();
  });
  t.walk([&](arith::ConstantOp k) {
    if (k->use_empty())
      k.erase();
  });
  std::string text;
  llvm::raw_string_ostream os(text);
  t.print(os);
  t.erase();
  return text;
}

/// Result `d` of an access map when it is a constant in this PE (its
/// coordinates are constants; loop variables are not).
std::optional<int64_t> constantIndex(affine::AffineValueMap &vm, unsigned d) {
  MLIRContext *ctx = vm.getAffineMap().getContext();
  llvm::SmallVector<AffineExpr> repl;
  for (unsigned k = 0; k < vm.getNumOperands(); ++k) {
    if (auto cst = vm.getOperand(k).getDefiningOp<arith::ConstantIndexOp>())
      repl.push_back(getAffineConstantExpr(cst.value(), ctx));
    else
      repl.push_back(k < vm.getNumDims() ? getAffineDimExpr(k, ctx)
                                         : getAffineSymbolExpr(k - vm.getNumDims(), ctx));
  }
  AffineExpr r =
      vm.getResult(d).replaceDimsAndSymbols(llvm::ArrayRef(repl).take_front(vm.getNumDims()),
                                            llvm::ArrayRef(repl).drop_front(vm.getNumDims()));
  r = simplifyAffineExpr(r, vm.getNumDims(), vm.getNumSymbols());
  if (auto ce = llvm::dyn_cast<AffineConstantExpr>(r))
    return ce.getValue();
  return std::nullopt;
}

/// The element type of an array's C type: "const int8_t[4][4]" -> "int8_t",
/// also of a pointer or reference parameter ("const fix_t *", "int (&)[4]").
std::string elementCType(Attribute ctype) {
  auto s = llvm::dyn_cast_or_null<StringAttr>(ctype);
  if (!s)
    return "";
  StringRef t = s.getValue();
  t = t.substr(0, t.find('[')).trim();
  t = t.substr(0, t.find('(')).trim();
  if (t.consume_front("const "))
    t = t.trim();
  while (t.consume_back("*") || t.consume_back("&") || t.consume_back(" const"))
    t = t.rtrim();
  return t.str();
}

} // namespace

LogicalResult sched::applyRelay(StepContext &c) {
  const ScheduleStep &s = c.step;
  func::FuncOp f = c.function(*s.array());
  if (!f)
    return failure();
  std::string gridName = s.text("grid").value;
  std::string gridSym = f.getSymName().str() + "_" + gridName;
  auto grid = c.module.lookupSymbol<func::FuncOp>(gridSym);
  if (!grid || !grid->hasAttr(AlloDialect::kPEGrid)) {
    auto d = c.error("'" + f.getSymName().str() + "' has no PE grid named '" + gridName + "'");
    d.attachNote(f.getLoc()) << "unfold a loop band of it first (\"op\": \"unfold\", \"name\": \""
                             << gridName << "\")";
    return failure();
  }
  llvm::ArrayRef<int64_t> shape =
      grid->getAttrOfType<DenseI64ArrayAttr>(AlloDialect::kPEGrid).asArrayRef();
  int64_t axis = s.integer("axis").value;
  if (axis >= (int64_t)shape.size()) {
    c.error(s.integer("axis").path, s.integer("axis").pos,
            "axis " + std::to_string(axis) + " is out of range: the unfolded band has " +
                std::to_string(shape.size()) + " loop(s), axes count from 0");
    return failure();
  }
  llvm::SmallVector<int64_t, 2> flow;
  for (int64_t a = 0; a < (int64_t)shape.size(); ++a)
    if (shape[a] > 0 && a != axis)
      flow.push_back(a);
  if (flow.size() > 1) {
    c.error(s.integer("axis").path, s.integer("axis").pos,
            "a relay passes values along one axis, but the grid has " +
                std::to_string(flow.size()) + " unfolded axes besides axis " +
                std::to_string(axis));
    return failure();
  }
  int64_t F = flow.empty() ? -1 : flow[0];

  // The PEs, and the array X they access.
  std::vector<PE> pes;
  grid.walk([&](func::CallOp call) {
    auto callee = c.module.lookupSymbol<func::FuncOp>(call.getCallee());
    if (!callee || !callee->hasAttr(AlloDialect::kPEIndex))
      return;
    auto idx = callee->getAttrOfType<DenseI64ArrayAttr>(AlloDialect::kPEIndex).asArrayRef();
    pes.push_back(PE{call, callee, {idx.begin(), idx.end()}});
  });
  std::string name = s.array()->name, x = name, bufName;
  for (PE &p : pes)
    p.func.walk([&](memref::AllocaOp a) {
      auto n = a->getAttrOfType<StringAttr>(AlloDialect::kName);
      auto of = a->getAttrOfType<StringAttr>(AlloDialect::kBufferOf);
      if (n && of && n.getValue() == name) {
        x = of.getValue().str();
        bufName = name;
      }
    });
  for (PE &p : pes) {
    p.xArg = argNamed(p.func, x);
    if (p.xArg < 0) {
      auto d = c.error(s.array()->path, s.array()->pos,
                       "PE '" + p.func.getSymName().str() + "' does not access '" + x + "'" +
                           (bufName.empty() ? "" : " (the array buffered by '" + bufName + "')"));
      d.attachNote(p.func.getLoc())
          << "relay needs an array (or buffer_at buffer) that every PE of '" << gridSym << "' uses";
      return failure();
    }
    // An array of structs is one array per field (scalar replacement): not
    // one array to relay.
    if (p.func.getArgAttr(p.xArg, AlloDialect::kField)) {
      auto ct = p.func.getArgAttrOfType<StringAttr>(p.xArg, AlloDialect::kCType);
      auto d = c.error(s.array()->path, s.array()->pos,
                       "'" + s.array()->str() + "' is a struct variable (" +
                           (ct ? ct.getValue().str() : std::string("a struct")) +
                           "), raised as one array per field; schedule steps on structs and "
                           "arrays of structs are not supported yet");
      d.attachNote(p.func.getLoc()) << "in " << p.func.getSymName();
      return failure();
    }
    Value xv = p.func.getArgument(p.xArg);
    for (OpOperand &u : xv.getUses()) {
      Operation *op = u.getOwner();
      if (isa<affine::AffineLoadOp>(op))
        p.reads.push_back(op);
      else if (auto st = llvm::dyn_cast<affine::AffineStoreOp>(op); st && st.getMemRef() == xv)
        p.writes.push_back(op);
      else {
        auto d = c.error("cannot relay '" + x + "': PE '" + p.func.getSymName().str() +
                         "' uses it other than by affine loads and stores");
        d.attachNote(op->getLoc()) << "this use";
        return failure();
      }
    }
  }
  bool passThrough = llvm::any_of(pes, [](const PE &p) { return !p.writes.empty(); });

  // Chains: PEs with equal coordinates except on F, ordered along F.
  std::map<std::vector<int64_t>, std::vector<PE *>> chains;
  for (PE &p : pes) {
    std::vector<int64_t> key(p.coords.begin(), p.coords.end());
    if (F >= 0)
      key[F] = 0;
    chains[key].push_back(&p);
  }
  for (auto &[key, chain] : chains)
    llvm::stable_sort(chain, [&](PE *a, PE *b) { return F >= 0 && a->coords[F] < b->coords[F]; });

  // Checks, and the slices of each chain's ends.
  auto fail = [&](PE &p, const std::string &why, Operation *where) {
    auto d = c.error("cannot relay '" + x + "' along axis " + std::to_string(F) + ": " + why);
    d.attachNote(where ? where->getLoc() : p.func.getLoc()) << "in " << p.func.getSymName();
    return failure();
  };
  std::map<std::vector<int64_t>, std::pair<func::FuncOp, func::FuncOp>>
      ends; // loader, drainer slices
  std::map<std::vector<int64_t>,
           std::pair<llvm::SmallVector<unsigned>, llvm::SmallVector<unsigned>>>
      endArgs;
  std::map<int64_t, std::vector<int64_t>> elementKey; // passThrough: constant index per chain
  auto cleanup = [&]() {
    for (auto &[k, e] : ends) {
      if (e.first)
        e.first.erase();
      if (e.second)
        e.second.erase();
    }
  };
  for (auto &[key, chain] : chains) {
    std::string ref;
    for (PE *p : chain) {
      if (passThrough) {
        // Reads all before writes, in separate top-level nests.
        for (Operation *r : p->reads)
          for (Operation *w : p->writes) {
            Operation *rt = p->func.getBody().front().findAncestorOpInBlock(*r);
            Operation *wt = p->func.getBody().front().findAncestorOpInBlock(*w);
            if (rt == wt || !rt->isBeforeInBlock(wt)) {
              cleanup();
              return fail(*p,
                          "a PE must read all of it before writing it back (as a buffer_at "
                          "buffer's copy-in and write-back do)",
                          w);
            }
          }
      }
      for (bool writes : {false, true}) {
        if (writes && !passThrough)
          continue;
        llvm::SmallVector<unsigned> kept;
        std::string why;
        Operation *where = nullptr;
        func::FuncOp sl = slice(p->func, p->xArg, writes, kept, why, where);
        if (!sl) {
          cleanup();
          return fail(*p, why, where);
        }
        std::string text = accessText(sl);
        if (ref.empty())
          ref = text;
        bool keepIt = (!writes && p == chain.front()) || (writes && p == chain.back());
        if (text != ref) {
          sl.erase();
          cleanup();
          return fail(*p,
                      passThrough ? "the PEs of a chain must read and write the same elements "
                                    "in the same order"
                                  : "its PEs along the axis read different elements (a value "
                                    "passed PE to PE must be the same for all of them)",
                      nullptr);
        }
        if (keepIt) {
          (writes ? ends[key].second : ends[key].first) = sl;
          (writes ? endArgs[key].second : endArgs[key].first) = kept;
        } else {
          sl.erase();
        }
      }
    }
    if (passThrough && chains.size() > 1) {
      // Different chains must touch different elements: some index of X is
      // a constant, distinct per chain, in every access.
      PE *p = chain.front();
      auto xt = llvm::cast<MemRefType>(p->func.getArgument(p->xArg).getType());
      std::vector<int64_t> consts(xt.getRank(), INT64_MIN);
      bool first = true;
      for (Operation *op : llvm::concat<Operation *>(p->reads, p->writes)) {
        affine::MemRefAccess acc(op);
        affine::AffineValueMap vm;
        acc.getAccessMap(&vm);
        for (unsigned d = 0; d < vm.getNumResults(); ++d) {
          int64_t v = constantIndex(vm, d).value_or(INT64_MIN);
          if (first)
            consts[d] = v;
          else if (consts[d] != v)
            consts[d] = INT64_MIN;
        }
        first = false;
      }
      for (unsigned d = 0; d < consts.size(); ++d)
        elementKey[d].push_back(consts[d]);
    }
  }
  if (passThrough && chains.size() > 1) {
    bool disjoint = false;
    for (auto &[d, values] : elementKey) {
      if (llvm::is_contained(values, INT64_MIN))
        continue;
      std::set<int64_t> uniq(values.begin(), values.end());
      disjoint |= uniq.size() == values.size();
    }
    if (!disjoint) {
      cleanup();
      return fail(
          *chains.begin()->second.front(),
          "cannot show that different chains write different elements of it (no index of '" + x +
              "' is a constant that differs between chains)",
          nullptr);
    }
  }

  // Rewrite: streams in the grid, loaders and drainers, PEs reading FIFOs.
  MLIRContext *ctx = c.ctx;
  auto xType = llvm::cast<MemRefType>(pes.front().func.getArgument(pes.front().xArg).getType());
  Type elem = xType.getElementType();
  auto streamType = StreamType::get(ctx, elem);
  Attribute ctypeAttr = pes.front().func.getArgAttr(pes.front().xArg, AlloDialect::kCType);
  std::string elemC = elementCType(ctypeAttr);
  // Fixed-point elements: the FIFOs carry the raw bits, as the array does.
  Attribute fixedScale = pes.front().func.getArgAttr(pes.front().xArg, AlloDialect::kFixedScale);
  int64_t depth = s.integer("depth").value;
  // Loaders go before the first PE call (found afresh: PE calls are rebuilt).
  auto firstPE = [&]() -> Operation * {
    for (Operation &op : grid.getBody().front())
      if (auto call = llvm::dyn_cast<func::CallOp>(op))
        if (auto callee = c.module.lookupSymbol<func::FuncOp>(call.getCallee()))
          if (callee->hasAttr(AlloDialect::kPEIndex))
            return call;
    return grid.getBody().front().getTerminator();
  };
  auto makeStream = [&](const std::string &n) {
    OpBuilder gb(firstPE());
    auto sc = StreamCreateOp::create(gb, grid.getLoc(), streamType, gb.getI64IntegerAttr(depth));
    sc->setAttr(AlloDialect::kName, gb.getStringAttr(n));
    if (!elemC.empty())
      sc->setAttr(AlloDialect::kCType, gb.getStringAttr(elemC));
    if (fixedScale)
      sc->setAttr(AlloDialect::kFixedScale, fixedScale);
    return sc.getResult();
  };
  Operation *ret = grid.getBody().front().getTerminator();
  std::string base = bufName.empty() ? x : bufName;
  auto keyText = [&](const std::vector<int64_t> &key) {
    std::string t;
    for (size_t a = 0; a < key.size(); ++a)
      if (shape[a] > 0 && (int64_t)a != F)
        t += "_" + std::to_string(key[a]);
    return t;
  };
  auto addStreamArg = [&](func::FuncOp fn, const std::string &n) {
    NamedAttrList attrs;
    attrs.set(AlloDialect::kName, StringAttr::get(ctx, n));
    if (!elemC.empty())
      attrs.set(AlloDialect::kCType, StringAttr::get(ctx, elemC));
    if (fixedScale)
      attrs.set(AlloDialect::kFixedScale, fixedScale);
    unsigned i = fn.getNumArguments();
    (void)fn.insertArgument(i, streamType, attrs.getDictionary(ctx), fn.getLoc());
    return fn.getArgument(i);
  };
  for (auto &[key, chain] : chains) {
    std::string kt = keyText(key);
    size_t n = chain.size();
    std::vector<Value> fifos;
    for (size_t k = 0; k < n + (passThrough ? 1 : 0); ++k)
      fifos.push_back(makeStream(base + "_fifo" + kt + "_" + std::to_string(k)));
    // Loader: the head's read slice, writing what it reads.
    auto makeEnd = [&](func::FuncOp sl, llvm::ArrayRef<unsigned> kept, bool drain, Value fifo,
                       Operation *before) {
      PE *p = drain ? chain.back() : chain.front();
      c.module.push_back(sl);
      sl->moveBefore(grid);
      std::string nm = gridSym + (drain ? "_drain_" : "_load_") + base + kt;
      sl.setSymName(nm);
      for (NamedAttribute a : llvm::to_vector(sl->getDiscardableAttrs()))
        sl->removeAttr(a.getName());
      sl->setAttr(AlloDialect::kStatic, UnitAttr::get(ctx));
      sl->setAttr(AlloDialect::kInline, IntegerAttr::get(IntegerType::get(ctx, 64), 0));
      Value sArg = addStreamArg(sl, "fifo");
      Value xs = sl.getArgument(llvm::find(kept, (unsigned)p->xArg) - kept.begin());
      llvm::SmallVector<Operation *> accs;
      sl.walk([&](Operation *op) {
        if ((drain && isa<affine::AffineStoreOp>(op)) || (!drain && isa<affine::AffineLoadOp>(op)))
          if (llvm::is_contained(op->getOperands(), xs))
            accs.push_back(op);
      });
      for (Operation *op : accs) {
        OpBuilder b(op);
        if (drain) {
          auto st = llvm::cast<affine::AffineStoreOp>(op);
          Value v = StreamReadOp::create(b, op->getLoc(), elem, sArg);
          st->setOperand(0, v);
        } else {
          b.setInsertionPointAfter(op);
          StreamWriteOp::create(b, op->getLoc(), sArg, op->getResult(0));
        }
      }
      llvm::SmallVector<Value> operands;
      for (unsigned k : kept)
        operands.push_back(p->call.getOperand(k));
      operands.push_back(fifo);
      OpBuilder cb(before);
      func::CallOp::create(cb, grid.getLoc(), sl, operands);
    };
    makeEnd(ends[key].first, endArgs[key].first, false, fifos.front(), firstPE());
    if (passThrough)
      makeEnd(ends[key].second, endArgs[key].second, true, fifos.back(), ret);
    ends[key] = {};
    // The PEs.
    for (size_t k = 0; k < n; ++k) {
      PE *p = chain[k];
      std::string inName = base + "_in", outName = base + "_out";
      Value in = addStreamArg(p->func, inName);
      Value out;
      if (passThrough || k + 1 < n)
        out = addStreamArg(p->func, outName);
      for (Operation *r : p->reads) {
        OpBuilder b(r);
        Value v = StreamReadOp::create(b, r->getLoc(), elem, in);
        if (!passThrough && out)
          StreamWriteOp::create(b, r->getLoc(), out, v);
        r->getResult(0).replaceAllUsesWith(v);
        r->erase();
      }
      for (Operation *w : p->writes) {
        OpBuilder b(w);
        StreamWriteOp::create(b, w->getLoc(), out,
                              llvm::cast<affine::AffineStoreOp>(w).getValueToStore());
        w->erase();
      }
      llvm::SmallVector<Value> operands(p->call.getOperands());
      operands.push_back(fifos[k]);
      if (out)
        operands.push_back(fifos[k + 1]);
      if (p->func.getArgument(p->xArg).use_empty()) {
        (void)p->func.eraseArgument(p->xArg);
        operands.erase(operands.begin() + p->xArg);
      }
      OpBuilder cb(p->call);
      auto nc = func::CallOp::create(cb, p->call.getLoc(), p->func, operands);
      p->call.erase();
      p->call = nc;
    }
  }
  return success();
}

std::string sched::summarizeRelay(const ScheduleStep &s) {
  return "relay " + refStr(s.array()) + " through " + s.text("grid").value + " axis " +
         std::to_string(s.integer("axis").value);
}
