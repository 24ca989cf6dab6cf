// Arrays of streams (hls::stream<T> s[N][M], locals and parameters) are
// memrefs of !allo.stream; s[i][j] loads one FIFO's handle (affine when the
// indices are); `hls::stream<T, N>` converts to `hls::stream<T> &`.
// RUN: allo-rewrite %s --top top -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: not allo-rewrite %s --top bad_partition -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=PART
// RUN: not allo-rewrite %s --top bad_row -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=ROW
// RUN: not allo-rewrite %s --top bad_element -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=ELEM
#include <ap_int.h>
#include <hls_stream.h>

// CHECK-LABEL: func.func @top
// CHECK: %[[L:.*]] = allo.stream_create {allo.ctype = "int", allo.name = "lanes", depth = 4 : i64} : memref<4x!allo.stream<i32>>
// CHECK: %[[G:.*]] = allo.stream_create {allo.ctype = "ap_int<12>", allo.name = "grid", allo.type_depth = 3 : i64, depth = 3 : i64} : memref<2x3x!allo.stream<i12>>
// CHECK: %[[D:.*]] = allo.stream_create {allo.ctype = "int", allo.name = "deep", allo.type_depth = 8 : i64, depth = 8 : i64} : !allo.stream<i32>
// CHECK: call @fan_out(%{{.*}}, %[[L]]) : (memref<8xi32>, memref<4x!allo.stream<i32>>) -> ()
// CHECK: call @mesh(%[[L]], %[[G]])
// CHECK: call @collect(%[[G]], %[[D]])
// CHECK: call @sink(%[[D]], %{{.*}})

// CHECK-LABEL: func.func @fan_out
// CHECK-SAME: %arg1: memref<4x!allo.stream<i32>> {allo.ctype = "int", allo.name = "s"}
// CHECK: %[[S:.*]] = affine.load %arg1[%{{.*}} mod 4] : memref<4x!allo.stream<i32>>
// CHECK: allo.stream_write %[[S]], %{{.*}} : <i32>
static void fan_out(const int in[8], hls::stream<int> s[4]) {
  for (int i = 0; i < 8; i++)
    s[i % 4].write(in[i]);
}

// Constant and loop indices; a non-affine index is a memref.load.
// CHECK-LABEL: func.func @mesh
// CHECK-SAME: %arg1: memref<2x3x!allo.stream<i12>> {allo.ctype = "ap_int<12>", allo.name = "g", allo.type_depth = 3 : i64}
// CHECK: affine.load %arg0[%{{.*}}] : memref<4x!allo.stream<i32>>
// CHECK: affine.load %arg1[0, 2] : memref<2x3x!allo.stream<i12>>
// CHECK: memref.load %arg1[%{{.*}}, %{{.*}}] : memref<2x3x!allo.stream<i12>>
static void mesh(hls::stream<int> s[4], hls::stream<ap_int<12>, 3> g[2][3]) {
  int sum = 0;
  for (int p = 0; p < 4; p++) {
#pragma HLS unroll
    sum += s[p].read() + s[p].read();
  }
  g[0][2] << sum;
  g[sum & 1][1].write(sum);
}

// CHECK-LABEL: func.func @collect
// CHECK: %[[A:.*]] = affine.load %arg0[0, 2]
// CHECK: allo.stream_read %[[A]] : <i12>
// CHECK: allo.stream_empty
static void collect(hls::stream<ap_int<12>, 3> g[2][3], hls::stream<int> &out) {
  ap_int<12> v;
  g[0][2] >> v;
  out.write(v + (g[1][1].empty() ? g[0][1].read() : g[1][1].read()));
}

static void sink(hls::stream<int> &in, int out[1]) { out[0] = in.read(); }

void top(const int in[8], int out[1]) {
#pragma HLS dataflow
  hls::stream<int> lanes[4];
#pragma HLS stream variable=lanes depth=4
  hls::stream<ap_int<12>, 3> grid[2][3];
  hls::stream<int, 8> deep; // passed to hls::stream<int> & parameters
  fan_out(in, lanes);
  mesh(lanes, grid);
  collect(grid, deep);
  sink(deep, out);
}

// PART: stream-arrays.cpp:[[@LINE+3]]:13: error: #pragma HLS array_partition: 's' is an array of streams, which is one FIFO per element already; array_partition does not apply to it
void bad_partition() {
  hls::stream<int> s[4];
#pragma HLS array_partition variable=s complete
}

// ROW: stream-arrays.cpp:[[@LINE+4]]:39: error: unsupported: passing part of an array of streams (a sub-array such as 'A[i]') to the parameter 'r' of type 'hls::stream<int>[3]'; pass the whole array of streams
static void one_row(hls::stream<int> r[3]) { r[0].write(1); }
void bad_row() {
  hls::stream<int> m[2][3];
  for (int i = 0; i < 2; i++) one_row(m[i]);
}

// ELEM: stream-arrays.cpp:[[@LINE+3]]:22: error: local array 'v': type 'hls::stream<int *>' is not supported: stream elements must be bool, integers
void bad_element() {
  int x = 0;
  hls::stream<int *> v[2];
}
