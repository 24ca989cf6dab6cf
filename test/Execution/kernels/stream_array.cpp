// Stream arrays between dataflow processes, as Vitis kernels write them: a
// splitter fans samples out to PE lanes through `hls::stream<T> s[N]` (an
// unrolled loop writes s[p]), each lane is processed through a 2-D stream
// array indexed by constants and loop indices, and the merged results go
// through an `hls::stream<int, 8>` passed to an `hls::stream<int> &` parameter.
#include "DiffTest.h"
#include <ap_int.h>
#include <hls_stream.h>

#define LANES 4
#define SAMPLES 32
typedef ap_int<24> acc_t;

static void split(const int in[SAMPLES], hls::stream<int> lanes[LANES]) {
split_loop:
  for (int i = 0; i < SAMPLES / LANES; i++) {
#pragma HLS pipeline II=1
    for (int p = 0; p < LANES; p++) {
#pragma HLS unroll
      lanes[p].write(in[i * LANES + p]);
    }
  }
}

static void stage(hls::stream<int> lanes[LANES], hls::stream<acc_t> mid[2][LANES], int scale) {
  for (int i = 0; i < SAMPLES / LANES; i++) {
    for (int p = 0; p < LANES; p++) {
#pragma HLS unroll
      int v = lanes[p].read();
      ap_int<24> a = v * scale + p;
      mid[0][p] << a;
      mid[1][p].write(a - v);
    }
  }
}

static void merge(hls::stream<acc_t> mid[2][LANES], hls::stream<int> &out) {
  for (int i = 0; i < SAMPLES / LANES; i++) {
    int sum = 0;
    for (int p = 0; p < LANES; p++) {
#pragma HLS unroll
      ap_int<24> x, y; // (typedef names of locals: see the type-alias work)
      mid[0][p] >> x;
      mid[1][p] >> y;
      sum += (x * y).to_int();
    }
    // Constant indices name individual channels too.
    out.write(sum);
  }
}

static void drain(hls::stream<int> &in, int out[SAMPLES / LANES], int last[1]) {
  for (int i = 0; i < SAMPLES / LANES; i++)
    out[i] = in.read();
  last[0] = in.empty() ? 1 : 0;
}

void stream_array(const int in[SAMPLES], int out[SAMPLES / LANES], int last[1], int scale) {
#pragma HLS dataflow
  hls::stream<int> lanes[LANES];
#pragma HLS stream variable=lanes depth=4
  hls::stream<acc_t> mid[2][LANES];
  hls::stream<int, 8> merged("merged");
  split(in, lanes);
  stage(lanes, mid, scale);
  merge(mid, merged);
  drain(merged, out, last);
}
ALLO_DIFFTEST_RANGE(stream_array, -500, 500)
