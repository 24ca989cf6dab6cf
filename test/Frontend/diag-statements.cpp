// Statements outside the subset: switch, goto, range-based for, static
// locals initialised with a run-time value, exceptions, inline assembly,
// lambdas. Each is a located error in
// its own kernel; all are reported; nothing is written.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

[[allo::kernel]] void sw(int x, int A[4]) {
  // CHECK-DAG: diag-statements.cpp:[[@LINE+1]]:3: error: unsupported: 'switch' (rewrite it as if/else)
  switch (x) {
  case 0:
    A[0] = 1;
    break;
  default:
    break;
  }
}

[[allo::kernel]] void gt(int A[4]) {
  // CHECK-DAG: diag-statements.cpp:[[@LINE+1]]:3: error: unsupported: 'goto'
  goto end;
  A[0] = 1;
end:
  A[1] = 2;
}

[[allo::kernel]] void range_for(int A[4]) {
  int L[4] = {1, 2, 3, 4};
  // CHECK-DAG: diag-statements.cpp:[[@LINE+1]]:3: error: unsupported: range-based 'for' (use an index loop)
  for (int v : L)
    A[0] += v;
}

[[allo::kernel]] void static_local(int A[4]) {
  // CHECK-DAG: diag-statements.cpp:[[@LINE+1]]:22: error: the initializer of 'count' is not a constant (static and global variables are initialised once, before the first call: initialise with constants and assign run-time values in the body)
  static int count = A[1];
  count++;
  A[0] = count;
}

[[allo::kernel]] void exceptions(int A[4]) {
  // CHECK-DAG: diag-statements.cpp:[[@LINE+1]]:3: error: unsupported: exceptions
  try {
    A[0] = 1;
  } catch (...) {
  }
}

[[allo::kernel]] void assembly(int A[4]) {
  // CHECK-DAG: diag-statements.cpp:[[@LINE+1]]:3: error: unsupported: inline assembly
  asm("nop");
}

[[allo::kernel]] void lambda(int A[4]) {
  // CHECK-DAG: diag-statements.cpp:[[@LINE+1]]:8: error: lambdas are not supported (write a separate function)
  auto f = [](int v) { return v + 1; };
  A[0] = f(1);
}

// A `break` in a switch nested in a loop is still the switch's error.
[[allo::kernel]] void switch_in_loop(int A[4]) {
  for (int i = 0; i < 4; i++)
    // CHECK-DAG: diag-statements.cpp:[[@LINE+1]]:5: error: unsupported: 'switch'
    switch (A[i]) {
    default:
      break;
    }
}

// CHECK-NOT: error:
// CHECK: 8 errors generated.
