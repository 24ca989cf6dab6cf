// Float-to-int8 quantization: scale, round half away from zero via floor/ceil, clamp, and int8 dequantization back to float
#include <allo/allo.h>
#include <cmath>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 32;

[[allo::kernel]] void quantize(const float X[N], float scale, int8_t Q[N], float DQ[N], int hist[3]) {
  float inv = 1.0f / (0.005f + 0.0025f * (scale + 1.0f));  // scale in [-1, 1]: step in [0.005, 0.01]
  hist[0] = 0;
  hist[1] = 0;
  hist[2] = 0;
  for (int i = 0; i < N; i++) {
    float v = X[i] * inv;  // |v| <= 200: both clamps are reachable
    float r = v >= 0.0f ? std::floor(v + 0.5f) : std::ceil(v - 0.5f);
    int q = (int)r;
    if (q > 127) {
      q = 127;
      hist[2]++;
    } else if (q < -127) {
      q = -127;
      hist[0]++;
    } else {
      hist[1]++;
    }
    Q[i] = (int8_t)q;
    DQ[i] = (float)Q[i] / inv;
  }
}
ALLO_DIFFTEST(quantize)
