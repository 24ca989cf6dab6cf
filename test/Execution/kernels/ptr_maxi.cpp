// The most common Vitis kernel shape: an extern "C" top whose arrays are
// pointers sized by `#pragma HLS interface m_axi ... depth=N` (macros in the
// depth), a scalar output pointer, scalar reference parameters (`int &`,
// `const int &`), and pointer arithmetic passed on to helpers that take
// pointers: `in + i * ROW`, `&a[i]`, `mat[r]`, `*(p + 2)`, a pointer local.
#include <cstdint>
#include "DiffTest.h"

#define DATA_SIZE 64
#define ROW 8


static void copy_row(const int32_t *src, int32_t *dst) {
  for (int j = 0; j < ROW; j++)
    dst[j] = src[j];
}

static void row_sum(const int32_t *row, int32_t &acc) {
  for (int j = 0; j < ROW; j++)
    acc += row[j];
}

static void scale(int32_t row[], int n, const int &k) {
  for (int j = 0; j < n; j++)
    row[j] = row[j] * k - j;
}

static void bump(int &c) { c++; }

extern "C" void ptr_maxi(const int32_t *in1, const int32_t *in2, int32_t *out, int32_t mat[][ROW],
                         int32_t *total, int &count, const int &k, int size) {
#pragma HLS interface m_axi port = in1 depth = DATA_SIZE
#pragma HLS interface m_axi port=in2 depth=DATA_SIZE offset=slave bundle=gmem1
#pragma HLS interface m_axi port=out depth=DATA_SIZE
#pragma HLS interface m_axi port=mat depth=4 * ROW
  int32_t buf[ROW];
  int32_t acc = 0;
  int n = size & 7;
rows:
  for (int r = 0; r < DATA_SIZE / ROW; r++) {
    copy_row(in1 + r * ROW, buf);
    for (int j = 0; j < ROW; j++)
      out[r * ROW + j] = buf[j] + *(in2 + r * ROW + j);
    row_sum(&out[r * ROW], acc);
    scale(out + r * ROW, n, k);
    if (out[r * ROW] > 0)
      bump(count);
  }
  for (int r = 0; r < 4; r++) {
    scale(mat[r], ROW, r);
    row_sum(mat[r], acc);
  }
  const int32_t *tail = &in2[DATA_SIZE - 4];
  *total = acc + tail[1] + *(tail + 2);
  bump(count);
}

ALLO_DIFFTEST(ptr_maxi)
