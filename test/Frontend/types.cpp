// Scalar types map to signless MLIR types; signedness is kept as the
// allo.unsigned marker (and in allo.ctype), and chooses the operations.
// RUN: allo-rewrite %s --top scalars --top arrays --top locals -- -std=c++17 | FileCheck %s
#include <cstdint>

// CHECK-LABEL: func.func @scalars(
// CHECK-SAME: %arg0: i1 {allo.ctype = "bool", allo.name = "b"}
// CHECK-SAME: %arg1: i8 {allo.ctype = "char", allo.name = "c"}
// CHECK-SAME: %arg2: i8 {allo.ctype = "signed char", allo.name = "sc"}
// CHECK-SAME: %arg3: i8 {allo.ctype = "unsigned char", allo.name = "uc", allo.unsigned}
// CHECK-SAME: %arg4: i8 {allo.ctype = "int8_t", allo.name = "i8"}
// CHECK-SAME: %arg5: i8 {allo.ctype = "uint8_t", allo.name = "u8", allo.unsigned}
// CHECK-SAME: %arg6: i16 {allo.ctype = "int16_t", allo.name = "i16"}
// CHECK-SAME: %arg7: i16 {allo.ctype = "uint16_t", allo.name = "u16", allo.unsigned}
// CHECK-SAME: %arg8: i32 {allo.ctype = "int32_t", allo.name = "i32"}
// CHECK-SAME: %arg9: i32 {allo.ctype = "uint32_t", allo.name = "u32", allo.unsigned}
// CHECK-SAME: %arg10: i64 {allo.ctype = "int64_t", allo.name = "i64"}
// CHECK-SAME: %arg11: i64 {allo.ctype = "uint64_t", allo.name = "u64", allo.unsigned}
// CHECK-SAME: %arg12: i16 {allo.ctype = "short", allo.name = "s"}
// CHECK-SAME: %arg13: i32 {allo.ctype = "unsigned int", allo.name = "u", allo.unsigned}
// CHECK-SAME: %arg14: i64 {allo.ctype = "long", allo.name = "l"}
// CHECK-SAME: %arg15: i64 {allo.ctype = "unsigned long long", allo.name = "ull", allo.unsigned}
// CHECK-SAME: %arg16: f32 {allo.ctype = "float", allo.name = "f"}
// CHECK-SAME: %arg17: f64 {allo.ctype = "double", allo.name = "d"}
// CHECK-SAME: -> (i8 {allo.unsigned})
// CHECK-SAME: allo.result_ctype = "uint8_t"
uint8_t scalars(bool b, char c, signed char sc, unsigned char uc, int8_t i8, uint8_t u8,
                int16_t i16, uint16_t u16, int32_t i32, uint32_t u32, int64_t i64, uint64_t u64,
                short s, unsigned u, long l, unsigned long long ull, float f, double d) {
  return u8;
}

// bool is not marked unsigned (it is i1); neither are floats.
// CHECK-LABEL: func.func @arrays(
// CHECK-SAME: %arg0: memref<4xi1> {allo.ctype = "bool[4]", allo.name = "B"}
// CHECK-SAME: %arg1: memref<2x3xi8> {allo.ctype = "uint8_t[2][3]", allo.name = "U", allo.unsigned}
// CHECK-SAME: %arg2: memref<5xi16> {allo.ctype = "const int16_t[5]", allo.name = "S"}
// CHECK-SAME: %arg3: memref<2x2x2xf64> {allo.ctype = "double[2][2][2]", allo.name = "D"}
// CHECK-SAME: %arg4: memref<3xi64> {allo.ctype = "const unsigned long[3]", allo.name = "UL", allo.unsigned}
// CHECK-NOT: allo.unsigned
// CHECK: return
void arrays(bool B[4], uint8_t U[2][3], const int16_t S[5], double D[2][2][2],
            const unsigned long UL[3]) {}

// Locals keep the same markers on their allocas.
// CHECK-LABEL: func.func @locals(
// CHECK-DAG: memref.alloca() {allo.ctype = "uint16_t", allo.name = "x", allo.unsigned} : memref<i16>
// CHECK-DAG: memref.alloca() {allo.ctype = "unsigned int[4]", allo.name = "T", allo.unsigned} : memref<4xi32>
// CHECK-DAG: memref.alloca() {allo.ctype = "bool", allo.name = "flag"} : memref<i1>
// CHECK-DAG: memref.alloca() {allo.ctype = "double", allo.name = "acc"} : memref<f64>
void locals(int out[1]) {
  uint16_t x = 1;
  unsigned T[4] = {};
  bool flag = false;
  double acc = 0;
  x = x + 1;
  flag = !flag;
  acc = acc + 1;
  T[0] = x;
  out[0] = T[0] + flag + (int)acc;
}
