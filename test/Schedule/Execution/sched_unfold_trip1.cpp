// unfold of a one-iteration loop into a one-PE grid whose PE updates an
// accumulator of the enclosing loop (shared/repros/08-unfold-scalar-by-value)
#include <allo/allo.h>
#include "DiffTest.h"

[[allo::kernel]] void sched_unfold_trip1(int A[4], const int B[4]) {
  for (int k = 0; k < 4; k++) {
    int acc = A[k];
    for (int m = 0; m < 1; m++)
      acc += B[k];
    A[k] = acc;
  }
}
ALLO_DIFFTEST(sched_unfold_trip1)
