#ifndef STREAM_LANES_H
#define STREAM_LANES_H
#include <ap_int.h>
#include <hls_stream.h>

#define LANES 4
#define PER_LANE 12
#define TOTAL (LANES * PER_LANE)

typedef ap_int<16> lane_t;

void stream_lanes(const lane_t in[TOTAL], ap_int<32> out[TOTAL], int gain);
#endif
