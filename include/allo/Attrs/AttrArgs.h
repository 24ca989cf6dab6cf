//===- AttrArgs.h - Parsing and evaluating allo:: attribute args -*- C++ -*-===//
//
// Clang drops the arguments of scoped plugin attributes, so Allo re-reads the
// text between the parentheses and parses it here. Parsing is independent of
// Clang: identifiers are resolved through a callback, which lets the same
// code check attributes while parsing (Sema scopes) and evaluate them per
// template instantiation while raising.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_ATTRS_ATTRARGS_H
#define ALLO_ATTRS_ATTRARGS_H

#include "allo/Attrs/AttrTable.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace allo {

/// An integer constant expression in an attribute argument.
struct ArgExpr {
  enum Kind { Int, Ident, Neg, Binary } kind = Int;
  int64_t value = 0;                 ///< Int
  std::string name;                  ///< Ident (possibly qualified, "ns::N") or Binary operator
  std::unique_ptr<ArgExpr> lhs, rhs; ///< Neg uses lhs
  unsigned offset = 0;               ///< into the argument text
};

struct LayoutItem {
  bool shard = false;            ///< shard(k) if true, replicate otherwise
  std::unique_ptr<ArgExpr> axis; ///< k
  unsigned offset = 0;
};

/// One argument as written.
struct ParsedArg {
  const ArgSpec *spec = nullptr;
  unsigned offset = 0;
  std::vector<std::unique_ptr<ArgExpr>> values; ///< PosInt, NonNegInt, PosIntList
  std::string text;                             ///< String, Enum
  std::vector<LayoutItem> layout;               ///< LayoutList
};

struct ParsedAlloAttr {
  const AttrSpec *spec = nullptr;
  std::vector<ParsedArg> args;
  const ParsedArg *find(llvm::StringRef name) const;
};

/// A problem at `offset` bytes into the argument text.
struct AttrArgError {
  unsigned offset = 0;
  std::string message;
};

/// Parses `text`, the source that follows the attribute name: empty, or a
/// balanced "( ... )" possibly preceded by white space. Checks argument names,
/// forms and arity against `spec`; values are checked by evaluateAttr.
bool parseAttrArgs(const AttrSpec &spec, llvm::StringRef text, ParsedAlloAttr &out,
                   AttrArgError &error);

/// What an identifier in an argument denotes.
struct IdentValue {
  enum State { Value, Dependent, NotConstant, Unknown } state = Unknown;
  int64_t value = 0;
  std::string note; ///< for NotConstant: why
};
using IdentResolver = llvm::function_ref<IdentValue(llvm::StringRef name)>;

/// An attribute with every argument evaluated; omitted ones take defaults.
struct EvaluatedAttr {
  const AttrSpec *spec = nullptr;
  std::map<std::string, std::vector<int64_t>> ints;
  std::map<std::string, std::string> strings;
  std::vector<std::string> flags;
  std::vector<int64_t> layout; ///< grid axis per dimension, -1 = replicate

  std::optional<int64_t> getInt(llvm::StringRef name) const;
  std::vector<int64_t> getList(llvm::StringRef name) const;
  std::string getString(llvm::StringRef name) const;
  bool hasFlag(llvm::StringRef name) const;
  bool has(llvm::StringRef name) const; ///< written explicitly
};

enum class EvalStatus { Ok, Dependent, Error };

/// Evaluates `text` as one integer constant expression (the grammar of
/// attribute arguments: literals, identifiers, + - * / % << >>, parentheses).
/// `dependent` is set when it depends on a template parameter.
std::optional<int64_t> evaluateIntExpression(llvm::StringRef text, IdentResolver resolve,
                                             AttrArgError &error, bool &dependent);

/// Evaluates and range-checks every argument. Dependent means some value
/// depends on a template parameter (to be evaluated per instantiation).
EvalStatus evaluateAttr(const ParsedAlloAttr &attr, IdentResolver resolve, EvaluatedAttr &out,
                        AttrArgError &error);

/// Evaluates one integer constant expression written as `text` (the grammar
/// of attribute arguments: literals, identifiers, + - * / % << >>,
/// parentheses), e.g. the value of a `#pragma HLS` option; `what` names
/// it in messages.
EvalStatus evaluateIntExpr(llvm::StringRef text, IdentResolver resolve, int64_t &value,
                           AttrArgError &error, llvm::StringRef what = "attribute argument");

} // namespace allo

#endif
