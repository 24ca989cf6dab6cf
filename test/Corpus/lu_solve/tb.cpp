#include <cstdio>

#define LU_N 10
typedef double DATA_TYPE;
void lu_solve(DATA_TYPE A[LU_N][LU_N], const DATA_TYPE b[LU_N], DATA_TYPE x[LU_N]);

int main() {
  DATA_TYPE A[LU_N][LU_N], b[LU_N], x[LU_N];
  for (int i = 0; i < LU_N; i++) {
    for (int j = 0; j < LU_N; j++)
      A[i][j] = i == j ? 4.0 * LU_N : (double)((i * 3 + j * 7) % 11 - 5) / 4.0;
    b[i] = (double)(i + 1);
  }
  lu_solve(A, b, x);
  for (int i = 0; i < LU_N; i++)
    printf("x[%d] = %a\n", i, x[i]);
  for (int i = 0; i < LU_N; i++) {
    for (int j = 0; j < LU_N; j++)
      printf("%a ", A[i][j]);
    printf("\n");
  }
  return 0;
}
