#ifndef PREFIX_SUM_H
#define PREFIX_SUM_H
#include <ap_int.h>

#define PS_N 16
typedef ap_int<24> psum_t;

void prefix_sum(const ap_int<12> in[PS_N], psum_t out[PS_N], bool reset, int &total);
#endif
