// --interface axi adds one m_axi bundle per array and s_axilite for scalars,
// but never for a port the source's own INTERFACE pragmas already set (nor
// port=return then); array_partition on an m_axi port of the top is refused.
// RUN: allo-rewrite %s --top plain --target vhls --interface axi | FileCheck %s --check-prefix=PLAIN
// RUN: allo-rewrite %s --top own --target vhls --interface axi | FileCheck %s --check-prefix=OWN
// RUN: not allo-rewrite %s --top own_part --target vhls 2>&1 | FileCheck %s --check-prefix=OWNPART
// RUN: allo-rewrite %s --top own_lite --target vhls --interface axi | FileCheck %s --check-prefix=LITE
#include <cstdint>

// PLAIN-LABEL: void plain(const float A[64][32], float B[64][32], int32_t n) {
// PLAIN-NEXT: #pragma HLS interface mode=m_axi port=A offset=slave bundle=gmem0 depth=2048
// PLAIN-NEXT: #pragma HLS interface mode=m_axi port=B offset=slave bundle=gmem1 depth=2048
// PLAIN-NEXT: #pragma HLS interface mode=s_axilite port=n
// PLAIN-NEXT: #pragma HLS interface mode=s_axilite port=return
void plain(const float A[64][32], float B[64][32], int32_t n) {
  for (int i = 0; i < 64; i++)
    for (int j = 0; j < 32; j++)
      B[i][j] = A[i][j] * n;
}

// The source's own pragmas stay (values that name constants become numbers);
// only the ports they do not mention get one from --interface axi.
// OWN-LABEL: void own(const int in[128], int out[128], int k) {
// OWN-NEXT: #pragma HLS interface mode=m_axi port=out offset=slave bundle=gmem1 depth=128
// OWN-NEXT: #pragma HLS interface mode=s_axilite port=k
// OWN-NEXT: #pragma HLS interface mode=m_axi port=in bundle=gmem0 depth=128 max_read_burst_length=16
// OWN-NEXT: #pragma HLS interface mode=s_axilite port=return bundle=control
// OWN-NOT: #pragma HLS interface
// OWN: for
constexpr int SIZE = 128;
#define BURST 16
void own(const int in[SIZE], int out[SIZE], int k) {
#pragma HLS interface mode=m_axi port=in bundle=gmem0 depth=SIZE max_read_burst_length=BURST
#pragma HLS interface mode=s_axilite port=return bundle=control
  for (int i = 0; i < SIZE; i++)
    out[i] = in[i] * k;
}

// OWNPART: interface-pragmas.cpp:[[@LINE+3]]:13: error: #pragma HLS array_partition: 'a' is an m_axi port (see its interface pragma); Vitis HLS does not partition m_axi ports of the top function (UG1399): copy it into a local array and partition that one
void own_part(int a[16]) {
#pragma HLS interface m_axi port=a depth=16
#pragma HLS array_partition variable=a cyclic factor=4
  for (int i = 0; i < 16; i++)
    a[i] += 1;
}

// A port the source makes s_axilite may be partitioned.
// LITE-LABEL: void own_lite(int a[16]) {
// LITE-NEXT: #pragma HLS interface mode=s_axilite port=return
// LITE-NEXT: #pragma HLS array_partition variable=a type=complete dim=1
// LITE-NEXT: #pragma HLS interface mode=s_axilite port=a
void own_lite(int a[16]) {
#pragma HLS interface mode=s_axilite port=a
#pragma HLS array_partition variable=a complete
  for (int i = 0; i < 16; i++)
    a[i] += 1;
}
