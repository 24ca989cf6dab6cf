// Testbench for structs.cpp, written against the user's header.
#include "structs.h"
#include <cstdio>
void top(img::Pixel px[4], cplx_t *z, Sample &acc, const Sample s[2]);
int main() {
  img::Pixel px[4];
  cplx_t z[4];
  Sample acc = {1, {0.5f, 0.25f}, 1.5, {1, 2, 3}};
  Sample s[2] = {{7, {1.0f, 2.0f}, -0.75, {4, 5, 6}}, {-3, {0.125f, 0.0f}, 2.25, {-1, 0, 9}}};
  for (int i = 0; i < 4; i++) {
    px[i] = {(unsigned char)(i * 60), (unsigned char)(250 - i * 7), (unsigned char)(i * 33)};
    z[i] = {0.5f * i - 1, 0.25f * i};
  }
  top(px, z, acc, s);
  for (int i = 0; i < 4; i++)
    printf("%d %d %d | %g %g\n", px[i].r, px[i].g, px[i].b, z[i].re, z[i].im);
  printf("%d %g %g %g %d %d %d\n", acc.x, acc.c.re, acc.c.im, acc.w.to_double(), acc.hist[0],
         acc.hist[1], acc.hist[2]);
}
