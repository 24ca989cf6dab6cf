// Every loop gets allo.name: [[allo::name("x")]] first, then a label, then the
// induction variable ("while"/"do" otherwise); names used more than once in a
// function get #0, #1, ... in source order. --list-loops prints the names with
// their locations, nested by loop depth, for every raised function.
// RUN: allo-rewrite %s --top f --top g -- -std=c++17 | FileCheck %s
// RUN: allo-rewrite %s --top f --top g --list-loops -- -std=c++17 | FileCheck %s --check-prefix=LIST --match-full-lines --strict-whitespace
#include <allo/allo.h>

// CHECK-LABEL: func.func @f(
void f(int A[8][8]) {
  // LIST:f  (loop-names.cpp:[[@LINE-1]]:6)
row:
  // LIST-NEXT:  f:row                                 loop-names.cpp:[[@LINE+1]]:3
  for (int i = 0; i < 8; i++)
    // LIST-NEXT:    f:col                               loop-names.cpp:[[@LINE+1]]:27
    [[allo::name("col")]] for (int j = 0; j < 8; j++)
      A[i][j] = 0;
  // LIST-NEXT:  f:i#0                                 loop-names.cpp:[[@LINE+1]]:3
  for (int i = 0; i < 8; i++)
    // LIST-NEXT:    f:k                                 loop-names.cpp:[[@LINE+1]]:5
    for (int k = 0; k < 8; k++)
      A[i][k] += 1;
  // LIST-NEXT:  f:i#1                                 loop-names.cpp:[[@LINE+1]]:3
  for (int i = 0; i < 8; i++)
    A[i][0] = 2;
  int w = 0;
  // LIST-NEXT:  f:while                               loop-names.cpp:[[@LINE+1]]:3
  while (w < 3)
    w++;
  // LIST-NEXT:  f:do                                  loop-names.cpp:[[@LINE+1]]:3
  do {
    w--;
  } while (w > 0);
  // The attribute wins over the label.
lbl:
  // LIST-NEXT:  f:named                               loop-names.cpp:[[@LINE+1]]:27
  [[allo::name("named")]] for (int t = 0; t < 4; t++)
    A[t][t] = 1;
}
// Order of the checks: inner loops close first.
// CHECK: allo.name = "col"
// CHECK: allo.name = "row"
// CHECK: allo.name = "k"
// CHECK: allo.name = "i#0"
// CHECK: allo.name = "i#1"
// CHECK: allo.name = "while"
// CHECK: allo.name = "do"
// CHECK: allo.name = "named"

// Names are per function: g's loop is plain "i".
// CHECK-LABEL: func.func @g(
// CHECK: allo.name = "i"
// LIST-NEXT:g  (loop-names.cpp:[[@LINE+1]]:6)
void g(int A[8]) {
  // LIST-NEXT:  g:i                                   loop-names.cpp:[[@LINE+1]]:3
  for (int i = 0; i < 8; i++)
    A[i] = 0;
}
// LIST-NOT: {{.}}
