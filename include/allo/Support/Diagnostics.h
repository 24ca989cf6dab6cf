//===- Diagnostics.h - Located errors in the user's source -------*- C++ -*-===//
#ifndef ALLO_SUPPORT_DIAGNOSTICS_H
#define ALLO_SUPPORT_DIAGNOSTICS_H

#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/Twine.h"

namespace allo {

/// Reports through Clang's diagnostics so messages carry file:line:col,
/// a caret, and honour -Werror / -w like any compiler diagnostic.
inline clang::DiagnosticBuilder report(clang::DiagnosticsEngine &diags, clang::SourceLocation loc,
                                       clang::DiagnosticsEngine::Level level,
                                       const llvm::Twine &message) {
  unsigned id = diags.getCustomDiagID(level, "%0");
  return diags.Report(loc, id) << message.str();
}
inline clang::DiagnosticBuilder error(clang::DiagnosticsEngine &diags, clang::SourceLocation loc,
                                      const llvm::Twine &message) {
  return report(diags, loc, clang::DiagnosticsEngine::Error, message);
}
inline clang::DiagnosticBuilder note(clang::DiagnosticsEngine &diags, clang::SourceLocation loc,
                                     const llvm::Twine &message) {
  return report(diags, loc, clang::DiagnosticsEngine::Note, message);
}
inline clang::DiagnosticBuilder warning(clang::DiagnosticsEngine &diags, clang::SourceLocation loc,
                                        const llvm::Twine &message) {
  return report(diags, loc, clang::DiagnosticsEngine::Warning, message);
}

} // namespace allo

#endif
