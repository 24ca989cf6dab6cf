#ifndef IIR_BIQUAD_H
#define IIR_BIQUAD_H

#define NSEC 3
#define LEN 32

typedef float sample_t;

struct biquad_coef {
  sample_t b0, b1, b2, a1, a2;
};

struct biquad_state {
  sample_t x1, x2, y1, y2;
};

void iir(const sample_t in[LEN], sample_t out[LEN], int &clipped);
#endif
