// hls::stream_of_blocks between dataflow processes (UG1399's ping-pong
// style): the producer fills one block per iteration through a write_lock,
// a filter passes each block on (read_lock of one stream, write_lock of the
// next, the block handed to a helper function), and the consumer reduces the
// blocks it reads; a 2-D block type, a depth-3 stream passed to a
// `stream_of_blocks<B> &` parameter, and an early return inside a lock scope.
#include "DiffTest.h"
#include <hls_streamofblocks.h>

#define NB 4
#define BS 8
typedef int blk_t[BS];
typedef float tile_t[2][4];

static void produce(const int in[NB * BS], hls::stream_of_blocks<blk_t> &s) {
  for (int k = 0; k < NB; k++) {
    hls::write_lock<blk_t> b(s);
    for (int i = 0; i < BS; i++) {
#pragma HLS pipeline II=1
      b[i] = in[k * BS + i] * 3 + k;
    }
  }
}

static void scale_block(int x[BS], int f) {
  for (int i = 0; i < BS; i++)
    x[i] = x[i] * f - i;
}

static void filter(hls::stream_of_blocks<blk_t> &in, hls::stream_of_blocks<tile_t> &out, int f) {
  for (int k = 0; k < NB; k++) {
    hls::read_lock<blk_t> a(in);
    scale_block(a, f); // a read lock's block may be modified in place
    hls::write_lock<tile_t> t(out);
    for (int r = 0; r < 2; r++)
      for (int c = 0; c < 4; c++)
        t[r][c] = (float)a[r * 4 + c] * 0.5f;
  }
}

static void consume(hls::stream_of_blocks<tile_t> &s, float out[NB]) {
  for (int k = 0; k < NB - 1; k++) {
    hls::read_lock<tile_t> t(s);
    float acc = 0.0f;
    for (int r = 0; r < 2; r++)
      for (int c = 0; c < 4; c++)
        acc += t[r][c];
    out[k] = acc;
  }
}

static int last_tile(hls::stream_of_blocks<tile_t> &s, int limit) {
  hls::read_lock<tile_t> t(s);
  int n = 0;
  for (int c = 0; c < 4; c++)
    if (t[1][c] > 0.0f)
      n++;
  if (n > limit)
    return limit; // returns inside the lock's scope
  return n;
}

void stream_blocks(const int in[NB * BS], float out[NB], int count[1], int f) {
#pragma HLS dataflow
  hls::stream_of_blocks<blk_t> a;
  hls::stream_of_blocks<tile_t, 3> b;
  produce(in, a);
  filter(a, b, f);
  consume(b, out);
  count[0] = last_tile(b, 3);
  out[NB - 1] = 0.0f;
}
ALLO_DIFFTEST_RANGE(stream_blocks, -1000, 1000)
