#include <cstdio>

constexpr int R = 4, L = 16;
void rows(const int in[R][L], int out[R][L]);

int main() {
  int in[R][L], out[R][L];
  for (int r = 0; r < R; r++)
    for (int i = 0; i < L; i++)
      in[r][i] = r * 5 - i;
  rows(in, out);
  int bad = 0;
  for (int r = 0; r < R; r++) {
    int acc = 0;
    for (int i = 0; i < L; i++) {
      acc += in[r][i] * in[r][i];
      bad += out[r][i] != acc;
    }
  }
  std::printf("kernel_calls_region: %s (%d mismatches)\n", bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
