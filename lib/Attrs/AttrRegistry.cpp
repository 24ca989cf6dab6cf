//===- AttrRegistry.cpp - Registers the allo:: attributes with Clang ------===//
//
// One ParsedAttrInfo per row of attrs/AlloAttrs.def. Each handler re-reads
// the argument text Clang skipped, parses and checks it, and records the
// attribute as an AnnotateAttr ("allo::<name>" + argument text).
//
//===----------------------------------------------------------------------===//
#include "allo/Attrs/ClangAttrs.h"
#include "allo/Support/Diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Sema/Lookup.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"

using namespace clang;
using namespace allo;

namespace {

/// Resolves identifiers of attribute arguments at parse time, in the scope
/// where the attribute is written.
IdentValue resolveInSema(Sema &s, SourceLocation loc, llvm::StringRef name) {
  if (name.contains("::"))
    return classifyConstant(lookupQualified(s.Context, name));
  LookupResult r(s, DeclarationName(&s.Context.Idents.get(name)), loc, Sema::LookupOrdinaryName);
  if (s.LookupName(r, s.getCurScope()) && r.isSingleResult())
    return classifyConstant(r.getFoundDecl());
  return {};
}

/// The argument text with object-like macros expanded (`mapping(M + 2, N)`
/// with `#define M 4`, as HLS code sizes its designs): identifiers used as
/// values are replaced by their definitions, parenthesized, recursively.
/// Keys (`depth=`, `mapping(`) are left alone.
std::string expandMacros(Preprocessor &pp, llvm::StringRef text, unsigned depth = 0) {
  std::string out;
  size_t i = 0;
  auto isIdStart = [](char c) { return std::isalpha((unsigned char)c) || c == '_'; };
  auto isId = [](char c) { return std::isalnum((unsigned char)c) || c == '_'; };
  while (i < text.size()) {
    char c = text[i];
    if (std::isdigit((unsigned char)c)) {
      size_t j = i;
      while (j < text.size() && isId(text[j]))
        ++j;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (c == '"') { // a string argument: verbatim
      size_t j = text.find('"', i + 1);
      j = j == llvm::StringRef::npos ? text.size() : j + 1;
      out += text.slice(i, j);
      i = j;
      continue;
    }
    if (!isIdStart(c)) {
      out += c;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && isId(text[j]))
      ++j;
    llvm::StringRef id = text.slice(i, j);
    size_t k = j;
    while (k < text.size() && std::isspace((unsigned char)text[k]))
      ++k;
    bool key = k < text.size() && (text[k] == '=' || text[k] == '(' || text[k] == ':');
    bool qualified = i >= 1 && text[i - 1] == ':';
    const MacroInfo *mi = nullptr;
    if (!key && !qualified && depth < 16)
      if (IdentifierInfo *ii = pp.getIdentifierInfo(id); ii && ii->hasMacroDefinition())
        mi = pp.getMacroInfo(ii);
    if (!mi || mi->isFunctionLike()) {
      out += id;
      i = j;
      continue;
    }
    std::string body;
    for (const Token &t : mi->tokens())
      body += (body.empty() ? "" : " ") + pp.getSpelling(t);
    out += "(" + expandMacros(pp, body, depth + 1) + ")";
    i = j;
  }
  return out;
}

/// Number of array dimensions of a parameter's declared type.
unsigned arrayRank(QualType t) {
  unsigned rank = 0;
  while (const ArrayType *at = t->getAsArrayTypeUnsafe()) {
    ++rank;
    t = at->getElementType();
  }
  return rank;
}

class AlloAttrInfo : public ParsedAttrInfo {
public:
  explicit AlloAttrInfo(unsigned index) : spec(allAttrSpecs()[index]) {
    fullName = "allo::" + std::string(spec.name);
    spellings[0] = {AttributeCommonInfo::AS_CXX11, fullName.c_str()};
    spellings[1] = {AttributeCommonInfo::AS_C23, fullName.c_str()};
    Spellings = spellings;
    OptArgs = 15; // arguments are parsed from the source by us
    IsStmt = (spec.subjects & Loop) != 0;
  }

  bool diagAppertainsToDecl(Sema &s, const ParsedAttr &attr, const Decl *d) const override {
    bool ok = false;
    if (spec.subjects & Function)
      ok |= isa<FunctionDecl>(d) || isa<FunctionTemplateDecl>(d);
    if (spec.subjects & Param)
      ok |= isa<ParmVarDecl>(d);
    if (spec.subjects & Variable)
      ok |= isa<VarDecl>(d) || isa<FieldDecl>(d);
    if (!ok)
      wrongSubject(s, attr);
    return ok;
  }

  bool diagAppertainsToStmt(Sema &s, const ParsedAttr &attr, const Stmt *st) const override {
    bool ok = (spec.subjects & Loop) && (isa<ForStmt>(st) || isa<WhileStmt>(st) ||
                                         isa<DoStmt>(st) || isa<CXXForRangeStmt>(st));
    if (!ok)
      wrongSubject(s, attr);
    return ok;
  }

  AttrHandling handleDeclAttribute(Sema &s, Decl *d, const ParsedAttr &attr) const override {
    AnnotateAttr *a = check(s, attr, d);
    if (!a)
      return AttributeNotApplied;
    d->addAttr(a);
    return AttributeApplied;
  }

  AttrHandling handleStmtAttribute(Sema &s, Stmt *st, const ParsedAttr &attr,
                                   class Attr *&result) const override {
    AnnotateAttr *a = check(s, attr, nullptr);
    if (!a)
      return AttributeNotApplied;
    result = a;
    return AttributeApplied;
  }

private:
  void wrongSubject(Sema &s, const ParsedAttr &attr) const {
    allo::error(s.getDiagnostics(), attr.getLoc(),
                "'allo::" + std::string(spec.name) + "' can only be written on " +
                    spec.describeSubjects());
  }

  AnnotateAttr *check(Sema &s, const ParsedAttr &attr, Decl *d) const {
    SourceManager &sm = s.getSourceManager();
    SourceLocation textLoc;
    llvm::StringRef source = readAttrArgText(sm, s.getLangOpts(), attr.getLoc(), textLoc);
    std::string expanded = expandMacros(s.getPreprocessor(), source);
    llvm::StringRef text = expanded;
    // Error offsets are into the text as written unless a macro was expanded.
    auto at = [&](const AttrArgError &e) {
      return textLoc.getLocWithOffset(expanded == source ? e.offset : 0);
    };
    DiagnosticsEngine &diags = s.getDiagnostics();
    ParsedAlloAttr parsed;
    AttrArgError err;
    if (!parseAttrArgs(spec, text, parsed, err)) {
      allo::error(diags, at(err), err.message);
      return nullptr;
    }
    EvaluatedAttr evaluated;
    EvalStatus status = evaluateAttr(
        parsed, [&](llvm::StringRef n) { return resolveInSema(s, attr.getLoc(), n); }, evaluated,
        err);
    if (status == EvalStatus::Error) {
      allo::error(diags, at(err), err.message);
      return nullptr;
    }
    if (!checkAgainstDecl(s, parsed, evaluated, status, d, textLoc))
      return nullptr;
    std::string annotation = "allo::" + std::string(spec.name) + text.str();
    return AnnotateAttr::Create(s.Context, annotation, nullptr, 0,
                                SourceRange(attr.getLoc(), attr.getRange().getEnd()));
  }

  /// Checks that need the declaration: layout/partition against the rank.
  bool checkAgainstDecl(Sema &s, const ParsedAlloAttr &parsed, const EvaluatedAttr &ev,
                        EvalStatus status, Decl *d, SourceLocation textLoc) const {
    DiagnosticsEngine &diags = s.getDiagnostics();
    auto *vd = dyn_cast_or_null<ValueDecl>(d);
    if (spec.name == llvm::StringRef("partition")) {
      std::string type = ev.getString("type");
      const ParsedArg *factor = parsed.find("factor");
      if (type == "complete" && factor) {
        allo::error(diags, textLoc.getLocWithOffset(factor->offset),
                    "'factor' does not apply to type=complete (every element gets its own "
                    "register); remove it or use type=cyclic/block");
        return false;
      }
      if (type != "complete" && !factor) {
        allo::error(diags, textLoc, "type=" + type + " partitioning needs a factor, e.g. factor=4");
        return false;
      }
      if (vd && !vd->getType()->isDependentType()) {
        QualType t =
            isa<ParmVarDecl>(vd) ? cast<ParmVarDecl>(vd)->getOriginalType() : vd->getType();
        unsigned rank = arrayRank(t);
        if (rank == 0) {
          allo::error(diags, vd->getLocation(),
                      "'allo::partition' applies to arrays; '" + vd->getName() +
                          "' is not an array");
          return false;
        }
        auto dim = ev.getInt("dim");
        if (status == EvalStatus::Ok && dim && *dim > (int64_t)rank) {
          const ParsedArg *da = parsed.find("dim");
          allo::error(diags, textLoc.getLocWithOffset(da ? da->offset : 0),
                      "dim=" + std::to_string(*dim) + " is out of range: '" + vd->getName() +
                          "' has " + std::to_string(rank) +
                          " dimension(s) (dim is 1-based, 0 = all)");
          return false;
        }
      }
    }
    if (spec.name == llvm::StringRef("layout") && vd && !vd->getType()->isDependentType()) {
      unsigned rank = arrayRank(cast<ParmVarDecl>(vd)->getOriginalType());
      if (ev.layout.size() != rank) {
        allo::error(diags, textLoc,
                    "'allo::layout' needs one entry per dimension of '" + vd->getName() +
                        "': expected " + std::to_string(rank) + ", got " +
                        std::to_string(ev.layout.size()));
        return false;
      }
    }
    return true;
  }

  const AttrSpec &spec;
  std::string fullName;
  Spelling spellings[2];
};

template <unsigned I> struct AlloAttrInfoAt : AlloAttrInfo {
  AlloAttrInfoAt() : AlloAttrInfo(I) {}
};

enum : unsigned {
#define ALLO_ATTR(Name, Subjects, Summary) AttrIndex_##Name,
#include "../../attrs/AlloAttrs.def"
};

#define ALLO_ATTR(Name, Subjects, Summary)                                                         \
  static ParsedAttrInfoRegistry::Add<AlloAttrInfoAt<AttrIndex_##Name>> Register_##Name(            \
      "allo-" #Name, "[[allo::" #Name "]]");
#include "../../attrs/AlloAttrs.def"

} // namespace

void allo::linkAlloAttributeRegistry() {}
