// Subscripts that are not affine give memref.load / memref.store with index
// values computed in C++ arithmetic: data-dependent subscripts, products of
// variables, and `/` or `%` of values that may be negative (C++ truncates
// toward zero, floordiv does not).
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s

constexpr int N = 8;

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[B:arg0]]: memref<64xi32>
// CHECK-SAME: %[[C:arg1]]: memref<8xi32>
// CHECK-SAME: %[[NP:arg2]]: i32
// CHECK-SAME: %[[MP:arg3]]: i32
// CHECK-SAME: %[[UP:arg4]]: i32
void f(int B[64], int C[N], int n, int m, unsigned u) {
  // CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= 0 to 8 {
  // CHECK: affine.for %[[J:arg[0-9]+]] {{.*}}= 0 to 8 {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      // i * j: a product of two loop variables.
      // CHECK: %[[IV:.*]] = arith.index_cast %[[I]] : index to i32
      // CHECK-NEXT: %[[JV:.*]] = arith.index_cast %[[J]] : index to i32
      // CHECK-NEXT: %[[P:.*]] = arith.muli %[[IV]], %[[JV]] : i32
      // CHECK-NEXT: %[[PI:.*]] = arith.index_cast %[[P]] : i32 to index
      // CHECK-NEXT: memref.store %{{.*}}, %[[B]][%[[PI]]] : memref<64xi32>
      B[i * j] = 1;
      // A subscript read from memory (the read itself is affine).
      // CHECK: %[[CV:.*]] = affine.load %[[C]][%[[I]]] : memref<8xi32>
      // CHECK-NEXT: %[[CI:.*]] = arith.index_cast %[[CV]] : i32 to index
      // CHECK-NEXT: memref.store %{{.*}}, %[[B]][%[[CI]]] : memref<64xi32>
      B[C[i]] = 2;
      // (i - 4) / 2 and (i - 4) % 3 can be negative: C++ division.
      // CHECK: arith.subi
      // CHECK-NEXT: arith.constant 2 : i32
      // CHECK-NEXT: arith.divsi
      // CHECK: memref.store
      B[(i - 4) / 2 + 4] = 3;
      // CHECK: arith.subi
      // CHECK-NEXT: arith.constant 3 : i32
      // CHECK-NEXT: arith.remsi
      // CHECK: memref.store
      B[(i - 4) % 3 + 4] = 4;
      // A symbol of unknown sign divided.
      // CHECK: %[[ND:.*]] = arith.divsi %[[NP]], %{{.*}} : i32
      // CHECK-NEXT: %[[NDI:.*]] = arith.index_cast %[[ND]] : i32 to index
      // CHECK-NEXT: memref.store %{{.*}}, %[[B]][%[[NDI]]]
      B[n / 2] = 5;
      // A product of two symbols.
      // CHECK: arith.muli %[[NP]], %[[MP]] : i32
      // CHECK: memref.store
      B[n * m] = 6;
      // Unsigned values are converted with index_castui; u - 1 may wrap.
      // CHECK: %[[UM:.*]] = arith.subi %[[UP]], %{{.*}} : i32
      // CHECK-NEXT: %[[UMI:.*]] = arith.index_castui %[[UM]] : i32 to index
      // CHECK-NEXT: memref.store %{{.*}}, %[[B]][%[[UMI]]]
      B[u - 1] = 7;
      // Reads are memref.load the same way.
      // CHECK: memref.load %[[B]][%{{.*}}] : memref<64xi32>
      C[j] = B[i * j + C[j]];
    }
  // CHECK: return
}
