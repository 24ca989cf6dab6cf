// Testbench for systolic_gemm: the same file works for the native build, for
// csim of the emitted HLS C++ (make csim), and in Vitis HLS.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

constexpr int M = 4, N = 4, K = 16;
void systolic_gemm(const int8_t A[M][K], const int8_t B[K][N], int16_t C[M][N]);

int main() {
  static int8_t A[M][K], B[K][N];
  static int16_t C[M][N], ref[M][N];
  unsigned seed = 7;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (int8_t)(seed >> 16); };
  for (auto &row : A) for (auto &x : row) x = next();
  for (auto &row : B) for (auto &x : row) x = next();
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      C[i][j] = ref[i][j] = (int16_t)(i - j); // accumulates into what C holds
  systolic_gemm(A, B, C);
  int errors = 0;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      for (int k = 0; k < K; k++)
        ref[i][j] += A[i][k] * B[k][j];
      errors += ref[i][j] != C[i][j];
    }
  std::printf("systolic_gemm: %s (%d mismatches)\n", errors ? "FAIL" : "PASS", errors);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
