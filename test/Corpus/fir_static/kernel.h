// FIR filter: the data types live in a header the testbench includes too.
#ifndef FIR_STATIC_H
#define FIR_STATIC_H
#include <ap_fixed.h>

#define N_TAPS 16
#define MAX_SAMPLES 64

typedef ap_fixed<16, 2> coef_t;
typedef ap_fixed<16, 8> data_t;
typedef ap_fixed<40, 16> acc_t;

extern "C" void fir(const data_t *in, data_t *out, int n);
#endif
