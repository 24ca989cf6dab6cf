// Activation functions: relu via std::max, leaky relu via ?:, sigmoid with std::exp, std::tanh, tanh-GELU, hard-swish
#include <allo/allo.h>
#include <algorithm>
#include <cmath>
#include "DiffTest.h"

constexpr int N = 32;

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

[[allo::kernel]] void activations(const float X[N], float scale, float relu[N], float leaky[N], float sig[N],
                                  float th[N], float gelu[N], float hswish[N]) {
  for (int i = 0; i < N; i++) {
    float x = X[i] * (4.0f + 2.0f * scale);  // spread inputs to roughly [-6, 6]
    relu[i] = std::max(x, 0.0f);
    leaky[i] = x > 0.0f ? x : 0.01f * x;
    sig[i] = sigmoid(x);
    th[i] = std::tanh(x);
    gelu[i] = 0.5f * x * (1.0f + std::tanh(0.7978845608f * (x + 0.044715f * x * x * x)));
    hswish[i] = x * std::min(std::max(x + 3.0f, 0.0f), 6.0f) / 6.0f;
  }
}
ALLO_DIFFTEST(activations)
