#include <cstdio>
#include "kernel.h"

int main() {
  q_t x[QD_LEN], w[QD_OUT][QD_LEN], y[QD_OUT];
  qacc_t bias[QD_OUT];
  qout_t yf[QD_OUT];
  for (int i = 0; i < QD_LEN; i++)
    x[i] = (i * 37) % 256 - 128;
  for (int o = 0; o < QD_OUT; o++) {
    for (int i = 0; i < QD_LEN; i++)
      w[o][i] = ((o + 1) * (i + 3) * 11) % 256 - 128;
    bias[o] = (o - 4) * 1500;
  }
  const double scales[3] = {0.125, 0.0078125, 1.75};
  for (int s = 0; s < 3; s++) {
    quant_linear(x, w, bias, qscale_t(scales[s]), y, yf);
    for (int o = 0; o < QD_OUT; o++)
      printf("scale %g y[%d] = %d fixed %.17g\n", scales[s], o, y[o].to_int(), yf[o].to_double());
  }
  return 0;
}
