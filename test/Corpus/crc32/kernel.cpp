// CRC-32 (IEEE, reflected) of a packet of 32-bit words read over m_axi, four
// bits per table lookup from a ROM of ap_uint<32>; a bitwise variant checks the
// last word, the results come back through scalar pointers.
#include <ap_int.h>

#define MAX_WORDS 64
typedef ap_uint<32> word_t;

static const ap_uint<32> crc_nibble[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u,
    0x4DB26158u, 0x5005713Cu, 0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu,
    0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};

static ap_uint<32> crc_bitwise(ap_uint<32> crc, ap_uint<32> w) {
  int b;
  crc ^= w;
  for (b = 0; b < 32; b++) {
#pragma HLS unroll
    if (crc[0])
      crc = (crc >> 1) ^ ap_uint<32>(0xEDB88320u);
    else
      crc = crc >> 1;
  }
  return crc;
}

extern "C" void crc32(const word_t *data, int n_words, unsigned *crc_out, unsigned *check_out) {
#pragma HLS interface m_axi port=data offset=slave bundle=gmem depth=MAX_WORDS
#pragma HLS interface s_axilite port=n_words
#pragma HLS interface s_axilite port=crc_out
#pragma HLS interface s_axilite port=check_out
#pragma HLS interface s_axilite port=return
  ap_uint<32> crc = 0xFFFFFFFFu;
  ap_uint<32> before_last = crc;
  int i, nib;
words:
  for (i = 0; i < n_words; i++) {
#pragma HLS loop_tripcount max=MAX_WORDS
    word_t w = data[i];
    before_last = crc;
  nibbles:
    for (nib = 0; nib < 8; nib++) {
#pragma HLS pipeline II=1
      ap_uint<4> idx = crc.range(3, 0) ^ w.range(4 * nib + 3, 4 * nib);
      crc = (crc >> 4) ^ crc_nibble[idx];
    }
  }
  *crc_out = (unsigned)(~crc);
  ap_uint<32> check = n_words > 0 ? crc_bitwise(before_last, data[n_words - 1]) : before_last;
  *check_out = (unsigned)(~check);
}
