// ap_[u]int member functions: reductions (also of range references),
// iszero/is_zero, sign, countLeadingZeros, and the in-place reverse(),
// b_not(), lrotate(), rrotate() (which update the variable).
// RUN: allo-rewrite %s --top f -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: allo-rewrite %s --top f --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s --check-prefix=VHLS
// RUN: not allo-rewrite %s --top bad -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=BAD
#include <ap_int.h>

// CHECK-LABEL: func.func @f
// and_reduce: all ones; or_reduce: non-zero; xor_reduce: parity.
// CHECK: %[[ONES:.*]] = arith.constant -1 : i12
// CHECK: arith.cmpi eq, %{{.*}}, %[[ONES]] : i12
// CHECK: arith.cmpi ne, %{{.*}}, %{{.*}} : i12
// CHECK: %[[POP:.*]] = math.ctpop %{{.*}} : i12
// CHECK: arith.trunci %[[POP]] : i12 to i1
// sign(): negative.
// CHECK: arith.cmpi slt
// countLeadingZeros(): int.
// CHECK: %[[CLZ:.*]] = math.ctlz %{{.*}} : i12
// CHECK: arith.extui %[[CLZ]] : i12 to i32
// reverse() updates the variable (and returns the new value).
// CHECK: %[[R:.*]] = allo.bit_reverse %{{.*}} : i12
// CHECK-NEXT: affine.store %[[R]]
// A range's and_reduce compares its bits with ones(length).
// CHECK: arith.constant 15 : i12
int f(int v, int k) {
  ap_int<12> x = v;
  int r = x.and_reduce() + 2 * x.or_reduce() + 4 * x.xor_reduce() + 8 * x.nand_reduce();
  r += 16 * x.sign() + 32 * x.iszero() + 64 * x.countLeadingZeros();
  x.reverse();
  ap_uint<12> u = v;
  u.lrotate(k);
  u.rrotate(3);
  u.b_not();
  return r + x.to_int() + u.to_int() + u.range(7, 4).and_reduce();
}

// VHLS: allo_popcount<12>(
// VHLS: ap_uint<12>((ap_uint<12>)x)
// VHLS-NEXT: .countLeadingZeros()
// VHLS: x = (ap_int<12>)allo_bit_reverse<12>(

// BAD: ap-members.cpp:[[@LINE+3]]:10: error: unsupported: and_reduce/nand_reduce of a range with run-time bounds
int bad(int v, int h) {
  ap_uint<12> u = v;
  return u.range(h, 0).and_reduce();
}
