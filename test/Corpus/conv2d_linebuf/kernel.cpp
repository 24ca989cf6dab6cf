// 3x3 convolution the way image kernels are written for HLS: a line buffer of
// the last KSIZE rows and a window shifted by one column per pixel; the output
// is aligned to the window's centre, border pixels are zero.
#include "kernel.h"

static const weight_t weights[KSIZE][KSIZE] = {{1, 2, 1}, {0, 4, 0}, {-1, -2, -1}};

void conv2d(const pixel_t img[HEIGHT][WIDTH], pixel_t out[HEIGHT][WIDTH], ap_uint<4> norm_shift) {
  pixel_t line_buf[KSIZE][WIDTH];
  pixel_t window[KSIZE][KSIZE];
#pragma HLS array_partition variable=line_buf type=complete dim=1
#pragma HLS array_partition variable=window type=complete dim=0
  int row, col, i, j;

clear_lb:
  for (i = 0; i < KSIZE; i++)
    for (col = 0; col < WIDTH; col++)
      line_buf[i][col] = 0;

rows:
  for (row = 0; row < HEIGHT; row++) {
  cols:
    for (col = 0; col < WIDTH; col++) {
#pragma HLS pipeline II=1
      // shift the column up and insert the new pixel
      for (i = 0; i < KSIZE - 1; i++)
        line_buf[i][col] = line_buf[i + 1][col];
      line_buf[KSIZE - 1][col] = img[row][col];
      // shift the window left, new column from the line buffer
      for (i = 0; i < KSIZE; i++) {
        for (j = 0; j < KSIZE - 1; j++)
          window[i][j] = window[i][j + 1];
        window[i][KSIZE - 1] = line_buf[i][col];
      }
      if (row >= KSIZE - 1 && col >= KSIZE - 1) {
        sum_t acc = 0;
        for (i = 0; i < KSIZE; i++)
          for (j = 0; j < KSIZE; j++)
            acc += window[i][j] * weights[i][j];
        acc = acc >> norm_shift;
        pixel_t v;
        if (acc < 0)
          v = 0;
        else if (acc > 255)
          v = 255;
        else
          v = acc;
        out[row - 1][col - 1] = v;
      }
    }
  }
border:
  for (i = 0; i < WIDTH; i++) {
    out[0][i] = 0;
    out[HEIGHT - 1][i] = 0;
  }
  for (i = 0; i < HEIGHT; i++) {
    out[i][0] = 0;
    out[i][WIDTH - 1] = 0;
  }
}
