//===- ap_fixed_test.cpp - Unit tests for the csim ap_[u]fixed model -----===//
//
// Conversions are checked against an independent reference that rounds the
// exactly scaled double (x * 2^F) with floor() and an explicit comparison of
// the remaining fraction with 1/2; arithmetic against exact double math.
//
//===----------------------------------------------------------------------===//

#include "ap_fixed.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>

namespace {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

template <int W, int I, bool S, ap_q_mode Q = AP_TRN, ap_o_mode O = AP_WRAP>
using fx = typename std::conditional<S, ap_fixed<W, I, Q, O>, ap_ufixed<W, I, Q, O>>::type;

i128 wrap_bits(i128 v, int w, bool s) {
  const u128 mask = (u128(1) << w) - 1;
  const u128 m = (u128)v & mask;
  if (s && ((m >> (w - 1)) & 1))
    return (i128)(m | ~mask); // sign-extend
  return (i128)m;
}

/// Reference raw value of x converted to a (W, I, S, Q, O) fixed-point type.
i128 ref_raw(double x, int W, int I, bool S, ap_q_mode Q, ap_o_mode O) {
  const int F = W - I;
  const double scaled = std::ldexp(x, F); // exact
  const double fl = std::floor(scaled);
  const double frac = scaled - fl; // exact, in [0, 1)
  i128 q = (i128)fl;
  const bool neg = x < 0;
  bool up = false;
  if (Q == AP_TRN) {
    up = false;
  } else if (Q == AP_TRN_ZERO) {
    up = neg && frac != 0;
  } else if (frac > 0.5) {
    up = true;
  } else if (frac < 0.5) {
    up = false;
  } else { // exactly half way
    switch (Q) {
    case AP_RND: up = true; break;
    case AP_RND_ZERO: up = neg; break;
    case AP_RND_MIN_INF: up = false; break;
    case AP_RND_INF: up = !neg; break;
    case AP_RND_CONV: up = (q & 1) != 0; break;
    default: break;
    }
  }
  if (up)
    q += 1;
  const i128 lo = S ? -((i128)1 << (W - 1)) : 0;
  const i128 hi = S ? ((i128)1 << (W - 1)) - 1 : ((i128)1 << W) - 1;
  if (q >= lo && q <= hi)
    return q;
  switch (O) {
  case AP_SAT: return q < lo ? lo : hi;
  case AP_SAT_ZERO: return 0;
  case AP_SAT_SYM: return q > hi ? hi : (S ? -hi : 0);
  default: return wrap_bits(q, W, S);
  }
}

/// Raw bits of a fixed-point value (W <= 127) as a signed/unsigned integer.
template <class T> i128 raw_of(const T &v) {
  constexpr int W = T::width;
  u128 bits = v.range(W < 64 ? W - 1 : 63, 0).to_uint64();
  if constexpr (W > 64)
    bits |= (u128)v.range(W - 1, 64).to_uint64() << 64;
  return wrap_bits((i128)bits, W, T::sign_flag);
}

//===----------------------------------------------------------------------===//
// Conversion from double: every mode against the reference
//===----------------------------------------------------------------------===//

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O> struct Cfg {
  static constexpr int w = W, i = I;
  static constexpr bool s = S;
  static constexpr ap_q_mode q = Q;
  static constexpr ap_o_mode o = O;
};

template <class C> class ApFixedConvTest : public ::testing::Test {};
using Cfgs = ::testing::Types<
    Cfg<16, 8, true, AP_TRN, AP_WRAP>, Cfg<16, 8, true, AP_RND, AP_WRAP>,
    Cfg<16, 8, true, AP_TRN, AP_SAT>, Cfg<16, 8, true, AP_RND, AP_SAT>,
    Cfg<16, 8, true, AP_RND_CONV, AP_SAT_SYM>, Cfg<16, 8, false, AP_RND_CONV, AP_WRAP>,
    Cfg<12, 4, true, AP_RND_ZERO, AP_SAT_ZERO>, Cfg<12, 4, true, AP_RND_MIN_INF, AP_SAT>,
    Cfg<12, 4, true, AP_RND_INF, AP_WRAP>, Cfg<12, 4, true, AP_TRN_ZERO, AP_SAT_SYM>,
    Cfg<10, 3, false, AP_RND, AP_SAT>, Cfg<10, 3, false, AP_TRN_ZERO, AP_SAT_SYM>,
    Cfg<8, -2, true, AP_RND_CONV, AP_WRAP>, Cfg<6, 9, true, AP_RND, AP_SAT>,
    Cfg<1, 1, true, AP_RND, AP_SAT>, Cfg<64, 20, true, AP_RND_CONV, AP_SAT>,
    Cfg<80, 30, true, AP_RND, AP_WRAP>, Cfg<100, 40, false, AP_TRN, AP_SAT>,
    // W > 64 takes the general multi-limb path: cover every mode there too.
    Cfg<72, 20, true, AP_RND_ZERO, AP_SAT_ZERO>, Cfg<72, 20, true, AP_RND_MIN_INF, AP_SAT_SYM>,
    Cfg<96, 40, true, AP_RND_INF, AP_SAT>, Cfg<90, 30, true, AP_TRN_ZERO, AP_WRAP>,
    Cfg<70, 60, false, AP_RND_CONV, AP_SAT_SYM>, Cfg<66, 10, true, AP_RND_CONV, AP_SAT_SYM>,
    Cfg<65, 5, false, AP_RND_ZERO, AP_SAT_ZERO>>;
TYPED_TEST_SUITE(ApFixedConvTest, Cfgs);

TYPED_TEST(ApFixedConvTest, FromDoubleMatchesReference) {
  constexpr int W = TypeParam::w, I = TypeParam::i;
  constexpr bool S = TypeParam::s;
  constexpr ap_q_mode Q = TypeParam::q;
  constexpr ap_o_mode O = TypeParam::o;
  using T = fx<W, I, S, Q, O>;
  constexpr int F = W - I;
  std::mt19937_64 rng(W * 131 + I * 7 + Q * 3 + O);
  for (int iter = 0; iter < 4000; ++iter) {
    double x;
    switch (iter % 4) {
    case 0: { // on the grid of F+2 fractional bits: many ties and overflows
      const long long span = 1LL << (W + 3 < 62 ? W + 3 : 61);
      const long long k = (long long)(rng() % (2 * span)) - span;
      x = std::ldexp((double)k, -(F + 2));
      break;
    }
    case 1: { // random double inside (and a bit beyond) the range
      std::uniform_real_distribution<double> d(-std::ldexp(1.0, I + 1), std::ldexp(1.0, I + 1));
      x = d(rng);
      break;
    }
    case 2: { // small magnitudes
      std::uniform_real_distribution<double> d(-4.0, 4.0);
      x = std::ldexp(d(rng), -(int)(rng() % 8)) / 16;
      break;
    }
    default: { // far out of range
      std::uniform_real_distribution<double> d(-1.0, 1.0);
      x = std::ldexp(d(rng), I + 2 + (int)(rng() % 20));
      break;
    }
    }
    const T v = x;
    const i128 want = ref_raw(x, W, I, S, Q, O);
    ASSERT_TRUE(raw_of(v) == want)
        << "x=" << x << " got " << v.to_double() << " want " << std::ldexp((double)want, -F);
    if (W <= 53) {
      EXPECT_EQ(v.to_double(), std::ldexp((double)want, -F));
    }
  }
}

TYPED_TEST(ApFixedConvTest, FromOtherFixedMatchesReference) {
  constexpr int W = TypeParam::w, I = TypeParam::i;
  constexpr bool S = TypeParam::s;
  constexpr ap_q_mode Q = TypeParam::q;
  constexpr ap_o_mode O = TypeParam::o;
  using T = fx<W, I, S, Q, O>;
  std::mt19937_64 rng(77 + W);
  for (int iter = 0; iter < 2000; ++iter) {
    ap_fixed<40, 16> src;
    src.setBits(rng());
    const T v = src;                  // fixed -> fixed conversion
    const double x = src.to_double(); // exact (40 bits)
    ASSERT_TRUE(raw_of(v) == ref_raw(x, W, I, S, Q, O)) << "x=" << x;
    ap_ufixed<24, 4> usrc;
    usrc.setBits(rng());
    const T u = usrc;
    ASSERT_TRUE(raw_of(u) == ref_raw(usrc.to_double(), W, I, S, Q, O)) << "x=" << usrc.to_double();
  }
}

//===----------------------------------------------------------------------===//
// Documented examples (UG1399)
//===----------------------------------------------------------------------===//

TEST(ApFixed, QuantizationModeExamples) {
  EXPECT_EQ((ap_fixed<3, 2, AP_RND, AP_SAT>(1.25).to_double()), 1.5);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND, AP_SAT>(-1.25).to_double()), -1.0);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND_ZERO, AP_SAT>(1.25).to_double()), 1.0);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND_ZERO, AP_SAT>(-1.25).to_double()), -1.0);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND_MIN_INF, AP_SAT>(1.25).to_double()), 1.0);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND_MIN_INF, AP_SAT>(-1.25).to_double()), -1.5);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND_INF, AP_SAT>(1.25).to_double()), 1.5);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND_INF, AP_SAT>(-1.25).to_double()), -1.5);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND_CONV, AP_SAT>(0.75).to_double()), 1.0);
  EXPECT_EQ((ap_fixed<3, 2, AP_RND_CONV, AP_SAT>(-1.25).to_double()), -1.0);
  EXPECT_EQ((ap_fixed<3, 2, AP_TRN, AP_SAT>(1.25).to_double()), 1.0);
  EXPECT_EQ((ap_fixed<3, 2, AP_TRN, AP_SAT>(-1.25).to_double()), -1.5);
  EXPECT_EQ((ap_fixed<3, 2, AP_TRN_ZERO, AP_SAT>(1.25).to_double()), 1.0);
  EXPECT_EQ((ap_fixed<3, 2, AP_TRN_ZERO, AP_SAT>(-1.25).to_double()), -1.0);
}

TEST(ApFixed, OverflowModeExamples) {
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_SAT>(19.0).to_double()), 7.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_SAT>(-19.0).to_double()), -8.0);
  EXPECT_EQ((ap_ufixed<4, 4, AP_RND, AP_SAT>(19.0).to_double()), 15.0);
  EXPECT_EQ((ap_ufixed<4, 4, AP_RND, AP_SAT>(-19.0).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_SAT_ZERO>(19.0).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_SAT_ZERO>(-19.0).to_double()), 0.0);
  EXPECT_EQ((ap_ufixed<4, 4, AP_RND, AP_SAT_ZERO>(19.0).to_double()), 0.0);
  EXPECT_EQ((ap_ufixed<4, 4, AP_RND, AP_SAT_ZERO>(-19.0).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_SAT_SYM>(19.0).to_double()), 7.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_SAT_SYM>(-19.0).to_double()), -7.0);
  EXPECT_EQ((ap_ufixed<4, 4, AP_RND, AP_SAT_SYM>(19.0).to_double()), 15.0);
  EXPECT_EQ((ap_ufixed<4, 4, AP_RND, AP_SAT_SYM>(-19.0).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_WRAP>(31.0).to_double()), -1.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_WRAP>(-19.0).to_double()), -3.0);
  EXPECT_EQ((ap_ufixed<4, 4, AP_RND, AP_WRAP>(19.0).to_double()), 3.0);
  EXPECT_EQ((ap_ufixed<4, 4, AP_RND, AP_WRAP>(-19.0).to_double()), 13.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_WRAP_SM>(19.0).to_double()), -4.0);
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_WRAP_SM>(-19.0).to_double()), 2.0);
  // In-range values are untouched by AP_WRAP_SM.
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_WRAP_SM>(-5.0).to_double()), -5.0);
  // AP_SAT_SYM only acts on overflow: the exact minimum stays.
  EXPECT_EQ((ap_fixed<4, 4, AP_RND, AP_SAT_SYM>(-8.0).to_double()), -8.0);
}

TEST(ApFixed, WrapWithSaturationBits) {
  // SystemC-style AP_WRAP with N saturation bits, 9 = 0b01001 into 4 bits.
  EXPECT_EQ((ap_fixed<4, 4, AP_TRN, AP_WRAP, 0>(9).range(3, 0).to_uint()), 0x9u);
  EXPECT_EQ((ap_fixed<4, 4, AP_TRN, AP_WRAP, 1>(9).range(3, 0).to_uint()), 0x1u);
  EXPECT_EQ((ap_fixed<4, 4, AP_TRN, AP_WRAP, 2>(9).range(3, 0).to_uint()), 0x5u);
  EXPECT_EQ((ap_fixed<4, 4, AP_TRN, AP_WRAP, 3>(9).range(3, 0).to_uint()), 0x7u);
  // -5 fits: unchanged.
  EXPECT_EQ((ap_fixed<4, 4, AP_TRN, AP_WRAP, 3>(-5).to_int()), -5);
}

TEST(ApFixed, RepresentationExamples) {
  const ap_fixed<18, 6, AP_RND> t1 = 1.5;
  const ap_fixed<18, 6, AP_RND> t2 = -1.5;
  EXPECT_EQ(t1.range(17, 0).to_uint(), 0x01800u);
  EXPECT_EQ(t2.range(17, 0).to_uint(), 0x3e800u);
  EXPECT_EQ((ap_fixed<2, 0>(-0.5).to_double()), -0.5);
  EXPECT_EQ((ap_ufixed<1, 0>(0.5).to_double()), 0.5);
  EXPECT_EQ((ap_ufixed<1, -1>(0.25).to_double()), 0.25);
  EXPECT_EQ((ap_ufixed<1, -1>(0.125).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<4, 8>(40).to_double()), 32.0); // LSB weight 16
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

TEST(ApFixed, ResultTypes) {
  using A = ap_fixed<16, 8>;
  using U = ap_ufixed<12, 4>;
  using B = ap_fixed<12, 4>;
  static_assert(std::is_same<decltype(A() + U()), ap_fixed<17, 9>>::value, "");
  static_assert(std::is_same<decltype(A() - U()), ap_fixed<17, 9>>::value, "");
  static_assert(std::is_same<decltype(U() + U()), ap_ufixed<13, 5>>::value, "");
  static_assert(std::is_same<decltype(U() - U()), ap_fixed<13, 5>>::value, "");
  static_assert(std::is_same<decltype(A() * U()), ap_fixed<28, 12>>::value, "");
  static_assert(std::is_same<decltype(U() * U()), ap_ufixed<24, 8>>::value, "");
  static_assert(std::is_same<decltype(A() / U()), ap_fixed<24, 16>>::value, "");
  static_assert(std::is_same<decltype(A() / B()), ap_fixed<25, 17>>::value, "");
  static_assert(std::is_same<decltype(-U()), ap_fixed<13, 5>>::value, "");
  static_assert(std::is_same<decltype(A() + 1), ap_fixed<41, 33>>::value, "");
  static_assert(std::is_same<decltype(A() * ap_uint<4>()), ap_fixed<20, 12>>::value, "");
  static_assert(std::is_same<decltype(A() << 2), A>::value, "");
  static_assert(std::is_same<decltype(ap_fixed<8, 4, AP_RND, AP_SAT>() >> 1),
                             ap_fixed<8, 4, AP_RND, AP_SAT>>::value,
                "");
}

TEST(ApFixed, RandomArithmeticIsExact) {
  std::mt19937_64 rng(4242);
  for (int iter = 0; iter < 5000; ++iter) {
    ap_fixed<16, 8> a;
    ap_ufixed<12, 4> b;
    a.setBits(rng());
    b.setBits(rng());
    const double da = a.to_double(), db = b.to_double();
    EXPECT_EQ(da, (double)(std::int16_t)a.bits_to_uint64() / 256.0);
    EXPECT_EQ((a + b).to_double(), da + db);
    EXPECT_EQ((a - b).to_double(), da - db);
    EXPECT_EQ((b - a).to_double(), db - da);
    EXPECT_EQ((a * b).to_double(), da * db);
    EXPECT_EQ((a * a).to_double(), da * da);
    EXPECT_EQ(a < b, da < db);
    EXPECT_EQ(a >= b, da >= db);
    EXPECT_EQ(a == b, da == db);
    if (!b.iszero()) {
      // Quotient: (ra << F2) / rb with C truncation, F1 = 8 fraction bits.
      const long long ra = (std::int16_t)a.bits_to_uint64();
      const long long rb = (long long)b.bits_to_uint64();
      const long long q = (ra * 256) / rb;
      EXPECT_EQ((a / b).to_double(), (double)q / 256.0);
    }
    // Assigning back quantizes with the destination's modes.
    const ap_fixed<10, 4, AP_RND_CONV, AP_SAT> c = a * b;
    EXPECT_TRUE(raw_of(c) == ref_raw(da * db, 10, 4, true, AP_RND_CONV, AP_SAT)) << da * db;
    ap_fixed<16, 8> d = a;
    d += b;
    EXPECT_TRUE(raw_of(d) == ref_raw(da + db, 16, 8, true, AP_TRN, AP_WRAP));
    d = a;
    d *= b;
    EXPECT_TRUE(raw_of(d) == ref_raw(da * db, 16, 8, true, AP_TRN, AP_WRAP));
    d = a;
    d -= 1;
    EXPECT_TRUE(raw_of(d) == ref_raw(da - 1, 16, 8, true, AP_TRN, AP_WRAP));
    // Mixed with integers.
    const int n = (int)(rng() % 200) - 100;
    EXPECT_EQ((a + n).to_double(), da + n);
    EXPECT_EQ((n * a).to_double(), n * da);
    EXPECT_EQ((a * ap_int<5>(n)).to_double(), da * (double)ap_int<5>(n));
    EXPECT_EQ(a > n, da > n);
    // Unary minus never overflows.
    EXPECT_EQ((-a).to_double(), -da);
    // Conversion to integers truncates toward zero.
    EXPECT_EQ(a.to_int(), (int)da);
    EXPECT_EQ(ap_int<9>(a).to_int(), (int)da);
    EXPECT_EQ((int)a, (int)da);
  }
}

TEST(ApFixed, ShiftsMoveRawBits) {
  const ap_fixed<8, 4> x = 1.25; // raw 0x14
  EXPECT_EQ((x << 1).to_double(), 2.5);
  EXPECT_EQ((x << 3).to_double(), -6.0); // raw 0xa0: bits leave the top
  EXPECT_EQ((x >> 2).to_double(), 0.3125);
  EXPECT_EQ((x >> 3).to_double(), 0.125); // truncated
  const ap_fixed<8, 4> n = -1.5;
  EXPECT_EQ((n >> 1).to_double(), -0.75); // arithmetic shift
  EXPECT_EQ((n << -1).to_double(), -0.75);
  ap_ufixed<8, 4> u = 12.5;
  u >>= 1;
  EXPECT_EQ(u.to_double(), 6.25);
}

TEST(ApFixed, IncrementDecrementCompound) {
  ap_fixed<8, 4, AP_TRN, AP_SAT> s = 6.5;
  ++s;
  EXPECT_EQ(s.to_double(), 7.5);
  s++;
  EXPECT_EQ(s.to_double(), 7.9375); // saturated
  ap_fixed<8, 4> w = 7.5;
  w++;
  EXPECT_EQ(w.to_double(), -7.5); // wrapped
  w -= 0.5;
  EXPECT_EQ(w.to_double(), -8.0);
  w /= 2;
  EXPECT_EQ(w.to_double(), -4.0);
  ap_ufixed<8, 8, AP_RND, AP_SAT> k = 3;
  k *= 100;
  EXPECT_EQ(k.to_int(), 255);
  ap_fixed<16, 8, AP_RND> r = 1;
  r *= 0.3; // double operand: evaluated in double, then quantized (RND)
  EXPECT_EQ(r.to_double(), std::round(0.3 * 256) / 256);
}

TEST(ApFixed, ConversionsWithIntegers) {
  EXPECT_EQ((ap_fixed<8, 4, AP_RND, AP_SAT>(100).to_double()), 7.9375);
  EXPECT_EQ((ap_fixed<12, 8>(ap_int<4>(-3)).to_double()), -3.0);
  EXPECT_EQ((ap_ufixed<12, 8>(ap_uint<20>(0x12345)).to_double()), 0x45);
  EXPECT_EQ((ap_int<8>(ap_fixed<12, 8>(-2.75))).to_int(), -2);
  EXPECT_EQ((ap_uint<8>(ap_fixed<12, 8>(2.75))).to_int(), 2);
  EXPECT_EQ((ap_int<4>(ap_fixed<12, 10>(100.5))).to_int(), 4); // wraps
  const ap_fixed<20, 18> big = 70000.25;
  EXPECT_EQ(big.to_int(), 70000);
  EXPECT_EQ(big.to_ap_int().to_int(), 70000);
  EXPECT_EQ((ap_fixed<70, 68>(-5.75).to_int64()), -5);
  // Integer bits beyond the word (I > W) and ap_int from it.
  const ap_fixed<4, 10> coarse = 320; // multiples of 64
  EXPECT_EQ(coarse.to_int(), 320);
  EXPECT_EQ(ap_int<16>(coarse).to_int(), 320);
  // bool and bit selections.
  ap_uint<4> bits = 0x5;
  const ap_fixed<6, 4> fb = bits[2];
  EXPECT_EQ(fb.to_double(), 1.0);
  const ap_ufixed<8, 8> fr = bits.range(3, 1);
  EXPECT_EQ(fr.to_double(), 2.0);
}

TEST(ApFixed, ToStringAndStreams) {
  EXPECT_EQ((ap_fixed<16, 8>(3.140625).to_string()), "3.140625");
  EXPECT_EQ((ap_fixed<8, 4>(-2.5).to_string()), "-2.5");
  EXPECT_EQ((ap_fixed<8, 4>(-2.5).to_string(16)), "-0x2.8");
  EXPECT_EQ((ap_ufixed<8, 4>(5.75).to_string(2)), "0b101.11");
  EXPECT_EQ((ap_fixed<8, 8>(-7).to_string()), "-7");
  EXPECT_EQ((ap_ufixed<8, -4>(1.0 / 4096).to_string()), "0.000244140625");
  EXPECT_EQ((ap_fixed<200, 100>(-1.0 / 1024).to_string()), "-0.0009765625");
  std::ostringstream os;
  os << ap_fixed<16, 8>(-2.25) << " " << ap_ufixed<4, 2>(0.75);
  EXPECT_EQ(os.str(), "-2.25 0.75");
  std::istringstream is("1.75 -0.5");
  ap_fixed<8, 4> p, q;
  is >> p >> q;
  EXPECT_EQ(p.to_double(), 1.75);
  EXPECT_EQ(q.to_double(), -0.5);
}

TEST(ApFixed, FromString) {
  // 0.1 * 2^30 = 107374182.4
  EXPECT_EQ((ap_fixed<32, 2, AP_RND>("0.1").bits_to_uint64() & 0xffffffffu), 107374182u);
  EXPECT_EQ((ap_fixed<32, 2, AP_TRN>("-0.1").range(31, 0).to_uint64()),
            (std::uint64_t)(std::uint32_t)-107374183);
  EXPECT_EQ((ap_fixed<32, 2, AP_RND>("-0.1").range(31, 0).to_uint64()),
            (std::uint64_t)(std::uint32_t)-107374182);
  EXPECT_EQ((ap_fixed<16, 8>("1e-2").to_double()), 2.0 / 256); // floor(2.56)
  EXPECT_EQ((ap_fixed<16, 8>("0x1.8").to_double()), 1.5);
  EXPECT_EQ((ap_fixed<16, 8>("0b10.01").to_double()), 2.25);
  EXPECT_EQ((ap_fixed<16, 8>("-3").to_double()), -3.0);
  EXPECT_EQ((ap_fixed<16, 8, AP_RND, AP_SAT>("1000.5").to_double()), 127.99609375);
  // Ties decided exactly (0.005859375 = 1.5 / 256).
  EXPECT_EQ((ap_fixed<16, 8, AP_RND_CONV>("0.005859375").to_double()), 2.0 / 256);
  EXPECT_EQ((ap_fixed<16, 8, AP_RND_CONV>("0.0058593751").to_double()), 2.0 / 256);
  EXPECT_EQ((ap_fixed<16, 8, AP_RND_MIN_INF>("0.0058593751").to_double()), 2.0 / 256);
  EXPECT_EQ((ap_fixed<16, 8, AP_RND_MIN_INF>("0.005859375").to_double()), 1.0 / 256);
}

TEST(ApFixed, SpecialDoubles) {
  EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(INFINITY).to_double()), 7.9375);
  EXPECT_EQ((ap_fixed<8, 4, AP_TRN, AP_SAT>(-INFINITY).to_double()), -8.0);
  EXPECT_EQ((ap_fixed<8, 4>(INFINITY).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<8, 4>(std::nan("")).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<8, 4>(-0.0).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<8, 4, AP_RND>(1e-300).to_double()), 0.0);
  EXPECT_EQ((ap_fixed<8, 4, AP_TRN>(-1e-300).to_double()), -1.0 / 16);
}

TEST(ApFixed, WideValuesAndToFloat) {
  ap_fixed<128, 64> x = 1;
  x >>= 60; // 2^-60
  ap_fixed<128, 64> y = std::ldexp(1.0, 62);
  const auto s = x + y;
  EXPECT_EQ(s.to_string(),
            "4611686018427387904.000000000000000000867361737988403547205962240695953369140625");
  EXPECT_EQ(s.to_double(), std::ldexp(1.0, 62)); // rounded
  EXPECT_EQ((ap_fixed<60, 2>(1.0 / 3)).to_float(), 1.0f / 3);
  EXPECT_EQ((ap_fixed<16, 8>(-1.5)).to_float(), -1.5f);
}

TEST(ApFixed, BitAccess) {
  ap_fixed<8, 4> v = 0;
  v[4] = 1; // the units bit
  EXPECT_EQ(v.to_double(), 1.0);
  v.range(3, 0) = 0x8;
  EXPECT_EQ(v.to_double(), 1.5);
  v[7] = 1;
  EXPECT_EQ(v.to_double(), -6.5);
  EXPECT_TRUE(v[7]);
  EXPECT_EQ(v.length(), 8);
  EXPECT_TRUE(v.is_neg());
  EXPECT_EQ(v.range().to_uint(), 0x98u);
  v.setBits(0x10);
  EXPECT_EQ(v.to_double(), 1.0);
}

} // namespace
