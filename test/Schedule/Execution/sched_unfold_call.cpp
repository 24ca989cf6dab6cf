// unfold of bands whose body is a call (Allo's test_matmul_function): the PEs are
// proven independent with the callees' bodies in place. A GEMM whose PE is a function
// of the arrays and its coordinates, unfolded on both axes; a band calling a function
// that calls another and keeps a local array, with coordinates passed as expressions
// (2 * j + 1), unfolded on its inner axis only.
#include <allo/allo.h>
#include "DiffTest.h"

#define M 3
#define N 4
#define K 5

void pe_kernel(const int A[M][K], const int B[K][N], int C[M][N], int i, int j) {
  for (int k = 0; k < K; k++)
    C[i][j] += A[i][k] * B[k][j];
}

static int tap(const short w[2 * N + 2], int p, int q) { return w[p + q] * (q + 1); }

void pe_filter(const short w[2 * N + 2], int out[M][2 * N + 2], int row, int col) {
  int acc[2];
  for (int q = 0; q < 2; q++)
    acc[q] = tap(w, col, q);
  out[row][col] = acc[0] - acc[1] + row;
}

[[allo::kernel]] void sched_unfold_call(const int A[M][K], const int B[K][N], int C[M][N],
                                        const short w[2 * N + 2], int out[M][2 * N + 2]) {
  PE:
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++)
      pe_kernel(A, B, C, i, j);
  rows:
  for (int r = 0; r < M; r++)
    for (int c = 0; c < N; c++)
      pe_filter(w, out, r, 2 * c + 1);
}
ALLO_DIFFTEST(sched_unfold_call)
