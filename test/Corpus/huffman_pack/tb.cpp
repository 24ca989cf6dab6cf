#include <cstdio>
#include "kernel.h"

int main() {
  hsym_t syms[HP_MAX_IN];
  hword_t words[HP_MAX_WORDS];
  const int lens[3] = {5, 40, HP_MAX_IN};
  for (int t = 0; t < 3; t++) {
    for (int i = 0; i < HP_MAX_IN; i++)
      syms[i] = t == 2 ? 15 - (i % 16) : (i * i + t) % 16;
    for (int i = 0; i < HP_MAX_WORDS; i++)
      words[i] = 0xdeadbeefu;
    int nw = -1, nb = -1;
    huffman_pack(syms, lens[t], words, nw, nb);
    printf("test %d: %d bits in %d words:", t, nb, nw);
    for (int i = 0; i < nw; i++)
      printf(" %08x", (unsigned)words[i]);
    printf("\n");
  }
  return 0;
}
