#ifndef SORT_NETWORK_H
#define SORT_NETWORK_H
#include <ap_int.h>

#define SORT_N 16
#define NVEC 6
typedef ap_int<12> sort_key_t;

void sort_network(const sort_key_t in[NVEC][SORT_N], sort_key_t out[NVEC][SORT_N], int swaps[NVEC]);
#endif
