// Rows of 2-D arrays passed to fixed-size array parameters (`dot(w[o], x)`:
// in C++ `const int a[N]` is a pointer), mixed with whole arrays into the
// same callee, a written row (scale(m[o], k)), &m[1][0], and a typedef'd
// ap_fixed row, a row passed on by the callee that received it.
#include <ap_fixed.h>
#include <cstdint>
#include "DiffTest.h"

#define N 8
typedef ap_fixed<16, 8> w_t;

static int32_t dot(const int32_t a[N], const int32_t b[N]) {
  int32_t s = 0;
  for (int i = 0; i < N; i++)
    s += a[i] * b[i];
  return s;
}

static void scale(int32_t r[N], int32_t k) {
  for (int i = 0; i < N; i++)
    r[i] = r[i] * k - i;
}

static w_t fsum(const w_t v[N]) {
  w_t s = 0;
  for (int i = 0; i < N; i++)
    s += v[i];
  return s;
}

// A row received by fsum2 is passed on to fsum: fsum's parameter has an
// offset too.
static w_t fsum2(const w_t v[N]) { return fsum(v) + fsum(v); }

void row_args(const int32_t w[4][N], const int32_t x[N], int32_t y[6], int32_t m[4][N],
              const int32_t fr[3][N]) {
  for (int o = 0; o < 4; o++)
    y[o] = dot(w[o], x);
  for (int o = 0; o < 4; o++)
    scale(m[o], o + 1);
  y[4] = dot(x, x) + dot(&m[1][0], w[2]);
  w_t f[3][N];
  for (int r = 0; r < 3; r++)
    for (int i = 0; i < N; i++)
      f[r][i] = (w_t)(fr[r][i] % 1000) / 8;
  y[5] = (fsum2(f[1]) + fsum(f[2])).range();
}

ALLO_DIFFTEST(row_args)
