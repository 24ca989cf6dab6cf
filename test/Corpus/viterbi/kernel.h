#ifndef VITERBI_H
#define VITERBI_H
#include <ap_int.h>

#define N_OBS 40
#define N_STATES 8
#define N_TOKENS 16

typedef ap_uint<4> tok_t;
typedef float prob_t;
typedef ap_uint<3> state_t;

int viterbi(const tok_t obs[N_OBS], const prob_t init[N_STATES],
            const prob_t transition[N_STATES * N_STATES],
            const prob_t emission[N_STATES * N_TOKENS], state_t path[N_OBS]);
#endif
