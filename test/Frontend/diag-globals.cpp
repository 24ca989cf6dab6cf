// Globals that are not constants are outside the subset (reads and writes
// alike); constexpr/const globals with constant initialisers are fine.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

int counter = 0;
int table[4] = {1, 2, 3, 4};
constexpr int OK = 3;
const int ALSO_OK = 4;

[[allo::kernel]] void read_scalar(int A[4]) {
  // CHECK-DAG: diag-globals.cpp:[[@LINE+1]]:10: error: global variable 'counter' is not supported; make it constexpr or pass it as a parameter
  A[0] = counter + OK + ALSO_OK;
}

[[allo::kernel]] void write_scalar(int A[4]) {
  // CHECK-DAG: diag-globals.cpp:[[@LINE+1]]:3: error: global variable 'counter' is not supported; make it constexpr or pass it as a parameter
  counter = A[0];
}

[[allo::kernel]] void read_array(int A[4]) {
  for (int i = 0; i < 4; i++)
    // CHECK-DAG: diag-globals.cpp:[[@LINE+1]]:12: error: global array 'table' is not supported: make it constexpr (a constant table) or pass it as a parameter
    A[i] = table[i];
}

// The constants alone are accepted.
[[allo::kernel]] void fine(int A[4]) { A[0] = OK + ALSO_OK; }

// CHECK-NOT: error:
// CHECK: 3 errors generated.
