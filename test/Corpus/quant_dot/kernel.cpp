// Quantised linear layer: int8 dot products (a template over the element and
// accumulator types and the length), a bias, requantisation by a fixed-point
// multiplier with rounding and saturation, ReLU, int8 saturation.
#include "kernel.h"

template <typename T, typename ACC, int N> static ACC dot(const T a[N], const T b[N]) {
  ACC acc = 0;
  for (int i = 0; i < N; i++) {
#pragma HLS unroll factor=QD_UNROLL
    acc += a[i] * b[i];
  }
  return acc;
}

template <int W> static ap_int<W> saturate(ap_int<32> v) {
  const int hi = (1 << (W - 1)) - 1;
  const int lo = -(1 << (W - 1));
  if (v > hi)
    return hi;
  if (v < lo)
    return lo;
  return v;
}

void quant_linear(const q_t x[QD_LEN], const q_t w[QD_OUT][QD_LEN], const qacc_t bias[QD_OUT],
                  qscale_t scale, q_t y[QD_OUT], qout_t y_fixed[QD_OUT]) {
  int o;
outputs:
  for (o = 0; o < QD_OUT; o++) {
#pragma HLS pipeline II=1
    qacc_t acc = dot<q_t, qacc_t, QD_LEN>(x, w[o]) + bias[o];
    // acc * scale / 2^8, rounded to nearest, saturated to the output type
    ap_fixed<48, 40> scaled = acc * scale;
    qout_t r = scaled >> 8;
    y_fixed[o] = r;
    ap_int<32> rq = r.to_int();
    if (rq < 0)
      rq = 0;
    y[o] = saturate<8>(rq);
  }
}
