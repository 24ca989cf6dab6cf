// In-place bubble sort with triangular bound j < N-1-i, data-dependent swaps and early exit when no swap happened
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 20;

[[allo::kernel]] int bubble_sort(int A[N], float F[N]) {
  int passes = 0;
  for (int i = 0; i < N - 1; i++) {
    bool swapped = false;
    for (int j = 0; j < N - 1 - i; j++) {
      if (A[j] > A[j + 1]) {
        int t = A[j];
        A[j] = A[j + 1];
        A[j + 1] = t;
        float tf = F[j];
        F[j] = F[j + 1];
        F[j + 1] = tf;
        swapped = true;
      }
    }
    passes++;
    if (!swapped)
      break;
  }
  return passes;
}
ALLO_DIFFTEST(bubble_sort)
