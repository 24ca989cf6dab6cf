//===- ClangAttrs.cpp - allo:: attributes in the Clang AST ----------------===//
#include "allo/Attrs/ClangAttrs.h"
#include "allo/Support/Diagnostics.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;
using namespace allo;

namespace {
/// The location right after an attribute's name, given the location where the
/// attribute starts: its scope ("allo" in allo::name) or its name.
SourceLocation afterAttrName(const SourceManager &sm, const LangOptions &lo, SourceLocation start) {
  SourceLocation sp = sm.getSpellingLoc(start);
  SourceLocation end = sp.getLocWithOffset(Lexer::MeasureTokenLength(sp, sm, lo));
  bool invalid = false;
  llvm::StringRef buffer = sm.getBufferData(sm.getFileID(end), &invalid);
  if (invalid)
    return end;
  size_t i = sm.getFileOffset(end);
  auto skipSpace = [&] {
    while (i < buffer.size() && isspace((unsigned char)buffer[i]))
      ++i;
  };
  skipSpace();
  if (!buffer.substr(i).starts_with("::"))
    return end; // `start` was the name itself
  i += 2;
  skipSpace();
  while (i < buffer.size() && (isalnum((unsigned char)buffer[i]) || buffer[i] == '_'))
    ++i;
  return end.getLocWithOffset(i - sm.getFileOffset(end));
}
} // namespace

llvm::StringRef allo::readAttrArgText(const SourceManager &sm, const LangOptions &lo,
                                      SourceLocation nameLoc, SourceLocation &textLoc) {
  textLoc = afterAttrName(sm, lo, nameLoc);
  bool invalid = false;
  llvm::StringRef buffer = sm.getBufferData(sm.getFileID(textLoc), &invalid);
  if (invalid)
    return "";
  size_t begin = sm.getFileOffset(textLoc);
  size_t i = begin;
  while (i < buffer.size() &&
         (buffer[i] == ' ' || buffer[i] == '\t' || buffer[i] == '\n' || buffer[i] == '\r'))
    ++i;
  if (i >= buffer.size() || buffer[i] != '(')
    return "";
  int depth = 0, brackets = 0;
  size_t lineEnd = buffer.find('\n', i);
  for (; i < buffer.size(); ++i) {
    char c = buffer[i];
    if (c == '"' || c == '\'') {
      for (++i; i < buffer.size() && buffer[i] != c; ++i)
        if (buffer[i] == '\\')
          ++i;
      continue;
    }
    if (c == '(')
      ++depth;
    else if (c == ')' && --depth == 0)
      return buffer.substr(begin, i + 1 - begin);
    else if (c == '[')
      ++brackets;
    else if (c == ']' && --brackets < 0)
      break; // the attribute list closes first: a ')' is missing
  }
  // Unbalanced: hand the parser what was written up to the closing ']]' (or
  // the end of the line), so that it reports the missing ')' there.
  return buffer.substr(begin, std::min(i, lineEnd) - begin);
}

SourceLocation AlloAnnotation::argLoc(const ASTContext &ctx) const {
  return afterAttrName(ctx.getSourceManager(), ctx.getLangOpts(), attr->getLocation());
}

std::vector<AlloAnnotation> allo::getAlloAnnotations(llvm::ArrayRef<const Attr *> attrs) {
  std::vector<AlloAnnotation> out;
  for (const Attr *a : attrs) {
    auto *ann = dyn_cast<AnnotateAttr>(a);
    if (!ann || !ann->getAnnotation().starts_with(kAnnotationPrefix))
      continue;
    llvm::StringRef rest = ann->getAnnotation().drop_front(kAnnotationPrefix.size());
    size_t nameEnd = 0;
    while (nameEnd < rest.size() && (isalnum((unsigned char)rest[nameEnd]) || rest[nameEnd] == '_'))
      ++nameEnd;
    const AttrSpec *spec = findAttrSpec(rest.take_front(nameEnd));
    if (!spec)
      continue;
    out.push_back({spec, ann, rest.drop_front(nameEnd)});
  }
  return out;
}

std::vector<AlloAnnotation> allo::getAlloAnnotations(const Decl *d) {
  llvm::SmallVector<const Attr *, 4> attrs(d->attrs().begin(), d->attrs().end());
  return getAlloAnnotations(attrs);
}

std::optional<AlloAnnotation> allo::findAlloAnnotation(const Decl *d, llvm::StringRef name) {
  for (const AlloAnnotation &a : getAlloAnnotations(d))
    if (name == a.spec->name)
      return a;
  return std::nullopt;
}

IdentValue allo::classifyConstant(const NamedDecl *found) {
  IdentValue v;
  if (!found)
    return v;
  if (isa<NonTypeTemplateParmDecl>(found)) {
    v.state = IdentValue::Dependent;
  } else if (auto *ec = dyn_cast<EnumConstantDecl>(found)) {
    v.state = IdentValue::Value;
    v.value = ec->getInitVal().getSExtValue();
  } else if (auto *vd = dyn_cast<VarDecl>(found)) {
    const Expr *init = vd->getAnyInitializer();
    bool constant = vd->isConstexpr() || vd->getType().isConstQualified();
    if (!vd->getType()->isIntegralOrEnumerationType() || !constant || !init) {
      v.state = IdentValue::NotConstant;
      v.note = "it is a variable that is not constexpr";
    } else if (init->isValueDependent()) {
      v.state = IdentValue::Dependent;
    } else if (const APValue *val = vd->evaluateValue(); val && val->isInt()) {
      v.state = IdentValue::Value;
      v.value = val->getInt().getSExtValue();
    } else {
      v.state = IdentValue::NotConstant;
      v.note = "its initializer is not a constant";
    }
  } else {
    v.state = IdentValue::NotConstant;
    v.note = "it does not name a constant";
  }
  return v;
}

const NamedDecl *allo::lookupQualified(const ASTContext &ctx, llvm::StringRef name) {
  llvm::SmallVector<llvm::StringRef, 4> parts;
  name.split(parts, "::");
  const DeclContext *dc = ctx.getTranslationUnitDecl();
  for (size_t i = parts[0].empty() ? 1 : 0; i < parts.size() && dc; ++i) {
    auto res = dc->lookup(DeclarationName(&ctx.Idents.get(parts[i])));
    if (res.empty())
      return nullptr;
    if (i + 1 == parts.size())
      return res.front();
    dc = dyn_cast<DeclContext>(res.front());
  }
  return nullptr;
}

IdentValue allo::resolveIdentifier(const FunctionDecl *fn, llvm::StringRef name) {
  IdentValue v;
  if (!fn)
    return v;
  ASTContext &ctx = fn->getASTContext();
  if (name.contains("::"))
    return classifyConstant(lookupQualified(ctx, name));
  // Template parameters of the instantiation.
  if (const TemplateArgumentList *args = fn->getTemplateSpecializationArgs()) {
    const TemplateParameterList *params = fn->getPrimaryTemplate()->getTemplateParameters();
    for (unsigned i = 0; i < params->size() && i < args->size(); ++i) {
      if (params->getParam(i)->getName() != name)
        continue;
      const TemplateArgument &arg = args->get(i);
      if (arg.getKind() == TemplateArgument::Integral) {
        v.state = IdentValue::Value;
        v.value = arg.getAsIntegral().getSExtValue();
      } else {
        v.state = IdentValue::NotConstant;
        v.note = "it is a type template parameter";
      }
      return v;
    }
  }
  for (const DeclContext *dc = fn; dc; dc = dc->getParent()) {
    auto res = dc->lookup(DeclarationName(&ctx.Idents.get(name)));
    if (!res.empty())
      return classifyConstant(res.front());
  }
  return v;
}

std::optional<int64_t>
allo::evaluateIntInFunction(llvm::StringRef text, const FunctionDecl *context, std::string &error,
                            llvm::function_ref<const NamedDecl *(llvm::StringRef)> local) {
  AttrArgError err;
  bool dependent = false;
  auto v = evaluateIntExpression(
      text,
      [&](llvm::StringRef n) {
        if (local)
          if (const NamedDecl *d = local(n))
            return classifyConstant(d);
        return resolveIdentifier(context, n);
      },
      err, dependent);
  if (!v) {
    error = err.message;
    return std::nullopt;
  }
  if (dependent) {
    error = "it depends on a template parameter that is not known here";
    return std::nullopt;
  }
  return v;
}

std::optional<EvaluatedAttr>
allo::evaluateAnnotation(const AlloAnnotation &a, const FunctionDecl *context, ASTContext &ctx) {
  DiagnosticsEngine &diags = ctx.getDiagnostics();
  SourceLocation loc = a.argLoc(ctx);
  ParsedAlloAttr parsed;
  AttrArgError err;
  if (!parseAttrArgs(*a.spec, a.argText, parsed, err)) {
    allo::error(diags, loc.getLocWithOffset(err.offset), err.message);
    return std::nullopt;
  }
  EvaluatedAttr out;
  EvalStatus status = evaluateAttr(
      parsed, [&](llvm::StringRef n) { return resolveIdentifier(context, n); }, out, err);
  if (status == EvalStatus::Error) {
    allo::error(diags, loc.getLocWithOffset(err.offset), err.message);
    return std::nullopt;
  }
  if (status == EvalStatus::Dependent) {
    allo::error(diags, loc,
                "attribute arguments depend on a template parameter that is not "
                "known here");
    return std::nullopt;
  }
  return out;
}

unsigned allo::reportUnknownAlloAttributes(SourceManager &sm, const LangOptions &lo,
                                           DiagnosticsEngine &diags) {
  llvm::SmallVector<llvm::StringRef, 16> known;
  for (const AttrSpec &s : allAttrSpecs())
    known.push_back(s.name);
  unsigned errors = 0;
  llvm::DenseSet<const FileEntry *> seen;
  for (unsigned i = 0, e = sm.local_sloc_entry_size(); i < e; ++i) {
    const SrcMgr::SLocEntry &entry = sm.getLocalSLocEntry(i);
    if (!entry.isFile() || SrcMgr::isSystem(entry.getFile().getFileCharacteristic()))
      continue;
    // A file may be entered once per #include; scan it once.
    FileID fid = sm.getFileID(SourceLocation::getFromRawEncoding(entry.getOffset()));
    auto fe = fid.isValid() ? sm.getFileEntryRefForID(fid) : std::nullopt;
    if (!fe || !seen.insert(&fe->getFileEntry()).second)
      continue;
    bool invalid = false;
    llvm::StringRef buffer = sm.getBufferData(fid, &invalid);
    if (invalid || !buffer.contains("allo"))
      continue;
    Lexer lex(fid, sm.getBufferOrFake(fid), sm, lo);
    lex.SetCommentRetentionState(false);
    Token tok;
    int bracketDepth = 0; // inside [[ ]] when >= 2 consecutive
    Token prev[2];
    while (!lex.LexFromRawLexer(tok)) {
      if (tok.is(tok::l_square) && prev[1].is(tok::l_square))
        bracketDepth = 1;
      else if (tok.is(tok::r_square) && prev[1].is(tok::r_square))
        bracketDepth = 0;
      if (bracketDepth && tok.is(tok::raw_identifier) && prev[1].is(tok::coloncolon) &&
          prev[0].is(tok::raw_identifier) && prev[0].getRawIdentifier() == "allo") {
        llvm::StringRef name = tok.getRawIdentifier();
        if (!findAttrSpec(name)) {
          std::string msg = "unknown attribute 'allo::" + name.str() + "'";
          std::string guess = closestName(name, known);
          if (!guess.empty())
            msg += "; did you mean 'allo::" + guess + "'?";
          else
            msg += " (see docs/user-guide/attributes.md for the allo:: vocabulary)";
          allo::error(diags, tok.getLocation(), msg);
          ++errors;
        }
      }
      prev[0] = prev[1];
      prev[1] = tok;
    }
  }
  return errors;
}
