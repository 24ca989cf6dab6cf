// Testbench of share-pes.cpp: random int8 operands, the product computed
// with plain loops, compared element by element.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

constexpr int K = 8;
void mm(const int8_t A[N][K], const int8_t B[K][N], int16_t C[N][N]);

int main() {
  static int8_t A[N][K], B[K][N];
  static int16_t C[N][N], R[N][N];
  std::srand(7);
  for (int i = 0; i < N; i++)
    for (int k = 0; k < K; k++)
      A[i][k] = (int8_t)(std::rand() % 256 - 128);
  for (int k = 0; k < K; k++)
    for (int j = 0; j < N; j++)
      B[k][j] = (int8_t)(std::rand() % 256 - 128);
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      int16_t acc = 0;
      for (int k = 0; k < K; k++)
        acc = (int16_t)(acc + A[i][k] * B[k][j]);
      R[i][j] = acc;
    }
  mm(A, B, C);
  int bad = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      bad += C[i][j] != R[i][j];
  std::printf("mm %dx%d: %s (%d mismatches)\n", N, N, bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
