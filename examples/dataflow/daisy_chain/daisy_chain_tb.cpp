#include <ap_int.h>
#include <cstdio>

#define P 6
#define LEN 32
typedef ap_int<24> acc_t;
void top(const ap_int<8> x[LEN], const ap_int<8> w[P], acc_t y[LEN]);

int main() {
  ap_int<8> x[LEN], w[P];
  acc_t y[LEN];
  for (int n = 0; n < LEN; n++)
    x[n] = (n * 37) % 255 - 127;
  for (int p = 0; p < P; p++)
    w[p] = p * 11 - 30;
  top(x, w, y);
  int bad = 0;
  for (int n = 0; n < LEN; n++) {
    acc_t v = x[n];
    for (int p = 0; p < P; p++)
      v = v * 3 + w[p];
    bad += y[n] != v;
  }
  std::printf("daisy_chain: %s (%d mismatches)\n", bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
