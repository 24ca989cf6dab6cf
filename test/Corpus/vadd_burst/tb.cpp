#include <cstdio>

#define DATA_SIZE 100
extern "C" void vadd(const unsigned int *in1, const unsigned int *in2, unsigned int *out_r,
                     int size);

int main() {
  unsigned int a[DATA_SIZE], b[DATA_SIZE], c[DATA_SIZE];
  const int sizes[3] = {DATA_SIZE, 16, 37};
  for (int t = 0; t < 3; t++) {
    for (int i = 0; i < DATA_SIZE; i++) {
      a[i] = 0xfffffff0u + i * (t + 1);
      b[i] = i * i * 1000003u;
      c[i] = 0;
    }
    vadd(a, b, c, sizes[t]);
    printf("size %d:", sizes[t]);
    for (int i = 0; i < DATA_SIZE; i++)
      printf(" %u", c[i]);
    printf("\n");
  }
  return 0;
}
