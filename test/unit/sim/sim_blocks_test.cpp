//===- sim_blocks_test.cpp - hls::stream_of_blocks on the simulator ------===//

#include "allo_sim.h"
#include "hls_streamofblocks.h"

#include <gtest/gtest.h>

#include <vector>

namespace {

using allo::sim::configure;
using allo::sim::Region;

typedef int buf_t[16];

void produce(hls::stream_of_blocks<buf_t> &s, int nb) {
  for (int b = 0; b < nb; ++b) {
    hls::write_lock<buf_t> w(s);
    for (int i = 0; i < 16; ++i)
      w[i] = b * 100 + i;
  }
}

TEST(SimBlocks, PingPongBetweenProcesses) {
  hls::stream_of_blocks<buf_t> s;
  configure(s, 2, "pp", "b.cpp:1");
  std::vector<int> got;
  int max_seen = 0;
  Region r("blocks", "b.cpp:2");
  r.spawn("produce", "b.cpp:3", [&] { produce(s, 40); });
  r.spawn("consume", "b.cpp:4", [&] {
    for (int b = 0; b < 40; ++b) {
      hls::read_lock<buf_t> rd(s);
      int (&blk)[16] = rd;
      for (int i = 0; i < 16; ++i)
        got.push_back(blk[i]);
      max_seen = std::max<int>(max_seen, static_cast<int>(s.size()));
    }
  });
  r.run();
  ASSERT_EQ(got.size(), 640u);
  for (int b = 0; b < 40; ++b)
    for (int i = 0; i < 16; ++i)
      ASSERT_EQ(got[b * 16 + i], b * 100 + i);
  // Depth 2: a block held by the reader leaves room for one more.
  EXPECT_LE(max_seen, 1);
  EXPECT_LE(s.stats().max_occupancy, 2u);
  EXPECT_GT(s.stats().full_stalls, 0u);
}

TEST(SimBlocks, DeeperStreamBindsToTheDefaultDepthParameter) {
  hls::stream_of_blocks<buf_t, 4> s("deep");
  int sum = 0;
  Region r("blocks", "b.cpp:2");
  r.spawn("produce", "b.cpp:3", [&] { produce(s, 4); });
  r.run(); // depth 4 of an unconfigured testbench stream: never blocks
  EXPECT_EQ(s.size(), 4u);
  for (int b = 0; b < 4; ++b) {
    hls::read_lock<buf_t> rd(s);
    sum += rd[0];
  }
  EXPECT_EQ(sum, 0 + 100 + 200 + 300);
}

TEST(SimBlocksDeathTest, WriterBlockedOnFullBlocks) {
  EXPECT_EXIT(
      {
        hls::stream_of_blocks<buf_t> s;
        configure(s, 2, "sob", "b.cpp:5");
        Region r("blocks", "b.cpp:6");
        r.spawn("produce", "b.cpp:7", [&] { produce(s, 3); });
        r.run();
      },
      testing::ExitedWithCode(3),
      "process 'produce' \\(b.cpp:7\\) is blocked writing stream_of_blocks "
      "'sob' \\(b.cpp:5\\): full, 2/2 blocks");
}

TEST(SimBlocksDeathTest, ReadLockOutsideAProcessOnEmptyAborts) {
  EXPECT_DEATH(
      {
        hls::stream_of_blocks<buf_t> s("blocks");
        hls::read_lock<buf_t> rd(s);
      },
      "hls::stream_of_blocks 'blocks' read while empty");
}

} // namespace
