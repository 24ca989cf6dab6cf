// compute_at of producer arrays that are initialized first, as HLS code declares its
// temporaries: `int tmp[N] = {}` (element stores before the producer), a 2-D
// `float` buffer cleared by a loop before it, and a line of partial sums seeded with a
// constant; each producer is computed where its consumer reads it.
#include <allo/allo.h>
#include "DiffTest.h"

#define N 8
#define H 4
#define W 6

[[allo::kernel]] void sched_compute_at_init(const int x[N], int y[N], const float img[H][W],
                                            float out[H][W], const int coef[W], int acc[H]) {
  int tmp[N] = {};
  scale:
  for (int i = 0; i < N; i++)
    tmp[i] = x[i] * 3 - i;
  use:
  for (int r = 0; r < N; r++)
    y[r] = tmp[r] + (tmp[r] >> 1);

  float blur[H][W];
  clear:
  for (int a = 0; a < H; a++)
    for (int b = 0; b < W; b++)
      blur[a][b] = 0.0f;
  hblur:
  for (int p = 0; p < H; p++)
    for (int q = 0; q < W; q++)
      blur[p][q] = img[p][q] * 0.5f + img[p][W - 1 - q] * 0.25f;
  emit:
  for (int u = 0; u < H; u++)
    for (int v = 0; v < W; v++)
      out[u][v] = blur[u][v] - img[u][v];

  int part[W] = {1, 1, 1, 1, 1, 1};
  mul:
  for (int k = 0; k < W; k++)
    part[k] = coef[k] * (k + 2);
  sum:
  for (int h = 0; h < H; h++) {
    int s = 0;
    for (int c = 0; c < W; c++)
      s += part[c] * (h + 1);
    acc[h] = s;
  }
}
ALLO_DIFFTEST(sched_compute_at_init)
