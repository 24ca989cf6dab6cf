// A negation of a negation is printed with parentheses: "--x" would be a
// decrement (repro 02: it changed the input, hung a loop, or did not compile).
// RUN: allo-rewrite %s --target vhls | FileCheck %s
#include <allo/allo.h>

// CHECK-LABEL: void neg(int A[8], int B[8], float F[8]) {
[[allo::kernel]] void neg(int A[8], int B[8], float F[8]) {
  // CHECK: for (int i = 0; i < 8; i++) {
  for (int i = 0; i < 8; i++) {
    // CHECK-NEXT: B[i] = -(-A[i]);
    B[i] = -(-A[i]);
    // CHECK-NEXT: A[i] = -(-i);
    A[i] = -(-i);
    // CHECK-NEXT: F[i] = -(-F[i]);
    F[i] = -(-F[i]);
    // CHECK-NEXT: B[i] = -(-(B[i] | 3));
    B[i] = -(-(B[i] | 3));
    // CHECK-NEXT: B[i] = -(-(-B[i]));
    B[i] = -(-(-B[i]));
  }
}
