// Structs shared by structs.cpp and its testbench (a user's header).
#include <ap_fixed.h>
namespace img {
struct Pixel {
  unsigned char r, g, b;
};
} // namespace img
typedef struct {
  float re, im;
} cplx_t;
struct Sample {
  short x;
  cplx_t c;
  ap_fixed<16, 8> w;
  int hist[3];
};
