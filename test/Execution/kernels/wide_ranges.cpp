// Ranges of wide buses, as m_axi kernels unpack and pack them: 512-bit words
// sliced with loop-variable bounds (`w.range(32*j + 31, 32*j)`: the direction
// follows from the bounds' affine difference), written back the same way, a
// reversed constant range and a run-time range of either direction on 128 and
// 512 bits (the bit-reversal network at any width).
#include <ap_int.h>
#include <cstdint>
#include "DiffTest.h"

#define WORDS 4
#define LANES 16
typedef ap_uint<512> bus_t;

void wide_ranges(const uint32_t in[WORDS][LANES], const int32_t sel[WORDS], uint32_t out[WORDS][LANES],
                 uint32_t misc[WORDS][4]) {
  for (int i = 0; i < WORDS; i++) {
    bus_t w = 0;
    for (int j = 0; j < LANES; j++)
      w.range(32 * j + 31, 32 * j) = in[i][j];
    bus_t v = 0;
    for (int j = 0; j < LANES; j++) {
      ap_uint<32> lane = w.range(32 * j + 31, 32 * j);
      v.range(32 * (LANES - 1 - j) + 31, 32 * (LANES - 1 - j)) = lane + j;
    }
    for (int j = 0; j < LANES; j++)
      out[i][j] = v.range(32 * j + 31, 32 * j).to_uint();
    ap_uint<128> q = w.range(127, 0);
    ap_uint<128> r = q.range(0, 127); // reversed
    int h = sel[i] & 127, l = (sel[i] >> 7) & 127;
    misc[i][0] = (uint32_t)r.range(31, 0);
    misc[i][1] = (uint32_t)q.range(h, l); // either direction
    bus_t z = w;
    z.range(l + 300, h + 300) = q; // either direction
    misc[i][2] = (uint32_t)(z >> (h + 280));
    misc[i][3] = (uint32_t)w.range(500 - l, 480 - l);
  }
}

ALLO_DIFFTEST(wide_ranges)
