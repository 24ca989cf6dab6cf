// Compound assignment of a fixed-point value into an ap_[u]int
// (`A[i][j] += B[i][k] * C[k][j]`): x = T(x op v), the integer T taking the
// fixed-point result's integer part toward zero (found by fuzz-diff, seed
// 400: it was floored).
#include <ap_fixed.h>
#include <ap_int.h>
#include "DiffTest.h"

typedef ap_int<11> data_t;
typedef ap_fixed<27, 1> fix_t;

void ap_int_fixed_compound(data_t A[5][3], const ap_fixed<31, 9, AP_RND_CONV, AP_WRAP> B[5][6],
                           fix_t C[6][3], ap_uint<9> u[4]) {
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 3; j++)
      for (int k = 0; k < 6; k++)
        A[i][j] += B[i][k] * C[k][j];
  for (int i = 0; i < 4; i++) {
    u[i] -= C[i][0] * (fix_t)0.75;
    u[i] *= B[i][1];
    A[0][i % 3] -= B[i][2];
  }
}

ALLO_DIFFTEST(ap_int_fixed_compound)
