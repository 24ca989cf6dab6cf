//===- TypeSpelling.cpp - C++ type names for the emitted code -------------===//
//
// The emitted HLS C++ names types as the user wrote them, so the top stays a
// drop-in replacement (`void top(data_t A[16])`), and it is self-contained:
// it declares every alias its names use. Raising itself never looks at these
// spellings (every decision is made on canonical types); they only travel as
// `allo.ctype` strings to the emitters.
//
// An alias (typedef or alias-declaration) declared at namespace scope in the
// user's code is kept and recorded; the module's `allo.typedefs` lists them
// in declaration order, each after the aliases its own type names. Aliases
// the emitted file cannot declare (local to a function, members of classes,
// alias templates) and those of headers the emitted file includes itself
// (system headers, the HLS headers) are spelled out or left to their header.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"
#include "allo/Dialect/Allo/AlloDialect.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

#include "llvm/Support/Path.h"

using namespace clang;
using namespace allo;
using namespace allo::raise;

namespace {

/// Headers the emitted file includes (or that they include): their aliases
/// are available there already.
bool isProvidedHeader(const SourceManager &sm, SourceLocation loc) {
  if (sm.isInSystemHeader(loc))
    return true;
  llvm::StringRef file = sm.getFilename(sm.getSpellingLoc(loc));
  llvm::StringRef base = llvm::sys::path::filename(file);
  if (base.starts_with("ap_") || base.starts_with("hls_") || base.starts_with("etc/ap_"))
    return true;
  // allo/allo.h and the csim headers.
  llvm::StringRef dir = llvm::sys::path::parent_path(file);
  return llvm::sys::path::filename(dir) == "allo" || llvm::sys::path::filename(dir) == "csim";
}

/// Finds the aliases a type's spelling mentions.
class AliasFinder : public RecursiveASTVisitor<AliasFinder> {
public:
  llvm::SmallVector<const TypedefNameDecl *, 4> found;
  bool undeclarable = false;
  const SourceManager &sm;
  explicit AliasFinder(const SourceManager &sm) : sm(sm) {}

  bool VisitTypedefType(TypedefType *t) {
    const TypedefNameDecl *d = t->getDecl();
    if (isProvidedHeader(sm, d->getLocation()))
      return true;
    const DeclContext *dc = d->getDeclContext()->getRedeclContext();
    if (!dc->isFileContext() || d->getDescribedTemplate())
      undeclarable = true;
    else
      found.push_back(d);
    return true;
  }
  bool VisitTemplateSpecializationType(TemplateSpecializationType *t) {
    if (t->isTypeAlias())
      undeclarable = true; // an alias template: spell out what it stands for
    return true;
  }
};

} // namespace

std::string ModuleRaiser::spell(QualType t) {
  PrintingPolicy pp(ast.getLangOpts());
  pp.SuppressTagKeyword = true;
  AliasFinder finder(ast.getSourceManager());
  finder.TraverseType(t);
  if (finder.undeclarable) {
    // Spell the canonical type (aliases of the HLS headers are still fine).
    return TypeName::getFullyQualifiedName(t.getCanonicalType(), ast, pp);
  }
  for (const TypedefNameDecl *d : finder.found)
    declareAlias(d);
  return TypeName::getFullyQualifiedName(t, ast, pp);
}

std::string ModuleRaiser::spellStreamElement(const StreamInfo &info) {
  return spell(info.block ? info.elementType.getCanonicalType() : info.elementType);
}

void ModuleRaiser::declareAlias(const TypedefNameDecl *d) {
  d = d->getCanonicalDecl();
  if (!aliasesSeen.insert(d).second)
    return;
  // `typedef struct { ... } pixel;`: the struct's emitted definition
  // declares the name (allo.structs).
  if (const RecordDecl *rd = d->getUnderlyingType()->getAsRecordDecl();
      rd && !rd->getIdentifier() && rd->getTypedefNameForAnonDecl() &&
      rd->getTypedefNameForAnonDecl()->getCanonicalDecl() == d)
    return;
  // What the alias stands for, spelled the same way (its own aliases first).
  std::string underlying = spell(d->getUnderlyingType());
  std::string scope;
  for (const DeclContext *dc = d->getDeclContext(); dc && !dc->isTranslationUnit();
       dc = dc->getParent()) {
    if (auto *ns = dyn_cast<NamespaceDecl>(dc))
      scope = (ns->isAnonymousNamespace() ? std::string() : ns->getName().str()) +
              (scope.empty() ? "" : "::" + scope);
  }
  mlir::Builder b(&ctx);
  mlir::NamedAttrList entry;
  entry.set("name", b.getStringAttr(d->getName()));
  entry.set("type", b.getStringAttr(underlying));
  entry.set("scope", b.getStringAttr(scope));
  aliases.push_back({d, entry.getDictionary(&ctx)});
}

void ModuleRaiser::recordAliases() {
  if (aliases.empty())
    return;
  // In source order, as the user declared them: an alias can only name
  // aliases declared before it.
  const SourceManager &sm = ast.getSourceManager();
  llvm::stable_sort(aliases, [&](const auto &x, const auto &y) {
    return sm.isBeforeInTranslationUnit(x.first->getLocation(), y.first->getLocation());
  });
  llvm::SmallVector<mlir::Attribute, 8> list;
  for (const auto &a : aliases)
    list.push_back(a.second);
  (*module)->setAttr(AlloDialect::kTypedefs, mlir::Builder(&ctx).getArrayAttr(list));
}
