// Odd-even transposition sorting network: a compare-and-swap helper that
// takes its operands by reference, a template for the network size, the
// stages fully unrolled with a macro bound.
#include "kernel.h"

template <typename T> static bool compare_swap(T &a, T &b) {
#pragma HLS inline
  if (b < a) {
    T t = a;
    a = b;
    b = t;
    return true;
  }
  return false;
}

template <typename T, int N> static int odd_even_sort(T v[N]) {
  int count = 0;
stages:
  for (int stage = 0; stage < N; stage++) {
#pragma HLS pipeline II=1
  pairs:
    for (int i = stage % 2; i + 1 < N; i += 2) {
#pragma HLS unroll
      if (compare_swap<T>(v[i], v[i + 1]))
        count++;
    }
  }
  return count;
}

void sort_network(const sort_key_t in[NVEC][SORT_N], sort_key_t out[NVEC][SORT_N], int swaps[NVEC]) {
  sort_key_t buf[SORT_N];
#pragma HLS array_partition variable=buf type=complete
  int v, i;
  for (v = 0; v < NVEC; v++) {
    for (i = 0; i < SORT_N; i++)
      buf[i] = in[v][i];
    swaps[v] = odd_even_sort<sort_key_t, SORT_N>(buf);
    for (i = 0; i < SORT_N; i++)
      out[v][i] = buf[i];
  }
}
