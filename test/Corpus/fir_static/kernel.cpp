// A Vitis kernel: m_axi pointers, a ROM of coefficients and a shift register that
// keeps its contents from one call to the next (the filter runs over blocks).
#include "kernel.h"

static const coef_t coeffs[N_TAPS] = {
    -0.0078125, 0.015625, 0.03125, -0.046875, 0.0625,  0.125,    0.1875, 0.3125,
    0.3125,     0.1875,   0.125,   0.0625,    -0.046875, 0.03125, 0.015625, -0.0078125};

extern "C" void fir(const data_t *in, data_t *out, int n) {
#pragma HLS interface m_axi port=in offset=slave bundle=gmem0 depth=MAX_SAMPLES
#pragma HLS interface m_axi port=out offset=slave bundle=gmem1 depth=MAX_SAMPLES
#pragma HLS interface s_axilite port=n
#pragma HLS interface s_axilite port=return
  static data_t shift_reg[N_TAPS];
#pragma HLS array_partition variable=shift_reg type=complete
  int i, t;
sample_loop:
  for (i = 0; i < n; i++) {
#pragma HLS pipeline II=1
#pragma HLS loop_tripcount min=1 max=MAX_SAMPLES
    acc_t acc = 0;
  shift_loop:
    for (t = N_TAPS - 1; t > 0; t--) {
      shift_reg[t] = shift_reg[t - 1];
      acc += shift_reg[t] * coeffs[t];
    }
    shift_reg[0] = in[i];
    acc += shift_reg[0] * coeffs[0];
    out[i] = acc;
  }
}
