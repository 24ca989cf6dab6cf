// Data-dependent selects: ?: chains, nested if/else classification, bool inputs/outputs, short-circuit guards (i < N && A[i] > 0)
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 20;

[[allo::kernel]] int branchy_select(const int A[N], const bool mask[N], int cls[N], int sel[N], bool flag[N],
                                    int run[N]) {
  for (int i = 0; i < N; i++) {
    int a = A[i];
    int c;
    if (a < -50) {
      c = 0;
    } else if (a < 0) {
      if (a % 2 == 0)
        c = 1;
      else
        c = 2;
    } else if (a == 0) {
      c = 3;
    } else {
      c = a > 50 ? (mask[i] ? 4 : 5) : 6;
    }
    cls[i] = c;
    sel[i] = mask[i] ? a : (a > 0 ? -a : a * 2);
    // Guards: out-of-range neighbours are never touched thanks to short-circuiting.
    bool up = i > 0 && A[i - 1] < a;
    bool down = i == N - 1 || A[i + 1] < a;
    flag[i] = (up && down) || (!mask[i] && a == 0);
  }
  // Length of the run of positive values starting at every position.
  for (int i = 0; i < N; i++) {
    int j = i;
    while (j < N && A[j] > 0)
      j++;
    run[i] = j - i;
  }
  // Count leading masked elements.
  int k = 0;
  while (k < N && mask[k])
    k++;
  return k;
}
ALLO_DIFFTEST(branchy_select)
