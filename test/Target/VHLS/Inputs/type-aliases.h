// The user's own header for ../type-aliases.cpp (its testbench includes it).
#ifndef TYPE_ALIASES_H
#define TYPE_ALIASES_H
#include <ap_fixed.h>
#include <ap_int.h>
#include <cstdint>

typedef ap_fixed<16, 8> data_t;
using acc_t = ap_fixed<32, 16, AP_RND, AP_SAT>;
typedef int32_t din_t;
typedef data_t coef_t; // an alias of an alias
namespace dsp {
typedef ap_uint<12> sample_t;
using wide_t = ap_int<40>;
} // namespace dsp
typedef din_t vec_t[8]; // an array alias

#define NTAPS 8
data_t top(const data_t x[NTAPS], coef_t c[NTAPS], din_t n, dsp::sample_t s[4], vec_t v);
#endif
