// Numerically stable softmax over the rows of a batch, as a Vitis kernel with
// m_axi pointers: row maximum, std::exp of the shifted values, normalisation.
#include <cmath>

#define BATCH 4
#define DIM 20

extern "C" void softmax(const float *logits, float *probs) {
#pragma HLS interface m_axi port=logits offset=slave bundle=gmem0 depth=BATCH*DIM
#pragma HLS interface m_axi port=probs offset=slave bundle=gmem1 depth=BATCH*DIM
#pragma HLS interface s_axilite port=return
  float buf[DIM];
  int b, i;
batch:
  for (b = 0; b < BATCH; b++) {
    float mx = logits[b * DIM];
  load_max:
    for (i = 0; i < DIM; i++) {
#pragma HLS pipeline II=1
      buf[i] = logits[b * DIM + i];
      mx = std::max(mx, buf[i]);
    }
    float sum = 0.0f;
  exp_sum:
    for (i = 0; i < DIM; i++) {
#pragma HLS pipeline II=1
      buf[i] = std::exp(buf[i] - mx);
      sum += buf[i];
    }
    float inv = 1.0f / sum;
  norm:
    for (i = 0; i < DIM; i++) {
#pragma HLS pipeline II=1
      probs[b * DIM + i] = buf[i] * inv;
    }
  }
}
