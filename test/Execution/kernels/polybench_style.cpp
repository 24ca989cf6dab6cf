// PolyBench style: `int i, j, k;` declared at the top and reused by every loop
// (`for (i = 0; i < N; i++)`), scalar accumulators declared in loop bodies,
// `<=` bounds, std::min/std::max bounds, a decreasing loop nest over predeclared
// variables, and loop variables read after their loops (the values C++ leaves in them)
#include <allo/allo.h>
#include <algorithm>
#include "DiffTest.h"

#define NI 6
#define NJ 7
#define NK 5

[[allo::kernel]] int polybench_style(int alpha, int beta, int C[NI][NJ], const int A[NI][NK],
                                     const int B[NK][NJ], int x[NJ], int y[NI]) {
  int i, j, k;
  int last = 0;
  // gemm: C = beta * C + alpha * A * B
  for (i = 0; i < NI; i++) {
    for (j = 0; j < NJ; j++)
      C[i][j] *= beta;
    for (k = 0; k < NK; k++) {
      int a = alpha * A[i][k];
      for (j = 0; j < NJ; j++)
        C[i][j] += a * B[k][j];
    }
  }
  last += i * 100 + j * 10 + k;
  // lower-triangular row sums with <= bounds
  for (i = 0; i <= NI - 1; i++) {
    int acc = 0;
    for (j = 0; j <= i; j++)
      acc += C[i][j];
    y[i] = acc;
  }
  last += i + j;
  // a decreasing nest; i is read after the inner loop in the outer body
  for (j = NJ - 1; j >= 0; j--) {
    int s = x[j];
    for (i = NI - 1; i >= j; i -= 2)
      s += C[i][j];
    x[j] = s + i;
  }
  last += j * 1000;
  // a loop that may not run (alpha is random), and one with a non-affine bound
  for (k = 3; k < alpha; k++)
    y[k % NI] += k;
  last += k;
  for (k = 0; k < beta * beta; k += 3)
    y[k % NI] -= 1;
  last += k * 7;
  // a <= bound on a parameter, step 2
  for (i = -4; i <= alpha; i += 2)
    x[(i + 4) % NJ] ^= i;
  last += i;
  // max/min bound lists, increasing and decreasing
  for (j = std::max(alpha, 0); j < std::min(beta + 4, NJ); j += 3)
    x[j] += 5;
  last += j * 11;
  for (k = NK - 1; k >= std::max(alpha, -1); k -= 2)
    y[k + 1] -= 3;
  return last + k * 13;
}
ALLO_DIFFTEST_RANGE(polybench_style, -9, 9)
