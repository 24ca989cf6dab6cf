// Streams of fixed-point values (typedef'd ap_fixed, ap_ufixed, a stream
// array): the raised code carries their raw bits, the emitted hls::stream<T>
// carries the values (write(allo_from_bits<T>(raw)), read().range()). Found by
// scripts/fuzz-diff.py (a relay of an ap_fixed array).
#include "DiffTest.h"
#include <allo/allo.h>
#include <ap_fixed.h>
#include <hls_stream.h>

typedef ap_fixed<16, 8> fx_t;
typedef ap_ufixed<12, 4, AP_RND, AP_SAT> ufx_t;

static void produce(const fx_t in[8], hls::stream<fx_t> &out, hls::stream<ufx_t> lanes[2]) {
  for (int i = 0; i < 8; ++i) {
    out.write(in[i] * 2);
    lanes[i % 2] << ufx_t(in[i]);
  }
}

static void consume(hls::stream<fx_t> &in, hls::stream<ufx_t> lanes[2], fx_t out[8],
                    ufx_t sums[2]) {
  for (int i = 0; i < 8; ++i) {
    fx_t v = in.read();
    out[i] = v + fx_t(0.25);
    sums[i % 2] += lanes[i % 2].read();
  }
}

void stream_fixed_values(const fx_t in[8], fx_t out[8], ufx_t sums[2]) {
#pragma HLS dataflow
  hls::stream<fx_t> s("s");
  hls::stream<ufx_t> lanes[2];
  produce(in, s, lanes);
  consume(s, lanes, out, sums);
}
ALLO_DIFFTEST_RANGE(stream_fixed_values, -100, 100)
