#ifndef GEMV_MAXI_H
#define GEMV_MAXI_H
#include <ap_int.h>

#define ROWS 32
#define COLS 48
#define UNROLL 4

typedef ap_int<12> mat_t;
typedef ap_int<10> vec_t;
typedef ap_int<32> res_t;

extern "C" void gemv(const mat_t *A, const vec_t *x, res_t *y, int bias);
#endif
