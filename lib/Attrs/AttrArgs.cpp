//===- AttrArgs.cpp - Parsing and evaluating allo:: attribute args --------===//
#include "allo/Attrs/AttrArgs.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <cctype>
#include <limits>

using namespace allo;

namespace {

struct Token {
  enum Kind { End, Ident, Int, String, Punct } kind = End;
  std::string text; ///< identifier, punctuation, or decoded string
  int64_t value = 0;
  unsigned offset = 0;
};

class Lexer {
public:
  explicit Lexer(llvm::StringRef text) : text(text) {}

  bool lex(std::vector<Token> &tokens, AttrArgError &error) {
    while (true) {
      skipSpace();
      Token t;
      t.offset = pos;
      if (pos >= text.size()) {
        tokens.push_back(t);
        return true;
      }
      char c = text[pos];
      if (std::isalpha((unsigned char)c) || c == '_') {
        size_t b = pos;
        while (pos < text.size() && (std::isalnum((unsigned char)text[pos]) || text[pos] == '_'))
          ++pos;
        t.kind = Token::Ident;
        t.text = text.substr(b, pos - b).str();
      } else if (std::isdigit((unsigned char)c)) {
        if (!lexNumber(t, error))
          return false;
      } else if (c == '"') {
        if (!lexString(t, error))
          return false;
      } else {
        static const char *const puncts[] = {"<<", ">>", "::", "(", ")", ",",
                                             "=",  "+",  "-",  "*", "/", "%"};
        bool found = false;
        for (const char *p : puncts) {
          if (text.substr(pos).starts_with(p)) {
            t.kind = Token::Punct;
            t.text = p;
            pos += t.text.size();
            found = true;
            break;
          }
        }
        if (!found) {
          error = {(unsigned)pos,
                   std::string("unexpected character '") + c + "' in attribute arguments"};
          return false;
        }
      }
      tokens.push_back(std::move(t));
    }
  }

private:
  void skipSpace() {
    while (pos < text.size()) {
      if (std::isspace((unsigned char)text[pos])) {
        ++pos;
      } else if (text.substr(pos).starts_with("//")) {
        while (pos < text.size() && text[pos] != '\n')
          ++pos;
      } else if (text.substr(pos).starts_with("/*")) {
        size_t end = text.find("*/", pos + 2);
        pos = end == llvm::StringRef::npos ? text.size() : end + 2;
      } else {
        break;
      }
    }
  }

  bool lexNumber(Token &t, AttrArgError &error) {
    size_t b = pos;
    while (pos < text.size() && (std::isalnum((unsigned char)text[pos]) || text[pos] == '\''))
      ++pos;
    std::string digits;
    for (char c : text.substr(b, pos - b))
      if (c != '\'')
        digits += c;
    // Strip integer suffixes (u, l, ll, z in any case/order).
    llvm::StringRef body(digits);
    unsigned radix = 10;
    if (body.starts_with_insensitive("0x")) {
      radix = 16;
      body = body.drop_front(2);
    } else if (body.starts_with_insensitive("0b")) {
      radix = 2;
      body = body.drop_front(2);
    } else if (body.size() > 1 && body[0] == '0') {
      radix = 8;
    }
    while (!body.empty() && llvm::StringRef("uUlLzZ").contains(body.back()))
      body = body.drop_back();
    unsigned long long v = 0;
    if (body.empty() || body.getAsInteger(radix, v) ||
        v > (unsigned long long)std::numeric_limits<int64_t>::max()) {
      error = {(unsigned)b, "invalid integer literal '" + text.substr(b, pos - b).str() + "'"};
      return false;
    }
    t.kind = Token::Int;
    t.value = (int64_t)v;
    return true;
  }

  bool lexString(Token &t, AttrArgError &error) {
    size_t b = pos++;
    std::string out;
    while (pos < text.size() && text[pos] != '"') {
      if (text[pos] == '\\' && pos + 1 < text.size())
        ++pos;
      out += text[pos++];
    }
    if (pos >= text.size()) {
      error = {(unsigned)b, "unterminated string literal"};
      return false;
    }
    ++pos;
    t.kind = Token::String;
    t.text = out;
    return true;
  }

  llvm::StringRef text;
  size_t pos = 0;
};

class Parser {
public:
  Parser(const AttrSpec &spec, std::vector<Token> tokens, AttrArgError &error)
      : spec(spec), toks(std::move(tokens)), error(error) {}

  /// The whole token list as one integer constant expression.
  std::unique_ptr<ArgExpr> parseWholeExpr() {
    auto e = parseExpr();
    if (e && !at(Token::End)) {
      fail(cur().offset, "unexpected '" + cur().text + "' after the expression");
      return nullptr;
    }
    return e;
  }

  bool parse(ParsedAlloAttr &out) {
    out.spec = &spec;
    if (at(Token::End))
      return true;
    if (!isPunct("("))
      return fail(cur().offset, "expected '(' after 'allo::" + std::string(spec.name) + "'");
    unsigned open = cur().offset;
    ++i;
    if (isPunct(")")) {
      ++i;
      if (!spec.args.empty() && spec.positionalArg() &&
          spec.positionalArg()->kind == ArgKind::String)
        return fail(open, "'allo::" + std::string(spec.name) +
                              "' takes one string argument, e.g. allo::" + spec.name + "(\"row\")");
      return expectEnd();
    }
    if (spec.args.empty())
      return fail(cur().offset, "'allo::" + std::string(spec.name) + "' takes no arguments");
    while (true) {
      if (!parseArg(out))
        return false;
      if (isPunct(",")) {
        ++i;
        continue;
      }
      if (isPunct(")")) {
        ++i;
        break;
      }
      return fail(cur().offset, "expected ',' or ')' in attribute arguments");
    }
    if (const ArgSpec *pos = spec.positionalArg()) {
      if (pos->kind == ArgKind::String && !out.find(pos->name))
        return fail(open, "'allo::" + std::string(spec.name) + "' needs a string argument");
    }
    return expectEnd();
  }

  const Token &cur() const { return toks[i]; }
  bool at(Token::Kind k) const { return cur().kind == k; }

private:
  bool isPunct(const char *p) const { return at(Token::Punct) && cur().text == p; }
  bool fail(unsigned offset, std::string msg) {
    error = {offset, std::move(msg)};
    return false;
  }
  bool expectEnd() {
    if (!at(Token::End))
      return fail(cur().offset, "unexpected text after the attribute arguments");
    return true;
  }

  std::string argNames() const {
    std::string s;
    for (const ArgSpec &a : spec.args) {
      if (a.kind == ArgKind::String || a.kind == ArgKind::LayoutList)
        continue;
      s += s.empty() ? "" : ", ";
      s += a.name;
    }
    return s;
  }

  bool unknownArg(const Token &name) {
    llvm::SmallVector<llvm::StringRef, 8> names;
    for (const ArgSpec &a : spec.args)
      if (a.kind != ArgKind::String && a.kind != ArgKind::LayoutList)
        names.push_back(a.name);
    std::string msg = "unknown argument '" + name.text + "' for 'allo::" + spec.name + "'";
    std::string names_ = argNames();
    if (names_.empty())
      msg += " (it takes no named arguments)";
    else
      msg += " (expected one of: " + names_ + ")";
    std::string guess = closestName(name.text, names);
    if (!guess.empty())
      msg += "; did you mean '" + guess + "'?";
    return fail(name.offset, msg);
  }

  bool parseArg(ParsedAlloAttr &out) {
    const ArgSpec *positional = spec.positionalArg();
    if (positional && positional->kind == ArgKind::String) {
      if (!at(Token::String))
        return fail(cur().offset, "'allo::" + std::string(spec.name) +
                                      "' takes one string argument, e.g. allo::" + spec.name +
                                      "(\"row\")");
      if (out.find(positional->name))
        return fail(cur().offset,
                    "'allo::" + std::string(spec.name) + "' takes exactly one string argument");
      ParsedArg a;
      a.spec = positional;
      a.offset = cur().offset;
      a.text = cur().text;
      if (a.text.empty())
        return fail(cur().offset, "the name must not be empty");
      ++i;
      out.args.push_back(std::move(a));
      return true;
    }
    if (positional && positional->kind == ArgKind::LayoutList)
      return parseLayoutItem(out, *positional);

    if (!at(Token::Ident))
      return fail(cur().offset, "expected an argument name (one of: " + argNames() + ")");
    Token name = cur();
    const ArgSpec *arg = spec.findArg(name.text);
    if (!arg)
      return unknownArg(name);
    if (out.find(arg->name))
      return fail(name.offset, "argument '" + name.text + "' given twice");
    ++i;
    ParsedArg a;
    a.spec = arg;
    a.offset = name.offset;
    switch (arg->kind) {
    case ArgKind::Flag:
      if (isPunct("=") || isPunct("("))
        return fail(cur().offset, "'" + name.text + "' is a flag and takes no value");
      break;
    case ArgKind::PosInt:
    case ArgKind::NonNegInt: {
      if (isPunct("(")) {
        // Accept ii(2) as a synonym of ii=2 when there is exactly one value.
        ++i;
        auto e = parseExpr();
        if (!e)
          return false;
        a.values.push_back(std::move(e));
        if (!isPunct(")"))
          return fail(cur().offset, "'" + name.text + "' takes one value: " + name.text + "=N");
        ++i;
        break;
      }
      if (!isPunct("="))
        return fail(cur().offset, "'" + name.text + "' needs a value: " + name.text + "=N");
      ++i;
      auto e = parseExpr();
      if (!e)
        return false;
      a.values.push_back(std::move(e));
      break;
    }
    case ArgKind::Enum: {
      if (!isPunct("="))
        return fail(cur().offset, "'" + name.text + "' needs a value: " + name.text + "=" +
                                      llvm::StringRef(arg->defaultValue).split('|').first.str());
      ++i;
      if (!at(Token::Ident))
        return fail(cur().offset, "'" + name.text + "' expects one of " + arg->defaultValue);
      llvm::SmallVector<llvm::StringRef, 4> words;
      llvm::StringRef(arg->defaultValue).split(words, '|');
      if (!llvm::is_contained(words, cur().text)) {
        std::string msg = "invalid value '" + cur().text + "' for '" + name.text +
                          "' (expected one of: " + arg->defaultValue + ")";
        std::string guess = closestName(cur().text, words);
        if (!guess.empty())
          msg += "; did you mean '" + guess + "'?";
        return fail(cur().offset, msg);
      }
      a.text = cur().text;
      ++i;
      break;
    }
    case ArgKind::PosIntList: {
      if (!isPunct("("))
        return fail(cur().offset,
                    "'" + name.text + "' takes a list of values: " + name.text + "(N, ...)");
      unsigned open = cur().offset;
      ++i;
      if (isPunct(")"))
        return fail(open, "'" + name.text + "' needs at least one value");
      while (true) {
        auto e = parseExpr();
        if (!e)
          return false;
        a.values.push_back(std::move(e));
        if (isPunct(",")) {
          ++i;
          continue;
        }
        if (isPunct(")")) {
          ++i;
          break;
        }
        return fail(cur().offset, "expected ',' or ')' in the list of '" + name.text + "'");
      }
      break;
    }
    case ArgKind::String:
    case ArgKind::LayoutList: break; // handled above
    }
    out.args.push_back(std::move(a));
    return true;
  }

  bool parseLayoutItem(ParsedAlloAttr &out, const ArgSpec &arg) {
    ParsedArg *list = nullptr;
    for (ParsedArg &a : out.args)
      if (a.spec == &arg)
        list = &a;
    if (!list) {
      out.args.emplace_back();
      list = &out.args.back();
      list->spec = &arg;
      list->offset = cur().offset;
    }
    LayoutItem item;
    item.offset = cur().offset;
    if (at(Token::Ident) && cur().text == "replicate") {
      ++i;
    } else if (at(Token::Ident) && cur().text == "shard") {
      ++i;
      if (!isPunct("("))
        return fail(cur().offset, "'shard' takes the grid axis: shard(k)");
      ++i;
      item.shard = true;
      item.axis = parseExpr();
      if (!item.axis)
        return false;
      if (!isPunct(")"))
        return fail(cur().offset, "'shard' takes exactly one grid axis: shard(k)");
      ++i;
    } else {
      std::string msg = "expected 'shard(k)' or 'replicate' in 'allo::layout'";
      if (at(Token::Ident)) {
        std::string guess = closestName(cur().text, {"shard", "replicate"});
        if (!guess.empty())
          msg += "; did you mean '" + guess + "'?";
      }
      return fail(cur().offset, msg);
    }
    list->layout.push_back(std::move(item));
    return true;
  }

  // expr := shift ; shift := add (('<<'|'>>') add)* ; add := mul (('+'|'-') mul)*
  // mul := unary (('*'|'/'|'%') unary)* ; unary := '-' unary | '+' unary | primary
public:
  std::unique_ptr<ArgExpr> parseExpr() { return parseBinary(0); }

private:
  static int precedence(const Token &t) {
    if (t.kind != Token::Punct)
      return -1;
    if (t.text == "<<" || t.text == ">>")
      return 0;
    if (t.text == "+" || t.text == "-")
      return 1;
    if (t.text == "*" || t.text == "/" || t.text == "%")
      return 2;
    return -1;
  }

  std::unique_ptr<ArgExpr> parseBinary(int minPrec) {
    auto lhs = parseUnary();
    if (!lhs)
      return nullptr;
    while (precedence(cur()) >= minPrec) {
      Token op = cur();
      ++i;
      auto rhs = parseBinary(precedence(op) + 1);
      if (!rhs)
        return nullptr;
      auto e = std::make_unique<ArgExpr>();
      e->kind = ArgExpr::Binary;
      e->name = op.text;
      e->offset = op.offset;
      e->lhs = std::move(lhs);
      e->rhs = std::move(rhs);
      lhs = std::move(e);
    }
    return lhs;
  }

  std::unique_ptr<ArgExpr> parseUnary() {
    if (isPunct("-") || isPunct("+")) {
      Token op = cur();
      ++i;
      auto inner = parseUnary();
      if (!inner)
        return nullptr;
      if (op.text == "+")
        return inner;
      auto e = std::make_unique<ArgExpr>();
      e->kind = ArgExpr::Neg;
      e->offset = op.offset;
      e->lhs = std::move(inner);
      return e;
    }
    return parsePrimary();
  }

  std::unique_ptr<ArgExpr> parsePrimary() {
    auto e = std::make_unique<ArgExpr>();
    e->offset = cur().offset;
    if (at(Token::Int)) {
      e->kind = ArgExpr::Int;
      e->value = cur().value;
      ++i;
      return e;
    }
    if (at(Token::Ident) || isPunct("::")) {
      e->kind = ArgExpr::Ident;
      if (isPunct("::")) {
        e->name = "::";
        ++i;
      }
      while (true) {
        if (!at(Token::Ident)) {
          fail(cur().offset, "expected an identifier");
          return nullptr;
        }
        e->name += cur().text;
        ++i;
        if (!isPunct("::"))
          break;
        e->name += "::";
        ++i;
      }
      if (isPunct("(")) {
        fail(cur().offset, "'" + e->name +
                               "(...)' is not allowed here: arguments must be integer constant "
                               "expressions (literals, constexpr variables, template parameters)");
        return nullptr;
      }
      return e;
    }
    if (isPunct("(")) {
      ++i;
      auto inner = parseExpr();
      if (!inner)
        return nullptr;
      if (!isPunct(")")) {
        fail(cur().offset, "expected ')'");
        return nullptr;
      }
      ++i;
      return inner;
    }
    if (at(Token::String)) {
      fail(cur().offset, "expected an integer constant expression, found a string");
      return nullptr;
    }
    if (at(Token::End)) {
      fail(cur().offset, "expected an integer constant expression, found the end of the arguments");
      return nullptr;
    }
    fail(cur().offset, "expected an integer constant expression, found '" + cur().text + "'");
    return nullptr;
  }

  const AttrSpec &spec;
  std::vector<Token> toks;
  AttrArgError &error;
  size_t i = 0;
};

struct Evaluator {
  IdentResolver resolve;
  AttrArgError &error;
  bool dependent = false;
  std::string what = "attribute argument"; ///< where the expression is written

  /// Attribute values are C++ `int`s (II, factors, depths, extents): every
  /// operand and intermediate result must fit, as it must in C++ without
  /// overflow.
  std::optional<int64_t> eval(const ArgExpr &e) {
    std::optional<int64_t> v = evalUnchecked(e);
    if (v && !dependent &&
        (*v < std::numeric_limits<int32_t>::min() || *v > std::numeric_limits<int32_t>::max())) {
      error = {e.offset, "integer overflow in " + what + ": " + std::to_string(*v) +
                             " does not fit in an 'int'"};
      return std::nullopt;
    }
    return v;
  }

  // Returns nullopt on error; sets `dependent` when a template parameter is involved.
  std::optional<int64_t> evalUnchecked(const ArgExpr &e) {
    switch (e.kind) {
    case ArgExpr::Int: return e.value;
    case ArgExpr::Ident: {
      IdentValue v = resolve(e.name);
      switch (v.state) {
      case IdentValue::Value: return v.value;
      case IdentValue::Dependent: dependent = true; return 0;
      case IdentValue::NotConstant:
        error = {e.offset, "'" + e.name + "' is not an integer constant expression" +
                               (v.note.empty() ? std::string() : " (" + v.note + ")") + "; " +
                               what +
                               "s must be literals, constexpr variables, "
                               "enumerators or template parameters"};
        return std::nullopt;
      case IdentValue::Unknown:
        error = {e.offset, "use of undeclared identifier '" + e.name + "' in " + what};
        return std::nullopt;
      }
      return std::nullopt;
    }
    case ArgExpr::Neg: {
      auto v = eval(*e.lhs);
      if (!v)
        return std::nullopt;
      return -*v;
    }
    case ArgExpr::Binary: {
      auto l = eval(*e.lhs);
      if (!l)
        return std::nullopt;
      auto r = eval(*e.rhs);
      if (!r)
        return std::nullopt;
      if (dependent)
        return 0;
      const std::string &op = e.name;
      int64_t result = 0;
      bool overflow = false;
      if (op == "+")
        overflow = __builtin_add_overflow(*l, *r, &result);
      else if (op == "-")
        overflow = __builtin_sub_overflow(*l, *r, &result);
      else if (op == "*")
        overflow = __builtin_mul_overflow(*l, *r, &result);
      else if (op == "/" || op == "%") {
        if (*r == 0) {
          error = {e.offset, "division by zero in " + what};
          return std::nullopt;
        }
        if (*l == std::numeric_limits<int64_t>::min() && *r == -1)
          overflow = true;
        else
          result = op == "/" ? *l / *r : *l % *r;
      } else if (op == "<<" || op == ">>") {
        if (*r < 0 || *r >= 32) {
          error = {e.offset, "shift amount out of range in " + what};
          return std::nullopt;
        }
        if (op == ">>")
          result = *l >> *r;
        else {
          result = (int64_t)((uint64_t)*l << *r);
          overflow = (result >> *r) != *l;
        }
      }
      if (overflow) {
        error = {e.offset, "integer overflow in " + what};
        return std::nullopt;
      }
      return result;
    }
    }
    return std::nullopt;
  }
};

} // namespace

const ParsedArg *ParsedAlloAttr::find(llvm::StringRef name) const {
  for (const ParsedArg &a : args)
    if (a.spec && name == a.spec->name)
      return &a;
  return nullptr;
}

EvalStatus allo::evaluateIntExpr(llvm::StringRef text, IdentResolver resolve, int64_t &value,
                                 AttrArgError &error, llvm::StringRef what) {
  std::vector<Token> tokens;
  if (!Lexer(text).lex(tokens, error))
    return EvalStatus::Error;
  static const AttrSpec none{"", 0, "", {}};
  Parser p(none, std::move(tokens), error);
  auto e = p.parseExpr();
  if (!e)
    return EvalStatus::Error;
  if (!p.at(Token::End)) {
    error = {p.cur().offset, "unexpected '" + p.cur().text + "' after the expression"};
    return EvalStatus::Error;
  }
  Evaluator ev{resolve, error};
  ev.what = what.str();
  auto v = ev.eval(*e);
  if (!v)
    return EvalStatus::Error;
  value = *v;
  return ev.dependent ? EvalStatus::Dependent : EvalStatus::Ok;
}

bool allo::parseAttrArgs(const AttrSpec &spec, llvm::StringRef text, ParsedAlloAttr &out,
                         AttrArgError &error) {
  std::vector<Token> tokens;
  if (!Lexer(text).lex(tokens, error))
    return false;
  return Parser(spec, std::move(tokens), error).parse(out);
}

std::optional<int64_t> EvaluatedAttr::getInt(llvm::StringRef name) const {
  auto it = ints.find(name.str());
  if (it != ints.end() && !it->second.empty())
    return it->second.front();
  if (const ArgSpec *a = spec ? spec->findArg(name) : nullptr) {
    int64_t v;
    if ((a->kind == ArgKind::PosInt || a->kind == ArgKind::NonNegInt) &&
        !llvm::StringRef(a->defaultValue).getAsInteger(10, v))
      return v;
  }
  return std::nullopt;
}

std::vector<int64_t> EvaluatedAttr::getList(llvm::StringRef name) const {
  auto it = ints.find(name.str());
  return it == ints.end() ? std::vector<int64_t>() : it->second;
}

std::string EvaluatedAttr::getString(llvm::StringRef name) const {
  auto it = strings.find(name.str());
  if (it != strings.end())
    return it->second;
  if (const ArgSpec *a = spec ? spec->findArg(name) : nullptr)
    if (a->kind == ArgKind::Enum)
      return llvm::StringRef(a->defaultValue).split('|').first.str();
  return "";
}

bool EvaluatedAttr::hasFlag(llvm::StringRef name) const {
  return llvm::is_contained(flags, name.str());
}

bool EvaluatedAttr::has(llvm::StringRef name) const {
  return ints.count(name.str()) || strings.count(name.str()) || hasFlag(name) ||
         (spec && spec->positionalArg() && name == spec->positionalArg()->name && !layout.empty());
}

EvalStatus allo::evaluateAttr(const ParsedAlloAttr &attr, IdentResolver resolve, EvaluatedAttr &out,
                              AttrArgError &error) {
  out = EvaluatedAttr();
  out.spec = attr.spec;
  Evaluator ev{resolve, error};
  for (const ParsedArg &a : attr.args) {
    const std::string name = a.spec->name;
    switch (a.spec->kind) {
    case ArgKind::Flag: out.flags.push_back(name); break;
    case ArgKind::String:
    case ArgKind::Enum: out.strings[name] = a.text; break;
    case ArgKind::PosInt:
    case ArgKind::NonNegInt:
    case ArgKind::PosIntList: {
      std::vector<int64_t> values;
      for (const auto &e : a.values) {
        bool wasDependent = ev.dependent;
        ev.dependent = false;
        auto v = ev.eval(*e);
        if (!v)
          return EvalStatus::Error;
        if (!ev.dependent) {
          bool positive = a.spec->kind != ArgKind::NonNegInt;
          if (positive ? *v < 1 : *v < 0) {
            error = {e->offset, "'" + name + "' must be " +
                                    (positive ? "a positive integer" : "a non-negative integer") +
                                    ", got " + std::to_string(*v)};
            return EvalStatus::Error;
          }
        }
        ev.dependent |= wasDependent;
        values.push_back(*v);
      }
      out.ints[name] = std::move(values);
      break;
    }
    case ArgKind::LayoutList:
      for (const LayoutItem &item : a.layout) {
        if (!item.shard) {
          out.layout.push_back(-1);
          continue;
        }
        bool wasDependent = ev.dependent;
        ev.dependent = false;
        auto v = ev.eval(*item.axis);
        if (!v)
          return EvalStatus::Error;
        if (!ev.dependent && *v < 0) {
          error = {item.axis->offset, "grid axis must be non-negative, got " + std::to_string(*v)};
          return EvalStatus::Error;
        }
        ev.dependent |= wasDependent;
        out.layout.push_back(*v);
      }
      break;
    }
  }
  return ev.dependent ? EvalStatus::Dependent : EvalStatus::Ok;
}

std::optional<int64_t> allo::evaluateIntExpression(llvm::StringRef text, IdentResolver resolve,
                                                   AttrArgError &error, bool &dependent) {
  dependent = false;
  std::vector<Token> tokens;
  if (!Lexer(text).lex(tokens, error))
    return std::nullopt;
  static const AttrSpec none{"", 0, "", {}};
  auto e = Parser(none, std::move(tokens), error).parseWholeExpr();
  if (!e)
    return std::nullopt;
  Evaluator ev{resolve, error};
  auto v = ev.eval(*e);
  dependent = ev.dependent;
  return v;
}
