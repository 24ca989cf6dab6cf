//===- HLSPragmas.h - Existing #pragma HLS directives -------------*- C++ -*-===//
//
// Existing Vitis HLS code carries its directives as `#pragma HLS ...`. A
// pragma handler (registered with Clang by the plugin and linked into
// allo-rewrite) records every one with its location; the frontend attaches
// each to the loop or function whose body it is written in and turns the
// known ones into the same allo.* attributes as the allo:: attributes, so
// they are re-emitted (and scheduled) like any other customization. Unknown
// directives are kept verbatim and re-emitted in place.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_ATTRS_HLSPRAGMAS_H
#define ALLO_ATTRS_HLSPRAGMAS_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <string>
#include <vector>

namespace allo {

struct HLSPragma {
  clang::SourceLocation loc; ///< of the directive (`pipeline` in `#pragma HLS pipeline`)
  std::string text;          ///< everything after `HLS`, tokens joined by spaces
};

/// The pragmas seen by the current compilation, in source order.
std::vector<HLSPragma> &hlsPragmas();

/// `pipeline II=2 rewind` -> directive "pipeline", options {ii: "2"},
/// flags {"rewind"}. Option names and the directive are lower-cased. An
/// option's value is a name, a number or an integer expression written
/// without its spaces (`factor = N / 2` -> "N/2"); `items` keeps every option
/// and flag in source order, as written, for printing the pragma back.
struct ParsedHLSPragma {
  struct Item {
    std::string name;  ///< as written
    std::string value; ///< empty for a flag
    bool isOption = false;
  };
  std::string directive;
  std::map<std::string, std::string> options;
  std::vector<std::string> flags;
  std::vector<Item> items;
  bool has(llvm::StringRef flag) const;
  std::string get(llvm::StringRef option, llvm::StringRef otherwise = "") const;
  /// Replaces the value of an option (case-insensitive name); false if absent.
  bool set(llvm::StringRef option, llvm::StringRef value);
  /// The directive and its items, as `#pragma HLS` would take them.
  std::string str() const;
};
ParsedHLSPragma parseHLSPragma(llvm::StringRef text);

/// True for the options whose values are integers (II, factor, dim, depth,
/// min/max/avg, latency, burst lengths, ...): values that name constants or
/// template parameters are evaluated before the pragma is printed again.
bool isNumericHLSOption(llvm::StringRef option);

/// True for the directives that concern one variable and belong right after
/// its declaration (array_partition, array_reshape, bind_storage, stream,
/// reset, aggregate, disaggregate, bind_op).
bool isDeclarationHLSDirective(llvm::StringRef directive);

/// Makes sure the handler's registration is linked in.
void linkHLSPragmaHandler();

} // namespace allo

#endif
