// Calls: scalar helpers returning values, helpers reading whole arrays, a helper writing an output array, nested calls
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int R = 6;
constexpr int C = 10;

float clampf(float x, float lo, float hi) {
  if (x < lo)
    return lo;
  if (x > hi)
    return hi;
  return x;
}

int row_sum(const int M[R][C], int r) {
  int s = 0;
  for (int j = 0; j < C; j++)
    s += M[r][j];
  return s;
}

int max_row_sum(const int M[R][C]) {
  int best = row_sum(M, 0);
  for (int r = 1; r < R; r++) {
    int s = row_sum(M, r);
    if (s > best)
      best = s;
  }
  return best;
}

void scale_clamp(const float in[C], float out[C], float s) {
  for (int j = 0; j < C; j++)
    out[j] = clampf(in[j] * s, -0.5f, 0.5f);
}

void add_into(float acc[C], const float v[C]) {
  for (int j = 0; j < C; j++)
    acc[j] += v[j];
}

[[allo::kernel]] int helper_calls(const int M[R][C], const float v[C], float s, float scaled[C], float acc[C],
                                  int sums[R]) {
  for (int r = 0; r < R; r++)
    sums[r] = row_sum(M, r);
  scale_clamp(v, scaled, s * 4.0f);
  add_into(acc, scaled);
  add_into(acc, v);
  return max_row_sum(M) - row_sum(M, R - 1);
}
ALLO_DIFFTEST(helper_calls)
