//===- hls_stream_test.cpp - Unit tests for the csim hls::stream model ---===//

#include "ap_int.h"
#include "hls_stream.h"
#include "hls_streamofblocks.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace {

struct Packet {
  int id;
  ap_uint<12> payload;
};

TEST(HlsStream, FifoOrderSizeAndEmpty) {
  hls::stream<int> s("fifo");
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.size(), 0u);
  for (int i = 0; i < 1000; ++i)
    s.write(i * 3);
  EXPECT_FALSE(s.empty());
  EXPECT_EQ(s.size(), 1000u);
  for (int i = 0; i < 1000; ++i) {
    if (i % 3 == 0) {
      EXPECT_EQ(s.read(), i * 3);
    } else if (i % 3 == 1) {
      int v = -1;
      s.read(v);
      EXPECT_EQ(v, i * 3);
    } else {
      int v = -1;
      s >> v;
      EXPECT_EQ(v, i * 3);
    }
  }
  EXPECT_TRUE(s.empty());
  EXPECT_EQ(s.name(), "fifo");
}

TEST(HlsStream, InterleavedReadsAndWrites) {
  hls::stream<ap_int<7>> s;
  s << ap_int<7>(5);
  s << -3;
  EXPECT_EQ(s.read().to_int(), 5);
  s.write(100); // wraps to 7 bits: 100 - 128
  EXPECT_EQ(s.read().to_int(), -3);
  EXPECT_EQ(s.read().to_int(), -28);
  EXPECT_TRUE(s.empty());
}

TEST(HlsStream, StructElements) {
  hls::stream<Packet> s("packets");
  for (int i = 0; i < 5; ++i)
    s.write(Packet{i, ap_uint<12>(i * 1000)});
  for (int i = 0; i < 5; ++i) {
    const Packet p = s.read();
    EXPECT_EQ(p.id, i);
    EXPECT_EQ(p.payload.to_uint(), (unsigned)(i * 1000) % 4096);
  }
}

TEST(HlsStream, NonBlockingAccess) {
  hls::stream<int> s;
  int v = 42;
  EXPECT_FALSE(s.read_nb(v));
  EXPECT_EQ(v, 42); // untouched
  EXPECT_TRUE(s.write_nb(7));
  EXPECT_TRUE(s.read_nb(v));
  EXPECT_EQ(v, 7);
  EXPECT_TRUE(s.empty());
}

TEST(HlsStream, FullOnlyWithDepth) {
  hls::stream<int> s;
  for (int i = 0; i < 100; ++i)
    s.write(i);
  EXPECT_FALSE(s.full()); // unbounded in C simulation
  EXPECT_TRUE(s.write_nb(100));
  hls::stream<int> b("bounded");
  b.set_depth(2);
  EXPECT_EQ(b.depth(), 2u);
  EXPECT_FALSE(b.full());
  EXPECT_TRUE(b.write_nb(1));
  EXPECT_TRUE(b.write_nb(2));
  EXPECT_TRUE(b.full());
  EXPECT_FALSE(b.write_nb(3));
  b.write(4); // blocking write still succeeds in C simulation
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b.read(), 1);
  EXPECT_EQ(b.read(), 2);
  EXPECT_EQ(b.read(), 4);
  // Drain s to avoid the leftover warning.
  int tmp;
  while (s.read_nb(tmp)) {
  }
}

TEST(HlsStream, DepthTemplateArgumentIsAccepted) {
  hls::stream<int, 4> s("deep");
  s.write(1);
  EXPECT_FALSE(s.full());
  EXPECT_EQ(s.read(), 1);
}

TEST(HlsStream, LeftoverDataWarning) {
  testing::internal::CaptureStderr();
  {
    hls::stream<int> s("left");
    s.write(1);
    s.write(2);
  }
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("hls::stream 'left' contains leftover data (2 elements)"), std::string::npos)
      << err;

  testing::internal::CaptureStderr();
  {
    hls::stream<int> s("clean");
    s.write(1);
    (void)s.read();
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(HlsStreamDeathTest, ReadWhileEmptyAborts) {
  EXPECT_DEATH(
      {
        hls::stream<int> s("my_fifo");
        (void)s.read();
      },
      "hls::stream 'my_fifo' read while empty");
  EXPECT_DEATH(
      {
        hls::stream<ap_uint<8>> s;
        ap_uint<8> v;
        s >> v;
      },
      "hls::stream '<unnamed>' read while empty");
  EXPECT_DEATH(
      {
        hls::stream<int> s("drained");
        s.write(1);
        (void)s.read();
        int v;
        s.read(v);
      },
      "hls::stream 'drained' read while empty");
}

TEST(HlsStreamDeathTest, StreamOfBlocksReadWhileEmptyAborts) {
  typedef int blk_t[4];
  EXPECT_DEATH(
      {
        hls::stream_of_blocks<blk_t> s("blocks");
        hls::read_lock<blk_t> r(s);
      },
      "hls::stream_of_blocks 'blocks' read while empty");
}

/// With blocking reads enabled, a consumer thread waits for a producer.
TEST(HlsStream, ConcurrentProducerConsumer) {
  allo_csim_detail::set_stream_blocking(true);
  hls::stream<int> s("threaded");
  s.set_depth(4); // the producer also has to wait for the consumer
  const int n = 20000;
  std::vector<int> got;
  got.reserve(n);
  std::thread consumer([&] {
    for (int i = 0; i < n; ++i)
      got.push_back(s.read());
  });
  std::thread producer([&] {
    for (int i = 0; i < n; ++i)
      s.write(i);
  });
  producer.join();
  consumer.join();
  allo_csim_detail::set_stream_blocking(false);
  ASSERT_EQ(got.size(), (size_t)n);
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(got[i], i);
  EXPECT_TRUE(s.empty());
}

//===----------------------------------------------------------------------===//
// hls::stream_of_blocks
//===----------------------------------------------------------------------===//

TEST(HlsStreamOfBlocks, BlocksArriveInOrder) {
  typedef int buf_t[8];
  hls::stream_of_blocks<buf_t, 3> s("sob");
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(s.full());
  for (int b = 0; b < 3; ++b) {
    hls::write_lock<buf_t> w(s);
    for (int i = 0; i < 8; ++i)
      w[i] = b * 100 + i;
    EXPECT_TRUE(s.empty() == (b == 0)); // the held block is not visible yet
  }
  EXPECT_FALSE(s.empty());
  EXPECT_TRUE(s.full());
  EXPECT_EQ(s.size(), 3u);
  for (int b = 0; b < 3; ++b) {
    hls::read_lock<buf_t> r(s);
    int (&arr)[8] = r;
    for (int i = 0; i < 8; ++i) {
      EXPECT_EQ(r[i], b * 100 + i);
      EXPECT_EQ(arr[i], b * 100 + i);
    }
  }
  EXPECT_TRUE(s.empty());
  EXPECT_FALSE(s.full());
}

TEST(HlsStreamOfBlocks, UnboundedWritesAndStructBlocks) {
  struct Block {
    float v[4];
    int tag;
  };
  hls::stream_of_blocks<Block> s; // default depth 2
  for (int b = 0; b < 5; ++b) {
    hls::write_lock<Block> w(s);
    Block &blk = w;
    blk.tag = b;
    blk.v[3] = b * 0.5f;
  }
  EXPECT_TRUE(s.full());
  EXPECT_EQ(s.size(), 5u);
  for (int b = 0; b < 5; ++b) {
    hls::read_lock<Block> r(s);
    EXPECT_EQ(r.get().tag, b);
    EXPECT_EQ(r.get().v[3], b * 0.5f);
    EXPECT_EQ(r.get().v[0], 0.0f); // fresh blocks are value-initialized
  }
}

// hls::stream<T, N> is an hls::stream<T>: it passes to `hls::stream<T> &`
// parameters (as with the vendor library), and so does a deeper
// stream_of_blocks to `stream_of_blocks<B> &`.
void push_twice(hls::stream<int> &s, int v) {
  s.write(v);
  s << v + 1;
}
typedef int sob_buf_t[3];
void fill_block(hls::stream_of_blocks<sob_buf_t> &s, int v) {
  hls::write_lock<sob_buf_t> b(s);
  b[2] = v;
}

TEST(HlsStream, DeeperStreamsPassToDefaultReferences) {
  hls::stream<int, 8> s("deep");
  push_twice(s, 5);
  EXPECT_EQ(s.size(), 2u);
  EXPECT_EQ(s.read(), 5);
  EXPECT_EQ(s.read(), 6);
  static_assert(std::is_base_of<hls::stream<int>, hls::stream<int, 8>>::value, "");
  hls::stream_of_blocks<sob_buf_t, 4> b;
  fill_block(b, 9);
  fill_block(b, 10);
  EXPECT_FALSE(b.full());
  {
    hls::read_lock<sob_buf_t> r(b);
    EXPECT_EQ(r[2], 9);
  }
  hls::read_lock<sob_buf_t> r(b);
  EXPECT_EQ(r[2], 10);
}

TEST(HlsStreamOfBlocks, LeftoverWarning) {
  typedef int buf_t[2];
  testing::internal::CaptureStderr();
  {
    hls::stream_of_blocks<buf_t> s("sob_left");
    hls::write_lock<buf_t> w(s);
  }
  const std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("'sob_left' contains leftover data (1 blocks)"), std::string::npos) << err;
}

} // namespace
