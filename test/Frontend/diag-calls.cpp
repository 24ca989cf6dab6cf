// Calls outside the subset: array shapes that differ
// between caller and callee, functions without a body, library functions
// other than <cmath>/std::abs/min/max, member functions.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>
#include <cmath>
#include <cstdio>
#include <cstdlib>

void row(int R[4]) { R[0] = 1; }
void wide(int R[8]) { R[0] = 1; }
void grid(int G[4][8]) { G[0][0] = 1; }
int declared_only(int x);

[[allo::kernel]] void shape_mismatch(int A[4]) {
  // CHECK-DAG: diag-calls.cpp:[[@LINE+1]]:8: error: array argument of type int[4] does not match the parameter 'R' of type int[8]; Allo needs identical array shapes across calls
  wide(A);
}

[[allo::kernel]] void shape_mismatch_local(int A[4]) {
  int L[2][8] = {};
  // CHECK-DAG: diag-calls.cpp:[[@LINE+1]]:8: error: array argument of type int[2][8] does not match the parameter 'G' of type int[4][8]; Allo needs identical array shapes across calls
  grid(L);
  A[0] = L[0][0];
}

[[allo::kernel]] void no_body(int A[4]) {
  // CHECK-DAG: diag-calls.cpp:[[@LINE+1]]:10: error: call to 'declared_only', which has no definition in this translation unit; Allo raises only functions whose body it can see
  A[0] = declared_only(A[1]);
}

[[allo::kernel]] void calls_printf(int A[4]) {
  // CHECK-DAG: diag-calls.cpp:[[@LINE+1]]:3: error: unsupported: call to library function 'printf' (supported: <cmath> functions, std::abs/min/max)
  printf("%d\n", A[0]);
}

[[allo::kernel]] void calls_rand(int A[4]) {
  // CHECK-DAG: diag-calls.cpp:[[@LINE+1]]:10: error: unsupported: call to library function 'rand' (supported: <cmath> functions, std::abs/min/max)
  A[0] = std::rand();
}

[[allo::kernel]] void calls_unsupported_math(float F[4]) {
  // CHECK-DAG: diag-calls.cpp:[[@LINE+1]]:10: error: unsupported: call to library function 'std::tgamma' (no math-dialect counterpart)
  F[0] = std::tgamma(F[1]);
}

// CHECK-NOT: error:
// CHECK: 6 errors generated.
