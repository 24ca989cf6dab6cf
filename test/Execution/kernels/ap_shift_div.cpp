// ap_int / ap_uint / ap_fixed shifts by run-time counts, including negative
// counts (which shift the other way) and counts of the width or more, and
// division and remainder by zero (quotient 0, remainder the dividend), as
// the C-simulation headers define them.
#include <ap_fixed.h>
#include <ap_int.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 16;

void ap_shift_div(const int32_t a[N], const int32_t k[N], int32_t out[N][10], double dout[N][2]) {
  for (int i = 0; i < N; i++) {
    ap_int<12> x = a[i];
    ap_uint<10> u = a[i];
    int s = k[i] % 40 - 10;
    ap_int<6> sn = s;
    ap_uint<5> su = k[i];
    out[i][0] = (x << s).to_int();
    out[i][1] = (x >> s).to_int();
    out[i][2] = (u << sn).to_int();
    out[i][3] = (u >> su).to_int();
    ap_int<12> y = x;
    y <<= s;
    y >>= su;
    out[i][4] = y.to_int();
    ap_int<8> d = k[i] % 3;
    out[i][5] = (x / d).to_int();
    out[i][6] = (x % d).to_int();
    ap_uint<9> ud = u;
    ud /= d;
    ud %= ap_uint<3>(k[i] & 1);
    out[i][7] = ud.to_int();
    ap_uint<16> r = a[i];
    r.range(11, 4) <<= sn;
    r.range(15, 8) >>= s;
    out[i][8] = r.to_int();
    ap_fixed<12, 4> f = a[i];
    f >>= su;
    out[i][9] = (f << sn).to_int();
    dout[i][0] = (f >> s).to_double();
    dout[i][1] = (f / ap_fixed<8, 4>(d)).to_double();
  }
}
ALLO_DIFFTEST_RANGE(ap_shift_div, -5000, 5000)
