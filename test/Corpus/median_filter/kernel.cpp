// 3x3 median filter: a 19-exchange median network on a window, built from a
// min/max helper that exchanges its operands by reference; border pixels are
// copied through.
#include "kernel.h"

static void minmax(gray_t &a, gray_t &b) {
#pragma HLS inline
  if (a > b) {
    gray_t t = a;
    a = b;
    b = t;
  }
}

static gray_t median9(gray_t w[9]) {
#pragma HLS array_partition variable=w complete
  minmax(w[1], w[2]); minmax(w[4], w[5]); minmax(w[7], w[8]);
  minmax(w[0], w[1]); minmax(w[3], w[4]); minmax(w[6], w[7]);
  minmax(w[1], w[2]); minmax(w[4], w[5]); minmax(w[7], w[8]);
  minmax(w[0], w[3]); minmax(w[5], w[8]); minmax(w[4], w[7]);
  minmax(w[3], w[6]); minmax(w[1], w[4]); minmax(w[2], w[5]);
  minmax(w[4], w[7]); minmax(w[4], w[2]); minmax(w[6], w[4]);
  minmax(w[4], w[2]);
  return w[4];
}

void median3x3(const gray_t in[MF_H][MF_W], gray_t out[MF_H][MF_W]) {
  gray_t window[9];
  int r, c, dr, dc;
rows:
  for (r = 0; r < MF_H; r++) {
  cols:
    for (c = 0; c < MF_W; c++) {
#pragma HLS pipeline II=1
      if (r == 0 || c == 0 || r == MF_H - 1 || c == MF_W - 1) {
        out[r][c] = in[r][c];
      } else {
        for (dr = 0; dr < 3; dr++)
          for (dc = 0; dc < 3; dc++)
            window[dr * 3 + dc] = in[r + dr - 1][c + dc - 1];
        out[r][c] = median9(window);
      }
    }
  }
}
