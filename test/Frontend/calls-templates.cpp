// Calls to functions of the translation unit become func.call (arrays are
// passed whole, as the same memref); every callee is raised once; template
// functions are raised once per instantiation under a readable symbol with
// allo.source_name; same-named functions in other namespaces get a suffix.
// RUN: allo-rewrite %s --top top -- -std=c++17 | FileCheck %s
// RUN: allo-rewrite %s --top top -- -std=c++17 | FileCheck %s --check-prefix=ONCE
#include <cstdint>

template <typename T, int N>
T dot(const T a[N], const T b[N]) {
  T s = 0;
  for (int i = 0; i < N; i++)
    s += a[i] * b[i];
  return s;
}

static void scale(float A[4], float k) {
  for (int i = 0; i < 4; i++)
    A[i] *= k;
}

namespace ns {
int sq(int x) { return x * x; }
} // namespace ns
namespace other {
int sq(int x) { return x + x; }
} // namespace other

// CHECK-LABEL: func.func @top(
// CHECK-SAME: %[[A:arg0]]: memref<8xi32>
// CHECK-SAME: %[[B:arg1]]: memref<8xi32>
// CHECK-SAME: %[[X:arg2]]: memref<4xf32>
// CHECK-SAME: %[[Y:arg3]]: memref<4xf32>
// CHECK-SAME: %[[Z:arg4]]: memref<4xf32>
// CHECK-SAME: allo.top
// CHECK: %[[R:.*]] = call @dot_int_8(%[[A]], %[[B]]) : (memref<8xi32>, memref<8xi32>) -> i32
// CHECK: %[[Q:.*]] = call @dot_float_4(%[[X]], %[[Y]]) : (memref<4xf32>, memref<4xf32>) -> f32
// CHECK: call @scale(%[[Z]], %[[Q]]) : (memref<4xf32>, f32) -> ()
// CHECK: %[[TWO:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: call @scale(%[[Z]], %[[TWO]]) : (memref<4xf32>, f32) -> ()
// CHECK: call @sq(
// CHECK: call @sq_1(
// CHECK: %[[R2:.*]] = call @dot_int_8(%[[B]], %[[A]])
int top(const int a[8], const int b[8], const float x[4], const float y[4], float Z[4]) {
  int r = dot<int, 8>(a, b);
  float q = dot<float, 4>(x, y);
  scale(Z, q);
  scale(Z, 2.0f);
  return r + ns::sq(3) + other::sq(4) + dot<int, 8>(b, a);
}

// The callees, each raised once, after the top function.
// CHECK-LABEL: func.func @dot_int_8(
// CHECK-SAME: memref<8xi32> {allo.ctype = "const int[8]", allo.name = "a"}
// CHECK-SAME: -> i32
// CHECK-SAME: allo.source_name = "dot<...>"
// CHECK-NOT: allo.top
// CHECK: affine.for
// CHECK: arith.muli
// CHECK-LABEL: func.func @dot_float_4(
// CHECK-SAME: allo.source_name = "dot<...>"
// CHECK: arith.mulf
// A static function is marked.
// CHECK-LABEL: func.func @scale(
// CHECK-SAME: allo.static
// CHECK-LABEL: func.func @sq(
// CHECK: arith.muli
// CHECK-LABEL: func.func @sq_1(
// CHECK-SAME: allo.source_name = "sq"
// CHECK: arith.addi

// ONCE-COUNT-1: func.func @dot_int_8(
// ONCE-NOT: func.func @dot_int_8(
