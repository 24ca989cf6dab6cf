#ifndef HUFFMAN_PACK_H
#define HUFFMAN_PACK_H
#include <ap_int.h>

#define HP_NSYM 16
#define HP_MAX_IN 96
#define HP_MAX_WORDS 48

typedef ap_uint<4> hsym_t;
typedef ap_uint<32> hword_t;

struct code_entry {
  ap_uint<16> code;
  ap_uint<5> len;
};

void huffman_pack(const hsym_t syms[HP_MAX_IN], int n, hword_t words[HP_MAX_WORDS], int &n_words,
                  int &n_bits);
#endif
