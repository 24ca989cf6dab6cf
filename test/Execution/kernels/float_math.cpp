// Other <cmath> functions: std::sin/cos rotation, std::pow, std::log, std::fabs, std::floor/ceil, float<->int casts
#include <allo/allo.h>
#include <cmath>
#include "DiffTest.h"

constexpr int N = 24;

[[allo::kernel]] float float_math(const float X[N], const float Y[N], float theta, float RX[N], float RY[N],
                                  float P[N], float LG[N], int FL[N], int CE[N]) {
  float c = std::cos(theta * 3.14159265f);
  float s = std::sin(theta * 3.14159265f);
  float total = 0.0f;
  for (int i = 0; i < N; i++) {
    RX[i] = c * X[i] - s * Y[i];
    RY[i] = s * X[i] + c * Y[i];
    P[i] = std::pow(std::fabs(X[i]) + 0.5f, 1.5f + Y[i]);
    LG[i] = std::log(1.0f + std::fabs(Y[i]));
    FL[i] = (int)std::floor(X[i] * 10.0f);
    CE[i] = static_cast<int>(std::ceil(Y[i] * 10.0f));
    total += RX[i] * RY[i];
  }
  return total;
}
ALLO_DIFFTEST(float_math)
