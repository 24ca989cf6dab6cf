//===- grid_bench.cpp - Throughput of the simulator on a systolic grid ----===//
//
// An N x N output-stationary systolic matrix multiply, written as the code
// allo-rewrite emits for --target sim: every PE is a process reading its
// left and top FIFOs and forwarding to its right and bottom FIFOs; row and
// column feeders inject A and B, drains consume what leaves the grid.
// Prints the stream transfers per second and the wall time (scripts/
// bench-sim.sh builds and runs it). The product is checked against a
// sequential reference, so a wrong simulator cannot report a figure.
//
//   grid_bench [N=16] [K=256] [DEPTH=2] [REPS=50]
//
//===----------------------------------------------------------------------===//

#include <allo_sim.h>
#include <hls_stream.h>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {

constexpr int kMaxN = 64;

struct Grid {
  int n, k;
  std::vector<int> A, B, C; // A: n x k, B: k x n, C: n x n
  hls::stream<int> h[kMaxN][kMaxN + 1]; // h[i][j] enters PE(i, j)
  hls::stream<int> v[kMaxN + 1][kMaxN]; // v[i][j] enters PE(i, j)
};

void feed_row(Grid &g, int i) {
  for (int k = 0; k < g.k; ++k)
    g.h[i][0].write(g.A[i * g.k + k]);
}
void feed_col(Grid &g, int j) {
  for (int k = 0; k < g.k; ++k)
    g.v[0][j].write(g.B[k * g.n + j]);
}
void pe(Grid &g, int i, int j) {
  int acc = 0;
  hls::stream<int> &left = g.h[i][j], &right = g.h[i][j + 1];
  hls::stream<int> &top = g.v[i][j], &bottom = g.v[i + 1][j];
  for (int k = 0; k < g.k; ++k) {
    int a = left.read();
    int b = top.read();
    acc += a * b;
    right.write(a);
    bottom.write(b);
  }
  g.C[i * g.n + j] = acc;
}
void drain_row(Grid &g, int i) {
  for (int k = 0; k < g.k; ++k)
    (void)g.h[i][g.n].read();
}
void drain_col(Grid &g, int j) {
  for (int k = 0; k < g.k; ++k)
    (void)g.v[g.n][j].read();
}

void run_grid(Grid &g) {
  allo::sim::Region r("systolic", "grid_bench.cpp:62");
  for (int i = 0; i < g.n; ++i)
    r.spawn("feed_row", "grid_bench.cpp:64", [&g, i] { feed_row(g, i); });
  for (int j = 0; j < g.n; ++j)
    r.spawn("feed_col", "grid_bench.cpp:66", [&g, j] { feed_col(g, j); });
  for (int i = 0; i < g.n; ++i)
    for (int j = 0; j < g.n; ++j)
      r.spawn("pe", "grid_bench.cpp:69", [&g, i, j] { pe(g, i, j); });
  for (int i = 0; i < g.n; ++i)
    r.spawn("drain_row", "grid_bench.cpp:71", [&g, i] { drain_row(g, i); });
  for (int j = 0; j < g.n; ++j)
    r.spawn("drain_col", "grid_bench.cpp:73", [&g, j] { drain_col(g, j); });
  r.run();
}

} // namespace

int main(int argc, char **argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 16;
  int k = argc > 2 ? std::atoi(argv[2]) : 256;
  int depth = argc > 3 ? std::atoi(argv[3]) : 2;
  int reps = argc > 4 ? std::atoi(argv[4]) : 50;
  if (n < 1 || n > kMaxN || k < 1 || depth < 1 || reps < 1) {
    std::fprintf(stderr, "usage: grid_bench [N<=%d] [K] [DEPTH] [REPS]\n",
                 kMaxN);
    return 2;
  }
  Grid *g = new Grid;
  g->n = n;
  g->k = k;
  g->A.resize(n * k);
  g->B.resize(k * n);
  g->C.assign(n * n, 0);
  unsigned seed = 12345;
  auto rnd = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return static_cast<int>((seed >> 16) % 201) - 100;
  };
  for (int &x : g->A)
    x = rnd();
  for (int &x : g->B)
    x = rnd();
  allo::sim::configure(g->h, depth, "h", "grid_bench.cpp:28");
  allo::sim::configure(g->v, depth, "v", "grid_bench.cpp:29");

  std::vector<long long> ref(n * n, 0);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      int acc = 0;
      for (int kk = 0; kk < k; ++kk)
        acc += g->A[i * k + kk] * g->B[kk * n + j];
      ref[i * n + j] = acc;
    }

  run_grid(*g); // warm-up (stacks mapped and touched)
  auto cpu = [] {
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
  };
  double c0 = cpu();
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < reps; ++r)
    run_grid(*g);
  auto t1 = std::chrono::steady_clock::now();
  double c1 = cpu();
  for (int i = 0; i < n * n; ++i)
    if (g->C[i] != ref[i]) {
      std::fprintf(stderr, "grid_bench: wrong result at C[%d][%d]\n", i / n,
                   i % n);
      return 1;
    }
  double secs = std::chrono::duration<double>(t1 - t0).count();
  // Every stream of the grid carries K elements per run.
  double transfers = 2.0 * n * (n + 1) * k * reps;
  std::printf("grid %dx%d K=%d depth=%d reps=%d processes=%d\n", n, n, k,
              depth, reps, n * n + 4 * n);
  // On a shared machine the wall time includes the time other programs
  // ran; the CPU time is the simulator's own.
  std::printf("transfers: %.0f  wall: %.3f s  cpu: %.3f s\n", transfers, secs,
              c1 - c0);
  std::printf("transfers/s: %.1f M (wall)  %.1f M (cpu)\n",
              transfers / secs / 1e6, transfers / (c1 - c0) / 1e6);
  delete g;
  return 0;
}
