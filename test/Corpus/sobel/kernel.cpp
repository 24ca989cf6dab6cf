// Streaming Sobel edge detector: pixels arrive in raster order on an
// hls::stream, two line buffers and a 3x3 window, |gx| + |gy| saturated to 8
// bits and thresholded; one output pixel per input pixel (zero at the border).
#include "kernel.h"
#include <cstdlib>

static const ap_int<3> GX[3][3] = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
static const ap_int<3> GY[3][3] = {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}};

void sobel(hls::stream<spix_t> &in, hls::stream<spix_t> &out, int threshold) {
  spix_t line0[SB_W], line1[SB_W];
  spix_t win[3][3];
#pragma HLS array_partition variable=win type=complete dim=0
  int r, c, i, j;
  for (c = 0; c < SB_W; c++) {
    line0[c] = 0;
    line1[c] = 0;
  }
  for (i = 0; i < 3; i++)
    for (j = 0; j < 3; j++)
      win[i][j] = 0;
rows:
  for (r = 0; r < SB_H; r++) {
  cols:
    for (c = 0; c < SB_W; c++) {
#pragma HLS pipeline II=1
      spix_t p = in.read();
      for (i = 0; i < 3; i++) {
        win[i][0] = win[i][1];
        win[i][1] = win[i][2];
      }
      win[0][2] = line0[c];
      win[1][2] = line1[c];
      win[2][2] = p;
      line0[c] = line1[c];
      line1[c] = p;
      int gx = 0, gy = 0;
      for (i = 0; i < 3; i++)
        for (j = 0; j < 3; j++) {
          gx += GX[i][j] * win[i][j];
          gy += GY[i][j] * win[i][j];
        }
      int mag = std::abs(gx) + std::abs(gy);
      if (mag > 255)
        mag = 255;
      spix_t o;
      if (r < 2 || c < 2)
        o = 0;
      else
        o = mag >= threshold ? mag : 0;
      out.write(o);
    }
  }
}
