// Steps other than 1 (`+=`, `i = i + k`, `i = k + i`) and decreasing loops
// (`>`, `>=`, `--`, `-=`): a decreasing loop is normalised to a 0-based
// counter k with i = start - step * k and trip count (start - end) / step + 1.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s

constexpr int N = 16;

// CHECK-DAG: #[[DEC:map[0-9]*]] = affine_map<(d0) -> (-d0 + 7)>
// CHECK-DAG: #[[ZERO:map[0-9]*]] = affine_map<(d0) -> (0)>
// CHECK-DAG: #[[TRI:map[0-9]*]] = affine_map<(d0) -> (d0 + 1)>

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<16xi32>
void f(int A[N], int B[N][N]) {
  // CHECK: affine.for %{{.*}} = 0 to 16 step 4 {
  for (int i = 0; i < N; i += 4)
    A[i] = 1;
  // CHECK: affine.for %{{.*}} = 1 to 16 step 3 {
  for (int i = 1; i < N; i = i + 3)
    A[i] = 2;
  // CHECK: affine.for %{{.*}} = 0 to 16 step 5 {
  for (int i = 0; i < N; i = 5 + i)
    A[i] = 3;

  // i = 15, 14, ..., 0: 16 iterations, i = 15 - k.
  // CHECK: affine.for %[[K:arg[0-9]+]] {{.*}}= 0 to 16 {
  // CHECK-NEXT: arith.constant 4 : i32
  // CHECK-NEXT: affine.store %{{.*}}, %[[A]][-%[[K]] + 15]
  for (int i = N - 1; i >= 0; i--)
    A[i] = 4;

  // i = 16, 13, 10, 7, 4, 1 (`>`): 6 iterations, i = 16 - 3k.
  // CHECK: affine.for %[[K:arg[0-9]+]] {{.*}}= 0 to 6 {
  // CHECK-NEXT: arith.constant 5 : i32
  // CHECK-NEXT: affine.store %{{.*}}, %[[A]][%[[K]] * -3 + 15]
  for (int i = N; i > 0; i -= 3)
    A[i - 1] = 5;

  // i = 10, 8, 6, 4, 2: 5 iterations.
  // CHECK: affine.for %[[K:arg[0-9]+]] {{.*}}= 0 to 5 {
  // CHECK-NEXT: arith.constant 6 : i32
  // CHECK-NEXT: affine.store %{{.*}}, %[[A]][%[[K]] * -2 + 10]
  for (int i = 10; i >= 2; i = i - 2)
    A[i] = 6;

  // The value of a decreasing variable is materialised from the counter.
  // CHECK: affine.for %[[K:arg[0-9]+]] {{.*}}= 0 to 8 {
  // CHECK-NEXT: %[[V:.*]] = affine.apply #[[DEC]](%[[K]])
  // CHECK-NEXT: %[[VI:.*]] = arith.index_cast %[[V]] : index to i32
  // CHECK-NEXT: affine.store %[[VI]], %[[A]][-%[[K]] + 7]
  for (int i = 7; i >= 0; --i)
    A[i] = i;

  // A decreasing inner loop bounded by the outer variable (triangular):
  // j = i, i-1, ..., 0 has i + 1 iterations.
  // CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= 0 to 16 {
  // CHECK-NEXT: affine.for %[[K:arg[0-9]+]] {{.*}}= #[[ZERO]](%[[I]]) to #[[TRI]](%[[I]]) {
  // CHECK: affine.store %{{.*}}, %arg1[%[[I]], %[[I]] - %[[K]]]
  for (int i = 0; i < N; i++)
    for (int j = i; j >= 0; j--)
      B[i][j] = 7;
}
