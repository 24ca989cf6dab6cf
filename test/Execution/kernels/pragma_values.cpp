// Pragma values as real code writes them: macros (II=II_VAL), constexpr
// constants and template parameters (factor=FACT, max=SIZE, depth=DEPTH),
// expressions of them (factor=FACT/2); directives about locals written next
// to them (bind_storage, array_partition, stream depth), also inside loops.
#include "DiffTest.h"
#include <hls_stream.h>

#define II_VAL 1
#define PART 4
constexpr int SIZE = 32;

template <int FACT, int DEPTH>
static void scaled_sum(const int in[SIZE], int out[SIZE]) {
  int buf[SIZE];
#pragma HLS bind_storage variable=buf type=ram_2p impl=bram
#pragma HLS array_partition variable=buf type=cyclic factor=FACT dim=1
  hls::stream<int> fifo;
#pragma HLS stream variable=fifo depth=DEPTH
fill:
  for (int i = 0; i < SIZE; i++) {
#pragma HLS pipeline II=II_VAL
#pragma HLS loop_tripcount min=SIZE max=SIZE
    buf[i] = in[i] * FACT;
  }
acc:
  for (int i = 0; i < SIZE; i += FACT) {
#pragma HLS unroll factor=FACT/2
    int part[PART];
#pragma HLS array_partition variable=part complete
    for (int k = 0; k < PART; k++)
      part[k] = k < FACT ? buf[i + k % FACT] : 0;
    fifo.write(part[0] + part[1] + part[PART - 1]);
  }
drain:
  for (int i = 0; i < SIZE / FACT; i++)
    out[i] = fifo.read();
  for (int i = SIZE / FACT; i < SIZE; i++)
    out[i] = buf[i];
}

void pragma_values(const int in[SIZE], int out[SIZE]) { scaled_sum<4, SIZE / 4>(in, out); }
ALLO_DIFFTEST(pragma_values)
