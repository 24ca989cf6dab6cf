#ifndef RLE_ENCODE_H
#define RLE_ENCODE_H
#include <ap_int.h>
#include <hls_stream.h>

#define RLE_MAX_IN 128
#define RLE_MAX_RUNS 24
#define RLE_MAX_COUNT 15

typedef ap_uint<8> sym_t;
typedef ap_uint<12> run_t; // count in bits 11..8, symbol in bits 7..0

void rle_encode(hls::stream<sym_t> &in, int n, hls::stream<run_t> &out, int *n_runs);
#endif
