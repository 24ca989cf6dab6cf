// Attribute arguments may use constexpr variables and template parameters;
// they are evaluated per instantiation.
// RUN: allo-rewrite %s -- -std=c++17 | FileCheck %s
// mapping(...) is evaluated (II + 2 = 4): the grid has 4 x 5 PEs.
// RUN: allo-rewrite %s --top region -- -std=c++17 -DMAPPING | FileCheck %s --check-prefix=MAP
// MAP: allo.pe_index = array<i64: 0, 0>
// MAP: allo.pe_index = array<i64: 3, 4>
// MAP-NOT: allo.pe_index
#include <allo/allo.h>

constexpr int II = 2;
namespace cfg { constexpr int Unroll = 4; }

template <int M, int N>
void grid(int A[M][N]) {
  [[allo::pipeline(ii = II * 2)]] for (int i = 0; i < M; i++)
    [[allo::unroll(factor = cfg::Unroll + N - 8)]] for (int j = 0; j < N; j++)
      A[i][j] = i + j;
}

// CHECK-LABEL: func.func @top
// CHECK-SAME: allo.kernel
[[allo::kernel]]
void top(int A[4][8]) { grid<4, 8>(A); }

#ifdef MAPPING
[[allo::kernel(mapping(II + 2, 5))]] void pe(int A[4][8]) {
  auto [i, j] = allo::get_pid<2>();
  A[i][j] = i + j;
}
[[allo::region]] void region(int A[4][8]) { pe(A); }
#endif

// CHECK-LABEL: func.func @grid_4_8
// CHECK: affine.for
// CHECK: affine.for
// CHECK: allo.name = "j", allo.unroll = 4 : i64
// CHECK: allo.name = "i", allo.pipeline_ii = 4 : i64
