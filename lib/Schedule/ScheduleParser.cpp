//===- ScheduleParser.cpp - JSON schedule files to typed steps ------------===//
//
// nlohmann/json parses the text; a small scanner of our own then records the
// byte offset of every value and key (nlohmann keeps none), so that each
// diagnostic can name both the JSON path and line:column. Steps are checked
// against the op table (scheduleOps(), generated from
// include/allo/TransformOps/AlloTransformOps.td): field kinds, bounds,
// defaults, and each op's own rules between fields (check<Impl>).
//
//===----------------------------------------------------------------------===//
#include "allo/Schedule/Schedule.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <climits>
#include <cmath>

using namespace allo;
using json = nlohmann::json;

//===----------------------------------------------------------------------===//
// Small helpers
//===----------------------------------------------------------------------===//

SchedulePos allo::positionOf(llvm::StringRef text, size_t offset) {
  offset = std::min(offset, text.size());
  SchedulePos p{1, 1};
  for (size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.col = 1;
    } else {
      ++p.col;
    }
  }
  return p;
}

std::string allo::closestMatch(llvm::StringRef word, llvm::ArrayRef<std::string> candidates) {
  std::string best;
  unsigned bestDist = UINT_MAX;
  unsigned limit = std::max<unsigned>(2, word.size() / 3);
  for (const std::string &c : candidates) {
    if (c == word)
      continue;
    unsigned d = word.edit_distance_insensitive(c, /*AllowReplacements=*/true, limit + 1);
    if (d <= limit && d < word.size() && d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best;
}

std::string ScheduleDiagnostic::str() const {
  std::string s = file;
  if (pos.line)
    s += ":" + std::to_string(pos.line) + ":" + std::to_string(pos.col);
  s += ": error: ";
  if (!path.empty())
    s += path + ": ";
  s += message;
  if (!suggestion.empty())
    s += "\n  note: " + suggestion;
  return s;
}

namespace {

//===----------------------------------------------------------------------===//
// Where each value is: a scanner over text that nlohmann already accepted
//===----------------------------------------------------------------------===//

class JsonLocator {
public:
  struct Place {
    size_t value = 0;      ///< offset of the value's first character
    size_t key = SIZE_MAX; ///< offset of the member's key (objects' members only)
  };

  JsonLocator(llvm::StringRef text) : text(text) {
    skipSpace();
    value("");
  }

  std::optional<Place> lookup(const std::string &path) const {
    auto it = places.find(path);
    if (it == places.end())
      return std::nullopt;
    return it->second;
  }

  /// Keys written twice in one object: (path of the second, offset of its key).
  std::vector<std::pair<std::string, size_t>> duplicates;

private:
  llvm::StringRef text;
  size_t i = 0;
  llvm::StringMap<Place> places;

  void skipSpace() {
    while (i < text.size() &&
           (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
      ++i;
  }

  std::string string() {
    // text[i] == '"'
    std::string s;
    ++i;
    while (i < text.size() && text[i] != '"') {
      if (text[i] == '\\' && i + 1 < text.size()) {
        char c = text[i + 1];
        if (c == 'u') {
          // Keys with \u escapes only matter for path names; keep the escape.
          s += text.substr(i, 6).str();
          i += 6;
          continue;
        }
        s += c == 'n'   ? '\n'
             : c == 't' ? '\t'
             : c == 'r' ? '\r'
             : c == 'b' ? '\b'
             : c == 'f' ? '\f'
                        : c;
        i += 2;
        continue;
      }
      s += text[i++];
    }
    ++i; // closing quote
    return s;
  }

  void value(const std::string &path, size_t keyOffset = SIZE_MAX) {
    Place p;
    p.value = i;
    p.key = keyOffset;
    places[path] = p;
    if (i >= text.size())
      return;
    char c = text[i];
    if (c == '{') {
      ++i;
      skipSpace();
      llvm::StringSet<> seen;
      while (i < text.size() && text[i] != '}') {
        size_t k = i;
        std::string key = string();
        std::string sub = path.empty() ? key : path + "." + key;
        if (!seen.insert(key).second)
          duplicates.push_back({sub, k});
        skipSpace();
        ++i; // ':'
        skipSpace();
        value(sub, k);
        skipSpace();
        if (i < text.size() && text[i] == ',') {
          ++i;
          skipSpace();
        }
      }
      ++i;
    } else if (c == '[') {
      ++i;
      skipSpace();
      unsigned n = 0;
      while (i < text.size() && text[i] != ']') {
        value(path + "[" + std::to_string(n++) + "]");
        skipSpace();
        if (i < text.size() && text[i] == ',') {
          ++i;
          skipSpace();
        }
      }
      ++i;
    } else if (c == '"') {
      string();
    } else {
      while (i < text.size() && !llvm::StringRef(",]} \t\r\n").contains(text[i]))
        ++i;
    }
  }
};

//===----------------------------------------------------------------------===//
// The parser proper
//===----------------------------------------------------------------------===//

const char *kindName(const json &v) {
  switch (v.type()) {
  case json::value_t::null: return "null";
  case json::value_t::object: return "an object";
  case json::value_t::array: return "an array";
  case json::value_t::string: return "a string";
  case json::value_t::boolean: return "a boolean";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned: return "an integer";
  case json::value_t::number_float: {
    double d = v.get<double>();
    return std::isfinite(d) && d == std::floor(d) ? "an integer" : "a number with a fraction";
  }
  default: return "an unsupported value";
  }
}

std::string listOf(llvm::ArrayRef<std::string> names) {
  std::string s;
  for (size_t i = 0; i < names.size(); ++i)
    s += (i ? ", " : "") + names[i];
  return s;
}

std::string quotedValue(const json &v) {
  std::string s = v.dump();
  if (s.size() > 40)
    s = s.substr(0, 37) + "...";
  return s;
}

class Parser {
public:
  Parser(llvm::StringRef text, llvm::StringRef file, std::vector<ScheduleDiagnostic> &diags,
         llvm::StringRef composedInto)
      : text(text), file(file.str()), diags(diags), composedInto(composedInto.str()),
        top(composedInto.str()) {}

  std::optional<Schedule> run();

private:
  llvm::StringRef text;
  std::string file;
  std::vector<ScheduleDiagnostic> &diags;
  std::optional<JsonLocator> locator;
  std::string composedInto;
  std::string top;
  unsigned errors = 0;

  SchedulePos posOf(const std::string &path, bool key = false) const {
    if (!locator)
      return {};
    auto p = locator->lookup(path);
    if (!p)
      return {};
    return positionOf(text, key && p->key != SIZE_MAX ? p->key : p->value);
  }

  void error(const std::string &path, SchedulePos pos, const std::string &message,
             const std::string &suggestion = "") {
    diags.push_back({file, pos, path, message, suggestion});
    ++errors;
  }
  void error(const std::string &path, const std::string &message,
             const std::string &suggestion = "", bool atKey = false) {
    error(path, posOf(path, atKey), message, suggestion);
  }

  bool prescan();
  void syntaxError(const json::parse_error &e);
  bool parseStep(const json &v, unsigned index, ScheduleStep &step);
  bool parseRef(const json &v, const std::string &path, FieldKind kind, ScheduleRef &ref);
  bool expectInt(const json &v, const std::string &path, const FieldSpec &f,
                 ScheduleField<int64_t> &out);
  bool expectBool(const json &v, const std::string &path, ScheduleField<bool> &out);
};

void Parser::syntaxError(const json::parse_error &e) {
  size_t offset = e.byte ? e.byte - 1 : 0;
  offset = std::min(offset, text.size());
  // nlohmann: "[json.exception.parse_error.101] parse error at line 1, column 2: <what>"
  llvm::StringRef what = e.what();
  size_t colon = what.find(": ", what.find("parse error"));
  if (colon != llvm::StringRef::npos)
    what = what.drop_front(colon + 2);
  std::string suggestion;
  llvm::StringRef before = text.take_front(offset).rtrim();
  char here = offset < text.size() ? text[offset] : 0;
  if (text.trim().empty()) {
    suggestion = "the file is empty; a schedule is an object {\"top\": \"f\", \"steps\": [...]}";
  } else if (text.substr(offset, 2) == "//" || text.substr(offset, 2) == "/*" ||
             before.ends_with("/")) {
    suggestion = "JSON has no comments; put notes in a \"comment\" field of the step";
  } else if (before.ends_with(",") && (here == '}' || here == ']')) {
    suggestion =
        "remove the trailing comma: JSON does not allow one before '" + std::string(1, here) + "'";
  } else if (here == '\'') {
    suggestion = "JSON strings and keys use double quotes (\"...\")";
  } else if (here && (llvm::isAlpha(here) || here == '_') &&
             !llvm::StringRef(text.substr(offset)).starts_with("true") &&
             !llvm::StringRef(text.substr(offset)).starts_with("false") &&
             !llvm::StringRef(text.substr(offset)).starts_with("null")) {
    suggestion = "keys and string values must be quoted: \"...\"";
  } else if (here == '"' || here == '{' || here == '[') {
    suggestion = "a ',' is probably missing before this";
  } else if (offset >= text.size()) {
    suggestion = "the text ends early: a closing '}' or ']' is probably missing";
  }
  error("", positionOf(text, offset), "malformed JSON: " + what.str(), suggestion);
}

bool Parser::parseRef(const json &v, const std::string &path, FieldKind kind, ScheduleRef &ref) {
  const char *what = kind == FieldKind::Function ? "a function name"
                     : kind == FieldKind::Array  ? "an array name \"func:name\""
                                                 : "a loop name \"func:name\"";
  if (!v.is_string()) {
    error(path, std::string("expected ") + what + ", got " + kindName(v) + " " + quotedValue(v),
          kind == FieldKind::Function ? "write the function's name as a string, e.g. \"gemm\""
                                      : "write it as a string, e.g. \"gemm:i\"");
    return false;
  }
  std::string s = v.get<std::string>();
  ref.spelled = s;
  ref.path = path;
  ref.pos = posOf(path);
  llvm::StringRef sr(s);
  if (kind == FieldKind::Function) {
    if (sr.trim().empty()) {
      error(path, "expected a function name, got an empty string");
      return false;
    }
    if (sr.contains(':')) {
      error(path, "expected a function name, got \"" + s + "\"",
            "use \"" + sr.split(':').first.str() + "\" (a function, not a loop or array)");
      return false;
    }
    ref.func = s;
    return true;
  }
  auto [fn, name] = sr.split(':');
  if (!sr.contains(':')) {
    if (top.empty()) {
      error(path, std::string("expected ") + what + ", got \"" + s + "\" without a function",
            "write \"<function>:" + s + "\", or set \"top\" to the function it belongs to");
      return false;
    }
    fn = top;
    name = sr;
  }
  if (fn.empty() || name.empty()) {
    error(path, std::string("expected ") + what + ", got \"" + s + "\"",
          "both the function and the name must be non-empty, e.g. \"gemm:i\"");
    return false;
  }
  ref.func = fn.str();
  ref.name = name.str();
  return true;
}

/// The value of an integer as JSON Schema's "integer" defines it (a number
/// whose fraction is zero: 4 and 4.0 alike). nullopt for other values;
/// `tooLarge` is set when it is an integer beyond int64_t.
std::optional<int64_t> integerValue(const json &v, bool &tooLarge) {
  tooLarge = false;
  if (v.is_number_unsigned()) {
    if (v.get<uint64_t>() > (uint64_t)INT64_MAX) {
      tooLarge = true;
      return std::nullopt;
    }
    return (int64_t)v.get<uint64_t>();
  }
  if (v.is_number_integer())
    return v.get<int64_t>();
  if (v.is_number_float()) {
    double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d))
      return std::nullopt;
    if (d >= 9.2e18 || d <= -9.2e18) {
      tooLarge = true;
      return std::nullopt;
    }
    return (int64_t)d;
  }
  return std::nullopt;
}

bool Parser::expectInt(const json &v, const std::string &path, const FieldSpec &f,
                       ScheduleField<int64_t> &out) {
  std::string expected = f.min == 1   ? "a positive integer"
                         : f.min == 0 ? "a non-negative integer"
                                      : "an integer";
  bool tooLarge = false;
  std::optional<int64_t> value = integerValue(v, tooLarge);
  if (!value && !tooLarge) {
    std::string hint;
    if (v.is_string()) {
      std::string s = v.get<std::string>();
      long long n;
      if (!llvm::StringRef(s).getAsInteger(10, n))
        hint = "write the number without quotes: " + s;
    } else if (v.is_number_float()) {
      hint = "use a whole number";
    }
    error(path, "expected " + expected + ", got " + kindName(v) + " " + quotedValue(v), hint);
    return false;
  }
  if (tooLarge || *value > f.max) {
    error(path,
          "'" + std::string(f.name) + "' must be at most " + std::to_string(f.max) + ", got " +
              quotedValue(v),
          "schedule values become HLS directives and C++ int loop bounds (32 bits)");
    return false;
  }
  int64_t n = *value;
  if (n < f.min) {
    std::string hint;
    if (llvm::StringRef(f.name) == "factor" && f.min == 1)
      hint = "a factor counts iterations or banks; it must be at least 1";
    else if (llvm::StringRef(f.name) == "factor")
      hint = "use 0 to unroll fully, or a positive factor";
    else if (llvm::StringRef(f.name) == "dim")
      hint = "dims are 1-based; 0 means all dimensions";
    else if (llvm::StringRef(f.name) == "ii")
      hint = "the initiation interval is at least 1 cycle";
    error(path, "'" + std::string(f.name) + "' must be " + expected + ", got " + std::to_string(n),
          hint);
    return false;
  }
  out.value = n;
  out.given = true;
  out.path = path;
  out.pos = posOf(path);
  return true;
}

bool Parser::expectBool(const json &v, const std::string &path, ScheduleField<bool> &out) {
  if (!v.is_boolean()) {
    std::string hint;
    if (v.is_string() && (v.get<std::string>() == "true" || v.get<std::string>() == "false"))
      hint = "write " + v.get<std::string>() + " without quotes";
    else if (v.is_number_integer())
      hint = "write true or false";
    error(path, std::string("expected true or false, got ") + kindName(v) + " " + quotedValue(v),
          hint);
    return false;
  }
  out.value = v.get<bool>();
  out.given = true;
  out.path = path;
  out.pos = posOf(path);
  return true;
}

std::vector<std::string> opNames() {
  std::vector<std::string> names;
  for (const OpSpec &op : scheduleOps())
    names.push_back(op.name);
  return names;
}

bool Parser::parseStep(const json &v, unsigned index, ScheduleStep &step) {
  std::string path = "steps[" + std::to_string(index) + "]";
  step.index = index;
  step.path = path;
  step.file = file;
  step.pos = posOf(path);
  if (!v.is_object()) {
    error(path, std::string("expected a step object {\"op\": ...}, got ") + kindName(v));
    return false;
  }
  auto opIt = v.find("op");
  if (opIt == v.end()) {
    error(path, "missing field 'op'",
          "every step names its primitive: \"op\": one of " + listOf(opNames()));
    return false;
  }
  if (!opIt->is_string()) {
    error(path + ".op", std::string("expected the name of a primitive, got ") + kindName(*opIt),
          "one of " + listOf(opNames()));
    return false;
  }
  std::string opName = opIt->get<std::string>();
  const OpSpec *spec = nullptr;
  for (const OpSpec &op : scheduleOps())
    if (opName == op.name)
      spec = &op;
  if (!spec) {
    std::string near = closestMatch(opName, opNames());
    error(path + ".op", "unknown op \"" + opName + "\"",
          (near.empty() ? std::string() : "did you mean \"" + near + "\"? ") +
              "valid ops: " + listOf(opNames()));
    return false;
  }
  initStepFields(step, *spec);

  bool ok = true;
  std::vector<std::string> fieldNames;
  for (const FieldSpec &f : spec->fields)
    fieldNames.push_back(f.name);
  // Unknown fields.
  for (auto it = v.begin(); it != v.end(); ++it) {
    const std::string &key = it.key();
    if (key == "op")
      continue;
    if (key == "comment") {
      if (!it->is_string()) {
        error(path + ".comment", std::string("expected a string, got ") + kindName(*it));
        ok = false;
      }
      continue;
    }
    if (llvm::is_contained(fieldNames, key))
      continue;
    std::string near = closestMatch(key, fieldNames);
    std::string elsewhere;
    if (near.empty())
      for (const OpSpec &other : scheduleOps())
        for (const FieldSpec &f : other.fields)
          if (key == f.name && elsewhere.empty())
            elsewhere = "'" + key + "' is a field of " + other.name + ", not of " + opName + "; ";
    error(path + "." + key, "unknown field '" + key + "' for op \"" + opName + "\"",
          (near.empty() ? elsewhere : "did you mean '" + near + "'? ") + "fields of " + opName +
              ": " + listOf(fieldNames) + (fieldNames.empty() ? "" : ", comment"),
          /*atKey=*/true);
    ok = false;
  }
  // Required fields and exactly-one-of groups.
  for (const FieldSpec &f : spec->fields)
    if (f.required && !v.contains(f.name)) {
      std::string near;
      std::vector<std::string> keys;
      for (auto it = v.begin(); it != v.end(); ++it)
        keys.push_back(it.key());
      near = closestMatch(f.name, keys);
      error(path,
            "missing field '" + std::string(f.name) + "' for op \"" + opName + "\" (" + f.doc + ")",
            near.empty() ? ""
                         : "did you mean '" + std::string(f.name) + "' instead of '" + near + "'?");
      ok = false;
    }
  for (const auto &group : spec->exactlyOneOf) {
    std::vector<std::string> present;
    for (const char *g : group)
      if (v.contains(g))
        present.push_back(g);
    if (present.size() != 1) {
      std::vector<std::string> names(group.begin(), group.end());
      error(path,
            present.empty()
                ? "missing the target of \"" + opName + "\": one of '" +
                      llvm::join(names, "' or '") + "'"
                : "\"" + opName + "\" takes one of '" + llvm::join(names, "' or '") + "', not both",
            "e.g. \"" + names[0] +
                "\": " + (names[0] == std::string("function") ? "\"gemm\"" : "\"gemm:i\""));
      ok = false;
    }
  }

  // Values.
  for (size_t fi = 0; fi < spec->fields.size(); ++fi) {
    const FieldSpec &f = spec->fields[fi];
    StepField &out = step.fields[fi];
    auto it = v.find(f.name);
    if (it == v.end())
      continue;
    std::string fpath = path + "." + f.name;
    out.path = fpath; // written, valid or not
    auto given = [&] {
      out.given = true;
      out.path = fpath;
      out.pos = posOf(fpath);
    };
    switch (f.kind) {
    case FieldKind::Loop:
    case FieldKind::Function:
    case FieldKind::Array: {
      ScheduleRef r;
      if (!parseRef(*it, fpath, f.kind, r)) {
        ok = false;
        break;
      }
      out.refs.push_back(r);
      given();
      break;
    }
    case FieldKind::Loops: {
      if (!it->is_array()) {
        error(fpath, std::string("expected a list of loop names, got ") + kindName(*it),
              it->is_string() ? "write [\"" + it->get<std::string>() + "\", ...]" : "");
        ok = false;
        break;
      }
      if ((int64_t)it->size() < f.min) {
        error(fpath,
              "\"" + opName + "\" needs at least " + std::to_string(f.min) +
                  (f.min == 1 ? " loop" : " loops") + ", got " + std::to_string(it->size()),
              "list the loops outermost first, e.g. [\"f:i\", \"f:j\"]");
        ok = false;
      }
      llvm::StringSet<> seen;
      for (size_t k = 0; k < it->size(); ++k) {
        ScheduleRef r;
        std::string epath = fpath + "[" + std::to_string(k) + "]";
        if (!parseRef((*it)[k], epath, FieldKind::Loop, r)) {
          ok = false;
          continue;
        }
        if (!seen.insert(r.str()).second) {
          error(epath, "loop '" + r.str() + "' is listed twice", "list each loop once");
          ok = false;
          continue;
        }
        out.refs.push_back(r);
      }
      given();
      break;
    }
    case FieldKind::Int: {
      ScheduleField<int64_t> n;
      if (expectInt(*it, fpath, f, n)) {
        out.integer = n.value;
        given();
      } else {
        ok = false;
      }
      break;
    }
    case FieldKind::Bool: {
      ScheduleField<bool> b;
      if (expectBool(*it, fpath, b)) {
        out.flag = b.value;
        given();
      } else {
        ok = false;
      }
      break;
    }
    case FieldKind::Enum: {
      std::vector<std::string> values(f.values.begin(), f.values.end());
      if (!it->is_string()) {
        error(fpath, std::string("expected one of ") + listOf(values) + ", got " + kindName(*it));
        ok = false;
        break;
      }
      std::string s = it->get<std::string>();
      if (!llvm::is_contained(values, s)) {
        std::string near = closestMatch(s, values);
        error(fpath, "unknown " + std::string(f.name) + " \"" + s + "\"",
              (near.empty() ? std::string() : "did you mean \"" + near + "\"? ") +
                  "valid values: " + listOf(values));
        ok = false;
        break;
      }
      out.text = s;
      given();
      break;
    }
    case FieldKind::String: {
      if (!it->is_string() || it->get<std::string>().empty()) {
        error(fpath,
              std::string("expected a non-empty string, got ") + kindName(*it) + " " +
                  quotedValue(*it),
              llvm::StringRef(f.name) == "schedule" ? "e.g. \"schedule\": \"tile.json\"" : "");
        ok = false;
        break;
      }
      out.text = it->get<std::string>();
      given();
      break;
    }
    case FieldKind::IntList: {
      bool good = it->is_array() && !it->empty();
      std::vector<int64_t> values;
      if (good)
        for (const json &e : *it) {
          bool big;
          std::optional<int64_t> n = integerValue(e, big);
          good &= n && *n >= f.min && *n <= f.max;
          values.push_back(n.value_or(0));
        }
      if (!good) {
        error(fpath, "expected a non-empty list of integers from " + std::to_string(f.min) +
                         " to " + std::to_string(f.max) + ", got " + kindName(*it) + " " +
                         quotedValue(*it));
        ok = false;
        break;
      }
      out.ints = values;
      given();
      break;
    }
    }
  }

  // Rules between fields (sched::check<Impl>), once the fields are valid.
  if (spec->check)
    if (std::optional<StepProblem> p = spec->check(step)) {
      error(p->path.empty() ? path : p->path, p->pos.line ? p->pos : posOf(path), p->message,
            p->suggestion);
      ok = false;
    }
  return ok;
}

/// One linear scan before nlohmann parses the text: a NUL byte (which must
/// not silently end the file) and nesting deeper than kScheduleMaxDepth
/// (whose cost would grow with the square of the depth) are errors.
bool Parser::prescan() {
  unsigned depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '\0') {
      error("", positionOf(text, i), "the schedule file contains a NUL byte; it must be JSON text",
            "the file is binary or truncated by a bad copy; rewrite it as text");
      return false;
    }
    if (inString) {
      if (ch == '\\')
        ++i;
      else if (ch == '"')
        inString = false;
      continue;
    }
    if (ch == '"') {
      inString = true;
    } else if (ch == '[' || ch == '{') {
      if (++depth > kScheduleMaxDepth) {
        error(
            "", positionOf(text, i),
            "JSON nested deeper than " + std::to_string(kScheduleMaxDepth) +
                " arrays and objects; a schedule nests 4 deep ({\"steps\": [{\"loops\": [...]}]})",
            "check the brackets around this point");
        return false;
      }
    } else if ((ch == ']' || ch == '}') && depth) {
      --depth;
    }
  }
  return true;
}

std::optional<Schedule> Parser::run() {
  if (!prescan())
    return std::nullopt;
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::parse_error &e) {
    syntaxError(e);
    return std::nullopt;
  } catch (const json::exception &e) {
    error("", SchedulePos{}, std::string("malformed JSON: ") + e.what());
    return std::nullopt;
  }
  locator.emplace(text);
  for (auto &[dupPath, offset] : locator->duplicates)
    error(dupPath, positionOf(text, offset), "key written twice in one object",
          "each field may appear once; remove one of them");

  Schedule s;
  s.file = file;
  if (!root.is_object()) {
    error("", posOf(""),
          std::string("expected a schedule object {\"steps\": [...]}, got ") + kindName(root));
    return std::nullopt;
  }
  const std::vector<std::string> topKeys = {"$schema", "top", "steps", "comment"};
  for (auto it = root.begin(); it != root.end(); ++it) {
    if (llvm::is_contained(topKeys, it.key()))
      continue;
    std::string near = closestMatch(it.key(), topKeys);
    std::string hint = near.empty() ? "" : "did you mean '" + near + "'? ";
    if (it.key() == "op" || it.key() == "loop")
      hint = "steps go in the \"steps\" list; ";
    error(it.key(), "unknown top-level field '" + it.key() + "'",
          hint + "top-level fields: $schema, top, steps, comment", /*atKey=*/true);
  }
  for (const char *k : {"$schema", "comment"})
    if (root.contains(k) && !root[k].is_string())
      error(k, std::string("expected a string, got ") + kindName(root[k]));
  if (root.contains("top")) {
    const json &t = root["top"];
    if (!t.is_string() || t.get<std::string>().empty() ||
        llvm::StringRef(t.get<std::string>()).contains(':'))
      error("top",
            std::string("expected the name of the top function, got ") + kindName(t) + " " +
                quotedValue(t),
            "e.g. \"top\": \"gemm\"");
    else if (!composedInto.empty() && t.get<std::string>() != composedInto)
      error("top",
            "'top' is \"" + t.get<std::string>() +
                "\" but this schedule is composed into function \"" + composedInto + "\"",
            "set \"top\" to \"" + composedInto + "\" or remove it");
    else
      top = s.top = t.get<std::string>();
  }
  if (s.top.empty())
    s.top = composedInto;
  auto stepsIt = root.find("steps");
  if (stepsIt == root.end()) {
    error("", posOf(""), "missing field 'steps'", "add \"steps\": [ {\"op\": ...}, ... ]");
  } else if (!stepsIt->is_array()) {
    error("steps", std::string("expected a list of steps, got ") + kindName(*stepsIt),
          "write \"steps\": [ {\"op\": ...}, ... ]");
  } else {
    for (size_t i = 0; i < stepsIt->size(); ++i) {
      ScheduleStep step;
      if (parseStep((*stepsIt)[i], i, step))
        s.steps.push_back(std::move(step));
    }
  }
  if (errors)
    return std::nullopt;
  return s;
}

} // namespace

std::optional<Schedule> allo::parseSchedule(llvm::StringRef text, llvm::StringRef fileName,
                                            std::vector<ScheduleDiagnostic> &diags,
                                            llvm::StringRef composedInto) {
  size_t first = diags.size();
  // A UTF-8 byte order mark is not part of the JSON; positions count from
  // after it, as editors show them.
  text.consume_front("\xEF\xBB\xBF");
  std::optional<Schedule> s = Parser(text, fileName, diags, composedInto).run();
  // In the order of the file.
  std::stable_sort(diags.begin() + first, diags.end(),
                   [](const ScheduleDiagnostic &a, const ScheduleDiagnostic &b) {
                     return std::make_pair(a.pos.line, a.pos.col) <
                            std::make_pair(b.pos.line, b.pos.col);
                   });
  return s;
}

std::string allo::scheduleFileProblem(llvm::StringRef path) {
  llvm::sys::fs::file_status st;
  if (std::error_code ec = llvm::sys::fs::status(path, st))
    return ec.message();
  if (st.type() == llvm::sys::fs::file_type::directory_file)
    return "it is a directory";
  if (st.type() != llvm::sys::fs::file_type::regular_file)
    return "it is not a regular file (a device, a FIFO or a socket)";
  if (st.getSize() > kScheduleMaxBytes)
    return "it has " + std::to_string(st.getSize()) + " bytes, more than the " +
           std::to_string(kScheduleMaxBytes >> 20) + " MiB a schedule file may have";
  return "";
}

std::optional<Schedule> allo::parseScheduleFile(llvm::StringRef path,
                                                std::vector<ScheduleDiagnostic> &diags,
                                                llvm::StringRef composedInto) {
  std::string problem = scheduleFileProblem(path);
  if (!problem.empty()) {
    diags.push_back({path.str(),
                     {},
                     "",
                     "cannot read the schedule file '" + path.str() + "': " + problem,
                     "check the path given to --schedule"});
    return std::nullopt;
  }
  auto buf = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buf) {
    diags.push_back(
        {path.str(),
         {},
         "",
         "cannot read the schedule file '" + path.str() + "': " + buf.getError().message(),
         "check the path given to --schedule"});
    return std::nullopt;
  }
  return parseSchedule((*buf)->getBuffer(), path, diags, composedInto);
}
