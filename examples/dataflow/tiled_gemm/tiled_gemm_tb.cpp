#include <cstdint>
#include <cstdio>

constexpr int M = 8, N = 8, K = 12;
void top(const int16_t A[M][K], const int16_t B[K][N], int32_t C[M][N]);

int main() {
  int16_t A[M][K], B[K][N];
  int32_t C[M][N], R[M][N];
  for (int i = 0; i < M; i++)
    for (int k = 0; k < K; k++)
      A[i][k] = (int16_t)((i * 131 + k * 17) % 601 - 300);
  for (int k = 0; k < K; k++)
    for (int j = 0; j < N; j++)
      B[k][j] = (int16_t)((k * 71 + j * 29) % 401 - 200);
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      int32_t acc = 0;
      for (int k = 0; k < K; k++)
        acc += A[i][k] * B[k][j];
      R[i][j] = acc;
    }
  top(A, B, C);
  int bad = 0;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      bad += C[i][j] != R[i][j];
  std::printf("tiled_gemm: %s (%d mismatches)\n", bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
