// Huffman-style encoder: a static ROM of {code, length} structs (a canonical
// prefix code for 16 symbols), codes appended MSB first into a 64-bit bit
// buffer with ap_uint range writes, full 32-bit words flushed to the output.
#include "kernel.h"

static const code_entry code_table[HP_NSYM] = {
    {0x0, 2},  {0x1, 2},  {0x4, 3},  {0x5, 3},  {0xC, 4},   {0xD, 4},   {0x1C, 5},  {0x1D, 5},
    {0x3C, 6}, {0x3D, 6}, {0x7C, 7}, {0x7D, 7}, {0xFC, 8},  {0xFD, 8},  {0xFE, 8},  {0xFF, 8}};

void huffman_pack(const hsym_t syms[HP_MAX_IN], int n, hword_t words[HP_MAX_WORDS], int &n_words,
                  int &n_bits) {
  ap_uint<64> buffer = 0; // valid bits at the top: bits 63 .. 64-fill
  int fill = 0;
  int out = 0;
  int total = 0;
  int i;
symbols:
  for (i = 0; i < n; i++) {
#pragma HLS pipeline II=1
#pragma HLS loop_tripcount max=HP_MAX_IN
    code_entry e = code_table[syms[i]];
    int len = e.len;
    ap_uint<64> code = e.code;
    buffer |= code << (64 - fill - len);
    fill += len;
    total += len;
    if (fill >= 32) {
      words[out] = buffer.range(63, 32);
      out++;
      buffer = buffer << 32;
      fill -= 32;
    }
  }
  if (fill > 0) {
    words[out] = buffer.range(63, 32);
    out++;
  }
  n_words = out;
  n_bits = total;
}
