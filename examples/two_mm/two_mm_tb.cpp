// Self-checking testbench for two_mm: a naive reference, compared element by element.
#include <cstdio>
#include <cstdlib>

constexpr int NI = 32, NJ = 32, NK = 32, NL = 32;
void two_mm(int alpha, int beta, const int A[NI][NK], const int B[NK][NJ], const int C[NJ][NL],
            int D[NI][NL]);

int main() {
  static int A[NI][NK], B[NK][NJ], C[NJ][NL], D[NI][NL], ref[NI][NL], tmp[NI][NJ];
  unsigned seed = 7;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (int)((seed >> 16) % 201) - 100; };
  for (auto &r : A) for (auto &x : r) x = next();
  for (auto &r : B) for (auto &x : r) x = next();
  for (auto &r : C) for (auto &x : r) x = next();
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NL; j++)
      ref[i][j] = D[i][j] = next();
  const int alpha = 3, beta = -2;
  two_mm(alpha, beta, A, B, C, D);

  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++) {
      tmp[i][j] = 0;
      for (int k = 0; k < NK; k++)
        tmp[i][j] += alpha * A[i][k] * B[k][j];
    }
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NL; j++) {
      ref[i][j] *= beta;
      for (int k = 0; k < NJ; k++)
        ref[i][j] += tmp[i][k] * C[k][j];
    }
  int errors = 0;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NL; j++)
      errors += ref[i][j] != D[i][j];
  std::printf("two_mm: %s (%d mismatches)\n", errors ? "FAIL" : "PASS", errors);
  return errors ? EXIT_FAILURE : EXIT_SUCCESS;
}
