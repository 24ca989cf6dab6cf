// Histogram with the classic HLS trick of forwarding the last bin updated (no
// read-after-write stall in the pipeline), then the fullest bin by reference.
#include "kernel.h"

void histogram(const pix_t data[NPIX], count_t hist[NBINS], int &max_bin, int &max_count) {
  count_t local[NBINS];
  int i;
init:
  for (i = 0; i < NBINS; i++)
    local[i] = 0;

  ap_uint<4> prev_bin = 0;
  count_t prev_count = 0;
accumulate:
  for (i = 0; i < NPIX; i++) {
#pragma HLS pipeline II=1
    ap_uint<4> bin = data[i].range(7, 4);
    count_t c;
    if (i > 0 && bin == prev_bin)
      c = prev_count + 1;
    else
      c = local[bin] + 1;
    local[bin] = c;
    prev_bin = bin;
    prev_count = c;
  }

  int best = 0;
  int best_count = -1;
write_back:
  for (i = 0; i < NBINS; i++) {
    hist[i] = local[i];
    if ((int)local[i] > best_count) {
      best_count = local[i];
      best = i;
    }
  }
  max_bin = best;
  max_count = best_count;
}
