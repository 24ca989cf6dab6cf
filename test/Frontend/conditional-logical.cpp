// `?:` is arith.select when both arms are simple (no memory, call, division
// or side effect), else an scf.if yielding the value so that only one arm
// runs. `&&`/`||` are andi/ori when the right side is simple, else scf.if
// (short-circuit): the right side then runs only when it decides the result.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s

int g(int v) { return v + 1; }

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<8xi32>
// CHECK-SAME: %[[X:arg1]]: i32
// CHECK-SAME: %[[B:arg2]]: memref<8xi1>
void f(int A[8], int x, bool B[8]) {
  // CHECK: %[[Z:.*]] = arith.constant 0 : i32
  // CHECK-NEXT: %[[C:.*]] = arith.cmpi sgt, %[[X]], %[[Z]] : i32
  // CHECK-NEXT: %[[Z2:.*]] = arith.constant 0 : i32
  // CHECK-NEXT: %[[N:.*]] = arith.subi %[[Z2]], %[[X]] : i32
  // CHECK-NEXT: %[[S:.*]] = arith.select %[[C]], %[[X]], %[[N]] : i32
  // CHECK-NEXT: affine.store %[[S]], %[[A]][0]
  A[0] = x > 0 ? x : -x;

  // An arm with a load or a call: scf.if with results.
  // CHECK: %[[C2:.*]] = arith.cmpi sgt
  // CHECK-NEXT: %[[R:.*]] = scf.if %[[C2]] -> (i32) {
  // CHECK-NEXT: %[[L:.*]] = affine.load %[[A]][1]
  // CHECK-NEXT: scf.yield %[[L]] : i32
  // CHECK-NEXT: } else {
  // CHECK-NEXT: %[[G:.*]] = func.call @g(%[[X]]) : (i32) -> i32
  // CHECK-NEXT: scf.yield %[[G]] : i32
  // CHECK-NEXT: }
  // CHECK-NEXT: affine.store %[[R]], %[[A]][2]
  A[2] = x > 0 ? A[1] : g(x);
  // A division in an arm is not evaluated when the other arm is chosen.
  // CHECK: scf.if %{{.*}} -> (i32) {
  // CHECK: } else {
  // CHECK: arith.divsi
  // CHECK: scf.yield
  A[3] = x == 0 ? 0 : 100 / x;

  // && of two comparisons: both evaluated, andi.
  // CHECK: %[[P:.*]] = arith.cmpi sgt
  // CHECK-NEXT: arith.constant 5 : i32
  // CHECK-NEXT: %[[Q:.*]] = arith.cmpi slt
  // CHECK-NEXT: %[[AND:.*]] = arith.andi %[[P]], %[[Q]] : i1
  // CHECK-NEXT: affine.store %[[AND]], %[[B]][0]
  B[0] = x > 0 && x < 5;
  // && with a load on the right: the load only if the left is true.
  // CHECK: %[[P2:.*]] = arith.cmpi sgt
  // CHECK-NEXT: %[[R2:.*]] = scf.if %[[P2]] -> (i1) {
  // CHECK: memref.load %[[A]]
  // CHECK: scf.yield %{{.*}} : i1
  // CHECK-NEXT: } else {
  // CHECK-NEXT: %[[F:.*]] = arith.constant false
  // CHECK-NEXT: scf.yield %[[F]] : i1
  // CHECK-NEXT: }
  // CHECK-NEXT: affine.store %[[R2]], %[[B]][1]
  B[1] = x > 0 && A[x & 7] > 0;
  // || with a division on the right: the division only if the left is false.
  // CHECK: %[[P3:.*]] = arith.cmpi eq
  // CHECK-NEXT: %[[R3:.*]] = scf.if %[[P3]] -> (i1) {
  // CHECK-NEXT: %[[T:.*]] = arith.constant true
  // CHECK-NEXT: scf.yield %[[T]] : i1
  // CHECK-NEXT: } else {
  // CHECK: arith.divsi
  // CHECK: scf.yield %{{.*}} : i1
  // CHECK-NEXT: }
  // CHECK-NEXT: affine.store %[[R3]], %[[B]][2]
  B[2] = x == 0 || 10 / x > 1;
  // || with a call on the right.
  // CHECK: scf.if %{{.*}} -> (i1) {
  // CHECK: } else {
  // CHECK-NEXT: func.call @g
  B[3] = x == 0 || g(x) > 1;
  // || of simple operands: ori.
  // CHECK: arith.ori %{{.*}}, %{{.*}} : i1
  // CHECK-NEXT: affine.store %{{.*}}, %[[B]][4]
  B[4] = x < -3 || x > 3;
}
