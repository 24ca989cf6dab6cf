// memcpy as Vitis kernels burst between m_axi pointers and local buffers:
// whole buffers (sizeof(buf)), N * sizeof(T), a run-time count * sizeof(T),
// offsets into the pointer (in + off, &out[k * 8]), rows of a 2-D buffer
// (&tile[r][0]) and a 2-D buffer copied flat, typedef'd ap_int and float
// elements, std::memcpy.
#include <ap_int.h>
#include <cstdint>
#include <cstring>
#include <string.h>
#include "DiffTest.h"

#define N 32
typedef ap_int<12> pix_t;

void memcpy_burst(const int32_t *in, int32_t *out, const float fin[16], float fout[16],
                  const pix_t px[N], pix_t py[N], int32_t n) {
#pragma HLS interface m_axi port=in depth=64
#pragma HLS interface m_axi port=out depth=64
  int32_t buf[N];
  memcpy(buf, in, sizeof(buf));
  for (int i = 0; i < N; i++)
    buf[i] = buf[i] * 3 + i;
  memcpy(out, buf, N * sizeof(int32_t));
  int32_t tile[4][8];
  for (int r = 0; r < 4; r++)
    memcpy(&tile[r][0], in + 32 + 8 * r, 8 * sizeof(int32_t));
  for (int r = 0; r < 4; r++)
    for (int c = 0; c < 8; c++)
      tile[r][c] += r - c;
  memcpy(out + 32, tile, sizeof(tile));
  int cnt = (n & 7) + 1; // 1..8
  memcpy(&out[40], &buf[3], cnt * sizeof(int32_t));
  float f[16];
  std::memcpy(f, fin, 16 * sizeof(float));
  for (int i = 0; i < 16; i++)
    fout[i] = f[15 - i] * 0.5f;
  pix_t p[N];
  memcpy(p, px, sizeof(p));
  for (int i = 0; i < N; i++)
    p[i] = p[i] + (pix_t)i;
  memcpy(py, p, (size_t)n % 4 * 8 * sizeof(pix_t));
}

ALLO_DIFFTEST(memcpy_burst)
