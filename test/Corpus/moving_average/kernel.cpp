// Streaming moving average over a window of MA_WINDOW samples that spans call
// boundaries: the window (a circular buffer), its index (an ap_uint<3> that
// wraps by itself), the running sum and a sample counter are static state.
#include "kernel.h"

extern "C" void moving_average(const ma_data_t *in, ma_data_t *out, int n, int *samples_seen) {
#pragma HLS interface m_axi port=in offset=slave bundle=gmem depth=MA_CHUNK
#pragma HLS interface m_axi port=out offset=slave bundle=gmem depth=MA_CHUNK
#pragma HLS interface s_axilite port=n
#pragma HLS interface s_axilite port=samples_seen
#pragma HLS interface s_axilite port=return
  static ma_data_t window[MA_WINDOW];
  static ap_uint<3> head = 0;
  static ma_sum_t sum = 0;
  static int seen = 0;
  int i;
samples:
  for (i = 0; i < n; i++) {
#pragma HLS pipeline II=1
#pragma HLS loop_tripcount max=MA_CHUNK
    ma_data_t x = in[i];
    sum += x - window[head];
    window[head] = x;
    head++;
    seen++;
    int valid = seen < MA_WINDOW ? seen : MA_WINDOW;
    out[i] = sum / valid;
  }
  *samples_seen = seen;
}
