// The PEs of an unfolded grid (and relay's loaders) that differ only in their
// coordinates share one function with the coordinates as template
// parameters: the 16 x 16 grid emits exactly the functions of the 4 x 4 one.
// Both run correctly in csim and on the concurrent simulator.
// RUN: rm -rf %t && mkdir -p %t
// RUN: sed 's/@N@/4/g' %S/Inputs/share-pes.json > %t/s4.json
// RUN: sed 's/@N@/16/g' %S/Inputs/share-pes.json > %t/s16.json
// RUN: allo-rewrite %s --schedule %t/s4.json --target vhls -o %t/g4.cpp -- -DN=4
// RUN: FileCheck %s < %t/g4.cpp
// RUN: allo-rewrite %s --schedule %t/s16.json --target vhls -o %t/g16.cpp -- -DN=16
// RUN: grep -oE '^(template <[^>]*>|(static )?void [a-z_0-9]+)' %t/g4.cpp | sed 's/[0-9][0-9]*/#/g' > %t/f4
// RUN: grep -oE '^(template <[^>]*>|(static )?void [a-z_0-9]+)' %t/g16.cpp | sed 's/[0-9][0-9]*/#/g' > %t/f16
// RUN: diff %t/f4 %t/f16
// RUN: FileCheck %s --check-prefix=CALLS < %t/g16.cpp
// RUN: g++ $(allo-rewrite --print-csim-flags) -DN=16 -O1 -w %t/g16.cpp %S/Inputs/share-pes-tb.cpp -o %t/csim16
// RUN: %t/csim16 | FileCheck %s --check-prefix=RUN16
// RUN: allo-rewrite %s --schedule %t/s16.json --target sim -o %t/sim16.cpp -- -DN=16
// RUN: g++ $(allo-rewrite --print-sim-flags) -DN=16 -O1 -w %t/sim16.cpp %S/Inputs/share-pes-tb.cpp -o %t/sim16
// RUN: %t/sim16 | FileCheck %s --check-prefix=RUN16
// The MLIR target keeps one function per PE: the names --list-loops shows and
// further schedules address (fuzz-diff seed 8, case 33).
// RUN: allo-rewrite %s --schedule %t/s4.json --target mlir -o - -- -DN=4 | FileCheck %s --check-prefix=MLIR
// RUN: allo-rewrite %s --schedule %t/s4.json --list-loops -- -DN=4 | FileCheck %s --check-prefix=LIST
// MLIR: func.func @mm_PE_1_2(
// MLIR-NOT: allo.template_param
// LIST: mm_PE_1_2:B_buf.in0
#include <allo/allo.h>
#include <cstdint>

constexpr int K = 8;
typedef int16_t acc_t;

[[allo::kernel]] void mm(const int8_t A[N][K], const int8_t B[K][N], acc_t C[N][N]) {
  int i, j;
  for (i = 0; i < N; i++)
    for (j = 0; j < N; j++) {
      acc_t acc = 0;
      for (int k = 0; k < K; k++)
        acc += A[i][k] * B[k][j];
      C[i][j] = acc;
    }
}

// Loaders of the rows of A and the columns of B, and four PE roles.
// CHECK:      template <int i> static void mm_PE_load_A_buf_0(const int8_t A[4][8], hls::stream<int8_t> &fifo) {
// CHECK:        fifo.write(A[i][
// CHECK:      template <int j> static void mm_PE_load_B_buf_0(const int8_t B[8][4], hls::stream<int8_t> &fifo) {
// CHECK:      template <int i, int j>
// CHECK-NEXT: static void mm_PE_0_0(acc_t C[4][4], hls::stream<int8_t> &A_buf_in, hls::stream<int8_t> &A_buf_out,
// CHECK-NEXT:                       hls::stream<int8_t> &B_buf_in, hls::stream<int8_t> &B_buf_out) {
// CHECK:        C[i][j] = acc;
// CHECK:      template <int i>
// CHECK-NEXT: static void mm_PE_0_3(
// CHECK:        C[i][3] = acc;
// CHECK:      template <int j>
// CHECK-NEXT: static void mm_PE_3_0(
// CHECK:        C[3][j] = acc;
// CHECK:      static void mm_PE_3_3(
// CHECK:        C[3][3] = acc;
// CHECK:      static void mm_PE(
// CHECK:        mm_PE_load_B_buf_0<3>(B, B_buf_fifo_3_0);
// CHECK:        mm_PE_0_0<2, 1>(C, A_buf_fifo_2_1, A_buf_fifo_2_2, B_buf_fifo_1_2, B_buf_fifo_1_3);
// CHECK-NOT:  mm_PE_1_
// CALLS:      mm_PE_0_0<14, 14>(C,
// CALLS:      mm_PE_0_15<14>(C,
// CALLS:      mm_PE_15_0<14>(C,
// CALLS:      mm_PE_15_15(C,

// RUN16: mm 16x16: PASS (0 mismatches)
