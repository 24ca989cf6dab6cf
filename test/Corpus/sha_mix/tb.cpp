#include <cstdio>
#include <cstring>
#include "kernel.h"

// Pads a message (at most 119 bytes: one or two blocks) and hashes it.
static void hash(const char *text) {
  unsigned char buf[128] = {0};
  size_t len = strlen(text);
  memcpy(buf, text, len);
  buf[len] = 0x80;
  int nblocks = len + 9 <= 64 ? 1 : 2;
  unsigned long long bits = (unsigned long long)len * 8;
  for (int i = 0; i < 8; i++)
    buf[nblocks * 64 - 1 - i] = (bits >> (8 * i)) & 0xff;
  word_t msg[16], digest[8];
  for (int b = 0; b < nblocks; b++) {
    for (int i = 0; i < 16; i++) {
      const unsigned char *p = buf + 64 * b + 4 * i;
      msg[i] = ((unsigned)p[0] << 24) | ((unsigned)p[1] << 16) | ((unsigned)p[2] << 8) | p[3];
    }
    sha256_block(msg, digest, b == 0);
  }
  printf("sha256(\"%s\") = ", text);
  for (int i = 0; i < 8; i++)
    printf("%08x", (unsigned)digest[i]);
  printf("\n");
}

int main() {
  hash("");
  hash("abc");
  hash("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq");
  hash("The quick brown fox jumps over the lazy dog, then runs around the HLS kernel.");
  return 0;
}
