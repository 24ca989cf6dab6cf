// hls::stream_of_blocks<B, D> is a stream of blocks, !allo.stream<memref<B>>;
// `hls::write_lock<B> b(s);` / `hls::read_lock<B> b(s);` and the rest of the
// enclosing block become a lock op whose body receives the block.
// RUN: allo-rewrite %s --top top -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: not allo-rewrite %s --top bad_read -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=READ
// RUN: not allo-rewrite %s --top bad_scope -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=SCOPE
// RUN: not allo-rewrite %s --top bad_value -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=VALUE
// RUN: not allo-rewrite %s --top bad_block -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=BLOCK
#include <ap_int.h>
#include <hls_streamofblocks.h>

typedef ap_uint<7> buf_t[4][2];

// CHECK-LABEL: func.func @top
// CHECK: %[[S:.*]] = allo.stream_create {allo.ctype = "ap_uint<7>[4][2]", allo.name = "s", allo.type_depth = 3 : i64, depth = 3 : i64} : !allo.stream<memref<4x2xi7>>
// CHECK: call @fill(%{{.*}}, %[[S]])
// CHECK: call @drain(%[[S]], %{{.*}})

// The statements after the lock, up to the end of the loop body, are its scope.
// CHECK-LABEL: func.func @fill
// CHECK-SAME: %arg1: !allo.stream<memref<4x2xi7>> {allo.ctype = "ap_uint<7>[4][2]", allo.name = "s", allo.type_depth = 2 : i64}
// CHECK: affine.for
// CHECK: allo.stream_write_lock %arg1 {allo.ctype = "ap_uint<7>[4][2]", allo.name = "b", allo.unsigned} : <memref<4x2xi7>> {
// CHECK-NEXT: ^bb0(%[[B:[a-z0-9]+]]: memref<4x2xi7>
// CHECK: affine.store %{{.*}}, %[[B]][%{{.*}}, 1] : memref<4x2xi7>
// CHECK: func.call @touch(%[[B]])
// CHECK: }
// CHECK: } {allo.iv = "k"
static void touch(ap_uint<7> x[4][2]) { x[0][0] = x[0][0] + 1; }
static void fill(const int in[8], hls::stream_of_blocks<buf_t> &s) {
  for (int k = 0; k < 2; k++) {
    hls::write_lock<buf_t> b(s);
    for (int r = 0; r < 4; r++) {
      b[r][0] = in[k * 4 + r];
      b[r][1] = in[k * 4 + r] >> 3;
    }
    touch(b);
  }
}

// A read lock in the function body, with a return in its scope.
// CHECK-LABEL: func.func @last
// CHECK: allo.stream_read_lock %arg0
// CHECK: affine.load %{{.*}}[3, 1] : memref<4x2xi7>
// CHECK: }
// CHECK: return
static int last(hls::stream_of_blocks<buf_t> &s) {
  hls::read_lock<buf_t> b(s);
  int v = b[3][1];
  return v;
}

static void drain(hls::stream_of_blocks<buf_t> &s, int out[2]) {
  out[0] = s.empty() ? -1 : last(s);
  out[1] = last(s);
}

void top(const int in[8], int out[2]) {
#pragma HLS dataflow
  hls::stream_of_blocks<buf_t, 3> s; // a depth-3 stream to stream_of_blocks<B> & parameters
  fill(in, s);
  drain(s, out);
}

// READ: stream-of-blocks.cpp:[[@LINE+3]]:12: error: unsupported: stream_of_blocks operation 'full'
void bad_read(int out[1]) {
  hls::stream_of_blocks<buf_t> s;
  out[0] = s.full();
}

// SCOPE: stream-of-blocks.cpp:[[@LINE+4]]:28: error: unsupported: lock 'b' declared outside a block
void bad_scope() {
  hls::stream_of_blocks<buf_t> s;
  for (int i = 0; i < 2; i++)
    hls::write_lock<buf_t> b(s);
}

// VALUE: stream-of-blocks.cpp:[[@LINE+1]]:58: error: parameter 's' of type 'const hls::stream_of_blocks<buf_t> &': pass a stream by non-const reference
static void by_value(const hls::stream_of_blocks<buf_t> &s) {}
void bad_value() {
  hls::stream_of_blocks<buf_t> s;
  by_value(s);
}

// BLOCK: stream-of-blocks.cpp:[[@LINE+3]]:38: error: type 'hls::stream_of_blocks<double *[4]>' is not supported: a stream of blocks needs a block that is a fixed-size array of supported scalars
struct pt { int x; };
void bad_block() {
  hls::stream_of_blocks<double *[4]> q;
}
