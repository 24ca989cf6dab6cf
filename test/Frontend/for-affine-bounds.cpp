// Canonical for loops with affine bounds become affine.for: constant bounds,
// bounds on outer induction variables (triangular nests), symbols (never
// reassigned scalar parameters), `<` and `<=` in either operand order.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s
#include <cstddef>
#include <cstdint>

constexpr int N = 16;
constexpr std::size_t SN = 8;

// CHECK-DAG: #[[ID:map[0-9]*]] = affine_map<(d0) -> (d0)>
// CHECK-DAG: #[[PLUS1:map[0-9]*]] = affine_map<(d0) -> (d0 + 1)>
// CHECK-DAG: #[[ZERO:map[0-9]*]] = affine_map<(d0) -> (0)>
// CHECK-DAG: #[[SIXTEEN:map[0-9]*]] = affine_map<(d0) -> (16)>
// CHECK-DAG: #[[TWOP:map[0-9]*]] = affine_map<(d0) -> (d0 * 2 + 1)>

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<16x16xi32>
// CHECK-SAME: %[[NP:arg1]]: i32
void f(int A[N][N], int n) {
  // The parameter is a symbol: its index value is made once, at the top.
  // CHECK: %[[NIDX:.*]] = arith.index_cast %[[NP]] : i32 to index

  // CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= 0 to 16 {
  // CHECK: affine.for %[[J:arg[0-9]+]] {{.*}}= 0 to 16 {
  // CHECK: affine.store %{{.*}}, %[[A]][%[[I]], %[[J]]]
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++)
      A[i][j] = 0;

  // Triangular: j from i to N-1 inclusive, and j from 0 to i inclusive.
  // CHECK: affine.for %[[I2:arg[0-9]+]] {{.*}}= 0 to 16 {
  // CHECK: affine.for %[[J2:arg[0-9]+]] {{.*}}= #[[ID]](%[[I2]]) to #[[SIXTEEN]](%[[I2]]) {
  // CHECK: affine.for %[[K2:arg[0-9]+]] {{.*}}= #[[ZERO]](%[[I2]]) to #[[PLUS1]](%[[I2]]) {
  for (int i = 0; i < N; i++) {
    for (int j = i; j <= N - 1; j++)
      A[i][j] += 1;
    for (int k = 0; k <= i; k++)
      A[k][i] += 2;
  }

  // A symbol bound, and a bound written on the left (`2*n+1 > i`).
  // CHECK: affine.for %{{.*}} = #[[ZERO]](%[[NIDX]]) to #[[ID]](%[[NIDX]]) {
  for (int i = 0; i < n; i++)
    A[0][i] = 3;
  // CHECK: affine.for %{{.*}} = #[[ZERO]](%[[NIDX]]) to #[[TWOP]](%[[NIDX]]) {
  for (int i = 0; 2 * n + 1 > i; ++i)
    A[1][i] = 4;

  // `<=` adds one to the bound; a non-zero start is the lower bound.
  // CHECK: affine.for %{{.*}} = 3 to 11 {
  for (int i = 3; i <= 10; i++)
    A[2][i] = 5;

  // Unsigned and size_t bounds with a signed variable that provably stays
  // non-negative, and narrow unsigned variables whose bound fits the type,
  // are still affine.
  // CHECK: affine.for %{{.*}} = 0 to 8 {
  for (int i = 0; i < SN; i++)
    A[3][i] = 6;
  // CHECK: affine.for %{{.*}} = 0 to 16 {
  for (uint8_t i = 0; i < 16; i++)
    A[4][i] = 7;
  // CHECK: affine.for %{{.*}} = 1 to 16 {
  for (unsigned i = 1; i < 16u; i++)
    A[5][i] = 8;
  // CHECK: return
}
