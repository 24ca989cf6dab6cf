#ifndef QUANT_DOT_H
#define QUANT_DOT_H
#include <ap_fixed.h>
#include <ap_int.h>

#define QD_LEN 64
#define QD_OUT 8
#define QD_UNROLL 4

typedef ap_int<8> q_t;
typedef ap_int<32> qacc_t;
typedef ap_ufixed<16, 1> qscale_t;  // requantisation multiplier in [0, 2)
typedef ap_fixed<16, 8, AP_RND, AP_SAT> qout_t;

void quant_linear(const q_t x[QD_LEN], const q_t w[QD_OUT][QD_LEN], const qacc_t bias[QD_OUT],
                  qscale_t scale, q_t y[QD_OUT], qout_t y_fixed[QD_OUT]);
#endif
