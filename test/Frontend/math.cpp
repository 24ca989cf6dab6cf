// <cmath> functions become math.* (or arith) ops in the argument's precision;
// std::min/max are exactly (b < a) ? b : a and (a < b) ? b : a; integer
// std::abs is x < 0 ? -x : x.
// RUN: allo-rewrite %s --top f --top ints -- -std=c++17 | FileCheck %s
#include <algorithm>
#include <cmath>
#include <cstdlib>

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[X:arg0]]: f32
// CHECK-SAME: %[[Y:arg1]]: f32
// CHECK-SAME: %[[D:arg2]]: f64
// CHECK-SAME: %[[I:arg3]]: i32
// CHECK-SAME: %[[F:arg4]]: memref<32xf32>
// CHECK-SAME: %[[G:arg5]]: memref<16xf64>
void f(float x, float y, double d, int i, float F[32], double G[16]) {
  // CHECK: math.sqrt %[[X]] : f32
  F[0] = std::sqrt(x);
  // C names with the f suffix are the float versions.
  // CHECK: math.sqrt %[[X]] : f32
  F[1] = sqrtf(x);
  // CHECK: math.exp %[[X]] : f32
  F[2] = std::exp(x);
  // CHECK: math.exp %[[X]] : f32
  F[3] = expf(x);
  // CHECK: math.log %[[X]] : f32
  F[4] = std::log(x);
  // CHECK: math.absf %[[X]] : f32
  F[5] = std::fabs(x);
  // CHECK: math.absf %[[X]] : f32
  F[6] = std::abs(x);
  // CHECK: math.tanh %[[X]] : f32
  F[7] = std::tanh(x);
  // CHECK: math.powf %[[X]], %[[Y]] : f32
  F[8] = std::pow(x, y);
  // CHECK: math.floor %[[X]] : f32
  F[9] = std::floor(x);
  // CHECK: math.ceil %[[X]] : f32
  F[10] = std::ceil(x);
  // CHECK: math.round %[[X]] : f32
  F[11] = std::round(x);
  // CHECK: math.sin %[[X]] : f32
  F[12] = std::sin(x);
  // CHECK: math.cos %[[X]] : f32
  F[13] = std::cos(x);
  // CHECK: math.atan2 %[[X]], %[[Y]] : f32
  F[14] = std::atan2(x, y);
  // CHECK: math.fma %[[X]], %[[Y]], %[[X]] : f32
  F[15] = std::fma(x, y, x);
  // CHECK: arith.minnumf %[[X]], %[[Y]] : f32
  F[16] = std::fmin(x, y);
  // CHECK: arith.maxnumf %[[X]], %[[Y]] : f32
  F[17] = std::fmax(x, y);
  // CHECK: arith.remf %[[X]], %[[Y]] : f32
  F[18] = std::fmod(x, y);
  // CHECK: math.log2 %[[X]] : f32
  F[19] = std::log2(x);
  // CHECK: math.exp2 %[[X]] : f32
  F[20] = std::exp2(x);
  // CHECK: math.erf %[[X]] : f32
  F[21] = std::erf(x);
  // CHECK: math.copysign %[[X]], %[[Y]] : f32
  F[22] = std::copysign(x, y);

  // std::min(x, y) is (y < x) ? y : x; std::max(x, y) is (x < y) ? y : x.
  // CHECK: %[[LT1:.*]] = arith.cmpf olt, %[[Y]], %[[X]] : f32
  // CHECK-NEXT: arith.select %[[LT1]], %[[Y]], %[[X]] : f32
  F[23] = std::min(x, y);
  // CHECK: %[[LT2:.*]] = arith.cmpf olt, %[[X]], %[[Y]] : f32
  // CHECK-NEXT: arith.select %[[LT2]], %[[Y]], %[[X]] : f32
  F[24] = std::max(x, y);

  // Double precision, and an int argument promoted to double.
  // CHECK: math.sqrt %[[D]] : f64
  G[0] = std::sqrt(d);
  // CHECK: math.log10 %[[D]] : f64
  G[1] = std::log10(d);
  // CHECK: %[[ID:.*]] = arith.sitofp %[[I]] : i32 to f64
  // CHECK-NEXT: math.sqrt %[[ID]] : f64
  G[2] = std::sqrt(i);
  // A float argument of a double function is extended first.
  // CHECK: %[[XE:.*]] = arith.extf %[[X]] : f32 to f64
  // CHECK-NEXT: math.cos %[[XE]] : f64
  G[3] = cos((double)x);
}

// CHECK-LABEL: func.func @ints(
// CHECK-SAME: %[[A:arg0]]: i32
// CHECK-SAME: %[[U:arg1]]: i32
// CHECK-SAME: %[[O:arg2]]: memref<4xi32>
void ints(int a, unsigned u, int O[4]) {
  // CHECK: %[[Z:.*]] = arith.constant 0 : i32
  // CHECK-NEXT: %[[N:.*]] = arith.subi %[[Z]], %[[A]] : i32
  // CHECK-NEXT: %[[NEG:.*]] = arith.cmpi slt, %[[A]], %[[Z]] : i32
  // CHECK-NEXT: arith.select %[[NEG]], %[[N]], %[[A]] : i32
  O[0] = std::abs(a);
  // CHECK: %[[C3:.*]] = arith.constant 3 : i32
  // CHECK-NEXT: %[[L:.*]] = arith.cmpi slt, %[[C3]], %[[A]] : i32
  // CHECK-NEXT: arith.select %[[L]], %[[C3]], %[[A]] : i32
  O[1] = std::min(a, 3);
  // Unsigned min compares unsigned.
  // CHECK: %[[C5:.*]] = arith.constant 5 : i32
  // CHECK-NEXT: %[[UL:.*]] = arith.cmpi ult, %[[C5]], %[[U]] : i32
  // CHECK-NEXT: arith.select %[[UL]], %[[C5]], %[[U]] : i32
  O[2] = std::min(u, 5u);
  // CHECK: %[[C4:.*]] = arith.constant 4 : i32
  // CHECK-NEXT: %[[M:.*]] = arith.cmpi slt, %[[A]], %[[C4]] : i32
  // CHECK-NEXT: arith.select %[[M]], %[[C4]], %[[A]] : i32
  O[3] = std::max(a, 4);
}
