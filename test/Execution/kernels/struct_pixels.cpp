// Structs as real HLS kernels use them: an image of RGB pixels (a 2-D array
// of structs and an m_axi pointer to structs), complex numbers passed and
// returned by value with a free operator+, a struct with a nested struct,
// an ap_fixed field and an array field, struct references (in/out), arrays
// of struct locals with braced initializers and default member
// initializers, struct copies and assignments. The harness gives the native
// and emitted code the structs in their native layout and the raised IR one
// array per field, and compares every field.
#include <ap_fixed.h>
#include <ap_int.h>
#include <cstdint>
#include "DiffTest.h"

#define W 8

struct Pixel {
  uint8_t r, g, b;
};
struct Complex {
  float re, im;
};
struct Sample {
  int16_t x;
  Complex c;
  ap_fixed<16, 8> w;
  int32_t hist[3];
  uint8_t flags = 5;
};
struct Stats {
  int32_t lo, hi;
  ap_fixed<16, 8> mean;
};

static Complex cmul(Complex a, Complex b) {
  return Complex{a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}
static Complex operator+(Complex a, Complex b) { return {a.re + b.re, a.im + b.im}; }

static uint8_t luma(const Pixel &p) { return (77 * p.r + 150 * p.g + 29 * p.b) >> 8; }

static void brighten(Pixel *row, int k) {
  for (int i = 0; i < W; i++) {
    int v = row[i].r + k;
    row[i].r = v > 255 ? 255 : v;
  }
}

static Stats stats(const Pixel img[W][W]) {
  Stats s = {255, 0, 0};
  ap_fixed<24, 16> sum = 0;
  for (int y = 0; y < W; y++)
    for (int x = 0; x < W; x++) {
      int l = luma(img[y][x]);
      if (l < s.lo)
        s.lo = l;
      if (l > s.hi)
        s.hi = l;
      sum += l;
    }
  s.mean = sum >> 6;
  return s;
}

static void accumulate(Sample &acc, const Sample &in) {
  acc.x += in.x;
  acc.c = acc.c + in.c;
  acc.w += in.w;
  for (int k = 0; k < 3; k++)
    acc.hist[k] += in.hist[k];
  acc.flags ^= in.flags;
}

void struct_pixels(Pixel img[W][W], const Pixel *line, Pixel out[W], Complex z[W],
                   Sample s[4], Sample &acc, const Complex &k, int32_t res[6]) {
#pragma HLS interface m_axi port=line depth=W
  Pixel tmp[W];
  for (int i = 0; i < W; i++)
    tmp[i] = line[i];
  brighten(tmp, 20);
  brighten(img[3], -7);
  for (int i = 0; i < W; i++) {
    out[i] = tmp[W - 1 - i];
    out[i].b = luma(img[i][i]);
  }
  Complex sum = {0, 0};
  for (int i = 0; i < W; i++) {
    sum = sum + cmul(z[i], k);
    z[i] = cmul(z[i], z[(i + 1) % W]);
  }
  Sample local[2] = {{1, {0.5f, -0.5f}, 1.25, {1, 2, 3}}};
  accumulate(local[1], s[0]);
  for (int i = 0; i < 4; i++)
    accumulate(acc, s[i]);
  accumulate(acc, local[0]);
  s[3] = local[1];
  Stats st = stats(img);
  res[0] = st.lo;
  res[1] = st.hi;
  res[2] = st.mean.to_int();
  res[3] = (int32_t)(sum.re * 1000);
  res[4] = (int32_t)(sum.im * 1000);
  res[5] = local[1].flags + local[0].flags;
}

ALLO_DIFFTEST(struct_pixels)
