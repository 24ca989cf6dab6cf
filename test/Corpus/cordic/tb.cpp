#include <cstdio>
#include "kernel.h"

int main() {
  angle_t theta[NANGLES];
  cval_t s[NANGLES], c[NANGLES];
  for (int i = 0; i < NANGLES; i++)
    theta[i] = -3.0 + 0.55 * i;
  cordic_batch(theta, s, c);
  for (int i = 0; i < NANGLES; i++)
    printf("theta %.17g sin %.17g cos %.17g\n", theta[i].to_double(), s[i].to_double(),
           c[i].to_double());
  return 0;
}
