// unfold of a loop whose PE writes a scalar that is read after the grid
// (shared/repros/08-unfold-scalar-by-value): the PE takes it by reference
#include <allo/allo.h>
#include "DiffTest.h"

[[allo::kernel]] void sched_unfold_last(int A[4], const int B[4]) {
  int last = 0;
  for (int m = 0; m < 4; m++)
    if (m == 3)
      last = B[m] * 2;
  A[0] = last;
}
ALLO_DIFFTEST(sched_unfold_last)
