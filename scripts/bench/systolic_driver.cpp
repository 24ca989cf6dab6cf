// Driver of scripts/bench-dataflow.sh: runs the emitted systolic GEMM
// (examples/dataflow/systolic_gemm, built with -DM -DN -DK) REPS times and
// prints the wall and CPU time per call and the stream transfers per second.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

typedef float data_t;
void top(const data_t A[M][K], const data_t B[K][N], data_t C[M][N]);

static data_t A[M][K], B[K][N], C[M][N];

int main(int argc, char **argv) {
  int reps = argc > 1 ? std::atoi(argv[1]) : 20;
  for (int i = 0; i < M; i++)
    for (int k = 0; k < K; k++)
      A[i][k] = (float)((i + k) % 7) - 3;
  for (int k = 0; k < K; k++)
    for (int j = 0; j < N; j++)
      B[k][j] = (float)((k * 3 + j) % 5) - 2;
  top(A, B, C); // warm-up
  std::clock_t c0 = std::clock();
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; r++)
    top(A, B, C);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
  // Every value of A crosses N + 1 FIFOs of its row, every value of B M + 1.
  double transfers = double(M) * (N + 1) * K + double(N) * (M + 1) * K;
  std::printf("%dx%d K=%d: %.3f ms/call wall, %.3f ms/call cpu, %.1f M transfers/s (cpu), "
              "checksum %g\n",
              M, N, K, 1e3 * wall / reps, 1e3 * cpu / reps, transfers * reps / cpu / 1e6,
              (double)C[M - 1][N - 1]);
  return 0;
}
