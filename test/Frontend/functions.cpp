// Function signatures and storage: scalar and array parameters (incl. const),
// scalar returns, local scalars and arrays, constexpr globals.
// RUN: allo-rewrite %s --top f --top g --top h --top tables -- -std=c++17 | FileCheck %s

// Constant tables become private constant memref.globals (emitted on first use).
// CHECK-DAG: memref.global "private" constant @W2 : memref<2x3xi32> = dense<{{\[\[}}1, -2, 3], [4, 0, 0]]>
// CHECK-DAG: memref.global "private" constant @FW : memref<3xf32> = dense<[5.000000e-01, 1.500000e+00, 0.000000e+00]>
constexpr int K = 3;
constexpr float SCALE = 0.5f;
constexpr int W2[2][3] = {{1, -2, 3}, {4}};
constexpr float FW[3] = {0.5f, 1.5f};

// Scalar and array parameters: arrays are memrefs of the full shape, const or
// not; every argument records its C++ name and type.
// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[X:arg0]]: i32 {allo.ctype = "int", allo.name = "x"}
// CHECK-SAME: %[[A:arg1]]: memref<4x8xf32> {allo.ctype = "const float[4][8]", allo.name = "A"}
// CHECK-SAME: %[[B:arg2]]: memref<4x8xf32> {allo.ctype = "float[4][8]", allo.name = "B"}
// CHECK-SAME: -> f32
// CHECK-SAME: allo.result_ctype = "float"
float f(int x, const float A[4][8], float B[4][8]) {
  // A mutable local scalar lives in a rank-0 alloca at the function entry;
  // local arrays are allocas of their shape.
  // CHECK: %[[ACC:.*]] = memref.alloca() {allo.ctype = "float", allo.name = "acc"} : memref<f32>
  // CHECK: %[[TMP:.*]] = memref.alloca() {allo.ctype = "float[8]", allo.name = "tmp"} : memref<8xf32>
  float acc = 0.0f;
  float tmp[8];
  // Constexpr scalars fold to constants.
  // CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
  // CHECK: affine.store %[[ZERO]], %[[ACC]][] : memref<f32>
  for (int j = 0; j < 8; j++)
    // CHECK: affine.load %[[A]][%{{.*}}, %{{.*}}] : memref<4x8xf32>
    // CHECK: arith.constant 5.000000e-01 : f32
    // CHECK: affine.store %{{.*}}, %[[TMP]][%{{.*}}] : memref<8xf32>
    tmp[j] = A[x][j] * SCALE;
  for (int j = 0; j < 8; j++) {
    // CHECK: affine.load %[[TMP]]
    // CHECK: affine.store %{{.*}}, %[[B]]
    B[0][j] = tmp[j];
    acc += tmp[j];
  }
  // CHECK: allo.name = "j#1"
  // CHECK-NEXT: %[[R:.*]] = affine.load %[[ACC]][] : memref<f32>
  // CHECK: return %[[R]] : f32
  return acc;
}

// Never-reassigned scalars are plain SSA values: no alloca at all.
// CHECK-LABEL: func.func @g(
// CHECK-SAME: %[[P:arg0]]: i64
// CHECK-SAME: -> i64
// CHECK-NOT: memref.alloca
// CHECK: %[[M:.*]] = arith.muli %[[P]], %[[P]] : i64
// CHECK: %[[C3:.*]] = arith.constant 3 : i64
// CHECK: %[[S:.*]] = arith.addi %[[M]], %[[C3]] : i64
// CHECK: return %[[S]] : i64
long g(long p) {
  long q = p * p + K;
  return q;
}

// Local array initializers: explicit elements are stored one by one; a large
// zero remainder is filled with a loop nest.
// CHECK-LABEL: func.func @h(
// CHECK: %[[SMALL:.*]] = memref.alloca() {allo.ctype = "int[3]", allo.name = "small"} : memref<3xi32>
// CHECK: %[[BIG:.*]] = memref.alloca() {allo.ctype = "int[5][5]", allo.name = "big"} : memref<5x5xi32>
// CHECK: %[[CNT:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "cnt"} : memref<i32>
// CHECK: %[[FZ:.*]] = memref.alloca() {allo.ctype = "float", allo.name = "fz"} : memref<f32>
// CHECK: %[[C7:.*]] = arith.constant 7 : i32
// CHECK: affine.store %[[C7]], %[[SMALL]][0] : memref<3xi32>
// CHECK: %[[C0:.*]] = arith.constant 0 : i32
// CHECK: affine.store %[[C0]], %[[SMALL]][1] : memref<3xi32>
// CHECK: affine.store %{{.*}}, %[[SMALL]][2] : memref<3xi32>
// CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= 0 to 5 {
// CHECK-NEXT: affine.for %[[J:arg[0-9]+]] {{.*}}= 0 to 5 {
// CHECK-NEXT: arith.constant 0 : i32
// CHECK-NEXT: affine.store %{{.*}}, %[[BIG]][%[[I]], %[[J]]] : memref<5x5xi32>
// `T x{}` and `T x = {}` value-initialise scalars to zero.
// CHECK: %[[Z0:.*]] = arith.constant 0 : i32
// CHECK-NEXT: affine.store %[[Z0]], %[[CNT]][] : memref<i32>
// CHECK: %[[Z1:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: affine.store %[[Z1]], %[[FZ]][] : memref<f32>
// CHECK: return
void h(int out[3]) {
  int small[3] = {7};
  int big[5][5] = {};
  int cnt{};
  float fz = {};
  cnt += small[0];
  fz += 1.0f;
  out[0] = small[1] + big[2][2];
  out[1] = cnt + (int)fz;
}

// Constant tables read with non-constant subscripts go through get_global.
// CHECK-LABEL: func.func @tables(
// CHECK-DAG: %[[G:.*]] = memref.get_global @W2 : memref<2x3xi32>
// CHECK-DAG: %[[GF:.*]] = memref.get_global @FW : memref<3xf32>
// CHECK: affine.for %[[I:arg[0-9]+]]
// CHECK: affine.for %[[J:arg[0-9]+]]
// CHECK: %[[W:.*]] = affine.load %[[G]][%[[I]], %[[J]]] : memref<2x3xi32>
// CHECK-NEXT: %[[WF:.*]] = arith.sitofp %[[W]] : i32 to f32
// CHECK-NEXT: %[[F:.*]] = affine.load %[[GF]][%[[J]]] : memref<3xf32>
// CHECK-NEXT: %[[P:.*]] = arith.mulf %[[WF]], %[[F]] : f32
// CHECK-NEXT: affine.store %[[P]], %arg0[%[[I]], %[[J]]] : memref<2x3xf32>
void tables(float out[2][3]) {
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 3; j++)
      out[i][j] = W2[i][j] * FW[j];
}
