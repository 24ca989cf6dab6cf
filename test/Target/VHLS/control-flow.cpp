// Loops and conditions become readable C++: min/max bounds, while loops, if/else.
// RUN: allo-rewrite %s --target vhls | FileCheck %s
#include <allo/allo.h>
#include <algorithm>

// CHECK: static inline int allo_min(int a, int b) { return a < b ? a : b; }
// CHECK-LABEL: int search(const int A[64], int key, int B[64]) {
[[allo::kernel]] int search(const int A[64], int key, int B[64]) {
  // CHECK: for (int jj = 0; jj < 64; jj += 16) {
  // CHECK: for (int j = jj; j < allo_min(jj + 16, 60); j++) {
  for (int jj = 0; jj < 64; jj += 16)
    for (int j = jj; j < std::min(jj + 16, 60); j++)
      // CHECK: if (j >= jj * 2 && j <= 40) {
      if (j >= 2 * jj && j <= 40)
        B[j] = A[j];
      // CHECK: } else {
      // CHECK-NEXT: B[j] = -A[j];
      else
        B[j] = -A[j];
  // CHECK: while (true) {
  // CHECK: if (!
  // CHECK-NEXT: break;
  int n = 0;
  while (n < 64 && A[n] != key)
    n++;
  // CHECK: return
  return n;
}
