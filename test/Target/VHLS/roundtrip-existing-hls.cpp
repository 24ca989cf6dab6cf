// Existing Vitis HLS code round-trips: every #pragma HLS survives (known ones as
// attributes, the rest verbatim), labels and ap_int types are kept. That it still
// computes the same is checked by the differential suite (Execution/kernels/hls_existing.cpp).
// RUN: allo-rewrite %S/../../Execution/kernels/hls_existing.cpp --top hls_existing -- -std=c++17 -I%S/../../Execution | FileCheck %s --check-prefix=IR
// RUN: allo-rewrite %S/../../Execution/kernels/hls_existing.cpp --top hls_existing --target vhls -- -std=c++17 -I%S/../../Execution | FileCheck %s

// IR: func.func @hls_existing
// IR-SAME: allo.ctype = "const int16_t[32]"
// IR: memref.alloca() {allo.ctype = "ap_int<12>[8]", allo.name = "shift_reg", allo.partition = [#allo.partition<complete, dim = 1>]} : memref<8xi12>
// IR: {allo.iv = "n", allo.label, allo.name = "samples", allo.pipeline_ii = 1 : i64, allo.pragmas = ["loop_tripcount min=32 max=32"]}
// IR: func.func @mac({{.*}}i20{{.*}}i12{{.*}}i8{{.*}}-> i20 attributes {allo.inline = 1 : i64

// CHECK: static ap_int<20> mac(ap_int<20> acc, ap_int<12> x, ap_int<8> c) {
// CHECK-NEXT: #pragma HLS inline
// CHECK: void hls_existing(const int16_t in[32], const int8_t coef[8], int32_t out[32], uint16_t sum[1]) {
// CHECK: ap_int<12> shift_reg[8];
// CHECK-NEXT: #pragma HLS array_partition variable=shift_reg type=complete dim=1
// CHECK: ap_int<8> c[8];
// CHECK-NEXT: #pragma HLS array_partition variable=c type=cyclic factor=2 dim=1
// CHECK: init:
// CHECK-NEXT: for (int i = 0; i < 8; i++) {
// CHECK-NEXT: #pragma HLS unroll
// CHECK: samples:
// CHECK-NEXT: for (int n = 0; n < 32; n++) {
// CHECK-NEXT: #pragma HLS pipeline II=1
// CHECK-NEXT: #pragma HLS loop_tripcount min=32 max=32
// CHECK: shift:
// CHECK: taps:
// CHECK: acc = mac(acc, shift_reg[i], c[i]);
