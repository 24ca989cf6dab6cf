// Pointer, unsized-array and reference parameters, pointer arithmetic and
// pointer/reference locals. The top's pointers get their sizes from
// `#pragma HLS interface ... depth=N` (counted in elements of the scalar
// type; macros, constexpr values and expressions allowed), or 1 when only
// `*p` / `p[0]` is used. A callee's pointer (and reference) parameters take
// a pointer into any array: a memref with a dynamic size and offset, passed
// as a memref.cast of a whole array or a memref.subview at the offset.
// RUN: allo-rewrite %s --top top -- -std=c++17 | FileCheck %s

#define SIZE 64
constexpr int ROW = 8;

// CHECK-LABEL: func.func @top(
// CHECK-SAME: %arg0: memref<64xi32> {allo.ctype = "const int *", allo.name = "in"}
// CHECK-SAME: %arg1: memref<64xi32> {allo.ctype = "int[]", allo.name = "out"}
// CHECK-SAME: %arg2: memref<4x8xf32> {allo.ctype = "float[][8]", allo.name = "m"}
// CHECK-SAME: %arg3: memref<2x8xf32> {allo.ctype = "float (*)[8]", allo.name = "q"}
// CHECK-SAME: %arg4: memref<1xi32> {allo.ctype = "int *", allo.name = "total"}
// CHECK-SAME: %arg5: memref<i32> {allo.ctype = "int &", allo.name = "count"}
// CHECK-SAME: %arg6: i32 {allo.ctype = "const int &", allo.name = "k"}
// CHECK-SAME: %arg7: memref<i16> {allo.ctype = "unsigned short &", allo.name = "flag", allo.unsigned}
// CHECK: %[[X:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "x"} : memref<i32>
// In the top: p[i] and *(p + i) are plain (affine) accesses.
// CHECK: affine.load %arg0[%{{.*}} * 8 + %{{.*}}] : memref<64xi32>
// CHECK: affine.load %arg0[%{{.*}} * 8 + %{{.*}} + 1] : memref<64xi32>
// Pointer arithmetic passed on: a subview at the offset, sized to the end.
// CHECK: %[[OFF:.*]] = affine.apply #{{.*}}(%[[R:.*]])
// CHECK: %[[N:.*]] = arith.subi %{{.*}}, %[[OFF]] : index
// CHECK: memref.subview %arg1[%[[OFF]]] [%[[N]]] [1] : memref<64xi32> to memref<?xi32, strided<[1], offset: ?>>
// A row of a 2-D array: a rank-reducing subview, cast to the callee's type.
// CHECK: %[[ROW:.*]] = memref.subview %arg2[%{{.*}}, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1], offset: ?>>
// CHECK: memref.cast %[[ROW]] : memref<8xf32, strided<[1], offset: ?>> to memref<?xf32, strided<[1], offset: ?>>
// A reference to an element: a rank-0 subview; to a variable: a cast.
// CHECK: memref.subview %arg1[%{{.*}}] [1] [1] : memref<64xi32> to memref<i32, strided<[], offset: ?>>
// CHECK: memref.cast %arg5 : memref<i32> to memref<i32, strided<[], offset: ?>>
// &x for a pointer parameter: the variable as a one-element array.
// CHECK: memref.expand_shape %[[X]] [] output_shape [1] : memref<i32> into memref<1xi32>
// A pointer local and a reference local are aliases of what they point to.
// CHECK: affine.load %arg0[57] : memref<64xi32>
// CHECK: affine.store %{{.*}}, %arg4[0] : memref<1xi32>
// CHECK: affine.store %{{.*}}, %arg1[0] : memref<64xi32>
// CHECK: affine.store %{{.*}}, %arg7[] : memref<i16>

// CHECK-LABEL: func.func @scale(
// CHECK-SAME: %arg0: memref<?xi32, strided<[1], offset: ?>> {allo.ctype = "int *", allo.name = "row"}
// CHECK: affine.load %arg0[%{{.*}}] : memref<?xi32, strided<[1], offset: ?>>
static void scale(int *row, int n) {
  for (int j = 0; j < n; j++)
    row[j] *= 2;
}

// CHECK-LABEL: func.func @norm(
// CHECK-SAME: memref<?xf32, strided<[1], offset: ?>> {allo.ctype = "const float *", allo.name = "v"}
static float norm(const float *v) {
  float s = 0;
  for (int j = 0; j < ROW; j++)
    s += v[j] * v[j];
  return s;
}

// CHECK-LABEL: func.func @bump(
// CHECK-SAME: memref<i32, strided<[], offset: ?>> {allo.ctype = "int &", allo.name = "c"}
static void bump(int &c) { c += 1; }

// CHECK-LABEL: func.func @set(
// CHECK-SAME: memref<?xi32, strided<[1], offset: ?>> {allo.ctype = "int *", allo.name = "p"}
static void set(int *p, int v) { *p = v; }

void top(const int *in, int out[], float m[][ROW], float (*q)[8], int *total, int &count,
         const int &k, unsigned short &flag) {
#pragma HLS interface m_axi port=in depth=SIZE
#pragma HLS interface m_axi port=out depth = SIZE
#pragma HLS interface m_axi port=m depth=4 * ROW
#pragma HLS interface m_axi port=q depth=(ROW + ROW)
  for (int r = 0; r < 8; r++)
    for (int j = 0; j < ROW - 1; j++)
      out[r * ROW + j] = in[r * ROW + j] + *(in + r * ROW + j + 1) * k;
  for (int r = 0; r < 8; r++)
    scale(out + r * ROW, ROW);
  float s = 0;
  for (int r = 0; r < 4; r++)
    s += norm(m[r]) + norm(q[r % 2]);
  for (int r = 0; r < 8; r++)
    bump(out[r]);
  bump(count);
  int x = 0;
  set(&x, k);
  const int *tail = &in[SIZE - 8];
  *total = tail[1] + x + (int)s;
  int &first = out[0];
  first = 0;
  flag = 1;
}
