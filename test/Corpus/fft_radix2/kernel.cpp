// Iterative radix-2 decimation-in-time FFT on an array of complex structs:
// bit-reversed load, log2(N) butterfly stages with a twiddle ROM of structs.
#include "kernel.h"

static const cpx_t twiddle[FFT_N / 2] = {
    {1.0f, -0.0f},
    {0.98078528f, -0.195090322f},
    {0.923879533f, -0.382683432f},
    {0.831469612f, -0.555570233f},
    {0.707106781f, -0.707106781f},
    {0.555570233f, -0.831469612f},
    {0.382683432f, -0.923879533f},
    {0.195090322f, -0.98078528f},
    {6.123234e-17f, -1.0f},
    {-0.195090322f, -0.98078528f},
    {-0.382683432f, -0.923879533f},
    {-0.555570233f, -0.831469612f},
    {-0.707106781f, -0.707106781f},
    {-0.831469612f, -0.555570233f},
    {-0.923879533f, -0.382683432f},
    {-0.98078528f, -0.195090322f}
};

static cpx_t cmul(cpx_t a, cpx_t b) {
  cpx_t r;
  r.re = a.re * b.re - a.im * b.im;
  r.im = a.re * b.im + a.im * b.re;
  return r;
}

static unsigned bit_reverse(unsigned x) {
  unsigned r = 0;
  for (int b = 0; b < FFT_LOG2N; b++) {
    r = (r << 1) | (x & 1);
    x >>= 1;
  }
  return r;
}

void fft(const cpx_t in[FFT_N], cpx_t out[FFT_N]) {
  cpx_t data[FFT_N];
  int i, stage, k, j;
reorder:
  for (i = 0; i < FFT_N; i++)
    data[bit_reverse(i)] = in[i];
stages:
  for (stage = 1; stage <= FFT_LOG2N; stage++) {
    int half = 1 << (stage - 1);
    int step = FFT_N >> stage;
  groups:
    for (k = 0; k < FFT_N; k += 2 * half) {
    butterflies:
      for (j = 0; j < half; j++) {
#pragma HLS pipeline II=1
        cpx_t t = cmul(twiddle[j * step], data[k + j + half]);
        cpx_t u = data[k + j];
        data[k + j].re = u.re + t.re;
        data[k + j].im = u.im + t.im;
        data[k + j + half].re = u.re - t.re;
        data[k + j + half].im = u.im - t.im;
      }
    }
  }
copy_out:
  for (i = 0; i < FFT_N; i++)
    out[i] = data[i];
}
