// Bit and range selection on ap_int / ap_uint: x[i], x.range(h, l), x(h, l),
// x.range(), reversed ranges (l > h), constant and run-time indices (a
// run-time range may go either way), writes and compound assignments through
// x[i] and x.range(h, l), test/set/clear/invert/set_bit, a 100-bit value.
#include <ap_int.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 16;

void ap_bits(const int32_t a[N], const int32_t idx[N], int32_t out[N][12]) {
  for (int i = 0; i < N; i++) {
    ap_uint<24> x = a[i];
    ap_int<20> y = a[i] * 3;
    int i0 = idx[i] & 15;        // 0..15
    int i1 = (idx[i] >> 4) & 15; // 0..15
    int i2 = (idx[i] >> 8) & 15;
    out[i][0] = x[i0] + 2 * y[i0 + 3] + 4 * x[23] + 8 * (y[19] == 1);
    out[i][1] = x.range(i0 + 7, i0).to_int();
    out[i][2] = (int)y.range(i1, i2); // either direction
    ap_uint<8> r8 = x(11, 4);
    out[i][3] = r8.to_int() + 1000 * x.range(3, 10).to_int();
    ap_int<20> z = y;
    z[i0] = x[i1];
    x.range(i0 + 5, i0 + 2) = y;
    y.range(i1, i2) = a[i]; // either direction
    z.range(2, 9) = x.range(7, 0);
    y[5] = 1;
    x.set(3);
    x.clear(i1);
    x.invert(0);
    z.set_bit(1, y[0]);
    out[i][4] = x.to_int();
    out[i][5] = y.to_int();
    out[i][6] = z.to_int() + 3 * x.test(i2) + 7 * z.range().to_int();
    out[i][7] = (y.range(15, 4) + 1).to_int() + (~y[2] ? 100 : 0);
    // Compound assignment through selections.
    ap_int<20> c = y;
    c.range(7, 2) += a[i];
    c.range(11, 4) *= 3;
    c.range(9, 0) -= x.range(5, 0);
    c.range(15, 8) /= 3;
    c.range(7, 0) %= 5;
    c.range(i2, 1) >>= 1;
    c.range(13, 6) <<= 2;
    c.range(19, 16) |= 9;
    c[i1] ^= 1;
    c[i0] |= (a[i] & 1);
    c[3] &= y[4];
    out[i][10] = c.to_int();
    out[i][11] = z.range(i0, i1).to_int();
    // Wider than 64 bits (constant masks beyond 64 bits).
    ap_uint<100> big = a[i];
    big = (big << 60) | ap_uint<100>(idx[i]);
    big.range(70, 3) = y;
    big[99] = x[i0];
    out[i][8] = big.range(99, 68).to_int() ^ big.range(40, 9).to_int();
    out[i][9] = big[i0 + 60] + 2 * big[i0 + 80];
  }
}
ALLO_DIFFTEST_RANGE(ap_bits, -3000000, 3000000)
