// Every bad use of an allo:: attribute is a located error and a non-zero exit.
// RUN: rm -f %t.mlir
// RUN: not allo-rewrite %s -o %t.mlir -- -std=c++17 2>&1 | FileCheck %s
// Nothing is written when there are errors.
// RUN: not test -e %t.mlir
#include <allo/allo.h>

constexpr int P = 2;
int runtime_value = 3;

// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:9: error: unknown attribute 'allo::kernal'; did you mean 'allo::kernel'?
[[allo::kernal]] void typo() {}

// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:16: error: unknown argument 'maping' for 'allo::kernel' (expected one of: mapping); did you mean 'mapping'?
[[allo::kernel(maping(2, 2))]] void bad_arg() {}

// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:29: error: 'mapping' must be a positive integer, got 0
[[allo::kernel(mapping(P, P - 2))]] void zero_extent() {}

// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:24: error: 'runtime_value' is not an integer constant expression (it is a variable that is not constexpr); attribute arguments must be literals, constexpr variables, enumerators or template parameters
[[allo::kernel(mapping(runtime_value))]] void non_constant() {}

// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:23: error: 'mapping' needs at least one value
[[allo::kernel(mapping())]] void empty_mapping() {}

// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:16: error: 'allo::region' takes no arguments
[[allo::region(3)]] void region_args() {}

// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:3: error: 'allo::pipeline' can only be written on a function or a loop (for, while, do)
[[allo::pipeline]] int not_a_loop_or_function_var = 0;

void wrong_places(int A[8]) {
  // CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:5: error: 'allo::kernel' can only be written on a function
  [[allo::kernel]] for (int i = 0; i < 8; i++) A[i] = 0;
  // CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:28: error: 'depth' must be a positive integer, got -1
  [[allo::stream(depth = 1 - 2)]] int s = 0;
  // CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:23: error: 'ii' must be a positive integer, got 0
  [[allo::pipeline(ii=0)]] for (int i = 0; i < 8; i++) A[i] = 1;
  // CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:16: error: 'allo::name' takes one string argument, e.g. allo::name("row")
  [[allo::name(row)]] for (int i = 0; i < 8; i++) A[i] = 2;
  // CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:18: error: unknown argument 'factr' for 'allo::unroll' (expected one of: factor); did you mean 'factor'?
  [[allo::unroll(factr=2)]] for (int i = 0; i < 8; i++) A[i] = 3;
}

// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:52: error: dim=3 is out of range: 'B' has 2 dimension(s) (dim is 1-based, 0 = all)
void part([[allo::partition(type=cyclic, factor=2, dim=3)]] int B[4][4]) {}
// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:45: error: 'factor' does not apply to type=complete (every element gets its own register); remove it or use type=cyclic/block
void part2([[allo::partition(type=complete, factor=2)]] int B[4]) {}
// CHECK-DAG: diagnostics.cpp:[[@LINE+1]]:24: error: 'allo::layout' needs one entry per dimension of 'C': expected 2, got 1
void lay([[allo::layout(shard(0))]] int C[4][4]) {}

// CHECK: 15 errors generated

