#ifndef GEMM_TILED_H
#define GEMM_TILED_H
#include <ap_int.h>

#define M 24
#define N 16
#define K 32
#define TILE 8

typedef ap_int<8> a_t;
typedef ap_int<8> b_t;
typedef ap_int<24> acc_t;
typedef ap_int<16> c_t;

void gemm_tiled(const a_t A[M][K], const b_t B[K][N], c_t C[M][N], int shift);
#endif
