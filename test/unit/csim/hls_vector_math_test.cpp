//===- hls_vector_math_test.cpp - hls::vector and hls math tests ---------===//

#include "ap_fixed.h"
#include "hls_math.h"
#include "hls_vector.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <type_traits>

namespace {

//===----------------------------------------------------------------------===//
// hls::vector
//===----------------------------------------------------------------------===//

TEST(HlsVector, LayoutAndAlignment) {
  static_assert(alignof(hls::vector<char, 8>) == 8, "");
  static_assert(alignof(hls::vector<int, 8>) == 32, "");
  static_assert(alignof(hls::vector<int, 3>) == 4, "");
  static_assert(alignof(hls::vector<short, 6>) == 4, "");
  static_assert(sizeof(hls::vector<int, 8>) == 32, "");
  static_assert(sizeof(hls::vector<float, 16>) == 64, "");
  hls::vector<int, 8> v;
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(&v) % 32, 0u);
  EXPECT_EQ(v.size(), 8u);
  EXPECT_EQ(&v[1] - &v[0], 1); // contiguous
}

TEST(HlsVector, Initialization) {
  const hls::vector<int, 4> zero;
  const hls::vector<int, 4> ten = 10;
  const hls::vector<int, 4> list{1, 2, 3};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(zero[i], 0);
    EXPECT_EQ(ten[i], 10);
  }
  EXPECT_EQ(list[0], 1);
  EXPECT_EQ(list[2], 3);
  EXPECT_EQ(list[3], 0);
}

TEST(HlsVector, ElementWiseArithmeticMatchesScalarLoop) {
  std::mt19937 rng(3);
  for (int iter = 0; iter < 200; ++iter) {
    hls::vector<int, 8> a, b;
    for (int i = 0; i < 8; ++i) {
      a[i] = (int)(rng() % 2001) - 1000;
      b[i] = (int)(rng() % 100) + 1;
    }
    const int s = (int)(rng() % 7) + 1;
    const auto sum = a + b, diff = a - b, prod = a * b, quot = a / b, rem = a % b, band = a & b,
               bor = a | b, bxor = a ^ b;
    const auto as = a + s, sa = s - a, ms = a * s, shl = b << 2, shr = a >> 1;
    const auto neg = -a, inv = ~a;
    for (int i = 0; i < 8; ++i) {
      EXPECT_EQ(sum[i], a[i] + b[i]);
      EXPECT_EQ(diff[i], a[i] - b[i]);
      EXPECT_EQ(prod[i], a[i] * b[i]);
      EXPECT_EQ(quot[i], a[i] / b[i]);
      EXPECT_EQ(rem[i], a[i] % b[i]);
      EXPECT_EQ(band[i], a[i] & b[i]);
      EXPECT_EQ(bor[i], a[i] | b[i]);
      EXPECT_EQ(bxor[i], a[i] ^ b[i]);
      EXPECT_EQ(as[i], a[i] + s);
      EXPECT_EQ(sa[i], s - a[i]);
      EXPECT_EQ(ms[i], a[i] * s);
      EXPECT_EQ(shl[i], b[i] << 2);
      EXPECT_EQ(shr[i], a[i] >> 1);
      EXPECT_EQ(neg[i], -a[i]);
      EXPECT_EQ(inv[i], ~a[i]);
    }
    hls::vector<int, 8> c = a;
    c += b;
    c *= 2;
    c -= s;
    for (int i = 0; i < 8; ++i)
      EXPECT_EQ(c[i], (a[i] + b[i]) * 2 - s);
    c++;
    ++c;
    for (int i = 0; i < 8; ++i)
      EXPECT_EQ(c[i], (a[i] + b[i]) * 2 - s + 2);
  }
}

TEST(HlsVector, ComparisonsAndReductions) {
  const hls::vector<int, 4> a{3, 1, 4, 1};
  const hls::vector<int, 4> b{3, 1, 5, 0};
  EXPECT_TRUE(a == a);
  EXPECT_FALSE(a == b);
  EXPECT_TRUE(a != b);
  EXPECT_TRUE(a < b); // lexicographic: 4 < 5 decides
  EXPECT_TRUE(b > a);
  EXPECT_TRUE(a <= a);
  EXPECT_FALSE(a >= b);
  EXPECT_EQ(a.reduce_add(), 9);
  EXPECT_EQ(a.reduce_mult(), 12);
  EXPECT_EQ(a.reduce_min(), 1);
  EXPECT_EQ(a.reduce_max(), 4);
  EXPECT_EQ(a.reduce_and(), 0);
  EXPECT_EQ(a.reduce_or(), 7);
  EXPECT_EQ(a.reduce_xor(), 3 ^ 1 ^ 4 ^ 1);
  EXPECT_EQ(hls::reduce_add(b), 9);
  EXPECT_EQ(hls::reduce_max(b), 5);
  EXPECT_EQ(hls::reduce_min(b), 0);
}

TEST(HlsVector, ApTypeElements) {
  hls::vector<ap_int<8>, 4> v{100, 20, -3, 7};
  v += ap_int<8>(30); // element-wise, wrapping to 8 bits
  EXPECT_EQ(v[0].to_int(), -126);
  EXPECT_EQ(v[1].to_int(), 50);
  EXPECT_EQ(v[2].to_int(), 27);
  EXPECT_EQ(v.reduce_add().to_int(), (ap_int<8>(-126 + 50 + 27 + 37)).to_int());
  hls::vector<ap_fixed<16, 8>, 2> f{1.5, -0.25};
  const auto g = f * ap_fixed<16, 8>(2);
  EXPECT_EQ(g[0].to_double(), 3.0);
  EXPECT_EQ(g[1].to_double(), -0.5);
  hls::vector<float, 4> x{1.0f, 2.0f, 3.0f, 4.0f};
  x /= 2.0f;
  EXPECT_EQ(x.reduce_add(), 5.0f);
}

//===----------------------------------------------------------------------===//
// hls math
//===----------------------------------------------------------------------===//

TEST(HlsMath, FloatAndDoubleForwardToCmath) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> d(0.01, 4.0);
  for (int i = 0; i < 200; ++i) {
    const double x = d(rng);
    const float f = (float)x;
    EXPECT_EQ(hls::sqrt(x), std::sqrt(x));
    EXPECT_EQ(hls::sqrt(f), std::sqrt(f));
    EXPECT_EQ(hls::sqrtf(f), std::sqrt(f));
    EXPECT_EQ(hls::exp(x), std::exp(x));
    EXPECT_EQ(hls::exp2(f), std::exp2(f));
    EXPECT_EQ(hls::log(x), std::log(x));
    EXPECT_EQ(hls::log2(x), std::log2(x));
    EXPECT_EQ(hls::log10(f), std::log10(f));
    EXPECT_EQ(hls::sin(x), std::sin(x));
    EXPECT_EQ(hls::cos(f), std::cos(f));
    EXPECT_EQ(hls::tan(x), std::tan(x));
    EXPECT_EQ(hls::tanh(x), std::tanh(x));
    EXPECT_EQ(hls::sinh(x), std::sinh(x));
    EXPECT_EQ(hls::cosh(x), std::cosh(x));
    EXPECT_EQ(hls::atan(x), std::atan(x));
    EXPECT_EQ(hls::asin(x / 4), std::asin(x / 4));
    EXPECT_EQ(hls::acos(x / 4), std::acos(x / 4));
    EXPECT_EQ(hls::atan2(x, 1.5), std::atan2(x, 1.5));
    EXPECT_EQ(hls::pow(x, 2.5), std::pow(x, 2.5));
    EXPECT_EQ(hls::fmod(x, 0.7), std::fmod(x, 0.7));
    EXPECT_EQ(hls::fma(x, x, 1.0), std::fma(x, x, 1.0));
    EXPECT_EQ(hls::rsqrt(x), 1.0 / std::sqrt(x));
    EXPECT_EQ(hls::recip(f), 1.0f / f);
    EXPECT_EQ(hls::floor(-x), std::floor(-x));
    EXPECT_EQ(hls::ceil(x), std::ceil(x));
    EXPECT_EQ(hls::round(x), std::round(x));
  }
  static_assert(std::is_same<decltype(hls::sqrt(2.0f)), float>::value, "");
  static_assert(std::is_same<decltype(hls::sqrt(2.0)), double>::value, "");
  static_assert(std::is_same<decltype(hls::sqrt(4)), double>::value, "");
  EXPECT_EQ(hls::sqrt(16), 4.0);
  EXPECT_EQ(hls::fmin(1, 2.5), 1.0);
  EXPECT_EQ(hls::fmax(1.0f, 2.5f), 2.5f);
  EXPECT_EQ(hls::copysign(3.0, -1.0), -3.0);
}

TEST(HlsMath, AbsAndClassification) {
  EXPECT_EQ(hls::abs(-7), 7);
  EXPECT_EQ(hls::abs(7u), 7u);
  EXPECT_EQ(hls::abs(-2.5), 2.5);
  EXPECT_EQ(hls::abs(-2.5f), 2.5f);
  EXPECT_EQ(hls::fabs(-2.5), 2.5);
  EXPECT_EQ(hls::abs(ap_int<8>(-100)).to_int(), 100);
  EXPECT_EQ(hls::abs(ap_uint<8>(200)).to_int(), 200);
  EXPECT_EQ(hls::abs(ap_fixed<8, 4>(-2.5)).to_double(), 2.5);
  EXPECT_EQ(hls::fabs(ap_fixed<8, 4>(1.25)).to_double(), 1.25);
  EXPECT_TRUE(hls::isnan(std::nan("")));
  EXPECT_FALSE(hls::isnan(1.0f));
  EXPECT_TRUE(hls::isinf(std::numeric_limits<double>::infinity()));
  EXPECT_TRUE(hls::signbit(-0.0));
  EXPECT_FALSE(hls::isnan(ap_fixed<8, 4>(1)));
  EXPECT_FALSE(hls::isinf(ap_fixed<8, 4>(1)));
  EXPECT_TRUE(hls::signbit(ap_fixed<8, 4>(-1)));
  EXPECT_FALSE(hls::signbit(ap_ufixed<8, 4>(1)));
}

TEST(HlsMath, FixedPointThroughDouble) {
  std::mt19937_64 rng(5);
  for (int i = 0; i < 500; ++i) {
    using U16 = ap_ufixed<16, 4>;
    using F24 = ap_fixed<24, 8>;
    U16 x;
    x.setBits(rng() | 1);
    const double dx = x.to_double();
    using R = ap_ufixed<16, 4, AP_RND>;
    const R xr = x;
    EXPECT_EQ(hls::sqrt(x).to_double(), U16(std::sqrt(dx)).to_double());
    EXPECT_EQ(hls::sqrt(xr).to_double(), R(std::sqrt(xr.to_double())).to_double());
    static_assert(std::is_same<decltype(hls::sqrt(xr)), R>::value, "");
    F24 s;
    s.setBits(rng());
    const double ds = s.to_double();
    EXPECT_EQ(hls::exp(s).to_double(), F24(std::exp(ds)).to_double());
    EXPECT_EQ(hls::sin(s).to_double(), F24(std::sin(ds)).to_double());
    EXPECT_EQ(hls::tanh(s).to_double(), F24(std::tanh(ds)).to_double());
    EXPECT_EQ(hls::floor(s).to_double(), std::floor(ds));
    EXPECT_EQ(hls::ceil(s).to_double(), F24(std::ceil(ds)).to_double()); // may wrap
    EXPECT_EQ(hls::pow(s, 2).to_double(), F24(std::pow(ds, 2.0)).to_double());
    EXPECT_EQ(hls::fmin(s, F24(1)).to_double(), std::fmin(ds, 1.0));
    // fma on fixed point is exact up to the single final quantization.
    EXPECT_EQ(hls::fma(s, F24(0.5), F24(1)).to_double(), F24(ds * 0.5 + 1).to_double());
  }
  // Saturating type: the result saturates on conversion.
  using Sat = ap_fixed<8, 4, AP_RND, AP_SAT>;
  EXPECT_EQ(hls::exp(Sat(3)).to_double(), 7.9375);
  EXPECT_EQ(hls::sqrt(ap_uint<8>(49)), 7.0);
  EXPECT_EQ(hls::recip(ap_fixed<16, 8>(4)).to_double(), 0.25);
  EXPECT_EQ(hls::rsqrt(ap_fixed<16, 8>(4)).to_double(), 0.5);
}

} // namespace

namespace {
TEST(HlsMath, LibraryFunctionsWithoutMathOps) {
  // nextafter / hypot / fdim / remainder and the extra unary functions
  // forward to <cmath>, keeping float as float.
  static_assert(std::is_same<decltype(hls::nextafter(1.0f, 2.0f)), float>::value, "");
  EXPECT_EQ(hls::nextafter(1.0f, 2.0f), std::nextafter(1.0f, 2.0f));
  EXPECT_EQ(hls::nextafter(1.0, 0.0), std::nextafter(1.0, 0.0));
  EXPECT_EQ(hls::nextafterf(0.0f, -1.0f), -std::numeric_limits<float>::denorm_min());
  EXPECT_EQ(hls::hypot(3.0f, 4.0f), 5.0f);
  EXPECT_EQ(hls::fdim(1.0, 3.0), 0.0);
  EXPECT_EQ(hls::remainder(7.0f, 2.0f), std::remainder(7.0f, 2.0f));
  EXPECT_EQ(hls::expm1(0.5), std::expm1(0.5));
  EXPECT_EQ(hls::log1p(0.5f), std::log1p(0.5f));
  EXPECT_EQ(hls::cbrt(27.0), 3.0);
  EXPECT_EQ(hls::erf(0.25f), std::erf(0.25f));
}

TEST(ApIntMembers, RangeReductionsIncludingNegations) {
  ap_uint<12> u = 0xF3A;
  EXPECT_TRUE(u.range(11, 8).and_reduce()); // bits 11:8 of 0xF3A are 0xF
  EXPECT_FALSE(u.range(7, 4).and_reduce()); // bits 7:4 are 0x3
  EXPECT_TRUE(u.range(7, 4).nand_reduce());
  EXPECT_TRUE(u.range(11, 0).or_reduce());
  EXPECT_FALSE(u.range(11, 0).nor_reduce());
  EXPECT_EQ(u.range(3, 0).xor_reduce(), !u.range(3, 0).xnor_reduce());
}
} // namespace
