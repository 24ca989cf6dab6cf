// Streams are emitted as hls::stream with their depth pragma; reads move into
// the store they feed.
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: allo-rewrite %s --top pass --target vhls --interface axi -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s --check-prefix=AXIS
#include <hls_stream.h>

// CHECK: static void produce(const int in[4], hls::stream<int> &s) {
// CHECK: s.write(in[i] + 1);
static void produce(const int in[4], hls::stream<int> &s) {
  for (int i = 0; i < 4; ++i)
    s.write(in[i] + 1);
}

// CHECK: static void consume(hls::stream<int> &s, int out[4]) {
// CHECK: out[i] = s.read();
static void consume(hls::stream<int> &s, int out[4]) {
  for (int i = 0; i < 4; ++i)
    out[i] = s.read();
}

// CHECK: void top(const int in[4], int out[4]) {
// CHECK-NEXT: #pragma HLS dataflow
// CHECK-NEXT: hls::stream<int> fifo("fifo");
// CHECK-NEXT: #pragma HLS stream variable=fifo depth=6
// CHECK-NEXT: produce(in, fifo);
// CHECK-NEXT: consume(fifo, out);
void top(const int in[4], int out[4]) {
#pragma HLS dataflow
  hls::stream<int> fifo;
#pragma HLS stream variable=fifo depth=6
  produce(in, fifo);
  consume(fifo, out);
}

// AXIS: void pass(hls::stream<int> &in, hls::stream<int> &out) {
// AXIS: #pragma HLS interface mode=axis port=in
// AXIS: #pragma HLS interface mode=axis port=out
void pass(hls::stream<int> &in, hls::stream<int> &out) {
  for (int i = 0; i < 4; ++i)
    out.write(in.read() * 2);
}
