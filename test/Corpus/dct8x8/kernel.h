#ifndef DCT8X8_H
#define DCT8X8_H
#include <ap_fixed.h>
#include <ap_int.h>

#define DCT_SIZE 8
#define NBLK 3

typedef ap_int<9> pixel_t;                       // level-shifted samples
typedef ap_fixed<16, 2> dct_coef_t;              // cosine table
typedef ap_fixed<24, 12, AP_RND, AP_SAT> inter_t; // after the row pass
typedef ap_int<12> dct_out_t;

void dct2d(const pixel_t in[NBLK][DCT_SIZE][DCT_SIZE], dct_out_t out[NBLK][DCT_SIZE][DCT_SIZE]);
#endif
