// Run-length encoder between streams: runs of at most RLE_MAX_COUNT symbols
// packed into a 12-bit word with range assignments; the encoder stops early
// (leaving the rest of the input unread) when the run budget is used up, and
// reports the number of runs through a pointer.
#include "kernel.h"

static run_t pack(sym_t s, ap_uint<4> count) {
  run_t w = 0;
  w.range(7, 0) = s;
  w.range(11, 8) = count;
  return w;
}

void rle_encode(hls::stream<sym_t> &in, int n, hls::stream<run_t> &out, int *n_runs) {
  int runs = 0;
  sym_t cur = 0;
  ap_uint<4> count = 0;
  int i;
encode:
  for (i = 0; i < n; i++) {
#pragma HLS pipeline II=1
#pragma HLS loop_tripcount max=RLE_MAX_IN
    sym_t s = in.read();
    if (count != 0 && (s != cur || count == RLE_MAX_COUNT)) {
      out.write(pack(cur, count));
      runs++;
      count = 0;
      if (runs == RLE_MAX_RUNS)
        break;
    }
    cur = s;
    count++;
  }
  if (count != 0 && runs < RLE_MAX_RUNS) {
    out.write(pack(cur, count));
    runs++;
  }
  *n_runs = runs;
}
