#include <cstdio>
#include "kernel.h"

int main() {
  complex_t a[CM_LEN], b[CM_LEN];
  for (int call = 0; call < 4; call++) {
    for (int i = 0; i < CM_LEN; i++) {
      a[i].re = cdata_t((i * 5 + call) % 17 - 8) / 4;
      a[i].im = cdata_t((i * 3 + 2 * call) % 13 - 6) / 8;
      b[i].re = cdata_t((i * 7 + 1) % 11 - 5) / 2;
      b[i].im = cdata_t((i * 11 + call) % 19 - 9) / 16;
    }
    complex_acc_t r = complex_mac(a, b, call % 2 == 1, call == 0 || call == 2);
    printf("call %d acc = %.17g %+.17gi\n", call, r.re.to_double(), r.im.to_double());
  }
  return 0;
}
