// ap_[u]int loop counters, as Vitis code declares them.
#include <ap_int.h>
#include <stdint.h>
#include "DiffTest.h"
typedef ap_uint<4> idx_t;
typedef ap_int<6> sidx_t;

static int32_t take(ap_uint<4> v, const idx_t &r) { return v * 3 + r; }

void ap_counters(const int32_t in[16], int32_t out[16], int32_t misc[8]) {
  for (idx_t i = 0; i < 15; i++)
    out[i] = in[i] + i[0] + (int)i.range(2, 1) * 10 + i.to_int() * 100;
  out[15] = 0;
  int32_t s = 0;
  for (ap_uint<4> i = 0; i < 13; i += 2)
    s += take(i, i) + (i == 3 ? 1000 : 0) + (i + 1);
  misc[0] = s;
  int32_t t = 0;
  for (sidx_t j = 10; j >= -20; j--)
    t = t * 3 + j;
  misc[1] = t;
  int32_t u = 0;
  for (ap_uint<3> k = 1; k <= 6; ++k)
    for (ap_uint<5> m = 0; m < k; m++)
      u += in[m] * (int)k;
  misc[2] = u;
  // Wrapping counters are not counted loops (they would never end): these
  // stop through their break.
  int32_t w = 0;
  for (ap_uint<3> q = 0; q < 8; q++) {
    w++;
    if (w > 20)
      break;
  }
  misc[3] = w;
  misc[4] = 0;
  for (ap_uint<8> p = 250; p < 255; p += 3) {
    misc[4] += p;
    if (misc[4] > 2000)
      break;
  }
  misc[5] = 0;
  for (ap_int<4> r = -8; r < 7; r++)
    misc[5] = misc[5] * 2 + r;
  misc[6] = 0;
  misc[7] = 0;
}

ALLO_DIFFTEST(ap_counters)
