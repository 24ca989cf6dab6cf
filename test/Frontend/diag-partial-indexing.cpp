// An array indexed with fewer subscripts than it has dimensions (a row of a
// 2-D array) is a sub-array: it can be passed to a pointer or array
// parameter (see pointers.cpp and the kernel row_args), but it is not a value.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 -Wno-array-compare 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>


[[allo::kernel]] void row_as_bool(int A[4][4], int B[4]) {
  // CHECK-DAG: diag-partial-indexing.cpp:[[@LINE+1]]:7: error: unsupported: a conversion from or to a pointer (pointers are raised as the array accesses they make: they cannot be compared, converted or stored)
  if (A[1])
    B[0] = 1;
}

[[allo::kernel]] void row_compare(int A[4][4], int B[4]) {
  // CHECK-DAG: diag-partial-indexing.cpp:[[@LINE+1]]:10: error: unsupported: using an array as a value (arrays can be indexed, and passed to functions whose parameters are arrays, pointers or references)
  B[0] = A[1] == A[2];
}

// sizeof of a row is a constant and fine; so are a row bound to a pointer
// and pointer arithmetic on a row.
[[allo::kernel]] void row_size(int A[4][4], int B[4]) {
  B[0] = sizeof(A[1]);
  auto r = A[1];
  B[1] = r[0] + *(A[1] + 2);
}

// CHECK-NOT: error:
// CHECK: 2 errors generated.
