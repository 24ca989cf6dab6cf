// Malformed #pragma HLS directives are located errors (one per function here).
// RUN: not allo-rewrite %s --target vhls 2>&1 | FileCheck %s
void f1(int A[8]) {
  for (int i = 0; i < 8; i++) {
// CHECK-DAG: hls-pragma-errors.cpp:[[@LINE+1]]:13: error: #pragma HLS pipeline: II=zero is not an integer constant expression here (use of undeclared identifier 'zero' in pragma value)
#pragma HLS pipeline II=zero
    A[i] = 0;
  }
}
void f2(int A[8]) {
// CHECK-DAG: hls-pragma-errors.cpp:[[@LINE+1]]:13: error: #pragma HLS array_partition: no array named 'B' in 'f2'
#pragma HLS array_partition variable=B complete
}
void f3(int A[8]) {
// CHECK-DAG: hls-pragma-errors.cpp:[[@LINE+1]]:13: error: #pragma HLS array_partition: type=cyclic needs factor=<positive integer>
#pragma HLS array_partition variable=A cyclic
}
[[allo::kernel]] void top(int A[8]) { f1(A); f2(A); f3(A); }
