// Complex multiply-accumulate of two vectors of fixed-point complex structs
// (optionally conjugating b): a helper returns the product as a struct, the
// accumulator is static and keeps summing across calls until cleared; the
// running value is returned by value.
#include "kernel.h"

static complex_acc_t cmul(complex_t x, complex_t y) {
#pragma HLS inline
  complex_acc_t p;
  p.re = x.re * y.re - x.im * y.im;
  p.im = x.re * y.im + x.im * y.re;
  return p;
}

complex_acc_t complex_mac(const complex_t a[CM_LEN], const complex_t b[CM_LEN], bool conj_b,
                          bool clear) {
  static complex_acc_t acc;
  if (clear) {
    acc.re = 0;
    acc.im = 0;
  }
  int i;
mac:
  for (i = 0; i < CM_LEN; i++) {
#pragma HLS pipeline II=1
    complex_t y = b[i];
    if (conj_b)
      y.im = -y.im;
    complex_acc_t p = cmul(a[i], y);
    acc.re += p.re;
    acc.im += p.im;
  }
  return acc;
}
