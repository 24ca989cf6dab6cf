// allo-instantiate-pes: one call per PE, branches on the coordinates folded
// (early returns included), stream arrays resolved to channels, identical
// PEs sharing one function that takes the coordinates it still uses, PEs
// that do nothing dropped, writers ordered before readers.
// RUN: allo-rewrite %s --top top --target mlir -- -std=c++17 | FileCheck %s
// RUN: allo-rewrite %s --top top --target vhls --graph %t.dot -o %t.cpp -- -std=c++17
// RUN: FileCheck %s --check-prefix=DOT < %t.dot
#include <allo/allo.h>

constexpr int P = 4;

[[allo::kernel(mapping(P))]]
void chain(const int in[8], int out[8], allo::stream<int> s[P + 1]) {
  auto [p] = allo::get_pid<1>();
  if (p == 0) {
    for (int n = 0; n < 8; n++)
      s[1].put(in[n]);
    return;
  }
  if (p == P - 1) {
    for (int n = 0; n < 8; n++)
      out[n] = s[p].get();
    return;
  }
  for (int n = 0; n < 8; n++)
    s[p + 1].put(s[p].get() + p);
}

[[allo::region]]
void top(const int in[8], int out[8]) {
  [[allo::stream(depth = 3)]] allo::stream<int> s[P + 1];
  chain(in, out, s);
}

// The region: PE 0 (loader), PEs 1 and 2 (one shared function, with p), PE
// 3 (drain); s[0] and s[4] are never used.
// CHECK-LABEL: func.func @top
// CHECK:      %[[S:.*]] = allo.stream_create {{.*}}depth = 3 : i64} : memref<5x!allo.stream<i32>>
// CHECK:      %[[S1:.*]] = affine.load %[[S]][1]
// CHECK-NEXT: call @chain_0(%arg0, %[[S1]]) {allo.pe_index = array<i64: 0>}
// CHECK:      call @chain_1({{.*}}) {allo.pe_index = array<i64: 1>}
// CHECK:      call @chain_1({{.*}}) {allo.pe_index = array<i64: 2>}
// CHECK:      call @chain_3(%arg1, {{.*}}) {allo.pe_index = array<i64: 3>}
// CHECK-NOT:  call
// CHECK:      return

// No branch, flag or stream array is left in the PE functions.
// CHECK-LABEL: func.func private @chain_0(
// CHECK-SAME:    !allo.stream<i32> {allo.ctype = "int", allo.name = "s_out"}
// CHECK-SAME:    allo.pe_of = "chain"
// CHECK-NOT:     scf.if
// CHECK-NOT:     memref<i1>
// CHECK:         allo.stream_write
// CHECK-LABEL: func.func private @chain_1(
// CHECK-SAME:    %arg0: !allo.stream<i32> {allo.ctype = "int", allo.name = "s_out"}
// CHECK-SAME:    %arg1: !allo.stream<i32> {allo.ctype = "int", allo.name = "s_in"}
// CHECK-SAME:    %arg2: i32 {allo.ctype = "int", allo.name = "p", allo.template_param}
// CHECK-NOT:     scf.if
// CHECK:         allo.stream_read %arg1
// CHECK:         allo.stream_write %arg0
// CHECK-LABEL: func.func private @chain_3(
// CHECK-NOT:   func.func @chain(

// DOT:      digraph dataflow {
// DOT:        subgraph cluster_0 {
// DOT-NEXT:     label="top";
// DOT-NEXT:     p0 [label="chain PE (0)"];
// DOT-NEXT:     p1 [label="chain PE (1)"];
// DOT-NEXT:     p2 [label="chain PE (2)"];
// DOT-NEXT:     p3 [label="chain PE (3)"];
// DOT-NEXT:     p0 -> p1 [label="s[1]\nint, depth 3"];
// DOT-NEXT:     p1 -> p2 [label="s[2]\nint, depth 3"];
// DOT-NEXT:     p2 -> p3 [label="s[3]\nint, depth 3"];
// DOT-NEXT:   }
