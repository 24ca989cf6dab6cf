// Conditions that are not a conjunction of affine comparisons become scf.if
// on an i1: `!=`, `||`, negation, data-dependent values, floats, bools, and
// comparisons whose C++ meaning differs from the mathematical one.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s --check-prefix=NOAFFINEIF
// NOAFFINEIF-NOT: affine.if

constexpr int N = 8;

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<8x8xi32>
// CHECK-SAME: %[[U:arg1]]: i32
// CHECK-SAME: %[[X:arg2]]: f32
// CHECK-SAME: %[[B:arg3]]: i1
void f(int A[N][N], unsigned u, float x, bool b) {
  // CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= 0 to 8 {
  // CHECK: affine.for %[[J:arg[0-9]+]] {{.*}}= 0 to 8 {
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) {
      // CHECK: %[[I1:.*]] = arith.index_cast %[[I]] : index to i32
      // CHECK-NEXT: %[[J1:.*]] = arith.index_cast %[[J]] : index to i32
      // CHECK-NEXT: %[[NE:.*]] = arith.cmpi ne, %[[I1]], %[[J1]] : i32
      // CHECK-NEXT: scf.if %[[NE]] {
      if (i != j)
        A[i][j] = 1;
      // `||` of simple operands: both evaluated, then ori.
      // CHECK: %[[LT:.*]] = arith.cmpi slt, %{{.*}}, %{{.*}} : i32
      // CHECK: %[[GT:.*]] = arith.cmpi sgt, %{{.*}}, %{{.*}} : i32
      // CHECK-NEXT: %[[OR:.*]] = arith.ori %[[LT]], %[[GT]] : i1
      // CHECK-NEXT: scf.if %[[OR]] {
      if (i < 2 || j > 5)
        A[i][j] = 2;
      // CHECK: %[[V:.*]] = affine.load %[[A]][%[[I]], %[[J]]]
      // CHECK-NEXT: %[[Z:.*]] = arith.constant 0 : i32
      // CHECK-NEXT: %[[POS:.*]] = arith.cmpi sgt, %[[V]], %[[Z]] : i32
      // CHECK-NEXT: scf.if %[[POS]] {
      // CHECK: } else {
      if (A[i][j] > 0)
        A[i][j] = 3;
      else
        A[i][j] = -3;
      // Negation.
      // CHECK: arith.cmpi slt
      // CHECK-NEXT: %[[TRUE:.*]] = arith.constant true
      // CHECK-NEXT: %[[NOT:.*]] = arith.xori %{{.*}}, %[[TRUE]] : i1
      // CHECK-NEXT: scf.if %[[NOT]] {
      if (!(i < j))
        A[i][j] = 4;
      // An unsigned parameter of unknown range: i converts to unsigned.
      // CHECK: %[[ULT:.*]] = arith.cmpi ult, %{{.*}}, %[[U]] : i32
      // CHECK-NEXT: scf.if %[[ULT]] {
      if ((unsigned)i < u)
        A[i][j] = 5;
      // Floating-point and bool conditions.
      // CHECK: %[[FC:.*]] = arith.cmpf ogt, %[[X]], %{{.*}} : f32
      // CHECK-NEXT: scf.if %[[FC]] {
      if (x > 0.5f)
        A[i][j] = 6;
      // CHECK: scf.if %[[B]] {
      if (b)
        A[i][j] = 7;
      // An integer used as a condition is compared with zero.
      // CHECK: %[[W:.*]] = affine.load %[[A]][%[[J]], %[[I]]]
      // CHECK-NEXT: %[[Z2:.*]] = arith.constant 0 : i32
      // CHECK-NEXT: %[[NZ:.*]] = arith.cmpi ne, %[[W]], %[[Z2]] : i32
      // CHECK-NEXT: scf.if %[[NZ]] {
      if (A[j][i])
        A[i][j] = 8;
    }
  // CHECK: return
}
