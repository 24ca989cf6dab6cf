//===- ScheduleDocs.cpp - The JSON Schema and the reference, from the table ===//
//
// schedules/schedule.schema.json and schedules/reference.md are these
// functions' output (allo-rewrite --print-schedule-schema and
// --print-schedule-reference), checked in for editors and readers; the test
// test/TransformOps/generated-docs.test keeps them equal. Both come from the
// op table, which comes from AlloTransformOps.td.
//
//===----------------------------------------------------------------------===//
#include "allo/Schedule/Schedule.h"

#include <nlohmann/json.hpp>

using namespace allo;
using ojson = nlohmann::ordered_json;

namespace {

/// "The loop to split." from "the loop to split".
std::string sentence(llvm::StringRef doc) {
  std::string s = doc.str();
  if (!s.empty())
    s[0] = (char)toupper((unsigned char)s[0]);
  if (!s.empty() && s.back() != '.' && s.back() != ')')
    s += '.';
  else if (!s.empty() && s.back() == ')')
    s += '.';
  return s;
}

ojson defaultOf(const FieldSpec &f) {
  llvm::StringRef d = f.defaultValue;
  switch (f.kind) {
  case FieldKind::Int: {
    int64_t n = 0;
    d.getAsInteger(10, n);
    return n;
  }
  case FieldKind::Bool: return d == "true";
  default: return d.str();
  }
}

ojson fieldSchema(const FieldSpec &f) {
  ojson p = ojson::object();
  switch (f.kind) {
  case FieldKind::Loop: p["$ref"] = "#/$defs/loop"; break;
  case FieldKind::Function: p["$ref"] = "#/$defs/function"; break;
  case FieldKind::Array: p["$ref"] = "#/$defs/array"; break;
  case FieldKind::Loops:
    p["type"] = "array";
    p["minItems"] = f.min;
    p["uniqueItems"] = true;
    p["items"] = {{"$ref", "#/$defs/loop"}};
    break;
  case FieldKind::Int:
    p["type"] = "integer";
    p["minimum"] = f.min;
    p["maximum"] = f.max;
    break;
  case FieldKind::Bool: p["type"] = "boolean"; break;
  case FieldKind::Enum:
    p["enum"] = std::vector<std::string>(f.values.begin(), f.values.end());
    break;
  case FieldKind::String:
    p["type"] = "string";
    p["minLength"] = 1;
    break;
  case FieldKind::IntList:
    p["type"] = "array";
    p["minItems"] = 1;
    p["items"] = {{"type", "integer"}, {"minimum", f.min}, {"maximum", f.max}};
    break;
  }
  if (f.defaultValue)
    p["default"] = defaultOf(f);
  p["description"] = sentence(f.doc);
  return p;
}

ojson opSchema(const OpSpec &op) {
  ojson d = ojson::object();
  d["description"] = op.summary;
  d["type"] = "object";
  std::vector<std::string> required = {"op"};
  for (const FieldSpec &f : op.fields)
    if (f.required)
      required.push_back(f.name);
  d["required"] = required;
  if (!op.exactlyOneOf.empty()) {
    ojson oneOf = ojson::array();
    for (const auto &group : op.exactlyOneOf)
      for (const char *g : group)
        oneOf.push_back({{"required", {g}}});
    d["oneOf"] = oneOf;
  }
  d["additionalProperties"] = false;
  if (*op.schemaExtra) {
    ojson extra = ojson::parse(op.schemaExtra);
    for (auto &[k, v] : extra.items())
      d[k] = v;
  }
  ojson props = ojson::object();
  props["op"] = {{"const", op.name}};
  props["comment"] = {{"$ref", "#/$defs/comment"}};
  for (const FieldSpec &f : op.fields)
    props[f.name] = fieldSchema(f);
  d["properties"] = props;
  return d;
}

} // namespace

std::string allo::scheduleSchema() {
  ojson s = ojson::object();
  s["$schema"] = "https://json-schema.org/draft/2020-12/schema";
  s["title"] = "Allo C++ schedule";
  s["description"] =
      "Hardware customizations applied, in order, to the affine MLIR raised from C++ kernels. "
      "Loops and arrays are named \"function:name\" (see docs/user-guide/loop-naming.md; "
      "allo-rewrite --list-loops prints them). Generated from "
      "include/allo/TransformOps/AlloTransformOps.td by allo-rewrite --print-schedule-schema; "
      "test/TransformOps/generated-docs.test keeps this file equal to it.";
  s["type"] = "object";
  s["required"] = {"steps"};
  s["additionalProperties"] = false;
  s["properties"] = {
      {"$schema",
       {{"type", "string"}, {"description", "Path or URL of this schema, for editors."}}},
      {"top",
       {{"type", "string"},
        {"minLength", 1},
        {"pattern", "^[^:]+$"},
        {"description", "The function that loop and array names written without \"function:\" "
                        "belong to."}}},
      {"comment", {{"type", "string"}, {"description", "Free text."}}},
      {"steps",
       {{"type", "array"},
        {"description", "The customizations, applied in order."},
        {"items", {{"$ref", "#/$defs/step"}}}}}};

  ojson defs = ojson::object();
  std::vector<std::string> names, summaries;
  for (const OpSpec &op : scheduleOps()) {
    names.push_back(op.name);
    summaries.push_back(op.summary);
  }
  // enumDescriptions: shown by editors (VS Code) when completing "op".
  defs["op"] = {{"description", "The primitive of a step."},
                {"enum", names},
                {"enumDescriptions", summaries}};
  defs["loop"] = {{"type", "string"},
                  {"minLength", 1},
                  {"description", "A loop: \"function:name\" (name#k for the k-th of several "
                                  "loops sharing a name), or \"name\" when \"top\" is set."},
                  {"examples", {"gemm:j", "gemm:i#1", "gemm:j.outer"}}};
  defs["function"] = {{"type", "string"},
                      {"minLength", 1},
                      {"pattern", "^[^:]+$"},
                      {"description", "A function's name (template instantiations as dot_int_8)."},
                      {"examples", {"gemm"}}};
  defs["array"] = {{"type", "string"},
                   {"minLength", 1},
                   {"description", "An array: \"function:name\" of a parameter or local array, "
                                   "or \"name\" when \"top\" is set."},
                   {"examples", {"gemm:B"}}};
  defs["comment"] = {{"type", "string"}, {"description", "Free text."}};
  ojson dispatch = ojson::array();
  for (const OpSpec &op : scheduleOps())
    dispatch.push_back(
        {{"if", {{"properties", {{"op", {{"const", op.name}}}}}, {"required", {"op"}}}},
         {"then", {{"$ref", std::string("#/$defs/") + op.name}}}});
  defs["step"] = {{"type", "object"},
                  {"required", {"op"}},
                  {"properties", {{"op", {{"$ref", "#/$defs/op"}}}}},
                  {"allOf", dispatch}};
  for (const OpSpec &op : scheduleOps())
    defs[op.name] = opSchema(op);
  s["$defs"] = defs;
  return s.dump(2) + "\n";
}

std::string allo::scheduleReference() {
  std::string md =
      "<!-- Generated by `allo-rewrite --print-schedule-reference` from\n"
      "     include/allo/TransformOps/AlloTransformOps.td; do not edit\n"
      "     (test/TransformOps/generated-docs.test keeps it current). -->\n"
      "# Schedule ops\n\n"
      "Every step of a JSON schedule is one of these ops; in a transform script it is\n"
      "`transform.allo.<op>` with the same fields as attributes (see\n"
      "[README.md](README.md#transform-scripts)). Every step also accepts a `\"comment\"`.\n\n"
      "| op | fields | effect |\n|---|---|---|\n";
  for (const OpSpec &op : scheduleOps()) {
    std::string fields;
    for (const FieldSpec &f : op.fields) {
      if (!fields.empty())
        fields += "; ";
      fields += "`" + std::string(f.name) + "`" + (f.required ? "" : " (optional)") + ": " + f.doc;
    }
    for (const auto &group : op.exactlyOneOf) {
      std::string g;
      for (const char *n : group)
        g += (g.empty() ? "`" : "` or `") + std::string(n);
      fields += "; exactly one of " + g + "`";
    }
    md += "| `" + std::string(op.name) + "` | " + fields + " | " + op.doc + " |\n";
  }
  return md;
}
