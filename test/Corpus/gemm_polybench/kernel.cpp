// PolyBench gemm as its HLS ports write it: DATA_TYPE typedef, loop variables
// declared first, the optimizations kept in schedule.json.
#define NI 20
#define NJ 24
#define NK 18

typedef float DATA_TYPE;

void kernel_gemm(DATA_TYPE alpha, DATA_TYPE beta, DATA_TYPE C[NI][NJ], DATA_TYPE A[NI][NK],
                 DATA_TYPE B[NK][NJ]) {
  int i, j, k;
  for (i = 0; i < NI; i++) {
    for (j = 0; j < NJ; j++)
      C[i][j] *= beta;
    for (k = 0; k < NK; k++) {
      for (j = 0; j < NJ; j++)
        C[i][j] += alpha * A[i][k] * B[k][j];
    }
  }
}
