#include <ap_int.h>
#include <cstdio>

typedef ap_int<12> data_t;
typedef ap_int<13> sum_t;
extern "C" void vadd(const data_t a[64], const data_t b[64], sum_t c[64]);

int main() {
  data_t a[64], b[64];
  sum_t c[64];
  for (int i = 0; i < 64; i++) {
    a[i] = i * 61 - 2000;
    b[i] = 2047 - i * 37;
  }
  vadd(a, b, c);
  for (int i = 0; i < 64; i++)
    std::printf("%d%c", (int)c[i], i % 16 == 15 ? '\n' : ' ');
  return 0;
}
