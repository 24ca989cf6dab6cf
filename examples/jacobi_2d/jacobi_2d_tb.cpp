// Self-checking testbench for jacobi_2d. The schedule does not reassociate any sum, so the
// results are compared exactly.
#include <cstdio>
#include <cstdlib>

constexpr int N = 32, TSTEPS = 4;
void jacobi_2d(float A[N][N], float B[N][N]);

int main() {
  static float A[N][N], B[N][N], RA[N][N], RB[N][N];
  unsigned seed = 3;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (float)((seed >> 16) & 0x7fff) / 32768.0f; };
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      RA[i][j] = A[i][j] = next();
      RB[i][j] = B[i][j] = next();
    }
  jacobi_2d(A, B);
  for (int t = 0; t < TSTEPS; t++) {
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        RB[i][j] = 0.2f * (RA[i][j] + RA[i][j - 1] + RA[i][j + 1] + RA[i + 1][j] + RA[i - 1][j]);
    for (int i = 1; i < N - 1; i++)
      for (int j = 1; j < N - 1; j++)
        RA[i][j] = 0.2f * (RB[i][j] + RB[i][j - 1] + RB[i][j + 1] + RB[i + 1][j] + RB[i - 1][j]);
  }
  int errors = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      errors += (RA[i][j] != A[i][j]) + (RB[i][j] != B[i][j]);
  std::printf("jacobi_2d: %s (%d mismatches)\n", errors ? "FAIL" : "PASS", errors);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
