// for loops that must not become affine.for (or scf.for), because the
// counted loop would not behave like the C++ one: they stay scf.while loops
// that evaluate the C++ condition and increment.
// RUN: allo-rewrite %s --top f -- -std=c++17 -Wno-tautological-constant-out-of-range-compare | FileCheck %s
// RUN: allo-rewrite %s --top f -- -std=c++17 -Wno-tautological-constant-out-of-range-compare | FileCheck %s --check-prefix=NOFOR
// NOFOR-NOT: affine.for
// NOFOR-NOT: scf.for
#include <cstdint>

// CHECK-LABEL: func.func @f(
void f(int A[16], int n, uint8_t k, unsigned u) {
  // An int8_t variable never reaches 200: in C++ the loop does not end.
  // CHECK: scf.while
  // CHECK: arith.cmpi slt
  // CHECK: allo.name = "i#0"
  for (int8_t i = 0; i < 200; i++)
    A[i & 15] = 0;

  // A uint8_t variable against an int bound that may exceed 255.
  // CHECK: scf.while
  // CHECK: allo.name = "i#1"
  for (uint8_t i = 0; i < n; i++)
    A[i & 15] = 1;

  // An unsigned variable with `<=` an unknown bound: u == UINT_MAX never ends.
  // CHECK: scf.while
  // CHECK: arith.cmpi ule
  // CHECK: allo.name = "i#2"
  for (unsigned i = 0; i <= u; i++)
    A[i & 15] = 2;

  // A signed variable compared as unsigned (n may be negative at the start).
  // CHECK: scf.while
  // CHECK: arith.cmpi ult
  // CHECK: allo.name = "i#3"
  for (int i = n; i < 16u; i++)
    A[i & 15] = 3;

  // The variable is written in the body.
  // CHECK: scf.while
  // CHECK: allo.name = "i#4"
  for (int i = 0; i < 16; i++) {
    A[i] = 4;
    i += A[i];
  }

  // A step that is not a constant.
  // CHECK: scf.while
  // CHECK: allo.name = "i#5"
  for (int i = 0; i < 16; i += n)
    A[i] = 5;

  // The condition does not compare the variable.
  // CHECK: scf.while
  // CHECK: allo.name = "i#6"
  for (int i = 0; A[i] != 0; i++)
    A[i] = 6;

  // A decreasing unsigned loop (`i >= 0` is always true for unsigned).
  // CHECK: scf.while
  // CHECK: allo.name = "i#7"
  for (unsigned i = 15; i > 0; i--)
    A[i] = 7;
  // CHECK: return
}
