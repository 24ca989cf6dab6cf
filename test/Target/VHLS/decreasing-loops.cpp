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

// A decreasing loop whose start depends on an enclosing decreasing loop's
// variable: the source variable j is printed, never the normalised counter
// (repro 01: the inner loop started at 9 - j and indexed A[j][2 * j + i - 9]).
// CHECK-LABEL: void nest(int A[10][10]) {
[[allo::kernel]] void nest(int A[10][10]) {
  // CHECK: for (int j = 9; j >= 2; j--) {
  // CHECK: for (int i = j; i >= 0; i--) {
  // CHECK-NEXT: A[j][i] = A[j][i] + 1;
  for (int j = 9; j > 1; j--)
    for (int i = j; i >= 0; i--)
      A[j][i] += 1;
  // Three levels: each start is in terms of the enclosing source variables.
  // CHECK: for (int j = 9; j >= 0; j--) {
  // CHECK: for (int i = j; i >= 0; i--) {
  // CHECK: for (int k = j + i; k >= i; k--) {
  // CHECK-NEXT: A[j][k - i] = A[j][k - i] + 1;
  for (int j = 9; j >= 0; j--)
    for (int i = j; i >= 0; i--)
      for (int k = i + j; k >= i; k--)
        A[j][k - i] += 1;
}
