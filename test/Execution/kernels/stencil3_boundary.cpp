// Integer 3-point stencil with zero padding: boundary elements handled by if/else and by peeled loops
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int N = 24;

[[allo::kernel]] void stencil3_boundary(const int in[N], const int w[3], int out[N], int peeled[N]) {
  // Version 1: boundary handled inside the loop with branches.
  for (int i = 0; i < N; i++) {
    int left, right;
    if (i == 0)
      left = 0;
    else
      left = in[i - 1];
    if (i == N - 1)
      right = 0;
    else
      right = in[i + 1];
    out[i] = w[0] * left + w[1] * in[i] + w[2] * right;
  }
  // Version 2: first and last element peeled out of the loop.
  peeled[0] = w[1] * in[0] + w[2] * in[1];
  for (int i = 1; i < N - 1; i++)
    peeled[i] = w[0] * in[i - 1] + w[1] * in[i] + w[2] * in[i + 1];
  peeled[N - 1] = w[0] * in[N - 2] + w[1] * in[N - 1];
}
ALLO_DIFFTEST(stencil3_boundary)
