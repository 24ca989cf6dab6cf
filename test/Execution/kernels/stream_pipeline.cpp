// Three processes connected by streams in a dataflow region: hls::stream
// locals, stream parameters by reference, read()/write()/>>/<<, the depth
// pragma and [[allo::stream]].
#include "DiffTest.h"
#include <allo/allo.h>
#include <ap_int.h>
#include <hls_stream.h>

static void load(const int in[32], hls::stream<int> &out) {
  for (int i = 0; i < 32; ++i)
    out.write(in[i]);
}

static void scale(hls::stream<int> &in, hls::stream<ap_int<20>> &out, int k) {
  for (int i = 0; i < 32; ++i) {
    int v;
    in >> v;
    ap_int<20> s = v * k;
    out << s;
  }
}

static void store(hls::stream<ap_int<20>> &in, float acc[32]) {
  float sum = 0.0f;
  for (int i = 0; i < 32; ++i) {
    sum += (float)(int)in.read();
    acc[i] = sum;
  }
}

void stream_pipeline(const int in[32], float acc[32], int k) {
#pragma HLS dataflow
  hls::stream<int> a("a");
#pragma HLS stream variable=a depth=8
  [[allo::stream(depth = 4)]] hls::stream<ap_int<20>> b;
  load(in, a);
  scale(a, b, k);
  store(b, acc);
}
ALLO_DIFFTEST_RANGE(stream_pipeline, -3000, 3000)
