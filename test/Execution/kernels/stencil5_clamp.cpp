// 2D 5-point float stencil over the whole grid with replicate-edge boundaries via std::max/std::min index clamps
#include <allo/allo.h>
#include <algorithm>
#include "DiffTest.h"

constexpr int H = 11;
constexpr int W = 13;

[[allo::kernel]] void stencil5_clamp(const float in[H][W], float out[H][W]) {
  for (int i = 0; i < H; i++)
    for (int j = 0; j < W; j++) {
      int up = std::max(i - 1, 0);
      int down = std::min(i + 1, H - 1);
      int left = j > 0 ? j - 1 : 0;
      int right = j < W - 1 ? j + 1 : W - 1;
      out[i][j] = 0.5f * in[i][j] + 0.125f * (in[up][j] + in[down][j] + in[i][left] + in[i][right]);
    }
}
ALLO_DIFFTEST(stencil5_clamp)
