// Attributes the grammar accepts but no pass implements yet are located
// errors, never a silently different design: PE-grid kernels (mapping) and
// Shard/Replicate layouts. Nothing is written and the exit code is non-zero.
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

constexpr int P = 2;

// CHECK: diag-not-implemented.cpp:[[@LINE+1]]:15: error: not implemented yet: PE-grid kernels ({{\[\[}}allo::kernel(mapping(2, 4)){{\]\]}}); write a single kernel and build the grid with the 'unfold' and 'relay' schedule primitives
[[allo::kernel(mapping(P, P * 2))]] void grid(int A[4][4]) {
  for (int i = 0; i < 4; i++)
    A[i][i] = 0;
}

// CHECK: diag-not-implemented.cpp:[[@LINE+1]]:53: error: not implemented yet: {{\[\[}}allo::layout{{\]\]}} (Shard/Replicate layouts of PE-grid kernels); remove it to pass the array whole
[[allo::kernel]] void shard(int B[4], [[allo::layout(shard(0), replicate)]] int A[4][4]) {
  B[0] = A[0][0];
}
