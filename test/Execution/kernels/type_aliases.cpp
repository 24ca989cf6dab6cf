// Type aliases as HLS code uses them: typedef'd ap_fixed / ap_uint / integer element types,
// an alias of an alias, namespace-scope aliases, an array alias, a template parameter bound to
// an alias, a local typedef. Fixed-point values must go through their raw bits (a decision
// made on the spelling once computed them as converted values).
#include <allo/allo.h>
#include <ap_fixed.h>
#include <ap_int.h>
#include <cstdint>
#include "DiffTest.h"

typedef ap_fixed<16, 8> data_t;
using acc_t = ap_fixed<32, 16, AP_RND, AP_SAT>;
typedef int32_t din_t;
typedef data_t coef_t;
namespace dsp {
typedef ap_uint<12> sample_t;
}
typedef din_t vec_t[8];

template <typename T> static T mac(T a, T b, acc_t acc) { return acc + a * b; }

[[allo::kernel]] din_t type_aliases(const din_t xr[8], din_t cr[8], din_t n, din_t sr[4], vec_t v) {
  typedef ap_fixed<20, 10> local_t;
  dsp::sample_t s[4];
  for (int i = 0; i < 4; i++)
    s[i] = sr[i];
  data_t x[8];
  coef_t c[8];
  for (int i = 0; i < 8; i++) {
    x[i] = (data_t)(xr[i] % 1000) / 16;
    c[i] = (coef_t)(cr[i] % 1000) / 32;
  }
  acc_t acc = 0;
  local_t t = 0;
  for (int i = 0; i < 8; i++) {
    acc += x[i] * c[i];
    c[i] = c[i] + x[i];
    t += x[i];
    v[i] = v[i] * (n % 7) + (din_t)s[i % 4];
  }
  for (int i = 0; i < 4; i++)
    sr[i] = s[i] + (dsp::sample_t)n;
  for (int i = 0; i < 8; i++)
    cr[i] = c[i].range().to_int();
  data_t r = mac<data_t>(x[0], c[1], acc) + t;
  return r.range().to_int() + (din_t)acc.range().to_int();
}
ALLO_DIFFTEST(type_aliases)
