#ifndef CORDIC_H
#define CORDIC_H
#include <ap_fixed.h>

#define CORDIC_ITERS 16
#define NANGLES 12

typedef ap_fixed<24, 4> angle_t;
typedef ap_fixed<24, 3> cval_t;

struct sincos_t {
  cval_t s;
  cval_t c;
};

void cordic_batch(const angle_t theta[NANGLES], cval_t sin_out[NANGLES], cval_t cos_out[NANGLES]);
#endif
