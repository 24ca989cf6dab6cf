// BT.601 colour conversion in integer arithmetic on pixel structs, both ways:
// per-pixel helpers return structs, a clamp helper saturates to 8 bits.
#include "kernel.h"

static chan_t clamp8(int v) {
  if (v < 0)
    return 0;
  if (v > 255)
    return 255;
  return v;
}

static yuv_pixel to_yuv(rgb_pixel p) {
  int r = p.r, g = p.g, b = p.b;
  yuv_pixel q;
  q.y = clamp8(((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
  q.u = clamp8(((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
  q.v = clamp8(((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
  return q;
}

static rgb_pixel to_rgb(yuv_pixel q) {
  int c = q.y - 16, d = q.u - 128, e = q.v - 128;
  rgb_pixel p;
  p.r = clamp8((298 * c + 409 * e + 128) >> 8);
  p.g = clamp8((298 * c - 100 * d - 208 * e + 128) >> 8);
  p.b = clamp8((298 * c + 516 * d + 128) >> 8);
  return p;
}

void rgb2yuv2rgb(const rgb_pixel in[IMG_H][IMG_W], yuv_pixel yuv[IMG_H][IMG_W],
                 rgb_pixel back[IMG_H][IMG_W]) {
  int row, col;
rows:
  for (row = 0; row < IMG_H; row++) {
  cols:
    for (col = 0; col < IMG_W; col++) {
#pragma HLS pipeline II=1
      yuv_pixel q = to_yuv(in[row][col]);
      yuv[row][col] = q;
      back[row][col] = to_rgb(q);
    }
  }
}
