// Subscripts that are affine in loop variables, symbols and constants give
// affine.load / affine.store with the expression in the access map.
// `/` and `%` by a positive constant stay affine (floordiv / mod) when the
// dividend is provably non-negative.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s

constexpr int N = 8;

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<8x8xi32>
// CHECK-SAME: %[[B:arg1]]: memref<64xi32>
// CHECK-SAME: %[[NP:arg2]]: i32
void f(int A[N][N], int B[64], int n, unsigned u) {
  // CHECK: %[[NS:.*]] = arith.index_cast %[[NP]] : i32 to index
  // CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= 0 to 8 {
  // CHECK: affine.for %[[J:arg[0-9]+]] {{.*}}= 0 to 8 {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      // CHECK: affine.load %[[A]][%[[J]], %[[I]]] : memref<8x8xi32>
      // CHECK: affine.store %{{.*}}, %[[A]][%[[I]], %[[J]]] : memref<8x8xi32>
      A[i][j] = A[j][i];
      // Linearised, reversed, shifted by a symbol, scaled by a shift.
      // CHECK: affine.store %{{.*}}, %[[B]][%[[I]] * 8 + %[[J]]]
      B[i * N + j] = 1;
      // CHECK: affine.store %{{.*}}, %[[A]][-%[[I]] + 7, %[[J]]]
      A[N - 1 - i][j] = 2;
      // CHECK: affine.store %{{.*}}, %[[B]][%[[NS]] + %[[I]]]
      B[n + i] = 3;
      // CHECK: affine.store %{{.*}}, %[[B]][%[[I]] * 4]
      B[i << 2] = 4;
      // Division and remainder of non-negative values.
      // CHECK: affine.store %{{.*}}, %[[B]][(%[[I]] + %[[J]]) floordiv 2]
      B[(i + j) / 2] = 5;
      // CHECK: affine.store %{{.*}}, %[[B]][(%[[I]] * 8 + %[[J]]) mod 7]
      B[(i * 8 + j) % 7] = 6;
      // i - j + 7 is in [0, 14]: still non-negative.
      // CHECK: affine.store %{{.*}}, %[[B]][(%[[I]] - %[[J]] + 7) floordiv 2]
      B[(i - j + 7) / 2] = 7;
      // Unsigned subtraction that cannot wrap (i + 1 - 1 >= 0).
      // CHECK: affine.store %{{.*}}, %[[B]][%[[I]]]
      B[(unsigned)i + 1u - 1u] = 8;
      // An immutable local initialised by an affine expression is affine.
      // CHECK: affine.load %[[B]][%[[I]] * 2 + %[[J]] + 1]
      int t = 2 * i + j + 1;
      A[i][j] += B[t];
    }
  // An unsigned loop variable minus one, when the loop starts at 1.
  // CHECK: affine.for %[[K:arg[0-9]+]] {{.*}}= 1 to 64 {
  // CHECK-NEXT: affine.load %[[B]][%[[K]] - 1]
  // CHECK-NEXT: affine.store %{{.*}}, %[[B]][%[[K]]]
  for (unsigned k = 1; k < 64; k++)
    B[k] = B[k - 1];
  // CHECK: return
}
