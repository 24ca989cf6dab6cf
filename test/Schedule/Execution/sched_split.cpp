// split: dividing (12 by 4) and non-dividing (10 by 4, 7 by 3 on a strided loop) factors,
// split of an inner loop with a min bound, and a split loop with a symbolic trip count
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 12;
constexpr int M = 10;

[[allo::kernel]] void sched_split(const int A[N][M], int rowsum[N], int colsum[M], int strided[20],
                                  int n, int prefix[M]) {
  rows:
  for (int i = 0; i < N; i++) {
    int s = 0;
    for (int j = 0; j < M; j++)
      s += A[i][j] * (j + 1);
    rowsum[i] = s;
  }
  cols:
  for (int j = 0; j < M; j++) {
    int s = 0;
    for (int i = 0; i < N; i++)
      s += A[i][j] - i;
    colsum[j] = s;
  }
  odd:
  for (int k = 1; k < 20; k += 3)
    strided[k] = A[k % N][k % M] + k;
  int bound = n < 0 ? 0 : n % M;
  upto:
  for (int t = 0; t < bound; t++)
    prefix[t] = rowsum[t] + colsum[t];
}
ALLO_DIFFTEST(sched_split)
