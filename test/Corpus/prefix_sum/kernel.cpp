// Work-efficient (Blelloch) exclusive scan of a block, continued across calls:
// a static carry holds the running sum of all earlier blocks; up-sweep and
// down-sweep loops with strides that double and halve; the running total is
// returned by reference.
#include "kernel.h"

void prefix_sum(const ap_int<12> in[PS_N], psum_t out[PS_N], bool reset, int &total) {
  static psum_t carry = 0;
  psum_t tree[PS_N];
#pragma HLS array_partition variable=tree type=complete
  int d, i;
  if (reset)
    carry = 0;
  for (i = 0; i < PS_N; i++)
    tree[i] = in[i];
up_sweep:
  for (d = 1; d < PS_N; d *= 2) {
    for (i = 2 * d - 1; i < PS_N; i += 2 * d) {
#pragma HLS unroll
      tree[i] += tree[i - d];
    }
  }
  psum_t block_sum = tree[PS_N - 1];
  tree[PS_N - 1] = 0;
down_sweep:
  for (d = PS_N / 2; d >= 1; d /= 2) {
    for (i = 2 * d - 1; i < PS_N; i += 2 * d) {
#pragma HLS unroll
      psum_t t = tree[i - d];
      tree[i - d] = tree[i];
      tree[i] += t;
    }
  }
  for (i = 0; i < PS_N; i++)
    out[i] = tree[i] + carry;
  carry += block_sum;
  total = carry;
}
