// Dense linear solve: Doolittle LU factorisation in place (no pivoting; the
// testbench's matrix is diagonally dominant), forward substitution and back
// substitution with a decreasing loop, PolyBench style declarations.
#define LU_N 10
typedef double DATA_TYPE;

void lu_solve(DATA_TYPE A[LU_N][LU_N], const DATA_TYPE b[LU_N], DATA_TYPE x[LU_N]) {
  int i, j, k;
  DATA_TYPE y[LU_N];
  DATA_TYPE w;

  for (i = 0; i < LU_N; i++) {
    for (j = 0; j < i; j++) {
      w = A[i][j];
      for (k = 0; k < j; k++)
        w -= A[i][k] * A[k][j];
      A[i][j] = w / A[j][j];
    }
    for (j = i; j < LU_N; j++) {
      w = A[i][j];
      for (k = 0; k < i; k++)
        w -= A[i][k] * A[k][j];
      A[i][j] = w;
    }
  }

forward:
  for (i = 0; i < LU_N; i++) {
    w = b[i];
    for (j = 0; j < i; j++)
      w -= A[i][j] * y[j];
    y[i] = w;
  }

backward:
  for (i = LU_N - 1; i >= 0; i--) {
    w = y[i];
    for (j = i + 1; j < LU_N; j++)
      w -= A[i][j] * x[j];
    x[i] = w / A[i][i];
  }
}
