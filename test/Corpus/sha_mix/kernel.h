#ifndef SHA_MIX_H
#define SHA_MIX_H
#include <ap_int.h>

typedef ap_uint<32> word_t;
void sha256_block(const word_t msg[16], word_t digest[8], bool init);
#endif
