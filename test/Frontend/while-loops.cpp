// while and do-while loops become scf.while. A while loop evaluates its
// condition in the "before" region and runs the body in the "after" region;
// a do-while runs the body and then the condition, both in "before".
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<16xi32>
// CHECK-SAME: %[[N:arg1]]: i32
int f(int A[16], int n) {
  // CHECK: %[[K:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "k"} : memref<i32>
  int k = 0;
  // CHECK: scf.while : () -> () {
  // CHECK-NEXT: %[[KV:.*]] = affine.load %[[K]][] : memref<i32>
  // CHECK-NEXT: %[[C:.*]] = arith.cmpi slt, %[[KV]], %[[N]] : i32
  // CHECK-NEXT: scf.condition(%[[C]])
  // CHECK-NEXT: } do {
  // CHECK: memref.store %{{.*}}, %[[A]][%{{.*}}] : memref<16xi32>
  // CHECK: arith.constant 3 : i32
  // CHECK: arith.addi
  // CHECK: affine.store %{{.*}}, %[[K]][] : memref<i32>
  // CHECK-NEXT: scf.yield
  // CHECK-NEXT: } attributes {{.*}}allo.name = "while"
  while (k < n) {
    A[k & 15] = k;
    k += 3;
  }
  // CHECK: scf.while : () -> () {
  // CHECK-NEXT: %[[K1:.*]] = affine.load %[[K]][] : memref<i32>
  // CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : i32
  // CHECK-NEXT: %[[K2:.*]] = arith.subi %[[K1]], %[[ONE]] : i32
  // CHECK-NEXT: affine.store %[[K2]], %[[K]][] : memref<i32>
  // CHECK-NEXT: %[[K3:.*]] = affine.load %[[K]][] : memref<i32>
  // CHECK-NEXT: %[[ZERO:.*]] = arith.constant 0 : i32
  // CHECK-NEXT: %[[C2:.*]] = arith.cmpi sgt, %[[K3]], %[[ZERO]] : i32
  // CHECK-NEXT: scf.condition(%[[C2]])
  // CHECK-NEXT: } do {
  // CHECK-NEXT: scf.yield
  // CHECK-NEXT: } attributes {{.*}}allo.name = "do"
  do {
    k--;
  } while (k > 0);
  // A counted for loop over a variable declared before it is an affine.for
  // (test/Frontend/for-predeclared-iv.cpp); k is read after it, so it gets
  // the value the loop leaves.
  // CHECK: affine.for %{{.*}} = 0 to 16 {
  // CHECK: } {allo.iv = "k", allo.name = "k"}
  // CHECK-NEXT: %[[C16:.*]] = arith.constant 16 : i32
  // CHECK-NEXT: affine.store %[[C16]], %[[K]][]
  for (k = 0; k < 16; k++)
    A[k] = 0;
  // CHECK: return
  return k;
}
