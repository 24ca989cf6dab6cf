// 8x8 two-dimensional DCT-II in fixed point (JPEG style): a ROM of ap_fixed
// cosines, a row pass into a rounded and saturated intermediate type, a
// column pass, the result rounded to integers.
#include "kernel.h"

static const dct_coef_t dct_coeff[DCT_SIZE][DCT_SIZE] = {
    {0.353553391, 0.353553391, 0.353553391, 0.353553391, 0.353553391, 0.353553391, 0.353553391, 0.353553391},
    {0.490392640, 0.415734806, 0.277785117, 0.097545161, -0.097545161, -0.277785117, -0.415734806, -0.490392640},
    {0.461939766, 0.191341716, -0.191341716, -0.461939766, -0.461939766, -0.191341716, 0.191341716, 0.461939766},
    {0.415734806, -0.097545161, -0.490392640, -0.277785117, 0.277785117, 0.490392640, 0.097545161, -0.415734806},
    {0.353553391, -0.353553391, -0.353553391, 0.353553391, 0.353553391, -0.353553391, -0.353553391, 0.353553391},
    {0.277785117, -0.490392640, 0.097545161, 0.415734806, -0.415734806, -0.097545161, 0.490392640, -0.277785117},
    {0.191341716, -0.461939766, 0.461939766, -0.191341716, -0.191341716, 0.461939766, -0.461939766, 0.191341716},
    {0.097545161, -0.277785117, 0.415734806, -0.490392640, 0.490392640, -0.415734806, 0.277785117, -0.097545161}
};

typedef ap_fixed<32, 14> mac_t;

static void dct_1d(const inter_t src[DCT_SIZE], inter_t dst[DCT_SIZE]) {
  int k, n;
  for (k = 0; k < DCT_SIZE; k++) {
#pragma HLS pipeline II=1
    mac_t acc = 0;
    for (n = 0; n < DCT_SIZE; n++)
      acc += dct_coeff[k][n] * src[n];
    dst[k] = acc;
  }
}

void dct2d(const pixel_t in[NBLK][DCT_SIZE][DCT_SIZE], dct_out_t out[NBLK][DCT_SIZE][DCT_SIZE]) {
  inter_t row_in[DCT_SIZE], row_out[DCT_SIZE];
  inter_t tmp[DCT_SIZE][DCT_SIZE];
  int b, i, j;
#pragma HLS array_partition variable=tmp type=complete dim=2
blocks:
  for (b = 0; b < NBLK; b++) {
  row_pass:
    for (i = 0; i < DCT_SIZE; i++) {
      for (j = 0; j < DCT_SIZE; j++)
        row_in[j] = in[b][i][j];
      dct_1d(row_in, row_out);
      for (j = 0; j < DCT_SIZE; j++)
        tmp[i][j] = row_out[j];
    }
  col_pass:
    for (j = 0; j < DCT_SIZE; j++) {
      for (i = 0; i < DCT_SIZE; i++)
        row_in[i] = tmp[i][j];
      dct_1d(row_in, row_out);
      for (i = 0; i < DCT_SIZE; i++) {
        ap_fixed<24, 12, AP_RND_INF, AP_SAT> r = row_out[i];
        out[b][i][j] = r.to_int();
      }
    }
  }
}
