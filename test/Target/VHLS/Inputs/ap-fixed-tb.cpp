// Testbench for ../ap-fixed.cpp: prints the exact results of `top` (linked
// with either the original or the emitted kernel).
#include <ap_fixed.h>
#include <cstdio>

ap_ufixed<10, 2> top(ap_fixed<12, 4> a, ap_ufixed<10, 2> b[4], double d);

int main() {
  for (int t = 0; t < 50; t++) {
    ap_fixed<12, 4> a = t * 0.37 - 7.1;
    ap_ufixed<10, 2> b[4];
    for (int i = 0; i < 4; i++)
      b[i] = t * i * 0.113;
    ap_ufixed<10, 2> r = top(a, b, t * 1.7 - 20);
    std::printf("%s", r.to_string(16).c_str());
    for (int i = 0; i < 4; i++)
      std::printf(" %s", b[i].to_string(16).c_str());
    std::printf("\n");
  }
}
