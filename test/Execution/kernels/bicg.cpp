// PolyBench bicg: s = r^T*A and q = A*p computed in one fused loop nest
#include <allo/allo.h>
#include "DiffTest.h"

constexpr int M = 16;
constexpr int N = 13;

[[allo::kernel]] void bicg(const float A[N][M], const float r[N], const float p[M], float s[M], float q[N]) {
  for (int j = 0; j < M; j++)
    s[j] = 0.0f;
  for (int i = 0; i < N; i++) {
    q[i] = 0.0f;
    for (int j = 0; j < M; j++) {
      s[j] = s[j] + r[i] * A[i][j];
      q[i] = q[i] + A[i][j] * p[j];
    }
  }
}
ALLO_DIFFTEST(bicg)
