#include <cstdio>

#define BS_N 32
void bitonic_sort(const float in[BS_N], float sorted[BS_N], int perm[BS_N]);

int main() {
  float in[BS_N], sorted[BS_N];
  int perm[BS_N];
  for (int t = 0; t < 2; t++) {
    for (int i = 0; i < BS_N; i++)
      in[i] = t == 0 ? (float)((i * 13) % 31) - 15.5f : (float)((i * 7) % 5) * 0.5f;
    bitonic_sort(in, sorted, perm);
    printf("test %d:", t);
    for (int i = 0; i < BS_N; i++)
      printf(" %g@%d", sorted[i], perm[i]);
    printf("\n");
  }
  return 0;
}
