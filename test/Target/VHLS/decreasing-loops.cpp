// Decreasing loops are normalised in the IR but emitted as the source wrote them.
// RUN: allo-rewrite %s --target vhls | FileCheck %s
#include <allo/allo.h>

// CHECK-LABEL: void shift(int sr[8], int x, int B[8][8]) {
[[allo::kernel]] void shift(int sr[8], int x, int B[8][8]) {
  // CHECK: for (int k = 7; k >= 1; k--) {
  // CHECK-NEXT: sr[k] = sr[k - 1];
  for (int k = 7; k > 0; k--)
    sr[k] = sr[k - 1];
  sr[0] = x;
  // CHECK: for (int i = 0; i < 8; i++) {
  // CHECK: for (int j = i; j >= 0; j--) {
  // CHECK-NEXT: B[i][j] = B[i][7 - j] + i;
  for (int i = 0; i < 8; i++)
    for (int j = i; j >= 0; j--)
      B[i][j] = B[i][7 - j] + i;
  // Steps other than 1 keep the 0-based counter.
  // CHECK: for (int k = 0; k < 4; k++) {
  // CHECK-NEXT: sr[7 - k * 2] = 0;
  for (int k = 7; k >= 0; k -= 2)
    sr[k] = 0;
}
