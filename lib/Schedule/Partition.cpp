//===- Partition.cpp - partition(array, type, factor, dim) ----------------===//
//
// Appends #allo.partition<type, factor, dim> to the array's allo.partition list (the
// argument attribute of a parameter, or the attribute of its memref.alloca),
// which the HLS emitter turns into `#pragma HLS array_partition`.
//
// An array passed whole through func.call is the same memory in the callee,
// so the partition is propagated to every array connected to it by calls, in
// both directions (callee parameters, and the arrays callers pass for a
// partitioned parameter), until closure: a kernel's interface stays
// consistent with its callers. Two partitions conflict when they concern the
// same dimension (dim 0 = all dimensions concerns every one) and differ; a
// conflict anywhere in the closure rejects the step, naming both. The same
// partition requested again is not duplicated.
//
//===----------------------------------------------------------------------===//
#include "ScheduleImpl.h"

#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

namespace {

std::string describeEntry(PartitionAttr d) { return d.describe(); }

struct Reached {
  ArraySite site;
  Operation *via = nullptr; ///< the call that connects it (null for the step's array)
};

} // namespace

LogicalResult sched::applyPartition(StepContext &c) {
  const ScheduleStep &s = c.step;
  std::optional<ArraySite> origin = c.array(*s.array());
  if (!origin)
    return failure();
  MemRefType type = origin->type();
  int64_t rank = type.getRank();
  int64_t dim = s.integer("dim").value;
  if (dim > rank) {
    auto d = c.error(s.integer("dim").path, s.integer("dim").pos,
                     "dim " + std::to_string(dim) + " is out of range: '" + s.array()->str() +
                         "' has " + std::to_string(rank) + " dimension" + (rank == 1 ? "" : "s"));
    d.attachNote(c.locOf(s.integer("dim").pos)) << "use 1.." << rank << ", or 0 for all dimensions";
    return failure();
  }
  if (s.integer("factor").given) {
    for (int64_t k = dim ? dim : 1; k <= (dim ? dim : rank); ++k) {
      int64_t size = type.getDimSize(k - 1);
      if (!ShapedType::isDynamic(size) && s.integer("factor").value > size) {
        auto d = c.error(s.integer("factor").path, s.integer("factor").pos,
                         "factor " + std::to_string(s.integer("factor").value) +
                             " exceeds the size " + std::to_string(size) + " of dimension " +
                             std::to_string(k) + " of '" + s.array()->str() + "'");
        d.attachNote(c.locOf(s.integer("factor").pos))
            << "use at most " << size << " banks, or \"type\": \"complete\"";
        return failure();
      }
    }
  }

  auto entry = PartitionAttr::get(c.ctx, s.text("type").value,
                                  s.integer("factor").given ? s.integer("factor").value : 0, dim);

  // Every array connected to this one through calls.
  std::vector<Reached> sites = {{*origin, nullptr}};
  auto add = [&](const ArraySite &site, Operation *via) {
    for (const Reached &r : sites)
      if (r.site == site)
        return;
    sites.push_back({site, via});
  };
  for (size_t i = 0; i < sites.size(); ++i) {
    ArraySite site = sites[i].site;
    for (OpOperand &use : site.value().getUses()) {
      auto call = llvm::dyn_cast<func::CallOp>(use.getOwner());
      if (!call)
        continue;
      if (auto callee = c.module.lookupSymbol<func::FuncOp>(call.getCallee()))
        if (!callee.isExternal() && use.getOperandNumber() < callee.getNumArguments())
          add(ArraySite{callee, (int)use.getOperandNumber(), nullptr}, call);
    }
    if (site.arg < 0)
      continue;
    auto uses = SymbolTable::getSymbolUses(site.func, c.module);
    if (!uses)
      continue;
    for (const SymbolTable::SymbolUse &u : *uses) {
      auto call = llvm::dyn_cast<func::CallOp>(u.getUser());
      if (!call || (unsigned)site.arg >= call.getNumOperands())
        continue;
      Value passed = call.getOperand(site.arg);
      auto caller = call->getParentOfType<func::FuncOp>();
      if (auto ba = llvm::dyn_cast<BlockArgument>(passed);
          ba && caller && ba.getOwner() == &caller.getBody().front()) {
        add(ArraySite{caller, (int)ba.getArgNumber(), nullptr}, call);
      } else if (auto a = passed.getDefiningOp<memref::AllocaOp>()) {
        add(ArraySite{caller, -1, a}, call);
      } else {
        auto d =
            c.error("cannot partition '" + s.array()->str() + "' consistently: '" + site.str() +
                    "' receives an array that is not a parameter or local array of its caller");
        d.attachNote(call.getLoc()) << "the call passing it";
        return failure();
      }
    }
  }

  // UG1399: m_axi ports of the top function cannot be partitioned. A top
  // whose own `#pragma HLS interface` makes the array m_axi refuses the
  // step (with --interface axi, the emitter refuses the combination).
  for (const Reached &r : sites) {
    const ArraySite &site = r.site;
    if (site.arg < 0 || !site.func->hasAttr(AlloDialect::kTop))
      continue;
    auto name = site.func.getArgAttrOfType<StringAttr>(site.arg, AlloDialect::kName);
    auto pragmas = site.func->getAttrOfType<ArrayAttr>(AlloDialect::kPragmas);
    if (!name || !pragmas)
      continue;
    for (Attribute p : pragmas) {
      llvm::StringRef text = llvm::cast<StringAttr>(p).getValue();
      llvm::SmallVector<llvm::StringRef, 8> words;
      text.split(words, ' ', -1, false);
      if (words.empty() || !words[0].equals_insensitive("interface"))
        continue;
      bool maxi = false, port = false;
      for (llvm::StringRef w : words) {
        maxi |= w.equals_insensitive("m_axi") || w.equals_insensitive("mode=m_axi");
        port |= w.size() > 5 && w.take_front(5).equals_insensitive("port=") &&
                w.drop_front(5) == name.getValue();
      }
      if (!maxi || !port)
        continue;
      auto d = c.error("cannot partition '" + site.str() +
                       "': it is an m_axi port of the top "
                       "function (its '#pragma HLS " +
                       text.str() +
                       "'), and Vitis HLS does not "
                       "partition m_axi ports (UG1399)");
      d.attachNote(site.loc()) << "copy it into a local array and partition that one (the "
                                  "buffer_at step makes such a copy)";
      return failure();
    }
  }

  // Conflicts, then the update.
  std::vector<bool> present(sites.size(), false);
  for (size_t i = 0; i < sites.size(); ++i) {
    const ArraySite &site = sites[i].site;
    ArrayAttr existing = site.partitions();
    if (!existing)
      continue;
    for (Attribute e : existing) {
      auto d = llvm::dyn_cast<PartitionAttr>(e);
      if (!d)
        continue;
      int64_t edim = d.getDim();
      if (edim != dim && edim != 0 && dim != 0)
        continue;
      if (d == entry) {
        present[i] = true;
        continue;
      }
      bool same = i == 0;
      auto diag =
          c.error("incompatible partitions of '" + site.str() + "'" +
                  (same ? std::string()
                        : " (the same array as '" + origin->str() + "', passed through calls)") +
                  ": it is already partitioned " + describeEntry(d) + ", the step asks for " +
                  describeEntry(entry));
      diag.attachNote(site.loc()) << "the array '" << site.str() << "'";
      if (sites[i].via)
        diag.attachNote(sites[i].via->getLoc())
            << "connected to '" << origin->str() << "' by this call";
      return failure();
    }
  }
  for (size_t i = 0; i < sites.size(); ++i) {
    if (present[i])
      continue;
    llvm::SmallVector<Attribute, 4> list;
    if (ArrayAttr existing = sites[i].site.partitions())
      list.append(existing.begin(), existing.end());
    list.push_back(entry);
    sites[i].site.setPartitions(ArrayAttr::get(c.ctx, list));
  }
  return success();
}

std::string sched::summarizePartition(const ScheduleStep &s) {
  ScheduleField<int64_t> factor = s.integer("factor");
  return "partition " + refStr(s.array()) + " " + s.text("type").value +
         (factor.given ? " factor=" + std::to_string(factor.value) : "") +
         " dim=" + std::to_string(s.integer("dim").value);
}

std::optional<StepProblem> sched::checkPartition(const ScheduleStep &s) {
  std::string type = s.text("type").value;
  ScheduleField<int64_t> factor = s.integer("factor");
  if (type == "complete" && factor.given)
    return StepProblem{factor.path, factor.pos, "a complete partition takes no 'factor'",
                       "remove \"factor\", or use \"type\": \"cyclic\" or \"block\""};
  // (A factor written but invalid has been reported already.)
  if (type != "complete" && !factor.given && factor.path.empty())
    return StepProblem{"",
                       {},
                       "a " + type + " partition needs a 'factor' (the number of banks)",
                       "add e.g. \"factor\": 2"};
  return std::nullopt;
}
