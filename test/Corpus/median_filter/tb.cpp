#include <cstdio>
#include "kernel.h"

int main() {
  gray_t in[MF_H][MF_W], out[MF_H][MF_W];
  unsigned s = 2024;
  for (int r = 0; r < MF_H; r++)
    for (int c = 0; c < MF_W; c++) {
      s = s * 69069u + 1u;
      int v = (r * 10 + c * 6) & 255;
      if ((s >> 28) == 0) v = 255;   // salt
      if ((s >> 28) == 1) v = 0;     // pepper
      in[r][c] = v;
    }
  median3x3(in, out);
  for (int r = 0; r < MF_H; r++) {
    for (int c = 0; c < MF_W; c++)
      printf("%3u/%3u ", (unsigned)in[r][c], (unsigned)out[r][c]);
    printf("\n");
  }
  return 0;
}
