// Malformed or out-of-range attribute arguments are located errors and a
// non-zero exit; nothing is written.
// RUN: rm -f %t.mlir
// RUN: not allo-rewrite %s -o %t.mlir -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t.mlir
#include <allo/allo.h>

// Unbalanced parentheses are an error where the ')' is missing, never arguments
// silently dropped (repro 05: ii=4 became II=1, factor=4 a full unroll).
void unbalanced(int A[16]) {
  // CHECK-DAG: diagnostics-args.cpp:[[@LINE+1]]:24: error: expected ',' or ')' in attribute arguments
  [[allo::pipeline(ii=4]] for (int i = 0; i < 16; i++) A[i] += 1;
  // CHECK-DAG: diagnostics-args.cpp:[[@LINE+1]]:26: error: expected ',' or ')' in attribute arguments
  [[allo::unroll(factor=4]] for (int i = 0; i < 16; i++) A[i] += 1;
  // CHECK-DAG: diagnostics-args.cpp:[[@LINE+1]]:21: error: expected ',' or ')' in attribute arguments
  [[allo::name("row"]] for (int i = 0; i < 16; i++) A[i] += 1;
  // CHECK-DAG: diagnostics-args.cpp:[[@LINE+1]]:24: error: expected ',' or ')' in attribute arguments
  [[allo::pipeline(ii=0]] for (int i = 0; i < 16; i++) A[i] += 1;
}
// CHECK-DAG: diagnostics-args.cpp:[[@LINE+1]]:26: error: expected ')'
[[allo::kernel(mapping((4, 4))]] void unbalanced_mapping() {}

// Values are C++ ints: no 64-bit arithmetic that C++ would reject or wrap.
void int_semantics(int A[16]) {
  // CHECK-DAG: diagnostics-args.cpp:[[@LINE+1]]:25: error: integer overflow in attribute argument: 2147483648 does not fit in an 'int'
  [[allo::pipeline(ii=1 << 31)]] for (int i = 0; i < 16; i++) A[i] += 1;
  // CHECK-DAG: diagnostics-args.cpp:[[@LINE+1]]:34: error: integer overflow in attribute argument: 2147483648 does not fit in an 'int'
  [[allo::pipeline(ii=2147483647 + 1)]] for (int i = 0; i < 16; i++) A[i] += 2;
  // CHECK-DAG: diagnostics-args.cpp:[[@LINE+1]]:25: error: integer overflow in attribute argument: 4294967300 does not fit in an 'int'
  [[allo::unroll(factor=4294967300)]] for (int i = 0; i < 16; i++) A[i] += 3;
}
