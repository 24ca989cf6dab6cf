// Layer normalization: per-row mean and variance, std::sqrt of var + eps, affine gamma/beta
#include <allo/allo.h>
#include <cmath>
#include "DiffTest.h"

constexpr int R = 6;
constexpr int D = 16;

[[allo::kernel]] void layernorm(const float X[R][D], const float gamma[D], const float beta[D], float Y[R][D],
                                float mean_out[R], float rstd_out[R]) {
  for (int r = 0; r < R; r++) {
    float mean = 0.0f;
    for (int d = 0; d < D; d++)
      mean += X[r][d];
    mean = mean / (float)D;
    float var = 0.0f;
    for (int d = 0; d < D; d++) {
      float diff = X[r][d] - mean;
      var += diff * diff;
    }
    var = var / D;
    float rstd = 1.0f / std::sqrt(var + 1e-5f);
    for (int d = 0; d < D; d++)
      Y[r][d] = (X[r][d] - mean) * rstd * gamma[d] + beta[d];
    mean_out[r] = mean;
    rstd_out[r] = rstd;
  }
}
ALLO_DIFFTEST(layernorm)
