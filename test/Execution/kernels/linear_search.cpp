// Linear search with early return from inside loops (1D, then a nested 2D search), returning an index or -1
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 32;
constexpr int R = 5;
constexpr int C = 7;

[[allo::kernel]] int linear_search(const int A[N], const int M[R][C], int key) {
  for (int i = 0; i < N; i++)
    if (A[i] == key)
      return i;
  for (int r = 0; r < R; r++)
    for (int c = 0; c < C; c++) {
      if (M[r][c] == key)
        return 1000 + r * C + c;
      if (key > 30 && M[r][c] + key == 75)
        return -(2000 + r);
    }
  return -1;
}
// Inputs in [0, 40] so that hits and misses are both common.
ALLO_DIFFTEST_RANGE(linear_search, 0, 40)
