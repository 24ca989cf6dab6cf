// A fixed-point m_axi kernel: ap_fixed / ap_int / ap_uint pointer, array
// and reference parameters at the top (their C++ objects are wider than
// their values: the harness stores each value in the object's 64-bit limbs),
// a static const coefficient ROM of ap_fixed, and a helper taking a pointer.
#include <ap_fixed.h>
#include <ap_int.h>
#include "DiffTest.h"

#define N 16


static const ap_fixed<12, 2> coef[4] = {0.5, -0.25, 0.125, 1.75};

static void scale(ap_fixed<16, 8> *v, int n, ap_fixed<12, 2> k) {
  for (int i = 0; i < n; i++)
    v[i] = v[i] * k;
}

void fixed_maxi(const ap_fixed<16, 8> *in, ap_fixed<16, 8> *out, ap_int<12> acc[4],
                ap_uint<5> &count, const ap_int<7> &bias) {
#pragma HLS interface m_axi port=in depth=N
#pragma HLS interface m_axi port=out depth=N
  for (int i = 0; i < N; i++)
    out[i] = in[i] + bias;
  for (int j = 0; j < 4; j++) {
    scale(out + j * 4, 4, coef[j]);
    for (int i = 0; i < 4; i++)
      acc[j] += out[j * 4 + i].to_int();
  }
  count += 3;
}

ALLO_DIFFTEST(fixed_maxi)
