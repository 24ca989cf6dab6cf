#include <cstdio>
#include "kernel.h"

int main() {
  static rgb_pixel in[IMG_H][IMG_W], back[IMG_H][IMG_W];
  static yuv_pixel yuv[IMG_H][IMG_W];
  for (int r = 0; r < IMG_H; r++)
    for (int c = 0; c < IMG_W; c++) {
      in[r][c].r = (r * 32 + c * 5) & 255;
      in[r][c].g = (c * 16 + r * 3) & 255;
      in[r][c].b = ((r ^ c) * 29) & 255;
    }
  in[0][0].r = 255; in[0][0].g = 255; in[0][0].b = 255;
  in[0][1].r = 0; in[0][1].g = 0; in[0][1].b = 0;
  rgb2yuv2rgb(in, yuv, back);
  for (int r = 0; r < IMG_H; r++)
    for (int c = 0; c < IMG_W; c++)
      printf("(%d,%d) yuv %u %u %u rgb %u %u %u\n", r, c, (unsigned)yuv[r][c].y,
             (unsigned)yuv[r][c].u, (unsigned)yuv[r][c].v, (unsigned)back[r][c].r,
             (unsigned)back[r][c].g, (unsigned)back[r][c].b);
  return 0;
}
