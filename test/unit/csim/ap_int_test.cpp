//===- ap_int_test.cpp - Unit tests for the csim ap_[u]int model ---------===//
//
// Narrow widths (W <= 63) are checked operation by operation against native
// __int128 arithmetic; wide widths against Python-generated reference values
// (wide_vectors.inc) and algebraic identities.
//
//===----------------------------------------------------------------------===//

#include "ap_int.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

namespace {

__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

/// Reference: v reduced modulo 2^W, sign-extended when S.
i128 ref_wrap(i128 v, int w, bool s) {
  const u128 mask = (w >= 128) ? ~u128(0) : ((u128(1) << w) - 1);
  const u128 m = (u128)v & mask;
  if (s && w < 128 && ((m >> (w - 1)) & 1))
    return (i128)(m | ~mask); // sign-extend
  return (i128)m;
}

/// Value of an ap type of at most 127 bits, read back through the public API
/// (low 64 bits and the arithmetically shifted upper part).
template <int W, bool S> i128 value_of(const ap_int_base<W, S> &x) {
  if constexpr (W <= 64) {
    return S ? (i128)x.to_int64() : (i128)x.to_uint64();
  } else {
    static_assert(W <= 128, "value_of only handles up to 128 bits");
    const u128 lo = x.to_uint64();
    const auto hi = x >> 64;
    const i128 h = S ? (i128)hi.to_int64() : (i128)hi.to_uint64();
    return (i128)(((u128)h << 64) | lo);
  }
}

std::string i128_str(i128 v) {
  if (v == 0)
    return "0";
  const bool neg = v < 0;
  u128 m = neg ? (u128)0 - (u128)v : (u128)v;
  std::string s;
  while (m) {
    s.insert(s.begin(), char('0' + (int)(m % 10)));
    m /= 10;
  }
  return neg ? "-" + s : s;
}

template <int W, bool S> using apt = typename std::conditional<S, ap_int<W>, ap_uint<W>>::type;

/// Random raw 64-bit pattern, biased toward interesting values.
std::uint64_t rand_raw(std::mt19937_64 &rng) {
  switch (rng() % 8) {
  case 0: return 0;
  case 1: return ~std::uint64_t(0);
  case 2: return rng() % 5;
  case 3: return std::uint64_t(1) << (rng() % 64);
  default: return rng();
  }
}

//===----------------------------------------------------------------------===//
// Randomized comparison against __int128 for W <= 63
//===----------------------------------------------------------------------===//

template <int W1, bool S1, int W2, bool S2> struct Combo {
  static constexpr int w1 = W1, w2 = W2;
  static constexpr bool s1 = S1, s2 = S2;
};

template <class C> class ApIntRandomTest : public ::testing::Test {};

using Combos =
    ::testing::Types<Combo<1, false, 1, false>, Combo<1, true, 5, false>, Combo<7, true, 7, true>,
                     Combo<8, false, 8, true>, Combo<13, true, 31, false>,
                     Combo<32, false, 32, false>, Combo<33, true, 17, true>,
                     Combo<48, false, 63, true>, Combo<63, true, 63, true>,
                     Combo<63, false, 5, false>, Combo<20, true, 62, false>>;
TYPED_TEST_SUITE(ApIntRandomTest, Combos);

TYPED_TEST(ApIntRandomTest, MatchesInt128Reference) {
  constexpr int W1 = TypeParam::w1, W2 = TypeParam::w2;
  constexpr bool S1 = TypeParam::s1, S2 = TypeParam::s2;
  using A = apt<W1, S1>;
  using B = apt<W2, S2>;

  // Result widths documented in ap_int.h.
  constexpr int E1 = W1 + ((S2 && !S1) ? 1 : 0), E2 = W2 + ((S1 && !S2) ? 1 : 0);
  constexpr int WADD = (E1 > E2 ? E1 : E2) + 1;
  static_assert(std::is_same<decltype(A() + B()), apt<WADD, S1 || S2>>::value, "+ result type");
  static_assert(std::is_same<decltype(A() - B()), apt<WADD, true>>::value, "- result type");
  static_assert(std::is_same<decltype(A() * B()), apt<W1 + W2, S1 || S2>>::value, "* result type");
  static_assert(std::is_same<decltype(A() / B()), apt<W1 + (S2 ? 1 : 0), S1 || S2>>::value,
                "/ result type");
  static_assert(std::is_same<decltype(A() % B()), apt<(W1 < E2 ? W1 : E2), S1>>::value,
                "% result type");
  static_assert(std::is_same<decltype(A() & B()), apt<(E1 > E2 ? E1 : E2), S1 || S2>>::value,
                "& result type");
  static_assert(std::is_same<decltype(A() << 3), A>::value, "<< keeps type");
  static_assert(std::is_same<decltype(-A()), ap_int<W1 + 1>>::value, "unary - widens");

  std::mt19937_64 rng(12345 + W1 * 1000 + W2 * 10 + S1 * 2 + S2);
  for (int iter = 0; iter < 3000; ++iter) {
    const std::uint64_t r1 = rand_raw(rng), r2 = rand_raw(rng);
    const i128 ra = ref_wrap((i128)r1, W1, S1);
    const i128 rb = ref_wrap((i128)r2, W2, S2);
    // Construction from a 64-bit integer wraps to W bits.
    const A a((unsigned long long)r1);
    const B b((long long)r2);
    ASSERT_EQ(value_of(a), ra);
    ASSERT_EQ(value_of(b), rb);
    SCOPED_TRACE("a=" + i128_str(ra) + " b=" + i128_str(rb));

    // Full-precision results.
    EXPECT_EQ(value_of(a + b), ra + rb);
    EXPECT_EQ(value_of(a - b), ra - rb);
    EXPECT_EQ(value_of(a * b), ra * rb);
    EXPECT_EQ(value_of(a & b), ra & rb);
    EXPECT_EQ(value_of(a | b), ra | rb);
    EXPECT_EQ(value_of(a ^ b), ra ^ rb);
    if (rb != 0) {
      EXPECT_EQ(value_of(a / b), ra / rb);
      EXPECT_EQ(value_of(a % b), ra % rb);
    }
    EXPECT_EQ(a == b, ra == rb);
    EXPECT_EQ(a != b, ra != rb);
    EXPECT_EQ(a < b, ra < rb);
    EXPECT_EQ(a <= b, ra <= rb);
    EXPECT_EQ(a > b, ra > rb);
    EXPECT_EQ(a >= b, ra >= rb);

    // Assignment back to the narrower type wraps.
    A c = a + b;
    EXPECT_EQ(value_of(c), ref_wrap(ra + rb, W1, S1));
    c = a * b;
    EXPECT_EQ(value_of(c), ref_wrap(ra * rb, W1, S1));

    // Compound assignment.
    A d = a;
    d += b;
    EXPECT_EQ(value_of(d), ref_wrap(ra + rb, W1, S1));
    d = a;
    d -= b;
    EXPECT_EQ(value_of(d), ref_wrap(ra - rb, W1, S1));
    d = a;
    d *= b;
    EXPECT_EQ(value_of(d), ref_wrap(ra * rb, W1, S1));
    d = a;
    d ^= b;
    EXPECT_EQ(value_of(d), ref_wrap(ra ^ rb, W1, S1));
    d = a;
    d |= b;
    EXPECT_EQ(value_of(d), ref_wrap(ra | rb, W1, S1));
    d = a;
    d &= b;
    EXPECT_EQ(value_of(d), ref_wrap(ra & rb, W1, S1));
    if (rb != 0) {
      d = a;
      d /= b;
      EXPECT_EQ(value_of(d), ref_wrap(ra / rb, W1, S1));
      d = a;
      d %= b;
      EXPECT_EQ(value_of(d), ref_wrap(ra % rb, W1, S1));
    }

    // Shifts keep the left operand's width.
    const int k = (int)(rng() % (W1 + 2));
    EXPECT_EQ(value_of(a << k), ref_wrap((i128)((u128)ra << k), W1, S1)) << k;
    EXPECT_EQ(value_of(a >> k), ra >> k) << k;
    d = a;
    d <<= k;
    EXPECT_EQ(value_of(d), ref_wrap((i128)((u128)ra << k), W1, S1));
    // Shift by an ap_uint amount, and by a negative signed amount.
    EXPECT_EQ(value_of(a >> ap_uint<7>(k)), ra >> k);
    EXPECT_EQ(value_of(a << -k), ra >> k);

    // Unary operators and increments.
    EXPECT_EQ(value_of(-a), -ra);
    EXPECT_EQ(value_of(~a), ref_wrap(~ra, W1, S1));
    EXPECT_EQ(!a, ra == 0);
    d = a;
    ++d;
    EXPECT_EQ(value_of(d), ref_wrap(ra + 1, W1, S1));
    d = a;
    d--;
    EXPECT_EQ(value_of(d), ref_wrap(ra - 1, W1, S1));

    // Mixed with native integers (int behaves as ap_int<32>).
    const int n = (int)(rng() % 2001) - 1000;
    EXPECT_EQ(value_of(a + n), ra + n);
    EXPECT_EQ(value_of(n - a), n - ra);
    EXPECT_EQ(value_of(a * n), ra * n);
    EXPECT_EQ(a < n, ra < n);
    EXPECT_EQ(n == a, n == ra);
    const unsigned un = (unsigned)rng();
    EXPECT_EQ(value_of(a + un), ra + un);

    // Conversions.
    EXPECT_EQ((long long)a, (long long)ra);
    EXPECT_EQ(a.to_int64(), (long long)ra);
    EXPECT_EQ(a.to_int(), (int)(long long)ra);
    EXPECT_EQ(a.to_double(), (double)ra);
    EXPECT_EQ(a.to_string(10), i128_str(ra));
  }
}

//===----------------------------------------------------------------------===//
// Wide widths against Python reference values
//===----------------------------------------------------------------------===//

struct WideCase {
  const char *a, *b;
  int sh;
  const char *add, *sub, *mul, *div, *mod, *band, *bor, *bxor, *shl, *shr;
};

#include "wide_vectors.inc"

template <int W, bool S, size_t N> void check_wide(const WideCase (&cases)[N]) {
  using T = apt<W, S>;
  for (const WideCase &c : cases) {
    SCOPED_TRACE(std::string("a=") + c.a + " b=" + c.b);
    const T a(c.a), b(c.b);
    EXPECT_EQ(a.to_string(10), c.a);
    EXPECT_EQ(b.to_string(10), c.b);
    EXPECT_EQ((a + b).to_string(10), c.add);
    EXPECT_EQ((a - b).to_string(10), c.sub);
    EXPECT_EQ((a * b).to_string(10), c.mul);
    EXPECT_EQ((a / b).to_string(10), c.div);
    EXPECT_EQ((a % b).to_string(10), c.mod);
    EXPECT_EQ((a & b).to_string(10), c.band);
    EXPECT_EQ((a | b).to_string(10), c.bor);
    EXPECT_EQ((a ^ b).to_string(10), c.bxor);
    EXPECT_EQ((a << c.sh).to_string(10), c.shl) << "sh=" << c.sh;
    EXPECT_EQ((a >> c.sh).to_string(10), c.shr) << "sh=" << c.sh;
    // Values parsed from the reference strings compare equal to results.
    EXPECT_TRUE((a * b == apt<2 * W, S>(c.mul)));
    EXPECT_TRUE((a - b) == ap_int<W + 1>(c.sub));
  }
}

TEST(ApIntWide, Signed100MatchesReference) { check_wide<100, true>(kCasesS100); }
TEST(ApIntWide, Unsigned128MatchesReference) { check_wide<128, false>(kCasesU128); }
TEST(ApIntWide, Signed200MatchesReference) { check_wide<200, true>(kCasesS200); }
TEST(ApIntWide, Unsigned512MatchesReference) { check_wide<512, false>(kCasesU512); }
TEST(ApIntWide, Signed4096MatchesReference) { check_wide<4096, true>(kCasesS4096); }

/// 128-bit arithmetic modulo 2^128 against unsigned __int128.
TEST(ApIntWide, Unsigned128MatchesNativeModularArithmetic) {
  std::mt19937_64 rng(99);
  for (int i = 0; i < 2000; ++i) {
    const u128 x = ((u128)rand_raw(rng) << 64) | rand_raw(rng);
    u128 y = ((u128)rand_raw(rng) << 64) | rand_raw(rng);
    if (i % 3 == 0)
      y >>= (rng() % 128);
    ap_uint<128> a, b;
    a.range(63, 0) = (unsigned long long)x;
    a.range(127, 64) = (unsigned long long)(x >> 64);
    b.range(63, 0) = (unsigned long long)y;
    b.range(127, 64) = (unsigned long long)(y >> 64);
    auto as_u128 = [](const ap_uint<128> &v) {
      return ((u128)v.range(127, 64).to_uint64() << 64) | v.range(63, 0).to_uint64();
    };
    ASSERT_EQ(as_u128(a), x);
    EXPECT_EQ(as_u128(ap_uint<128>(a + b)), x + y);
    EXPECT_EQ(as_u128(ap_uint<128>(a - b)), x - y);
    EXPECT_EQ(as_u128(ap_uint<128>(a * b)), x * y);
    EXPECT_EQ(as_u128(ap_uint<128>(a ^ b)), x ^ y);
    if (y != 0) {
      EXPECT_EQ(as_u128(ap_uint<128>(a / b)), x / y);
      EXPECT_EQ(as_u128(ap_uint<128>(a % b)), x % y);
    }
    EXPECT_EQ(a < b, x < y);
    const int k = (int)(rng() % 128);
    EXPECT_EQ(as_u128(a << k), x << k);
    EXPECT_EQ(as_u128(a >> k), x >> k);
    // Signed view of the same bits.
    const ap_int<128> sa = a, sb = b;
    const i128 ix = (i128)x, iy = (i128)y;
    EXPECT_EQ(sa < sb, ix < iy);
    EXPECT_EQ(value_of(sa >> k), ix >> k);
    if (iy != 0 && !(iy == -1)) {
      EXPECT_EQ(value_of(ap_int<127>(sa / sb)), ref_wrap(ix / iy, 127, true));
      EXPECT_EQ(value_of(ap_int<127>(sa % sb)), ref_wrap(ix % iy, 127, true));
    }
  }
}

TEST(ApIntWide, SmallValuesInWideTypesMatchInt128) {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 1000; ++i) {
    const long long x = (long long)(rng() >> 2) * ((rng() & 1) ? 1 : -1);
    const long long y = (long long)(rng() >> 34) + 1;
    const ap_int<200> a = x, b = y;
    EXPECT_EQ(value_of(ap_int<127>(a * b)), (i128)x * y);
    EXPECT_EQ(value_of(ap_int<127>(a + b)), (i128)x + y);
    EXPECT_EQ(value_of(ap_int<127>(a / b)), (i128)(x / y));
    EXPECT_EQ(value_of(ap_int<127>(a % b)), (i128)(x % y));
    EXPECT_EQ((long long)a, x);
    EXPECT_EQ(a.to_double(), (double)x);
  }
}

TEST(ApIntWide, Identities512) {
  std::mt19937_64 rng(2024);
  for (int i = 0; i < 200; ++i) {
    ap_uint<256> x, y;
    for (int l = 0; l < 4; ++l) {
      x.range(64 * l + 63, 64 * l) = (unsigned long long)rng();
      y.range(64 * l + 63, 64 * l) = (unsigned long long)rng();
    }
    y >>= (int)(rng() % 250);
    if (y == 0)
      y = 12345;
    const ap_uint<512> p = x * y;
    EXPECT_TRUE(p / y == x);
    EXPECT_TRUE(p % y == 0);
    EXPECT_TRUE((p + y) % y == 0);
    EXPECT_TRUE((x + y) - y == x);
    const int k = (int)(rng() % 256);
    const ap_uint<512> wide = x;
    EXPECT_TRUE(((wide << k) >> k) == x);
    // Decimal and hexadecimal round trips.
    EXPECT_TRUE(ap_uint<512>(p.to_string(10).c_str()) == p);
    EXPECT_TRUE(ap_uint<512>(p.to_string(16).c_str()) == p);
    const ap_int<512> neg = -ap_int<512>(p >> 1);
    EXPECT_TRUE(ap_int<512>(neg.to_string(10).c_str()) == neg);
  }
}

TEST(ApIntWide, KnownDecimalValues) {
  ap_uint<512> f = 1;
  for (int i = 2; i <= 100; ++i)
    f *= i; // 100! needs 525 bits: this wraps modulo 2^512
  ap_uint<600> g = 1;
  for (int i = 2; i <= 100; ++i)
    g *= i;
  EXPECT_EQ(g.to_string(10), "9332621544394415268169923885626670049071596826438162146859296389"
                             "5217599993229915608941463976156518286253697920827223758251185210"
                             "916864000000000000000000000000");
  EXPECT_TRUE(f == ap_uint<512>(g));
  ap_uint<201> two200 = 1;
  two200 <<= 200;
  EXPECT_EQ(two200.to_string(10), "1606938044258990275541962092341162602522202993782792835301376");
  EXPECT_EQ(two200.to_double(), std::ldexp(1.0, 200));
  EXPECT_EQ(ap_int<4096>(-1).to_string(10), "-1");
  EXPECT_EQ(ap_uint<4096>(ap_int<8>(-1)).to_string(16).size(), 2u + 1024u);
}

//===----------------------------------------------------------------------===//
// Documented behaviour and API surface
//===----------------------------------------------------------------------===//

TEST(ApInt, ExtensionAndTruncationFromUG1399) {
  ap_uint<10> result;
  const ap_int<7> val1 = 0x7f;
  const ap_uint<6> val2 = 0x3f;
  result = val1; // sign-extended
  EXPECT_EQ(result.to_uint(), 0x3ffu);
  result = val2; // zero-padded
  EXPECT_EQ(result.to_uint(), 0x03fu);
  result = ap_uint<7>(val1);
  EXPECT_EQ(result.to_uint(), 0x07fu);
  result = ap_int<6>(val2);
  EXPECT_EQ(result.to_uint(), 0x3ffu);
  // Truncation keeps the low bits regardless of sign.
  const ap_int<4> t = ap_int<8>(0x2c); // 0b0010'1100 -> 0b1100 = -4
  EXPECT_EQ(t.to_int(), -4);
}

TEST(ApInt, ConstructionFromVariousSources) {
  EXPECT_EQ(ap_int<8>(300).to_int(), 44);
  EXPECT_EQ(ap_int<8>(-129).to_int(), 127);
  EXPECT_EQ(ap_uint<8>(-1).to_uint(), 255u);
  EXPECT_EQ(ap_int<8>(true).to_int(), 1);
  EXPECT_EQ(ap_int<1>(1).to_int(), -1);
  EXPECT_EQ(ap_uint<1>(3).to_int(), 1);
  EXPECT_EQ(ap_int<8>('A').to_int(), 65);
  EXPECT_EQ(ap_int<16>(3.99).to_int(), 3);
  EXPECT_EQ(ap_int<16>(-3.99).to_int(), -3);
  EXPECT_EQ(ap_int<16>(-3.99f).to_int(), -3);
  EXPECT_EQ(ap_uint<8>(257.5).to_int(), 1); // trunc, then wrap
  EXPECT_EQ(ap_int<8>(std::nan("")).to_int(), 0);
  // Doubles beyond 64 bits.
  ap_uint<128> p100 = 1;
  p100 <<= 100;
  EXPECT_TRUE(ap_uint<128>(std::ldexp(1.0, 100)) == p100);
  EXPECT_TRUE(ap_int<128>(-std::ldexp(3.0, 90)) == -(ap_int<128>(3) << 90));
  // Strings.
  EXPECT_EQ(ap_int<16>("-1234").to_int(), -1234);
  EXPECT_EQ(ap_uint<16>("0xBEEF").to_uint(), 0xbeefu);
  EXPECT_EQ(ap_uint<16>("0b1011").to_uint(), 11u);
  EXPECT_EQ(ap_uint<16>("0o17").to_uint(), 15u);
  EXPECT_EQ(ap_uint<16>("ff", 16).to_uint(), 255u);
  EXPECT_EQ(ap_uint<16>("777", 8).to_uint(), 511u);
  EXPECT_EQ(ap_uint<8>("1000").to_uint(), 1000u % 256);
  EXPECT_EQ(ap_int<8>(std::string("-7")).to_int(), -7);
  // __int128.
  const i128 big = ((i128)0x0123456789abcdefLL << 64) | 0xfedcba9876543210ULL;
  EXPECT_EQ(value_of(ap_int<127>(big)), big);
  EXPECT_EQ(value_of(ap_int<100>(-big)), ref_wrap(-big, 100, true));
}

TEST(ApInt, ImplicitConversionsBehaveLikeIntegers) {
  const ap_int<12> a = -100;
  const ap_uint<12> u = 4000;
  int i = a;
  long long ll = u;
  double d = a;
  EXPECT_EQ(i, -100);
  EXPECT_EQ(ll, 4000);
  EXPECT_EQ(d, -100.0);
  int arr[8] = {0, 1, 2, 3, 4, 5, 6, 7};
  EXPECT_EQ(arr[ap_uint<3>(6)], 6);
  int hit = 0;
  switch (ap_uint<4>(9)) {
  case 9: hit = 1; break;
  default: hit = 2;
  }
  EXPECT_EQ(hit, 1);
  EXPECT_TRUE(ap_int<8>(3) ? true : false);
  EXPECT_FALSE(ap_int<8>(0) ? true : false);
  EXPECT_EQ(ap_int<8>(3) * 0.5, 1.5); // via the integer conversion
  unsigned count = 0;
  for (ap_uint<4> k = 0; k < 10; ++k)
    ++count;
  EXPECT_EQ(count, 10u);
  // Wrap-around loop counter, as in hardware.
  ap_uint<3> c = 6;
  c += 3;
  EXPECT_EQ(c.to_uint(), 1u);
}

TEST(ApInt, BitSelect) {
  ap_uint<8> x = 0xa5;
  EXPECT_TRUE(x[0]);
  EXPECT_FALSE(x[1]);
  EXPECT_TRUE(x[7]);
  x[0] = 0;
  x[1] = true;
  x[6] = 1;
  EXPECT_EQ(x.to_uint(), 0xe6u);
  x[2] = x[7]; // proxy to proxy assigns the value
  EXPECT_EQ(x.to_uint(), 0xe6u);
  x[3] = x[4];
  EXPECT_EQ(x.to_uint(), 0xe6u);
  x[4] = x[7];
  EXPECT_EQ(x.to_uint(), 0xf6u);
  EXPECT_FALSE(~x[7]);
  EXPECT_EQ(x[7] + 1, 2);
  x[5] ^= 1;
  EXPECT_EQ(x.to_uint(), 0xd6u);
  ap_int<8> s = 0;
  s[7] = 1;
  EXPECT_EQ(s.to_int(), -128); // sign bit
  const ap_uint<4> cx = 5;
  EXPECT_TRUE(cx[2]);
  EXPECT_TRUE(cx.test(0));
  EXPECT_FALSE(cx.test(1));
  ap_uint<70> w = 0;
  w.set(69);
  w.set(3);
  EXPECT_TRUE(w.get_bit(69));
  w.clear(3);
  w.invert(0);
  EXPECT_EQ(w.to_string(16), "0x200000000000000001");
}

TEST(ApInt, RangeSelect) {
  ap_uint<16> x = 0xabcd;
  EXPECT_EQ(x.range(7, 0).to_uint(), 0xcdu);
  EXPECT_EQ(x(15, 12).to_uint(), 0xau);
  EXPECT_EQ(x.range(11, 4), 0xbc);
  x.range(11, 4) = 0x12;
  EXPECT_EQ(x.to_uint(), 0xa12du);
  x(3, 0) = 0x1f; // truncated to the range width
  EXPECT_EQ(x.to_uint(), 0xa12fu);
  x.range(15, 8) = x.range(7, 0);
  EXPECT_EQ(x.to_uint(), 0x2f2fu);
  // Reversed range.
  ap_uint<8> r = 0x01;
  EXPECT_EQ(r.range(0, 7).to_uint(), 0x80u);
  r.range(0, 3) = 0x1; // bit 3 <- bit 0 of the value, bits 2..0 <- 0
  EXPECT_EQ(r.to_uint(), 0x08u);
  r.range(1, 4) = 0x6; // bit 4 <- 0, bit 3 <- 1, bit 2 <- 1, bit 1 <- 0
  EXPECT_EQ(r.to_uint(), 0x0cu);
  // Reads and writes across limb boundaries.
  ap_uint<200> w = 0;
  w.range(130, 60) = ap_uint<71>(-1);
  EXPECT_EQ(w.range(130, 60).and_reduce(), true);
  EXPECT_TRUE(w.range(131, 59) == (ap_uint<80>(1) << 72) - 2);
  EXPECT_TRUE(ap_uint<200>(w >> 60) == ap_uint<71>(-1));
  // Values narrower than the range are sign- or zero-extended.
  ap_uint<128> t = 0;
  t.range(99, 0) = ap_uint<64>(~0ULL);
  EXPECT_TRUE(t == ap_uint<65>(~0ULL));
  t.range(99, 0) = ap_int<64>(-1);
  EXPECT_TRUE(t == (ap_uint<101>(1) << 100) - 1);
  t.range(127, 28) = -1; // int: sign-extended to 100 bits
  EXPECT_TRUE(t == ap_uint<128>(ap_int<8>(-1)));
  t.range(127, 0) = 5u;
  EXPECT_TRUE(t == 5);
  // Signed ranges read as unsigned.
  ap_int<8> s = -1;
  EXPECT_EQ(s.range(3, 0).to_int(), 15);
  const ap_int<8> cs = -2;
  ap_uint<4> low = cs.range(3, 0);
  EXPECT_EQ(low.to_uint(), 14u);
  // Arithmetic with a range.
  EXPECT_EQ((s.range(3, 0) + 1).to_int(), 16);
  s.range(3, 0) += 1;
  EXPECT_EQ(s.to_int(), -16);
}

TEST(ApInt, Concatenation) {
  const ap_uint<4> hi = 0xa;
  const ap_uint<4> lo = 0x5;
  const ap_uint<8> v = (hi, lo);
  EXPECT_EQ(v.to_uint(), 0xa5u);
  EXPECT_EQ(hi.concat(lo).to_uint(), 0xa5u);
  const ap_int<4> neg = -1;
  EXPECT_EQ((neg, lo).to_uint(), 0xf5u); // parts are raw bits
  static_assert(std::is_same<decltype((hi, lo)), ap_uint<8>>::value, "const concat is a value");
  // Assignable concatenation.
  ap_uint<4> a = 0, b = 0;
  ap_uint<8> c = 0;
  (a, b) = 0x3c;
  EXPECT_EQ(a.to_uint(), 3u);
  EXPECT_EQ(b.to_uint(), 12u);
  (a, b, c) = ap_uint<16>(0x1234);
  EXPECT_EQ(a.to_uint(), 1u);
  EXPECT_EQ(b.to_uint(), 2u);
  EXPECT_EQ(c.to_uint(), 0x34u);
  ap_uint<16> x = 0;
  (x.range(15, 8), a) = ap_uint<20>(0xabcde);
  // x.range(15, 8) has the static width 16 of x: it receives bits 19..4.
  EXPECT_EQ(x.to_uint(), 0xcd00u);
  EXPECT_EQ(a.to_uint(), 0xeu);
  (x[0], b) = 0x1f;
  EXPECT_EQ(x.to_uint(), 0xcd01u);
  EXPECT_EQ(b.to_uint(), 0xfu);
  // Native integers contribute the width of their type.
  const auto ni = (hi, 5);
  static_assert(std::is_same<decltype(ni), const ap_uint<36>>::value, "");
  EXPECT_TRUE(ni == ((ap_uint<36>(0xa) << 32) | 5));
  const auto nb = (true, lo);
  EXPECT_EQ(nb.to_uint(), 0x15u);
  EXPECT_EQ(((unsigned char)0xff, lo).to_uint(), 0xff5u);
  // Wide concatenation.
  const ap_uint<100> w1 = ap_uint<100>(1) << 99;
  const ap_uint<100> w2 = 7;
  const auto w = (w1, w2);
  static_assert(std::is_same<decltype(w), const ap_uint<200>>::value, "");
  EXPECT_TRUE(w == ((ap_uint<200>(1) << 199) | 7));
}

TEST(ApInt, ReductionsReverseMisc) {
  EXPECT_TRUE(ap_uint<8>(0xff).and_reduce());
  EXPECT_FALSE(ap_uint<8>(0x7f).and_reduce());
  EXPECT_TRUE(ap_int<8>(-1).and_reduce());
  EXPECT_TRUE(ap_uint<70>(ap_int<70>(-1)).and_reduce());
  EXPECT_FALSE(ap_uint<70>(ap_uint<69>(ap_int<69>(-1))).and_reduce());
  EXPECT_FALSE(ap_uint<8>(0).or_reduce());
  EXPECT_TRUE(ap_uint<8>(0x10).or_reduce());
  EXPECT_TRUE(ap_uint<8>(0x13).xor_reduce());
  EXPECT_FALSE(ap_uint<8>(0x11).xor_reduce());
  EXPECT_TRUE(ap_int<8>(-1).nor_reduce() == false);
  EXPECT_TRUE(ap_uint<8>(0x11).xnor_reduce());
  ap_uint<8> r = 0x12;
  r.reverse();
  EXPECT_EQ(r.to_uint(), 0x48u);
  ap_uint<100> rw = 1;
  rw.reverse();
  EXPECT_TRUE(rw == (ap_uint<100>(1) << 99));
  ap_uint<8> rot = 0x81;
  rot.lrotate(1);
  EXPECT_EQ(rot.to_uint(), 0x03u);
  rot.rrotate(2);
  EXPECT_EQ(rot.to_uint(), 0xc0u);
  EXPECT_EQ(ap_uint<8>(0x10).countLeadingZeros(), 3);
  EXPECT_EQ(ap_uint<8>(0).countLeadingZeros(), 8);
  EXPECT_EQ(ap_int<23>().length(), 23);
  EXPECT_TRUE(ap_int<8>(-3).sign());
  EXPECT_TRUE(ap_uint<8>(0).iszero());
  ap_uint<8> bn = 0x0f;
  bn.b_not();
  EXPECT_EQ(bn.to_uint(), 0xf0u);
}

TEST(ApInt, ToStringAndStreams) {
  EXPECT_EQ(ap_int<8>(-5).to_string(10), "-5");
  EXPECT_EQ(ap_int<8>(-5).to_string(AP_DEC, false), "251");
  EXPECT_EQ(ap_uint<6>(12).to_string(), "0b001100");
  EXPECT_EQ(ap_uint<6>(12).to_string(2), "0b001100");
  EXPECT_EQ(ap_uint<12>(0xabc).to_string(16), "0xabc");
  EXPECT_EQ(ap_uint<9>(8).to_string(8), "0o010");
  EXPECT_EQ(ap_int<8>(-5).to_string(16), "-0x5");
  EXPECT_EQ(ap_int<8>(-5).to_string(16, false), "0xfb");
  std::ostringstream os;
  os << ap_int<8>(-5) << " " << ap_uint<70>(ap_int<70>(-1)) << " " << std::hex
     << ap_uint<16>(0xbeef) << " " << ap_int<8>(-1) << std::dec << " "
     << ap_uint<8>(0x35).range(7, 4) << " " << ap_uint<8>(2)[1];
  EXPECT_EQ(os.str(), "-5 1180591620717411303423 beef ff 3 1");
  std::istringstream is("-42 0x1F");
  ap_int<16> p, q;
  is >> p >> q;
  EXPECT_EQ(p.to_int(), -42);
  EXPECT_EQ(q.to_int(), 31);
}

TEST(ApInt, ToDoubleRoundsCorrectly) {
  ap_uint<64> x = 1;
  x <<= 53;
  EXPECT_EQ((x + 1).to_double(), std::ldexp(1.0, 53)); // tie -> even
  EXPECT_EQ((x + 3).to_double(), std::ldexp(1.0, 53) + 4);
  ap_uint<200> y = 1;
  y <<= 150;
  ap_uint<200> half = 1;
  half <<= 97; // exactly half an ulp of 2^150
  EXPECT_EQ(ap_uint<200>(y + half).to_double(), std::ldexp(1.0, 150));
  EXPECT_EQ(ap_uint<200>(y + half + 1).to_double(),
            std::ldexp(1.0, 150) + std::ldexp(1.0, 98)); // sticky bit
  EXPECT_EQ(ap_int<200>(-ap_int<200>(y)).to_double(), -std::ldexp(1.0, 150));
  EXPECT_EQ(ap_uint<200>(y + half + 1).to_float(), std::ldexp(1.0f, 150));
  EXPECT_EQ(ap_int<8>(-128).to_float(), -128.0f);
}

TEST(ApIntDeathTest, OutOfRangeBitAccessAborts) {
  EXPECT_DEATH(
      {
        ap_uint<8> x = 0;
        x[8] = 1;
      },
      "bit index 8 out of range for width 8");
  EXPECT_DEATH(
      {
        ap_int<16> y = 0;
        (void)y.range(16, 3).to_uint();
      },
      "range\\(16, 3\\) out of range for width 16");
}

TEST(ApInt, MixedSignednessComparisonsAreExact) {
  // Unlike C, -1 is never equal to an unsigned all-ones value.
  EXPECT_FALSE(ap_int<8>(-1) == ap_uint<8>(255));
  EXPECT_TRUE(ap_int<8>(-1) < ap_uint<8>(0));
  EXPECT_TRUE(ap_uint<64>(~0ULL) > ap_int<64>(-1));
  EXPECT_TRUE(ap_uint<64>(~0ULL) == ~0ULL);
  EXPECT_TRUE(ap_int<64>(-1) == -1LL);
  EXPECT_FALSE(ap_uint<32>(0xffffffffu) == -1);
}

} // namespace
