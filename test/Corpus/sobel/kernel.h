#ifndef SOBEL_H
#define SOBEL_H
#include <ap_int.h>
#include <hls_stream.h>

#define SB_H 10
#define SB_W 16
typedef ap_uint<8> spix_t;

void sobel(hls::stream<spix_t> &in, hls::stream<spix_t> &out, int threshold);
#endif
