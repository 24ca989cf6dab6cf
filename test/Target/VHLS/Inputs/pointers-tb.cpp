// Testbench for pointers.cpp: written against the original signature.
#include <cstdio>
void top(const int *in, int out[], float m[][8], float (*q)[8], int *total, int &count,
         const int &k);
int main() {
  int in[32], out[32] = {0}, total = 0, count = 5;
  float m[4][8], q[2][8];
  for (int i = 0; i < 32; i++)
    in[i] = i * 7 - 50;
  for (int i = 0; i < 32; i++)
    m[i / 8][i % 8] = 0.25f * (i % 5), q[(i / 8) % 2][i % 8] = 0.5f - 0.125f * (i % 3);
  for (int call = 0; call < 2; call++)
    top(in, out, m, q, &total, count, 3 + call);
  for (int i = 0; i < 32; i++)
    printf("%d ", out[i]);
  printf("\ntotal=%d count=%d\n", total, count);
}
