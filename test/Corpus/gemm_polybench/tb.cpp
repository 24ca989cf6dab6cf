#include <cstdio>

#define NI 20
#define NJ 24
#define NK 18
typedef float DATA_TYPE;
void kernel_gemm(DATA_TYPE alpha, DATA_TYPE beta, DATA_TYPE C[NI][NJ], DATA_TYPE A[NI][NK],
                 DATA_TYPE B[NK][NJ]);

int main() {
  static DATA_TYPE A[NI][NK], B[NK][NJ], C[NI][NJ];
  int i, j;
  for (i = 0; i < NI; i++)
    for (j = 0; j < NJ; j++)
      C[i][j] = (DATA_TYPE)((i * j + 1) % NI) / NI;
  for (i = 0; i < NI; i++)
    for (j = 0; j < NK; j++)
      A[i][j] = (DATA_TYPE)(i * (j + 1) % NK) / NK;
  for (i = 0; i < NK; i++)
    for (j = 0; j < NJ; j++)
      B[i][j] = (DATA_TYPE)(i * (j + 2) % NJ) / NJ;
  kernel_gemm(1.5f, 1.2f, C, A, B);
  for (i = 0; i < NI; i++)
    for (j = 0; j < NJ; j++)
      printf("C[%d][%d] = %a\n", i, j, C[i][j]);
  return 0;
}
