// Integer arithmetic with C++ semantics: operands narrower than int are
// promoted (extsi for signed, extui for unsigned), results are truncated back
// on assignment (wrap-around), and the signedness of the operation's type
// chooses div/rem/shift-right/compare.
// RUN: allo-rewrite %s --top f -- -std=c++17 | FileCheck %s
#include <cstdint>

// CHECK-LABEL: func.func @f(
// CHECK-SAME: %[[OUT:arg0]]: memref<16xi32>
// CHECK-SAME: %[[A8:arg1]]: i8
// CHECK-SAME: %[[U8:arg2]]: i8
// CHECK-SAME: %[[X:arg3]]: i32
// CHECK-SAME: %[[U:arg4]]: i32
// CHECK-SAME: %[[L:arg5]]: i64
// CHECK-SAME: %[[S8:arg6]]: memref<4xi8>
// CHECK-SAME: %[[U16:arg7]]: memref<4xi16>
void f(int out[16], int8_t a8, uint8_t u8, int x, unsigned u, int64_t L, int8_t S8[4],
       uint16_t U16[4]) {
  // Promotion: int8_t sign-extends, uint8_t zero-extends.
  // CHECK: %[[E1:.*]] = arith.extsi %[[A8]] : i8 to i32
  // CHECK-NEXT: %[[E2:.*]] = arith.extui %[[U8]] : i8 to i32
  // CHECK-NEXT: %[[SUM:.*]] = arith.addi %[[E1]], %[[E2]] : i32
  // CHECK-NEXT: affine.store %[[SUM]], %[[OUT]][0]
  out[0] = a8 + u8;

  // Signed and unsigned division, remainder, shift right.
  // CHECK: arith.divsi %[[X]], %{{.*}} : i32
  out[1] = x / 3;
  // CHECK: arith.divui %[[U]], %{{.*}} : i32
  out[2] = u / 3u;
  // CHECK: arith.remsi %[[X]], %{{.*}} : i32
  out[3] = x % 5;
  // CHECK: arith.remui %[[U]], %{{.*}} : i32
  out[4] = u % 5u;
  // CHECK: arith.shrsi %[[X]], %{{.*}} : i32
  out[5] = x >> 2;
  // CHECK: arith.shrui %[[U]], %{{.*}} : i32
  out[6] = u >> 2;
  // int / unsigned: the usual arithmetic conversions make it unsigned.
  // CHECK: arith.divui %[[X]], %[[U]] : i32
  out[7] = x / u;
  // uint8_t / uint8_t is promoted to int: a signed division of zero-extended values.
  // CHECK: %[[P1:.*]] = arith.extui %[[U8]] : i8 to i32
  // CHECK-NEXT: %[[P2:.*]] = arith.extui %[[U8]] : i8 to i32
  // CHECK-NEXT: arith.divsi %[[P1]], %[[P2]] : i32
  out[8] = u8 / u8;

  // Comparisons: signed, unsigned, and int against unsigned (as unsigned).
  // CHECK: arith.cmpi slt, %[[X]], %{{.*}} : i32
  out[9] = x < 7;
  // CHECK: arith.cmpi ult, %[[U]], %{{.*}} : i32
  out[10] = u < 7u;
  // CHECK: arith.cmpi ult, %[[X]], %[[U]] : i32
  // CHECK-NEXT: arith.extui %{{.*}} : i1 to i32
  out[11] = x < u;
  // CHECK: arith.cmpi sge, %{{.*}}, %{{.*}} : i64
  out[12] = L >= x;

  // Bit operations and shifts; the shift amount takes the left operand's type.
  // CHECK: %[[M1:.*]] = arith.constant -1 : i32
  // CHECK-NEXT: %[[NOT:.*]] = arith.xori %[[X]], %[[M1]] : i32
  // CHECK: %[[AND:.*]] = arith.andi %[[X]], %{{.*}} : i32
  // CHECK-NEXT: %[[XOR:.*]] = arith.xori %[[NOT]], %[[AND]] : i32
  // CHECK-NEXT: %[[AMT:.*]] = arith.trunci %[[L]] : i64 to i32
  // CHECK-NEXT: %[[SHL:.*]] = arith.shli %[[X]], %[[AMT]] : i32
  // CHECK-NEXT: arith.ori %[[XOR]], %[[SHL]] : i32
  out[13] = ~x ^ (x & 3) | (x << L);

  // Wrap-around: int8_t = int8_t + 100 computes in i32, then truncates.
  // CHECK: %[[S:.*]] = affine.load %[[S8]][0] : memref<4xi8>
  // CHECK-NEXT: %[[SE:.*]] = arith.extsi %[[S]] : i8 to i32
  // CHECK-NEXT: %[[C100:.*]] = arith.constant 100 : i32
  // CHECK-NEXT: %[[ADD:.*]] = arith.addi %[[SE]], %[[C100]] : i32
  // CHECK-NEXT: %[[TR:.*]] = arith.trunci %[[ADD]] : i32 to i8
  // CHECK-NEXT: affine.store %[[TR]], %[[S8]][1] : memref<4xi8>
  S8[1] = S8[0] + 100;
  // uint16_t << 1 is an int shift of the zero-extended value.
  // CHECK: %[[H:.*]] = affine.load %[[U16]][0] : memref<4xi16>
  // CHECK-NEXT: %[[HE:.*]] = arith.extui %[[H]] : i16 to i32
  // CHECK-NEXT: %[[ONE:.*]] = arith.constant 1 : i32
  // CHECK-NEXT: %[[HS:.*]] = arith.shli %[[HE]], %[[ONE]] : i32
  // CHECK-NEXT: %[[HT:.*]] = arith.trunci %[[HS]] : i32 to i16
  // CHECK-NEXT: affine.store %[[HT]], %[[U16]][1] : memref<4xi16>
  U16[1] = U16[0] << 1;
  // Negation is a subtraction from zero.
  // CHECK: %[[Z:.*]] = arith.constant 0 : i32
  // CHECK-NEXT: %[[NEG:.*]] = arith.subi %[[Z]], %[[X]] : i32
  // CHECK-NEXT: affine.store %[[NEG]], %[[OUT]][14]
  out[14] = -x;
  // Widening int to int64_t sign-extends; unsigned to int64_t zero-extends.
  // CHECK: %[[WX:.*]] = arith.extsi %[[X]] : i32 to i64
  // CHECK-NEXT: %[[WU:.*]] = arith.extui %[[U]] : i32 to i64
  // CHECK-NEXT: %[[WS:.*]] = arith.addi %[[WX]], %[[WU]] : i64
  // CHECK-NEXT: arith.trunci %[[WS]] : i64 to i32
  out[15] = (int64_t)x + (int64_t)u;
}
