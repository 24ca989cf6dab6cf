// buffer_at of a 2-D array in a function with its own `int i` (read after its
// loop, so a function-level variable): the copy nests' loops may shadow it,
// but the inner one must not reuse the outer one's name (C_buf[i][i] = C[i][i]
// copied the diagonal only). Found by scripts/fuzz-diff.py.
#include "DiffTest.h"

void sched_buffer_at_shadow(int C[7][3], int out[3]) {
  int i;
  for (i = 0; i < 2; i++)
    out[i] = C[i][0] + C[i][2];
  out[2] = i;
  for (int p = 0; p < 9; p++)
    C[p % 7][p % 3] += p;
}
ALLO_DIFFTEST(sched_buffer_at_shadow)
