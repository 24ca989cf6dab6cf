// return before the end of the function: a "returned" flag and a result slot
// in memory; everything after a possible return is guarded, loops that may
// return become scf.while, and the function ends with one func.return of the
// slot.
// RUN: allo-rewrite %s --top find --top early --top last -- -std=c++17 | FileCheck %s

// The set of `early` (n < 0), printed before the module.
// CHECK-DAG: #[[NEG:set[0-9]*]] = affine_set<(d0) : (-d0 - 1 >= 0)>

// CHECK-LABEL: func.func @find(
// CHECK-SAME: %[[A:arg0]]: memref<16xi32>
// CHECK-SAME: %[[KEY:arg1]]: i32
// CHECK-SAME: -> i32
// CHECK: %[[RET:.*]] = memref.alloca() : memref<i1>
// CHECK: %[[SLOT:.*]] = memref.alloca() : memref<i32>
// CHECK: %[[F:.*]] = arith.constant false
// CHECK-NEXT: affine.store %[[F]], %[[RET]][] : memref<i1>
// The loop can return, so it is a while loop whose condition checks the flag.
// CHECK: scf.while
// CHECK-NEXT: affine.load %[[RET]][] : memref<i1>
// CHECK: scf.condition
// CHECK: } do {
// CHECK: arith.cmpi eq, %{{.*}}, %[[KEY]] : i32
// CHECK-NEXT: scf.if %{{.*}} {
// `return i`: store the value, set the flag.
// CHECK-NEXT: %[[IV:.*]] = affine.load
// CHECK-NEXT: affine.store %[[IV]], %[[SLOT]][] : memref<i32>
// CHECK-NEXT: %[[T:.*]] = arith.constant true
// CHECK-NEXT: affine.store %[[T]], %[[RET]][] : memref<i1>
// CHECK-NEXT: }
// CHECK: } attributes {{.*}}allo.name = "i"
// `return -1` only if nothing returned before.
// CHECK-NEXT: %[[R:.*]] = affine.load %[[RET]][] : memref<i1>
// CHECK-NEXT: %[[T2:.*]] = arith.constant true
// CHECK-NEXT: %[[NR:.*]] = arith.xori %[[R]], %[[T2]] : i1
// CHECK-NEXT: scf.if %[[NR]] {
// CHECK-NEXT: %[[M1:.*]] = arith.constant -1 : i32
// CHECK-NEXT: affine.store %[[M1]], %[[SLOT]][] : memref<i32>
// CHECK: }
// CHECK-NEXT: %[[V:.*]] = affine.load %[[SLOT]][] : memref<i32>
// CHECK-NEXT: return %[[V]] : i32
int find(const int A[16], int key) {
  for (int i = 0; i < 16; i++) {
    if (A[i] == key)
      return i;
  }
  return -1;
}

// A void function returning early from an affine.if (n < 0).
// CHECK-LABEL: func.func @early(
// CHECK: %[[RET:.*]] = memref.alloca() : memref<i1>
// CHECK: %[[N:.*]] = arith.index_cast %arg1 : i32 to index
// CHECK: affine.if #[[NEG]](%[[N]]) {
// CHECK-NEXT: %[[T:.*]] = arith.constant true
// CHECK-NEXT: affine.store %[[T]], %[[RET]][] : memref<i1>
// CHECK-NEXT: }
// CHECK-NEXT: %[[R:.*]] = affine.load %[[RET]][] : memref<i1>
// CHECK-NEXT: %[[T2:.*]] = arith.constant true
// CHECK-NEXT: %[[G:.*]] = arith.xori %[[R]], %[[T2]] : i1
// CHECK-NEXT: scf.if %[[G]] {
// The loop after the return is still affine (it has no exit of its own).
// CHECK-NEXT: affine.for
// CHECK: } {{.*}}allo.name = "i"{{.*}}
// CHECK-NEXT: } loc(
// CHECK-NEXT: return
void early(int A[16], int n) {
  if (n < 0)
    return;
  for (int i = 0; i < 16; i++)
    A[i] = n;
}

// A single return at the end needs no flag.
// CHECK-LABEL: func.func @last(
// CHECK-NOT: memref.alloca
// CHECK: %[[S:.*]] = arith.addi
// CHECK-NEXT: return %[[S]] : i32
int last(int a, int b) { return a + b; }
