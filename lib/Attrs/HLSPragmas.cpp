//===- HLSPragmas.cpp - Recording #pragma HLS directives ------------------===//
#include "allo/Attrs/HLSPragmas.h"

#include "clang/Lex/Pragma.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/StringExtras.h"

#include <cctype>

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

bool ParsedHLSPragma::set(llvm::StringRef option, llvm::StringRef value) {
  bool found = false;
  for (Item &it : items)
    if (it.isOption && llvm::StringRef(it.name).equals_insensitive(option)) {
      it.value = value.str();
      found = true;
    }
  if (found)
    options[option.lower()] = value.str();
  return found;
}

std::string ParsedHLSPragma::str() const {
  std::string s = directive;
  for (const Item &it : items)
    s += " " + it.name + (it.isOption ? "=" + it.value : "");
  return s;
}

namespace {
/// Tokens of a pragma's text: names (with `::` and `.`), numbers, and
/// punctuation (`<<`, `>>`, `::` or one character).
std::vector<std::string> pragmaTokens(llvm::StringRef text) {
  std::vector<std::string> toks;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (isspace((unsigned char)c)) {
      ++i;
    } else if (isalnum((unsigned char)c) || c == '_' || c == '.') {
      size_t b = i;
      while (i < text.size() &&
             (isalnum((unsigned char)text[i]) || text[i] == '_' || text[i] == '.' ||
              (text.substr(i).starts_with("::") && i + 2 < text.size() &&
               (isalpha((unsigned char)text[i + 2]) || text[i + 2] == '_'))))
        i += text.substr(i).starts_with("::") ? 2 : 1;
      toks.push_back(text.substr(b, i - b).str());
    } else if (text.substr(i).starts_with("<<") || text.substr(i).starts_with(">>") ||
               text.substr(i).starts_with("::")) {
      toks.push_back(text.substr(i, 2).str());
      i += 2;
    } else {
      toks.push_back(std::string(1, c));
      ++i;
    }
  }
  return toks;
}

bool isBinaryOp(llvm::StringRef t) {
  return t == "+" || t == "-" || t == "*" || t == "/" || t == "%" || t == "<<" || t == ">>";
}
} // namespace

ParsedHLSPragma allo::parseHLSPragma(llvm::StringRef text) {
  ParsedHLSPragma p;
  std::vector<std::string> t = pragmaTokens(text);
  size_t i = 0;
  if (i < t.size())
    p.directive = llvm::StringRef(t[i++]).lower();
  // operand := ('-' | '+' | '~')* (name | number | '(' ... ')')
  auto operand = [&](std::string &out) {
    while (i < t.size() && (t[i] == "-" || t[i] == "+" || t[i] == "~"))
      out += t[i++];
    if (i >= t.size())
      return;
    if (t[i] == "(") {
      int depth = 0;
      do {
        depth += t[i] == "(" ? 1 : t[i] == ")" ? -1 : 0;
        out += t[i++];
      } while (i < t.size() && depth > 0);
      return;
    }
    out += t[i++];
  };
  while (i < t.size()) {
    ParsedHLSPragma::Item it;
    it.name = t[i++];
    if (i < t.size() && t[i] == "=") {
      ++i;
      it.isOption = true;
      operand(it.value);
      // value := operand (binop operand)*, unless the next word starts an option.
      while (i + 1 < t.size() && isBinaryOp(t[i]) && !(i + 2 < t.size() && t[i + 2] == "="))
        it.value += t[i++], operand(it.value);
      p.options[llvm::StringRef(it.name).lower()] = it.value;
    } else {
      p.flags.push_back(llvm::StringRef(it.name).lower());
    }
    p.items.push_back(std::move(it));
  }
  return p;
}

bool allo::isNumericHLSOption(llvm::StringRef option) {
  static const char *const names[] = {"ii",
                                      "factor",
                                      "dim",
                                      "depth",
                                      "min",
                                      "max",
                                      "avg",
                                      "latency",
                                      "distance",
                                      "limit",
                                      "max_read_burst_length",
                                      "max_write_burst_length",
                                      "num_read_outstanding",
                                      "num_write_outstanding",
                                      "max_widen_bitwidth"};
  for (const char *n : names)
    if (option.equals_insensitive(n))
      return true;
  return false;
}

bool allo::isDeclarationHLSDirective(llvm::StringRef directive) {
  static const char *const names[] = {"array_partition", "array_reshape", "bind_storage",
                                      "stream",          "reset",         "aggregate",
                                      "disaggregate",    "bind_op",       "resource"};
  for (const char *n : names)
    if (directive.equals_insensitive(n))
      return true;
  return false;
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
