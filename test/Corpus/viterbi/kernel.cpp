// Viterbi decoding in negative log space (MachSuite's formulation): flat
// transition/emission tables, a dynamic-programming table, and a backtrack
// with a decreasing loop. Returns the final state.
#include "kernel.h"

int viterbi(const tok_t obs[N_OBS], const prob_t init[N_STATES],
            const prob_t transition[N_STATES * N_STATES],
            const prob_t emission[N_STATES * N_TOKENS], state_t path[N_OBS]) {
  prob_t llike[N_OBS][N_STATES];
  int t, prev, curr;
  prob_t min_p, p;
  state_t min_s, s;

L_init:
  for (s = 0; s < N_STATES - 1; s++)
    llike[0][s] = init[s] + emission[s * N_TOKENS + obs[0]];
  llike[0][N_STATES - 1] = init[N_STATES - 1] + emission[(N_STATES - 1) * N_TOKENS + obs[0]];

L_timestep:
  for (t = 1; t < N_OBS; t++) {
  L_curr_state:
    for (curr = 0; curr < N_STATES; curr++) {
      prev = 0;
      min_p = llike[t - 1][prev] + transition[prev * N_STATES + curr] +
              emission[curr * N_TOKENS + obs[t]];
    L_prev_state:
      for (prev = 1; prev < N_STATES; prev++) {
#pragma HLS pipeline II=1
        p = llike[t - 1][prev] + transition[prev * N_STATES + curr] +
            emission[curr * N_TOKENS + obs[t]];
        if (p < min_p)
          min_p = p;
      }
      llike[t][curr] = min_p;
    }
  }

  min_s = 0;
  min_p = llike[N_OBS - 1][min_s];
L_end:
  for (curr = 1; curr < N_STATES; curr++) {
    p = llike[N_OBS - 1][curr];
    if (p < min_p) {
      min_p = p;
      min_s = curr;
    }
  }
  path[N_OBS - 1] = min_s;

L_backtrack:
  for (t = N_OBS - 2; t >= 0; t--) {
    min_s = 0;
    min_p = llike[t][min_s] + transition[min_s * N_STATES + path[t + 1]];
    for (prev = 1; prev < N_STATES; prev++) {
      p = llike[t][prev] + transition[prev * N_STATES + path[t + 1]];
      if (p < min_p) {
        min_p = p;
        min_s = prev;
      }
    }
    path[t] = min_s;
  }
  return path[N_OBS - 1];
}
