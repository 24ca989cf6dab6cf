// An error in one function does not stop the others: every kernel and every
// callee is raised and all their errors are reported, without a crash. A
// callee with an unsupported signature is reported once, at the signature,
// with a note at the call that needed it; later calls do not repeat it.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

// CHECK-DAG: diag-multiple.cpp:[[@LINE+1]]:26: error: parameter 'p': type 'int **' is not supported (pointers to pointers are not raised)
void bad_signature(int **p) {}

void bad_body(int A[4]) {
  // CHECK-DAG: diag-multiple.cpp:[[@LINE+1]]:3: error: unsupported: 'goto'
  goto out;
out:
  A[0] = 1;
}

int good(int x) { return x + 1; }

[[allo::kernel]] void k1(int A[4]) {
  A[1] = good(A[0]);
  bad_body(A);
  // CHECK-DAG: diag-multiple.cpp:[[@LINE+1]]:3: note: 'bad_signature' is called here
  bad_signature(nullptr);
}

// Calls bad_signature and bad_body again: no repeated errors.
[[allo::kernel]] void k2(int A[4]) {
  bad_body(A);
  bad_signature(nullptr);
}

// Its own error, after a call to a function that failed.
[[allo::kernel]] void k3(int A[4]) {
  bad_body(A);
  // CHECK-DAG: diag-multiple.cpp:[[@LINE+1]]:18: error: the initializer of 's' is not a constant
  static int s = A[1];
  A[0] = s;
}

// A kernel whose own signature is bad.
// CHECK-DAG: diag-multiple.cpp:[[@LINE+1]]:34: error: parameter 'r' of type 'float &&': rvalue references are not raised
[[allo::kernel]] void k4(float &&r) { r = 0; }

// A correct kernel among them.
[[allo::kernel]] void k5(int A[4]) { A[0] = good(2); }

// CHECK-NOT: error:
// CHECK: 4 errors generated.
