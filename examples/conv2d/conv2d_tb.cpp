// Self-checking testbench for conv2d: a naive reference, compared element by element.
#include <cstdio>
#include <cstdlib>

constexpr int H = 32, W = 32, K = 3;
void conv2d(const int in[H + K - 1][W + K - 1], const int w[K][K], int out[H][W]);

int main() {
  static int in[H + K - 1][W + K - 1], w[K][K], out[H][W];
  unsigned seed = 13;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (int)((seed >> 16) % 511) - 255; };
  for (auto &r : in) for (auto &v : r) v = next();
  for (auto &r : w) for (auto &v : r) v = next();
  conv2d(in, w, out);
  int errors = 0;
  for (int i = 0; i < H; i++)
    for (int j = 0; j < W; j++) {
      int ref = 0;
      for (int p = 0; p < K; p++)
        for (int q = 0; q < K; q++)
          ref += in[i + p][j + q] * w[p][q];
      errors += ref != out[i][j];
    }
  std::printf("conv2d: %s (%d mismatches)\n", errors ? "FAIL" : "PASS", errors);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
