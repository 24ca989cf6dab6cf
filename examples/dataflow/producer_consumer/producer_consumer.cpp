// Producer/consumer: two kernels connected by a FIFO of depth 2, the
// smallest dataflow region. typedef'd fixed point, as in HLS code.
#include <allo/allo.h>
#include <ap_fixed.h>

constexpr int N = 64;
typedef ap_fixed<16, 8> data_t;

[[allo::kernel]]
void producer(const data_t in[N], allo::stream<data_t> &s) {
  for (int i = 0; i < N; i++)
    s.put(in[i] * (data_t)1.5);
}

[[allo::kernel]]
void consumer(allo::stream<data_t> &s, data_t out[N]) {
  data_t acc = 0;
  for (int i = 0; i < N; i++) {
    acc += s.get();
    out[i] = acc;
  }
}

[[allo::region]]
void top(const data_t in[N], data_t out[N]) {
  [[allo::stream(depth = 2)]] allo::stream<data_t> s;
  producer(in, s);
  consumer(s, out);
}
