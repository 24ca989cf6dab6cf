// Hierarchical, parameterized regions (Allo's inner<2,2> / inner<4,4>): the
// region template `inner` runs a P0 x P1 grid of PEs, each scaling one tile
// of an 8 x 8 matrix; the top region runs two instances of it, one per
// grid size, as two processes.
#include <allo/allo.h>

constexpr int S = 8;

template <int P0, int P1>
[[allo::kernel(mapping(P0, P1))]]
void scale(const int in[S][S], int out[S][S], int factor) {
  auto [pi, pj] = allo::get_pid<2>();
  for (int i = 0; i < S / P0; i++)
    for (int j = 0; j < S / P1; j++)
      out[pi * (S / P0) + i][pj * (S / P1) + j] =
          in[pi * (S / P0) + i][pj * (S / P1) + j] * factor + pi - pj;
}

template <int P0, int P1>
[[allo::region]]
void inner(const int in[S][S], int out[S][S], int factor) {
  scale<P0, P1>(in, out, factor);
}

[[allo::region]]
void top(const int A[S][S], int B[S][S], int C[S][S]) {
  inner<2, 2>(A, B, 3);
  inner<4, 4>(A, C, 5);
}
