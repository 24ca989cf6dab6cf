// Testbench for ../type-aliases.cpp, written against the user's header: it
// links with the original kernel, with the emitted one, and also compiles with
// the emitted file included after the header (the aliases are redeclared as
// the same types).
#include "type-aliases.h"
#ifdef INCLUDE_EMITTED
#include INCLUDE_EMITTED
#endif
#include <cstdio>

int main() {
  for (int t = 0; t < 40; t++) {
    data_t x[NTAPS];
    coef_t c[NTAPS];
    dsp::sample_t s[4];
    vec_t v;
    for (int i = 0; i < NTAPS; i++) {
      x[i] = (t * 7 + i * 13) % 50 * 0.173 - 4.2;
      c[i] = (i * 5 + t) % 11 * 0.31 - 1.5;
      v[i] = (t * 31 + i * 17) % 200 - 100;
    }
    for (int i = 0; i < 4; i++)
      s[i] = (t * 977 + i * 331) % 4096;
    data_t r = top(x, c, t - 20, s, v);
    std::printf("%s", r.to_string(16).c_str());
    for (int i = 0; i < NTAPS; i++)
      std::printf(" %s %d", c[i].to_string(16).c_str(), v[i]);
    for (int i = 0; i < 4; i++)
      std::printf(" %u", (unsigned)s[i]);
    std::printf("\n");
  }
}
