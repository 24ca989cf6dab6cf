// Counted loops whose variable is declared before the loop (`int i; for (i = 0;
// …)`, the PolyBench/MachSuite style, also a parameter) are raised like `for
// (int i = …)`: affine.for (scf.for for invariant non-affine bounds), with the
// same bounds analysis. Inside the loop the variable is the induction
// variable; where a later read may see it, it gets the value C++ leaves in it
// (lb + step * max(0, ceildiv(ub - lb, step)); start - step * trips for a
// decreasing loop). A variable used only by its loops needs no storage.
// RUN: allo-rewrite %s --top f --top g --top h --top mm -- -std=c++17 | FileCheck %s
// RUN: allo-rewrite %s --top f --top g --top h --top mm --target vhls -- -std=c++17 | FileCheck %s --check-prefix=VHLS
// RUN: allo-rewrite %s --top f --top g --top h --top mm --list-loops -- -std=c++17 | FileCheck %s --check-prefix=LIST
#include <algorithm>

#define N 16

// CHECK-LABEL: func.func @f(
// The variables i, j, k of the loops only: no storage for j and k; i is read
// after its second loop (r = i), so it lives in memory.
// CHECK-NOT:   allo.name = "j"
// CHECK-NOT:   allo.name = "k"
// CHECK:       %[[I:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "i"} : memref<i32>
// CHECK-NOT:   allo.name = "j"
// CHECK-NOT:   allo.name = "k"
// CHECK:       %[[R:.*]] = memref.alloca() {allo.ctype = "int", allo.name = "r"}
// VHLS-LABEL:  int f(int A[16], int n, int m) {
// VHLS-NEXT:     int i;
// VHLS-NEXT:     int r;
// LIST:        f  (for-predeclared-iv.cpp:[[@LINE+1]]:5)
int f(int A[N], int n, int m) {
  int i, j, k;
  // LIST-NEXT:   f:i#0  {{.*}}for-predeclared-iv.cpp:[[@LINE+5]]:3
  // CHECK:       affine.for %{{.*}} = 0 to 16 {
  // CHECK:       } {allo.iv = "i", allo.name = "i#0"}
  // The value this loop leaves is overwritten by the next loop: not stored.
  // CHECK-NEXT:  affine.for
  for (i = 0; i < N; i++)
    A[i] = 0;
  // LIST-NEXT:   f:i#1  {{.*}}for-predeclared-iv.cpp:[[@LINE+10]]:3
  // LIST-NEXT:     f:j  {{.*}}for-predeclared-iv.cpp:[[@LINE+10]]:5
  // CHECK:         affine.for %{{.*}} = #{{.*}}(%{{.*}}) to #{{.*}}(%{{.*}}) {
  // CHECK:         } {allo.iv = "j", allo.name = "j"}
  // CHECK-NEXT:  } {allo.iv = "i", allo.name = "i#1"}
  // CHECK-NEXT:  %[[C16:.*]] = arith.constant 16 : i32
  // CHECK-NEXT:  affine.store %[[C16]], %[[I]][] : memref<i32>
  // VHLS:        for (int i = 0; i < 16; i++) {
  // VHLS:          for (int j = 0; j < i + 1; j++) {
  // VHLS:        i = 16;
  for (i = 0; i < N; i++)
    for (j = 0; j <= i; j++)
      A[i] += j;
  // A decreasing loop (k is not read after it).
  // LIST-NEXT:   f:k  {{.*}}for-predeclared-iv.cpp:[[@LINE+4]]:3
  // CHECK:       affine.for %{{.*}} = 0 to 16 {
  // CHECK:       } {allo.iv = "k", allo.name = "k", allo.reverse_limit
  // VHLS:        for (int k = 15; k >= 0; k--) {
  for (k = N - 1; k >= 0; k--)
    A[k] -= 1;
  int r = i;
  // A `<=` bound on a parameter, step 3: i = max(2, 2 + 3 * ceildiv(n - 1, 3)).
  // CHECK:       affine.for %{{.*}} = #{{.*}}(%[[N:.*]]) to #{{.*}}(%[[N]]) step 3 {
  // CHECK:       } {allo.iv = "i", allo.name = "i#2"}
  // CHECK-NEXT:  %[[LAST:.*]] = affine.max #{{.*}}()[%[[N]]]
  // CHECK-NEXT:  %[[LASTI:.*]] = arith.index_cast %[[LAST]] : index to i32
  // CHECK-NEXT:  affine.store %[[LASTI]], %[[I]][]
  // VHLS:        i = allo_max(2, allo_ceildiv(n - 1, 3) * 3 + 2);
  for (i = 2; i <= n; i += 3)
    A[i & 15] += 1;
  r += i;
  // A parameter as a decreasing loop variable: m = min(16, 16 - 2 * trips).
  // CHECK:       } {allo.iv = "m", allo.name = "m", allo.reverse_limit
  // CHECK-NEXT:  affine.min
  // VHLS:        m = allo_min(16, 14 - allo_floordiv(15 - n, 2) * 2);
  for (m = N; m > n; m -= 2)
    A[m & 15] += 2;
  r += m;
  // A loop-invariant bound that is not affine: scf.for, and the value
  // computed from its bounds (the loop may run zero times).
  // CHECK:       scf.for
  // CHECK:       } {allo.iv = "i", allo.name = "i#3"}
  // CHECK:       arith.select
  // CHECK:       affine.store %{{.*}}, %[[I]][]
  // VHLS:        i = t_{{[0-9]+}} > 0 ? ((t_{{[0-9]+}} - 1) / 2 + 1) * 2 : 0;
  for (i = 0; i < n * n; i += 2)
    A[i & 15] += 3;
  r += i;
  // The body writes i: an scf.while on the variable's memory.
  // CHECK:       scf.while
  // CHECK:       } attributes {allo.iv = "i", allo.name = "i#4"}
  for (i = 0; i < N; i++)
    if (A[i] > 100)
      i += 2;
  return r + i;
}

// CHECK-LABEL: func.func @g(
// VHLS-LABEL:  void g(int A[16]) {
void g(int A[N]) {
  int i, j;
  // The outer loop is not counted (its body assigns i); the inner one is, and
  // the outer loop's increment reads what it leaves.
  // CHECK:       scf.while
  // CHECK:         affine.for %{{.*}} = 0 to 8 {
  // CHECK:         } {allo.iv = "i", allo.name = "i#1"}
  // CHECK-NEXT:    %[[C8:.*]] = arith.constant 8 : i32
  // CHECK-NEXT:    affine.store %[[C8]]
  // VHLS:          for (int i = 0; i < 8; i++) {
  // VHLS:          i = 8;
  for (i = 0; i < 4; i++) {
    for (i = 0; i < 8; i++)
      A[i] = 1;
    A[i] += 1;
  }
  // Read by the while loop after it.
  // CHECK:       } {allo.iv = "j", allo.name = "j"}
  // CHECK-NEXT:  %[[C4:.*]] = arith.constant 4 : i32
  // CHECK-NEXT:  affine.store %[[C4]]
  // VHLS:        for (int j = 0; j < 4; j++) {
  // VHLS:        j = 4;
  for (j = 0; j < 4; j++)
    A[j] = j;
  while (j < 10)
    j += 3;
  A[0] = j;
}

// A zero-trip loop leaves its start value; an unsigned char counter its
// final value (200 < 255: the loop ends in C++).
// CHECK-LABEL: func.func @h(
// VHLS-LABEL:  int h(int A[16]) {
int h(int A[N]) {
  int i;
  unsigned char c;
  // CHECK:       affine.for %{{.*}} = 5 to 3 {
  // CHECK:       %[[C5:.*]] = arith.constant 5 : i32
  // CHECK-NEXT:  affine.store %[[C5]]
  // VHLS:        i = 5;
  for (i = 5; i < 3; i++)
    A[i] = 0;
  // CHECK:       affine.for %{{.*}} = 0 to 200 step 3 {
  // CHECK:       %[[C201:.*]] = arith.constant -55 : i8
  // CHECK-NEXT:  affine.store %[[C201]]
  for (c = 0; c < 200; c += 3)
    A[c & 15] += 1;
  return i + c;
}

// std::max / std::min bounds (the init is wrapped in ExprWithCleanups).
// CHECK-LABEL: func.func @mm(
// CHECK:       affine.for %{{.*}} = max #{{.*}}(%{{.*}}) to min #{{.*}}(%{{.*}}) {
// CHECK:       } {allo.iv = "i", allo.name = "i"}
// CHECK-NEXT:  affine.max
// VHLS-LABEL:  int mm(int A[16], int a, int n) {
// VHLS:        for (int i = allo_max(a, 0); i < allo_min(n, 16); i++) {
// LIST:        mm  (for-predeclared-iv.cpp:[[@LINE+2]]:5)
// LIST-NEXT:     mm:i  {{.*}}for-predeclared-iv.cpp:[[@LINE+3]]:3
int mm(int A[N], int a, int n) {
  int i;
  for (i = std::max(a, 0); i < std::min(n, N); i++)
    A[i] = 1;
  return i;
}
