// ap_[u]int built from doubles and floats far outside their range: the value
// toward zero, then wrapped to the width (fuzz-diff seed 900, case 221, where
// the emitted code cast with (uint16_t)). The JIT runs allo-lower-streams'
// expansion of allo.float_to_ap_int, the emitted code the ap constructors;
// widths below, at and above 64 bits, magnitudes up to ~1e20.
#include "DiffTest.h"
#include <allo/allo.h>
#include <ap_int.h>

typedef ap_uint<16> data_t;
typedef ap_int<12> small_t;

void ap_int_from_double(const double F[8], data_t U[8], small_t S[8], ap_int<95> W[8],
                        ap_uint<70> V[8], ap_int<64> L[8]) {
  int i;
  for (i = 0; i < 8; i++) {
    double d = F[i] * 123456.789;
    U[i] = (data_t)d;
    S[i] = d;
    W[i] = ap_int<95>(d * 1e12);
    V[i] = (float)(d * 1e9);
    L[i] = d * d * d;
  }
}
ALLO_DIFFTEST_RANGE(ap_int_from_double, -1000, 1000)
