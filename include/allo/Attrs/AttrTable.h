//===- AttrTable.h - The allo:: attribute vocabulary -----------*- C++ -*-===//
//
// A C++ view of attrs/AlloAttrs.def: every attribute with its subjects and
// arguments. Registration, argument checking and generated docs use it.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_ATTRS_ATTRTABLE_H
#define ALLO_ATTRS_ATTRTABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace allo {

/// What an attribute may be written on.
enum AttrSubject : unsigned {
  Function = 1u << 0,
  Variable = 1u << 1,
  Param = 1u << 2,
  Loop = 1u << 3,
};

/// How an argument is written and checked (see attrs/AlloAttrs.def).
enum class ArgKind { PosInt, NonNegInt, PosIntList, Flag, String, Enum, LayoutList };

struct ArgSpec {
  const char *name;
  ArgKind kind;
  const char *defaultValue; ///< "" when none; for Enum the '|' list of words
  const char *summary;
};

struct AttrSpec {
  const char *name;
  unsigned subjects; ///< a set of AttrSubject
  const char *summary;
  llvm::ArrayRef<ArgSpec> args;

  const ArgSpec *findArg(llvm::StringRef arg) const;
  /// The positional argument (String or LayoutList kind), if any.
  const ArgSpec *positionalArg() const;
  /// "a function", "a loop or a function", ...
  std::string describeSubjects() const;
};

/// All attributes, in table order.
llvm::ArrayRef<AttrSpec> allAttrSpecs();
const AttrSpec *findAttrSpec(llvm::StringRef name);

/// The closest known name to `word` among `candidates` (edit distance <= 2,
/// or a case-insensitive match), or "" if none is close.
std::string closestName(llvm::StringRef word, llvm::ArrayRef<llvm::StringRef> candidates);

/// Markdown reference of every attribute, generated from the table.
std::string renderAttrDocs();

} // namespace allo

#endif
