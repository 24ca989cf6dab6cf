// Non-unit and decreasing loops: steps 2 and 3, i-- down to 0, i -= 2, i -= 3 with > bound, <= bounds, odd start
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 30;

[[allo::kernel]] void strided_loops(const int A[N], int even_odd[2], int step3[N], int suffix[N], int rev2[N],
                                    int down3[N]) {
  int se = 0;
  for (int i = 0; i < N; i += 2)
    se += A[i];
  int so = 0;
  for (int i = 1; i < N; i += 2)
    so += A[i];
  even_odd[0] = se;
  even_odd[1] = so;

  for (int i = 0; i < N; i++)
    step3[i] = 0;
  for (int i = 1; i <= N - 3; i += 3)
    step3[i] = A[i] + A[i + 1] + A[i + 2];

  int acc = 0;
  for (int i = N - 1; i >= 0; i--) {
    acc += A[i];
    suffix[i] = acc;
  }

  for (int i = 0; i < N; i++)
    rev2[i] = -1;
  for (int i = N - 1; i >= 0; i -= 2)
    rev2[i] = A[N - 1 - i] * 2;

  for (int i = 0; i < N; i++)
    down3[i] = 0;
  int t = 0;
  for (int i = N; i > 0; i -= 3) {
    t = t * 3 + A[i - 1] - i;
    down3[i - 1] = t % 1000;
  }
}
ALLO_DIFFTEST(strided_loops)
