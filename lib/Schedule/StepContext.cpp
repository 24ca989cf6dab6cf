//===- StepContext.cpp - Names, lookups and located errors for steps ------===//
#include "ScheduleImpl.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace allo;
using namespace allo::sched;

//===----------------------------------------------------------------------===//
// Names
//===----------------------------------------------------------------------===//

bool sched::isLoop(Operation *op) { return isa<affine::AffineForOp, scf::ForOp, scf::WhileOp>(op); }

llvm::StringRef sched::loopName(Operation *op) {
  if (auto n = op->getAttrOfType<StringAttr>(AlloDialect::kName))
    return n.getValue();
  return "";
}

void sched::setLoopName(Operation *op, llvm::StringRef name) {
  op->setAttr(AlloDialect::kName, StringAttr::get(op->getContext(), name));
  op->removeAttr(AlloDialect::kLabel);
  // A new or restructured loop is no longer the normalised form of a source
  // decreasing loop.
  op->removeAttr(AlloDialect::kReverseStart);
  op->removeAttr(AlloDialect::kReverseLimit);
  op->removeAttr(AlloDialect::kReverseStep);
}

void sched::mergeLoopAttrs(Operation *from, NamedAttrList &into) {
  for (NamedAttribute a : from->getDiscardableAttrs()) {
    llvm::StringRef n = a.getName().getValue();
    if (n == AlloDialect::kName || n == AlloDialect::kLabel || n == AlloDialect::kInductionVar ||
        n == AlloDialect::kReverseStart || n == AlloDialect::kReverseLimit ||
        n == AlloDialect::kReverseStep)
      continue;
    if (n == AlloDialect::kPragmas) {
      auto mine = llvm::dyn_cast_or_null<ArrayAttr>(into.get(n));
      auto theirs = llvm::dyn_cast<ArrayAttr>(a.getValue());
      if (mine && theirs) {
        llvm::SmallVector<Attribute, 4> all(mine.begin(), mine.end());
        all.append(theirs.begin(), theirs.end());
        into.set(n, ArrayAttr::get(from->getContext(), all));
        continue;
      }
    }
    into.set(a.getName(), a.getValue());
  }
}

void sched::copyLoopAttrs(Operation *from, Operation *to) {
  NamedAttrList list(llvm::to_vector(to->getDiscardableAttrs()));
  mergeLoopAttrs(from, list);
  for (NamedAttribute a : list)
    to->setAttr(a.getName(), a.getValue());
}

std::string sched::locString(Location loc) {
  if (auto f = llvm::dyn_cast<FileLineColLoc>(loc))
    return llvm::sys::path::filename(f.getFilename().getValue()).str() + ":" +
           std::to_string(f.getLine()) + ":" + std::to_string(f.getColumn());
  if (auto n = llvm::dyn_cast<NameLoc>(loc))
    return locString(n.getChildLoc());
  if (auto fused = llvm::dyn_cast<FusedLoc>(loc))
    for (Location l : fused.getLocations()) {
      std::string s = locString(l);
      if (!s.empty())
        return s;
    }
  return "";
}

std::string sched::describeLoop(Operation *op) {
  auto f = op->getParentOfType<func::FuncOp>();
  llvm::StringRef n = loopName(op);
  if (!n.empty())
    return "'" + (f ? f.getSymName().str() + ":" : std::string()) + n.str() + "'";
  std::string where = locString(op->getLoc());
  return "the loop" + (where.empty() ? std::string() : " at " + where);
}

std::vector<std::string> sched::loopNamesOf(func::FuncOp f) {
  std::vector<std::string> names;
  f.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isLoop(op) && !loopName(op).empty())
      names.push_back(loopName(op).str());
  });
  return names;
}

Operation *sched::findLoop(func::FuncOp f, llvm::StringRef name) {
  Operation *found = nullptr;
  f.walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (isLoop(op) && loopName(op) == name) {
      found = op;
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return found;
}

std::string sched::arrayName(Value memref) {
  if (auto arg = llvm::dyn_cast<BlockArgument>(memref)) {
    if (auto f = llvm::dyn_cast<func::FuncOp>(arg.getOwner()->getParentOp()))
      if (auto n = f.getArgAttrOfType<StringAttr>(arg.getArgNumber(), AlloDialect::kName))
        return n.getValue().str();
    return "arg" + std::to_string(arg.getArgNumber());
  }
  if (Operation *d = memref.getDefiningOp()) {
    if (auto n = d->getAttrOfType<StringAttr>(AlloDialect::kName))
      return n.getValue().str();
    if (auto g = llvm::dyn_cast<memref::GetGlobalOp>(d))
      return g.getName().str();
  }
  return "a memref";
}

//===----------------------------------------------------------------------===//
// Arrays
//===----------------------------------------------------------------------===//

Value ArraySite::value() const {
  return arg >= 0 ? Value(func.getArgument(arg)) : Value(alloca.getResult());
}

MemRefType ArraySite::type() const { return llvm::cast<MemRefType>(value().getType()); }

Location ArraySite::loc() const {
  return arg >= 0 ? func.getArgument(arg).getLoc() : alloca.getLoc();
}

std::string ArraySite::str() const { return func.getSymName().str() + ":" + arrayName(value()); }

ArrayAttr ArraySite::partitions() const {
  Attribute a = arg >= 0 ? func.getArgAttr(arg, AlloDialect::kPartition)
                         : alloca->getAttr(AlloDialect::kPartition);
  return llvm::dyn_cast_or_null<ArrayAttr>(a);
}

void ArraySite::setPartitions(ArrayAttr a) const {
  if (arg >= 0)
    func.setArgAttr(arg, AlloDialect::kPartition, a);
  else
    alloca->setAttr(AlloDialect::kPartition, a);
}

//===----------------------------------------------------------------------===//
// StepContext
//===----------------------------------------------------------------------===//

Location StepContext::locOf(SchedulePos pos) const {
  if (!pos.line)
    return FileLineColLoc::get(ctx, step.file, 1, 1);
  return FileLineColLoc::get(ctx, step.file, pos.line, pos.col);
}

InFlightDiagnostic StepContext::error(const llvm::Twine &msg) {
  return emitError(locOf(step.pos)) << step.path << " (" << step.summary() << "): " << msg.str();
}

InFlightDiagnostic StepContext::error(const std::string &path, SchedulePos pos,
                                      const llvm::Twine &msg) {
  if (!pos.line)
    pos = step.pos;
  return emitError(locOf(pos)) << (path.empty() ? step.path : path) << ": " << msg.str();
}

func::FuncOp StepContext::function(const ScheduleRef &ref) {
  if (auto f = module.lookupSymbol<func::FuncOp>(ref.func))
    return f;
  std::vector<std::string> names;
  for (auto f : module.getOps<func::FuncOp>())
    names.push_back(f.getSymName().str());
  std::string near = closestMatch(ref.func, names);
  auto d = error(ref, "unknown function '" + ref.func + "'");
  d.attachNote(locOf(ref.pos)) << (near.empty() ? "" : "did you mean '" + near + "'? ")
                               << "functions in the module: "
                               << (names.empty() ? std::string("(none)") : llvm::join(names, ", "));
  return nullptr;
}

/// Does `written` name `loop` with some of its numbers left out? Loops that
/// share a source name are numbered (`j#0`, `j#1`) and the names of the loops
/// steps make from them keep the number (`j#1.inner`, `i#0.j.fused`); each
/// dot-separated part of `written` must be the loop's part, or that part
/// without its `#<n>`.
static bool matchesWithoutNumbers(llvm::StringRef written, llvm::StringRef loop) {
  llvm::SmallVector<llvm::StringRef, 4> w, l;
  written.split(w, '.');
  loop.split(l, '.');
  if (w.size() != l.size())
    return false;
  for (size_t k = 0; k < w.size(); ++k) {
    if (w[k] == l[k])
      continue;
    auto [base, number] = l[k].rsplit('#');
    if (number.empty() || number.size() == l[k].size() || base != w[k] ||
        !llvm::all_of(number, llvm::isDigit))
      return false;
  }
  return true;
}

Operation *StepContext::loop(const ScheduleRef &ref) {
  func::FuncOp f = function(ref);
  if (!f)
    return nullptr;
  if (Operation *op = findLoop(f, ref.name))
    return op;
  std::vector<std::string> names = loopNamesOf(f);
  // A name with its numbers left out (`j` for `j#1`, `j.inner` for
  // `j#1.inner`): the loop if it is the only one, else ambiguous. So once a
  // step leaves one loop of a repeated name (the others unrolled away, or
  // renamed by split or fuse), its plain name resolves.
  std::vector<std::string> numbered;
  for (const std::string &n : names)
    if (matchesWithoutNumbers(ref.name, n))
      numbered.push_back(n);
  if (numbered.size() == 1)
    return findLoop(f, numbered.front());
  if (!numbered.empty()) {
    for (std::string &n : numbered)
      n = ref.func + ":" + n;
    auto d = error(ref, "loop name '" + ref.str() + "' is ambiguous: " + ref.func + " has " +
                            std::to_string(numbered.size()) + " loops named '" + ref.name + "'");
    d.attachNote(locOf(ref.pos)) << "use one of: " << llvm::join(numbered, ", ");
    return nullptr;
  }
  // Not a loop but an array?
  bool isArray = false;
  for (unsigned i = 0; i < f.getNumArguments(); ++i)
    if (auto n = f.getArgAttrOfType<StringAttr>(i, AlloDialect::kName))
      isArray |= n.getValue() == ref.name && llvm::isa<MemRefType>(f.getArgumentTypes()[i]);
  f.walk([&](memref::AllocaOp a) {
    if (auto n = a->getAttrOfType<StringAttr>(AlloDialect::kName))
      isArray |= n.getValue() == ref.name;
  });
  std::string near = closestMatch(ref.name, names);
  auto d =
      error(ref, "unknown loop '" + ref.str() + "'" +
                     (isArray ? " ('" + ref.name + "' is an array of " + ref.func + ", not a loop)"
                              : ""));
  d.attachNote(locOf(ref.pos)) << (near.empty() ? ""
                                                : "did you mean '" + ref.func + ":" + near + "'? ")
                               << "loops of " << ref.func << ": "
                               << (names.empty() ? std::string("(none)") : llvm::join(names, ", "));
  return nullptr;
}

LogicalResult StepContext::arrayAndLoop(llvm::StringRef what, std::optional<ArraySite> &arr,
                                        affine::AffineForOp &loop) {
  arr = array(*step.array());
  if (!arr)
    return failure();
  loop = affineLoop(loops.front(), what);
  if (!loop)
    return failure();
  if (loop->getParentOfType<func::FuncOp>() != arr->func) {
    error(loops.front(), "loop '" + loops.front().str() + "' is not in the function of '" +
                             step.array()->str() + "'");
    return failure();
  }
  return success();
}

affine::AffineForOp StepContext::affineLoop(const ScheduleRef &ref, llvm::StringRef what) {
  Operation *op = loop(ref);
  if (!op)
    return nullptr;
  if (auto f = llvm::dyn_cast<affine::AffineForOp>(op))
    return f;
  auto d = error(ref, "cannot " + what + " '" + ref.str() + "': it is an " +
                          op->getName().getStringRef() + ", not an affine.for");
  d.attachNote(op->getLoc())
      << "the loop is here; only loops with constant steps and affine bounds "
         "(raised to affine.for) can be transformed in the IR";
  return nullptr;
}

bool StepContext::affineLoops(llvm::SmallVectorImpl<affine::AffineForOp> &out,
                              llvm::StringRef what) {
  bool ok = true;
  for (const ScheduleRef &r : loops) {
    if (r.func != loops.front().func) {
      error(r, "all loops of one \"" + step.op + "\" must belong to one function; '" + r.str() +
                   "' is not in '" + loops.front().func + "'");
      return false;
    }
  }
  for (const ScheduleRef &r : loops) {
    affine::AffineForOp f = affineLoop(r, what);
    if (!f)
      ok = false;
    out.push_back(f);
  }
  return ok;
}

LogicalResult StepContext::checkFreshName(func::FuncOp f, llvm::StringRef name,
                                          const ScheduleRef &ref) {
  if (Operation *existing = findLoop(f, name)) {
    auto d = error(ref, "the new loop name '" + f.getSymName().str() + ":" + name.str() +
                            "' is already taken");
    d.attachNote(existing->getLoc())
        << "by this loop; loop names must stay unique within a function";
    return failure();
  }
  return success();
}

std::optional<ArraySite> StepContext::array(const ScheduleRef &ref) {
  func::FuncOp f = function(ref);
  if (!f)
    return std::nullopt;
  std::vector<ArraySite> found;
  std::vector<std::string> names;
  auto isStreamArray = [](Type t) {
    auto mt = llvm::dyn_cast<MemRefType>(t);
    return mt && llvm::isa<StreamType>(mt.getElementType());
  };
  for (unsigned i = 0; i < f.getNumArguments(); ++i) {
    if (!llvm::isa<MemRefType>(f.getArgumentTypes()[i]) || isStreamArray(f.getArgumentTypes()[i]))
      continue;
    auto n = f.getArgAttrOfType<StringAttr>(i, AlloDialect::kName);
    if (!n)
      continue;
    names.push_back(n.getValue().str());
    if (n.getValue() == ref.name && !f.isExternal())
      found.push_back(ArraySite{f, (int)i, nullptr});
  }
  f.walk([&](memref::AllocaOp a) {
    auto n = a->getAttrOfType<StringAttr>(AlloDialect::kName);
    if (!n || a.getType().getRank() == 0)
      return;
    names.push_back(n.getValue().str());
    if (n.getValue() == ref.name)
      found.push_back(ArraySite{f, -1, a});
  });
  // An array of structs is one array per field in the IR (scalar
  // replacement); a step naming it cannot apply to "the array".
  for (const ArraySite &site : found) {
    auto field = site.arg >= 0 ? f.getArgAttrOfType<StringAttr>(site.arg, AlloDialect::kField)
                               : site.alloca->getAttrOfType<StringAttr>(AlloDialect::kField);
    if (!field)
      continue;
    auto ct = site.arg >= 0 ? f.getArgAttrOfType<StringAttr>(site.arg, AlloDialect::kCType)
                            : site.alloca->getAttrOfType<StringAttr>(AlloDialect::kCType);
    auto d = error(ref, "'" + ref.str() + "' is a struct variable (" +
                            (ct ? ct.getValue().str() : std::string("a struct")) +
                            "), raised as one array per field; schedule steps on structs and "
                            "arrays of structs are not supported yet");
    d.attachNote(site.loc()) << "declared here";
    return std::nullopt;
  }
  if (found.size() == 1)
    return found.front();
  if (found.size() > 1) {
    auto d = error(ref, "array name '" + ref.str() + "' is ambiguous: " + ref.func + " has " +
                            std::to_string(found.size()) + " arrays named '" + ref.name + "'");
    for (const ArraySite &s : found)
      d.attachNote(s.loc()) << "one is here";
    return std::nullopt;
  }
  // A scalar, or a loop?
  std::string what;
  for (unsigned i = 0; i < f.getNumArguments(); ++i)
    if (auto n = f.getArgAttrOfType<StringAttr>(i, AlloDialect::kName))
      if (n.getValue() == ref.name)
        what = " ('" + ref.name + "' is a scalar parameter, not an array)";
  f.walk([&](memref::AllocaOp a) {
    if (auto n = a->getAttrOfType<StringAttr>(AlloDialect::kName))
      if (n.getValue() == ref.name && a.getType().getRank() == 0)
        what = " ('" + ref.name + "' is a scalar variable, not an array)";
  });
  // Arrays of streams: every element is its own FIFO.
  auto streamArrayNamed = [&](Value v, Attribute name) {
    auto n = llvm::dyn_cast_or_null<StringAttr>(name);
    if (n && n.getValue() == ref.name && isStreamArray(v.getType()))
      what = " ('" + ref.name +
             "' is an array of streams: each element is a FIFO of its own, "
             "which array steps do not apply to)";
  };
  for (unsigned i = 0; i < f.getNumArguments(); ++i)
    streamArrayNamed(f.getArgument(i), f.getArgAttr(i, AlloDialect::kName));
  f.walk([&](StreamCreateOp sc) {
    streamArrayNamed(sc.getResult(), sc->getAttr(AlloDialect::kName));
  });
  if (what.empty() && findLoop(f, ref.name))
    what = " ('" + ref.name + "' is a loop, not an array)";
  std::string near = closestMatch(ref.name, names);
  auto d = error(ref, "unknown array '" + ref.str() + "'" + what);
  d.attachNote(locOf(ref.pos)) << (near.empty() ? ""
                                                : "did you mean '" + ref.func + ":" + near + "'? ")
                               << "arrays of " << ref.func << ": "
                               << (names.empty() ? std::string("(none)") : llvm::join(names, ", "));
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// Bands
//===----------------------------------------------------------------------===//

static bool isHoistableConstant(Operation &op) {
  return op.hasTrait<OpTrait::ConstantLike>() && op.getNumRegions() == 0;
}

/// Pure, region-free, used only inside the next loop of the band (or by other
/// such operations beside it), and not a bound operand of any loop of
/// band[from..].
static bool isSinkable(Operation &op, llvm::ArrayRef<affine::AffineForOp> band, size_t from) {
  if (!isPure(&op) || op.getNumRegions() != 0)
    return false;
  Operation *next = affine::AffineForOp(band[from]).getOperation();
  for (Operation *user : op.getUsers()) {
    for (size_t j = from; j < band.size(); ++j)
      if (user == affine::AffineForOp(band[j]).getOperation())
        return false;
    bool inside = next->isProperAncestor(user);
    bool beside = user->getBlock() == op.getBlock() && !user->hasTrait<OpTrait::IsTerminator>();
    if (!inside && !beside)
      return false;
  }
  return true;
}

LogicalResult sched::perfectBand(StepContext &c, affine::AffineForOp outer,
                                 affine::AffineForOp inner,
                                 llvm::SmallVectorImpl<affine::AffineForOp> &band) {
  band.clear();
  if (outer != inner && !outer->isProperAncestor(inner)) {
    c.error(describeLoop(inner) + " is not nested inside " + describeLoop(outer));
    return failure();
  }
  // Walk up from inner to outer.
  llvm::SmallVector<affine::AffineForOp, 4> chain;
  for (Operation *op = inner; op; op = op->getParentOp()) {
    auto f = llvm::dyn_cast<affine::AffineForOp>(op);
    if (!f) {
      auto d = c.error(describeLoop(inner) + " is not directly nested in " + describeLoop(outer) +
                       ": there is an '" + op->getName().getStringRef() + "' between them");
      d.attachNote(op->getLoc()) << "here";
      return failure();
    }
    chain.push_back(f);
    if (f == outer)
      break;
  }
  band.assign(chain.rbegin(), chain.rend());
  for (size_t i = 0; i + 1 < band.size(); ++i) {
    for (Operation &op : band[i].getBody()->without_terminator()) {
      if (&op == band[i + 1].getOperation() || isHoistableConstant(op) ||
          isSinkable(op, band, i + 1))
        continue;
      auto d = c.error("the loops are not perfectly nested: " + describeLoop(band[i]) +
                       " holds other operations besides " + describeLoop(band[i + 1]));
      d.attachNote(op.getLoc()) << "for example this '" << op.getName() << "'";
      return failure();
    }
  }
  return success();
}

void sched::prepareBand(llvm::ArrayRef<affine::AffineForOp> band) {
  if (band.size() < 2)
    return;
  affine::AffineForOp outermost = band.front(), innermost = band.back();
  Operation *anchor = &innermost.getBody()->front();
  for (size_t i = 0; i + 1 < band.size(); ++i) {
    affine::AffineForOp loop = band[i];
    llvm::SmallVector<Operation *, 4> ops;
    for (Operation &op : loop.getBody()->without_terminator())
      if (&op != affine::AffineForOp(band[i + 1]).getOperation())
        ops.push_back(&op);
    for (Operation *op : ops) {
      if (isHoistableConstant(*op))
        op->moveBefore(outermost);
      else
        op->moveBefore(anchor);
    }
  }
}
