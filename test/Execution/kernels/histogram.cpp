// Histograms with data-dependent indices: masked bins on unsigned values, clamped bins, read-modify-write of a local array
#include <allo/allo.h>
#include <algorithm>
#include "DiffTest.h"

constexpr int N = 64;
constexpr int BINS = 16;

[[allo::kernel]] void histogram(const int A[N], const float W[N], int hist[BINS], float whist[BINS], int clamped[BINS]) {
  int local[BINS];
  for (int b = 0; b < BINS; b++) {
    local[b] = 0;
    whist[b] = 0.0f;
    clamped[b] = 0;
  }
  for (int i = 0; i < N; i++) {
    unsigned bin = (unsigned)A[i] & (unsigned)(BINS - 1);
    local[bin]++;
    whist[bin] += W[i];
    int cb = std::min(std::max(A[i] / 10 + BINS / 2, 0), BINS - 1);
    clamped[cb] += 1;
  }
  for (int b = 0; b < BINS; b++)
    hist[b] = local[b];
}
ALLO_DIFFTEST(histogram)
