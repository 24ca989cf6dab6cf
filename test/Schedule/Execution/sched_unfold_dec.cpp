// unfold inside a decreasing loop: the PEs take the loop's counter (the
// normalised one, k = 4 - p), which the emitted call must pass as 4 - p, not
// as the source's p. Found by scripts/fuzz-diff.py.
#include "DiffTest.h"

void sched_unfold_dec(const int A[8], int B[5][4]) {
  for (int p = 4; p >= 0; p--)
    for (int m = 0; m < 4; m++)
      B[p][m] = A[p + m] * (m + 1) - p;
}
ALLO_DIFFTEST(sched_unfold_dec)
