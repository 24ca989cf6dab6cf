#ifndef AES_ROUNDS_H
#define AES_ROUNDS_H
#include <ap_int.h>

#define NROUNDS 10
#define NBLOCKS 4
typedef ap_uint<8> byte_t;

void aes_encrypt(const byte_t key[16], const byte_t in[NBLOCKS][16], byte_t out[NBLOCKS][16]);
#endif
