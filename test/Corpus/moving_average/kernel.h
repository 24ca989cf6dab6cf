#ifndef MOVING_AVERAGE_H
#define MOVING_AVERAGE_H
#include <ap_fixed.h>
#include <ap_int.h>

#define MA_WINDOW 8
#define MA_CHUNK 32

typedef ap_fixed<18, 10> ma_data_t;
typedef ap_fixed<22, 14> ma_sum_t;

extern "C" void moving_average(const ma_data_t *in, ma_data_t *out, int n, int *samples_seen);
#endif
