// Producer/consumer chain in a dataflow region: stream locals declared with
// their FIFO depth as a template argument (hls::stream<T, DEPTH>) and passed to
// processes taking hls::stream<T>&; a 3-tap smoother and a clipper in between,
// the clip count reported by reference.
#include "kernel.h"

static void convert(hls::stream<raw_t> &in, hls::stream<val_t> &out, val_t scale) {
  for (int i = 0; i < SC_N; i++) {
#pragma HLS pipeline II=1
    raw_t r = in.read();
    val_t v = r;
    out.write(v * scale);
  }
}

static void smooth(hls::stream<val_t> &in, hls::stream<val_t> &out) {
  val_t x1 = 0, x2 = 0;
  for (int i = 0; i < SC_N; i++) {
#pragma HLS pipeline II=1
    val_t x = in.read();
    val_t y = (x + x1 * 2 + x2) >> 2;
    x2 = x1;
    x1 = x;
    out.write(y);
  }
}

static void clip(hls::stream<val_t> &in, hls::stream<val_t> &out, int &n_clipped) {
  int count = 0;
  for (int i = 0; i < SC_N; i++) {
#pragma HLS pipeline II=1
    val_t v = in.read();
    if (v > 100) {
      v = 100;
      count++;
    } else if (v < -100) {
      v = -100;
      count++;
    }
    out.write(v);
  }
  n_clipped = count;
}

void stream_chain(hls::stream<raw_t> &in, hls::stream<val_t> &out, val_t scale, int &n_clipped) {
#pragma HLS dataflow
  hls::stream<val_t, FIFO_DEPTH> converted("converted");
  hls::stream<val_t, FIFO_DEPTH> smoothed("smoothed");
  convert(in, converted, scale);
  smooth(converted, smoothed);
  clip(smoothed, out, n_clipped);
}
