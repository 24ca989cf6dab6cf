// Scalar parameters as loop bounds: i < n, j < m, step 2 up to n, j from i to m, std::min(n, m), n-dependent while loop
#include <allo/allo.h>
#include <algorithm>
#include "DiffTest.h"

constexpr int N = 16;

[[allo::kernel]] int scalar_trip(int n, int m, const int A[N][N], int B[N][N], int rowsum[N]) {
  for (int i = 0; i < N; i++) {
    rowsum[i] = 0;
    for (int j = 0; j < N; j++)
      B[i][j] = 0;
  }
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++)
      B[i][j] = A[i][j] * (i + 1) - j;
  for (int i = 0; i < n; i += 2)
    for (int j = i; j < m; j++)
      rowsum[i] += A[i][j];
  int diag = 0;
  for (int k = 0; k < std::min(n, m); k++)
    diag += A[k][k];
  int tail = 0;
  for (int k = n - 1; k >= n / 2; k--)
    tail += A[k][0];
  int w = 0;
  int steps = 0;
  while (w < n * m) {
    w += A[steps % N][0];
    steps++;
  }
  return diag * 100000 + tail * 100 + steps;
}
// All integer inputs (n, m and the array entries) are drawn from [1, 16].
ALLO_DIFFTEST_RANGE(scalar_trip, 1, 16)
