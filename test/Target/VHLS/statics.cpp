// Static locals are emitted as function-scope statics where they were
// declared (with their partition pragma), constant tables keep their ap_*
// element types with exact initial values, and the state persists across
// calls exactly as in the original (a testbench calls the top repeatedly).
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: allo-rewrite %s --top aliased --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s --check-prefix=ALIAS
// RUN: rm -rf %t && mkdir -p %t
// RUN: allo-rewrite %s --top top --target vhls -o %t/kernel.cpp -- -std=c++17 -I%allo_include/allo/csim
// RUN: %clangxx -std=c++17 -fwrapv -I%allo_include/allo/csim %t/kernel.cpp %S/Inputs/statics-tb.cpp -o %t/emitted
// RUN: %clangxx -std=c++17 -fwrapv -I%allo_include/allo/csim %s %S/Inputs/statics-tb.cpp -o %t/original
// RUN: %t/emitted > %t/emitted.txt
// RUN: %t/original > %t/original.txt
// RUN: diff %t/emitted.txt %t/original.txt
#include <ap_fixed.h>
#include <ap_int.h>

#define TAPS 4

// CHECK: static const ap_uint<8> gain[4] = {1, 2, 44, 4};
const ap_uint<8> gain[4] = {1, 2, 300, 4};
// CHECK: static const ap_fixed<16, 8> bias[3] = {0.5, -1.25, 3.09765625};
const ap_fixed<16, 8> bias[3] = {0.5, -1.25, 3.1};

// CHECK-LABEL: static int step(int x) {
// CHECK-NEXT: static int shift_reg[4] = {};
// CHECK-NEXT: #pragma HLS array_partition variable=shift_reg type=complete dim=1
// CHECK-NEXT: static const int coeffs[4] = {3, -1, 4, 1};
static int step(int x) {
  static int shift_reg[TAPS];
  static const int coeffs[TAPS] = {3, -1, 4, 1};
#pragma HLS array_partition variable=shift_reg complete
  int acc = 0;
  for (int i = TAPS - 1; i > 0; i--) {
    shift_reg[i] = shift_reg[i - 1];
    acc += shift_reg[i] * coeffs[i];
  }
  shift_reg[0] = x;
  return acc + x * coeffs[0];
}

// CHECK-LABEL: int top(int x) {
// CHECK-NEXT: static int calls = 0;
// CHECK-NEXT: static ap_int<12> running = 5;
int top(int x) {
  static int calls = 0;
  static ap_int<12> running = 5;
  calls++;
  running += x;
  ap_fixed<16, 8> b = bias[calls % 3];
  return step(x) * 10 + calls + gain[x & 3] + running.to_int() + b.to_int();
}

// A table whose element type is an alias: the alias is declared.
// ALIAS: using coef_t = ap_fixed<21, 10, AP_RND_MIN_INF, AP_WRAP>;
// ALIAS: static const coef_t COEF[2] = {
typedef ap_fixed<21, 10, AP_RND_MIN_INF, AP_WRAP> coef_t;
void aliased(coef_t out[2]) {
  static const coef_t COEF[2] = {6, -21.5};
  for (int i = 0; i < 2; i++)
    out[i] = COEF[i];
}
