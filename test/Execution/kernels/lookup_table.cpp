// Constant tables: constexpr global arrays (S-box, float weights) indexed by masked data, local arrays from initializer lists
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 24;
constexpr uint8_t SBOX[16] = {0xC, 0x5, 0x6, 0xB, 0x9, 0x0, 0xA, 0xD, 0x3, 0xE, 0xF, 0x8, 0x4, 0x7, 0x1, 0x2};
constexpr float WEIGHTS[5] = {0.0625f, 0.25f, 0.375f, 0.25f, 0.0625f};
constexpr int SCALE = 3;

[[allo::kernel]] int lookup_table(const int A[N], const float X[N], uint8_t sub[N], float smooth[N], int poly[N]) {
  int coeffs[4] = {1, -2, 3, -4};
  int partial[6] = {7, 5};  // remaining elements are zero-initialized
  float taps[3] = {0.25f, 0.5f, 0.25f};
  for (int i = 0; i < N; i++) {
    unsigned idx = (unsigned)A[i] & 15u;
    uint8_t lo = SBOX[idx];
    uint8_t hi = SBOX[((unsigned)A[i] >> 4) & 15u];
    sub[i] = (uint8_t)((hi << 4) | lo);

    float acc = 0.0f;
    for (int k = 0; k < 5; k++) {
      int j = i + k - 2;
      if (j >= 0 && j < N)
        acc += WEIGHTS[k] * X[j];
    }
    smooth[i] = acc * taps[1] + X[i] * (taps[0] + taps[2]);

    int x = A[i];
    int p = coeffs[3];
    for (int k = 2; k >= 0; k--)
      p = p * x + coeffs[k];
    poly[i] = p * SCALE + partial[i % 6];
  }
  int s = 0;
  for (int k = 0; k < 6; k++)
    s += partial[k] * (k + 1);
  return s + coeffs[(unsigned)A[0] & 3u];
}
ALLO_DIFFTEST(lookup_table)
