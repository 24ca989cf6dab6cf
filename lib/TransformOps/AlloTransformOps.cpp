//===- AlloTransformOps.cpp - The allo Transform extension ----------------===//
//
// Every op is generic over the op table: apply reads the op's step back
// (stepOfOp) and calls allo::applyStep; verify checks the table's rules.
// What the steps of one interpreter run share (options, the compose chain,
// the steps of each sequence converted once) lives in a TransformState
// extension, added by applyScheduleSteps or, for scripts run by allo-opt
// --transform-interpreter, by the first op that needs it.
//
//===----------------------------------------------------------------------===//
#include "allo/TransformOps/AlloTransformOps.h"

#include "allo/Dialect/Allo/AlloDialect.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/IR/TransformOps.h"
#include "mlir/Dialect/Transform/IR/TransformTypes.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/Verifier.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

using namespace mlir;
using namespace allo;
using namespace allo::transform;

#define GET_OP_CLASSES
#include "allo/TransformOps/AlloTransformOps.cpp.inc"

namespace {

class AlloTransformExtension
    : public mlir::transform::TransformDialectExtension<AlloTransformExtension> {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(AlloTransformExtension)
  using Base::Base;

  void init() {
    declareGeneratedDialect<AlloDialect>();
    declareGeneratedDialect<affine::AffineDialect>();
    declareGeneratedDialect<arith::ArithDialect>();
    declareGeneratedDialect<func::FuncDialect>();
    declareGeneratedDialect<memref::MemRefDialect>();
    declareGeneratedDialect<scf::SCFDialect>();
    registerTransformOps<
#define GET_OP_LIST
#include "allo/TransformOps/AlloTransformOps.cpp.inc"
        >();
  }
};

/// Where a step and its fields are: for ops built from a schedule, a fused
/// location of NameLocs "steps[2]", "steps[2].factor", ... around their
/// file:line:col; otherwise the op's own location.
struct StepPlaces {
  std::string file, path;
  SchedulePos pos;
  llvm::StringMap<SchedulePos> fields;
};

bool fileLineCol(Location loc, std::string &file, SchedulePos &pos) {
  if (auto f = llvm::dyn_cast<FileLineColLoc>(loc)) {
    file = f.getFilename().str();
    pos = {f.getLine(), f.getColumn()};
    return true;
  }
  if (auto n = llvm::dyn_cast<NameLoc>(loc))
    return fileLineCol(n.getChildLoc(), file, pos);
  if (auto c = llvm::dyn_cast<CallSiteLoc>(loc))
    return fileLineCol(c.getCallee(), file, pos);
  if (auto fused = llvm::dyn_cast<FusedLoc>(loc))
    for (Location l : fused.getLocations())
      if (fileLineCol(l, file, pos))
        return true;
  return false;
}

StepPlaces placesOf(Operation *op) {
  StepPlaces p;
  llvm::SmallVector<Location, 8> locs;
  if (auto fused = llvm::dyn_cast<FusedLoc>(op->getLoc()))
    locs.append(fused.getLocations().begin(), fused.getLocations().end());
  else
    locs.push_back(op->getLoc());
  auto first = llvm::dyn_cast<NameLoc>(locs.front());
  if (first && llvm::StringRef(first.getName().getValue()).starts_with("steps[")) {
    p.path = first.getName().str();
    fileLineCol(first, p.file, p.pos);
    for (Location l : llvm::drop_begin(locs))
      if (auto n = llvm::dyn_cast<NameLoc>(l)) {
        std::string file;
        SchedulePos pos;
        if (fileLineCol(n, file, pos))
          p.fields[n.getName().getValue()] = pos;
      }
    return p;
  }
  p.path = op->getName().getStringRef().str();
  fileLineCol(op->getLoc(), p.file, p.pos);
  return p;
}

ScheduleRef refOf(llvm::StringRef s, FieldKind kind, const std::string &path,
                  const StepPlaces &places) {
  ScheduleRef r;
  r.spelled = s.str();
  r.path = path;
  auto it = places.fields.find(path);
  r.pos = it != places.fields.end() ? it->second : places.pos;
  if (kind == FieldKind::Function) {
    r.func = s.str();
  } else {
    auto [f, n] = s.split(':');
    r.func = f.str();
    r.name = n.str();
  }
  return r;
}

/// What the ops of one interpreter run share.
class ScheduleRunState : public mlir::transform::TransformState::Extension {
public:
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ScheduleRunState)
  ScheduleRunState(mlir::transform::TransformState &state, ScheduleRun *given)
      : Extension(state), run(given ? given : &own) {}

  ScheduleRun *run;
  /// The steps of the schedule ops of each block, converted once.
  llvm::DenseMap<Block *, std::vector<ScheduleStep>> steps;
  llvm::DenseMap<Operation *, unsigned> index;

  /// The steps of `op`'s block and the position of `op` among them.
  std::pair<llvm::ArrayRef<ScheduleStep>, unsigned> stepsAround(Operation *op) {
    Block *b = op->getBlock();
    auto it = steps.find(b);
    if (it == steps.end()) {
      std::vector<ScheduleStep> all;
      for (Operation &o : *b)
        if (findScheduleOp(o.getName().getStringRef())) {
          index[&o] = all.size();
          all.push_back(stepOfOp(&o));
          all.back().index = index[&o];
        }
      it = steps.try_emplace(b, std::move(all)).first;
    }
    return {it->second, index.lookup(op)};
  }

private:
  ScheduleRun own;
};

} // namespace

ScheduleStep allo::stepOfOp(Operation *op) {
  ScheduleStep s;
  const OpSpec *spec = findScheduleOp(op->getName().getStringRef());
  if (!spec)
    return s;
  initStepFields(s, *spec);
  StepPlaces places = placesOf(op);
  s.path = places.path;
  s.file = places.file;
  s.pos = places.pos;
  for (StepField &f : s.fields) {
    Attribute a = op->getAttr(f.spec->attr);
    if (!a)
      continue;
    f.given = true;
    f.path = s.path + "." + f.spec->name;
    auto it = places.fields.find(f.path);
    f.pos = it != places.fields.end() ? it->second : s.pos;
    switch (f.spec->kind) {
    case FieldKind::Loop:
    case FieldKind::Function:
    case FieldKind::Array:
      if (auto str = llvm::dyn_cast<StringAttr>(a))
        f.refs.push_back(refOf(str.getValue(), f.spec->kind, f.path, places));
      break;
    case FieldKind::Loops:
      if (auto list = llvm::dyn_cast<ArrayAttr>(a))
        for (auto [k, e] : llvm::enumerate(list))
          if (auto str = llvm::dyn_cast<StringAttr>(e))
            f.refs.push_back(refOf(str.getValue(), FieldKind::Loop,
                                   f.path + "[" + std::to_string(k) + "]", places));
      break;
    case FieldKind::Int:
      if (auto i = llvm::dyn_cast<IntegerAttr>(a))
        f.integer = i.getInt();
      break;
    case FieldKind::Bool:
      if (auto b = llvm::dyn_cast<BoolAttr>(a))
        f.flag = b.getValue();
      break;
    case FieldKind::Enum:
    case FieldKind::String:
      if (auto str = llvm::dyn_cast<StringAttr>(a))
        f.text = str.str();
      break;
    case FieldKind::IntList:
      if (auto list = llvm::dyn_cast<DenseI64ArrayAttr>(a))
        f.ints.assign(list.asArrayRef().begin(), list.asArrayRef().end());
      break;
    }
  }
  return s;
}

LogicalResult allo::transform::verifyScheduleOp(Operation *op) {
  const OpSpec *spec = findScheduleOp(op->getName().getStringRef());
  if (!spec)
    return op->emitOpError("is not in the schedule op table");
  auto isName = [](llvm::StringRef s, FieldKind kind) {
    if (kind == FieldKind::Function)
      return !s.empty() && !s.contains(':');
    auto [f, n] = s.split(':');
    return s.contains(':') && !f.empty() && !n.empty();
  };
  const char *nameForm = "\"func:name\"";
  for (const FieldSpec &f : spec->fields) {
    Attribute a = op->getAttr(f.attr);
    if (!a)
      continue;
    switch (f.kind) {
    case FieldKind::Loop:
    case FieldKind::Function:
    case FieldKind::Array:
      if (!isName(llvm::cast<StringAttr>(a).getValue(), f.kind))
        return op->emitOpError() << "'" << f.attr << "' must be "
                                 << (f.kind == FieldKind::Function ? "a function name" : nameForm)
                                 << ", got " << a;
      break;
    case FieldKind::Loops: {
      auto list = llvm::cast<ArrayAttr>(a);
      if ((int64_t)list.size() < f.min)
        return op->emitOpError() << "'" << f.attr << "' needs at least " << f.min << " loops";
      llvm::StringSet<> seen;
      for (Attribute e : list) {
        llvm::StringRef s = llvm::cast<StringAttr>(e).getValue();
        if (!isName(s, FieldKind::Loop))
          return op->emitOpError() << "'" << f.attr << "' must list " << nameForm << ", got " << e;
        if (!seen.insert(s).second)
          return op->emitOpError() << "loop '" << s << "' is listed twice";
      }
      break;
    }
    case FieldKind::Int: {
      int64_t v = llvm::cast<IntegerAttr>(a).getInt();
      if (v < f.min || v > f.max)
        return op->emitOpError() << "'" << f.attr << "' must be from " << f.min << " to " << f.max
                                 << ", got " << v;
      break;
    }
    case FieldKind::IntList: {
      auto list = llvm::cast<DenseI64ArrayAttr>(a).asArrayRef();
      if (list.empty())
        return op->emitOpError() << "'" << f.attr << "' must not be empty";
      for (int64_t v : list)
        if (v < f.min || v > f.max)
          return op->emitOpError()
                 << "'" << f.attr << "' holds " << v << ", not from " << f.min << " to " << f.max;
      break;
    }
    case FieldKind::Enum: {
      llvm::StringRef v = llvm::cast<StringAttr>(a).getValue();
      if (!llvm::is_contained(f.values, v)) {
        auto d = op->emitOpError() << "'" << f.attr << "' must be one of";
        for (const char *e : f.values)
          d << " " << e;
        return d << ", got \"" << v << "\"";
      }
      break;
    }
    case FieldKind::String:
      if (llvm::cast<StringAttr>(a).getValue().empty())
        return op->emitOpError() << "'" << f.attr << "' must not be empty";
      break;
    case FieldKind::Bool: break;
    }
  }
  for (const auto &group : spec->exactlyOneOf) {
    unsigned n = 0;
    std::string names;
    for (const char *g : group) {
      const FieldSpec *f = spec->field(g);
      n += f && op->getAttr(f->attr) ? 1 : 0;
      names += (names.empty() ? "'" : "' or '") + std::string(f ? f->attr : g);
    }
    if (n != 1)
      return op->emitOpError() << "takes exactly one of " << names << "'";
  }
  if (spec->check)
    if (std::optional<StepProblem> p = spec->check(stepOfOp(op))) {
      auto d = op->emitOpError() << p->message;
      if (!p->suggestion.empty())
        d.attachNote() << p->suggestion;
      return d;
    }
  return success();
}

DiagnosedSilenceableFailure
allo::transform::applyScheduleOp(Operation *op, mlir::transform::TransformResults &results,
                                 mlir::transform::TransformState &state) {
  auto payload = llvm::to_vector(state.getPayloadOps(op->getOperand(0)));
  ModuleOp module;
  if (payload.size() == 1)
    module = llvm::dyn_cast<ModuleOp>(payload.front());
  if (!module) {
    DiagnosedSilenceableFailure d = emitDefiniteFailure(op);
    d.attachNote() << "the operand must hold one builtin.module (the payload root), got "
                   << payload.size() << " op(s)"
                   << (payload.size() == 1
                           ? " of kind " + payload.front()->getName().getStringRef().str()
                           : std::string());
    return d;
  }
  auto *ext = state.getExtension<ScheduleRunState>();
  if (!ext) {
    (void)state.addExtension<ScheduleRunState>(nullptr);
    ext = state.getExtension<ScheduleRunState>();
  }
  auto [steps, i] = ext->stepsAround(op);
  if (failed(applyStep(module, steps[i], steps.drop_front(i + 1), *ext->run)))
    return DiagnosedSilenceableFailure::definiteFailure(); // reported by the step
  results.set(llvm::cast<OpResult>(op->getResult(0)), {module.getOperation()});
  return DiagnosedSilenceableFailure::success();
}

void allo::registerAlloTransformExtension(DialectRegistry &registry) {
  registry.addExtensions<AlloTransformExtension>();
}

//===----------------------------------------------------------------------===//
// Schedules as scripts
//===----------------------------------------------------------------------===//

/// Makes the transform dialect and the allo extension available in `ctx`
/// (contexts made by the drivers and the tests know only the payload
/// dialects).
static void ensureTransformOps(MLIRContext *ctx) {
  if (RegisteredOperationName::lookup(SplitOp::getOperationName(), ctx))
    return;
  DialectRegistry registry;
  registry.insert<mlir::transform::TransformDialect>();
  registerAlloTransformExtension(registry);
  ctx->appendDialectRegistry(registry);
  ctx->getOrLoadDialect<mlir::transform::TransformDialect>();
}

OwningOpRef<ModuleOp> allo::buildTransformScript(MLIRContext *ctx, const Schedule &schedule) {
  ensureTransformOps(ctx);
  OpBuilder b(ctx);
  Location fileLoc = FileLineColLoc::get(ctx, schedule.file, 1, 1);
  OwningOpRef<ModuleOp> script = ModuleOp::create(fileLoc);
  (*script)->setAttr(mlir::transform::TransformDialect::kWithNamedSequenceAttrName,
                     b.getUnitAttr());
  b.setInsertionPointToEnd(script->getBody());
  Type handle = mlir::transform::AnyOpType::get(ctx);
  auto seq = mlir::transform::NamedSequenceOp::create(
      b, fileLoc, kTransformEntry, TypeAttr::get(b.getFunctionType({handle}, {})),
      /*sym_visibility=*/StringAttr(),
      b.getArrayAttr({b.getDictionaryAttr(b.getNamedAttr(
          mlir::transform::TransformDialect::kArgConsumedAttrName, b.getUnitAttr()))}),
      /*res_attrs=*/ArrayAttr());
  Block *body = b.createBlock(&seq.getBody(), {}, {handle}, {fileLoc});
  Value root = body->getArgument(0);

  auto at = [&](const std::string &path, SchedulePos pos) -> Location {
    Location flc = pos.line ? FileLineColLoc::get(ctx, schedule.file, pos.line, pos.col)
                            : FileLineColLoc::get(ctx, schedule.file, 1, 1);
    return NameLoc::get(StringAttr::get(ctx, path), flc);
  };
  for (const ScheduleStep &step : schedule.steps) {
    llvm::SmallVector<Location, 8> locs = {at(step.path, step.pos)};
    OperationState st(fileLoc, step.spec->opName);
    st.addOperands(root);
    st.addTypes(handle);
    for (const StepField &f : step.fields) {
      if (!f.given)
        continue;
      locs.push_back(at(f.path, f.pos));
      Attribute value;
      switch (f.spec->kind) {
      case FieldKind::Loop:
      case FieldKind::Function:
      case FieldKind::Array: value = b.getStringAttr(f.refs.front().str()); break;
      case FieldKind::Loops: {
        llvm::SmallVector<Attribute, 4> names;
        for (const ScheduleRef &r : f.refs) {
          names.push_back(b.getStringAttr(r.str()));
          locs.push_back(at(r.path, r.pos));
        }
        value = b.getArrayAttr(names);
        break;
      }
      case FieldKind::Int: value = b.getI64IntegerAttr(f.integer); break;
      case FieldKind::Bool: value = b.getBoolAttr(f.flag); break;
      case FieldKind::Enum:
      case FieldKind::String: value = b.getStringAttr(f.text); break;
      case FieldKind::IntList: value = b.getDenseI64ArrayAttr(f.ints); break;
      }
      st.addAttribute(f.spec->attr, value);
    }
    st.location = FusedLoc::get(ctx, locs);
    root = b.create(st)->getResult(0);
  }
  mlir::transform::YieldOp::create(b, fileLoc);
  return script;
}

LogicalResult allo::applyScheduleSteps(ModuleOp module, const Schedule &schedule,
                                       ScheduleRun &run) {
  MLIRContext *ctx = module.getContext();
  OwningOpRef<ModuleOp> script = buildTransformScript(ctx, schedule);
  auto entry = script->lookupSymbol<mlir::transform::NamedSequenceOp>(kTransformEntry);
  if (failed(mlir::verify(*script)))
    return failure(); // the parser checked every field: this is a bug, already reported
  return mlir::transform::applyTransforms(
      module, llvm::cast<mlir::transform::TransformOpInterface>(entry.getOperation()), {},
      mlir::transform::TransformOptions(), /*enforceToplevelTransformOp=*/false,
      [&](mlir::transform::TransformState &state) {
        (void)state.addExtension<ScheduleRunState>(&run);
      });
}
