// Aliases of structs: a C-style `typedef struct { ... } name;` is declared by
// the emitted struct definition itself (never as `using name = name`), an
// alias of a named struct is declared after the struct's definition, and
// struct parameters, locals and fields keep the user's names (execution:
// test/Execution/kernels/typedef_structs.cpp).
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: allo-rewrite %s --top top --target vhls -o %t.cpp -- -std=c++17 -I%allo_include/allo/csim
// RUN: %clangxx -std=c++17 -fsyntax-only -I%allo_include/allo/csim %t.cpp
#include <ap_fixed.h>
#include <cstdint>

typedef ap_fixed<16, 6> coef_t;
typedef struct {
  coef_t w;
  int16_t off;
} tap_t;
struct pair_s {
  int32_t a, b;
};
typedef pair_s pair_t;

// CHECK-NOT: using tap_t
// CHECK: typedef struct {
// CHECK-NEXT: ap_fixed<16, 6> w;
// CHECK-NEXT: short off;
// CHECK-NEXT: } tap_t;
// CHECK: struct pair_s {
// CHECK: using pair_t = pair_s;
// CHECK-NOT: using tap_t
// CHECK: void top(tap_t taps[4], pair_t &p)
void top(tap_t taps[4], pair_t &p) {
  // CHECK: pair_t q;
  pair_t q = p;
  for (int i = 0; i < 4; i++)
    taps[i].off += q.a;
  p.b = taps[0].off;
}
