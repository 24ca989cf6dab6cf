// Multi-channel valid 2D convolution with bias: 4-D weights, index arithmetic oh+kh / ow+kw
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int C = 2;
constexpr int F = 3;
constexpr int H = 10;
constexpr int W = 9;
constexpr int K = 3;
constexpr int OH = H - K + 1;
constexpr int OW = W - K + 1;

[[allo::kernel]] void conv2d(const float in[C][H][W], const float wt[F][C][K][K], const float bias[F],
                             float out[F][OH][OW]) {
  for (int f = 0; f < F; f++)
    for (int oh = 0; oh < OH; oh++)
      for (int ow = 0; ow < OW; ow++) {
        float acc = bias[f];
        for (int c = 0; c < C; c++)
          for (int kh = 0; kh < K; kh++)
            for (int kw = 0; kw < K; kw++)
              acc += in[c][oh + kh][ow + kw] * wt[f][c][kh][kw];
        out[f][oh][ow] = acc;
      }
}
ALLO_DIFFTEST(conv2d)
