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

#include "clang/Basic/SourceManager.h"

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

/// The text of option `name` (lower case) of a pragma: what follows `name=`
/// up to the next option, so that `depth = N * M` reads "N*M".
std::optional<std::string> optionText(llvm::StringRef text, llvm::StringRef name) {
  llvm::SmallVector<llvm::StringRef, 16> words;
  text.split(words, ' ', -1, false);
  auto isOperator = [](char c) { return llvm::StringRef("+-*/%<>(").contains(c); };
  for (size_t i = 0; i < words.size(); ++i) {
    // "depth", "=", "N" and "depth=N" alike.
    std::string w = words[i].lower();
    size_t eq = w.find('=');
    std::string key = eq == std::string::npos ? w : w.substr(0, eq);
    if (key != name)
      continue;
    std::string value = eq == std::string::npos ? "" : words[i].substr(eq + 1).str();
    size_t j = i + 1;
    if (eq == std::string::npos || value.empty()) {
      if (j < words.size() && words[j].starts_with("=")) {
        value = words[j].drop_front().str();
        ++j;
      } else if (eq == std::string::npos) {
        continue;
      }
    }
    if (value.empty() && j < words.size())
      value = words[j++].str();
    // Continue an expression split by spaces: "N * M", "(N + 1)".
    int open = (int)llvm::count(value, '(') - (int)llvm::count(value, ')');
    while (j < words.size() &&
           (open > 0 || (!value.empty() && isOperator(value.back())) ||
            isOperator(words[j].front()) || words[j].front() == ')')) {
      if (words[j].contains('=') && open <= 0 && (value.empty() || !isOperator(value.back())))
        break;
      open += (int)llvm::count(words[j], '(') - (int)llvm::count(words[j], ')');
      value += words[j++].str();
    }
    return value;
  }
  return std::nullopt;
}

std::optional<int64_t> positive(llvm::StringRef s, int64_t min) {
  int64_t v;
  if (s.getAsInteger(10, v) || v < min)
    return std::nullopt;
  return v;
}
} // namespace

void FunctionRaiser::applyHLSPragmas(mlir::Operation *op, const Stmt *loop) {
  const SourceManager &sm = ast.getSourceManager();
  SourceRange scope = loop ? bodyOf(loop)->getSourceRange() : fn->getBody()->getSourceRange();
  mlir::Builder mb(&mod.ctx);
  llvm::SmallVector<mlir::Attribute, 4> verbatim;
  if (auto old = op->getAttrOfType<mlir::ArrayAttr>(AlloDialect::kPragmas))
    verbatim.append(old.begin(), old.end());
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
    if (hp.directive == "pipeline" && !hp.has("off")) {
      std::string ii = hp.get("ii", "1");
      auto v = positive(ii, 1);
      if (!v)
        bad("expected II=<positive integer>, got II=" + ii);
      op->setAttr(AlloDialect::kPipelineII, mb.getI64IntegerAttr(*v));
      if (hp.has("rewind"))
        op->setAttr(AlloDialect::kPipelineRewind, mb.getUnitAttr());
      continue;
    }
    if (hp.directive == "unroll" && loop && hp.flags.empty() &&
        (hp.options.empty() || (hp.options.size() == 1 && hp.options.count("factor")))) {
      auto v = positive(hp.get("factor", "0"), 0);
      if (!v)
        bad("expected factor=<non-negative integer>");
      op->setAttr(AlloDialect::kUnroll, mb.getI64IntegerAttr(*v));
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
    if (hp.directive == "inline" && !loop && (hp.flags.empty() || hp.flags == std::vector<std::string>{"off"})) {
      op->setAttr(AlloDialect::kInline, mb.getI64IntegerAttr(hp.has("off") ? 0 : 1));
      continue;
    }
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
      auto dim = positive(hp.get("dim", "1"), 0);
      if (!dim)
        bad("expected dim=<non-negative integer>");
      std::optional<int64_t> factor;
      if (type != "complete") {
        factor = positive(hp.get("factor", ""), 1);
        if (!factor)
          bad("type=" + type + " needs factor=<positive integer>");
      }
      // An array of structs: every field array is partitioned alike (the
      // directive is printed once, for the struct array).
      const Binding *structVar = nullptr;
      for (auto &[vd, bind] : vars)
        if (vd->getName() == var && bind.kind == Binding::Struct && bind.agg->structRank > 0)
          structVar = &bind;
      if (structVar) {
        if (*dim > structVar->agg->structRank)
          bad("dim=" + std::to_string(*dim) + " is out of range: '" + var + "' has " +
              std::to_string(structVar->agg->structRank) + " dimension(s)");
        mlir::NamedAttrList d;
        d.set("type", mb.getStringAttr(type));
        if (factor)
          d.set("factor", mb.getI64IntegerAttr(*factor));
        d.set("dim", mb.getI64IntegerAttr(*dim));
        for (mlir::Value leaf : structVar->agg->leaves) {
          auto arg = llvm::dyn_cast<mlir::BlockArgument>(leaf);
          mlir::ArrayAttr old = arg ? func.getArgAttrOfType<mlir::ArrayAttr>(arg.getArgNumber(),
                                                                             AlloDialect::kPartition)
                                    : leaf.getDefiningOp()->getAttrOfType<mlir::ArrayAttr>(
                                          AlloDialect::kPartition);
          llvm::SmallVector<mlir::Attribute, 2> list;
          if (old)
            list.append(old.begin(), old.end());
          list.push_back(d.getDictionary(&mod.ctx));
          if (arg)
            func.setArgAttr(arg.getArgNumber(), AlloDialect::kPartition, mb.getArrayAttr(list));
          else
            leaf.getDefiningOp()->setAttr(AlloDialect::kPartition, mb.getArrayAttr(list));
        }
        continue;
      }
      // Find the array: a parameter or a local of this function.
      mlir::Operation *owner = nullptr;
      int argIndex = -1;
      for (auto &[vd, bind] : vars) {
        if (vd->getName() != var || bind.kind != Binding::Memory ||
            llvm::cast<mlir::MemRefType>(bind.value.getType()).getRank() == 0)
          continue;
        if (auto arg = llvm::dyn_cast<mlir::BlockArgument>(bind.value))
          argIndex = arg.getArgNumber();
        else
          owner = bind.value.getDefiningOp();
      }
      if (!owner && argIndex < 0)
        bad("no array named '" + var + "' in '" + fn->getNameAsString() + "'");
      auto rank = llvm::cast<mlir::MemRefType>(
                      owner ? owner->getResult(0).getType() : func.getArgument(argIndex).getType())
                      .getRank();
      if (*dim > rank)
        bad("dim=" + std::to_string(*dim) + " is out of range: '" + var + "' has " +
            std::to_string(rank) + " dimension(s)");
      mlir::NamedAttrList d;
      d.set("type", mb.getStringAttr(type));
      if (factor)
        d.set("factor", mb.getI64IntegerAttr(*factor));
      d.set("dim", mb.getI64IntegerAttr(*dim));
      llvm::SmallVector<mlir::Attribute, 2> list;
      mlir::ArrayAttr old = owner ? owner->getAttrOfType<mlir::ArrayAttr>(AlloDialect::kPartition)
                                  : func.getArgAttrOfType<mlir::ArrayAttr>(argIndex, AlloDialect::kPartition);
      if (old)
        list.append(old.begin(), old.end());
      list.push_back(d.getDictionary(&mod.ctx));
      if (owner)
        owner->setAttr(AlloDialect::kPartition, mb.getArrayAttr(list));
      else
        func.setArgAttr(argIndex, AlloDialect::kPartition, mb.getArrayAttr(list));
      continue;
    }
    if (hp.directive == "stream" && hp.flags.empty() &&
        llvm::all_of(hp.options, [](const auto &o) {
          return o.first == "variable" || o.first == "depth" ||
                 (o.first == "type" && o.second == "fifo");
        })) {
      // The depth of a stream variable (a stream pragma on an array, which
      // turns the array into a FIFO, is kept verbatim below).
      mlir::Operation *create = nullptr;
      for (auto &[vd, bind] : vars)
        if (vd->getName() == hp.get("variable") && bind.value &&
            llvm::isa<StreamType>(bind.value.getType()))
          create = bind.value.getDefiningOp();
      if (create) {
        auto depth = positive(hp.get("depth", "2"), 1);
        if (!depth)
          bad("expected depth=<positive integer>");
        create->setAttr("depth", mb.getI64IntegerAttr(*depth));
        continue;
      }
      if (llvm::none_of(vars, [&](auto &kv) { return kv.first->getName() == hp.get("variable"); }))
        bad("no stream or array named '" + hp.get("variable") + "' in '" +
            fn->getNameAsString() + "'");
    }
    // Everything else (interface, stream on arrays, loop_tripcount, bind_storage, ...)
    // is re-emitted verbatim where it was written.
    verbatim.push_back(mb.getStringAttr(p.text));
  }
  if (!verbatim.empty())
    op->setAttr(AlloDialect::kPragmas, mb.getArrayAttr(verbatim));
}

int64_t ModuleRaiser::interfaceDepth(
    const FunctionDecl *fn, const ParmVarDecl *p,
    llvm::function_ref<void(SourceLocation, const llvm::Twine &)> error, SourceLocation *where) {
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
    std::optional<std::string> text = optionText(pragma.text, "depth");
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
