// Pointers outside the subset: each is a located error naming the cause and,
// for a top's pointer of unknown size, the pragma that gives it.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

// CHECK-DAG: diag-pointers.cpp:[[@LINE+1]]:43: error: parameter 'a' of 'no_depth' is a pointer, so the size of the array it points to is unknown: add '#pragma HLS interface m_axi port=a depth=<number of elements>' to the function body, or declare it as an array of constant size
[[allo::kernel]] void no_depth(const int *a, int *out) { *out = a[1]; }

// CHECK-DAG: diag-pointers.cpp:[[@LINE+1]]:34: error: parameter 'm' of 'rows' is a pointer
[[allo::kernel]] void rows(float m[][8]) { m[0][0] = 1; }

[[allo::kernel]] void not_multiple(float m[][8]) {
// CHECK-DAG: diag-pointers.cpp:[[@LINE+1]]:13: error: #pragma HLS interface: depth=12 of 'm' is not a multiple of its rows of 8 elements
#pragma HLS interface m_axi port=m depth=12
  m[0][0] = 1;
}

[[allo::kernel]] void not_constant(int *a, int n) {
// CHECK-DAG: diag-pointers.cpp:[[@LINE+1]]:13: error: #pragma HLS interface: depth=n of 'a' is not a positive integer constant ('n' is not an integer constant expression (it is a parameter of 'not_constant'); pragma values must be literals
#pragma HLS interface m_axi port=a depth=n
  a[1] = n;
}

[[allo::kernel]] void reseated(int A[8]) {
  // CHECK-DAG: diag-pointers.cpp:[[@LINE+1]]:8: error: unsupported: pointer variable 'p' is reassigned (p = q, p++); Allo raises pointers that are initialised once: index the array instead
  int *p = A;
  p++;
  *p = 1;
}

[[allo::kernel]] void null_pointer(int A[8]) {
  // CHECK-DAG: diag-pointers.cpp:[[@LINE+1]]:8: error: unsupported: pointer variable 'p' (raised only when initialised with an array element, a variable, or a pointer into an array)
  int *p = nullptr;
  A[0] = 1;
}

[[allo::kernel]] void one_variable(int A[8]) {
  int x = A[0];
  int *p = &x;
  // CHECK-DAG: diag-pointers.cpp:[[@LINE+1]]:10: error: unsupported: subscript of a pointer to a single variable (only [0] is in bounds)
  A[1] = p[1];
}

// CHECK-NOT: error:
// CHECK: 7 errors generated.
