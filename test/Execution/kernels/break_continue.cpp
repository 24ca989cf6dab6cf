// break and continue: skip negatives, stop a row once a threshold is crossed, stop the outer loop on a sentinel row
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int R = 8;
constexpr int C = 12;

[[allo::kernel]] int break_continue(const int A[R][C], int limit, int psum[R], int stop_col[R]) {
  int rows_done = 0;
  for (int r = 0; r < R; r++) {
    psum[r] = 0;
    stop_col[r] = -1;
  }
  for (int r = 0; r < R; r++) {
    int s = 0;
    for (int c = 0; c < C; c++) {
      if (A[r][c] < 0)
        continue;
      s += A[r][c];
      if (s > limit + 150) {
        stop_col[r] = c;
        break;
      }
    }
    psum[r] = s;
    rows_done++;
    if (A[r][0] > 90 || s == 0)
      break;
  }
  // A while(true)-style scan that leaves through break.
  int i = 0;
  int count = 0;
  while (true) {
    if (i >= R * C)
      break;
    int v = A[i / C][i % C];
    i++;
    if ((v & 1) != 0)
      continue;
    count++;
  }
  return rows_done * 1000 + count;
}
ALLO_DIFFTEST(break_continue)
