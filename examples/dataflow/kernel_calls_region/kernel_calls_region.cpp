// A kernel calling a region: `rows` processes a matrix one row at a time,
// and every row goes through the dataflow region `row_pipe` (a producer
// and a consumer connected by a FIFO).
#include <allo/allo.h>

constexpr int R = 4, L = 16;

[[allo::kernel]]
void square(const int in[L], allo::stream<int> &s) {
  for (int i = 0; i < L; i++)
    s.put(in[i] * in[i]);
}

[[allo::kernel]]
void prefix(allo::stream<int> &s, int out[L]) {
  int acc = 0;
  for (int i = 0; i < L; i++) {
    acc += s.get();
    out[i] = acc;
  }
}

[[allo::region]]
void row_pipe(const int in[L], int out[L]) {
  [[allo::stream(depth = 2)]] allo::stream<int> s;
  square(in, s);
  prefix(s, out);
}

[[allo::kernel]]
void rows(const int in[R][L], int out[R][L]) {
  for (int r = 0; r < R; r++)
    row_pipe(in[r], out[r]);
}
