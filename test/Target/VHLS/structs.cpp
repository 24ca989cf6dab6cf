// The emitted file defines the structs it uses (a namespace's struct in its
// namespace, an anonymous struct under its typedef name) and is its own
// translation unit: a testbench including the user's header links with it
// and computes the same. Fields are accessed as written (px[i].r,
// s.hist[k]); structs are passed as the objects they are, returned as
// braced values.
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 -I%allo_include/allo/csim -I%S/Inputs | FileCheck %s
// RUN: rm -rf %t && mkdir -p %t
// RUN: allo-rewrite %s --top top --target vhls -o %t/kernel.cpp -- -std=c++17 -I%allo_include/allo/csim -I%S/Inputs
// RUN: %clangxx -std=c++17 -fwrapv -I%allo_include/allo/csim -I%S/Inputs %t/kernel.cpp %S/Inputs/structs-tb.cpp -o %t/emitted
// RUN: %clangxx -std=c++17 -fwrapv -I%allo_include/allo/csim -I%S/Inputs %s %S/Inputs/structs-tb.cpp -o %t/original
// RUN: %t/emitted > %t/emitted.txt
// RUN: %t/original > %t/original.txt
// RUN: diff %t/emitted.txt %t/original.txt
#include "structs.h"

// CHECK: namespace img {
// CHECK-NEXT: struct Pixel {
// CHECK-NEXT: unsigned char r;
// CHECK: typedef struct {
// CHECK-NEXT: float re;
// CHECK-NEXT: float im;
// CHECK-NEXT: } cplx_t;
// CHECK: struct Sample {
// CHECK: cplx_t c;
// CHECK-NEXT: ap_fixed<16, 8> w;
// CHECK-NEXT: int hist[3];

static cplx_t cmul(cplx_t a, cplx_t b) {
  return cplx_t{a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

// CHECK-LABEL: static void gray(img::Pixel &p) {
// CHECK: p.r = t;
// CHECK-LABEL: static cplx_t cmul(cplx_t a, cplx_t b) {
// CHECK: return cplx_t{a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
static void gray(img::Pixel &p) {
  unsigned char l = (p.r + p.g + p.b) / 3;
  p.r = p.g = p.b = l;
}

// CHECK-LABEL: void top(img::Pixel px[4], cplx_t *z, Sample &acc, const Sample s[2]) {
// CHECK: gray(px[i]);
// CHECK: cplx_t cmul_r = cmul(z[i], z[3 - i]);
// CHECK: acc.hist[k] = acc.hist[k] + s[j].hist[k];
void top(img::Pixel px[4], cplx_t *z, Sample &acc, const Sample s[2]) {
#pragma HLS interface m_axi port=z depth=4
  for (int i = 0; i < 4; i++)
    gray(px[i]);
  cplx_t t[4];
  for (int i = 0; i < 4; i++)
    t[i] = cmul(z[i], z[3 - i]);
  for (int i = 0; i < 4; i++)
    z[i] = t[i];
  for (int j = 0; j < 2; j++) {
    acc.x += s[j].x;
    acc.c.re += s[j].c.re;
    acc.w += s[j].w;
    for (int k = 0; k < 3; k++)
      acc.hist[k] += s[j].hist[k];
  }
}
