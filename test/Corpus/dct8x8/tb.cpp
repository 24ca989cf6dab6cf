#include <cstdio>
#include "kernel.h"

int main() {
  pixel_t in[NBLK][DCT_SIZE][DCT_SIZE];
  dct_out_t out[NBLK][DCT_SIZE][DCT_SIZE];
  for (int b = 0; b < NBLK; b++)
    for (int i = 0; i < DCT_SIZE; i++)
      for (int j = 0; j < DCT_SIZE; j++) {
        int v;
        if (b == 0) v = 255;                             // flat block, saturates the DC term
        else if (b == 1) v = (i + j) * 16 - 128;         // gradient
        else v = ((i * 37 + j * 91) % 256) - 128;        // texture
        in[b][i][j] = v;
      }
  dct2d(in, out);
  for (int b = 0; b < NBLK; b++)
    for (int i = 0; i < DCT_SIZE; i++) {
      printf("block %d row %d:", b, i);
      for (int j = 0; j < DCT_SIZE; j++)
        printf(" %d", out[b][i][j].to_int());
      printf("\n");
    }
  return 0;
}
