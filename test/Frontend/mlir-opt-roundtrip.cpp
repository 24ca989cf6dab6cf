// The raised module uses only upstream dialects (func, affine, scf, arith,
// math, memref) plus discardable allo.* attributes, so plain mlir-opt parses
// and verifies it (with --allow-unregistered-dialect for the attribute
// #allo.partition, kept opaque), and the constructs survive the round trip;
// allo-opt knows the dialect.
// RUN: allo-rewrite %s | %mlir_opt --allow-unregistered-dialect | FileCheck %s
// RUN: allo-rewrite %s | allo-opt | FileCheck %s
// RUN: allo-rewrite %s | %mlir_opt --allow-unregistered-dialect --canonicalize | FileCheck %s --check-prefix=CANON
#include <allo/allo.h>
#include <cmath>

constexpr float T[4] = {0.5f, 1.0f, 1.5f, 2.0f};

float helper(float v) { return std::sqrt(v) + T[1]; }

// CHECK: memref.global "private" constant @T : memref<4xf32>
// CHECK-LABEL: func.func @kernel(
// CHECK-SAME: allo.kernel
// CHECK: affine.for
// CHECK: affine.if
// CHECK: affine.load
// CHECK: scf.while
// CHECK: scf.if
// CHECK: memref.load
// CHECK: math.exp
// CHECK: call @helper
// CHECK-LABEL: func.func @helper(
// CHECK: math.sqrt
// CANON-LABEL: func.func @kernel(
// CANON: return
[[allo::kernel]] void kernel([[allo::partition(type = cyclic, factor = 2, dim = 1)]] float A[8][8],
                             int B[8], int n) {
  [[allo::pipeline(ii = 1)]] for (int i = 0; i < 8; i++)
    for (int j = 0; j <= i; j++)
      if (i > j + 1)
        A[i][j] = A[j][i] * T[j % 4];
  int k = 0;
  while (k < n && B[k & 7] != 0) {
    if (B[k & 7] > 3)
      break;
    B[B[k & 7] & 7] = k;
    k++;
  }
  A[0][0] = std::exp(A[0][1]) + helper(A[1][1]);
}
