//===- sim_stream_test.cpp - hls::stream of the simulator ----------------===//
//
// The stream API outside and inside processes: csim behaviour in the main
// program, bounded FIFOs in processes, non-blocking calls, configure() on
// arrays of every rank, element types with state.
//
//===----------------------------------------------------------------------===//

#include "allo_sim.h"
#include "ap_int.h"
#include "hls_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using allo::sim::configure;
using allo::sim::Region;

struct Packet {
  int id;
  ap_uint<12> payload;
};

// Outside any process a stream is the csim FIFO: writes never block, even
// beyond the depth, and the order is kept across buffer growth.
TEST(SimStream, OutsideProcessWritesGrowBeyondDepth) {
  hls::stream<int> s("fifo");
  configure(s, 2, "fifo", "t.cpp:1");
  EXPECT_TRUE(s.empty());
  for (int i = 0; i < 1000; ++i)
    s.write(i * 7);
  EXPECT_EQ(s.size(), 1000u);
  EXPECT_TRUE(s.full());
  EXPECT_FALSE(s.write_nb(5)); // bounded: write_nb refuses at the depth
  for (int i = 0; i < 1000; ++i) {
    if (i % 3 == 0) {
      EXPECT_EQ(s.read(), i * 7);
    } else if (i % 3 == 1) {
      int v = -1;
      s.read(v);
      EXPECT_EQ(v, i * 7);
    } else {
      int v = -1;
      s >> v;
      EXPECT_EQ(v, i * 7);
    }
  }
  EXPECT_TRUE(s.empty());
  int v = 42;
  EXPECT_FALSE(s.read_nb(v));
  EXPECT_EQ(v, 42); // untouched
  EXPECT_TRUE(s.write_nb(3));
  EXPECT_TRUE(s.read_nb(v));
  EXPECT_EQ(v, 3);
}

// A testbench stream (never configured, built in main) is unbounded: full()
// is false and write_nb succeeds past its depth, as in C simulation.
TEST(SimStream, TestbenchStreamIsUnbounded) {
  hls::stream<int> s;
  for (int i = 0; i < 10; ++i)
    EXPECT_TRUE(s.write_nb(i));
  EXPECT_FALSE(s.full());
  EXPECT_EQ(s.size(), 10u);
  s.set_depth(4); // a depth given explicitly bounds it
  EXPECT_TRUE(s.full());
  EXPECT_FALSE(s.write_nb(10));
  for (int i = 0; i < 10; ++i)
    EXPECT_EQ(s.read(), i);
}

TEST(SimStreamDeathTest, OutsideProcessEmptyReadAborts) {
  EXPECT_DEATH(
      {
        hls::stream<int> s("in");
        (void)s.read();
      },
      "hls::stream 'in' read while empty");
  EXPECT_DEATH(
      {
        hls::stream<int> s;
        int x;
        s >> x;
      },
      "hls::stream '<unnamed>' read while empty");
}

TEST(SimStream, DepthTemplateArgumentAndBaseBinding) {
  hls::stream<int, 8> s("deep");
  EXPECT_EQ(s.depth(), 8u);
  hls::stream<int> &base = s; // derived-to-base, as with the vendor library
  base.write(1);
  EXPECT_EQ(s.read(), 1);
  hls::stream<int> d;
  EXPECT_EQ(d.depth(), 2u); // the default depth
  EXPECT_EQ(d.name(), "");
  d.set_name("renamed");
  EXPECT_EQ(d.name(), "renamed");
}

TEST(SimStream, ConfigureSetsDepthNameAndLocation) {
  hls::stream<int> s;
  configure(s, 5, "s", "k.cpp:3");
  EXPECT_EQ(s.depth(), 5u);
  EXPECT_EQ(s.name(), "s");
  EXPECT_EQ(s.decl_loc(), "k.cpp:3");
}

TEST(SimStream, ConfigureArraysOfEveryRank) {
  hls::stream<int> a1[3];
  hls::stream<int> a2[2][3];
  hls::stream<Packet, 4> a3[2][2][3];
  configure(a1, 3, "fifo_v", "k.cpp:1");
  configure(a2, 4, "fifo_A", "k.cpp:2");
  configure(a3, 1, "fifo_B", "k.cpp:3");
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(a1[i].name(), "fifo_v[" + std::to_string(i) + "]");
    EXPECT_EQ(a1[i].depth(), 3u);
    EXPECT_EQ(a1[i].decl_loc(), "k.cpp:1");
  }
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 3; ++j) {
      EXPECT_EQ(a2[i][j].name(), "fifo_A[" + std::to_string(i) + "][" + std::to_string(j) + "]");
      EXPECT_EQ(a2[i][j].depth(), 4u);
    }
  EXPECT_EQ(a3[1][0][2].name(), "fifo_B[1][0][2]");
  EXPECT_EQ(a3[1][0][2].depth(), 1u); // configure overrides the template depth
  EXPECT_EQ(a3[0][1][0].decl_loc(), "k.cpp:3");
}

TEST(SimStreamDeathTest, InvalidDepthIsASetupError) {
  EXPECT_EXIT(
      {
        hls::stream<int> s;
        configure(s, 0, "bad", "k.cpp:9");
      },
      testing::ExitedWithCode(2), "allo-sim: stream 'bad' \\(k.cpp:9\\): depth 0 is invalid");
}

// Element types with state survive buffer growth and wrap-around.
TEST(SimStream, NonTrivialElementsAcrossGrowthAndWrap) {
  hls::stream<std::string> s;
  configure(s, 3, "strings", "t.cpp:1");
  int next_in = 0, next_out = 0;
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < round % 7 + 1; ++i)
      s.write("value-" + std::to_string(next_in++) + std::string(40, 'x'));
    for (int i = 0; i < round % 5; ++i) {
      if (!s.empty()) {
        EXPECT_EQ(s.read(), "value-" + std::to_string(next_out++) + std::string(40, 'x'));
      }
    }
  }
  while (!s.empty())
    EXPECT_EQ(s.read(), "value-" + std::to_string(next_out++) + std::string(40, 'x'));
  EXPECT_EQ(next_in, next_out);
}

TEST(SimStream, StructAndApIntElements) {
  hls::stream<Packet> s;
  hls::stream<ap_int<40>> w;
  for (int i = 0; i < 5; ++i) {
    s.write(Packet{i, ap_uint<12>(i * 1000)});
    w.write(ap_int<40>(-1) << i);
  }
  for (int i = 0; i < 5; ++i) {
    Packet p = s.read();
    EXPECT_EQ(p.id, i);
    EXPECT_EQ(static_cast<unsigned>(p.payload), (i * 1000u) & 0xfffu);
    EXPECT_EQ(static_cast<long long>(w.read()), -(1ll << i));
  }
}

// read_nb / write_nb never block in a process, and a failed one lets the
// other processes run first (a polling loop finishes).
TEST(SimStream, NonBlockingCallsInProcesses) {
  hls::stream<int> s;
  configure(s, 2, "s", "t.cpp:1");
  std::vector<int> got;
  Region r("nb", "t.cpp:2");
  r.spawn("writer", "t.cpp:3", [&] {
    for (int i = 0; i < 100;)
      if (s.write_nb(i))
        ++i;
  });
  r.spawn("reader", "t.cpp:4", [&] {
    while (got.size() < 100) {
      int v;
      if (s.read_nb(v))
        got.push_back(v);
    }
  });
  r.run();
  ASSERT_EQ(got.size(), 100u);
  for (int i = 0; i < 100; ++i)
    EXPECT_EQ(got[i], i);
  EXPECT_LE(s.stats().max_occupancy, 2u);
  EXPECT_EQ(s.stats().full_stalls, 0u); // nobody blocked
  EXPECT_EQ(s.stats().empty_stalls, 0u);
}

// A failed write_nb / read_nb returns false when the other side cannot move
// meanwhile, and changes nothing.
TEST(SimStream, NonBlockingCallsFailWhenNothingCanChange) {
  hls::stream<int> s, go;
  configure(s, 2, "s", "t.cpp:1");
  configure(go, 1, "go", "t.cpp:2");
  std::vector<bool> results;
  int v = -7;
  bool read_nb_result = true;
  Region r("nb", "t.cpp:3");
  r.spawn("writer", "t.cpp:4", [&] {
    for (int i = 0; i < 3; ++i)
      results.push_back(s.write_nb(i));
    go.write(1);
  });
  r.spawn("reader", "t.cpp:5", [&] {
    (void)go.read();
    EXPECT_EQ(s.read(), 0);
    EXPECT_EQ(s.read(), 1);
    read_nb_result = s.read_nb(v);
  });
  r.run();
  EXPECT_EQ(results, (std::vector<bool>{true, true, false}));
  EXPECT_FALSE(read_nb_result);
  EXPECT_EQ(v, -7);
}

// Spinning on empty() / full() in a process does not starve the others.
TEST(SimStream, PollingEmptyAndFullYield) {
  hls::stream<int> s;
  configure(s, 1, "s", "t.cpp:1");
  long sum = 0;
  Region r("spin", "t.cpp:2");
  r.spawn("writer", "t.cpp:3", [&] {
    for (int i = 1; i <= 50; ++i) {
      while (s.full()) {
      }
      s.write(i);
    }
  });
  r.spawn("reader", "t.cpp:4", [&] {
    for (int i = 0; i < 50; ++i) {
      while (s.empty()) {
      }
      sum += s.read();
    }
  });
  r.run();
  EXPECT_EQ(sum, 50 * 51 / 2);
}

TEST(SimStream, LeftoverWarningAtTheEndOfTheRegion) {
  testing::internal::CaptureStderr();
  {
    hls::stream<int> s;
    configure(s, 4, "rest", "t.cpp:7");
    Region r("top", "t.cpp:8");
    r.spawn("w", "t.cpp:9", [&] {
      s.write(1);
      s.write(2);
    });
    r.run();
  }
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("allo-sim: warning: stream 'rest' (t.cpp:7) holds 2 "
                     "elements at the end of region 'top' (t.cpp:8)"),
            std::string::npos)
      << err;
}

} // namespace
