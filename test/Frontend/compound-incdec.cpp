// Compound assignment computes in the promoted type and converts back
// (narrowing for char), ++/-- yield the new (prefix) or old (postfix) value,
// and the comma operator evaluates left to right.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s
#include <cstdint>

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[A:arg0]]: memref<8xi32>
// CHECK-SAME: %[[CP:arg1]]: i8
// CHECK-SAME: %[[UBP:arg2]]: i8
// CHECK-SAME: %[[YP:arg3]]: i32
// CHECK-SAME: %[[FP:arg4]]: f32
int f(int A[8], char c, uint8_t ub, int y, float fv) {
  // Assigned parameters get a rank-0 alloca initialised from the argument.
  // CHECK-DAG: %[[C:.*]] = memref.alloca() {allo.ctype = "char", allo.name = "c"} : memref<i8>
  // CHECK-DAG: %[[UB:.*]] = memref.alloca() {allo.ctype = "uint8_t", allo.name = "ub", allo.unsigned} : memref<i8>
  // CHECK-DAG: %[[Y:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "y"} : memref<i32>
  // CHECK-DAG: %[[FV:.*]] = memref.alloca() {allo.ctype = "float", allo.name = "fv"} : memref<f32>
  // CHECK: affine.store %[[CP]], %[[C]][] : memref<i8>

  // char c; c += 1: promote, add in i32, truncate.
  // CHECK: %[[ONE:.*]] = arith.constant 1 : i32
  // CHECK-NEXT: %[[C0:.*]] = affine.load %[[C]][] : memref<i8>
  // CHECK-NEXT: %[[C1:.*]] = arith.extsi %[[C0]] : i8 to i32
  // CHECK-NEXT: %[[C2:.*]] = arith.addi %[[C1]], %[[ONE]] : i32
  // CHECK-NEXT: %[[C3:.*]] = arith.trunci %[[C2]] : i32 to i8
  // CHECK-NEXT: affine.store %[[C3]], %[[C]][] : memref<i8>
  c += 1;
  // uint8_t: zero-extended.
  // CHECK: %[[K200:.*]] = arith.constant 200 : i32
  // CHECK-NEXT: %[[U0:.*]] = affine.load %[[UB]][] : memref<i8>
  // CHECK-NEXT: %[[U1:.*]] = arith.extui %[[U0]] : i8 to i32
  // CHECK-NEXT: %[[U2:.*]] = arith.subi %[[U1]], %[[K200]] : i32
  // CHECK-NEXT: %[[U3:.*]] = arith.trunci %[[U2]] : i32 to i8
  // CHECK-NEXT: affine.store %[[U3]], %[[UB]][] : memref<i8>
  ub -= 200;
  // Array element compound assignments; the right side is evaluated first.
  // CHECK: %[[CV:.*]] = affine.load %[[C]][] : memref<i8>
  // CHECK-NEXT: %[[CX:.*]] = arith.extsi %[[CV]] : i8 to i32
  // CHECK-NEXT: %[[A1:.*]] = affine.load %[[A]][1] : memref<8xi32>
  // CHECK-NEXT: %[[S1:.*]] = arith.addi %[[A1]], %[[CX]] : i32
  // CHECK-NEXT: affine.store %[[S1]], %[[A]][1] : memref<8xi32>
  A[1] += c;
  // CHECK: arith.shli
  A[2] <<= 2;
  // CHECK: arith.divsi
  A[3] /= y;
  // CHECK: arith.remsi
  A[4] %= 3;

  // Post-increment yields the old value, pre-increment the new one.
  // CHECK: %[[OLD:.*]] = affine.load %[[Y]][] : memref<i32>
  // CHECK-NEXT: %[[I1:.*]] = arith.constant 1 : i32
  // CHECK-NEXT: %[[NEW:.*]] = arith.addi %[[OLD]], %[[I1]] : i32
  // CHECK-NEXT: affine.store %[[NEW]], %[[Y]][] : memref<i32>
  // CHECK-NEXT: affine.store %[[OLD]], %[[A]][5] : memref<8xi32>
  A[5] = y++;
  // CHECK: %[[OLD2:.*]] = affine.load %[[Y]][] : memref<i32>
  // CHECK-NEXT: %[[D1:.*]] = arith.constant 1 : i32
  // CHECK-NEXT: %[[NEW2:.*]] = arith.subi %[[OLD2]], %[[D1]] : i32
  // CHECK-NEXT: affine.store %[[NEW2]], %[[Y]][] : memref<i32>
  // CHECK-NEXT: affine.store %[[NEW2]], %[[A]][6] : memref<8xi32>
  A[6] = --y;
  // Floats increment by 1.0.
  // CHECK: %[[F0:.*]] = affine.load %[[FV]][] : memref<f32>
  // CHECK-NEXT: %[[F1:.*]] = arith.constant 1.000000e+00 : f32
  // CHECK-NEXT: arith.addf %[[F0]], %[[F1]] : f32
  fv++;
  // An array element: A[7]++ loads, adds and stores it.
  // CHECK: %[[E0:.*]] = affine.load %[[A]][7] : memref<8xi32>
  // CHECK-NEXT: arith.constant 1 : i32
  // CHECK-NEXT: %[[E1:.*]] = arith.addi %[[E0]], %{{.*}} : i32
  // CHECK-NEXT: affine.store %[[E1]], %[[A]][7] : memref<8xi32>
  A[7]++;

  // Comma: the left side's effect happens first; the value is the right side.
  // CHECK: %[[K2:.*]] = arith.constant 2 : i32
  // CHECK-NEXT: %[[Y0:.*]] = affine.load %[[Y]][] : memref<i32>
  // CHECK-NEXT: %[[Y1:.*]] = arith.addi %[[Y0]], %[[K2]] : i32
  // CHECK-NEXT: affine.store %[[Y1]], %[[Y]][] : memref<i32>
  // CHECK-NEXT: %[[Y2:.*]] = affine.load %[[Y]][] : memref<i32>
  // CHECK-NEXT: %[[K3:.*]] = arith.constant 3 : i32
  // CHECK-NEXT: %[[Z:.*]] = arith.muli %[[Y2]], %[[K3]] : i32
  // CHECK-NEXT: return %[[Z]] : i32
  return (y += 2, y * 3);
}
