// conv2d: a single-channel 3x3 convolution (valid padding) of a 34x34 image, in int. The sum
// goes into a scalar accumulator, as one would write it by hand.
#include <allo/allo.h>

constexpr int H = 32, W = 32, K = 3;

[[allo::kernel]] void conv2d(const int in[H + K - 1][W + K - 1], const int w[K][K], int out[H][W]) {
  row:
  for (int i = 0; i < H; i++) {
    col:
    for (int j = 0; j < W; j++) {
      int acc = 0;
      kr:
      for (int p = 0; p < K; p++) {
        kc:
        for (int q = 0; q < K; q++)
          acc += in[i + p][j + q] * w[p][q];
      }
      out[i][j] = acc;
    }
  }
}
