// Typedef'd structs as Vitis code writes them: C-style `typedef struct {...} name;`, an alias of
// a struct, a struct whose fields are typedef'd ap_fixed / ap_uint, arrays of them behind an
// m_axi pointer, a struct returned through an alias.
#include <ap_fixed.h>
#include <ap_int.h>
#include <cstdint>
#include "DiffTest.h"

typedef ap_fixed<16, 6> coef_t;
typedef ap_uint<10> pix_t;

typedef struct {
  pix_t r, g, b;
} rgb_t;

struct tap_s {
  coef_t w;
  int16_t off;
};
typedef tap_s tap_t;
typedef struct {
  coef_t sum;
  pix_t peak;
} result_t;

static result_t filt(const rgb_t *px, const tap_t taps[4]) {
  result_t r;
  r.sum = 0;
  r.peak = 0;
  int i;
  for (i = 0; i < 4; i++) {
    rgb_t p = px[i];
    r.sum += taps[i].w * (coef_t)(p.g >> 4);
    if (p.r > r.peak)
      r.peak = p.r;
  }
  return r;
}

extern "C" void typedef_structs(const rgb_t *in, tap_t taps[4], result_t *out, int32_t res[2]) {
#pragma HLS interface m_axi port=in depth=16
#pragma HLS interface m_axi port=out depth=4
  int k;
  for (k = 0; k < 4; k++) {
    out[k] = filt(in + 4 * k, taps);
    taps[k].off = taps[k].off + k;
  }
  res[0] = out[0].sum.range();
  res[1] = out[3].peak;
}

ALLO_DIFFTEST(typedef_structs)
