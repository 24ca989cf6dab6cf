//===- sim_emitted_style_test.cpp - Code shaped as allo-rewrite emits it -===//
//
// Vitis-style kernels (ap_int typedefs, `int i; for (i = 0; ...)`, pointer
// tops, extern "C", stream-of-struct, pragmas) whose dataflow region bodies
// are spawned processes, as --target sim emits them; a top called twice
// from a testbench; a dataflow kernel called inside a process (hierarchical
// regions). Results are compared with a sequential reference. Compiled with
// -Wno-unknown-pragmas (test/unit/sim/CMakeLists.txt), as sim code is.
//
//===----------------------------------------------------------------------===//

#include <allo_sim.h>
#include <ap_int.h>
#include <hls_stream.h>

#include <gtest/gtest.h>

#define N 96
#define TAPS 4

typedef ap_int<8> data_t;
typedef ap_int<20> acc_t;

struct tagged {
  acc_t v;
  bool last;
};

static void load(const data_t *in, hls::stream<data_t> &s) {
  int i;
  for (i = 0; i < N; i++) {
#pragma HLS pipeline II = 1
    s.write(in[i]);
  }
}

// A FIR filter: a delay line and a static const coefficient table.
static void fir(hls::stream<data_t> &in, hls::stream<acc_t> &out) {
  static const data_t coef[TAPS] = {3, -1, 4, 2};
  data_t line[TAPS] = {0, 0, 0, 0};
  for (int i = 0; i < N; i++) {
#pragma HLS pipeline II = 1
    for (int t = TAPS - 1; t > 0; t--)
      line[t] = line[t - 1];
    line[0] = in.read();
    acc_t acc = 0;
    for (int t = 0; t < TAPS; t++)
      acc += line[t] * coef[t];
    out << acc;
  }
}

// A dataflow kernel of its own: split into two lanes and merge back.
static void lanes(hls::stream<acc_t> &in, hls::stream<tagged> &out) {
#pragma HLS dataflow
  hls::stream<acc_t> lane[2];
  allo::sim::configure(lane, 2, "lane", "k.cpp:60");
  allo::sim::Region region("lanes", "k.cpp:58");
  region.spawn("split", "k.cpp:62", [&] {
    for (int i = 0; i < N; i++)
      lane[i & 1].write(in.read());
  });
  region.spawn("merge", "k.cpp:63", [&] {
    for (int i = 0; i < N; i++) {
      tagged t;
      t.v = lane[i & 1].read() + (i & 1);
      t.last = i == N - 1;
      out.write(t);
    }
  });
  region.run();
}

static void store(hls::stream<tagged> &s, acc_t *out) {
  int i = 0;
  for (;;) {
    tagged t = s.read();
    out[i++] = t.v;
    if (t.last)
      break;
  }
}

extern "C" void top(const data_t *in, acc_t *out) {
#pragma HLS interface mode = m_axi port = in offset = slave bundle = gmem0
#pragma HLS interface mode = m_axi port = out offset = slave bundle = gmem1
#pragma HLS dataflow
  hls::stream<data_t> s_in;
  allo::sim::configure(s_in, 4, "s_in", "k.cpp:90");
  hls::stream<acc_t> s_fir;
  allo::sim::configure(s_fir, 2, "s_fir", "k.cpp:91");
  hls::stream<tagged> s_out;
  allo::sim::configure(s_out, 2, "s_out", "k.cpp:92");
  allo::sim::Region region("top", "k.cpp:86");
  region.spawn("load", "k.cpp:93", [&] { load(in, s_in); });
  region.spawn("fir", "k.cpp:94", [&] { fir(s_in, s_fir); });
  region.spawn("lanes", "k.cpp:95", [&] { lanes(s_fir, s_out); });
  region.spawn("store", "k.cpp:96", [&] { store(s_out, out); });
  region.run();
}

TEST(SimEmittedStyle, DataflowTopMatchesSequentialReference) {
  for (int round = 0; round < 2; ++round) {
    data_t in[N];
    acc_t out[N], ref[N];
    for (int i = 0; i < N; i++)
      in[i] = static_cast<int>((i * 37 + round * 11) % 256) - 128;
    // Sequential reference.
    static const int coef[TAPS] = {3, -1, 4, 2};
    for (int i = 0; i < N; i++) {
      int acc = 0;
      for (int t = 0; t < TAPS; t++)
        if (i - t >= 0)
          acc += static_cast<int>(in[i - t]) * coef[t];
      ref[i] = acc + (i & 1);
    }
    top(in, out);
    for (int i = 0; i < N; i++)
      ASSERT_EQ(static_cast<int>(out[i]), static_cast<int>(ref[i]))
          << "round " << round << ", out[" << i << "]";
  }
}
