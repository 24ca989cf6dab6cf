// hls::stream / allo::stream: locals become allo.stream_create with their
// depth, reference parameters !allo.stream<T>, member calls stream ops.
// RUN: allo-rewrite %s --top top -- -std=c++17 -I%allo_include -I%allo_include/allo/csim | FileCheck %s
// RUN: not allo-rewrite %s --top bad_by_value -- -std=c++17 -I%allo_include -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=BYVAL
// RUN: not allo-rewrite %s --top bad_nb -- -std=c++17 -I%allo_include -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=NB
// RUN: not allo-rewrite %s --top bad_pragma -- -std=c++17 -I%allo_include -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=PRAGMA
#include <allo/allo.h>
#include <hls_stream.h>

// CHECK-LABEL: func.func @top
// CHECK: %[[A:.*]] = allo.stream_create {allo.ctype = "int", allo.name = "a", depth = 8 : i64} : !allo.stream<i32>
// CHECK: %[[B:.*]] = allo.stream_create {allo.ctype = "float", allo.name = "b", depth = 3 : i64} : !allo.stream<f32>
// CHECK: %[[C:.*]] = allo.stream_create {allo.ctype = "short", allo.name = "c", allo.type_depth = 16 : i64, depth = 16 : i64} : !allo.stream<i16>
// CHECK: %[[D:.*]] = allo.stream_create {allo.ctype = "int", allo.name = "d", depth = 2 : i64} : !allo.stream<i32>
// CHECK: call @produce(%{{.*}}, %[[A]])
// CHECK: call @consume(%[[A]], %{{.*}})

// CHECK-LABEL: func.func @produce
// CHECK-SAME: !allo.stream<i32> {allo.ctype = "int", allo.name = "s"}
// CHECK: allo.stream_write %arg1, %{{.*}} : <i32>
static void produce(const int in[4], hls::stream<int> &s) {
  for (int i = 0; i < 4; ++i)
    s.write(in[i]);
}

// CHECK-LABEL: func.func @consume
// CHECK: allo.stream_read %arg0 : <i32>
// CHECK: allo.stream_read %arg0 : <i32>
// CHECK: allo.stream_empty %arg0
static void consume(hls::stream<int> &s, int out[4]) {
  for (int i = 0; i < 2; ++i) {
    int x;
    s >> x;
    out[2 * i] = x;
    out[2 * i + 1] = s.read();
  }
  out[0] += s.empty() ? 1 : 0;
}

void top(const int in[4], int out[4]) {
#pragma HLS dataflow
  hls::stream<int> a("a");
#pragma HLS stream variable=a depth=8
  [[allo::stream(depth = 3)]] allo::stream<float> b;
  hls::stream<short, 16> c;
  hls::stream<int> d;
  produce(in, a);
  consume(a, out);
}

// BYVAL: streams.cpp:[[@LINE+1]]:46: error: parameter 's' of type 'const hls::stream<int> &': pass a stream by non-const reference ('hls::stream<int> &')
static void by_value(const hls::stream<int> &s) {}
void bad_by_value() {
  hls::stream<int> s;
  by_value(s);
}

// NB: streams.cpp:[[@LINE+4]]:3: error: unsupported: stream operation 'read_nb'
void bad_nb(int out[1]) {
  hls::stream<int> s;
  int v = 0;
  s.read_nb(v);
  out[0] = v;
}

// PRAGMA: streams.cpp:[[@LINE+2]]:13: error: #pragma HLS stream: no stream or array named 'nope' in 'bad_pragma'
void bad_pragma() {
#pragma HLS stream variable=nope depth=4
}
