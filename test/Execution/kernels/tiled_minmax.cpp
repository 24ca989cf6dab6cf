// Tiled loops with std::min upper bounds (N not a multiple of the tile) and a band loop with std::max/std::min bounds
#include <allo/allo.h>
#include <algorithm>
#include "DiffTest.h"

constexpr int N = 14;
constexpr int T = 4;
constexpr int BW = 2;

[[allo::kernel]] void tiled_minmax(const float A[N][N], const float x[N], float AT[N][N], float C[N][N],
                                   float band[N]) {
  // Tiled transpose.
  for (int ii = 0; ii < N; ii += T)
    for (int jj = 0; jj < N; jj += T)
      for (int i = ii; i < std::min(ii + T, N); i++)
        for (int j = jj; j < std::min(jj + T, N); j++)
          AT[j][i] = A[i][j];

  // Tiled A * A^T with a reduction tile over k.
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      C[i][j] = 0.0f;
  for (int i = 0; i < N; i += T)
    for (int j = 0; j < N; j += T)
      for (int k = 0; k < N; k += T)
        for (int ii = i; ii < std::min(i + T, N); ii++)
          for (int jj = j; jj < std::min(j + T, N); jj++) {
            float acc = C[ii][jj];
            for (int kk = k; kk < std::min(k + T, N); kk++)
              acc += A[ii][kk] * AT[kk][jj];
            C[ii][jj] = acc;
          }

  // Banded matrix-vector product: only |i - j| <= BW.
  for (int i = 0; i < N; i++) {
    float acc = 0.0f;
    for (int j = std::max(0, i - BW); j < std::min(N, i + BW + 1); j++)
      acc += A[i][j] * x[j];
    band[i] = acc;
  }
}
ALLO_DIFFTEST(tiled_minmax)
