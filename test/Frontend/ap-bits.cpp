// Bit and range selection on ap_int / ap_uint become shifts and masks of the
// raw value; writes replace the selected bits of the variable.
// RUN: allo-rewrite %s --top bits -- -std=c++17 | FileCheck %s
#include <ap_int.h>

// CHECK-LABEL: func.func @bits(
// CHECK-SAME: %[[X:arg0]]: i12
// CHECK-SAME: %[[I:arg1]]: i32
// CHECK: %[[Y:.*]] = memref.alloca() {allo.ctype = "ap_uint<12>", allo.name = "y", allo.unsigned} : memref<i12>
void bits(ap_uint<12> x, int i, int out[4]) {
  // x[3]: shift right, keep the low bit.
  // CHECK: %[[C3:.*]] = arith.constant 3 : i12
  // CHECK: %[[S3:.*]] = arith.shrui %[[X]], %[[C3]] : i12
  // CHECK: arith.trunci %[[S3]] : i12 to i1
  out[0] = x[3];
  // x.range(7, 4): shift right by 4, mask with ones(4) (folded).
  // CHECK: %[[S4:.*]] = arith.shrui %[[X]], %c4_i12 : i12
  // CHECK: arith.andi %[[S4]], %c15_i12 : i12
  out[1] = x.range(7, 4);
  // A run-time index.
  // CHECK: %[[IT:.*]] = arith.trunci %[[I]] : i32 to i12
  // CHECK: arith.shrui %[[X]], %[[IT]] : i12
  out[2] = x[i];
  // Writes: load, replace the bits, store.
  ap_uint<12> y = x;
  // y[i] = 1: (y & ~(1 << i)) | (1 << i)
  // CHECK: %[[OLD:.*]] = affine.load %[[Y]][] : memref<i12>
  // CHECK: %[[VAL:.*]] = arith.shli %c1_i12, %{{.*}} : i12
  // CHECK: %[[MASK:.*]] = arith.shli %c1_i12_{{.*}}, %{{.*}} : i12
  // CHECK: %[[NOT:.*]] = arith.xori %[[MASK]], %{{.*}} : i12
  // CHECK: %[[KEEP:.*]] = arith.andi %[[OLD]], %[[NOT]] : i12
  // CHECK: %[[PUT:.*]] = arith.andi %[[VAL]], %[[MASK]] : i12
  // CHECK: %[[NEW:.*]] = arith.ori %[[KEEP]], %[[PUT]] : i12
  // CHECK: affine.store %[[NEW]], %[[Y]][] : memref<i12>
  y[i] = 1;
  // CHECK: affine.store %{{.*}}, %[[Y]][] : memref<i12>
  y.range(11, 8) = 5;
  y.clear(0);
  out[3] = y;
}

// A constant index out of range is an error (the C simulation aborts).
// RUN: not allo-rewrite %s --top outofrange -- -std=c++17 2>&1 | FileCheck %s --check-prefix=OOR
// OOR: ap-bits.cpp:[[@LINE+2]]:18: error: bit index 8 is out of range for a value of 8 bits
int outofrange(ap_uint<8> x) {
  return x.range(8, 0);
}

// A run-time range of a value wider than 64 bits: both directions (the
// reversed one through a 128-bit reversal network), selected.
// RUN: allo-rewrite %s --top widerange -- -std=c++17 2>&1 | FileCheck %s --check-prefix=WIDE
// WIDE-LABEL: func.func @widerange
// WIDE: arith.shrui {{.*}} : i128
// WIDE: arith.cmpi uge
// WIDE: arith.select {{.*}} : i100
int widerange(ap_uint<100> x, int h, int l) {
  return x.range(h, l);
}
