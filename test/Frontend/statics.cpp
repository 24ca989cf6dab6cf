// Static locals and constant tables. A mutable `static` (state that persists
// across calls) is a mutable memref.global with its initial value; a `static
// const` table a constant one; a `static const`/`constexpr` scalar its value.
// Namespace-scope `const` tables and constants of ap_[u]int / ap_fixed are
// evaluated with the types' own conversions (300 wraps to 44 in 8 bits, 3.1
// truncates to 793/256 with 8 fraction bits, as the C-simulation header).
// RUN: allo-rewrite %s --top fir -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
#include <ap_fixed.h>
#include <ap_int.h>

#define N 4
// CHECK-DAG: memref.global "private" constant @tbl : memref<4xi8> = dense<[1, 2, 44, 4]> {allo.ctype = "const ap_uint<8>[4]", allo.name = "tbl", allo.unsigned}
const ap_uint<8> tbl[4] = {1, 2, 300, 4};
// CHECK-DAG: memref.global "private" constant @coef : memref<3xi16> = dense<[128, -320, 793]> {allo.ctype = "const ap_fixed<16, 8>[3]", allo.fixed_scale = 8 : i64, allo.name = "coef"}
const ap_fixed<16, 8> coef[3] = {0.5, -1.25, 3.1};
const ap_fixed<8, 4> K = 1.5;

// CHECK-DAG: memref.global "private" @shift_reg : memref<4xi32> = dense<0> {allo.ctype = "int[4]", allo.name = "shift_reg", allo.static_local}
// CHECK-DAG: memref.global "private" constant @taps : memref<4xi32> = dense<[1, -2, 3, 4]> {allo.ctype = "const int[4]", allo.name = "taps", allo.static_local}
// CHECK-DAG: memref.global "private" @calls : memref<i32> = dense<0> {allo.ctype = "int", allo.name = "calls", allo.static_local}
// CHECK-DAG: memref.global "private" @acc_state : memref<i12> = dense<-3> {allo.ctype = "ap_int<12>", allo.name = "acc_state", allo.static_local}
// CHECK-DAG: memref.global "private" @hist : memref<2x2xi16> = dense<{{\[\[}}7, 0], [0, 0]]> {allo.ctype = "short[2][2]", allo.name = "hist", allo.static_local}
// CHECK-LABEL: func.func @fir(
// CHECK: %[[SR:.*]] = memref.get_global @shift_reg : memref<4xi32> {allo.ctype = "int[4]", allo.partition = [#allo.partition<complete, dim = 1>]}
// CHECK: memref.get_global @taps
// CHECK: memref.get_global @calls
// CHECK: memref.get_global @acc_state : memref<i12> {allo.ctype = "ap_int<12>"}
// The static constexpr scale and K (1.5 = 24/16) are constants.
// CHECK: arith.constant 3 : i32
// CHECK: affine.store %{{.*}}, %[[SR]][0] : memref<4xi32>
// CHECK: arith.constant 24 : i8
int fir(int x) {
  static int shift_reg[N];
  static const int taps[N] = {1, -2, 3, 4};
  static constexpr int scale = 3;
  static int calls = 0;
  static ap_int<12> acc_state = 4093;
  static short hist[2][2] = {{7}};
#pragma HLS array_partition variable=shift_reg complete
  int acc = 0;
  for (int i = N - 1; i > 0; i--) {
    shift_reg[i] = shift_reg[i - 1];
    acc += shift_reg[i] * taps[i];
  }
  shift_reg[0] = x;
  acc += x * taps[0];
  calls++;
  acc_state += x;
  hist[x & 1][calls & 1]++;
  ap_fixed<16, 8> c = coef[calls & 1] * K;
  return acc * scale + calls + tbl[x & 3] + acc_state.to_int() + c.to_int() + hist[0][0];
}
