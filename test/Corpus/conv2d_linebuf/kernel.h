#ifndef CONV2D_LINEBUF_H
#define CONV2D_LINEBUF_H
#include <ap_int.h>

#define HEIGHT 20
#define WIDTH 24
#define KSIZE 3

typedef ap_uint<8> pixel_t;
typedef ap_int<4> weight_t;
typedef ap_int<16> sum_t;

void conv2d(const pixel_t img[HEIGHT][WIDTH], pixel_t out[HEIGHT][WIDTH], ap_uint<4> norm_shift);
#endif
