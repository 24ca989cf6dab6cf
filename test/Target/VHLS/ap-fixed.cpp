// Fixed-point values are raw integers in MLIR; the emitted code keeps the
// ap_fixed types of parameters, results, locals and arrays and reads and
// writes their raw bits through .range() (the computation in between is
// integer arithmetic at the header's widths). That it computes the same is
// checked by the differential suite (Execution/kernels/fixed_point.cpp).
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 | FileCheck %s
// The emitted top (ap_fixed parameters, array and result) links with a
// testbench written for the original and computes exactly the same:
// RUN: rm -rf %t && mkdir -p %t
// RUN: allo-rewrite %s --top top --target vhls -o %t/kernel.cpp -- -std=c++17
// RUN: %clangxx -std=c++17 -I%allo_include/allo/csim %t/kernel.cpp %S/Inputs/ap-fixed-tb.cpp -o %t/emitted
// RUN: %clangxx -std=c++17 -I%allo_include/allo/csim %s %S/Inputs/ap-fixed-tb.cpp -o %t/original
// RUN: %t/emitted > %t/emitted.txt
// RUN: %t/original > %t/original.txt
// RUN: diff %t/emitted.txt %t/original.txt
#include <ap_fixed.h>

// CHECK: template <class T, class R> static inline T allo_from_bits(R r) {
// CHECK: static inline int64_t allo_f64_bits(double d) {

// A helper's fixed-point parameters are built from raw bits at the call, and
// its result read back the same way.
// CHECK-LABEL: static ap_fixed<12, 4> half(ap_fixed<12, 4> v) {
// CHECK: return allo_from_bits<ap_fixed<12, 4>>({{.*}}ap_int<12>(v.range()){{.*}});
static ap_fixed<12, 4> half(ap_fixed<12, 4> v) { return v >> 1; }

// CHECK-LABEL: ap_ufixed<10, 2> top(ap_fixed<12, 4> a, ap_ufixed<10, 2> b[4], double d) {
// CHECK: ap_fixed<16, 8> acc;
// CHECK: acc.range() = (int16_t)0;
// CHECK: b[i].range() = {{.*}}ap_uint<10>(b[i].range())
// CHECK: acc.range() = {{.*}}int16_t(acc.range())
// CHECK: half(allo_from_bits<ap_fixed<12, 4>>(ap_int<12>(a.range())))
// CHECK-NEXT: .range()
// CHECK: allo_f64_bits(d)
// CHECK: return allo_from_bits<ap_ufixed<10, 2>>(
ap_ufixed<10, 2> top(ap_fixed<12, 4> a, ap_ufixed<10, 2> b[4], double d) {
  ap_fixed<16, 8> acc = 0;
  for (int i = 0; i < 4; i++) {
    b[i] = b[i] + a;
    acc += b[i];
  }
  acc -= half(a);
  acc += ap_fixed<16, 8>(d);
  return acc;
}
