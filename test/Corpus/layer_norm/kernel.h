#ifndef LAYER_NORM_H
#define LAYER_NORM_H

#define SEQ 6
#define HIDDEN 16
typedef float act_t;

void layer_norm(const act_t x[SEQ][HIDDEN], act_t y[SEQ][HIDDEN], act_t mean_out[SEQ]);
#endif
