#include <cmath>
#include <cstdio>
#include "kernel.h"

int main() {
  tok_t obs[N_OBS];
  prob_t init[N_STATES], transition[N_STATES * N_STATES], emission[N_STATES * N_TOKENS];
  state_t path[N_OBS];
  for (int i = 0; i < N_OBS; i++)
    obs[i] = (i * 7 + i / 5) % N_TOKENS;
  for (int s = 0; s < N_STATES; s++)
    init[s] = 1.0f + 0.25f * s;
  for (int i = 0; i < N_STATES * N_STATES; i++)
    transition[i] = 0.5f + (float)((i * 37) % 29) / 8.0f;
  for (int i = 0; i < N_STATES * N_TOKENS; i++)
    emission[i] = 0.125f + (float)((i * 53) % 31) / 6.0f;
  int last = viterbi(obs, init, transition, emission, path);
  printf("last state %d\npath:", last);
  for (int i = 0; i < N_OBS; i++)
    printf(" %u", (unsigned)path[i]);
  printf("\n");
  return 0;
}
