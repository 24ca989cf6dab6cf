//===- HLSPragmas.cpp - Recording #pragma HLS directives ------------------===//
#include "allo/Attrs/HLSPragmas.h"

#include "clang/Lex/Pragma.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;
using namespace allo;

std::vector<HLSPragma> &allo::hlsPragmas() {
  static std::vector<HLSPragma> pragmas;
  return pragmas;
}

bool ParsedHLSPragma::has(llvm::StringRef flag) const {
  return llvm::is_contained(flags, flag.lower());
}

std::string ParsedHLSPragma::get(llvm::StringRef option, llvm::StringRef otherwise) const {
  auto it = options.find(option.lower());
  return it == options.end() ? otherwise.str() : it->second;
}

ParsedHLSPragma allo::parseHLSPragma(llvm::StringRef text) {
  ParsedHLSPragma p;
  llvm::SmallVector<llvm::StringRef, 8> words;
  // Normalise "a = b" to "a=b" before splitting on white space.
  std::string norm;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '=') {
      while (!norm.empty() && norm.back() == ' ')
        norm.pop_back();
      norm += '=';
      while (i + 1 < text.size() && text[i + 1] == ' ')
        ++i;
    } else {
      norm += text[i];
    }
  }
  llvm::StringRef(norm).split(words, ' ', -1, false);
  for (size_t i = 0; i < words.size(); ++i) {
    llvm::StringRef w = words[i];
    if (i == 0) {
      p.directive = w.lower();
      continue;
    }
    auto [k, v] = w.split('=');
    if (w.contains('='))
      p.options[k.lower()] = v.str();
    else
      p.flags.push_back(w.lower());
  }
  return p;
}

namespace {
class HLSPragmaHandler : public PragmaHandler {
public:
  HLSPragmaHandler() : PragmaHandler("HLS") {}
  void HandlePragma(Preprocessor &pp, PragmaIntroducer introducer, Token &first) override {
    HLSPragma p;
    p.loc = introducer.Loc;
    Token tok;
    pp.Lex(tok);
    if (tok.isNot(tok::eod))
      p.loc = tok.getLocation(); // point diagnostics at the directive
    while (tok.isNot(tok::eod)) {
      if (!p.text.empty() && tok.hasLeadingSpace())
        p.text += ' ';
      p.text += pp.getSpelling(tok);
      pp.Lex(tok);
    }
    hlsPragmas().push_back(std::move(p));
  }
};
} // namespace

static PragmaHandlerRegistry::Add<HLSPragmaHandler> X("allo-hls", "records #pragma HLS");

void allo::linkHLSPragmaHandler() {}
