// SHA-256 compression of one 512-bit block per call. The chaining value is a
// static array that survives between calls (init=true restarts it), the round
// constants are a static const table local to the function, the message
// schedule uses rotations written with shifts of ap_uint<32>.
#include "kernel.h"

static word_t rotr(word_t x, int n) {
#pragma HLS inline
  return (x >> n) | (x << (32 - n));
}

void sha256_block(const word_t msg[16], word_t digest[8], bool init) {
  static const word_t K[64] = {
      0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
      0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
      0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
      0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
      0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
      0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
      0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
      0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u,
  };
  static word_t H[8];
  word_t W[64];
  int t;
  if (init) {
    H[0] = 0x6a09e667u;
    H[1] = 0xbb67ae85u;
    H[2] = 0x3c6ef372u;
    H[3] = 0xa54ff53au;
    H[4] = 0x510e527fu;
    H[5] = 0x9b05688cu;
    H[6] = 0x1f83d9abu;
    H[7] = 0x5be0cd19u;
  }
schedule:
  for (t = 0; t < 64; t++) {
#pragma HLS pipeline II=1
    if (t < 16) {
      W[t] = msg[t];
    } else {
      word_t s0 = rotr(W[t - 15], 7) ^ rotr(W[t - 15], 18) ^ (W[t - 15] >> 3);
      word_t s1 = rotr(W[t - 2], 17) ^ rotr(W[t - 2], 19) ^ (W[t - 2] >> 10);
      W[t] = W[t - 16] + s0 + W[t - 7] + s1;
    }
  }
  word_t a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
compress:
  for (t = 0; t < 64; t++) {
#pragma HLS pipeline II=1
    word_t S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
    word_t ch = (e & f) ^ (~e & g);
    word_t temp1 = h + S1 + ch + K[t] + W[t];
    word_t S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
    word_t maj = (a & b) ^ (a & c) ^ (b & c);
    word_t temp2 = S0 + maj;
    h = g;
    g = f;
    f = e;
    e = d + temp1;
    d = c;
    c = b;
    b = a;
    a = temp1 + temp2;
  }
  H[0] += a;
  H[1] += b;
  H[2] += c;
  H[3] += d;
  H[4] += e;
  H[5] += f;
  H[6] += g;
  H[7] += h;
  for (t = 0; t < 8; t++)
    digest[t] = H[t];
}
