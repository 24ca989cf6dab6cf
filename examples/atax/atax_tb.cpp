// Self-checking testbench for atax. The schedule interchanges loops but keeps the order in which
// every tmp[i] and y[j] is accumulated, so the results are compared exactly.
#include <cstdio>
#include <cstdlib>

constexpr int M = 32, N = 48;
void atax(const float A[M][N], const float x[N], float y[N]);

int main() {
  static float A[M][N], x[N], y[N], ry[N], tmp[M];
  unsigned seed = 11;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (float)((seed >> 16) & 0x7fff) / 32768.0f - 0.5f; };
  for (auto &r : A) for (auto &v : r) v = next();
  for (auto &v : x) v = next();
  atax(A, x, y);
  for (int j = 0; j < N; j++)
    ry[j] = 0.0f;
  for (int i = 0; i < M; i++) {
    tmp[i] = 0.0f;
    for (int j = 0; j < N; j++)
      tmp[i] += A[i][j] * x[j];
    for (int j = 0; j < N; j++)
      ry[j] += A[i][j] * tmp[i];
  }
  int errors = 0;
  for (int j = 0; j < N; j++)
    errors += ry[j] != y[j];
  std::printf("atax: %s (%d mismatches)\n", errors ? "FAIL" : "PASS", errors);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
