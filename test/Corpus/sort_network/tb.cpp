#include <cstdio>
#include "kernel.h"

int main() {
  sort_key_t in[NVEC][SORT_N], out[NVEC][SORT_N];
  int swaps[NVEC];
  for (int v = 0; v < NVEC; v++)
    for (int i = 0; i < SORT_N; i++) {
      int x;
      if (v == 0) x = i;                        // sorted
      else if (v == 1) x = SORT_N - i;          // reversed
      else if (v == 2) x = 5;                   // all equal
      else x = ((i + 3) * (v * 977 + 13)) % 4001 - 2000;
      in[v][i] = x;
    }
  sort_network(in, out, swaps);
  for (int v = 0; v < NVEC; v++) {
    printf("vec %d swaps %d:", v, swaps[v]);
    for (int i = 0; i < SORT_N; i++)
      printf(" %d", out[v][i].to_int());
    printf("\n");
  }
  return 0;
}
