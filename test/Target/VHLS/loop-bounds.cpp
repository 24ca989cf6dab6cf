// A loop bound read from memory is evaluated once (as in the IR), not in the loop condition.
// RUN: allo-rewrite %s --target vhls | FileCheck %s
#include <allo/allo.h>

// CHECK-LABEL: void prefix(const int A[64], int B[64]) {
[[allo::kernel]] void prefix(const int A[64], int B[64]) {
  int n = A[0] & 31;
  n += 1;
  // CHECK: int n_v = n;
  // CHECK-NEXT: l_prefix_i:
  // CHECK-NEXT: for (int i = 0; i < n_v; i++) { // loop-bounds.cpp:[[@LINE+2]]
  // CHECK-NEXT: B[i] = A[i];
  for (int i = 0; i < n; i++)
    B[i] = A[i];
}
