// Canonical for loops whose bound is loop-invariant but not affine become
// scf.for: a scalar that is assigned somewhere (so it is no symbol), or a
// bound computed from several scalars. The bound is compared in the type of
// the C++ comparison, never truncated to the variable's type.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s
#include <cstdint>

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<64xi32>
// CHECK-SAME: %[[N:arg1]]: i32
// CHECK-SAME: %[[M:arg2]]: i32
// CHECK-SAME: %[[L:arg3]]: i64
// CHECK-SAME: %[[U:arg4]]: i32
void f(int A[64], int n, int m, int64_t L, unsigned u) {
  // CHECK-DAG: %[[NMEM:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "n"} : memref<i32>
  // CHECK-DAG: %[[LMEM:.*]] = memref.alloca() {allo.ctype = "int64_t", allo.name = "L"} : memref<i64>
  // CHECK-DAG: %[[UMEM:.*]] = memref.alloca() {allo.ctype = "unsigned int", allo.name = "u", allo.unsigned} : memref<i32>
  if (n > 64)
    n = 64;
  L = L / 2;
  u = u >> 1;

  // The bound is read once, before the loop; the variable is an index_cast of
  // the scf.for induction variable, so subscripts on it are memref accesses.
  // CHECK: %[[LB:.*]] = arith.index_cast %{{.*}} : i32 to index
  // CHECK: %[[NV:.*]] = affine.load %[[NMEM]][] : memref<i32>
  // CHECK: %[[UB:.*]] = arith.index_cast %[[NV]] : i32 to index
  // CHECK: %[[ONE:.*]] = arith.constant 1 : index
  // CHECK: scf.for %[[IV:arg[0-9]+]] = %[[LB]] to %[[UB]] step %[[ONE]] {
  // CHECK-NEXT: %[[I:.*]] = arith.index_cast %[[IV]] : index to i32
  // CHECK-NEXT: %[[IDX:.*]] = arith.index_cast %[[I]] : i32 to index
  // CHECK-NEXT: memref.store %[[I]], %[[A]][%[[IDX]]] : memref<64xi32>
  // CHECK-NEXT: }
  for (int i = 0; i < n; i++)
    A[i] = i;

  // A product of two symbols is not affine; `<=` adds one; step 2.
  // CHECK: %[[P:.*]] = arith.muli %[[N2:.*]], %[[M]] : i32
  // CHECK-NEXT: %[[PI:.*]] = arith.index_cast %[[P]] : i32 to index
  // CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
  // CHECK-NEXT: %[[PI1:.*]] = arith.addi %[[PI]], %[[C1]] : index
  // CHECK-NEXT: %[[TWO:.*]] = arith.constant 2 : index
  // CHECK-NEXT: scf.for %{{.*}} = %{{.*}} to %[[PI1]] step %[[TWO]] {
  for (int i = 0; i <= n * m; i += 2)
    A[i & 63] = 1;

  // An int64 bound with an int variable: compared as int64, no trunci.
  // CHECK: %[[LV:.*]] = affine.load %[[LMEM]][] : memref<i64>
  // CHECK-NOT: arith.trunci
  // CHECK: %[[LI:.*]] = arith.index_cast %[[LV]] : i64 to index
  // CHECK: scf.for %{{.*}} = %{{.*}} to %[[LI]] step
  for (int i = 0; i < L; i++)
    A[i & 63] = 2;

  // Unsigned: index_castui and an unsigned scf.for.
  // CHECK: %[[UV:.*]] = affine.load %[[UMEM]][] : memref<i32>
  // CHECK: %[[UI:.*]] = arith.index_castui %[[UV]] : i32 to index
  // CHECK: scf.for unsigned %[[UIV:arg[0-9]+]] = %{{.*}} to %[[UI]] step
  // CHECK-NEXT: arith.index_castui %[[UIV]] : index to i32
  for (unsigned i = 0; i < u; i++)
    A[i & 63] = 3;
  // CHECK: return
}
