#ifndef MEDIAN_FILTER_H
#define MEDIAN_FILTER_H
#include <ap_int.h>

#define MF_H 12
#define MF_W 16
typedef ap_uint<8> gray_t;

void median3x3(const gray_t in[MF_H][MF_W], gray_t out[MF_H][MF_W]);
#endif
