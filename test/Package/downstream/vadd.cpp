// A vector kernel in the usual Vitis style: typedef'd ap_int, extern "C" top,
// a C-style loop variable, a pragma with a macro.
#include <ap_int.h>

typedef ap_int<12> data_t;
typedef ap_int<13> sum_t;
#define N 64
#define II 1

extern "C" void vadd(const data_t a[N], const data_t b[N], sum_t c[N]) {
  int i;
vadd_loop:
  for (i = 0; i < N; i++) {
#pragma HLS pipeline II = II
    c[i] = a[i] + b[i];
  }
}
