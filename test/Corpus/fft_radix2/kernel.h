#ifndef FFT_RADIX2_H
#define FFT_RADIX2_H

#define FFT_N 32
#define FFT_LOG2N 5

typedef struct {
  float re;
  float im;
} cpx_t;

void fft(const cpx_t in[FFT_N], cpx_t out[FFT_N]);
#endif
