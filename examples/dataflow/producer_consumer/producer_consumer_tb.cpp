// Testbench: the expected result from plain reference code.
#include <ap_fixed.h>
#include <cstdio>

constexpr int N = 64;
typedef ap_fixed<16, 8> data_t;
void top(const data_t in[N], data_t out[N]);

int main() {
  data_t in[N], out[N], ref[N];
  for (int i = 0; i < N; i++)
    in[i] = (data_t)((i * 37 % 23) - 11) / 8;
  data_t acc = 0;
  for (int i = 0; i < N; i++) {
    acc += in[i] * (data_t)1.5;
    ref[i] = acc;
  }
  top(in, out);
  int bad = 0;
  for (int i = 0; i < N; i++)
    bad += out[i] != ref[i];
  std::printf("producer_consumer: %s (%d mismatches)\n", bad ? "FAIL" : "PASS", bad);
  return bad != 0;
}
