// ap_fixed values through hls::stream: the code computes on raw bits, so a
// read takes the bits of the element (`s.read().range()`) and a write builds
// the element from bits (`allo_from_bits<T>(...)`), for a stream and an
// element of an array of streams. A constant table and a static local declare
// the aliases their types name, also when nothing else uses them.
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// The emitted file compiles.
// RUN: rm -rf %t && mkdir -p %t
// RUN: allo-rewrite %s --top top --target vhls -o %t/kernel.cpp -- -std=c++17 -I%allo_include/allo/csim
// RUN: %clangxx -std=c++17 -fsyntax-only -I%allo_include/allo/csim %t/kernel.cpp
#include <ap_fixed.h>
#include <hls_stream.h>

typedef ap_fixed<18, 6> data_t;
typedef ap_fixed<12, 2> coef_t;
typedef ap_fixed<24, 10> state_t;

// CHECK: using data_t = ap_fixed<18, 6>;
// CHECK-NEXT: using coef_t = ap_fixed<12, 2>;
// CHECK-NEXT: using state_t = ap_fixed<24, 10>;
// CHECK: static const coef_t gain[2] = {0.75, -0.5};
static const coef_t gain[2] = {0.75, -0.5};

// CHECK-LABEL: static void produce(
// CHECK: out.write(allo_from_bits<ap_fixed<18, 6>>(
// CHECK: lanes[i % 2].write(allo_from_bits<ap_fixed<18, 6>>(
static void produce(const int in[8], hls::stream<data_t> &out, hls::stream<data_t> lanes[2]) {
  for (int i = 0; i < 8; i++) {
    data_t v = in[i];
    out.write(v * gain[i % 2]);
    lanes[i % 2].write(v);
  }
}

// CHECK-LABEL: static void consume(
// CHECK: static state_t acc = 0.0;
// CHECK: = ap_int<18>(in.read().range());
// CHECK: = ap_int<18>(lanes[i % 2].read().range());
static void consume(hls::stream<data_t> &in, hls::stream<data_t> lanes[2], int out[8]) {
  static state_t acc = 0;
  for (int i = 0; i < 8; i++) {
    data_t a = in.read();
    data_t b = lanes[i % 2].read();
    acc += a + b;
    out[i] = acc.to_int();
  }
}

void top(const int in[8], int out[8]) {
#pragma HLS dataflow
  hls::stream<data_t> s;
  hls::stream<data_t> lanes[2];
  produce(in, s, lanes);
  consume(s, lanes, out);
}
