// CORDIC in rotation mode with ap_fixed: a ROM of arctangents, shifts by the
// iteration number, quadrant folding for angles beyond +-pi/2, the result of
// each rotation returned as a struct.
#include "kernel.h"

static const angle_t cordic_atan[CORDIC_ITERS] = {
    0.785398163397, 0.463647609001, 0.244978663127, 0.124354994547, 0.062418809996, 0.031239833430,
    0.015623728620, 0.007812341060, 0.003906230132, 0.001953122516, 0.000976562190, 0.000488281211,
    0.000244140620, 0.000122070312, 0.000061035156, 0.000030517578};

static const cval_t CORDIC_K = 0.6072529350092495;
static const angle_t HALF_PI = 1.5707963267948966;
static const angle_t PI = 3.141592653589793;

static sincos_t cordic_rotate(angle_t theta) {
  bool flip = false;
  if (theta > HALF_PI) {
    theta -= PI;
    flip = true;
  } else if (theta < -HALF_PI) {
    theta += PI;
    flip = true;
  }
  cval_t x = CORDIC_K, y = 0;
  angle_t z = theta;
  int i;
rotate:
  for (i = 0; i < CORDIC_ITERS; i++) {
#pragma HLS pipeline II=1
    cval_t dx = x >> i;
    cval_t dy = y >> i;
    if (z >= 0) {
      x -= dy;
      y += dx;
      z -= cordic_atan[i];
    } else {
      x += dy;
      y -= dx;
      z += cordic_atan[i];
    }
  }
  sincos_t r;
  r.s = flip ? cval_t(-y) : y;
  r.c = flip ? cval_t(-x) : x;
  return r;
}

void cordic_batch(const angle_t theta[NANGLES], cval_t sin_out[NANGLES], cval_t cos_out[NANGLES]) {
  for (int n = 0; n < NANGLES; n++) {
    sincos_t r = cordic_rotate(theta[n]);
    sin_out[n] = r.s;
    cos_out[n] = r.c;
  }
}
