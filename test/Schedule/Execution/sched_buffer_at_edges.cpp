// buffer_at on tiles that reach past the array (repro 03) and on bodies that read the
// array before any inner loop (repro 04): the last tile of a split whose factor does not
// divide the trip count, a decreasing loop whose tiles start before the array, a 2-D
// stencil tile of a split row loop, a one-element tile read first, and a row whose first
// element is read before the inner loop.
#include <allo/allo.h>
#include "DiffTest.h"

#define LEN 10
#define ROWS 8
#define COLS 6

[[allo::kernel]] void sched_buffer_at_edges(int up[LEN], int down[LEN],
                                            const int img[ROWS][COLS], int out[ROWS][COLS],
                                            const short gain[LEN], int scaled[LEN],
                                            const int rows[ROWS][COLS], int norm[ROWS][COLS]) {
  inc:
  for (int i = 0; i < LEN; i++)
    up[i] = up[i] * 2 + 1;
  dec:
  for (int i = LEN - 1; i >= 0; i--)
    down[i] = down[i] - (i > 0 ? 3 : 5);
  stencil:
  for (int r = 0; r < ROWS; r++)
    for (int c = 0; c < COLS; c++)
      out[r][c] = img[r][c] * 2 + img[r][COLS - 1 - c] - img[ROWS - 1 - r][c];
  elem:
  for (int k = 0; k < LEN; k++)
    scaled[k] = gain[k] * 3;
  rowscale:
  for (int p = 0; p < ROWS; p++) {
    int first = rows[p][0];
    for (int q = 0; q < COLS; q++)
      norm[p][q] = rows[p][q] - first;
  }
}
ALLO_DIFFTEST(sched_buffer_at_edges)
