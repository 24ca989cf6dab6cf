// Streams of fixed-point values: raised, a stream carries the raw bits
// (allo.fixed_scale on the stream, as on arrays); emitted, hls::stream<T>
// carries the values, so a write builds the value from its bits and a read
// takes the bits of the value. Found by scripts/fuzz-diff.py (relay of an
// ap_fixed array); executed by test/Execution/kernels/stream_fixed.cpp.
// RUN: allo-rewrite %s --top top --target mlir -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s --check-prefix=MLIR
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
#include <ap_fixed.h>
#include <hls_stream.h>

typedef ap_fixed<16, 8> fx;

// MLIR-LABEL: func.func @top
// MLIR: allo.stream_create {allo.ctype = "ap_fixed<16, 8>", allo.fixed_scale = 8 : i64, allo.name = "s"
// MLIR-LABEL: func.func @prod
// MLIR-SAME: !allo.stream<i16> {allo.ctype = "ap_fixed<16, 8>", allo.fixed_scale = 8 : i64, allo.name = "s"}
// MLIR-SAME: memref<2x!allo.stream<i16>> {allo.ctype = "ap_fixed<16, 8>", allo.fixed_scale = 8 : i64, allo.name = "l"}

// CHECK-LABEL: void prod(
// CHECK: s.write(allo_from_bits<ap_fixed<16, 8>>(
// CHECK: l[i % 2].write(allo_from_bits<ap_fixed<16, 8>>(
void prod(const fx A[4], hls::stream<fx> &s, hls::stream<fx> l[2]) {
  for (int i = 0; i < 4; i++) {
    s.write(A[i] * 2);
    l[i % 2].write(A[i]);
  }
}

// CHECK-LABEL: void cons(
// CHECK: int16_t(s.read().range())
// CHECK: int16_t(l[i % 2].read().range())
void cons(hls::stream<fx> &s, hls::stream<fx> l[2], fx B[4]) {
  for (int i = 0; i < 4; i++)
    B[i] = s.read() + l[i % 2].read();
}

void top(const fx A[4], fx B[4]) {
#pragma HLS dataflow
  hls::stream<fx> s;
  hls::stream<fx> l[2];
  prod(A, s, l);
  cons(s, l, B);
}
