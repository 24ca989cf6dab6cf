// Loops counted by an ap_[u]int variable (`for (ap_uint<4> i = 0; i < 15;
// i++)`) are affine.for when the variable reaches its bound before it wraps
// (the class's width decides, not its object size), with the counter usable
// in affine subscripts (`a[i]`, a nested bound `m < k`); a loop whose counter
// would wrap first never ends in C++ and stays a while loop.
// (Execution: test/Execution/kernels/ap_counters.cpp.)
// RUN: allo-rewrite %s --top counted -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: allo-rewrite %s --top wrapping -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s --check-prefix=WRAP
#include <ap_int.h>

// CHECK-LABEL: func.func @counted
// CHECK: affine.for %[[I:[a-z0-9]+]] {{.*}}= 0 to 15 {
// CHECK: affine.store {{.*}}[%[[I]]]
// CHECK: affine.for {{.*}}= 0 to 13 step 2 {
// CHECK: affine.for %[[K:[a-z0-9]+]] {{.*}}= 1 to 7 {
// CHECK: affine.for %[[M:[a-z0-9]+]] {{.*}}= #map{{[0-9]*}}(%[[K]]) to #map{{[0-9]*}}(%[[K]]) {
// CHECK: affine.load {{.*}}[%[[M]]]
// CHECK: affine.for {{.*}}= 0 to 31 {
// CHECK-NOT: scf.while
void counted(const int in[16], int out[16], int s[4]) {
  for (ap_uint<4> i = 0; i < 15; i++)
    out[i] = in[i] + 1;
  for (ap_uint<4> i = 0; i < 13; i += 2)
    s[0] += i;
  for (ap_uint<3> k = 1; k <= 6; ++k)
    for (ap_uint<5> m = 0; m < k; m++)
      s[1] += in[m];
  for (ap_int<6> j = 10; j >= -20; j--)
    s[2] += j;
}

// WRAP-LABEL: func.func @wrapping
// WRAP-NOT: affine.for
// WRAP: scf.while
// WRAP: scf.while
// WRAP: scf.while
// WRAP: scf.while
// WRAP-NOT: affine.for
void wrapping(int s[4], int n) {
  for (ap_uint<4> i = 0; i < 16; i++) // 15 + 1 wraps to 0 < 16
    if (++s[0] > n)
      break;
  for (ap_uint<4> i = 0; i <= 15; i++)
    if (++s[1] > n)
      break;
  for (ap_uint<4> i = 0; i < 15; i += 2) // 14 + 2 wraps to 0
    if (++s[2] > n)
      break;
  for (ap_int<4> i = 0; i < 8; i++) // ap_int<4> holds at most 7
    if (++s[3] > n)
      break;
}
