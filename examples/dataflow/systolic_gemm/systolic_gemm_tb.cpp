// Testbench: compares with a plain triple loop (same summation order).
#include <cstdio>

#ifndef M
#define M 4
#endif
#ifndef N
#define N 4
#endif
#ifndef K
#define K 16
#endif

typedef float data_t;
void top(const data_t A[M][K], const data_t B[K][N], data_t C[M][N]);

static data_t A[M][K], B[K][N], C[M][N], R[M][N];

int main() {
  for (int i = 0; i < M; i++)
    for (int k = 0; k < K; k++)
      A[i][k] = (float)((i * 7 + k * 3) % 11) - 5.0f;
  for (int k = 0; k < K; k++)
    for (int j = 0; j < N; j++)
      B[k][j] = (float)((k * 5 + j * 2) % 9) * 0.5f - 2.0f;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      data_t c = 0;
      for (int k = 0; k < K; k++)
        c += A[i][k] * B[k][j];
      R[i][j] = c;
    }
  top(A, B, C);
  int bad = 0;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      bad += C[i][j] != R[i][j];
  std::printf("systolic_gemm %dx%d: %s (%d mismatches)\n", M, N, bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
