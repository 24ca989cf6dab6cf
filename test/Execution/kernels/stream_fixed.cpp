// Fixed-point values through streams (a stream, an array of streams, a
// dataflow region), a ROM whose element alias is used nowhere else, and a
// static accumulator of its own alias: the emitted code declares both aliases
// and moves ap_fixed values (not their raw bits) through the FIFOs.
#include "DiffTest.h"
#include <ap_fixed.h>
#include <hls_stream.h>

typedef ap_fixed<18, 6> sf_data_t;
typedef ap_fixed<12, 2> sf_coef_t;   // used only by the table
typedef ap_fixed<24, 10> sf_state_t; // used only by the static local

static const sf_coef_t sf_gain[4] = {0.75, -0.5, 1.25, 0.125};

static void sf_load(const int in[16], hls::stream<sf_data_t> &out) {
  int i;
  for (i = 0; i < 16; i++) {
    sf_data_t v = in[i];
    out.write(v >> 3);
  }
}

static void sf_scale(hls::stream<sf_data_t> &in, hls::stream<sf_data_t> lanes[2]) {
  int i;
  for (i = 0; i < 16; i++) {
    sf_data_t v = in.read();
    lanes[i % 2].write(v * sf_gain[i % 4]);
  }
}

static void sf_store(hls::stream<sf_data_t> lanes[2], int out[16]) {
  static sf_state_t acc = 0;
  int i;
  for (i = 0; i < 16; i++) {
    sf_data_t v;
    lanes[i % 2] >> v;
    acc += v;
    out[i] = (acc << 4).to_int();
  }
}

void stream_fixed(const int in[16], int out[16]) {
#pragma HLS dataflow
  hls::stream<sf_data_t, 4> a;
  hls::stream<sf_data_t> lanes[2];
  sf_load(in, a);
  sf_scale(a, lanes);
  sf_store(lanes, out);
}
ALLO_DIFFTEST_RANGE(stream_fixed, -2000, 2000)
