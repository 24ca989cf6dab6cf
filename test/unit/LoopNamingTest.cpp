//===- LoopNamingTest.cpp - Units for loop naming --------------------------===//
#include "allo/Frontend/LoopNaming.h"
#include "allo/Attrs/ClangAttrs.h"

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Tooling/Tooling.h"

#include <gtest/gtest.h>

using namespace clang;
using namespace allo;

namespace {

std::vector<std::string> names(const std::string &code, const char *fn = "f") {
  linkAlloAttributeRegistry();
  std::unique_ptr<ASTUnit> ast = tooling::buildASTFromCodeWithArgs(code, {"-std=c++17"});
  EXPECT_TRUE(ast);
  const FunctionDecl *f = nullptr;
  for (Decl *d : ast->getASTContext().getTranslationUnitDecl()->decls())
    if (auto *fd = dyn_cast<FunctionDecl>(d))
      if (fd->getName() == fn && fd->hasBody())
        f = fd;
  EXPECT_NE(f, nullptr);
  std::vector<std::string> out;
  LoopNames ln(f, ast->getASTContext());
  for (const NamedLoop &l : ln.loops())
    out.push_back(std::string(l.depth * 2, ' ') + l.name);
  return out;
}

TEST(LoopNaming, InductionVariables) {
  EXPECT_EQ(names("void f(int A[4][4]) { for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) "
                  "A[i][j] = 0; }"),
            (std::vector<std::string>{"i", "  j"}));
}

TEST(LoopNaming, LabelsAndNameAttributeWin) {
  EXPECT_EQ(names("void f(int A[4]) { row: for (int i = 0; i < 4; i++) "
                  "[[allo::name(\"col\")]] for (int j = 0; j < 4; j++) A[j] = i; }"),
            (std::vector<std::string>{"row", "  col"}));
}

TEST(LoopNaming, DuplicatesAreNumberedInSourceOrder) {
  EXPECT_EQ(names("void f(int A[4]) { for (int i = 0; i < 4; i++) A[i] = 0; "
                  "for (int i = 0; i < 4; i++) for (int i2 = 0; i2 < 1; i2++) A[i] += 1; "
                  "for (int i = 0; i < 4; i++) A[i] *= 2; }"),
            (std::vector<std::string>{"i#0", "i#1", "  i2", "i#2"}));
}

TEST(LoopNaming, WhileAndDoLoops) {
  EXPECT_EQ(names("void f(int n) { while (n > 0) n--; do { n++; } while (n < 3); "
                  "for (n = 0; n < 2; n++) {} }"),
            (std::vector<std::string>{"while", "do", "n"}));
}

} // namespace
