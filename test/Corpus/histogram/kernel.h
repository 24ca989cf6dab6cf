#ifndef HISTOGRAM_H
#define HISTOGRAM_H
#include <ap_int.h>

#define NPIX 256
#define NBINS 16

typedef ap_uint<8> pix_t;
typedef ap_uint<12> count_t;

void histogram(const pix_t data[NPIX], count_t hist[NBINS], int &max_bin, int &max_count);
#endif
