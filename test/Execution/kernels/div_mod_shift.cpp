// Signed vs unsigned division/modulo (truncation toward zero, negative remainders), arithmetic vs logical right shifts
#include <allo/allo.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 32;

[[allo::kernel]] void div_mod_shift(const int a[N], const int b[N], const int8_t c[N], int q[N], int r[N],
                                    unsigned uq[N], unsigned ur[N], int div4[N], int sra[N], unsigned srl[N],
                                    int64_t q64[N], int8_t q8[N], unsigned shl[N]) {
  for (int i = 0; i < N; i++) {
    int d = b[i] == 0 ? 7 : b[i];                       // guarded divisor, may be negative
    q[i] = a[i] / d;                                    // truncates toward zero
    r[i] = a[i] % d;                                    // sign follows the dividend
    unsigned ud = (unsigned)(b[i] == 0 ? 3 : b[i]);     // negative divisors become huge unsigned values
    uq[i] = (unsigned)a[i] / ud;
    ur[i] = (unsigned)a[i] % ud;
    div4[i] = a[i] / 4;                                 // differs from a >> 2 for negatives
    sra[i] = a[i] >> 2;                                 // arithmetic shift of negatives
    srl[i] = (unsigned)a[i] >> 2;                       // logical shift
    q64[i] = ((int64_t)a[i] * 1000003) / (int64_t)d + ((int64_t)a[i] * 977) % 13;
    int8_t cd = (int8_t)(c[i] == 0 ? -3 : c[i]);
    q8[i] = (int8_t)(c[i] / cd + c[i] % 5);
    shl[i] = (unsigned)a[i] << (i & 31);                // left shift only on unsigned
  }
}
ALLO_DIFFTEST(div_mod_shift)
