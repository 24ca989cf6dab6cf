// Attribute arguments may use constexpr variables and template parameters;
// they are evaluated per instantiation.
// RUN: allo-rewrite %s -- -std=c++17 | FileCheck %s
// mapping(...) is evaluated (II + 2 = 4) before it is refused as not implemented:
// RUN: not allo-rewrite %s -- -std=c++17 -DMAPPING 2>&1 | FileCheck %s --check-prefix=MAP
// MAP: template-args.cpp:{{[0-9]+}}:{{[0-9]+}}: error: not implemented yet: PE-grid kernels ({{\[\[}}allo::kernel(mapping(4, 5)){{\]\]}})
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
#ifdef MAPPING
[[allo::kernel(mapping(II + 2, 5))]]
#else
[[allo::kernel]]
#endif
void top(int A[4][8]) { grid<4, 8>(A); }

// CHECK-LABEL: func.func @grid_4_8
// CHECK: affine.for
// CHECK: affine.for
// CHECK: allo.name = "j", allo.unroll = 4 : i64
// CHECK: allo.name = "i", allo.pipeline_ii = 4 : i64
