// PolyBench seidel-2d: in-place 9-point Gauss-Seidel sweep (loop-carried dependences through A)
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int TSTEPS = 3;
constexpr int N = 12;

[[allo::kernel]] void seidel_2d(float A[N][N]) {
  for (int t = 0; t <= TSTEPS - 1; t++)
    for (int i = 1; i <= N - 2; i++)
      for (int j = 1; j <= N - 2; j++)
        A[i][j] = (A[i - 1][j - 1] + A[i - 1][j] + A[i - 1][j + 1] + A[i][j - 1] + A[i][j] + A[i][j + 1] +
                   A[i + 1][j - 1] + A[i + 1][j] + A[i + 1][j + 1]) /
                  9.0f;
}
ALLO_DIFFTEST(seidel_2d)
