// A deliberately deadlocking design: ping sends 8 values before it reads
// pong's answers, and pong does the same the other way round. With FIFOs of
// depth 2 both block on a full stream. Sequential C simulation (unbounded
// FIFOs, one process after the other) cannot show this; the concurrent
// simulator reports it, naming both processes and the streams they wait on.
// With depth = 8 the design runs.
#include <allo/allo.h>

#ifndef DEPTH
#define DEPTH 2
#endif

[[allo::kernel]]
void ping(allo::stream<int> &to, allo::stream<int> &from, int out[8]) {
  for (int i = 0; i < 8; i++)
    to.put(i);
  for (int i = 0; i < 8; i++)
    out[i] = from.get();
}

[[allo::kernel]]
void pong(allo::stream<int> &from, allo::stream<int> &to) {
  for (int i = 0; i < 8; i++)
    to.put(100 + i);
  for (int i = 0; i < 8; i++)
    from.get();
}

[[allo::region]]
void top(int out[8]) {
  [[allo::stream(depth = DEPTH)]] allo::stream<int> a;
  [[allo::stream(depth = DEPTH)]] allo::stream<int> b;
  ping(a, b, out);
  pong(a, b);
}
