// An array indexed with fewer subscripts than it has dimensions (a row of a
// 2-D array) is a sub-array: it can be neither passed nor used as a value.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 -Wno-array-compare 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

void row(int R[4]) { R[0] = 0; }

[[allo::kernel]] void pass_row(int A[4][4]) {
  // CHECK-DAG: diag-partial-indexing.cpp:[[@LINE+1]]:7: error: unsupported: passing or using part of an array (a sub-array such as 'A[i]'); pass whole arrays and index inside the callee
  row(A[1]);
}

[[allo::kernel]] void pass_plane_row(int A[2][4][4]) {
  // CHECK-DAG: diag-partial-indexing.cpp:[[@LINE+1]]:7: error: unsupported: passing or using part of an array
  row(A[1][2]);
}

[[allo::kernel]] void row_as_bool(int A[4][4], int B[4]) {
  // CHECK-DAG: diag-partial-indexing.cpp:[[@LINE+1]]:7: error: unsupported: a conversion from or to a pointer (pointers are not raised; arrays are indexed with all their subscripts)
  if (A[1])
    B[0] = 1;
}

[[allo::kernel]] void row_compare(int A[4][4], int B[4]) {
  // CHECK-DAG: diag-partial-indexing.cpp:[[@LINE+1]]:10: error: unsupported: using an array as a pointer (pass arrays whole to functions and index them)
  B[0] = A[1] == A[2];
}

[[allo::kernel]] void row_variable(int A[4][4], int B[4]) {
  // CHECK-DAG: diag-partial-indexing.cpp:[[@LINE+1]]:8: error: type 'int *' is not supported (pointers are not raised
  auto r = A[1];
  B[0] = r[0];
}

[[allo::kernel]] void row_arithmetic(int A[4][4], int B[4]) {
  // CHECK-DAG: diag-partial-indexing.cpp:[[@LINE+1]]:10: error: unsupported: pointer dereference (pointers are not raised)
  B[0] = *(A[1] + 2);
}

// sizeof of a row is a constant and fine.
[[allo::kernel]] void row_size(int A[4][4], int B[4]) { B[0] = sizeof(A[1]); }

// CHECK-NOT: error:
// CHECK: 6 errors generated.
