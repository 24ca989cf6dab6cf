#include <cstdio>

#define M 12
#define N 16
typedef float DATA_TYPE;
void kernel_covariance(DATA_TYPE float_n, DATA_TYPE data[N][M], DATA_TYPE cov[M][M],
                       DATA_TYPE mean[M]);

int main() {
  static DATA_TYPE data[N][M], cov[M][M], mean[M];
  int i, j;
  for (i = 0; i < N; i++)
    for (j = 0; j < M; j++)
      data[i][j] = ((DATA_TYPE)i * j) / M;
  kernel_covariance((DATA_TYPE)N, data, cov, mean);
  for (i = 0; i < M; i++)
    printf("mean[%d] = %a\n", i, mean[i]);
  for (i = 0; i < M; i++) {
    for (j = 0; j < M; j++)
      printf("%a ", cov[i][j]);
    printf("\n");
  }
  for (i = 0; i < N; i++)
    printf("data[%d][%d] = %a\n", i, i % M, data[i][i % M]);
  return 0;
}
