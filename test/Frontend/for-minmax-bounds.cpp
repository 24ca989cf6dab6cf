// std::max in a lower bound and std::min in an upper bound become the
// max/min of an affine.for bound map (tiling with a partial last tile).
// RUN: allo-rewrite %s --top tiled -- -std=c++17 | FileCheck %s
#include <algorithm>

constexpr int N = 20;
constexpr int T = 8;

// CHECK-DAG: #[[LB:map[0-9]*]] = affine_map<(d0) -> (d0 - 2, 0)>
// CHECK-DAG: #[[UB:map[0-9]*]] = affine_map<(d0) -> (d0 + 8, 20)>
// CHECK-DAG: #[[LB3:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1, 1)>
// CHECK-DAG: #[[UB3:map[0-9]*]] = affine_map<(d0, d1) -> (d0 + 5, d1 + 3, 19)>

// CHECK-LABEL: func.func @tiled(
void tiled(int A[N], int B[N], int m) {
  // CHECK: %[[M:.*]] = arith.index_cast %arg2 : i32 to index
  // CHECK: affine.for %[[T:arg[0-9]+]] {{.*}}= 0 to 20 step 8 {
  // CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= max #[[LB]](%[[T]]) to min #[[UB]](%[[T]]) {
  // CHECK: affine.store %{{.*}}, %arg1[%[[I]]]
  for (int t = 0; t < N; t += T)
    for (int i = std::max(t - 2, 0); i < std::min(t + T, N); i++)
      B[i] = A[i];

  // Nested std::max/std::min calls flatten into one list; symbols and loop
  // variables share the operand list; `<=` adds one to every upper bound.
  // CHECK: affine.for %[[J:arg[0-9]+]] {{.*}}= 0 to 4 {
  // CHECK: affine.for %{{.*}} = max #[[LB3]](%[[J]], %[[M]]) to min #[[UB3]](%[[J]], %[[M]]) {
  for (int j = 0; j < 4; j++)
    for (int i = std::max(std::max(j, m), 1); i <= std::min(j + 4, std::min(m + 2, N - 2)); i++)
      B[i] = 0;
}
