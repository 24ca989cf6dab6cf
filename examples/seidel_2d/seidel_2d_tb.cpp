// Self-checking testbench for seidel_2d (exact comparison: the schedule keeps the order of
// every sum).
#include <cstdio>
#include <cstdlib>

constexpr int N = 32, TSTEPS = 2;
void seidel_2d(float A[N][N]);

int main() {
  static float A[N][N], R[N][N];
  unsigned seed = 5;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (float)((seed >> 16) & 0x7fff) / 32768.0f; };
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      R[i][j] = A[i][j] = next();
  seidel_2d(A);
  for (int t = 0; t < TSTEPS; t++)
    for (int i = 1; i <= N - 2; i++)
      for (int j = 1; j <= N - 2; j++)
        R[i][j] = (R[i - 1][j - 1] + R[i - 1][j] + R[i - 1][j + 1] + R[i][j - 1] + R[i][j] +
                   R[i][j + 1] + R[i + 1][j - 1] + R[i + 1][j] + R[i + 1][j + 1]) /
                  9.0f;
  int errors = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      errors += R[i][j] != A[i][j];
  std::printf("seidel_2d: %s (%d mismatches)\n", errors ? "FAIL" : "PASS", errors);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
