// Structs are raised by scalar replacement: every scalar field of a struct
// variable is its own value or memref (an array of structs is one memref
// per field, the struct array's dimensions first), recorded with the
// variable's name and C++ type and the field's path, and the module lists
// the struct definitions the emitted code needs.
// RUN: allo-rewrite %s --top top -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
#include <ap_fixed.h>

struct Pos {
  short x, y;
};
struct Pix {
  unsigned char r;
  Pos p;
  int coef[2];
  ap_fixed<12, 4> w = 0.5;
};
struct Cpx {
  float re, im;
};

// CHECK: module attributes {allo.structs = ["struct Pos {\0A  short x;\0A  short y;\0A};\0A", "struct Pix {\0A  unsigned char r;\0A  Pos p;\0A  int coef[2];\0A  ap_fixed<12, 4> w;\0A};\0A", "struct Cpx {\0A  float re;\0A  float im;\0A};\0A"]}

// The top: an array of structs (field offsets, byte strides and the
// parameter's size from Clang's record layout, for testbenches).
// CHECK-LABEL: func.func @top(
// CHECK-SAME: %arg0: memref<4xi8> {allo.aggregate = 0 : i64, allo.aos_size = 96 : i64, allo.aos_strides = array<i64: 24>, allo.ctype = "Pix[4]", allo.field = ".r", allo.field_bytes = 1 : i64, allo.field_ctype = "unsigned char", allo.field_offset = 0 : i64, allo.name = "A", allo.unsigned}
// CHECK-SAME: %arg1: memref<4xi16> {{{[^}]*}}allo.field = ".p.x"{{[^}]*}}allo.field_offset = 2 : i64
// CHECK-SAME: %arg3: memref<4x2xi32> {allo.aggregate = 0 : i64, allo.aos_size = 96 : i64, allo.aos_strides = array<i64: 24, 4>, {{[^}]*}}allo.field = ".coef[]", {{[^}]*}}allo.field_offset = 8 : i64
// CHECK-SAME: %arg4: memref<4xi12> {{{[^}]*}}allo.field = ".w", allo.field_bytes = 8 : i64, allo.field_ctype = "ap_fixed<12, 4>", allo.field_offset = 16 : i64, allo.fixed_scale = 8 : i64
// CHECK-SAME: %arg5: memref<2xf32> {allo.aggregate = 1 : i64, {{[^}]*}}allo.ctype = "Cpx *", allo.field = ".re"
// A local struct: one alloca per field, sharing an aggregate id.
// CHECK: memref.alloca() {allo.aggregate = 0 : i64, allo.ctype = "Pix", allo.field = ".r", allo.field_ctype = "unsigned char", allo.name = "t", allo.unsigned} : memref<i8>
// CHECK: memref.alloca() {allo.aggregate = 0 : i64, allo.ctype = "Pix", allo.field = ".coef[]", allo.field_ctype = "int", allo.name = "t"} : memref<2xi32>
// CHECK: memref.alloca() {allo.aggregate = 1 : i64, allo.ctype = "Cpx[2]", allo.field = ".re", allo.field_ctype = "float", allo.name = "acc"} : memref<2xf32>
// The member initializer of w (0.5 = 128/256) initialises t.
// CHECK: arith.constant 128 : i12
// t = A[1]: field by field, the array field by a loop.
// CHECK: affine.load %arg0[1] : memref<4xi8>
// CHECK: affine.for
// CHECK-NEXT: affine.load %arg3[1, %{{.*}}] : memref<4x2xi32>
// A[i] passed by reference: a subview of every field.
// CHECK: memref.subview %arg3[%{{.*}}, 0] [1, 2] [1, 1] : memref<4x2xi32> to memref<2xi32, strided<[1], offset: ?>>
// CHECK: call @clear(
// A struct call result feeds the fields of acc[i].
// CHECK: %[[R:.*]]:2 = func.call @cadd(
// CHECK: affine.store %[[R]]#0, %{{.*}}[%{{.*}}] : memref<2xf32>
// CHECK: affine.store %[[R]]#1, %{{.*}}[%{{.*}}] : memref<2xf32>
// A struct by reference: a rank-0 memref per scalar field, a memref per array field.
// CHECK-LABEL: func.func @clear(
// CHECK-SAME: memref<i8, strided<[], offset: ?>> {allo.aggregate = 0 : i64, {{[^}]*}}allo.ctype = "Pix &", allo.field = ".r"
// CHECK-SAME: memref<2xi32, strided<[1], offset: ?>> {allo.aggregate = 0 : i64, {{[^}]*}}allo.field = ".coef[]"
// A struct result: one result per field, with their layout.
// CHECK-LABEL: func.func @cadd(
// CHECK-SAME: %arg0: f32 {allo.aggregate = 0 : i64, {{[^}]*}}allo.ctype = "Cpx", allo.field = ".re"
// CHECK-SAME: %arg1: f32 {allo.aggregate = 0 : i64, {{[^}]*}}allo.field = ".im"
// CHECK-SAME: -> (f32, f32) attributes {allo.result_ctype = "Cpx", allo.result_fields = [{bytes = 4 : i64, ctype = "float", field = ".re", offset = 0 : i64}, {bytes = 4 : i64, ctype = "float", field = ".im", offset = 4 : i64}], allo.result_size = 8 : i64
// CHECK: %[[RE:.*]] = arith.addf %arg0, %arg2
// CHECK: %[[IM:.*]] = arith.addf %arg1, %arg3
// CHECK: return %[[RE]], %[[IM]] : f32, f32
static Cpx cadd(Cpx a, Cpx b) { return Cpx{a.re + b.re, a.im + b.im}; }

static void clear(Pix &p) {
  p.r = 0;
  p.coef[1] = p.p.y;
}

void top(Pix A[4], Cpx *z, int out[2]) {
#pragma HLS interface m_axi port=z depth=2
  Pix t;
  Cpx acc[2] = {};
  t = A[1];
  for (int i = 0; i < 4; i++)
    clear(A[i]);
  for (int i = 0; i < 2; i++)
    acc[i] = cadd(acc[i], z[i]);
  out[0] = t.coef[0] + t.p.x + (int)(acc[0].re + acc[1].im);
  out[1] = t.w.to_int();
}

