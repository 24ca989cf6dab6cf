// ap_uint<1> / ap_int<1> from a float: the value toward zero, then its low
// bit (-0.75 -> 0, -1.5 -> 1, 2.0 -> 0), through a reference parameter too.
// Found by scripts/fuzz-diff.py (the emitted code cast the float to bool).
#include "DiffTest.h"
#include <allo/allo.h>
#include <ap_int.h>

void ap_bit_from_float(const float F[8], ap_uint<1> U[8], ap_int<1> S[8], ap_uint<1> &last) {
  for (int i = 0; i < 8; i++) {
    float v = F[i] / 4;
    U[i] = (ap_uint<1>)v;
    S[i] = (ap_int<1>)(double)v;
  }
  last = (ap_uint<1>)(-0.75);
}
ALLO_DIFFTEST_RANGE(ap_bit_from_float, -20, 20)
