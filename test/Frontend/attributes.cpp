// allo:: attributes on functions, loops (affine.for, scf.for and scf.while
// alike), parameters and local arrays become allo.* attributes. Without
// --top, every [[allo::kernel]] and [[allo::region]] function is a top.
// RUN: allo-rewrite %s -- -std=c++17 | FileCheck %s
#include <allo/allo.h>

[[allo::pipeline(ii = 3)]] void pf(int A[4]) {
  for (int i = 0; i < 4; i++)
    A[i] = 0;
}
[[allo::inline]] void inl(int A[4]) { A[0] = 1; }
[[allo::inline(off)]] void noinl(int A[4]) { A[0] = 1; }
[[allo::dataflow]] void df(int A[4]) {
  pf(A);
  inl(A);
  noinl(A);
}

// CHECK-LABEL: func.func @reg(
// CHECK-SAME: attributes {allo.region, allo.top}
[[allo::region]] void reg(int A[4]) { df(A); }

// CHECK-LABEL: func.func @pe(
// CHECK-SAME: memref<4x4xi32> {allo.ctype = "int[4][4]", allo.name = "A"}
// Several partitions of one array are all kept, in order.
// CHECK-SAME: allo.partition = [#allo.partition<cyclic, factor = 2, dim = 1>, #allo.partition<block, factor = 4, dim = 2>]
// CHECK-SAME: allo.partition = [#allo.partition<complete, dim = 0>]
// CHECK-SAME: attributes {allo.kernel, allo.top}
[[allo::kernel]] void pe(
    int A[4][4],
    [[allo::partition(type = cyclic, factor = 2, dim = 1)]]
    [[allo::partition(type = block, factor = 4, dim = 2)]] int B[4][4],
    [[allo::partition]] int C[4]) {
  // A partitioned local array.
  // CHECK: memref.alloca() {{.*}}allo.name = "L", allo.partition = [#allo.partition<block, factor = 2, dim = 1>]} : memref<8xi32>
  [[allo::partition(type = block, factor = 2, dim = 1)]] int L[8];
  // CHECK: affine.for
  // CHECK: } {{.*}}allo.pipeline_ii = 1 : i64, allo.pipeline_rewind
  [[allo::pipeline(ii = 1, rewind)]] for (int i = 0; i < 4; i++)
    C[i] = 0;
  // Unroll without a factor is full (0).
  // CHECK: } {{.*}}allo.unroll = 0 : i64
  [[allo::unroll]] for (int i = 0; i < 4; i++)
    C[i] = 1;
  // CHECK: } {{.*}}allo.unroll = 2 : i64
  [[allo::unroll(factor = 2)]] for (int i = 0; i < 4; i++)
    C[i] = 2;
  // CHECK: } {{.*}}allo.flatten
  [[allo::flatten]] for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++)
      B[i][j] = A[i][j];
  // CHECK: } {{.*}}allo.dataflow
  [[allo::dataflow]] for (int i = 0; i < 4; i++)
    C[i] = 3;
  int w = 0;
  // On a while loop.
  // CHECK: scf.while
  // CHECK: } attributes {{.*}}allo.pipeline_ii = 1 : i64
  [[allo::pipeline]] while (w < 4) {
    C[w] = 4;
    w++;
  }
  // On an scf.for (the bound w is assigned, so it is no symbol).
  // CHECK: scf.for
  // CHECK: } {{.*}}allo.pipeline_ii = 2 : i64
  [[allo::pipeline(ii = 2)]] for (int i = 0; i < w; i++)
    C[i & 3] = 5;
  L[0] = w;
  C[1] = L[0];
}

// CHECK-LABEL: func.func @k2(
// CHECK-SAME: attributes {allo.kernel, allo.top}
[[allo::kernel]] void k2(int A[4]) { reg(A); }

// The callees carry their function attributes (and are not tops).
// CHECK-LABEL: func.func @df(
// CHECK-SAME: attributes {allo.dataflow}
// CHECK-LABEL: func.func @pf(
// CHECK-SAME: attributes {allo.pipeline_ii = 3 : i64}
// CHECK-LABEL: func.func @inl(
// CHECK-SAME: attributes {allo.inline = 1 : i64}
// CHECK-LABEL: func.func @noinl(
// CHECK-SAME: attributes {allo.inline = 0 : i64}
