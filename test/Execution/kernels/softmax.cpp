// Row-wise numerically stable softmax: running max, std::exp of shifted values, sum, division
#include <allo/allo.h>
#include <cmath>
#include "DiffTest.h"

constexpr int R = 4;
constexpr int C = 16;

[[allo::kernel]] void softmax(const float X[R][C], float temp, float Y[R][C]) {
  float inv_t = 1.0f / (1.5f + temp);  // temp in [-1, 1]: divisor in [0.5, 2.5]
  for (int r = 0; r < R; r++) {
    float m = X[r][0];
    for (int c = 1; c < C; c++)
      m = X[r][c] > m ? X[r][c] : m;
    float sum = 0.0f;
    for (int c = 0; c < C; c++) {
      float e = std::exp((X[r][c] - m) * inv_t);
      Y[r][c] = e;
      sum += e;
    }
    for (int c = 0; c < C; c++)
      Y[r][c] = Y[r][c] / sum;
  }
}
ALLO_DIFFTEST(softmax)
