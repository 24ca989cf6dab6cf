#include <cstdio>

#define BATCH 4
#define DIM 20
extern "C" void softmax(const float *logits, float *probs);

int main() {
  float logits[BATCH * DIM], probs[BATCH * DIM];
  for (int b = 0; b < BATCH; b++)
    for (int i = 0; i < DIM; i++)
      logits[b * DIM + i] = b == 3 ? 80.0f + i : (float)((i * (b + 3)) % 13 - 6) * 0.75f;
  softmax(logits, probs);
  for (int i = 0; i < BATCH * DIM; i++)
    printf("p[%d] = %a\n", i, probs[i]);
  return 0;
}
