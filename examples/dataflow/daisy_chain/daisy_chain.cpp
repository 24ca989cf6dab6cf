// A daisy chain of P PEs: PE p takes the running values from stream p,
// adds its own weight times the input and passes them on to stream p + 1;
// a loader feeds the chain and a collector drains it.
#include <allo/allo.h>
#include <ap_int.h>

#define P 6
#define LEN 32
typedef ap_int<24> acc_t;

[[allo::kernel]]
void loader(const ap_int<8> x[LEN], allo::stream<acc_t> chain[P + 1]) {
  for (int n = 0; n < LEN; n++)
    chain[0].put(x[n]);
}

[[allo::kernel(mapping(P))]]
void stage(const ap_int<8> w[P], allo::stream<acc_t> chain[P + 1]) {
  auto [p] = allo::get_pid<1>();
  for (int n = 0; n < LEN; n++) {
    acc_t v = chain[p].get();
    chain[p + 1].put(v * 3 + w[p]);
  }
}

[[allo::kernel]]
void collector(allo::stream<acc_t> chain[P + 1], acc_t y[LEN]) {
  for (int n = 0; n < LEN; n++)
    y[n] = chain[P].get();
}

[[allo::region]]
void top(const ap_int<8> x[LEN], const ap_int<8> w[P], acc_t y[LEN]) {
  [[allo::stream(depth = 2)]] allo::stream<acc_t> chain[P + 1];
  loader(x, chain);
  stage(w, chain);
  collector(chain, y);
}
