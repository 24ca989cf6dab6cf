//===- ScheduleParserTest.cpp - Units for the JSON schedule engine --------===//
//
// * the parser: typed steps, defaults, and one test per kind of bad input
//   (diagnostic path, line:col, message and suggestion);
// * the JSON Schema (schedules/schedule.schema.json): its op enum and the
//   fields of each op equal the parser's op table, and every schedule file in
//   schedules/, examples/ and test/Schedule/ validates against it (with
//   a small validator for the keywords the schema uses);
// * applySchedule: a failing step leaves the module as the steps before it
//   made it.
//
//===----------------------------------------------------------------------===//
#include "allo/InitAllDialects.h"
#include "allo/Schedule/Schedule.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <set>

#ifndef ALLO_SOURCE_DIR
#error "ALLO_SOURCE_DIR must name the source tree"
#endif

using namespace allo;
using json = nlohmann::json;

namespace {

std::vector<ScheduleDiagnostic> errorsOf(const std::string &text) {
  std::vector<ScheduleDiagnostic> diags;
  std::optional<Schedule> s = parseSchedule(text, "s.json", diags);
  EXPECT_FALSE(s.has_value()) << "expected errors for: " << text;
  EXPECT_FALSE(diags.empty());
  return diags;
}

Schedule parsed(const std::string &text) {
  std::vector<ScheduleDiagnostic> diags;
  std::optional<Schedule> s = parseSchedule(text, "s.json", diags);
  for (const ScheduleDiagnostic &d : diags)
    ADD_FAILURE() << d.str();
  EXPECT_TRUE(s.has_value());
  return s ? *s : Schedule();
}

bool contains(const std::string &haystack, const std::string &needle) {
  return haystack.find(needle) != std::string::npos;
}

//===----------------------------------------------------------------------===//
// Parsing good input
//===----------------------------------------------------------------------===//

TEST(ScheduleParser, TypedSteps) {
  Schedule s = parsed(R"({
  "$schema": "../schedules/schedule.schema.json",
  "top": "gemm",
  "steps": [
    {"op": "split",     "loop": "gemm:j", "factor": 4},
    {"op": "reorder",   "loops": ["gemm:k", "j.outer"]},
    {"op": "pipeline",  "loop": "gemm:j.inner", "ii": 2, "rewind": true},
    {"op": "partition", "array": "gemm:B", "type": "cyclic", "factor": 4, "dim": 2},
    {"op": "unroll",    "loop": "gemm:k", "comment": "fully"},
    {"op": "fuse",      "loops": ["gemm:i", "gemm:j"]},
    {"op": "dataflow",  "function": "top"},
    {"op": "inline",    "function": "helper", "off": true},
    {"op": "pipeline",  "function": "gemm"},
    {"op": "partition", "array": "C"}
  ]
})");
  ASSERT_EQ(s.steps.size(), 10u);
  EXPECT_EQ(s.top, "gemm");
  const ScheduleStep &split = s.steps[0];
  EXPECT_EQ(split.op, "split");
  EXPECT_EQ(split.path, "steps[0]");
  EXPECT_EQ(split.pos.line, 5u);
  EXPECT_EQ(split.pos.col, 5u);
  ASSERT_EQ(split.loops().size(), 1u);
  EXPECT_EQ(split.loops()[0].func, "gemm");
  EXPECT_EQ(split.loops()[0].name, "j");
  EXPECT_EQ(split.loops()[0].path, "steps[0].loop");
  EXPECT_EQ(split.loops()[0].pos.line, 5u);
  EXPECT_EQ(split.loops()[0].pos.col, 33u);
  EXPECT_EQ(split.integer("factor").value, 4);
  EXPECT_EQ(split.integer("factor").path, "steps[0].factor");
  EXPECT_EQ(split.summary(), "split gemm:j by 4");

  const ScheduleStep &reorder = s.steps[1];
  ASSERT_EQ(reorder.loops().size(), 2u);
  EXPECT_EQ(reorder.loops()[1].str(), "gemm:j.outer"); // from "top"
  EXPECT_EQ(reorder.loops()[1].path, "steps[1].loops[1]");

  EXPECT_EQ(s.steps[2].integer("ii").value, 2);
  EXPECT_TRUE(s.steps[2].flag("rewind").value);
  EXPECT_EQ(s.steps[3].text("type").value, "cyclic");
  EXPECT_EQ(s.steps[3].integer("dim").value, 2);
  EXPECT_EQ(s.steps[4].integer("factor").value, 0); // default: full
  EXPECT_FALSE(s.steps[4].flag("in_ir").value);
  EXPECT_EQ(s.steps[5].loops().size(), 2u);
  ASSERT_TRUE(s.steps[6].function().has_value());
  EXPECT_EQ(s.steps[6].function()->func, "top");
  EXPECT_TRUE(s.steps[7].flag("off").value);
  EXPECT_EQ(s.steps[8].integer("ii").value, 1); // default
  EXPECT_EQ(s.steps[9].text("type").value, "complete");
  EXPECT_EQ(s.steps[9].integer("dim").value, 0);
  EXPECT_FALSE(s.steps[9].integer("factor").given);
}

TEST(ScheduleParser, EmptyStepsIsValid) {
  Schedule s = parsed(R"({"steps": []})");
  EXPECT_TRUE(s.steps.empty());
}

//===----------------------------------------------------------------------===//
// Bad input: one test per kind
//===----------------------------------------------------------------------===//

TEST(ScheduleParser, MalformedJsonHasLineAndColumn) {
  auto d = errorsOf("{\n  \"steps\": [\n    {\"op\": \"split\",}\n  ]\n}\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].pos.line, 3u);
  EXPECT_EQ(d[0].pos.col, 20u);
  EXPECT_TRUE(contains(d[0].message, "malformed JSON")) << d[0].message;
  EXPECT_TRUE(contains(d[0].suggestion, "trailing comma")) << d[0].suggestion;
  EXPECT_TRUE(contains(d[0].str(), "s.json:3:20: error: malformed JSON")) << d[0].str();
}

TEST(ScheduleParser, MalformedJsonSuggestions) {
  EXPECT_TRUE(contains(errorsOf("{\"steps\": [] // note\n}")[0].suggestion, "no comments"));
  EXPECT_TRUE(contains(errorsOf("{'steps': []}")[0].suggestion, "double quotes"));
  EXPECT_TRUE(contains(errorsOf("{steps: []}")[0].suggestion, "quoted"));
  EXPECT_TRUE(
      contains(errorsOf("{\"steps\": [{\"op\": \"split\"} {\"op\": \"fuse\"}]}")[0].suggestion,
               "',' is probably missing"));
  EXPECT_TRUE(contains(errorsOf("{\"steps\": [")[0].suggestion, "ends early"));
  EXPECT_TRUE(contains(errorsOf("")[0].suggestion, "empty"));
}

TEST(ScheduleParser, UnknownOpDidYouMean) {
  auto d = errorsOf("{\"steps\": [\n  {\"op\": \"splt\", \"loop\": \"f:i\", \"factor\": 2}\n]}");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].path, "steps[0].op");
  EXPECT_EQ(d[0].pos.line, 2u);
  EXPECT_EQ(d[0].pos.col, 10u);
  EXPECT_TRUE(contains(d[0].message, "unknown op \"splt\""));
  EXPECT_TRUE(contains(d[0].suggestion, "did you mean \"split\"")) << d[0].suggestion;
  EXPECT_TRUE(contains(d[0].suggestion, "reorder")) << d[0].suggestion;
}

TEST(ScheduleParser, MemoryCustomizations) {
  Schedule s = parsed(R"({"top": "gemm", "steps": [
    {"op": "buffer_at", "array": "C", "loop": "gemm:i"},
    {"op": "reuse_at", "array": "gemm:A", "loop": "j"}
  ]})");
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].op, "buffer_at");
  ASSERT_TRUE(s.steps[0].array().has_value());
  EXPECT_EQ(s.steps[0].array()->str(), "gemm:C");
  EXPECT_EQ(s.steps[0].array()->path, "steps[0].array");
  ASSERT_EQ(s.steps[0].loops().size(), 1u);
  EXPECT_EQ(s.steps[0].loops()[0].path, "steps[0].loop");
  EXPECT_EQ(s.steps[0].summary(), "buffer_at gemm:C at gemm:i");
  EXPECT_EQ(s.steps[1].op, "reuse_at");
  EXPECT_EQ(s.steps[1].summary(), "reuse_at gemm:A at gemm:j");

  auto d = errorsOf(R"({"steps": [{"op": "buffer_at", "arrray": "f:A", "loop": "f:i"}]})");
  bool unknown = false, missing = false;
  for (const ScheduleDiagnostic &e : d) {
    unknown |= contains(e.message, "unknown field 'arrray'") &&
               contains(e.suggestion, "did you mean 'array'");
    missing |= contains(e.message, "missing field 'array' for op \"buffer_at\"");
  }
  EXPECT_TRUE(unknown);
  EXPECT_TRUE(missing);
  d = errorsOf(R"({"steps": [{"op": "reuse_att", "array": "f:A", "loop": "f:i"}]})");
  EXPECT_TRUE(contains(d[0].suggestion, "did you mean \"reuse_at\"")) << d[0].suggestion;
  Schedule ca = parsed(
      R"({"top": "f", "steps": [{"op": "compute_at", "producer": "p", "consumer": "f:c"}]})");
  ASSERT_EQ(ca.steps.size(), 1u);
  EXPECT_EQ(ca.steps[0].op, "compute_at");
  ASSERT_EQ(ca.steps[0].loops().size(), 2u);
  EXPECT_EQ(ca.steps[0].loops()[0].path, "steps[0].producer");
  EXPECT_EQ(ca.steps[0].loops()[1].path, "steps[0].consumer");
  EXPECT_EQ(ca.steps[0].summary(), "compute_at f:p at f:c");
  d = errorsOf(R"({"steps": [{"op": "compute_at", "producer": "f:p", "consumr": "f:c"}]})");
  EXPECT_TRUE(contains(d[0].suggestion, "did you mean 'consumer'")) << d[0].suggestion;
  d = errorsOf(R"({"steps": [{"op": "reuse_at", "array": "f:A"}]})");
  EXPECT_TRUE(contains(d[0].message, "missing field 'loop' for op \"reuse_at\"")) << d[0].message;
}

TEST(ScheduleParser, UnfoldAndRelay) {
  Schedule s = parsed(R"({"top": "gemm", "steps": [
    {"op": "unfold", "loops": ["i", "j"], "axes": [1], "factors": [4], "name": "grid"},
    {"op": "relay", "array": "A_buf", "axis": 0, "grid": "grid", "depth": 5}
  ]})");
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].op, "unfold");
  EXPECT_EQ(s.steps[0].loops().size(), 2u);
  EXPECT_EQ(s.steps[0].ints("axes").value, std::vector<int64_t>({1}));
  EXPECT_EQ(s.steps[0].ints("factors").value, std::vector<int64_t>({4}));
  EXPECT_EQ(s.steps[0].text("name").value, "grid");
  EXPECT_EQ(s.steps[0].summary(), "unfold gemm:i, gemm:j into grid");
  EXPECT_EQ(s.steps[1].op, "relay");
  EXPECT_EQ(s.steps[1].array()->str(), "gemm:A_buf");
  EXPECT_EQ(s.steps[1].integer("axis").value, 0);
  EXPECT_EQ(s.steps[1].integer("depth").value, 5);
  EXPECT_EQ(s.steps[1].summary(), "relay gemm:A_buf through grid axis 0");
  // One loop is a band too; factors must be positive integers.
  EXPECT_EQ(parsed(R"({"top": "f", "steps": [{"op": "unfold", "loops": ["j"]}]})").steps.size(),
            1u);
  auto d = errorsOf(R"({"top": "f", "steps": [{"op": "unfold", "loops": ["j"], "factors": [0]}]})");
  ASSERT_FALSE(d.empty());
  EXPECT_TRUE(contains(d[0].message, "expected a non-empty list of integers from 1 to 2147483647"))
      << d[0].message;
  d = errorsOf(R"({"top": "f", "steps": [{"op": "relay", "array": "A"}]})");
  ASSERT_FALSE(d.empty());
  EXPECT_TRUE(contains(d[0].message, "missing field 'axis'")) << d[0].message;
}

TEST(ScheduleParser, Compose) {
  Schedule s = parsed(R"({"top": "gemm", "steps": [
    {"op": "compose", "function": "tile", "schedule": "tile.json"}
  ]})");
  ASSERT_EQ(s.steps.size(), 1u);
  EXPECT_EQ(s.steps[0].op, "compose");
  ASSERT_TRUE(s.steps[0].function().has_value());
  EXPECT_EQ(s.steps[0].function()->str(), "tile");
  EXPECT_EQ(s.steps[0].text("schedule").value, "tile.json");
  EXPECT_EQ(s.steps[0].text("schedule").path, "steps[0].schedule");
  EXPECT_EQ(s.steps[0].text("schedule").pos.line, 2u);
  EXPECT_EQ(s.steps[0].summary(), "compose tile.json into tile");

  // A sub-schedule: bare names belong to the function it is composed into.
  std::vector<ScheduleDiagnostic> d;
  auto sub = parseSchedule(R"({"steps": [{"op": "split", "loop": "i", "factor": 2}]})", "sub.json",
                           d, "tile");
  ASSERT_TRUE(sub.has_value());
  EXPECT_EQ(sub->top, "tile");
  EXPECT_EQ(sub->steps[0].loops()[0].str(), "tile:i");
  // ... and its "top", if given, must be that function.
  d.clear();
  sub = parseSchedule(R"({"top": "gemm", "steps": []})", "sub.json", d, "tile");
  EXPECT_FALSE(sub.has_value());
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].path, "top");
  EXPECT_TRUE(contains(d[0].message, "composed into function \"tile\"")) << d[0].message;

  auto e = errorsOf(R"({"steps": [{"op": "compose", "function": "f:i", "schedule": ""}]})");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].path, "steps[0].function");
  EXPECT_EQ(e[1].path, "steps[0].schedule");
  e = errorsOf(R"({"steps": [{"op": "compose", "function": "f"}]})");
  EXPECT_TRUE(contains(e[0].message, "missing field 'schedule' for op \"compose\""))
      << e[0].message;
}

TEST(ScheduleParser, UnknownFieldDidYouMean) {
  auto d = errorsOf("{\"steps\": [{\"op\": \"split\", \"loop\": \"f:i\", \"factr\": 2}]}");
  bool unknown = false, missing = false;
  for (const ScheduleDiagnostic &e : d) {
    if (contains(e.message, "unknown field 'factr'")) {
      unknown = true;
      EXPECT_EQ(e.path, "steps[0].factr");
      EXPECT_EQ(e.pos.col, 43u); // at the key
      EXPECT_TRUE(contains(e.suggestion, "did you mean 'factor'")) << e.suggestion;
    }
    if (contains(e.message, "missing field 'factor'")) {
      missing = true;
      EXPECT_TRUE(contains(e.suggestion, "'factr'")) << e.suggestion;
    }
  }
  EXPECT_TRUE(unknown);
  EXPECT_TRUE(missing);
}

TEST(ScheduleParser, FieldOfAnotherOp) {
  auto d = errorsOf(
      "{\"steps\": [{\"op\": \"split\", \"loop\": \"f:i\", \"factor\": 2, \"rewind\": true}]}");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(contains(d[0].suggestion, "'rewind' is a field of pipeline")) << d[0].suggestion;
}

TEST(ScheduleParser, MissingFieldsAndTargets) {
  auto d = errorsOf("{\"steps\": [{\"loop\": \"f:i\"}]}");
  EXPECT_TRUE(contains(d[0].message, "missing field 'op'"));
  d = errorsOf("{\"steps\": [{\"op\": \"pipeline\", \"ii\": 2}]}");
  EXPECT_TRUE(contains(d[0].message, "one of 'loop' or 'function'")) << d[0].message;
  d = errorsOf("{\"steps\": [{\"op\": \"dataflow\", \"loop\": \"f:i\", \"function\": \"f\"}]}");
  EXPECT_TRUE(contains(d[0].message, "not both")) << d[0].message;
  d = errorsOf("{\"top\": \"f\"}");
  EXPECT_TRUE(contains(d[0].message, "missing field 'steps'"));
}

TEST(ScheduleParser, WrongTypes) {
  auto d = errorsOf("{\"steps\": [{\"op\": \"split\", \"loop\": \"f:i\", \"factor\": \"4\"}]}");
  EXPECT_EQ(d[0].path, "steps[0].factor");
  EXPECT_TRUE(contains(d[0].message, "expected a positive integer, got a string")) << d[0].message;
  EXPECT_TRUE(contains(d[0].suggestion, "without quotes")) << d[0].suggestion;
  d = errorsOf("{\"steps\": [{\"op\": \"split\", \"loop\": 3, \"factor\": 2.5}]}");
  EXPECT_EQ(d.size(), 2u);
  d = errorsOf("{\"steps\": [{\"op\": \"unroll\", \"loop\": \"f:i\", \"in_ir\": \"true\"}]}");
  EXPECT_TRUE(contains(d[0].message, "expected true or false")) << d[0].message;
  d = errorsOf("{\"steps\": [{\"op\": \"reorder\", \"loops\": \"f:i\"}]}");
  EXPECT_TRUE(contains(d[0].message, "expected a list of loop names")) << d[0].message;
  d = errorsOf("{\"steps\": {\"op\": \"split\"}}");
  EXPECT_TRUE(contains(d[0].message, "expected a list of steps")) << d[0].message;
  d = errorsOf("[1, 2]");
  EXPECT_TRUE(contains(d[0].message, "expected a schedule object")) << d[0].message;
  d = errorsOf("{\"steps\": [{\"op\": \"partition\", \"array\": \"f:A\", \"type\": \"cylic\", "
               "\"factor\": 2}]}");
  EXPECT_TRUE(contains(d[0].suggestion, "did you mean \"cyclic\"")) << d[0].suggestion;
}

TEST(ScheduleParser, NonPositiveValues) {
  auto d = errorsOf("{\"steps\": [{\"op\": \"split\", \"loop\": \"f:i\", \"factor\": 0}]}");
  EXPECT_TRUE(contains(d[0].message, "'factor' must be a positive integer, got 0")) << d[0].message;
  d = errorsOf("{\"steps\": [{\"op\": \"unroll\", \"loop\": \"f:i\", \"factor\": -2}]}");
  EXPECT_TRUE(contains(d[0].message, "non-negative")) << d[0].message;
  d = errorsOf("{\"steps\": [{\"op\": \"pipeline\", \"loop\": \"f:i\", \"ii\": 0}]}");
  EXPECT_TRUE(contains(d[0].suggestion, "at least 1 cycle")) << d[0].suggestion;
  d = errorsOf("{\"steps\": [{\"op\": \"partition\", \"array\": \"f:A\", \"dim\": -1}]}");
  EXPECT_TRUE(contains(d[0].suggestion, "1-based")) << d[0].suggestion;
  d = errorsOf(
      "{\"steps\": [{\"op\": \"split\", \"loop\": \"f:i\", \"factor\": 99999999999999999999}]}");
  EXPECT_FALSE(d.empty());
}

TEST(ScheduleParser, PartitionFactorRules) {
  auto d =
      errorsOf("{\"steps\": [{\"op\": \"partition\", \"array\": \"f:A\", \"type\": \"cyclic\"}]}");
  EXPECT_TRUE(contains(d[0].message, "needs a 'factor'")) << d[0].message;
  d = errorsOf("{\"steps\": [{\"op\": \"partition\", \"array\": \"f:A\", \"factor\": 2}]}");
  EXPECT_TRUE(contains(d[0].message, "complete partition takes no 'factor'")) << d[0].message;
}

TEST(ScheduleParser, NamesNeedAFunction) {
  auto d = errorsOf("{\"steps\": [{\"op\": \"unroll\", \"loop\": \"i\"}]}");
  EXPECT_TRUE(contains(d[0].message, "without a function")) << d[0].message;
  EXPECT_TRUE(contains(d[0].suggestion, "\"top\"")) << d[0].suggestion;
  d = errorsOf("{\"steps\": [{\"op\": \"unroll\", \"loop\": \":i\"}]}");
  EXPECT_FALSE(d.empty());
  d = errorsOf("{\"steps\": [{\"op\": \"inline\", \"function\": \"f:i\"}]}");
  EXPECT_TRUE(contains(d[0].suggestion, "use \"f\"")) << d[0].suggestion;
  d = errorsOf("{\"steps\": [{\"op\": \"reorder\", \"loops\": [\"f:i\", \"f:i\"]}]}");
  EXPECT_TRUE(contains(d[0].message, "listed twice")) << d[0].message;
  d = errorsOf("{\"steps\": [{\"op\": \"fuse\", \"loops\": [\"f:i\"]}]}");
  EXPECT_TRUE(contains(d[0].message, "needs at least 2 loops, got 1")) << d[0].message;
}

TEST(ScheduleParser, TopLevelProblems) {
  auto d = errorsOf("{\"stesp\": []}");
  bool found = false;
  for (auto &e : d)
    found |=
        contains(e.message, "unknown top-level field 'stesp'") && contains(e.suggestion, "'steps'");
  EXPECT_TRUE(found);
  d = errorsOf("{\"steps\": [], \"steps\": []}");
  EXPECT_TRUE(contains(d[0].message, "written twice")) << d[0].message;
  EXPECT_EQ(d[0].pos.col, 15u);
  d = errorsOf("{\"top\": 3, \"steps\": []}");
  EXPECT_EQ(d[0].path, "top");
}

TEST(ScheduleParser, AllErrorsAreReported) {
  auto d = errorsOf(R"({"steps": [
    {"op": "split", "loop": "f:i", "factor": 0},
    {"op": "fuze", "loops": ["f:i", "f:j"]},
    {"op": "pipeline", "loop": "f:i", "ii": 1}
  ]})");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].path, "steps[0].factor");
  EXPECT_EQ(d[1].path, "steps[1].op");
  EXPECT_EQ(d[1].pos.line, 3u);
}

TEST(ScheduleParser, MissingFile) {
  std::vector<ScheduleDiagnostic> diags;
  EXPECT_FALSE(parseScheduleFile("/nonexistent/s.json", diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_TRUE(contains(diags[0].str(), "/nonexistent/s.json: error: cannot read"));
}

TEST(ScheduleParser, IntegersAsTheSchemaDefinesThem) {
  // JSON Schema's "integer" is any number whose fraction is zero.
  Schedule s = parsed(R"({"steps": [{"op": "pipeline", "loop": "f:i", "ii": 4.0},
    {"op": "unfold", "loops": ["f:i"], "factors": [2.0], "axes": [0e0]},
    {"op": "split", "loop": "f:j", "factor": 1e2}]})");
  ASSERT_EQ(s.steps.size(), 3u);
  EXPECT_EQ(s.steps[0].integer("ii").value, 4);
  EXPECT_EQ(s.steps[1].ints("factors").value, std::vector<int64_t>{2});
  EXPECT_EQ(s.steps[2].integer("factor").value, 100);
  auto d = errorsOf(R"({"steps": [{"op": "pipeline", "loop": "f:i", "ii": 4.5}]})");
  EXPECT_TRUE(contains(d[0].message, "got a number with a fraction 4.5")) << d[0].message;
}

TEST(ScheduleParser, IntegersAreBounded) {
  // Every integer field is at most 2^31 - 1, as HLS directives and int loop bounds are.
  for (const char *v :
       {"2147483648", "4294967300", "9223372036854775807", "18446744073709551616", "1e30"}) {
    auto d =
        errorsOf(std::string(R"({"steps": [{"op": "pipeline", "loop": "f:i", "ii": )") + v + "}]}");
    ASSERT_EQ(d.size(), 1u) << v;
    EXPECT_EQ(d[0].path, "steps[0].ii");
    EXPECT_TRUE(contains(d[0].message, "'ii' must be at most 2147483647, got ")) << d[0].message;
    EXPECT_FALSE(contains(d[0].message, "fraction")) << d[0].message;
  }
  EXPECT_EQ(
      parsed(R"({"steps": [{"op": "relay", "array": "f:A", "axis": 0, "depth": 2147483647}]})")
          .steps[0]
          .integer("depth")
          .value,
      2147483647);
  auto d =
      errorsOf(R"({"steps": [{"op": "unfold", "loops": ["f:i"], "factors": [4, 3000000000]}]})");
  EXPECT_TRUE(contains(d[0].message, "integers from 1 to 2147483647")) << d[0].message;
}

TEST(ScheduleParser, NulByteIsAnError) {
  std::string text = R"({"top": "f", "steps": [{"op": "pipeline", "loop": "i", "ii": 3}]})";
  text += std::string(1, '\0') + "\n{{{ ignored";
  auto d = errorsOf(text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(contains(d[0].message, "NUL byte")) << d[0].message;
  EXPECT_EQ(d[0].pos.line, 1u);
  EXPECT_EQ(d[0].pos.col, text.find('\0') + 1);
}

TEST(ScheduleParser, ByteOrderMarkKeepsPositions) {
  auto d = errorsOf("\xEF\xBB\xBF{\"steps\": [{\"op\": \"pipelife\", \"loop\": \"f:i\"}]}");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].path, "steps[0].op");
  EXPECT_EQ(d[0].pos.line, 1u);
  EXPECT_EQ(d[0].pos.col, 19u); // counted from after the mark
  EXPECT_EQ(parsed("\xEF\xBB\xBF{\"steps\": []}").steps.size(), 0u);
  d = errorsOf("\xEF\xBB\xBF{\"steps\": [,]}");
  EXPECT_EQ(d[0].pos.col, 12u);
}

TEST(ScheduleParser, DeepNestingIsRefusedInLinearTime) {
  // 200000 levels: refused at the first bracket past the limit, without
  // building anything for the levels below.
  std::string text = R"({"top": "f", "steps": [{"op": "pipeline", "loop": "i", "ii": )";
  size_t open = text.size();
  text += std::string(200000, '[') + "1" + std::string(200000, ']') + "}]}";
  auto d = errorsOf(text);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_TRUE(contains(d[0].message, "nested deeper than 64")) << d[0].message;
  EXPECT_EQ(d[0].pos.col, open + (kScheduleMaxDepth - 3) + 1); // 3 levels before "ii"
  // Brackets inside strings do not count.
  Schedule s = parsed(R"({"steps": [], "comment": ")" + std::string(100, '[') + "\"}");
  EXPECT_TRUE(s.steps.empty());
}

TEST(ScheduleParser, OnlyRegularFilesAreRead) {
  std::vector<ScheduleDiagnostic> diags;
  EXPECT_FALSE(parseScheduleFile("/dev/zero", diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_TRUE(contains(diags[0].str(),
                       "/dev/zero: error: cannot read the schedule file '/dev/zero': it is "
                       "not a regular file"))
      << diags[0].str();
  diags.clear();
  EXPECT_FALSE(parseScheduleFile(ALLO_SOURCE_DIR, diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_TRUE(contains(diags[0].message, "it is a directory")) << diags[0].message;
  // Larger than the limit.
  llvm::SmallString<128> big;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("allo-big", "json", big));
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(big, ec);
    ASSERT_FALSE(ec);
    std::string chunk(1 << 20, ' ');
    for (uint64_t k = 0; k <= (kScheduleMaxBytes >> 20); ++k)
      os << chunk;
  }
  diags.clear();
  EXPECT_FALSE(parseScheduleFile(big, diags).has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_TRUE(contains(diags[0].message, "MiB a schedule file may have")) << diags[0].message;
  llvm::sys::fs::remove(big);
}

TEST(ScheduleParser, Helpers) {
  EXPECT_EQ(positionOf("ab\ncd", 0).line, 1u);
  EXPECT_EQ(positionOf("ab\ncd", 4).line, 2u);
  EXPECT_EQ(positionOf("ab\ncd", 4).col, 2u);
  EXPECT_EQ(positionOf("ab", 99).col, 3u);
  EXPECT_EQ(closestMatch("pipline", {"pipeline", "partition"}), "pipeline");
  EXPECT_EQ(closestMatch("zzzzzz", {"pipeline", "partition"}), "");
}

//===----------------------------------------------------------------------===//
// The JSON Schema
//===----------------------------------------------------------------------===//

json load(const std::string &path) {
  auto buf = llvm::MemoryBuffer::getFile(path);
  if (!buf) {
    ADD_FAILURE() << "cannot read " << path;
    return json();
  }
  return json::parse((*buf)->getBuffer().begin(), (*buf)->getBuffer().end());
}

const std::string kSchemaPath = std::string(ALLO_SOURCE_DIR) + "/schedules/schedule.schema.json";

TEST(ScheduleSchema, OpEnumMatchesParser) {
  json schema = load(kSchemaPath);
  std::vector<std::string> schemaOps =
      schema["$defs"]["op"]["enum"].get<std::vector<std::string>>();
  std::vector<std::string> parserOps;
  for (const OpSpec &op : scheduleOps())
    parserOps.push_back(op.name);
  EXPECT_EQ(schemaOps, parserOps);
  // Editors show each op's description when completing "op".
  std::vector<std::string> descriptions =
      schema["$defs"]["op"]["enumDescriptions"].get<std::vector<std::string>>();
  ASSERT_EQ(descriptions.size(), parserOps.size());
  for (size_t i = 0; i < descriptions.size(); ++i)
    EXPECT_EQ(descriptions[i], scheduleOps()[i].summary) << parserOps[i];
  // Every op has a definition and a dispatch entry in "step".
  std::set<std::string> dispatched;
  for (const json &branch : schema["$defs"]["step"]["allOf"])
    dispatched.insert(branch["if"]["properties"]["op"]["const"].get<std::string>());
  EXPECT_EQ(dispatched, std::set<std::string>(parserOps.begin(), parserOps.end()));
}

TEST(ScheduleSchema, FieldsMatchParser) {
  json schema = load(kSchemaPath);
  for (const OpSpec &op : scheduleOps()) {
    SCOPED_TRACE(op.name);
    const json &def = schema["$defs"][op.name];
    ASSERT_TRUE(def.is_object());
    EXPECT_EQ(def["additionalProperties"], false);
    std::set<std::string> schemaFields, parserFields = {"op", "comment"};
    for (auto it = def["properties"].begin(); it != def["properties"].end(); ++it)
      schemaFields.insert(it.key());
    std::set<std::string> required = {"op"};
    for (const FieldSpec &f : op.fields) {
      parserFields.insert(f.name);
      if (f.required)
        required.insert(f.name);
    }
    EXPECT_EQ(schemaFields, parserFields);
    std::vector<std::string> req = def["required"].get<std::vector<std::string>>();
    EXPECT_EQ(std::set<std::string>(req.begin(), req.end()), required);
    for (const FieldSpec &f : op.fields) {
      const json &p = def["properties"][f.name];
      if (f.kind == FieldKind::Int) {
        EXPECT_EQ(p["minimum"], f.min) << f.name;
        EXPECT_EQ(p["maximum"], f.max) << f.name;
      }
      if (f.kind == FieldKind::IntList) {
        EXPECT_EQ(p["items"]["minimum"], f.min) << f.name;
        EXPECT_EQ(p["items"]["maximum"], f.max) << f.name;
      }
      if (f.kind == FieldKind::Enum) {
        EXPECT_EQ(p["enum"].get<std::vector<std::string>>(),
                  std::vector<std::string>(f.values.begin(), f.values.end()));
      }
    }
  }
}

/// A validator for the JSON Schema keywords schedule.schema.json uses.
class MiniValidator {
public:
  explicit MiniValidator(json schema) : root(std::move(schema)) {}

  bool validate(const json &v, std::string &why) { return check(v, root, "", why); }

private:
  json root;

  const json &resolve(const json &s) {
    if (s.contains("$ref")) {
      std::string ref = s["$ref"].get<std::string>();
      EXPECT_TRUE(llvm::StringRef(ref).starts_with("#/$defs/")) << ref;
      return resolve(root["$defs"][ref.substr(8)]);
    }
    return s;
  }

  static bool hasType(const json &v, const std::string &t) {
    if (t == "object")
      return v.is_object();
    if (t == "array")
      return v.is_array();
    if (t == "string")
      return v.is_string();
    if (t == "integer") // any number whose fraction is zero (JSON Schema 2020-12)
      return v.is_number_integer() || (v.is_number_float() && std::isfinite(v.get<double>()) &&
                                       v.get<double>() == std::floor(v.get<double>()));
    if (t == "number")
      return v.is_number();
    if (t == "boolean")
      return v.is_boolean();
    if (t == "null")
      return v.is_null();
    ADD_FAILURE() << "unknown type " << t;
    return false;
  }

  bool check(const json &v, const json &schemaIn, const std::string &at, std::string &why) {
    const json &s = resolve(schemaIn);
    static const std::set<std::string> known = {"$schema",
                                                "$ref",
                                                "$defs",
                                                "title",
                                                "description",
                                                "enumDescriptions", // annotation (VS Code)
                                                "examples",
                                                "default",
                                                "type",
                                                "enum",
                                                "const",
                                                "required",
                                                "properties",
                                                "additionalProperties",
                                                "items",
                                                "minItems",
                                                "uniqueItems",
                                                "minimum",
                                                "maximum",
                                                "minLength",
                                                "pattern",
                                                "allOf",
                                                "oneOf",
                                                "if",
                                                "then",
                                                "else",
                                                "not"};
    for (auto it = s.begin(); it != s.end(); ++it)
      EXPECT_TRUE(known.count(it.key())) << "the mini validator does not know '" << it.key() << "'";
    auto fail = [&](const std::string &m) {
      why = (at.empty() ? "(root)" : at) + ": " + m;
      return false;
    };
    if (s.contains("type") && !hasType(v, s["type"].get<std::string>()))
      return fail("expected " + s["type"].get<std::string>());
    if (s.contains("enum") && std::find(s["enum"].begin(), s["enum"].end(), v) == s["enum"].end())
      return fail("not in enum");
    if (s.contains("const") && v != s["const"])
      return fail("expected " + s["const"].dump());
    if (v.is_number() && s.contains("minimum") && v.get<double>() < s["minimum"].get<double>())
      return fail("below minimum");
    if (v.is_number() && s.contains("maximum") && v.get<double>() > s["maximum"].get<double>())
      return fail("above maximum");
    if (v.is_string()) {
      std::string str = v.get<std::string>();
      if (s.contains("minLength") && str.size() < s["minLength"].get<size_t>())
        return fail("too short");
      if (s.contains("pattern") && !llvm::Regex(s["pattern"].get<std::string>()).match(str))
        return fail("does not match " + s["pattern"].get<std::string>());
    }
    if (v.is_object()) {
      if (s.contains("required"))
        for (const json &r : s["required"])
          if (!v.contains(r.get<std::string>()))
            return fail("missing " + r.get<std::string>());
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (s.contains("properties") && s["properties"].contains(it.key())) {
          if (!check(*it, s["properties"][it.key()], at + "." + it.key(), why))
            return false;
        } else if (s.contains("additionalProperties") && s["additionalProperties"] == false) {
          return fail("unexpected property " + it.key());
        }
      }
    }
    if (v.is_array()) {
      if (s.contains("minItems") && v.size() < s["minItems"].get<size_t>())
        return fail("too few items");
      if (s.contains("uniqueItems") && s["uniqueItems"] == true)
        for (size_t i = 0; i < v.size(); ++i)
          for (size_t j = i + 1; j < v.size(); ++j)
            if (v[i] == v[j])
              return fail("duplicate items");
      if (s.contains("items"))
        for (size_t i = 0; i < v.size(); ++i)
          if (!check(v[i], s["items"], at + "[" + std::to_string(i) + "]", why))
            return false;
    }
    if (s.contains("allOf"))
      for (const json &sub : s["allOf"])
        if (!check(v, sub, at, why))
          return false;
    if (s.contains("oneOf")) {
      int n = 0;
      std::string ignored;
      for (const json &sub : s["oneOf"])
        n += check(v, sub, at, ignored);
      if (n != 1)
        return fail("matches " + std::to_string(n) + " of oneOf");
    }
    if (s.contains("not")) {
      std::string ignored;
      if (check(v, s["not"], at, ignored))
        return fail("matches 'not'");
    }
    if (s.contains("if")) {
      std::string ignored;
      if (check(v, s["if"], at, ignored)) {
        if (s.contains("then") && !check(v, s["then"], at, why))
          return false;
      } else if (s.contains("else") && !check(v, s["else"], at, why)) {
        return false;
      }
    }
    return true;
  }
};

std::vector<std::string> scheduleFiles() {
  std::vector<std::string> files;
  for (const char *dir : {"/schedules", "/examples", "/test/Schedule"}) {
    std::error_code ec;
    for (llvm::sys::fs::recursive_directory_iterator it(std::string(ALLO_SOURCE_DIR) + dir, ec),
         end;
         it != end && !ec; it.increment(ec)) {
      llvm::StringRef p = it->path();
      if (p.ends_with(".json") && !p.ends_with(".schema.json") &&
          !llvm::sys::path::filename(p).starts_with("bad-"))
        files.push_back(p.str());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ScheduleSchema, ExampleSchedulesValidate) {
  MiniValidator validator(load(kSchemaPath));
  std::vector<std::string> files = scheduleFiles();
  EXPECT_GE(files.size(), 3u) << "expected the example schedules under schedules/ and test/";
  for (const std::string &f : files) {
    SCOPED_TRACE(f);
    std::string why;
    EXPECT_TRUE(validator.validate(load(f), why)) << why;
    std::vector<ScheduleDiagnostic> diags;
    EXPECT_TRUE(parseScheduleFile(f, diags).has_value());
    for (const ScheduleDiagnostic &d : diags)
      ADD_FAILURE() << d.str();
  }
}

TEST(ScheduleSchema, RejectsWhatTheParserRejects) {
  MiniValidator validator(load(kSchemaPath));
  for (const char *bad : {
           R"({"steps": [{"op": "splt", "loop": "f:i", "factor": 2}]})",
           R"({"steps": [{"op": "split", "loop": "f:i", "factr": 2}]})",
           R"({"steps": [{"op": "split", "loop": "f:i", "factor": 0}]})",
           R"({"steps": [{"op": "split", "loop": "f:i", "factor": "2"}]})",
           R"({"steps": [{"op": "pipeline", "ii": 1}]})",
           R"({"steps": [{"op": "pipeline", "function": "f", "rewind": true}]})",
           R"({"steps": [{"op": "partition", "array": "f:A", "type": "cyclic"}]})",
           R"({"steps": [{"op": "partition", "array": "f:A", "factor": 2}]})",
           R"({"steps": [{"op": "fuse", "loops": ["f:i"]}]})",
           R"({"steps": [{"op": "compose", "function": "f"}]})",
           R"({"steps": [{"op": "compose", "function": "f", "schedule": ""}]})",
           R"({"steps": [{"op": "inline", "function": "f:g"}]})",
           R"({"stesp": []})",
           R"({"steps": [{"op": "pipeline", "loop": "f:i", "ii": 4294967300}]})",
           R"({"steps": [{"op": "pipeline", "loop": "f:i", "ii": 4.5}]})",
           R"({"steps": [{"op": "unfold", "loops": ["f:i"], "factors": [2147483648]}]})",
       }) {
    std::string why;
    EXPECT_FALSE(validator.validate(json::parse(bad), why)) << bad;
    std::vector<ScheduleDiagnostic> diags;
    EXPECT_FALSE(parseSchedule(bad, "s.json", diags).has_value()) << bad;
  }
}

//===----------------------------------------------------------------------===//
// applySchedule is step-atomic
//===----------------------------------------------------------------------===//

TEST(ApplySchedule, FailingStepChangesNothing) {
  mlir::DialectRegistry registry;
  registerAlloDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  const char *ir = R"mlir(
    func.func @f(%A: memref<8xi32> {allo.name = "A"}) {
      affine.for %i = 0 to 8 {
        %v = affine.load %A[%i] : memref<8xi32>
        affine.store %v, %A[%i] : memref<8xi32>
      } {allo.name = "i"}
      return
    })mlir";
  mlir::OwningOpRef<mlir::ModuleOp> m = mlir::parseSourceString<mlir::ModuleOp>(ir, &ctx);
  ASSERT_TRUE(m);
  Schedule s = parsed(R"({"top": "f", "steps": [
      {"op": "split", "loop": "i", "factor": 2},
      {"op": "pipeline", "loop": "i.inner"},
      {"op": "reorder", "loops": ["i.inner", "i.outer"]},
      {"op": "split", "loop": "nope", "factor": 2}]})");
  std::string errors;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    errors += d.str() + "\n";
    return mlir::success();
  });
  // Steps 0-2 succeed, step 3 fails: the module holds the result of 0-2.
  ASSERT_TRUE(mlir::failed(applySchedule(*m, s)));
  EXPECT_TRUE(contains(errors, "unknown loop 'f:nope'")) << errors;
  std::string printed;
  llvm::raw_string_ostream os(printed);
  m->print(os);
  EXPECT_TRUE(contains(printed, "allo.name = \"i.outer\"")) << printed;
  EXPECT_TRUE(contains(printed, "allo.pipeline_ii = 1")) << printed;
  // i.inner is now outside i.outer.
  EXPECT_LT(printed.find("\"i.outer\""), printed.find("\"i.inner\"")) << printed;

  // A step rejected after partly transforming its copy (fuse of a nest whose
  // inner bound depends on the outer loop) leaves the module untouched.
  const char *tri = R"mlir(
    func.func @g(%A: memref<8x8xi32> {allo.name = "A"}) {
      affine.for %i = 0 to 8 {
        affine.for %j = 0 to affine_map<(d0) -> (d0)>(%i) {
          %v = affine.load %A[%i, %j] : memref<8x8xi32>
          affine.store %v, %A[%j, %i] : memref<8x8xi32>
        } {allo.name = "j"}
      } {allo.name = "i"}
      return
    })mlir";
  mlir::OwningOpRef<mlir::ModuleOp> t = mlir::parseSourceString<mlir::ModuleOp>(tri, &ctx);
  ASSERT_TRUE(t);
  std::string before;
  llvm::raw_string_ostream bos(before);
  t->print(bos);
  errors.clear();
  Schedule fuse = parsed(R"({"steps": [{"op": "fuse", "loops": ["g:i", "g:j"]}]})");
  ASSERT_TRUE(mlir::failed(applySchedule(*t, fuse)));
  EXPECT_TRUE(contains(errors, "not rectangular")) << errors;
  std::string after;
  llvm::raw_string_ostream aos(after);
  t->print(aos);
  EXPECT_EQ(before, after);
}

TEST(ApplySchedule, FailingComposeChangesNothing) {
  // A compose whose second sub-step fails: the first sub-step's split is
  // dropped too; the step before the compose stays applied.
  mlir::DialectRegistry registry;
  registerAlloDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  const char *ir = R"mlir(
    func.func @h(%A: memref<8xi32> {allo.name = "A"}) {
      affine.for %i = 0 to 8 {
        %v = affine.load %A[%i] : memref<8xi32>
        affine.store %v, %A[%i] : memref<8xi32>
      } {allo.name = "i"}
      return
    })mlir";
  mlir::OwningOpRef<mlir::ModuleOp> m = mlir::parseSourceString<mlir::ModuleOp>(ir, &ctx);
  ASSERT_TRUE(m);
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("allo-compose", dir));
  auto write = [&](const char *name, const char *text) {
    llvm::SmallString<128> p(dir);
    llvm::sys::path::append(p, name);
    std::error_code ec;
    llvm::raw_fd_ostream os(p, ec);
    os << text;
    return std::string(p);
  };
  std::string outer = write("outer.json", R"({"steps": [
      {"op": "pipeline", "loop": "h:i"},
      {"op": "compose", "function": "h", "schedule": "sub.json"}]})");
  std::string sub = write("sub.json", R"({"steps": [
      {"op": "split", "loop": "i", "factor": 2},
      {"op": "unroll", "loop": "nope"}]})");
  std::string errors;
  mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
    errors += d.str() + "\n";
    for (const mlir::Diagnostic &n : d.getNotes())
      errors += "note: " + n.str() + "\n";
    return mlir::success();
  });
  ASSERT_TRUE(mlir::failed(applyScheduleFile(*m, outer)));
  EXPECT_TRUE(contains(errors, "unknown loop 'h:nope'")) << errors;
  EXPECT_TRUE(contains(errors, "in the sub-schedule sub.json composed into 'h' by steps[1]"))
      << errors;
  std::string printed;
  llvm::raw_string_ostream os(printed);
  m->print(os);
  EXPECT_TRUE(contains(printed, "allo.pipeline_ii = 1")) << printed;
  EXPECT_FALSE(contains(printed, "i.outer")) << printed;
  llvm::sys::fs::remove(sub);
  llvm::sys::fs::remove(outer);
  llvm::sys::fs::remove(dir);
}

} // namespace
