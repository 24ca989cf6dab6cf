// double precision: Horner polynomial evaluation, double GEMV with a float->double->float round trip, std::sqrt on double
#include <allo/allo.h>
#include <cmath>
#include "DiffTest.h"

constexpr int N = 16;
constexpr int DEG = 7;

[[allo::kernel]] double double_precision(const double coef[DEG + 1], const double x[N], const double A[N][N],
                                         const float f[N], double poly[N], double y[N], float back[N]) {
  for (int i = 0; i < N; i++) {
    double acc = coef[DEG];
    for (int k = DEG - 1; k >= 0; k--)
      acc = acc * x[i] + coef[k];
    poly[i] = acc;
  }
  double norm2 = 0.0;
  for (int i = 0; i < N; i++) {
    double acc = 0.0;
    for (int j = 0; j < N; j++)
      acc += A[i][j] * (double)f[j];
    y[i] = acc;
    back[i] = (float)(acc * 1e-3) + f[i];
    norm2 += acc * acc;
  }
  return std::sqrt(norm2) + 1e-12;
}
ALLO_DIFFTEST(double_precision)
