// atax (PolyBench linear-algebra/kernels/atax): y = A^T (A x), in float. Each product is its
// own perfectly nested band, so that a schedule may interchange it (see atax.json).
#include <allo/allo.h>

constexpr int M = 32, N = 48;

[[allo::kernel]] void atax(const float A[M][N], const float x[N], float y[N]) {
  float tmp[M];
  init_y:
  for (int j = 0; j < N; j++)
    y[j] = 0.0f;
  init_tmp:
  for (int i = 0; i < M; i++)
    tmp[i] = 0.0f;
  // tmp = A x
  ax_i:
  for (int i = 0; i < M; i++) {
    ax_j:
    for (int j = 0; j < N; j++)
      tmp[i] += A[i][j] * x[j];
  }
  // y = A^T tmp
  aty_i:
  for (int i = 0; i < M; i++) {
    aty_j:
    for (int j = 0; j < N; j++)
      y[j] += A[i][j] * tmp[i];
  }
}
