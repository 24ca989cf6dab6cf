#include <cstdint>
#include <cstdio>

constexpr int M = 4, N = 4, K = 12;
void top(const int32_t A[M][K], const int32_t B[K][N], int32_t C[M][N]);

int main() {
  int32_t A[M][K], B[K][N], C[M][N];
  for (int i = 0; i < M; i++)
    for (int k = 0; k < K; k++)
      A[i][k] = (i * 13 + k * 7) % 19 - 9;
  for (int k = 0; k < K; k++)
    for (int j = 0; j < N; j++)
      B[k][j] = (k * 11 + j * 5) % 17 - 8;
  top(A, B, C);
  int bad = 0;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      int32_t acc = 0;
      for (int k = 0; k < K; k++)
        acc += A[i][k] * B[k][j];
      bad += C[i][j] != acc;
    }
  std::printf("splitk_3d: %s (%d mismatches)\n", bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
