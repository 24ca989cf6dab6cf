//===- AttrTable.cpp - The allo:: attribute vocabulary --------------------===//
#include "allo/Attrs/AttrTable.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <deque>
#include <vector>

using namespace allo;

namespace {
struct ArgRow {
  const char *attr;
  ArgSpec spec;
};
const ArgRow argRows[] = {
#define ALLO_ARG(Attr, Arg, Kind, Default, Summary)                                                \
  {#Attr, {#Arg, ArgKind::Kind, Default, Summary}},
#include "../../attrs/AlloAttrs.def"
};

struct AttrRow {
  const char *name;
  unsigned subjects;
  const char *summary;
};
const AttrRow attrRows[] = {
#define ALLO_ATTR(Name, Subjects, Summary) {#Name, (Subjects), Summary},
#include "../../attrs/AlloAttrs.def"
};

std::vector<AttrSpec> buildSpecs() {
  std::vector<AttrSpec> specs;
  for (const AttrRow &row : attrRows) {
    // Arguments of one attribute are consecutive rows of argRows.
    const ArgRow *first = nullptr;
    size_t count = 0;
    for (const ArgRow &arg : argRows) {
      if (llvm::StringRef(arg.attr) != row.name)
        continue;
      if (!first)
        first = &arg;
      ++count;
    }
    llvm::ArrayRef<ArgSpec> args;
    if (first) {
      // Copy the specs into storage that lives as long as the table.
      static std::deque<std::vector<ArgSpec>> storage;
      storage.emplace_back();
      for (size_t i = 0; i < count; ++i)
        storage.back().push_back(first[i].spec);
      args = storage.back();
    }
    specs.push_back(AttrSpec{row.name, row.subjects, row.summary, args});
  }
  return specs;
}

const char *kindSyntax(const ArgSpec &a) {
  switch (a.kind) {
  case ArgKind::PosInt:
  case ArgKind::NonNegInt: return "=N";
  case ArgKind::PosIntList: return "(N, ...)";
  case ArgKind::Flag: return "";
  case ArgKind::String: return "\"...\"";
  case ArgKind::Enum: return "=word";
  case ArgKind::LayoutList: return "shard(k) | replicate, ...";
  }
  return "";
}
} // namespace

llvm::ArrayRef<AttrSpec> allo::allAttrSpecs() {
  static const std::vector<AttrSpec> specs = buildSpecs();
  return specs;
}

const AttrSpec *allo::findAttrSpec(llvm::StringRef name) {
  for (const AttrSpec &s : allAttrSpecs())
    if (name == s.name)
      return &s;
  return nullptr;
}

const ArgSpec *AttrSpec::findArg(llvm::StringRef arg) const {
  for (const ArgSpec &a : args)
    if (arg == a.name)
      return &a;
  return nullptr;
}

const ArgSpec *AttrSpec::positionalArg() const {
  for (const ArgSpec &a : args)
    if (a.kind == ArgKind::String || a.kind == ArgKind::LayoutList)
      return &a;
  return nullptr;
}

std::string AttrSpec::describeSubjects() const {
  llvm::SmallVector<std::string, 4> parts;
  if (subjects & Function)
    parts.push_back("a function");
  if (subjects & Variable)
    parts.push_back("a variable declaration");
  if (subjects & Param)
    parts.push_back("a function parameter");
  if (subjects & Loop)
    parts.push_back("a loop (for, while, do)");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i)
      out += i + 1 == parts.size() ? " or " : ", ";
    out += parts[i];
  }
  return out;
}

std::string allo::closestName(llvm::StringRef word, llvm::ArrayRef<llvm::StringRef> candidates) {
  std::string best;
  unsigned bestDist = 3;
  for (llvm::StringRef c : candidates) {
    if (c.equals_insensitive(word))
      return c.str();
    unsigned d = word.edit_distance(c, /*AllowReplacements=*/true, bestDist);
    // Short words need a closer match to be a plausible typo.
    if (d < bestDist && d <= std::max<size_t>(1, c.size() / 3)) {
      bestDist = d;
      best = c.str();
    }
  }
  return best;
}

std::string allo::renderAttrDocs() {
  std::string out;
  for (const AttrSpec &s : allAttrSpecs()) {
    out += "### `[[allo::" + std::string(s.name) + "]]`\n\n";
    out += std::string(s.summary) + "\n\n";
    out += "Written on " + s.describeSubjects() + ".\n\n";
    if (s.args.empty()) {
      out += "Takes no arguments.\n\n";
      continue;
    }
    out += "| argument | form | default | meaning |\n|---|---|---|---|\n";
    for (const ArgSpec &a : s.args) {
      std::string form = a.kind == ArgKind::String || a.kind == ArgKind::LayoutList
                             ? std::string(kindSyntax(a))
                             : std::string(a.name) + kindSyntax(a);
      std::string def = a.kind == ArgKind::Enum
                            ? llvm::StringRef(a.defaultValue).split('|').first.str()
                            : std::string(a.defaultValue);
      std::string summary = a.summary;
      if (a.kind == ArgKind::Enum)
        summary += " (one of " + std::string(a.defaultValue) + ")";
      out += "| `" + std::string(a.name) + "` | `" + form + "` | " +
             (def.empty() ? "—" : "`" + def + "`") + " | " + summary + " |\n";
    }
    out += "\n";
  }
  return out;
}
