//===- LoopNaming.h - Names of loops for schedules ---------------*- C++ -*-===//
//
// Schedules address loops as `func:name`. A loop's name is, in order of
// preference, its [[allo::name("...")]], its label (`row: for (...)`, the
// Vitis HLS convention), or its induction variable's name; while/do loops
// without either are named "while"/"do". When several loops of one function
// share a name, each gets `name#k` (k = 0, 1, ... in source order) and the
// bare name is ambiguous.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_FRONTEND_LOOPNAMING_H
#define ALLO_FRONTEND_LOOPNAMING_H

#include "clang/AST/Decl.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"

#include <string>
#include <vector>

namespace allo {

struct NamedLoop {
  const clang::Stmt *loop = nullptr; ///< ForStmt, WhileStmt, DoStmt
  std::string baseName;              ///< as written (label, name attr, variable)
  std::string name;                  ///< unique in the function: baseName or baseName#k
  bool explicitName = false;         ///< from a label or [[allo::name]]
  std::string inductionVar;          ///< the loop variable's name, if any
  int parent = -1;                   ///< index of the enclosing loop, -1 at top
  unsigned depth = 0;
  clang::SourceLocation loc;
};

class LoopNames {
public:
  /// Names every loop in `fn`'s body, in source order.
  LoopNames(const clang::FunctionDecl *fn, clang::ASTContext &ctx);

  llvm::ArrayRef<NamedLoop> loops() const { return loops_; }
  /// The loop's entry; null for a statement that is not a named loop.
  const NamedLoop *lookup(const clang::Stmt *loop) const;

private:
  std::vector<NamedLoop> loops_;
  llvm::DenseMap<const clang::Stmt *, unsigned> index_;
};

/// The base name a loop gets from its label / name attribute / variable.
std::string baseLoopName(const clang::Stmt *loop, llvm::StringRef label, llvm::StringRef nameAttr);

} // namespace allo

#endif
