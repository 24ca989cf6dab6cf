// Type aliases (typedef, using, aliases of aliases, namespace-scope aliases,
// array aliases, a template parameter bound to an alias, a local typedef):
// every decision is made on the canonical type, the emitted file declares the
// aliases its names use, and the top's signature keeps the user's names.
// RUN: allo-rewrite %s --target vhls -- -std=c++17 -I%S/Inputs | FileCheck %s
// The emitted file compiles on its own, links with the user's testbench and
// computes what the original computes; it also compiles after the user's
// header in one translation unit (an alias may be redeclared as the same type).
// RUN: rm -rf %t && mkdir -p %t
// RUN: allo-rewrite %s --target vhls -o %t/kernel.cpp -- -std=c++17 -I%S/Inputs
// RUN: %clangxx -std=c++17 -I%allo_include/allo/csim -I%S/Inputs %t/kernel.cpp %S/Inputs/type-aliases-tb.cpp -o %t/emitted
// RUN: %clangxx -std=c++17 -I%allo_include/allo/csim -I%allo_include -I%S/Inputs -Wno-unknown-attributes %s %S/Inputs/type-aliases-tb.cpp -o %t/original
// RUN: %t/emitted > %t/emitted.txt
// RUN: %t/original > %t/original.txt
// RUN: diff %t/emitted.txt %t/original.txt
// RUN: %clangxx -std=c++17 -fsyntax-only -I%allo_include/allo/csim -I%S/Inputs -DINCLUDE_EMITTED='"%t/kernel.cpp"' %S/Inputs/type-aliases-tb.cpp
#include "type-aliases.h"
#include <allo/allo.h>

// Declared in order, each after the aliases it names; the HLS headers' own
// aliases (int32_t) are not redeclared.
// CHECK: using data_t = ap_fixed<16, 8>;
// CHECK-NEXT: using acc_t = ap_fixed<32, 16, AP_RND, AP_SAT>;
// CHECK-NEXT: using din_t = int32_t;
// CHECK-NEXT: using coef_t = data_t;
// CHECK-NEXT: namespace dsp {
// CHECK-NEXT: using sample_t = ap_uint<12>;
// CHECK-NEXT: }
// CHECK-NEXT: using vec_t = din_t[8];

// A template instantiated with an alias: its parameters are the canonical type
// (Clang substitutes canonical template arguments), computed on raw bits.
// CHECK-LABEL: static ap_fixed<16, 8> mac_ap_fixed_16_8(ap_fixed<16, 8> a, ap_fixed<16, 8> b, acc_t acc) {
// CHECK: int16_t(a.range())
template <typename T> static T mac(T a, T b, acc_t acc) { return acc + a * b; }

// CHECK-LABEL: data_t top(const data_t x[8], coef_t c[8], din_t n, dsp::sample_t s[4], vec_t v) {
[[allo::kernel]] data_t top(const data_t x[NTAPS], coef_t c[NTAPS], din_t n, dsp::sample_t s[4],
                            vec_t v) {
  typedef ap_fixed<20, 10> local_t; // not declarable at file scope: spelled out
  // CHECK: acc_t acc;
  // CHECK: ap_fixed<20, 10> t;
  acc_t acc = 0;
  local_t t = 0;
  for (int i = 0; i < NTAPS; i++) {
    acc += x[i] * c[i];
    c[i] = c[i] + x[i];
    t += x[i];
    v[i] = v[i] * n + (din_t)s[i % 4];
  }
  for (int i = 0; i < 4; i++)
    s[i] = s[i] + (dsp::sample_t)n;
  return mac<data_t>(x[0], c[1], acc) + t;
}
