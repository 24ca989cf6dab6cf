// ap_int / ap_uint member functions that real kernels call (CRC, bit
// manipulation, priority encoders): reductions, reverse(), rotations,
// countLeadingZeros(), b_not(), iszero()/is_zero(), sign(), and the
// reductions of range references.
#include "DiffTest.h"
#include <ap_int.h>

void ap_members(const int in[16], int out[16][12]) {
  for (int i = 0; i < 16; i++) {
    ap_uint<13> u = in[i];
    ap_int<10> s = in[i] * 3;
    ap_uint<32> w = (unsigned)in[i] * 2654435761u;
    out[i][0] = u.and_reduce() + 2 * u.or_reduce() + 4 * u.xor_reduce();
    out[i][1] = u.nand_reduce() + 2 * u.nor_reduce() + 4 * u.xnor_reduce();
    out[i][2] = s.xor_reduce() + 2 * s.and_reduce() + 4 * s.sign() + 8 * s.iszero() +
                16 * u.is_zero();
    out[i][3] = w.countLeadingZeros() + 100 * u.countLeadingZeros();
    ap_uint<13> r = u;
    r.reverse();
    out[i][4] = r.to_int();
    ap_int<10> t = s;
    out[i][5] = t.reverse().to_int(); // reverse() returns the reversed value
    ap_uint<13> rl = u, rr = u;
    rl.lrotate(i - 5);
    rr.rrotate(3);
    out[i][6] = rl.to_int();
    out[i][7] = rr.to_int();
    ap_uint<8> n = u;
    n.b_not();
    out[i][8] = n.to_int();
    out[i][9] = u.range(7, 4).and_reduce() + 2 * u.range(11, 0).or_reduce() +
                4 * u.range(3, 0).xor_reduce() + 8 * u.range(0, 3).and_reduce();
    ap_uint<64> big = w;
    big = big * big;
    out[i][10] = big.countLeadingZeros() + 100 * big.xor_reduce();
    ap_uint<1> one = u;
    one.lrotate(i);
    out[i][11] = one.to_int() + 2 * one.and_reduce();
  }
}
ALLO_DIFFTEST_RANGE(ap_members, -4096, 4096)
