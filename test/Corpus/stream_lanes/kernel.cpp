// A dataflow region with an array of streams: the reader deals the input
// round-robin to LANES lanes (hls::stream<lane_t> s[LANES], with a depth pragma), one worker per
// lane scales its values, and the writer collects the lanes back in order.
#include "kernel.h"

static void distribute(const lane_t in[TOTAL], hls::stream<lane_t> lanes[LANES]) {
  int i, l;
  for (i = 0; i < PER_LANE; i++)
    for (l = 0; l < LANES; l++) {
#pragma HLS pipeline II=1
      lanes[l].write(in[i * LANES + l]);
    }
}

static void work(hls::stream<lane_t> &in, hls::stream<ap_int<32>> &out, int gain, int lane) {
  int i;
  for (i = 0; i < PER_LANE; i++) {
#pragma HLS pipeline II=1
    lane_t v = in.read();
    out.write(v * gain + lane);
  }
}

static void collect(hls::stream<ap_int<32>> results[LANES], ap_int<32> out[TOTAL]) {
  int i, l;
  for (i = 0; i < PER_LANE; i++)
    for (l = 0; l < LANES; l++) {
#pragma HLS pipeline II=1
      out[i * LANES + l] = results[l].read();
    }
}

void stream_lanes(const lane_t in[TOTAL], ap_int<32> out[TOTAL], int gain) {
#pragma HLS dataflow
  hls::stream<lane_t> lanes[LANES];
  hls::stream<ap_int<32>> results[LANES];
#pragma HLS stream variable=lanes depth=4
#pragma HLS stream variable=results depth=4
  distribute(in, lanes);
  for (int l = 0; l < LANES; l++) {
#pragma HLS unroll
    work(lanes[l], results[l], gain, l);
  }
  collect(results, out);
}
