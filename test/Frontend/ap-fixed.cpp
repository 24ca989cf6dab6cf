// ap_fixed / ap_ufixed arithmetic is raised on the raw integers, at the
// widths and scales of the C-simulation header's result types; conversions
// quantize and fit with the destination's modes.
// RUN: allo-rewrite %s --top fx -- -std=c++17 | FileCheck %s
#include <ap_fixed.h>

// CHECK-LABEL: func.func @fx(
// CHECK-SAME: %[[A:arg0]]: i8 {allo.ctype = "ap_fixed<8, 4>", allo.fixed_scale = 4 : i64
// CHECK-SAME: %[[U:arg1]]: i6 {allo.ctype = "ap_ufixed<6, 2>", allo.fixed_scale = 4 : i64
// CHECK-SAME: %[[D:arg2]]: f64
void fx(ap_fixed<8, 4> a, ap_ufixed<6, 2> u, double d, ap_fixed<10, 3> out[6], int iout[3],
        double dout[1]) {
  // a + u is ap_fixed<9, 5> (aligned, one carry bit), stored with 7 fraction bits.
  // CHECK: %[[SA:.*]] = arith.extsi %[[A]] : i8 to i9
  // CHECK: %[[ZU:.*]] = arith.extui %[[U]] : i6 to i9
  // CHECK: %[[SUM:.*]] = arith.addi %[[SA]], %[[ZU]] : i9
  // CHECK: %[[W:.*]] = arith.extsi %[[SUM]] : i9 to i14
  // CHECK: %[[SH:.*]] = arith.shli %[[W]], %{{.*}} : i14
  // CHECK: %[[T:.*]] = arith.trunci %[[SH]] : i14 to i10
  // CHECK: affine.store %[[T]], %arg3[0]
  out[0] = a + u;
  // a * u is ap_fixed<14, 6>: 8 fraction bits, 7 kept (AP_TRN: arithmetic shift right).
  // CHECK: %[[M:.*]] = arith.muli %{{.*}}, %{{.*}} : i14
  // CHECK: arith.shrsi %{{.*}}, %{{.*}} : i16
  // CHECK: affine.store %{{.*}}, %arg3[1]
  out[1] = a * u;
  // AP_RND rounds half up from the first dropped bit; AP_SAT clamps to [-32, 31].
  // CHECK: %[[HALF:.*]] = arith.trunci %[[A]] : i8 to i1
  // CHECK: %[[FL:.*]] = arith.shrsi
  // CHECK: %[[UP:.*]] = arith.extui %[[HALF]] : i1 to i10
  // CHECK: %[[Q:.*]] = arith.addi %[[FL]], %[[UP]] : i10
  // CHECK: %[[QT:.*]] = arith.trunci %[[Q]] : i10 to i6
  // CHECK: %[[FITS:.*]] = arith.cmpi eq
  // CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[Q]]
  // CHECK-DAG: %[[MAX:.*]] = arith.constant 31 : i6
  // CHECK-DAG: %[[MIN:.*]] = arith.constant -32 : i6
  // CHECK: %[[CL:.*]] = arith.select %[[NEG]], %[[MIN]], %[[MAX]] : i6
  // CHECK: arith.select %[[FITS]], %[[QT]], %[[CL]] : i6
  ap_fixed<6, 3, AP_RND, AP_SAT> s = a;
  out[2] = s;
  // From a double: its IEEE bits, decomposed exactly (NaN gives 0).
  // CHECK: arith.bitcast %[[D]] : f64 to i64
  // CHECK: arith.shli %{{.*}} : i68
  // CHECK: arith.shrsi %{{.*}} : i68
  // CHECK: affine.store %{{.*}}, %arg3[3]
  out[3] = d;
  // Division: the dividend gets the divisor's fraction bits; a zero divisor gives 0.
  // CHECK: arith.divsi %{{.*}} : i14
  // CHECK: affine.store %{{.*}}, %arg3[4]
  out[4] = a / u;
  // Compound assignment: full precision, then back into the left-hand type.
  // CHECK: affine.store %{{.*}}, %arg3[5]
  out[5] = out[4];
  out[5] -= u;
  // to_int(): integer part toward zero.
  // CHECK: %[[I9:.*]] = arith.extsi %[[A]] : i8 to i9
  // CHECK: %[[C16:.*]] = arith.constant 16 : i9
  // CHECK: arith.divsi %[[I9]], %[[C16]] : i9
  iout[0] = a.to_int();
  // Comparisons are exact: both operands aligned, one bit wider.
  // CHECK: arith.cmpi slt, %{{.*}}, %{{.*}} : i9
  iout[1] = a < u;
  // 3 is ap_fixed<32, 32>: compared at 4 fraction bits, 37 bits (3 << 4 = 48).
  // CHECK: arith.cmpi eq, %{{.*}}, %c48_i37 : i37
  iout[2] = a == 3;
  // To double: the raw value converted, times 2^-4.
  // CHECK: %[[F:.*]] = arith.sitofp %[[A]] : i8 to f64
  // CHECK: %[[S:.*]] = arith.constant 6.250000e-02 : f64
  // CHECK: arith.mulf %[[F]], %[[S]] : f64
  dout[0] = a.to_double();
}

// RUN: not allo-rewrite %s --top fromstr -- -std=c++17 2>&1 | FileCheck %s --check-prefix=STR
// STR: ap-fixed.cpp:[[@LINE+2]]:22: error: unsupported: constructing 'ap_fixed<8, 4>' from 'const char *'
void fromstr(ap_fixed<8, 4> out[1]) {
  ap_fixed<8, 4> s = "1.5";
  out[0] = s;
}
