// break and continue: the loop becomes scf.while with an i1 flag in memory;
// statements after a possible exit run under "flag not set"; a break also
// guards the condition and skips the increment, a continue does not.
// RUN: allo-rewrite %s --top brk --top cont --top nested -- -std=c++17 | FileCheck %s

// CHECK-LABEL: func.func @brk(
// CHECK-SAME: %[[A:arg0]]: memref<16xi32>
// CHECK: %[[I:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "i"} : memref<i32>
// CHECK: %[[BRK:.*]] = memref.alloca() : memref<i1>
// CHECK: %[[F:.*]] = arith.constant false
// CHECK-NEXT: affine.store %[[F]], %[[BRK]][] : memref<i1>
// The condition is evaluated only while no break happened.
// CHECK: scf.while : () -> () {
// CHECK-NEXT: %[[B0:.*]] = affine.load %[[BRK]][] : memref<i1>
// CHECK-NEXT: %[[T0:.*]] = arith.constant true
// CHECK-NEXT: %[[GO:.*]] = arith.xori %[[B0]], %[[T0]] : i1
// CHECK-NEXT: %[[C:.*]] = scf.if %[[GO]] -> (i1) {
// CHECK: arith.cmpi slt
// CHECK: } else {
// CHECK-NEXT: %[[F1:.*]] = arith.constant false
// CHECK-NEXT: scf.yield %[[F1]] : i1
// CHECK: scf.condition(%[[C]])
// CHECK: } do {
// `break` sets the flag.
// CHECK: scf.if %{{.*}} {
// CHECK-NEXT: %[[T1:.*]] = arith.constant true
// CHECK-NEXT: affine.store %[[T1]], %[[BRK]][] : memref<i1>
// CHECK-NEXT: }
// The rest of the body is guarded ...
// CHECK-NEXT: %[[B1:.*]] = affine.load %[[BRK]][] : memref<i1>
// CHECK-NEXT: %[[T2:.*]] = arith.constant true
// CHECK-NEXT: %[[G1:.*]] = arith.xori %[[B1]], %[[T2]] : i1
// CHECK-NEXT: scf.if %[[G1]] {
// CHECK-NEXT: arith.constant 2 : i32
// CHECK: memref.store %{{.*}}, %[[A]]
// CHECK-NEXT: }
// ... and so is the increment.
// CHECK-NEXT: %[[B2:.*]] = affine.load %[[BRK]][] : memref<i1>
// CHECK-NEXT: %[[T3:.*]] = arith.constant true
// CHECK-NEXT: %[[G2:.*]] = arith.xori %[[B2]], %[[T3]] : i1
// CHECK-NEXT: scf.if %[[G2]] {
// CHECK-NEXT: affine.load %[[I]][]
// CHECK-NEXT: arith.constant 1 : i32
// CHECK-NEXT: arith.addi
// CHECK-NEXT: affine.store %{{.*}}, %[[I]][]
// CHECK-NEXT: }
// CHECK-NEXT: scf.yield
void brk(int A[16]) {
  for (int i = 0; i < 16; i++) {
    if (A[i] < 0)
      break;
    A[i] = 2;
  }
}

// CHECK-LABEL: func.func @cont(
// CHECK: %[[I:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "i"} : memref<i32>
// CHECK: %[[CONT:.*]] = memref.alloca() : memref<i1>
// The condition is not guarded by a continue.
// CHECK: scf.while : () -> () {
// CHECK-NEXT: affine.load %[[I]][]
// CHECK-NEXT: arith.constant 16 : i32
// CHECK-NEXT: arith.cmpi slt
// CHECK-NEXT: scf.condition
// CHECK-NEXT: } do {
// The flag is cleared at the start of every iteration.
// CHECK-NEXT: %[[F:.*]] = arith.constant false
// CHECK-NEXT: affine.store %[[F]], %[[CONT]][] : memref<i1>
// CHECK: arith.cmpi eq
// CHECK-NEXT: scf.if %{{.*}} {
// CHECK-NEXT: %[[T:.*]] = arith.constant true
// CHECK-NEXT: affine.store %[[T]], %[[CONT]][] : memref<i1>
// CHECK-NEXT: }
// CHECK-NEXT: %[[C1:.*]] = affine.load %[[CONT]][] : memref<i1>
// CHECK-NEXT: %[[T2:.*]] = arith.constant true
// CHECK-NEXT: %[[G:.*]] = arith.xori %[[C1]], %[[T2]] : i1
// CHECK-NEXT: scf.if %[[G]] {
// CHECK-NEXT: arith.constant 3 : i32
// CHECK: }
// The increment runs unconditionally.
// CHECK-NEXT: affine.load %[[I]][]
// CHECK-NEXT: arith.constant 1 : i32
// CHECK-NEXT: arith.addi
// CHECK-NEXT: affine.store %{{.*}}, %[[I]][]
// CHECK-NEXT: scf.yield
void cont(int A[16]) {
  for (int i = 0; i < 16; i++) {
    if (A[i] == 0)
      continue;
    A[i] = 3;
  }
}

// A break in an inner loop leaves only that loop: the outer loop stays
// affine, and each inner loop resets its own flag.
// CHECK-LABEL: func.func @nested(
// CHECK: %[[BRK:.*]] = memref.alloca() : memref<i1>
// CHECK: affine.for %{{.*}} = 0 to 4 {
// CHECK: %[[F:.*]] = arith.constant false
// CHECK-NEXT: affine.store %[[F]], %[[BRK]][] : memref<i1>
// CHECK-NEXT: scf.while
// CHECK: allo.name = "j"
// CHECK: allo.name = "i"
void nested(int A[4][4]) {
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 4; j++) {
      if (A[i][j] == 0)
        break;
      A[i][j] = 1;
    }
}
