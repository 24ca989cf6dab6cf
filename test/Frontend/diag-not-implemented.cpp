// Attributes the grammar accepts but no pass implements yet are located
// errors, never a silently different design: Shard/Replicate layouts. Nothing
// is written and the exit code is non-zero. (PE-grid kernels are implemented:
// test/Dataflow.)
// RUN: rm -f %t
// RUN: not allo-rewrite %s -o %t -- -std=c++17 2>&1 | FileCheck %s
// RUN: not test -e %t
#include <allo/allo.h>

// CHECK: diag-not-implemented.cpp:[[@LINE+1]]:53: error: not implemented yet: {{\[\[}}allo::layout{{\]\]}} (Shard/Replicate layouts of PE-grid kernels); remove it to pass the array whole
[[allo::kernel]] void shard(int B[4], [[allo::layout(shard(0), replicate)]] int A[4][4]) {
  B[0] = A[0][0];
}
