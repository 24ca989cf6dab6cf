// Cascaded biquad IIR: coefficients as a ROM of structs, the filter state as a
// static array of structs kept between calls, the clip count by reference.
#include "kernel.h"

static const biquad_coef sections[NSEC] = {
    {0.2929f, 0.5858f, 0.2929f, -0.0f, 0.1716f},
    {0.6389f, -1.2779f, 0.6389f, -1.1430f, 0.4128f},
    {1.0f, 0.5f, 0.25f, -0.5f, 0.0625f},
};

static sample_t biquad(const biquad_coef &c, biquad_state &s, sample_t x) {
#pragma HLS inline
  sample_t y = c.b0 * x + c.b1 * s.x1 + c.b2 * s.x2 - c.a1 * s.y1 - c.a2 * s.y2;
  s.x2 = s.x1;
  s.x1 = x;
  s.y2 = s.y1;
  s.y1 = y;
  return y;
}

void iir(const sample_t in[LEN], sample_t out[LEN], int &clipped) {
  static biquad_state state[NSEC];
#pragma HLS array_partition variable=state complete
  int clip = 0;
samples:
  for (int n = 0; n < LEN; n++) {
#pragma HLS pipeline II=4
    sample_t x = in[n];
  cascade:
    for (int s = 0; s < NSEC; s++)
      x = biquad(sections[s], state[s], x);
    if (x > 1.0f) {
      x = 1.0f;
      clip++;
    } else if (x < -1.0f) {
      x = -1.0f;
      clip++;
    }
    out[n] = x;
  }
  clipped = clip;
}
