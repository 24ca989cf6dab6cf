// Pointers, references and classes are outside the subset: each is a located
// error, every kernel is still checked, the exit code is non-zero, and no
// output file is written.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

struct Pair {
  int a, b;
  int sum() const { return a + b; }
};

// CHECK-DAG: diag-types.cpp:[[@LINE+1]]:42: error: parameter 'p': type 'int *' is not supported (pointers are not raised; use a fixed-size array such as 'float A[16]')
[[allo::kernel]] void pointer_param(int *p) { p[0] = 1; }

// CHECK-DAG: diag-types.cpp:[[@LINE+1]]:44: error: parameter 'r': type 'int &' is not supported (references are not raised; pass scalars by value, arrays as arrays and streams by reference)
[[allo::kernel]] void reference_param(int &r) { r = 1; }

// CHECK-DAG: diag-types.cpp:[[@LINE+1]]:41: error: parameter 's': type 'Pair' is not supported (classes are not raised
[[allo::kernel]] void struct_param(Pair s) {}

// CHECK-DAG: diag-types.cpp:[[@LINE+1]]:18: error: return type of 'struct_return': type 'Pair' is not supported
[[allo::kernel]] Pair struct_return(int x) { return Pair{x, x}; }

// A pointer to an array is a pointer too.
// CHECK-DAG: diag-types.cpp:[[@LINE+1]]:43: error: parameter 'A': type 'int (*)[4]' is not supported (pointers are not raised
[[allo::kernel]] void array_pointer(int (*A)[4]) {}

[[allo::kernel]] void local_pointer(int A[4]) {
  int x = 0;
  // CHECK-DAG: diag-types.cpp:[[@LINE+1]]:8: error: type 'int *' is not supported (pointers are not raised
  int *p = &x;
  A[0] = *p;
}

[[allo::kernel]] void local_reference(int A[4]) {
  // CHECK-DAG: diag-types.cpp:[[@LINE+1]]:8: error: unsupported: reference variable 'r'
  int &r = A[0];
  r = 2;
}

[[allo::kernel]] void local_struct(int A[4]) {
  // CHECK-DAG: diag-types.cpp:[[@LINE+1]]:8: error: type 'Pair' is not supported (classes are not raised
  Pair p{1, 2};
  A[0] = p.sum();
}

[[allo::kernel]] void deref(int A[4][4], int B[4]) {
  // CHECK-DAG: diag-types.cpp:[[@LINE+1]]:10: error: unsupported: pointer dereference (pointers are not raised)
  B[0] = *A[1];
}

[[allo::kernel]] void address_of(int A[4]) {
  // CHECK-DAG: diag-types.cpp:[[@LINE+1]]:10: error: unsupported: taking the address of a variable (pointers are not raised)
  A[0] = &A[1] == &A[2];
}

// Nothing else: exactly these errors, no crash, no output.
// CHECK-NOT: error:
// CHECK: 10 errors generated.
