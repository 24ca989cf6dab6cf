// Static streams as the Vitis examples write them (`static hls::stream<T> s;`
// in a dataflow top): created once, their contents persist across calls. The
// `carry` stream and the stream array `lanes` hold elements from one call to
// the next, so every trial after the first reads what the previous one left.
#include <hls_stream.h>
#include <cstdint>
#include "DiffTest.h"

#define N 16

static void produce(const int32_t *in, hls::stream<int32_t> &s, int n) {
mem_rd:
  for (int i = 0; i < n; i++)
    s << in[i] * 3;
}

static void consume(hls::stream<int32_t> &s, int32_t *out, int n) {
mem_wr:
  for (int i = 0; i < n; i++)
    out[i] = s.read() + 1;
}

extern "C" void static_streams(const int32_t in[N], int32_t out[N], int32_t hist[4]) {
  static hls::stream<int32_t> link("link");
  static hls::stream<int32_t> carry;
  static hls::stream<int32_t, 8> lanes[2];
#pragma HLS dataflow
  produce(in, link, N);
  consume(link, out, N);
  hist[0] = carry.empty() ? -1 : carry.read();
  carry.write(in[5] + in[7]);
  for (int i = 0; i < 4; i++)
    lanes[i % 2].write(in[i]);
  hist[1] = lanes[0].read() - lanes[1].read();
  hist[2] = lanes[0].empty() ? 0 : lanes[0].read();
  hist[3] = lanes[1].read();
}

ALLO_DIFFTEST(static_streams)
