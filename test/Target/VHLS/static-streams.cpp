// Static streams (the Vitis examples' dataflow tops): `static` is kept in the
// emitted declaration, the raised IR marks the stream allo.static_local, and
// the JIT lowering makes its FIFOs once, in a global (execution:
// test/Execution/kernels/static_streams.cpp).
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: allo-rewrite %s --top top -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s --check-prefix=IR
// RUN: allo-rewrite %s --top top -- -std=c++17 -I%allo_include/allo/csim | allo-opt --allo-lower-streams | FileCheck %s --check-prefix=LOW
#include <hls_stream.h>

static void produce(const int *in, hls::stream<int> &s) {
  for (int i = 0; i < 8; i++)
    s.write(in[i]);
}
static void consume(hls::stream<int> &s, int *out) {
  for (int i = 0; i < 8; i++)
    out[i] = s.read();
}

// CHECK: void top(const int in[8], int out[8]) {
// CHECK: static hls::stream<int> link("link");
// CHECK: static hls::stream<int, 4> lanes[2];
// CHECK: hls::stream<int> plain("plain");
// IR: allo.stream_create {{.*}}allo.static_local
// IR: allo.stream_create {{.*}}allo.static_local
// IR-NOT: allo.static_local
// LOW-DAG: memref.global "private" @allo_static_stream_{{[0-9]+}} : memref<i64> = dense<0>
// LOW-DAG: memref.global "private" @allo_static_stream_{{[0-9]+}} : memref<2xi64> = dense<0>
// LOW: scf.if
// LOW: call @allo_rt_stream_new_static
void top(const int in[8], int out[8]) {
  static hls::stream<int> link("link");
  static hls::stream<int, 4> lanes[2];
  hls::stream<int> plain("plain");
#pragma HLS dataflow
  produce(in, link);
  consume(link, out);
  lanes[0].write(out[0]);
  plain.write(lanes[0].read());
  out[1] = plain.read();
}
