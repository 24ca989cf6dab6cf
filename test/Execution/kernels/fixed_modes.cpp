// Every ap_fixed quantization mode (from double and from a wider fixed-point
// value), every overflow mode on signed and unsigned types (also AP_WRAP with
// saturation bits and AP_WRAP_SM), infinities, NaN and huge doubles, scales
// outside [0, W] (I < 0, I == W), wide types (40 and 64 bits), bitwise
// operators, shifts, mixed operands (ap_int, int, double) and compound
// assignment with every operator.
#include <ap_fixed.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 16;

template <typename T> static double viaDouble(double v) {
  T t = v;
  return t.to_double();
}

template <typename T> static double viaFixed(ap_fixed<24, 8> v) {
  T t = v;
  return t.to_double();
}

void fixed_modes(const double x[N], const int32_t a[N], double out[N][50]) {
  for (int i = 0; i < N; i++) {
    double v = x[i] * 40.0;
    ap_fixed<24, 8> s = a[i];
    s = s >> 13;
    double inf = x[i] * 1e300;
    inf = inf * 1e300;
    double nan = inf - inf;
    out[i][0] = viaDouble<ap_fixed<8, 4, AP_RND>>(v);
    out[i][1] = viaDouble<ap_fixed<8, 4, AP_RND_ZERO>>(v);
    out[i][2] = viaDouble<ap_fixed<8, 4, AP_RND_MIN_INF>>(v);
    out[i][3] = viaDouble<ap_fixed<8, 4, AP_RND_INF>>(v);
    out[i][4] = viaDouble<ap_fixed<8, 4, AP_RND_CONV>>(v);
    out[i][5] = viaDouble<ap_fixed<8, 4, AP_TRN>>(v);
    out[i][6] = viaDouble<ap_fixed<8, 4, AP_TRN_ZERO>>(v);
    out[i][7] = viaFixed<ap_fixed<8, 6, AP_RND>>(s);
    out[i][8] = viaFixed<ap_fixed<8, 6, AP_RND_ZERO>>(s);
    out[i][9] = viaFixed<ap_fixed<8, 6, AP_RND_MIN_INF>>(s);
    out[i][10] = viaFixed<ap_fixed<8, 6, AP_RND_INF>>(s);
    out[i][11] = viaFixed<ap_fixed<8, 6, AP_RND_CONV>>(s);
    out[i][12] = viaFixed<ap_fixed<8, 6, AP_TRN>>(s);
    out[i][13] = viaFixed<ap_fixed<8, 6, AP_TRN_ZERO>>(s);
    out[i][14] = viaDouble<ap_fixed<7, 4, AP_TRN, AP_SAT>>(v);
    out[i][15] = viaDouble<ap_fixed<7, 4, AP_TRN, AP_SAT_ZERO>>(v);
    out[i][16] = viaDouble<ap_fixed<7, 4, AP_TRN, AP_SAT_SYM>>(v);
    out[i][17] = viaDouble<ap_ufixed<7, 4, AP_RND, AP_SAT>>(v);
    out[i][18] = viaDouble<ap_ufixed<7, 4, AP_RND, AP_SAT_ZERO>>(v);
    out[i][19] = viaDouble<ap_ufixed<7, 4, AP_RND, AP_SAT_SYM>>(v);
    out[i][20] = viaDouble<ap_ufixed<7, 4>>(v);
    out[i][21] = viaFixed<ap_ufixed<6, 3, AP_RND_CONV, AP_SAT>>(s);
    out[i][22] = viaDouble<ap_fixed<8, 4, AP_TRN, AP_SAT>>(inf);
    out[i][23] = viaDouble<ap_fixed<8, 4>>(inf);
    out[i][24] = viaDouble<ap_fixed<8, 4, AP_RND, AP_SAT_SYM>>(nan);
    out[i][25] = viaDouble<ap_fixed<12, 6>>(x[i] * 1e18);  // wraps
    out[i][26] = viaDouble<ap_fixed<6, -2, AP_RND>>(x[i] * 0.1);
    out[i][27] = viaDouble<ap_fixed<10, 10, AP_RND_INF>>(v * 7.0);
    out[i][28] = viaDouble<ap_fixed<40, 20, AP_RND_CONV>>(v * 1234.5678);
    out[i][29] = viaDouble<ap_fixed<64, 30>>(x[i] * 3e9);
    out[i][30] = viaDouble<ap_ufixed<64, 32, AP_RND, AP_SAT>>(v * 1e8);
    ap_fixed<40, 20> w = v * 1000.0;
    ap_fixed<12, 6> q = v;
    ap_ufixed<9, 3> u = x[i] + 1.0;
    ap_int<5> n = a[i];
    out[i][31] = (w * w).to_double();
    out[i][32] = (w / q).to_double();
    out[i][33] = (q / u).to_double() + (u / n).to_double();
    out[i][34] = (q & u).to_double() + 8 * (q | w).to_double() + 64 * (u ^ n).to_double();
    out[i][35] = (q << 2).to_double() + (u >> 3).to_double() + (~q).to_double();
    out[i][36] = (q + n).to_double() - (n - u).to_double() + (q * 3).to_double();
    out[i][37] = (q > 0.5) + 2 * (u < n) + 4 * (w >= q) + 8 * !q + 16 * (q != u);
    ap_fixed<12, 6, AP_RND, AP_SAT> c = q;
    c += u;
    c -= w;
    c *= q;
    out[i][38] = c.to_double();
    c /= u;
    out[i][39] = c.to_double();
    ap_fixed<12, 6> d = q;
    d &= u;
    d |= n;
    d ^= 5;
    d <<= 1;
    d >>= 2;
    out[i][40] = d.to_double();
    d += 0.3;
    d *= x[i];
    out[i][41] = d.to_double() + (d--).to_double() + (++d).to_double();
    ap_int<20> ti = w;
    out[i][42] = ti.to_int() + (int)q + q.to_int() + u.to_uint() + (long long)w.to_int64();
    out[i][44] = viaDouble<ap_fixed<7, 4, AP_TRN, AP_WRAP, 2>>(v);
    out[i][45] = viaDouble<ap_ufixed<7, 4, AP_RND, AP_WRAP, 3>>(v);
    out[i][46] = viaDouble<ap_fixed<7, 4, AP_TRN, AP_WRAP_SM>>(v);
    out[i][47] = viaFixed<ap_ufixed<6, 3, AP_TRN, AP_WRAP_SM>>(s) +
                 viaFixed<ap_fixed<6, 3, AP_RND, AP_WRAP_SM, 1>>(s);
    // Raw bits of fixed-point values.
    ap_fixed<12, 6> rb = q;
    rb[0] = 1;
    rb.range(11, 8) = a[i];
    rb.set_bit(3, u[2]);
    out[i][48] = rb.to_double() + q[5] * 1000 + q.range(7, 2).to_int() * 10000;
    out[i][49] = q.to_ap_int().to_int() + 100 * q.length() + u.to_ap_int().to_int() * 10000;
    out[i][43] = q.to_float() + u.is_neg() + 2 * q.is_neg() + (u.to_bool() ? 4 : 0);
  }
}
ALLO_DIFFTEST_RANGE(fixed_modes, -2000000, 2000000)
