#ifndef COMPLEX_MAC_H
#define COMPLEX_MAC_H
#include <ap_fixed.h>

#define CM_LEN 16

typedef ap_fixed<16, 4> cdata_t;
typedef ap_fixed<32, 12> cacc_t;

struct complex_t {
  cdata_t re;
  cdata_t im;
};

struct complex_acc_t {
  cacc_t re;
  cacc_t im;
};

complex_acc_t complex_mac(const complex_t a[CM_LEN], const complex_t b[CM_LEN], bool conj_b,
                          bool clear);
#endif
