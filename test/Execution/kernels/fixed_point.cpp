// ap_fixed / ap_ufixed arithmetic: conversions from integers, floats and
// other fixed-point types with every rounding mode and the saturating
// overflow modes, + - * / (full precision), unary -, comparisons, compound
// assignment, assignment to variables and array elements of other types,
// and fixed-point parameters and results of a helper. Integer inputs are
// wide enough to overflow the fixed-point types (wrap and saturation).
#include <ap_fixed.h>
#include <cstdint>
#include "DiffTest.h"

constexpr int N = 16;

static ap_fixed<20, 8> scale(ap_fixed<12, 4> v, ap_fixed<10, 2> k) {
  return v * k + k; // ap_fixed<22, 6> + ap_fixed<10, 2> -> ap_fixed<23, 7> -> wrapped
}

// A fixed-point array parameter and a mutated fixed-point scalar parameter.
static void accumulate(ap_fixed<8, 3, AP_RND, AP_SAT> buf[N], int i, ap_fixed<12, 4> v) {
  v += 1;
  v *= v;
  buf[i] += v;
  if (i > 0)
    buf[i] -= buf[i - 1];
}

void fixed_point(const int32_t a[N], const int32_t c[N], const double x[N], const float y[N],
                 int32_t iout[N][6], double dout[N][14], float fout[N]) {
  ap_fixed<16, 6> acc = 0;
  ap_ufixed<12, 4> uacc = 0;
  ap_fixed<8, 3, AP_RND, AP_SAT> sat[N];
  for (int i = 0; i < N; i++) {
    ap_fixed<24, 8> r = a[i]; // wraps to 8 integer bits
    r = r >> 9;               // raw shift: a fraction
    ap_fixed<12, 4> q = r;                              // AP_TRN, AP_WRAP
    ap_fixed<12, 4, AP_RND, AP_SAT> qs = r;             // round half up, saturate
    ap_fixed<12, 4, AP_RND_CONV, AP_SAT_SYM> qc = r;    // ties to even, symmetric
    ap_ufixed<10, 3, AP_RND_ZERO, AP_SAT> qu = r;       // negative -> 0
    ap_fixed<10, 2> k = x[i];                           // from double
    ap_fixed<10, 2, AP_RND_INF, AP_SAT_ZERO> kd = x[i] * 3.5;
    ap_fixed<14, 5, AP_RND_MIN_INF> kf = y[i] * 20.0f;  // from float
    ap_fixed<9, 9, AP_TRN_ZERO> tz = x[i] * 300.0;      // wraps
    ap_fixed<16, 8, AP_RND> fc = c[i];                  // from int, wraps
    ap_fixed<6, 6> small = c[i] & 31;
    auto s = q + k;
    auto d = q - qu;
    auto m = q * k;
    auto dv = q / small; // division by zero gives 0
    acc += m;
    acc -= qu;
    acc *= ap_fixed<8, 2>(0.75);
    uacc += q; // unsigned accumulator: wraps
    ++uacc;
    sat[i] = s; // rounded and saturated into the array element
    accumulate(sat, i, q > k ? q : ap_fixed<12, 4>(k));
    ap_fixed<8, 3, AP_RND, AP_SAT> sv = sat[i];
    ap_fixed<20, 8> sc = scale(q, k);
    ap_int<12> ti = ap_int<12>(dv * 16);
    iout[i][0] = s.to_int() + 100 * (-q).to_int();
    iout[i][1] = (d < m) + 2 * (q >= k) + 4 * (q == qs) + 8 * (k != 0) + 16 * (qu > 1) +
                 32 * (fc <= c[i]);
    iout[i][2] = (m * 256).to_int();
    iout[i][3] = ti.to_int();
    iout[i][4] = (int)sc + fc.to_int();
    iout[i][5] = tz.to_int();
    dout[i][0] = q.to_double();
    dout[i][1] = qs;
    dout[i][2] = qc.to_double();
    dout[i][3] = qu.to_double();
    dout[i][4] = kd.to_double();
    dout[i][5] = kf.to_double();
    dout[i][6] = sv.to_double();
    dout[i][7] = dv.to_double();
    dout[i][8] = acc.to_double();
    dout[i][9] = uacc.to_double();
    dout[i][10] = sc.to_double();
    dout[i][11] = fc.to_double();
    dout[i][12] = (-kd).to_double() + (k + 1).to_double();
    dout[i][13] = m + 0.25; // double arithmetic through the conversion
    fout[i] = k.to_float();
  }
}
ALLO_DIFFTEST_RANGE(fixed_point, -70000, 70000)
