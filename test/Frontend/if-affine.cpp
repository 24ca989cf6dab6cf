// `if` whose condition is a conjunction of affine comparisons (<, <=, >, >=,
// ==, joined by &&) becomes affine.if on an integer set; else branches are
// kept.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s

constexpr int N = 8;

// One constraint per comparison, each as `expr >= 0` or `expr == 0`.
// CHECK-DAG: #[[LTLE:set[0-9]*]] = affine_set<(d0, d1) : (d0 - d1 - 1 >= 0, -d0 + 5 >= 0)>
// CHECK-DAG: #[[EQ:set[0-9]*]] = affine_set<(d0, d1) : (d0 - d1 == 0)>
// CHECK-DAG: #[[GE:set[0-9]*]] = affine_set<(d0, d1) : (d0 - d1 >= 0)>
// CHECK-DAG: #[[GT:set[0-9]*]] = affine_set<(d0, d1) : (d0 * 2 - d1 - 4 >= 0)>
// CHECK-DAG: #[[UNS:set[0-9]*]] = affine_set<(d0) : (-d0 + 2 >= 0)>

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<8x8xi32>
// CHECK-SAME: %[[NP:arg1]]: i32
void f(int A[N][N], int n) {
  // CHECK: %[[NS:.*]] = arith.index_cast %[[NP]] : i32 to index
  // CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= 0 to 8 {
  // CHECK: affine.for %[[J:arg[0-9]+]] {{.*}}= 0 to 8 {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      // i < j && j <= 5
      // CHECK: affine.if #[[LTLE]](%[[J]], %[[I]]) {
      // CHECK-NEXT: arith.constant 1 : i32
      // CHECK-NEXT: affine.store
      // CHECK-NEXT: }
      if (i < j && j <= 5)
        A[i][j] = 1;
      // CHECK: affine.if #[[EQ]](%[[I]], %[[J]]) {
      // CHECK-NEXT: arith.constant 2 : i32
      // CHECK-NEXT: affine.store
      // CHECK-NEXT: } else {
      // CHECK-NEXT: arith.constant 3 : i32
      // CHECK-NEXT: affine.store
      // CHECK-NEXT: }
      if (i == j)
        A[i][j] = 2;
      else
        A[i][j] = 3;
      // A symbol on the right.
      // CHECK: affine.if #[[GE]](%[[I]], %[[NS]]) {
      if (i >= n)
        A[i][j] = 4;
      // Affine expressions on both sides: 2*i > j + 3.
      // CHECK: affine.if #[[GT]](%[[I]], %[[J]]) {
      if (2 * i > j + 3)
        A[i][j] = 5;
      // An unsigned comparison of provably non-negative values.
      // CHECK: affine.if #[[UNS]](%[[J]]) {
      if ((unsigned)j < 3u)
        A[i][j] = 6;
    }
  // CHECK: return
}
