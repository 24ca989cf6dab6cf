#include <cstdio>
#include <ap_int.h>

#define MAX_WORDS 64
typedef ap_uint<32> word_t;
extern "C" void crc32(const word_t *data, int n_words, unsigned *crc_out, unsigned *check_out);

int main() {
  word_t data[MAX_WORDS];
  unsigned x = 0x12345678u;
  for (int i = 0; i < MAX_WORDS; i++) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    data[i] = x;
  }
  const int lens[4] = {0, 1, 17, MAX_WORDS};
  for (int t = 0; t < 4; t++) {
    unsigned crc = 0, check = 0;
    crc32(data, lens[t], &crc, &check);
    printf("n=%d crc=%08x check=%08x\n", lens[t], crc, check);
  }
  return 0;
}
