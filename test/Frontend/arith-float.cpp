// Floating-point arithmetic and conversions: sitofp/uitofp by the source's
// signedness, fptosi/fptoui by the destination's, extf/truncf between float
// and double; float comparisons are ordered (une for !=).
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s
#include <cstdint>

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[F:arg0]]: memref<8xf32>
// CHECK-SAME: %[[D:arg1]]: memref<4xf64>
// CHECK-SAME: %[[I:arg2]]: memref<4xi32>
// CHECK-SAME: %[[U:arg3]]: memref<4xi32>
// CHECK-SAME: %[[B:arg4]]: memref<8xi1>
// CHECK-SAME: %[[S:arg5]]: memref<2xi8>
void f(float F[8], double D[4], int I[4], unsigned U[4], bool B[8], uint8_t S[2]) {
  // CHECK: %[[IV:.*]] = affine.load %[[I]][0]
  // CHECK-NEXT: arith.sitofp %[[IV]] : i32 to f32
  F[0] = I[0];
  // CHECK: %[[UV:.*]] = affine.load %[[U]][0]
  // CHECK-NEXT: arith.uitofp %[[UV]] : i32 to f32
  F[1] = U[0];
  // CHECK: %[[F2:.*]] = affine.load %[[F]][2]
  // CHECK-NEXT: arith.fptosi %[[F2]] : f32 to i32
  I[1] = F[2];
  // CHECK: %[[D0:.*]] = affine.load %[[D]][0]
  // CHECK-NEXT: arith.fptoui %[[D0]] : f64 to i32
  U[1] = D[0];
  // CHECK: %[[F3:.*]] = affine.load %[[F]][3]
  // CHECK-NEXT: arith.extf %[[F3]] : f32 to f64
  D[1] = F[3];
  // CHECK: %[[D2:.*]] = affine.load %[[D]][2]
  // CHECK-NEXT: arith.truncf %[[D2]] : f64 to f32
  F[4] = D[2];
  // uint8_t to float goes through uitofp of the i8.
  // CHECK: %[[SV:.*]] = affine.load %[[S]][0]
  // CHECK-NEXT: arith.uitofp %[[SV]] : i8 to f32
  F[5] = S[0];
  // float to uint8_t: fptoui to i8.
  // CHECK: arith.fptoui %{{.*}} : f32 to i8
  S[1] = F[6];

  // float * double computes in double.
  // CHECK: %[[A:.*]] = affine.load %[[F]][0]
  // CHECK-NEXT: %[[AE:.*]] = arith.extf %[[A]] : f32 to f64
  // CHECK-NEXT: %[[BD:.*]] = affine.load %[[D]][1]
  // CHECK-NEXT: %[[M:.*]] = arith.mulf %[[AE]], %[[BD]] : f64
  // CHECK-NEXT: %[[MT:.*]] = arith.truncf %[[M]] : f64 to f32
  // CHECK-NEXT: affine.store %[[MT]], %[[F]][7]
  F[7] = F[0] * D[1];
  // CHECK: arith.addf
  // CHECK: arith.subf
  // CHECK: arith.divf
  // CHECK: arith.negf
  D[3] = -((D[0] + D[1] - D[2]) / D[3]);

  // Comparisons and conversions to bool.
  // CHECK: arith.cmpf olt
  B[0] = F[0] < F[1];
  // CHECK: arith.cmpf ole
  B[1] = F[0] <= F[1];
  // CHECK: arith.cmpf ogt
  B[2] = F[0] > F[1];
  // CHECK: arith.cmpf oge
  B[3] = F[0] >= F[1];
  // CHECK: arith.cmpf oeq
  B[4] = F[0] == F[1];
  // CHECK: arith.cmpf une
  B[5] = F[0] != F[1];
  // A float used as a bool is compared (une) with zero.
  // CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK-NEXT: arith.cmpf une, %{{.*}}, %[[Z]] : f32
  B[6] = F[2];
  // bool to float is uitofp of the i1.
  // CHECK: arith.uitofp %{{.*}} : i1 to f32
  F[0] = B[7];
}
