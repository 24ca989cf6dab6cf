// memcpy between arrays: a copy loop named `memcpy` (affine.for for a constant
// size, scf.for for count * sizeof(T)), the flat index of memcpy split back
// over a 2-D array; sizes that are not whole elements, other size
// expressions and different element types are located errors.
// (Execution: test/Execution/kernels/memcpy_burst.cpp.)
// RUN: allo-rewrite %s --top copies -- -std=c++17 | FileCheck %s
// RUN: not allo-rewrite %s --top bad_size -- -std=c++17 2>&1 | FileCheck %s --check-prefix=SIZE
// RUN: not allo-rewrite %s --top bad_types -- -std=c++17 2>&1 | FileCheck %s --check-prefix=TYPES
// RUN: not allo-rewrite %s --top bad_expr -- -std=c++17 2>&1 | FileCheck %s --check-prefix=EXPR
#include <cstdint>
#include <cstring>

// CHECK-LABEL: func.func @copies
// CHECK: affine.for %[[K:[a-z0-9]+]] {{.*}}= 0 to 8 {
// CHECK-NEXT: affine.load %arg0[%[[K]] + 4]
// CHECK-NEXT: affine.store {{.*}}[%[[K]] floordiv 4, %[[K]] mod 4]
// CHECK-NEXT: } {allo.iv = "k", allo.name = "memcpy"}
// CHECK: scf.for
// CHECK: memref.load
// CHECK: memref.store
// CHECK: {allo.iv = "k", allo.name = "memcpy"}
void copies(const int32_t in[16], int32_t out[16], int n) {
  int32_t t[2][4];
  memcpy(t, in + 4, sizeof(t));
  memcpy(out, &t[0][0], (n & 7) * sizeof(int32_t));
}

// SIZE: memcpy.cpp:[[@LINE+2]]:19: error: unsupported: memcpy of 6 bytes, not a whole number of 'int32_t' elements (4 bytes each)
void bad_size(const int32_t in[4], int32_t out[4]) {
  memcpy(out, in, 6);
}

// TYPES: memcpy.cpp:[[@LINE+2]]:3: error: unsupported: memcpy between arrays of different element types ('float' and 'const int32_t'); copy with a loop and explicit conversions
void bad_types(const int32_t in[4], float out[4]) {
  memcpy(out, in, 16);
}

// EXPR: memcpy.cpp:[[@LINE+2]]:19: error: unsupported: this memcpy size (raised: a constant, or 'count * sizeof(T)' with T the element type)
void bad_expr(const int32_t in[4], int32_t out[4], int bytes) {
  memcpy(out, in, bytes);
}
