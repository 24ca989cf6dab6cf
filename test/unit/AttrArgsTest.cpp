//===- AttrArgsTest.cpp - Units for the attribute argument parser ---------===//
#include "allo/Attrs/AttrArgs.h"

#include <gtest/gtest.h>

using namespace allo;

namespace {

IdentValue resolver(llvm::StringRef name) {
  IdentValue v;
  if (name == "M" || name == "ns::M") {
    v.state = IdentValue::Value;
    v.value = 4;
  } else if (name == "T") {
    v.state = IdentValue::Dependent;
  } else if (name == "x") {
    v.state = IdentValue::NotConstant;
  }
  return v;
}

struct Result {
  bool parsed = false;
  EvalStatus status = EvalStatus::Error;
  EvaluatedAttr attr;
  AttrArgError error;
};

Result run(const char *attr, const char *text) {
  Result r;
  ParsedAlloAttr p;
  const AttrSpec *spec = findAttrSpec(attr);
  EXPECT_NE(spec, nullptr) << attr;
  r.parsed = parseAttrArgs(*spec, text, p, r.error);
  if (r.parsed)
    r.status = evaluateAttr(p, resolver, r.attr, r.error);
  return r;
}

TEST(AttrArgs, NoArgumentsGiveDefaults) {
  Result r = run("pipeline", "");
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.status, EvalStatus::Ok);
  EXPECT_EQ(r.attr.getInt("ii"), 1);
  EXPECT_FALSE(r.attr.hasFlag("rewind"));
  EXPECT_FALSE(r.attr.has("ii"));
}

TEST(AttrArgs, KeywordValuesAndFlags) {
  Result r = run("pipeline", "(ii = 2 * M + 1, rewind)");
  ASSERT_TRUE(r.parsed) << r.error.message;
  ASSERT_EQ(r.status, EvalStatus::Ok) << r.error.message;
  EXPECT_EQ(r.attr.getInt("ii"), 9);
  EXPECT_TRUE(r.attr.hasFlag("rewind"));
}

TEST(AttrArgs, ArithmeticPrecedence) {
  Result r = run("unroll", "(factor = 1 + 2 * 3 - (8 >> 2) % 3 + (1 << 2) / 2)");
  ASSERT_EQ(r.status, EvalStatus::Ok) << r.error.message;
  EXPECT_EQ(r.attr.getInt("factor"), 1 + 2 * 3 - (8 >> 2) % 3 + (1 << 2) / 2);
}

TEST(AttrArgs, MappingList) {
  Result r = run("kernel", "(mapping(M + 2, 3, ns::M))");
  ASSERT_EQ(r.status, EvalStatus::Ok) << r.error.message;
  EXPECT_EQ(r.attr.getList("mapping"), (std::vector<int64_t>{6, 3, 4}));
}

TEST(AttrArgs, TemplateParametersAreDependent) {
  Result r = run("kernel", "(mapping(T, 2))");
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.status, EvalStatus::Dependent);
}

TEST(AttrArgs, LiteralForms) {
  Result r = run("stream", "(depth = 0x10)");
  ASSERT_EQ(r.status, EvalStatus::Ok);
  EXPECT_EQ(r.attr.getInt("depth"), 16);
  r = run("stream", "(depth = 1'000u)");
  ASSERT_EQ(r.status, EvalStatus::Ok) << r.error.message;
  EXPECT_EQ(r.attr.getInt("depth"), 1000);
}

TEST(AttrArgs, NameTakesAString) {
  Result r = run("name", "(\"row\")");
  ASSERT_EQ(r.status, EvalStatus::Ok);
  EXPECT_EQ(r.attr.getString("name"), "row");
  r = run("name", "(row)");
  EXPECT_FALSE(r.parsed);
  EXPECT_NE(r.error.message.find("string"), std::string::npos);
  r = run("name", "(\"a\", \"b\")");
  EXPECT_FALSE(r.parsed);
  EXPECT_NE(r.error.message.find("exactly one"), std::string::npos);
}

TEST(AttrArgs, LayoutItems) {
  Result r = run("layout", "(shard(1), replicate, shard(M - 4))");
  ASSERT_EQ(r.status, EvalStatus::Ok) << r.error.message;
  EXPECT_EQ(r.attr.layout, (std::vector<int64_t>{1, -1, 0}));
  r = run("layout", "(shard(0), replicat)");
  EXPECT_FALSE(r.parsed);
  EXPECT_NE(r.error.message.find("did you mean 'replicate'"), std::string::npos);
}

TEST(AttrArgs, EnumValues) {
  Result r = run("partition", "(type=cyclic, factor=4, dim=2)");
  ASSERT_EQ(r.status, EvalStatus::Ok);
  EXPECT_EQ(r.attr.getString("type"), "cyclic");
  EXPECT_EQ(r.attr.getInt("dim"), 2);
  r = run("partition", "(type=cylic)");
  EXPECT_FALSE(r.parsed);
  EXPECT_NE(r.error.message.find("did you mean 'cyclic'"), std::string::npos);
  EXPECT_EQ(r.error.offset, 6u);
}

TEST(AttrArgs, UnknownArgumentSuggestsAndLocates) {
  Result r = run("pipeline", "(i = 2)");
  ASSERT_FALSE(r.parsed);
  EXPECT_EQ(r.error.offset, 1u);
  EXPECT_NE(r.error.message.find("unknown argument 'i'"), std::string::npos);
  EXPECT_NE(r.error.message.find("did you mean 'ii'"), std::string::npos);
}

TEST(AttrArgs, ArityAndFormErrors) {
  EXPECT_FALSE(run("region", "(3)").parsed);
  EXPECT_FALSE(run("kernel", "(mapping())").parsed);
  EXPECT_FALSE(run("kernel", "(mapping = 4)").parsed);
  EXPECT_FALSE(run("pipeline", "(ii)").parsed);
  EXPECT_FALSE(run("pipeline", "(rewind = 1)").parsed);
  EXPECT_FALSE(run("pipeline", "(ii = 1, ii = 2)").parsed);
  EXPECT_FALSE(run("pipeline", "(ii = 1").parsed);
  EXPECT_FALSE(run("pipeline", "(ii = f(2))").parsed);
  EXPECT_FALSE(run("pipeline", "(ii = 2) x").parsed);
}

TEST(AttrArgs, ValueErrors) {
  Result r = run("kernel", "(mapping(4, 0))");
  ASSERT_TRUE(r.parsed);
  EXPECT_EQ(r.status, EvalStatus::Error);
  EXPECT_EQ(r.error.offset, 12u);
  EXPECT_NE(r.error.message.find("positive"), std::string::npos);
  r = run("stream", "(depth = -2)");
  EXPECT_EQ(r.status, EvalStatus::Error);
  r = run("unroll", "(factor = 0)");
  EXPECT_EQ(r.status, EvalStatus::Ok); // 0 = full unroll
  r = run("pipeline", "(ii = x)");
  EXPECT_EQ(r.status, EvalStatus::Error);
  EXPECT_NE(r.error.message.find("not an integer constant expression"), std::string::npos);
  r = run("pipeline", "(ii = y)");
  EXPECT_EQ(r.status, EvalStatus::Error);
  EXPECT_NE(r.error.message.find("undeclared identifier 'y'"), std::string::npos);
  r = run("pipeline", "(ii = 4 / (M - 4))");
  EXPECT_EQ(r.status, EvalStatus::Error);
  EXPECT_NE(r.error.message.find("division by zero"), std::string::npos);
}

TEST(AttrTable, ClosestName) {
  EXPECT_EQ(closestName("kernal", {"kernel", "region"}), "kernel");
  EXPECT_EQ(closestName("Pipeline", {"pipeline"}), "pipeline");
  EXPECT_EQ(closestName("zzz", {"kernel", "region"}), "");
}

TEST(AttrTable, EveryAttributeIsDocumented) {
  std::string docs = renderAttrDocs();
  for (const AttrSpec &s : allAttrSpecs())
    EXPECT_NE(docs.find("[[allo::" + std::string(s.name) + "]]"), std::string::npos) << s.name;
}

} // namespace
