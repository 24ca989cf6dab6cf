// The HLS math library as Vitis kernels call it: hls::sqrt on floats (vector
// norms), hls::exp/log/pow/tanh, rounding, min/max, hls::abs on ap_int,
// hls::rsqrt/recip, hls::nextafter and hls::hypot, in float and double.
#include "DiffTest.h"
#include <ap_int.h>
#include <hls_math.h>

#define N 16

void hls_math_lib(const float x[N], const float y[N], const double d[N], const int k[N],
                  float fout[N][12], double dout[N][6], int iout[N][2]) {
  float norm2 = 0.0f;
  for (int i = 0; i < N; i++)
    norm2 += x[i] * x[i];
  float inv = hls::recip(hls::sqrt(norm2) + 1.0f);
  for (int i = 0; i < N; i++) {
#pragma HLS pipeline II=1
    float a = x[i], b = y[i];
    fout[i][0] = hls::sqrt(hls::fabs(a)) * inv;
    fout[i][1] = hls::exp(a) + hls::log(hls::fabs(b) + 1.0f);
    fout[i][2] = hls::pow(hls::fabs(a) + 0.5f, b) - hls::tanh(b);
    fout[i][3] = hls::sin(a) * hls::cos(b);
    fout[i][4] = hls::floor(a * 10.0f) + hls::ceil(b * 10.0f) + hls::round(a * b * 10.0f);
    fout[i][5] = hls::fmin(a, b) * 2.0f + hls::fmax(a, b);
    fout[i][6] = hls::copysign(a, b) + hls::abs(b);
    fout[i][7] = hls::rsqrt(hls::fabs(a) + 0.25f);
    fout[i][8] = hls::nextafter(a, b);
    fout[i][9] = hls::hypot(a, b) + hls::sqrtf(hls::fabs(b));
    fout[i][10] = hls::expf(a) - hls::logf(2.0f);
    fout[i][11] = hls::sqrt(k[i] & 255); // an int argument computes in double
    double e = d[i];
    dout[i][0] = hls::sqrt(hls::fabs(e));
    dout[i][1] = hls::exp(e) * hls::log1p(hls::fabs(e));
    dout[i][2] = hls::nextafter(e, 0.0) - e;
    dout[i][3] = hls::atan2(e, 0.5) + hls::cbrt(e);
    dout[i][4] = hls::recip(e + 2.0);
    dout[i][5] = hls::pow(2.0, e);
    ap_int<12> s = k[i];
    ap_uint<9> u = k[i];
    iout[i][0] = hls::abs(s).to_int();
    iout[i][1] = hls::abs(u).to_int();
  }
}
ALLO_DIFFTEST_RANGE(hls_math_lib, -3000, 3000)
