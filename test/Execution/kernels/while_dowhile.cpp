// while loops with data-dependent exits (bounded Collatz, integer sqrt) and do-while loops (digit sum, body runs at least once)
#include <allo/allo.h>
#include <cmath>
#include "DiffTest.h"

constexpr int N = 24;

[[allo::kernel]] void while_dowhile(const int A[N], int steps[N], int isqrt[N], int digits[N], int once[N]) {
  for (int i = 0; i < N; i++) {
    int x = std::abs(A[i]) + 1;  // in [1, 101]: trajectories stay far below INT_MAX
    int s = 0;
    while (x != 1 && s < 1000) {
      if (x % 2 == 0)
        x = x / 2;
      else
        x = 3 * x + 1;
      s++;
    }
    steps[i] = s;

    int v = A[i] * A[i];
    int r = 0;
    while ((r + 1) * (r + 1) <= v)
      r++;
    isqrt[i] = r;

    int y = std::abs(A[i]);
    int ds = 0;
    do {
      ds += y % 10;
      y /= 10;
    } while (y != 0);
    digits[i] = ds;

    int z = A[i];
    int n = 0;
    do {
      z -= 7;
      n++;
    } while (z > 0);
    once[i] = n * 1000 + z;
  }
}
ALLO_DIFFTEST(while_dowhile)
