// Recursion cannot be synthesised (there is no call stack in hardware): every
// call that closes a cycle of the call graph is a located error.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

int fact(int n) {
  // CHECK-DAG: diag-recursion.cpp:[[@LINE+1]]:27: error: unsupported: recursive call to 'fact' (hardware has no call stack; rewrite the recursion as a loop)
  return n <= 1 ? 1 : n * fact(n - 1);
}

int is_odd(int n);
int is_even(int n) { return n == 0 ? 1 : is_odd(n - 1); }
// CHECK-DAG: diag-recursion.cpp:[[@LINE+1]]:41: error: unsupported: recursive call to 'is_even'
int is_odd(int n) { return n == 0 ? 0 : is_even(n - 1); }

// A function called twice is no recursion.
int twice(int n) { return n + 1; }

[[allo::kernel]] void k(int A[4]) {
  A[0] = fact(A[1]);
  A[2] = is_even(A[3]) + twice(1) + twice(2);
}

// CHECK-NOT: error:
// CHECK: 2 errors generated.
