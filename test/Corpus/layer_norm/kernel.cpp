// Layer normalisation of each token: the statistics come back from a helper
// as a struct, the inverse standard deviation uses hls::sqrt, the affine
// parameters are static const tables.
#include "kernel.h"
#include <hls_math.h>

#define EPS 1e-5f

struct stats_t {
  act_t mean;
  act_t var;
};

static const act_t gamma_tab[HIDDEN] = {1.0f,  0.5f,  2.0f,  1.5f,  0.75f, 1.25f, 1.0f,  0.25f,
                                        1.0f,  1.0f,  0.5f,  2.0f,  1.5f,  0.75f, 1.25f, 1.0f};
static const act_t beta_tab[HIDDEN] = {0.0f,  0.1f,  -0.1f, 0.2f,  -0.2f, 0.0f,  0.3f,  -0.3f,
                                       0.05f, -0.05f, 0.0f, 0.15f, -0.15f, 0.0f, 0.25f, -0.25f};

static stats_t row_stats(const act_t v[HIDDEN]) {
  act_t sum = 0.0f, sq = 0.0f;
  for (int i = 0; i < HIDDEN; i++) {
#pragma HLS pipeline II=1
    sum += v[i];
    sq += v[i] * v[i];
  }
  stats_t s;
  s.mean = sum / HIDDEN;
  s.var = sq / HIDDEN - s.mean * s.mean;
  return s;
}

void layer_norm(const act_t x[SEQ][HIDDEN], act_t y[SEQ][HIDDEN], act_t mean_out[SEQ]) {
  act_t row[HIDDEN];
  int t, i;
tokens:
  for (t = 0; t < SEQ; t++) {
    for (i = 0; i < HIDDEN; i++)
      row[i] = x[t][i];
    stats_t s = row_stats(row);
    act_t inv_std = 1.0f / hls::sqrt(s.var + EPS);
  normalize:
    for (i = 0; i < HIDDEN; i++) {
#pragma HLS pipeline II=1
      y[t][i] = (row[i] - s.mean) * inv_std * gamma_tab[i] + beta_tab[i];
    }
    mean_out[t] = s.mean;
  }
}
