// Testbench for gemm: the same file works for the native build, for csim of
// the emitted HLS C++ (make csim), and in Vitis HLS (csim_design / cosim).
#include <cstdint>
#include <cstdio>
#include <cstdlib>

constexpr int M = 16, N = 16, K = 32;
void gemm(const int8_t A[M][K], const int8_t B[K][N], int32_t C[M][N]);

int main() {
  static int8_t A[M][K], B[K][N];
  static int32_t C[M][N];
  unsigned seed = 1;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (int8_t)(seed >> 16); };
  for (auto &row : A) for (auto &x : row) x = next();
  for (auto &row : B) for (auto &x : row) x = next();
  gemm(A, B, C);
  int errors = 0;
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) {
      int32_t ref = 0;
      for (int k = 0; k < K; k++)
        ref += A[i][k] * B[k][j];
      errors += ref != C[i][j];
    }
  std::printf("gemm: %s (%d mismatches)\n", errors ? "FAIL" : "PASS", errors);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
