#ifndef YUV_RGB_H
#define YUV_RGB_H
#include <ap_int.h>

#define IMG_W 16
#define IMG_H 8

typedef ap_uint<8> chan_t;

struct rgb_pixel {
  chan_t r, g, b;
};

struct yuv_pixel {
  chan_t y, u, v;
};

void rgb2yuv2rgb(const rgb_pixel in[IMG_H][IMG_W], yuv_pixel yuv[IMG_H][IMG_W],
                 rgb_pixel back[IMG_H][IMG_W]);
#endif
