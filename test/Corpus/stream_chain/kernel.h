#ifndef STREAM_CHAIN_H
#define STREAM_CHAIN_H
#include <ap_fixed.h>
#include <ap_int.h>
#include <hls_stream.h>

#define SC_N 40
#define FIFO_DEPTH 8

typedef ap_int<12> raw_t;
typedef ap_fixed<20, 10> val_t;

void stream_chain(hls::stream<raw_t> &in, hls::stream<val_t> &out, val_t scale, int &n_clipped);
#endif
