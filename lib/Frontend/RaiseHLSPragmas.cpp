//===- RaiseHLSPragmas.cpp - #pragma HLS to allo attributes ---------------===//
//
// A pragma applies to the innermost loop whose body it is written in, or to
// the function when it is outside every loop (the Vitis HLS rule). Known
// directives become the same attributes as the allo:: attributes; everything
// else is kept verbatim (allo.pragmas) and re-emitted in place.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Attrs/HLSPragmas.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"

#include <limits>

using namespace clang;
using namespace allo;
using namespace allo::raise;

namespace {
const Stmt *bodyOf(const Stmt *loop) {
  if (auto *f = dyn_cast<ForStmt>(loop))
    return f->getBody();
  if (auto *w = dyn_cast<WhileStmt>(loop))
    return w->getBody();
  if (auto *d = dyn_cast<DoStmt>(loop))
    return d->getBody();
  return nullptr;
}

bool within(const SourceManager &sm, SourceRange r, SourceLocation l) {
  SourceLocation b = sm.getExpansionLoc(r.getBegin()), e = sm.getExpansionLoc(r.getEnd());
  l = sm.getExpansionLoc(l);
  return sm.isBeforeInTranslationUnit(b, l) && sm.isBeforeInTranslationUnit(l, e);
}

} // namespace

const VarDecl *FunctionRaiser::pragmaVariable(llvm::StringRef name, SourceLocation at) {
  // The variable a `variable=` / `port=` option names where the pragma is:
  // one declared before it whose scope holds it, the innermost if several.
  const SourceManager &sm = ast.getSourceManager();
  llvm::SmallVector<const VarDecl *, 2> found;
  for (auto &kv : vars)
    if (kv.first->getName() == name)
      found.push_back(kv.first);
  if (found.size() <= 1)
    return found.empty() ? nullptr : found.front();
  const VarDecl *best = nullptr;
  SourceRange bestScope;
  for (const VarDecl *vd : found) {
    SourceRange scope = fn->getBody()->getSourceRange();
    if (!isa<ParmVarDecl>(vd)) {
      // The statement list the declaration is in (parents of its DeclStmt).
      auto parents = ast.getParents(*vd);
      const Stmt *ds = parents.empty() ? nullptr : parents[0].get<Stmt>();
      if (ds) {
        auto up = ast.getParents(*ds);
        if (const Stmt *owner = up.empty() ? nullptr : up[0].get<Stmt>())
          scope = owner->getSourceRange();
      }
    }
    if (!sm.isBeforeInTranslationUnit(sm.getExpansionLoc(vd->getLocation()),
                                      sm.getExpansionLoc(at)) ||
        !within(sm, scope, at))
      continue;
    if (!best || within(sm, bestScope, scope.getBegin()))
      best = vd, bestScope = scope;
  }
  return best ? best : found.front();
}

std::optional<int64_t> FunctionRaiser::pragmaInt(const HLSPragma &p, llvm::StringRef directive,
                                                 llvm::StringRef option, llvm::StringRef value,
                                                 int64_t min) {
  // A literal, or a constant, template parameter or expression of them
  // (macros are already expanded by the preprocessor).
  int64_t v;
  if (llvm::StringRef(value).getAsInteger(10, v)) {
    std::string why;
    auto e = evaluateIntInFunction(value, fn, why, [&](llvm::StringRef n) -> const NamedDecl * {
      return n.contains("::") ? nullptr : pragmaVariable(n, p.loc);
    });
    if (!e) {
      // (The shared evaluator speaks of attribute arguments.)
      for (size_t at; (at = why.find("attribute argument")) != std::string::npos;)
        why.replace(at, 18, "pragma value");
      fail(p.loc, "#pragma HLS " + directive + ": " + option + "=" + value +
                      " is not an integer constant expression here (" + why + ")");
    }
    v = *e;
  }
  if (v < min)
    fail(p.loc, "#pragma HLS " + directive + ": expected " + option + "=<" +
                    (min > 0 ? "positive" : "non-negative") + " integer>, got " + option + "=" +
                    value + (value != std::to_string(v) ? " = " + std::to_string(v) : ""));
  return v;
}

void FunctionRaiser::applyHLSPragmas(mlir::Operation *op, const Stmt *loop) {
  const SourceManager &sm = ast.getSourceManager();
  SourceRange scope = loop ? bodyOf(loop)->getSourceRange() : fn->getBody()->getSourceRange();
  mlir::Builder mb(&mod.ctx);
  llvm::SmallVector<mlir::Attribute, 4> verbatim;
  if (auto old = op->getAttrOfType<mlir::ArrayAttr>(AlloDialect::kPragmas))
    verbatim.append(old.begin(), old.end());
  // Ports the function's own interface pragmas make m_axi (array_partition
  // is not allowed on them, UG1399); collected when an array_partition of a
  // parameter needs them.
  std::optional<llvm::StringSet<>> maxiPorts;
  auto isMaxiPort = [&](llvm::StringRef port) {
    if (!maxiPorts) {
      maxiPorts.emplace();
      for (const HLSPragma &q : hlsPragmas()) {
        if (!within(sm, fn->getBody()->getSourceRange(), q.loc))
          continue;
        ParsedHLSPragma hq = parseHLSPragma(q.text);
        if (hq.directive == "interface" && (hq.get("mode") == "m_axi" || hq.has("m_axi")) &&
            !hq.get("port").empty())
          maxiPorts->insert(hq.get("port"));
      }
    }
    return maxiPorts->contains(port);
  };
  for (const HLSPragma &p : hlsPragmas()) {
    if (!within(sm, scope, p.loc))
      continue;
    // The innermost loop around the pragma must be `loop` (none at function level).
    const Stmt *innermost = nullptr;
    for (const NamedLoop &l : loopNames.loops())
      if (within(sm, bodyOf(l.loop)->getSourceRange(), p.loc))
        innermost = l.loop; // loops are in pre-order: later = deeper
    if (innermost != loop)
      continue;
    ParsedHLSPragma hp = parseHLSPragma(p.text);
    auto bad = [&](const llvm::Twine &what) {
      fail(p.loc, "#pragma HLS " + hp.directive + ": " + what);
    };
    auto intOption = [&](llvm::StringRef name, llvm::StringRef otherwise, int64_t min) {
      std::string written = name.str(); // the option's name as written (II, factor)
      for (const ParsedHLSPragma::Item &it : hp.items)
        if (it.isOption && llvm::StringRef(it.name).equals_insensitive(name))
          written = it.name;
      return *pragmaInt(p, hp.directive, written, hp.get(name, otherwise), min);
    };
    if (hp.directive == "pipeline" && !hp.has("off")) {
      op->setAttr(AlloDialect::kPipelineII, mb.getI64IntegerAttr(intOption("ii", "1", 1)));
      if (hp.has("rewind"))
        op->setAttr(AlloDialect::kPipelineRewind, mb.getUnitAttr());
      continue;
    }
    if (hp.directive == "unroll" && loop && hp.flags.empty() &&
        (hp.options.empty() || (hp.options.size() == 1 && hp.options.count("factor")))) {
      op->setAttr(AlloDialect::kUnroll, mb.getI64IntegerAttr(intOption("factor", "0", 0)));
      continue;
    }
    if (hp.directive == "loop_flatten" && loop && hp.flags.empty()) {
      op->setAttr(AlloDialect::kFlatten, mb.getUnitAttr());
      continue;
    }
    if (hp.directive == "dataflow" && hp.flags.empty()) {
      op->setAttr(AlloDialect::kDataflow, mb.getUnitAttr());
      continue;
    }
    if (hp.directive == "inline" && !loop &&
        (hp.flags.empty() || hp.flags == std::vector<std::string>{"off"})) {
      op->setAttr(AlloDialect::kInline, mb.getI64IntegerAttr(hp.has("off") ? 0 : 1));
      continue;
    }
    // The variable the directive names, and where it lives.
    const VarDecl *vd = nullptr;
    const Binding *bind = nullptr;
    if (!hp.get("variable").empty()) {
      vd = pragmaVariable(hp.get("variable"), p.loc);
      if (vd)
        bind = &vars[vd];
    }
    auto memrefOf = [&]() {
      return bind && bind->value ? llvm::dyn_cast<mlir::MemRefType>(bind->value.getType())
                                 : mlir::MemRefType();
    };
    auto isStreamValue = [&]() {
      if (!bind || !bind->value)
        return false;
      mlir::Type t = bind->value.getType();
      if (auto mt = llvm::dyn_cast<mlir::MemRefType>(t))
        t = mt.getElementType();
      return llvm::isa<StreamType>(t);
    };
    if (hp.directive == "array_partition") {
      std::string var = hp.get("variable");
      std::string type = hp.get("type");
      for (const char *t : {"complete", "block", "cyclic"})
        if (hp.has(t))
          type = t; // pre-2022 syntax: `array_partition variable=A cyclic factor=4`
      if (type.empty())
        type = "complete";
      if (type != "complete" && type != "block" && type != "cyclic")
        bad("type must be complete, block or cyclic, got '" + type + "'");
      int64_t dim = intOption("dim", "1", 0);
      std::optional<int64_t> factor;
      if (type != "complete") {
        if (hp.get("factor").empty())
          bad("type=" + type + " needs factor=<positive integer>");
        factor = intOption("factor", "", 1);
      }
      if (isStreamValue())
        bad("'" + var +
            "' is an array of streams, which is one FIFO per element already; "
            "array_partition does not apply to it");
      // An array of structs: every field array is partitioned alike (the
      // directive is printed once, for the struct array).
      const Binding *structVar =
          bind && bind->kind == Binding::Struct && bind->agg->structRank > 0 ? bind : nullptr;
      if (structVar) {
        if (dim > structVar->agg->structRank)
          bad("dim=" + std::to_string(dim) + " is out of range: '" + var + "' has " +
              std::to_string(structVar->agg->structRank) + " dimension(s)");
        auto d = PartitionAttr::get(&mod.ctx, type, factor.value_or(0), dim);
        for (mlir::Value leaf : structVar->agg->leaves) {
          auto arg = llvm::dyn_cast<mlir::BlockArgument>(leaf);
          mlir::ArrayAttr old =
              arg ? func.getArgAttrOfType<mlir::ArrayAttr>(arg.getArgNumber(),
                                                           AlloDialect::kPartition)
                  : leaf.getDefiningOp()->getAttrOfType<mlir::ArrayAttr>(AlloDialect::kPartition);
          llvm::SmallVector<mlir::Attribute, 2> list;
          if (old)
            list.append(old.begin(), old.end());
          list.push_back(d);
          if (arg)
            func.setArgAttr(arg.getArgNumber(), AlloDialect::kPartition, mb.getArrayAttr(list));
          else
            leaf.getDefiningOp()->setAttr(AlloDialect::kPartition, mb.getArrayAttr(list));
        }
        continue;
      }
      mlir::MemRefType mt = memrefOf();
      if (!mt || mt.getRank() == 0 || bind->kind != Binding::Memory)
        bad("no array named '" + var + "' in '" + fn->getNameAsString() + "'");
      if (isa<ParmVarDecl>(vd) && isMaxiPort(var))
        bad("'" + var +
            "' is an m_axi port (see its interface pragma); Vitis HLS does not "
            "partition m_axi ports of the top function (UG1399): copy it into a local array "
            "and partition that one");
      mlir::Operation *owner = nullptr;
      int argIndex = -1;
      if (auto arg = llvm::dyn_cast<mlir::BlockArgument>(bind->value))
        argIndex = arg.getArgNumber();
      else
        owner = bind->value.getDefiningOp();
      if (dim > mt.getRank())
        bad("dim=" + std::to_string(dim) + " is out of range: '" + var + "' has " +
            std::to_string(mt.getRank()) + " dimension(s)");
      auto d = PartitionAttr::get(&mod.ctx, type, factor.value_or(0), dim);
      llvm::SmallVector<mlir::Attribute, 2> list;
      mlir::ArrayAttr old =
          owner ? owner->getAttrOfType<mlir::ArrayAttr>(AlloDialect::kPartition)
                : func.getArgAttrOfType<mlir::ArrayAttr>(argIndex, AlloDialect::kPartition);
      if (old)
        list.append(old.begin(), old.end());
      list.push_back(d);
      if (owner)
        owner->setAttr(AlloDialect::kPartition, mb.getArrayAttr(list));
      else
        func.setArgAttr(argIndex, AlloDialect::kPartition, mb.getArrayAttr(list));
      continue;
    }
    if (hp.directive == "stream" && hp.flags.empty() && isStreamValue() &&
        llvm::all_of(hp.options, [](const auto &o) {
          return o.first == "variable" || o.first == "depth" ||
                 (o.first == "type" && o.second == "fifo");
        })) {
      // The depth of a stream variable or of every FIFO of a stream array (a
      // stream pragma on an ordinary array, which turns it into a FIFO, is
      // kept verbatim below).
      if (auto create = llvm::dyn_cast_or_null<StreamCreateOp>(bind->value.getDefiningOp())) {
        create->setAttr("depth", mb.getI64IntegerAttr(intOption("depth", "2", 1)));
        continue;
      }
    }
    if (hp.directive == "stream" && !hp.get("variable").empty() && !vd)
      bad("no stream or array named '" + hp.get("variable") + "' in '" + fn->getNameAsString() +
          "'");
    // Everything else (interface, stream on arrays, loop_tripcount, bind_storage, ...)
    // is re-emitted verbatim, with numeric values that name constants or
    // template parameters printed as the numbers they are here.
    for (ParsedHLSPragma::Item it : std::vector<ParsedHLSPragma::Item>(hp.items))
      if (it.isOption && isNumericHLSOption(it.name)) {
        int64_t lit;
        if (!llvm::StringRef(it.value).getAsInteger(10, lit))
          continue;
        hp.set(it.name, std::to_string(*pragmaInt(p, hp.directive, it.name, it.value,
                                                  std::numeric_limits<int64_t>::min())));
      }
    // A directive about one local array or stream goes right after its
    // declaration (where Vitis HLS expects it); the emitter prints it there.
    if (isDeclarationHLSDirective(hp.directive) && bind && bind->value &&
        bind->value.getDefiningOp() &&
        (isa<StreamCreateOp>(bind->value.getDefiningOp()) ||
         (bind->kind == Binding::Memory &&
          isa<mlir::memref::AllocaOp>(bind->value.getDefiningOp())))) {
      mlir::Operation *decl = bind->value.getDefiningOp();
      llvm::SmallVector<mlir::Attribute, 2> list;
      if (auto old = decl->getAttrOfType<mlir::ArrayAttr>(AlloDialect::kPragmas))
        list.append(old.begin(), old.end());
      list.push_back(mb.getStringAttr(hp.str()));
      decl->setAttr(AlloDialect::kPragmas, mb.getArrayAttr(list));
      continue;
    }
    // A directive kept in place names its variable by the source's name,
    // which must then be the emitted one too: refuse a name that several
    // variables of the function share (the emitted code renames them).
    if (vd &&
        llvm::count_if(vars, [&](auto &kv) { return kv.first->getName() == vd->getName(); }) > 1)
      bad("'" + vd->getName() + "' names more than one variable of '" + fn->getNameAsString() +
          "' (the emitted code renames all but one of them); give this one a name of its own");
    verbatim.push_back(mb.getStringAttr(hp.str()));
  }
  if (!verbatim.empty())
    op->setAttr(AlloDialect::kPragmas, mb.getArrayAttr(verbatim));
}

int64_t
ModuleRaiser::interfaceDepth(const FunctionDecl *fn, const ParmVarDecl *p,
                             llvm::function_ref<void(SourceLocation, const llvm::Twine &)> error,
                             SourceLocation *where) {
  const SourceManager &sm = ast.getSourceManager();
  if (!fn->getBody())
    return 0;
  SourceRange body = fn->getBody()->getSourceRange();
  for (const HLSPragma &pragma : hlsPragmas()) {
    if (!within(sm, body, pragma.loc))
      continue;
    ParsedHLSPragma hp = parseHLSPragma(pragma.text);
    if (hp.directive != "interface" || hp.get("port") != p->getName())
      continue;
    std::optional<std::string> text;
    if (hp.options.count("depth"))
      text = hp.get("depth");
    if (!text)
      continue;
    int64_t v = 0;
    AttrArgError err;
    EvalStatus st = evaluateIntExpr(
        *text,
        [&](llvm::StringRef n) {
          for (const ParmVarDecl *q : fn->parameters())
            if (q->getName() == n) {
              IdentValue iv;
              iv.state = IdentValue::NotConstant;
              iv.note = "it is a parameter of '" + fn->getNameAsString() + "'";
              return iv;
            }
          return resolveIdentifier(fn, n);
        },
        v, err, "pragma value");
    if (where)
      *where = pragma.loc;
    if (st == EvalStatus::Ok && v >= 1)
      return v;
    error(pragma.loc, "#pragma HLS interface: depth=" + *text + " of '" + p->getName() +
                          "' is not a positive integer constant" +
                          (st == EvalStatus::Error ? " (" + err.message + ")" : std::string()));
    return 0;
  }
  return 0;
}
