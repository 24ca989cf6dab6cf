// unroll in_ir by a factor of a loop whose trip count is not a constant and
// may be negative (j < i - 2 runs zero times for i < 2): the remainder loop
// must not start below the loop's lower bound; also a decreasing loop (q > p - 1, empty
// for p > 9). Found by scripts/fuzz-diff.py.
#include "DiffTest.h"

void sched_unroll_rem(int B[16]) {
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < i - 2; j++)
      B[j + 4] += i;
  for (int p = 0; p < 14; p++)
    for (int q = 9; q > p - 1; q -= 2)
      B[q] = (B[q] >> 1) + p;
}
ALLO_DIFFTEST(sched_unroll_rem)
