#include <cstdio>
#include "kernel.h"

int main() {
  static pixel_t img[HEIGHT][WIDTH], out[HEIGHT][WIDTH];
  for (int r = 0; r < HEIGHT; r++)
    for (int c = 0; c < WIDTH; c++)
      img[r][c] = (r * 31 + c * 17 + (r * c) % 7 * 40) & 255;
  for (int s = 0; s < 4; s += 3) {
    conv2d(img, out, s);
    for (int r = 0; r < HEIGHT; r++) {
      for (int c = 0; c < WIDTH; c++)
        printf("%3u ", (unsigned)out[r][c]);
      printf("\n");
    }
  }
  return 0;
}
