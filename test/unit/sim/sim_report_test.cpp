//===- sim_report_test.cpp - The statistics table ------------------------===//
//
// ALLO_SIM_REPORT / allo::sim::set_report(true): one table per top-level
// region run, one row per stream active in the run (nested regions' streams
// merged by name and location), deterministic.
//
//===----------------------------------------------------------------------===//

#include "allo_sim.h"
#include "hls_stream.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

namespace {

using allo::sim::configure;
using allo::sim::Region;

std::vector<std::string> lines_of(const std::string &s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);)
    out.push_back(l);
  return out;
}

/// Splits a table row into its whitespace-separated fields (after the
/// "allo-sim:" prefix).
std::vector<std::string> fields(const std::string &line) {
  std::vector<std::string> f;
  std::istringstream in(line);
  for (std::string w; in >> w;)
    f.push_back(w);
  return f;
}

std::string run_reported() {
  allo::sim::set_report(true);
  testing::internal::CaptureStderr();
  {
    hls::stream<int> tb("tb_in"); // a testbench stream: unbounded
    for (int i = 0; i < 10; ++i)
      tb.write(i);
    hls::stream<int> fast, slow;
    configure(fast, 4, "fast", "r.cpp:2");
    configure(slow, 1, "slow", "r.cpp:3");
    Region r("top", "r.cpp:1");
    r.spawn("src", "r.cpp:4", [&] {
      for (int i = 0; i < 10; ++i)
        fast.write(tb.read());
    });
    r.spawn("mid", "r.cpp:5", [&] {
      for (int i = 0; i < 10; ++i)
        slow.write(fast.read());
    });
    r.spawn("sub", "r.cpp:6", [&] {
      for (int rep = 0; rep < 2; ++rep) {
        hls::stream<int> local;
        configure(local, 2, "local", "r.cpp:8");
        Region inner("inner", "r.cpp:7");
        inner.spawn("a", "r.cpp:9", [&] {
          for (int i = 0; i < 5; ++i)
            local.write(slow.read());
        });
        inner.spawn("b", "r.cpp:10", [&] {
          for (int i = 0; i < 5; ++i)
            (void)local.read();
        });
        inner.run();
      }
    });
    r.run();
  }
  allo::sim::set_report(false);
  return testing::internal::GetCapturedStderr();
}

TEST(SimReport, TableRowsAndCounts) {
  std::string err = run_reported();
  std::vector<std::string> ls = lines_of(err);
  ASSERT_GE(ls.size(), 6u) << err;
  EXPECT_EQ(ls[0].find("allo-sim: region 'top' (r.cpp:1): 7 processes, "), 0u) << ls[0];
  std::vector<std::string> head = fields(ls[1]);
  EXPECT_EQ(head,
            (std::vector<std::string>{"allo-sim:", "stream", "declared", "at", "depth", "writes",
                                      "reads", "max-occup", "full-stalls", "empty-stalls"}));
  // Rows in declaration order: tb_in, fast, slow, local (x2, merged).
  std::vector<std::string> tb = fields(ls[2]);
  ASSERT_EQ(tb.size(), 9u) << ls[2];
  EXPECT_EQ(tb[1], "tb_in");
  EXPECT_EQ(tb[2], "-"); // no location
  EXPECT_EQ(tb[3], "-"); // unbounded
  EXPECT_EQ(tb[4], "0"); // written before the run
  EXPECT_EQ(tb[5], "10");
  std::vector<std::string> fast = fields(ls[3]);
  ASSERT_EQ(fast.size(), 9u) << ls[3];
  EXPECT_EQ(fast[1], "fast");
  EXPECT_EQ(fast[2], "r.cpp:2");
  EXPECT_EQ(fast[3], "4");
  EXPECT_EQ(fast[4], "10");
  EXPECT_EQ(fast[5], "10");
  EXPECT_EQ(fast[6], "4"); // src runs ahead of mid until fast is full
  EXPECT_NE(fast[7], "0");
  std::vector<std::string> slow = fields(ls[4]);
  ASSERT_EQ(slow.size(), 9u) << ls[4];
  EXPECT_EQ(slow[1], "slow");
  EXPECT_EQ(slow[3], "1");
  EXPECT_EQ(slow[6], "1");
  std::vector<std::string> local = fields(ls[5]);
  ASSERT_EQ(local.size(), 10u) << ls[5];
  EXPECT_EQ(local[1], "local");
  EXPECT_EQ(local[2], "(x2)");
  EXPECT_EQ(local[3], "r.cpp:8");
  EXPECT_EQ(local[5], "10");
  EXPECT_EQ(local[6], "10");
  EXPECT_EQ(ls.size(), 6u) << err;
}

TEST(SimReport, Deterministic) {
  std::string a = run_reported();
  std::string b = run_reported();
  EXPECT_EQ(a, b);
}

TEST(SimReport, OffByDefaultAndEnvironmentSwitch) {
  auto run = [] {
    testing::internal::CaptureStderr();
    {
      hls::stream<int> s;
      configure(s, 2, "s", "r.cpp:1");
      Region r("quiet", "r.cpp:2");
      r.spawn("w", "r.cpp:3", [&] { s.write(1); });
      r.spawn("r", "r.cpp:4", [&] { (void)s.read(); });
      r.run();
    }
    return testing::internal::GetCapturedStderr();
  };
  const char *saved = std::getenv("ALLO_SIM_REPORT");
  std::string keep = saved ? saved : "";
  unsetenv("ALLO_SIM_REPORT");
  EXPECT_EQ(run(), "");
  setenv("ALLO_SIM_REPORT", "0", 1);
  EXPECT_EQ(run(), "");
  setenv("ALLO_SIM_REPORT", "1", 1);
  std::string on = run();
  EXPECT_NE(on.find("allo-sim: region 'quiet' (r.cpp:2): 2 processes"), std::string::npos) << on;
  if (saved)
    setenv("ALLO_SIM_REPORT", keep.c_str(), 1);
  else
    unsetenv("ALLO_SIM_REPORT");
}

} // namespace
