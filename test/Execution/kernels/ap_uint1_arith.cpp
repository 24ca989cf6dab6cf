// Arithmetic on one-bit values wraps modulo 2: `++x` on an ap_uint<1> that
// holds 1 gives 0. The emitter printed i1 addition as C++ bool arithmetic
// (`bool t = x + true;`, which is true for x = 1) (found by fuzz-diff, seed
// 500, case 98). A signed one-bit value is 0 or -1: `ap_int<1> c = x;` holding
// 1 stored into an unsigned char is 255 (it was printed as (uint64_t)c, 1;
// seed 500, case 720).
#include <ap_int.h>
#include "DiffTest.h"

typedef ap_uint<1> bit_t;

void ap_uint1_arith(bit_t x[4], const int B[4], ap_int<3> out[8], ap_int<1> s[2],
                    unsigned char u[3], float f[1], unsigned long long w) {
  for (int i = 0; i < 4; i++) {
    bit_t y = ++x[i];
    out[i] = y;
    x[i] += B[i];
  }
  bit_t a = x[0];
  a--;
  out[4] = a;
  out[5] = x[1] * x[2];
  bit_t b = x[3];
  b++;
  b++;
  out[6] = b;
  s[0]++;
  s[1]--;
  out[7] = s[0] + s[1];
  ap_int<1> c = (w - B[0]);
  u[0] = c;
  u[1] = s[0];
  long long wide = c;
  u[2] = (unsigned char)(wide >> 8);
  f[0] = (float)c;
}

ALLO_DIFFTEST(ap_uint1_arith)
