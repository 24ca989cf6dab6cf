// Function templates: dot<T, S> instantiated with int, float and int64_t, a type-only template, and an integer-parameter rotate
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 16;
constexpr int M = 12;

template <typename T, int S> T dot(const T a[S], const T b[S]) {
  T acc = 0;
  for (int i = 0; i < S; i++)
    acc += a[i] * b[i];
  return acc;
}

template <typename T> T absdiff(T a, T b) { return a > b ? a - b : b - a; }

template <int SH> uint32_t rotl(uint32_t x) { return (x << SH) | (x >> (32 - SH)); }

template <typename T, int S> void axpy(T alpha, const T x[S], T y[S]) {
  for (int i = 0; i < S; i++)
    y[i] = alpha * x[i] + y[i];
}

[[allo::kernel]] void template_dot(const int ai[N], const int bi[N], const float af[M], const float bf[M],
                                   float yf[M], int iout[4], float fout[2], uint32_t rot[3]) {
  iout[0] = dot<int, N>(ai, bi);
  int64_t wide[N];
  for (int i = 0; i < N; i++)
    wide[i] = (int64_t)ai[i] * 100000;
  int64_t w2 = dot<int64_t, N>(wide, wide);
  iout[1] = (int)(w2 % 1000000007);
  iout[2] = absdiff(ai[0], bi[0]) + absdiff<int>(ai[N - 1], 3);
  iout[3] = (int)(absdiff<int64_t>(w2, 5) & 0xFFFF);

  fout[0] = dot<float, M>(af, bf);
  fout[1] = absdiff(af[0], bf[0]);
  axpy<float, M>(fout[0], af, yf);

  uint32_t x = (uint32_t)(ai[1] + 1000) * 2654435761u;
  rot[0] = rotl<1>(x);
  rot[1] = rotl<13>(x);
  rot[2] = rotl<31>(x);
}
ALLO_DIFFTEST(template_dot)
