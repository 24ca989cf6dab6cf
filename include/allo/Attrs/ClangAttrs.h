//===- ClangAttrs.h - allo:: attributes in the Clang AST ---------*- C++ -*-===//
//
// The plugin's attribute handlers check each allo:: attribute while Clang
// parses and record it on the declaration or statement as an AnnotateAttr
// whose annotation is "allo::<name>" followed by the argument text exactly as
// written. AlloAnnotation reads them back and evaluates the arguments in the
// context of a (possibly instantiated) function.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_ATTRS_CLANGATTRS_H
#define ALLO_ATTRS_CLANGATTRS_H

#include "allo/Attrs/AttrArgs.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"

#include <optional>
#include <vector>

namespace allo {

/// Prefix of every annotation Allo attaches.
inline constexpr llvm::StringLiteral kAnnotationPrefix = "allo::";

/// One allo:: attribute found on a declaration or statement.
struct AlloAnnotation {
  const AttrSpec *spec = nullptr;
  const clang::AnnotateAttr *attr = nullptr;
  llvm::StringRef argText; ///< the text following the name
  /// Location of the argument text's first character.
  clang::SourceLocation argLoc(const clang::ASTContext &ctx) const;
};

/// The allo:: annotations on a declaration / an attributed statement.
std::vector<AlloAnnotation> getAlloAnnotations(const clang::Decl *d);
std::vector<AlloAnnotation> getAlloAnnotations(llvm::ArrayRef<const clang::Attr *> attrs);
std::optional<AlloAnnotation> findAlloAnnotation(const clang::Decl *d, llvm::StringRef name);

/// Evaluates the annotation's arguments in `context` (a function, possibly a
/// template instantiation). Reports located errors through the context's
/// diagnostics; returns nullopt on error.
std::optional<EvaluatedAttr> evaluateAnnotation(const AlloAnnotation &a,
                                                const clang::FunctionDecl *context,
                                                clang::ASTContext &ctx);

/// Evaluates `text` (an integer constant expression, e.g. a #pragma HLS
/// option value `N/2`) in `context`: names `local` resolves first (block-scope
/// constants, which lookups from the function do not see), then its template
/// arguments and the declarations visible from it. nullopt with `error` set
/// when it is not a constant there.
std::optional<int64_t> evaluateIntInFunction(
    llvm::StringRef text, const clang::FunctionDecl *context, std::string &error,
    llvm::function_ref<const clang::NamedDecl *(llvm::StringRef)> local = nullptr);

/// What a declaration named in an attribute argument denotes: a constant
/// (constexpr/const integer, enumerator), a template parameter (dependent),
/// or something that is not a constant.
IdentValue classifyConstant(const clang::NamedDecl *d);

/// Resolves an identifier in the context of a function (possibly a template
/// instantiation): its template arguments, then the declarations visible
/// from its body outwards.
IdentValue resolveIdentifier(const clang::FunctionDecl *fn, llvm::StringRef name);

/// Looks up a qualified name (`ns::N`, `::N`) from the translation unit.
const clang::NamedDecl *lookupQualified(const clang::ASTContext &ctx, llvm::StringRef name);

/// Reports every `allo::NAME` inside `[[ ]]` in the user's (non-system)
/// files whose NAME is not in the vocabulary, with a did-you-mean. Returns
/// the number of errors reported.
unsigned reportUnknownAlloAttributes(clang::SourceManager &sm, const clang::LangOptions &lo,
                                     clang::DiagnosticsEngine &diags);

/// The argument text that follows an attribute name at `nameLoc` in the
/// source: "" or "( ... )" with the white space before it. `textLoc` receives
/// the location of its first character.
llvm::StringRef readAttrArgText(const clang::SourceManager &sm, const clang::LangOptions &lo,
                                clang::SourceLocation nameLoc, clang::SourceLocation &textLoc);

/// Registers the allo:: spellings with Clang. Calling it is a no-op; it only
/// makes sure the registering object file is linked in.
void linkAlloAttributeRegistry();

} // namespace allo

#endif
