// Loop, function and array attributes become Vitis HLS pragmas where Vitis expects them.
// RUN: allo-rewrite %s --target vhls | FileCheck %s
// RUN: not allo-rewrite %s --target vhls --interface axi 2>&1 | FileCheck %s --check-prefix=AXI
#include <allo/allo.h>
#include <cstdint>

// CHECK-LABEL: void scale(const float A[64][32], float B[64][32], int32_t n) {
// CHECK-NEXT: #pragma HLS array_partition variable=A type=cyclic factor=4 dim=2
// CHECK-NEXT: #pragma HLS array_partition variable=B type=complete dim=1
// CHECK: row:
// CHECK-NEXT: for (int i = 0; i < 64; i++) { // pragmas.cpp:[[@LINE+6]]
// CHECK-NEXT: #pragma HLS loop_flatten
// CHECK: for (int j = 0; j < 32; j++) {
// CHECK-NEXT: #pragma HLS pipeline II=2 rewind
[[allo::kernel]] void scale([[allo::partition(type=cyclic, factor=4, dim=2)]] const float A[64][32],
                            [[allo::partition(type=complete, dim=1)]] float B[64][32], int32_t n) {
  row: [[allo::flatten]] for (int i = 0; i < 64; i++)
    [[allo::pipeline(ii=2, rewind)]] for (int j = 0; j < 32; j++)
      B[i][j] = A[i][j] * n;
  // CHECK: #pragma HLS unroll factor=4
  [[allo::unroll(factor=4)]] for (int i = 0; i < 64; i++)
    B[i][0] += 1.0f;
  // CHECK: #pragma HLS unroll{{$}}
  [[allo::unroll]] for (int i = 0; i < 8; i++)
    B[0][i] += 2.0f;
}

// With --interface axi, A and B would be m_axi ports, which Vitis does not
// partition (UG1399): the combination is refused (interface-pragmas.cpp has
// the interface pragmas themselves).
// AXI: pragmas.cpp:15:23: error: vhls: 'A' is partitioned, but it is an m_axi port of the top function (--interface axi), and Vitis HLS does not partition m_axi ports (UG1399): partition a local copy instead (the buffer_at schedule step), or keep the array's default interface
