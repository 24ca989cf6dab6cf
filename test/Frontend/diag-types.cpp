// Types outside the subset: each is a located error naming the real cause
// (structs: diag-structs.cpp),
// every kernel is still checked, the exit code is non-zero, and no output
// file is written.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

// CHECK-DAG: diag-types.cpp:[[@LINE+1]]:45: error: parameter 'p': type 'int **' is not supported (pointers to pointers are not raised)
[[allo::kernel]] void pointer_pointer(int **p) {}

// CHECK-DAG: diag-types.cpp:[[@LINE+1]]:42: error: parameter 'p': type 'void *' is not supported ('void *' is not raised: point to the element type)
[[allo::kernel]] void void_pointer(void *p) {}

// CHECK-DAG: diag-types.cpp:[[@LINE+1]]:46: error: parameter 'f': type 'int (*)(int)' is not supported (function pointers are not raised)
[[allo::kernel]] void function_pointer(int (*f)(int)) {}

[[allo::kernel]] void address_of(int A[4]) {
  // CHECK-DAG: diag-types.cpp:[[@LINE+1]]:10: error: unsupported: an address used as a value (pointers are raised as the array accesses they make: they can be passed to functions, indexed and dereferenced, but not compared, converted or stored)
  A[0] = &A[1] == &A[2];
}

// Nothing else: exactly these errors, no crash, no output.
// CHECK-NOT: error:
// CHECK: 4 errors generated.
