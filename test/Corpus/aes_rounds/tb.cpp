#include <cstdio>
#include "kernel.h"

int main() {
  // FIPS-197 appendix C.1 key and plaintext as block 0
  byte_t key[16], in[NBLOCKS][16], out[NBLOCKS][16];
  for (int i = 0; i < 16; i++)
    key[i] = i;
  for (int b = 0; b < NBLOCKS; b++)
    for (int i = 0; i < 16; i++)
      in[b][i] = b == 0 ? (i * 0x11) & 0xff : (b * 73 + i * 29) & 0xff;
  aes_encrypt(key, in, out);
  for (int b = 0; b < NBLOCKS; b++) {
    printf("block %d:", b);
    for (int i = 0; i < 16; i++)
      printf(" %02x", (unsigned)out[b][i]);
    printf("\n");
  }
  return 0;
}
