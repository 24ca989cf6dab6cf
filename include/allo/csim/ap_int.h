//===- ap_int.h - C-simulation model of arbitrary precision integers ------===//
//
// Part of Allo C++. Clean-room implementation written from the public
// description of the AMD Vitis HLS arbitrary precision types (UG1399,
// "Arbitrary Precision Data Types"). No vendor source was used.
//
//===----------------------------------------------------------------------===//
//
// Provides `ap_int<W>` (signed) and `ap_uint<W>` (unsigned) for any W >= 1
// (tested up to 4096) so that Vitis-style C++ compiles and runs with an
// ordinary C++17 compiler (g++ >= 12, clang++ >= 15).
//
// Representation: an array of 64-bit limbs in two's complement, always kept
// "normalized": the bits above W in the top limb hold copies of the sign bit
// (ap_int) or zeros (ap_uint).  Every assignment/construction wraps the value
// to W bits (C-like modular semantics, sign extension for ap_int).
//
// Implemented:
//  * construction from every integer type (incl. __int128), unscoped
//    enumerations, float, double and long double (truncation toward zero,
//    then wrap; NaN and infinities give 0), C strings
//    ("123", "-5", "0x1f", "0b101", "0o17"; `ap_int<W>(str, radix)`),
//    other ap_[u]int widths, bit/range/concat references, ap_[u]fixed (when
//    ap_fixed.h is included; truncation toward zero like a C cast);
//  * implicit conversion to `long long` (ap_int) / `unsigned long long`
//    (ap_uint) for every W (the low 64 bits when W > 64, as the vendor does);
//  * arithmetic + - * / % with full-precision result types:
//      +,-  : max(W1 + (S2&&!S1), W2 + (S1&&!S2)) + 1 bits, signed if either
//             operand is signed (always signed for -)
//      *    : W1 + W2 bits, signed if either is signed
//      /    : W1 + S2 bits, signed if either is signed (C truncation)
//      %    : min(W1, W2 + (S1&&!S2)) bits, signedness of the dividend
//      & | ^: max(W1 + (S2&&!S1), W2 + (S1&&!S2)) bits
//    native integers act as ap_int/ap_uint of their own width (int is
//    ap_int<32>, unsigned long is ap_uint<64>, bool is ap_uint<1>, ...),
//    unscoped enumerations as their underlying type;
//  * shifts << >> returning the type of the left operand (bits shifted out
//    are lost; >> is arithmetic for ap_int; a negative signed shift count
//    shifts the other way);
//  * compound assignment, ++/--, comparisons (exact mathematical values),
//    unary - (result is ap_int<W+1>), ~, !;
//  * x[i] (assignable bit proxy; assigning an integer stores its least
//    significant bit), x.range(hi, lo) / x(hi, lo) (assignable range proxy,
//    lo > hi selects the bits in reversed order; converts implicitly to
//    unsigned long long, i.e. the low 64 bits), x.range();
//  * concatenation `(a, b)` (assignable when all parts are non-const lvalues
//    or proxies) and `a.concat(b)`; a native integer part next to an ap part
//    contributes the full width of its type (int: 32 bits);
//  * to_int/to_uint/to_long/to_ulong/to_int64/to_uint64/to_double/to_float/
//    to_bool, to_string(radix = 2, sign = signedness), length(),
//    and_reduce/or_reduce/xor_reduce/nand_reduce/nor_reduce/xnor_reduce,
//    reverse(), test/set/clear/invert/get_bit/set_bit, lrotate/rrotate,
//    countLeadingZeros, iszero, sign;
//  * std::ostream << (decimal, or hex/oct when the stream is in that mode)
//    and std::istream >>.
//
// Known deviations from the vendor library:
//  * default-constructed values are zero (the vendor leaves them
//    unspecified);
//  * division (or remainder) by zero does not trap: the quotient is 0 and the
//    remainder is the dividend;
//  * ap_int + double etc. is evaluated in double through the implicit
//    integer conversion (so it only sees the low 64 bits when W > 64);
//  * to_string() prints non-decimal radices with a prefix ("0b", "0o", "0x")
//    padded to the full width; a negative value with sign=true prints as
//    "-" + prefix + magnitude;
//  * compound assignment on a concatenation `(a, b) += x` only updates the
//    temporary, not a and b;
//  * a range reference used as an operand has the static width of the
//    variable it refers to (its value is zero-extended), like the vendor's;
//  * the implicit conversion always targets (unsigned) long long, while the
//    vendor picks an integer type sized to W (this only matters for
//    overload resolution in user code);
//  * an out-of-range bit index or range prints a message and aborts.
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_CSIM_AP_INT_H
#define ALLO_CSIM_AP_INT_H

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>

// Quantization / overflow modes of ap_[u]fixed (declared here because the
// vendor headers make them visible through ap_int.h as well).
enum ap_q_mode {
  AP_RND,         // round half toward +infinity
  AP_RND_ZERO,    // round half toward zero
  AP_RND_MIN_INF, // round half toward -infinity
  AP_RND_INF,     // round half away from zero
  AP_RND_CONV,    // round half to even
  AP_TRN,         // truncate toward -infinity (default)
  AP_TRN_ZERO     // truncate toward zero
};
enum ap_o_mode {
  AP_SAT,      // saturate to min/max
  AP_SAT_ZERO, // overflow yields zero
  AP_SAT_SYM,  // saturate to +/-max (symmetric)
  AP_WRAP,     // wrap around (default)
  AP_WRAP_SM   // sign-magnitude wrap around
};
// Radix names accepted by to_string().
enum BaseMode { AP_BIN = 2, AP_OCT = 8, AP_DEC = 10, AP_HEX = 16 };

template <int _AP_W> class ap_int;
template <int _AP_W> class ap_uint;

namespace allo_csim_detail {

using limb_t = std::uint64_t;
__extension__ typedef __int128 i128_t;
__extension__ typedef unsigned __int128 u128_t;

constexpr int limbs_for(int w) { return w <= 64 ? 1 : (w + 63) / 64; }
constexpr int imax(int a, int b) { return a > b ? a : b; }
constexpr int imin(int a, int b) { return a < b ? a : b; }

[[noreturn]] inline void fatal(const std::string &msg) {
  std::fprintf(stderr, "%s\n", msg.c_str());
  std::fflush(stderr);
  std::abort();
}

#define ALLO_CSIM_CHECK(cond, msg)                                                                 \
  do {                                                                                             \
    if (!(cond))                                                                                   \
      ::allo_csim_detail::fatal(msg);                                                              \
  } while (0)

//===----------------------------------------------------------------------===//
// Limb-array primitives. `n` is a limb count; values are two's complement.
//===----------------------------------------------------------------------===//

/// Scratch limb storage: on the stack for small sizes, on the heap otherwise.
class limb_buf {
public:
  explicit limb_buf(int n) : p_(local_) {
    if (n > kLocal) {
      heap_.reset(new limb_t[n]);
      p_ = heap_.get();
    }
  }
  limb_buf(const limb_buf &) = delete;
  limb_buf &operator=(const limb_buf &) = delete;
  limb_t *data() { return p_; }
  operator limb_t *() { return p_; }

private:
  static constexpr int kLocal = 40;
  limb_t local_[kLocal];
  limb_t *p_;
  std::unique_ptr<limb_t[]> heap_;
};

inline bool lneg(const limb_t *a, int n) { return (a[n - 1] >> 63) != 0; }

inline bool lzero(const limb_t *a, int n) {
  for (int i = 0; i < n; ++i)
    if (a[i])
      return false;
  return true;
}

inline void lclear(limb_t *a, int n) {
  for (int i = 0; i < n; ++i)
    a[i] = 0;
}

/// dst[0..dn) = src[0..sn) sign-extended (sgn) or zero-extended, or truncated.
inline void lext(limb_t *dst, int dn, const limb_t *src, int sn, bool sgn) {
  const limb_t fill = (sgn && lneg(src, sn)) ? ~limb_t(0) : 0;
  const int m = sn < dn ? sn : dn;
  for (int i = 0; i < m; ++i)
    dst[i] = src[i];
  for (int i = m; i < dn; ++i)
    dst[i] = fill;
}

/// Forces bits [w, 64n) to copies of bit w-1 (sgn) or to zero.
inline void lnorm(limb_t *a, int n, int w, bool sgn) {
  const int k = (w - 1) / 64;
  const int b = (w - 1) % 64;
  const bool neg = sgn && ((a[k] >> b) & 1);
  if (b != 63) {
    const limb_t mask = (limb_t(2) << b) - 1;
    a[k] = neg ? (a[k] | ~mask) : (a[k] & mask);
  }
  for (int i = k + 1; i < n; ++i)
    a[i] = neg ? ~limb_t(0) : 0;
}

inline bool lbit(const limb_t *a, int i) { return (a[i >> 6] >> (i & 63)) & 1; }

inline void lsetbit(limb_t *a, int i, bool v) {
  const limb_t m = limb_t(1) << (i & 63);
  if (v)
    a[i >> 6] |= m;
  else
    a[i >> 6] &= ~m;
}

inline limb_t ladd(limb_t *r, const limb_t *a, const limb_t *b, int n) {
  limb_t c = 0;
  for (int i = 0; i < n; ++i) {
    const limb_t s = a[i] + c;
    const limb_t c1 = s < c;
    r[i] = s + b[i];
    c = c1 | (r[i] < s);
  }
  return c;
}

inline limb_t lsub(limb_t *r, const limb_t *a, const limb_t *b, int n) {
  limb_t br = 0;
  for (int i = 0; i < n; ++i) {
    const limb_t ai = a[i], bi = b[i];
    const limb_t d = ai - bi;
    const limb_t b1 = ai < bi;
    r[i] = d - br;
    br = b1 | (d < br);
  }
  return br;
}

/// r = a + v (v is an unsigned small addend), modulo 2^(64n).
inline void laddsmall(limb_t *r, const limb_t *a, int n, limb_t v) {
  limb_t c = v;
  for (int i = 0; i < n; ++i) {
    r[i] = a[i] + c;
    c = r[i] < c;
  }
}

/// r = a - v (v is an unsigned small subtrahend), modulo 2^(64n).
inline void lsubsmall(limb_t *r, const limb_t *a, int n, limb_t v) {
  limb_t br = v;
  for (int i = 0; i < n; ++i) {
    const limb_t ai = a[i];
    r[i] = ai - br;
    br = ai < br;
  }
}

inline void lneg_to(limb_t *r, const limb_t *a, int n) {
  limb_t c = 1;
  for (int i = 0; i < n; ++i) {
    r[i] = ~a[i] + c;
    c = (c && r[i] == 0) ? 1 : 0;
  }
}

/// r[0..rn) = (a * b) mod 2^(64 rn). r must not alias a or b.
inline void lmul(limb_t *r, int rn, const limb_t *a, int an, const limb_t *b, int bn) {
  lclear(r, rn);
  for (int i = 0; i < an && i < rn; ++i) {
    if (a[i] == 0)
      continue;
    limb_t carry = 0;
    int j = 0;
    for (; j < bn && i + j < rn; ++j) {
      const u128_t t = (u128_t)a[i] * b[j] + r[i + j] + carry;
      r[i + j] = (limb_t)t;
      carry = (limb_t)(t >> 64);
    }
    if (i + j < rn)
      r[i + j] = carry;
  }
}

/// r = a << sh (r may alias a).
inline void lshl(limb_t *r, const limb_t *a, int n, long long sh) {
  if (sh >= 64LL * n) {
    lclear(r, n);
    return;
  }
  const int ls = (int)(sh / 64), bs = (int)(sh % 64);
  for (int i = n - 1; i >= 0; --i) {
    const int k = i - ls;
    limb_t v = 0;
    if (k >= 0) {
      v = a[k] << bs;
      if (bs && k >= 1)
        v |= a[k - 1] >> (64 - bs);
    }
    r[i] = v;
  }
}

/// r = a >> sh, arithmetic when `arith` (r may alias a).
inline void lshr(limb_t *r, const limb_t *a, int n, long long sh, bool arith) {
  const limb_t fill = (arith && lneg(a, n)) ? ~limb_t(0) : 0;
  if (sh >= 64LL * n) {
    for (int i = 0; i < n; ++i)
      r[i] = fill;
    return;
  }
  const int ls = (int)(sh / 64), bs = (int)(sh % 64);
  for (int i = 0; i < n; ++i) {
    const int k = i + ls;
    const limb_t lo = k < n ? a[k] : fill;
    const limb_t hi = k + 1 < n ? a[k + 1] : fill;
    r[i] = bs ? ((lo >> bs) | (hi << (64 - bs))) : lo;
  }
}

inline int lcmpu(const limb_t *a, const limb_t *b, int n) {
  for (int i = n - 1; i >= 0; --i)
    if (a[i] != b[i])
      return a[i] < b[i] ? -1 : 1;
  return 0;
}

inline int lcmps(const limb_t *a, const limb_t *b, int n) {
  const bool na = lneg(a, n), nb = lneg(b, n);
  if (na != nb)
    return na ? -1 : 1;
  return lcmpu(a, b, n);
}

/// Index of the most significant set bit, or -1 for zero.
inline int lmsb(const limb_t *a, int n) {
  for (int i = n - 1; i >= 0; --i)
    if (a[i])
      return i * 64 + 63 - __builtin_clzll(a[i]);
  return -1;
}

/// 64 bits of `a` starting at bit position s (bits past the end read as 0).
inline limb_t lextract64(const limb_t *a, int n, int s) {
  const int k = s / 64, b = s % 64;
  limb_t v = k < n ? (a[k] >> b) : 0;
  if (b && k + 1 < n)
    v |= a[k + 1] << (64 - b);
  return v;
}

/// Unsigned division: q = a / b, r = a % b (n limbs each, no aliasing).
/// Division by zero yields q = 0, r = a.
inline void ludivmod(limb_t *q, limb_t *r, const limb_t *a, const limb_t *b, int n) {
  int bn = n;
  while (bn > 0 && b[bn - 1] == 0)
    --bn;
  if (bn == 0) {
    lclear(q, n);
    for (int i = 0; i < n; ++i)
      r[i] = a[i];
    return;
  }
  if (bn == 1) {
    const limb_t d = b[0];
    limb_t rem = 0;
    for (int i = n - 1; i >= 0; --i) {
      const u128_t cur = ((u128_t)rem << 64) | a[i];
      q[i] = (limb_t)(cur / d);
      rem = (limb_t)(cur % d);
    }
    lclear(r, n);
    r[0] = rem;
    return;
  }
  // Schoolbook binary long division on n+1 limbs (the partial remainder can
  // momentarily need one bit more than the divisor).
  limb_buf rr(n + 1), bb(n + 1);
  lclear(rr, n + 1);
  lext(bb, n + 1, b, n, false);
  lclear(q, n);
  for (int i = lmsb(a, n); i >= 0; --i) {
    lshl(rr, rr, n + 1, 1);
    rr[0] |= (limb_t)lbit(a, i);
    if (lcmpu(rr, bb, n + 1) >= 0) {
      lsub(rr, rr, bb, n + 1);
      lsetbit(q, i, true);
    }
  }
  for (int i = 0; i < n; ++i)
    r[i] = rr[i];
}

/// Signed division with C semantics (quotient truncated toward zero, the
/// remainder has the sign of the dividend). The magnitudes must fit in n
/// unsigned limbs, which holds for sign-extended n-limb operands.
inline void lsdivmod(limb_t *q, limb_t *r, const limb_t *a, const limb_t *b, int n) {
  const bool na = lneg(a, n), nb = lneg(b, n);
  limb_buf ua(n), ub(n);
  if (na)
    lneg_to(ua, a, n);
  else
    lext(ua, n, a, n, false);
  if (nb)
    lneg_to(ub, b, n);
  else
    lext(ub, n, b, n, false);
  ludivmod(q, r, ua, ub, n);
  if (na != nb)
    lneg_to(q, q, n);
  if (na)
    lneg_to(r, r, n);
}

/// a = a * m + add (mod 2^(64n)).
inline void lmuladd_small(limb_t *a, int n, limb_t m, limb_t add) {
  u128_t carry = add;
  for (int i = 0; i < n; ++i) {
    const u128_t t = (u128_t)a[i] * m + carry;
    a[i] = (limb_t)t;
    carry = t >> 64;
  }
}

/// a = a / d, returns the remainder (unsigned).
inline limb_t ldiv_small(limb_t *a, int n, limb_t d) {
  limb_t rem = 0;
  for (int i = n - 1; i >= 0; --i) {
    const u128_t cur = ((u128_t)rem << 64) | a[i];
    a[i] = (limb_t)(cur / d);
    rem = (limb_t)(cur % d);
  }
  return rem;
}

/// Correctly rounded conversion of a * 2^exp2 to a binary floating type.
template <class _AP_F> inline _AP_F lto_fp(const limb_t *a, int n, bool sgn, int exp2) {
  limb_buf m(n);
  const bool neg = sgn && lneg(a, n);
  if (neg)
    lneg_to(m, a, n);
  else
    lext(m, n, a, n, false);
  const int msb = lmsb(m, n);
  if (msb < 0)
    return _AP_F(0);
  limb_t top;
  int shift = 0;
  if (msb < 64) {
    top = m[0];
  } else {
    shift = msb - 63;
    top = lextract64(m, n, shift);
    // Sticky bit: any discarded bit makes the value slightly larger, which
    // the hardware conversion below rounds correctly (53/24 << 63 bits).
    bool sticky = false;
    for (int i = 0; i < shift / 64 && !sticky; ++i)
      sticky = m[i] != 0;
    if (!sticky && (shift % 64))
      sticky = (m[shift / 64] & ((limb_t(1) << (shift % 64)) - 1)) != 0;
    top |= (limb_t)sticky;
  }
  const _AP_F v = std::ldexp(static_cast<_AP_F>(top), shift + exp2);
  return neg ? -v : v;
}

/// a = trunc(d) mod 2^(64n). Non-finite inputs give 0.
inline void lfrom_double(limb_t *a, int n, double d) {
  lclear(a, n);
  if (!std::isfinite(d))
    return;
  d = std::trunc(d);
  const bool neg = d < 0;
  d = std::fabs(d);
  if (d < 1.0)
    return;
  int e = 0;
  const double fr = std::frexp(d, &e); // d = fr * 2^e, fr in [0.5, 1)
  const limb_t mant = (limb_t)std::ldexp(fr, 53);
  const int sh = e - 53;
  if (sh >= 0) {
    a[0] = mant;
    lshl(a, a, n, sh);
  } else {
    a[0] = mant >> (-sh);
  }
  if (neg)
    lneg_to(a, a, n);
}

inline int digit_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'z')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z')
    return c - 'A' + 10;
  return -1;
}

/// Detects an optional sign and radix prefix. `radix` 0 means auto-detect
/// (default decimal). Returns the position of the first digit.
inline const char *parse_prefix(const char *s, int &radix, bool &neg) {
  while (*s == ' ' || *s == '\t' || *s == '\n')
    ++s;
  neg = false;
  if (*s == '-' || *s == '+') {
    neg = *s == '-';
    ++s;
  }
  if (s[0] == '0' && s[1] != 0) {
    const char p = s[1];
    if ((p == 'x' || p == 'X') && (radix == 0 || radix == 16)) {
      radix = 16;
      s += 2;
    } else if ((p == 'b' || p == 'B') && (radix == 0 || radix == 2)) {
      radix = 2;
      s += 2;
    } else if ((p == 'o' || p == 'O') && (radix == 0 || radix == 8)) {
      radix = 8;
      s += 2;
    }
  }
  if (radix == 0)
    radix = 10;
  return s;
}

/// Parses an integer string into a (mod 2^(64n)); stops at the first
/// character that is not a digit of the radix ('_' and '\'' are skipped).
inline void lparse(limb_t *a, int n, const char *s, int radix) {
  lclear(a, n);
  if (!s)
    return;
  bool neg = false;
  s = parse_prefix(s, radix, neg);
  for (; *s; ++s) {
    if (*s == '_' || *s == '\'')
      continue;
    const int dv = digit_value(*s);
    if (dv < 0 || dv >= radix)
      break;
    lmuladd_small(a, n, (limb_t)radix, (limb_t)dv);
  }
  if (neg)
    lneg_to(a, a, n);
}

/// Digits of the unsigned value m (destroyed) in the given radix.
inline std::string ldigits(limb_t *m, int n, int radix) {
  // Largest power of radix that fits in a limb, and its digit count.
  limb_t chunk = (limb_t)radix;
  int per = 1;
  while (chunk <= ~limb_t(0) / (limb_t)radix) {
    chunk *= (limb_t)radix;
    ++per;
  }
  std::string out;
  static const char kDigits[] = "0123456789abcdef";
  do {
    limb_t rem = ldiv_small(m, n, chunk);
    const bool last = lzero(m, n);
    for (int i = 0; i < per; ++i) {
      if (last && rem == 0 && i > 0)
        break;
      out.push_back(kDigits[rem % (limb_t)radix]);
      rem /= (limb_t)radix;
    }
  } while (!lzero(m, n));
  return std::string(out.rbegin(), out.rend());
}

inline const char *radix_prefix(int radix) {
  switch (radix) {
  case 2: return "0b";
  case 8: return "0o";
  case 16: return "0x";
  default: return "";
  }
}

inline int bits_per_digit(int radix) {
  return radix == 2 ? 1 : radix == 8 ? 3 : radix == 16 ? 4 : 0;
}

/// Unscoped enumerations behave like their underlying integer type.
template <class _AP_T, class = void> struct is_unscoped_enum : std::false_type {};
template <class _AP_T>
struct is_unscoped_enum<_AP_T, typename std::enable_if<std::is_enum<_AP_T>::value>::type>
    : std::integral_constant<bool, std::is_convertible<_AP_T, long long>::value> {};

//===----------------------------------------------------------------------===//
// Class templates
//===----------------------------------------------------------------------===//

struct ap_int_tag {};   // base of every ap_int_base<W, S>
struct ap_proxy_tag {}; // base of bit and range references

template <int _AP_W, bool _AP_S> class ap_int_base;
template <int _AP_W, bool _AP_S> class ap_bit_ref;
template <int _AP_W, bool _AP_S> class ap_range_ref;
template <int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_N>
class af_base;

template <int _AP_W, bool _AP_S>
using ap_t = typename std::conditional<_AP_S, ap_int<_AP_W>, ap_uint<_AP_W>>::type;

/// Storage and member operations shared by ap_int<W> and ap_uint<W>.
template <int _AP_W, bool _AP_S> class ap_int_base : public ap_int_tag {
  static_assert(_AP_W >= 1, "ap_[u]int width must be at least 1");

public:
  static constexpr int width = _AP_W;
  static constexpr bool sign_flag = _AP_S;
  static constexpr int _AP_N = limbs_for(_AP_W);
  using native_type = typename std::conditional<_AP_S, long long, unsigned long long>::type;

  /// Two's complement limbs, least significant first, normalized to W bits.
  limb_t bits_[_AP_N];

  //===--- construction ---------------------------------------------------===//
  ap_int_base() : bits_{} {}
  ap_int_base(const ap_int_base &) = default;
  ap_int_base &operator=(const ap_int_base &) = default;

  template <class _AP_T, typename std::enable_if<std::is_integral<_AP_T>::value, int>::type = 0>
  ap_int_base(_AP_T x) {
    set_native(x);
  }
  template <class _AP_T, typename std::enable_if<is_unscoped_enum<_AP_T>::value, int>::type = 0>
  ap_int_base(_AP_T x) {
    set_native((typename std::underlying_type<_AP_T>::type)x);
  }
  ap_int_base(i128_t x) { set_native(x); }
  ap_int_base(u128_t x) { set_native(x); }
  ap_int_base(double d) {
    lfrom_double(bits_, _AP_N, d);
    fix();
  }
  ap_int_base(float f) : ap_int_base(double(f)) {}
  ap_int_base(long double d) : ap_int_base(double(d)) {}
  ap_int_base(const char *s) {
    lparse(bits_, _AP_N, s, 0);
    fix();
  }
  ap_int_base(const char *s, int radix) {
    lparse(bits_, _AP_N, s, radix);
    fix();
  }
  ap_int_base(const std::string &s) : ap_int_base(s.c_str()) {}
  template <int _AP_W2, bool _AP_S2> ap_int_base(const ap_int_base<_AP_W2, _AP_S2> &o) {
    lext(bits_, _AP_N, o.bits_, ap_int_base<_AP_W2, _AP_S2>::_AP_N, _AP_S2);
    fix();
  }
  template <int _AP_W2, bool _AP_S2> ap_int_base(const ap_bit_ref<_AP_W2, _AP_S2> &b) {
    lclear(bits_, _AP_N);
    bits_[0] = b.get() ? 1 : 0;
    fix();
  }
  template <int _AP_W2, bool _AP_S2> ap_int_base(const ap_range_ref<_AP_W2, _AP_S2> &r);
  /// Fixed-point to integer (truncation toward zero); defined in ap_fixed.h.
  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_N2>
  ap_int_base(const af_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_N2> &f);

  //===--- conversion -----------------------------------------------------===//
  operator native_type() const { return (native_type)bits_[0]; }

  int to_int() const { return (int)(std::int64_t)bits_[0]; }
  unsigned to_uint() const { return (unsigned)bits_[0]; }
  long to_long() const { return (long)bits_[0]; }
  unsigned long to_ulong() const { return (unsigned long)bits_[0]; }
  long long to_int64() const { return (long long)bits_[0]; }
  unsigned long long to_uint64() const { return bits_[0]; }
  bool to_bool() const { return !lzero(bits_, _AP_N); }
  double to_double() const { return lto_fp<double>(bits_, _AP_N, _AP_S, 0); }
  float to_float() const { return lto_fp<float>(bits_, _AP_N, _AP_S, 0); }
  int length() const { return _AP_W; }

  /// Text in radix 2, 8, 10 or 16 (others fall back to 10). When `sign` is
  /// false the bit pattern is printed as an unsigned W-bit number.
  std::string to_string(int radix = 2, bool sign = _AP_S) const {
    if (radix != 2 && radix != 8 && radix != 16)
      radix = 10;
    limb_buf m(_AP_N + 1);
    lext(m, _AP_N + 1, bits_, _AP_N, _AP_S);
    const bool neg = sign && _AP_S && lneg(bits_, _AP_N);
    if (neg)
      lneg_to(m, m, _AP_N + 1);
    else
      lnorm(m, _AP_N + 1, _AP_W, false);
    std::string d = ldigits(m, _AP_N + 1, radix);
    if (radix != 10 && !neg) {
      const int bpd = bits_per_digit(radix);
      const size_t want = (size_t)((_AP_W + bpd - 1) / bpd);
      if (d.size() < want)
        d.insert(0, want - d.size(), '0');
    }
    return std::string(neg ? "-" : "") + radix_prefix(radix) + d;
  }
  std::string to_string(BaseMode radix, bool sign = _AP_S) const {
    return to_string((int)radix, sign);
  }

  //===--- bit access -----------------------------------------------------===//
  bool get_bit(int i) const {
    check_index(i);
    return lbit(bits_, i);
  }
  void set_bit(int i, bool v) {
    check_index(i);
    lsetbit(bits_, i, v);
    fix();
  }
  bool test(int i) const { return get_bit(i); }
  void set(int i) { set_bit(i, true); }
  void clear(int i) { set_bit(i, false); }
  void invert(int i) { set_bit(i, !get_bit(i)); }
  /// Inverts every bit in place.
  void b_not() {
    for (int i = 0; i < _AP_N; ++i)
      bits_[i] = ~bits_[i];
    fix();
  }

  ap_bit_ref<_AP_W, _AP_S> operator[](int i) { return ap_bit_ref<_AP_W, _AP_S>(this, i); }
  bool operator[](int i) const { return get_bit(i); }
  ap_bit_ref<_AP_W, _AP_S> bit(int i) { return ap_bit_ref<_AP_W, _AP_S>(this, i); }
  bool bit(int i) const { return get_bit(i); }

  ap_range_ref<_AP_W, _AP_S> range(int hi, int lo) {
    return ap_range_ref<_AP_W, _AP_S>(this, hi, lo);
  }
  const ap_range_ref<_AP_W, _AP_S> range(int hi, int lo) const {
    return ap_range_ref<_AP_W, _AP_S>(const_cast<ap_int_base *>(this), hi, lo);
  }
  ap_range_ref<_AP_W, _AP_S> range() { return range(_AP_W - 1, 0); }
  const ap_range_ref<_AP_W, _AP_S> range() const { return range(_AP_W - 1, 0); }
  ap_range_ref<_AP_W, _AP_S> operator()(int hi, int lo) { return range(hi, lo); }
  const ap_range_ref<_AP_W, _AP_S> operator()(int hi, int lo) const { return range(hi, lo); }

  template <int _AP_W2, bool _AP_S2>
  ap_uint<_AP_W + _AP_W2> concat(const ap_int_base<_AP_W2, _AP_S2> &lo) const;

  //===--- reductions and misc --------------------------------------------===//
  bool and_reduce() const {
    limb_t t[_AP_N];
    unsigned_copy(t);
    const int full = _AP_W / 64, rest = _AP_W % 64;
    for (int i = 0; i < full; ++i)
      if (t[i] != ~limb_t(0))
        return false;
    return rest == 0 || t[full] == ((limb_t(1) << rest) - 1);
  }
  bool or_reduce() const { return !lzero(bits_, _AP_N); }
  bool xor_reduce() const {
    limb_t t[_AP_N];
    unsigned_copy(t);
    int p = 0;
    for (int i = 0; i < _AP_N; ++i)
      p ^= __builtin_popcountll(t[i]) & 1;
    return p != 0;
  }
  bool nand_reduce() const { return !and_reduce(); }
  bool nor_reduce() const { return !or_reduce(); }
  bool xnor_reduce() const { return !xor_reduce(); }
  bool iszero() const { return lzero(bits_, _AP_N); }
  bool is_zero() const { return iszero(); }
  /// True when the value is negative (always false for ap_uint).
  bool sign() const { return _AP_S && lneg(bits_, _AP_N); }

  /// Reverses the bit order in place (bit 0 <-> bit W-1) and returns *this.
  ap_int_base &reverse() {
    limb_t t[_AP_N];
    lclear(t, _AP_N);
    for (int i = 0; i < _AP_W; ++i)
      if (lbit(bits_, i))
        lsetbit(t, _AP_W - 1 - i, true);
    for (int i = 0; i < _AP_N; ++i)
      bits_[i] = t[i];
    fix();
    return *this;
  }
  /// Rotates left by n bits (in place).
  void lrotate(int n) {
    n %= _AP_W;
    if (n < 0)
      n += _AP_W;
    if (n == 0)
      return;
    limb_t a[_AP_N], b[_AP_N];
    unsigned_copy(a);
    unsigned_copy(b);
    lshl(a, a, _AP_N, n);
    lshr(b, b, _AP_N, _AP_W - n, false);
    for (int i = 0; i < _AP_N; ++i)
      bits_[i] = a[i] | b[i];
    fix();
  }
  void rrotate(int n) { lrotate(_AP_W - (n % _AP_W)); }
  int countLeadingZeros() const {
    limb_t t[_AP_N];
    unsigned_copy(t);
    return _AP_W - 1 - lmsb(t, _AP_N);
  }

  //===--- internal helpers -------------------------------------------------===//
  void fix() { lnorm(bits_, _AP_N, _AP_W, _AP_S); }
  /// Copy of the W-bit pattern zero-extended to N limbs.
  void unsigned_copy(limb_t *t) const {
    for (int i = 0; i < _AP_N; ++i)
      t[i] = bits_[i];
    lnorm(t, _AP_N, _AP_W, false);
  }
  void inc() {
    laddsmall(bits_, bits_, _AP_N, 1);
    fix();
  }
  void dec() {
    lsubsmall(bits_, bits_, _AP_N, 1);
    fix();
  }

private:
  void check_index(int i) const {
    ALLO_CSIM_CHECK(i >= 0 && i < _AP_W, "ap_int: bit index " + std::to_string(i) +
                                             " out of range for width " + std::to_string(_AP_W));
  }
  template <class _AP_T> void set_native(_AP_T x) {
    constexpr int _AP_TB = (int)sizeof(_AP_T) * 8;
    const bool neg = std::is_signed<_AP_T>::value && x < _AP_T(0);
    for (int i = 0; i < _AP_N; ++i) {
      if (i * 64 >= _AP_TB)
        bits_[i] = neg ? ~limb_t(0) : 0;
      else if constexpr (_AP_TB > 64)
        bits_[i] = (limb_t)(x >> (i * 64));
      else
        bits_[i] = (limb_t)x; // sign-extends signed types
    }
    fix();
  }
};

//===----------------------------------------------------------------------===//
// Bit and range references
//===----------------------------------------------------------------------===//

/// Assignable reference to a single bit of an ap_[u]int.
template <int _AP_W, bool _AP_S> class ap_bit_ref : public ap_proxy_tag {
public:
  static constexpr int width = 1;

  ap_bit_ref(ap_int_base<_AP_W, _AP_S> *p, int i) : p_(p), i_(i) {
    ALLO_CSIM_CHECK(i >= 0 && i < _AP_W, "ap_int: bit index " + std::to_string(i) +
                                             " out of range for width " + std::to_string(_AP_W));
  }
  ap_bit_ref(const ap_bit_ref &) = default;

  bool get() const { return lbit(p_->bits_, i_); }
  operator bool() const { return get(); }
  ap_uint<1> as_uint() const;
  bool to_bool() const { return get(); }
  int to_int() const { return get() ? 1 : 0; }
  int length() const { return 1; }
  std::string to_string() const { return get() ? "1" : "0"; }

  ap_bit_ref &operator=(bool v) {
    lsetbit(p_->bits_, i_, v);
    p_->fix();
    return *this;
  }
  /// Integers and ap values assign their least significant bit.
  template <class _AP_T, typename std::enable_if<std::is_integral<_AP_T>::value, int>::type = 0>
  ap_bit_ref &operator=(_AP_T v) {
    return *this = (bool)(v & 1);
  }
  template <int _AP_W2, bool _AP_S2> ap_bit_ref &operator=(const ap_int_base<_AP_W2, _AP_S2> &v) {
    return *this = (bool)(v.bits_[0] & 1);
  }
  ap_bit_ref &operator=(const ap_bit_ref &o) { return *this = o.get(); }
  template <int _AP_W2, bool _AP_S2> ap_bit_ref &operator=(const ap_bit_ref<_AP_W2, _AP_S2> &o) {
    return *this = o.get();
  }
  ap_bit_ref &operator&=(bool v) { return *this = get() && v; }
  ap_bit_ref &operator|=(bool v) { return *this = get() || v; }
  ap_bit_ref &operator^=(bool v) { return *this = get() != v; }
  bool operator~() const { return !get(); }
  bool operator!() const { return !get(); }

private:
  ap_int_base<_AP_W, _AP_S> *p_;
  int i_;
};

/// Assignable reference to bits [lo, hi] of an ap_[u]int (reversed when
/// lo > hi: bit k of the reference is bit lo-k of the variable).
template <int _AP_W, bool _AP_S> class ap_range_ref : public ap_proxy_tag {
public:
  static constexpr int width = _AP_W;

  ap_range_ref(ap_int_base<_AP_W, _AP_S> *p, int hi, int lo) : p_(p), hi_(hi), lo_(lo) {
    ALLO_CSIM_CHECK(hi >= 0 && hi < _AP_W && lo >= 0 && lo < _AP_W,
                    "ap_int: range(" + std::to_string(hi) + ", " + std::to_string(lo) +
                        ") out of range for width " + std::to_string(_AP_W));
  }
  ap_range_ref(const ap_range_ref &) = default;

  /// Number of bits referenced.
  int length() const { return (hi_ >= lo_ ? hi_ - lo_ : lo_ - hi_) + 1; }

  /// The referenced bits, zero-extended to W bits.
  ap_uint<_AP_W> get() const;
  ap_uint<_AP_W> as_uint() const { return get(); }
  operator unsigned long long() const { return get_u64(); }

  int to_int() const { return (int)get_u64(); }
  unsigned to_uint() const { return (unsigned)get_u64(); }
  long to_long() const { return (long)get_u64(); }
  unsigned long to_ulong() const { return (unsigned long)get_u64(); }
  long long to_int64() const { return (long long)get_u64(); }
  unsigned long long to_uint64() const { return get_u64(); }
  bool to_bool() const { return !get().iszero(); }
  double to_double() const { return get().to_double(); }
  std::string to_string(int radix = 2) const { return get().to_string(radix, false); }
  bool and_reduce() const;
  bool or_reduce() const { return !get().iszero(); }
  bool xor_reduce() const { return get().xor_reduce(); }
  bool nand_reduce() const { return !and_reduce(); }
  bool nor_reduce() const { return !or_reduce(); }
  bool xnor_reduce() const { return !xor_reduce(); }

  /// The value is converted to length() bits (sign-extended when it is a
  /// signed value narrower than the range, zero-extended otherwise).
  template <int _AP_W2, bool _AP_S2> ap_range_ref &operator=(const ap_int_base<_AP_W2, _AP_S2> &v) {
    assign(v.bits_, ap_int_base<_AP_W2, _AP_S2>::_AP_N, _AP_S2);
    return *this;
  }
  template <class _AP_T, typename std::enable_if<std::is_integral<_AP_T>::value, int>::type = 0>
  ap_range_ref &operator=(_AP_T v) {
    const ap_int_base<(int)sizeof(_AP_T) * 8, std::is_signed<_AP_T>::value> t(v);
    return *this = t;
  }
  ap_range_ref &operator=(const char *s) { return *this = ap_int_base<_AP_W, false>(s); }
  ap_range_ref &operator=(const ap_range_ref &o) { return *this = o.get(); }
  template <int _AP_W2, bool _AP_S2>
  ap_range_ref &operator=(const ap_range_ref<_AP_W2, _AP_S2> &o) {
    return *this = o.get();
  }
  template <int _AP_W2, bool _AP_S2> ap_range_ref &operator=(const ap_bit_ref<_AP_W2, _AP_S2> &o) {
    return *this = (unsigned)o.get();
  }

#define ALLO_CSIM_RANGE_COMPOUND(_AP_OP)                                                           \
  template <class _AP_T> ap_range_ref &operator _AP_OP## = (const _AP_T &v) {                      \
    return *this = get() _AP_OP v;                                                                 \
  }
  ALLO_CSIM_RANGE_COMPOUND(+)
  ALLO_CSIM_RANGE_COMPOUND(-)
  ALLO_CSIM_RANGE_COMPOUND(*)
  ALLO_CSIM_RANGE_COMPOUND(/)
  ALLO_CSIM_RANGE_COMPOUND(%)
  ALLO_CSIM_RANGE_COMPOUND(&)
  ALLO_CSIM_RANGE_COMPOUND(|)
  ALLO_CSIM_RANGE_COMPOUND(^)
  ALLO_CSIM_RANGE_COMPOUND(<<)
  ALLO_CSIM_RANGE_COMPOUND(>>)
#undef ALLO_CSIM_RANGE_COMPOUND

private:
  unsigned long long get_u64() const;
  /// Writes the low length() bits of the limbs v[0..vn), extended with the
  /// sign (vsigned) or with zeros.
  void assign(const limb_t *v, int vn, bool vsigned) {
    constexpr int _AP_N = ap_int_base<_AP_W, _AP_S>::_AP_N;
    const int len = length();
    if (hi_ >= lo_) {
      limb_t val[_AP_N], mask[_AP_N];
      lext(val, _AP_N, v, vn, vsigned);
      lshl(val, val, _AP_N, lo_);
      // mask = ones(len) << lo
      for (int i = 0; i < _AP_N; ++i)
        mask[i] = ~limb_t(0);
      lnorm(mask, _AP_N, len, false);
      lshl(mask, mask, _AP_N, lo_);
      for (int i = 0; i < _AP_N; ++i)
        p_->bits_[i] = (p_->bits_[i] & ~mask[i]) | (val[i] & mask[i]);
    } else {
      const bool vneg = vsigned && lneg(v, vn);
      for (int k = 0; k < len; ++k) {
        const bool b = k < 64 * vn ? lbit(v, k) : vneg;
        lsetbit(p_->bits_, lo_ - k, b);
      }
    }
    p_->fix();
  }

  ap_int_base<_AP_W, _AP_S> *p_;
  int hi_, lo_;
};

//===----------------------------------------------------------------------===//
// Operand traits used by the free operators
//===----------------------------------------------------------------------===//

/// Describes an integer operand: `ok` if it can take part in ap_int
/// arithmetic, `is_ap` if it is an ap type or proxy, W/S its width/sign.
template <class _AP_T, class = void> struct int_opnd {
  static constexpr bool ok = false, is_ap = false, _AP_S = false;
  static constexpr int _AP_W = 0;
};
template <class _AP_T>
struct int_opnd<_AP_T, typename std::enable_if<std::is_integral<_AP_T>::value>::type> {
  static constexpr bool ok = true, is_ap = false;
  static constexpr int _AP_W = std::is_same<_AP_T, bool>::value ? 1 : (int)sizeof(_AP_T) * 8;
  static constexpr bool _AP_S = std::is_signed<_AP_T>::value;
};
template <class _AP_T>
struct int_opnd<_AP_T, typename std::enable_if<is_unscoped_enum<_AP_T>::value>::type> {
  static constexpr bool ok = true, is_ap = false;
  static constexpr int _AP_W = (int)sizeof(_AP_T) * 8;
  static constexpr bool _AP_S = std::is_signed<typename std::underlying_type<_AP_T>::type>::value;
};
template <class _AP_T>
struct int_opnd<_AP_T, typename std::enable_if<std::is_base_of<ap_int_tag, _AP_T>::value>::type> {
  static constexpr bool ok = true, is_ap = true;
  static constexpr int _AP_W = _AP_T::width;
  static constexpr bool _AP_S = _AP_T::sign_flag;
};
template <class _AP_T>
struct int_opnd<_AP_T, typename std::enable_if<std::is_base_of<ap_proxy_tag, _AP_T>::value>::type> {
  static constexpr bool ok = true, is_ap = true;
  static constexpr int _AP_W = _AP_T::width;
  static constexpr bool _AP_S = false;
};

template <class _AP_A, class _AP_B> struct int_binop_ok {
  static constexpr bool value = int_opnd<_AP_A>::ok && int_opnd<_AP_B>::ok &&
                                (int_opnd<_AP_A>::is_ap || int_opnd<_AP_B>::is_ap);
};

template <int _AP_W, bool _AP_S>
inline const ap_int_base<_AP_W, _AP_S> &as_ap(const ap_int_base<_AP_W, _AP_S> &x) {
  return x;
}
template <class _AP_T,
          typename std::enable_if<std::is_integral<_AP_T>::value || is_unscoped_enum<_AP_T>::value,
                                  int>::type = 0>
inline ap_int_base<int_opnd<_AP_T>::_AP_W, int_opnd<_AP_T>::_AP_S> as_ap(_AP_T x) {
  return ap_int_base<int_opnd<_AP_T>::_AP_W, int_opnd<_AP_T>::_AP_S>(x);
}
template <class _AP_P,
          typename std::enable_if<std::is_base_of<ap_proxy_tag, _AP_P>::value, int>::type = 0>
inline auto as_ap(const _AP_P &p) {
  return p.as_uint();
}

} // namespace allo_csim_detail

//===----------------------------------------------------------------------===//
// ap_int<W> and ap_uint<W>
//===----------------------------------------------------------------------===//

// Compound assignments, increments: these return the derived type.
#define ALLO_CSIM_AP_INT_MEMBERS(_AP_Cls)                                                          \
  template <class _AP_T> _AP_Cls &operator+=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this + v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator-=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this - v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator*=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this * v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator/=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this / v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator%=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this % v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator&=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this & v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator|=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this | v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator^=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this ^ v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator<<=(const _AP_T &v) {                                    \
    return *this = _AP_Cls(*this << v);                                                            \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator>>=(const _AP_T &v) {                                    \
    return *this = _AP_Cls(*this >> v);                                                            \
  }                                                                                                \
  _AP_Cls &operator++() {                                                                          \
    this->inc();                                                                                   \
    return *this;                                                                                  \
  }                                                                                                \
  _AP_Cls &operator--() {                                                                          \
    this->dec();                                                                                   \
    return *this;                                                                                  \
  }                                                                                                \
  _AP_Cls operator++(int) {                                                                        \
    _AP_Cls t(*this);                                                                              \
    this->inc();                                                                                   \
    return t;                                                                                      \
  }                                                                                                \
  _AP_Cls operator--(int) {                                                                        \
    _AP_Cls t(*this);                                                                              \
    this->dec();                                                                                   \
    return t;                                                                                      \
  }

/// Signed W-bit integer.
template <int _AP_W> class ap_int : public allo_csim_detail::ap_int_base<_AP_W, true> {
  using _AP_Base = allo_csim_detail::ap_int_base<_AP_W, true>;

public:
  using _AP_Base::_AP_Base;
  ap_int() = default;
  ap_int(const ap_int &) = default;
  // Not inherited for W2 == W (an inherited constructor taking the base
  // class itself is excluded), so it is spelled out here.
  template <int _AP_W2, bool _AP_S2>
  ap_int(const allo_csim_detail::ap_int_base<_AP_W2, _AP_S2> &o) : _AP_Base(o) {}
  ap_int &operator=(const ap_int &) = default;
  ALLO_CSIM_AP_INT_MEMBERS(ap_int)
};

/// Unsigned W-bit integer.
template <int _AP_W> class ap_uint : public allo_csim_detail::ap_int_base<_AP_W, false> {
  using _AP_Base = allo_csim_detail::ap_int_base<_AP_W, false>;

public:
  using _AP_Base::_AP_Base;
  ap_uint() = default;
  ap_uint(const ap_uint &) = default;
  // Not inherited for W2 == W (an inherited constructor taking the base
  // class itself is excluded), so it is spelled out here.
  template <int _AP_W2, bool _AP_S2>
  ap_uint(const allo_csim_detail::ap_int_base<_AP_W2, _AP_S2> &o) : _AP_Base(o) {}
  ap_uint &operator=(const ap_uint &) = default;
  ALLO_CSIM_AP_INT_MEMBERS(ap_uint)
};

#undef ALLO_CSIM_AP_INT_MEMBERS

using allo_csim_detail::ap_bit_ref;
using allo_csim_detail::ap_int_base;
using allo_csim_detail::ap_range_ref;

namespace allo_csim_detail {

//===----------------------------------------------------------------------===//
// Out-of-line members that need ap_uint to be complete
//===----------------------------------------------------------------------===//

template <int _AP_W, bool _AP_S> inline ap_uint<1> ap_bit_ref<_AP_W, _AP_S>::as_uint() const {
  return ap_uint<1>(get() ? 1u : 0u);
}

template <int _AP_W, bool _AP_S> inline ap_uint<_AP_W> ap_range_ref<_AP_W, _AP_S>::get() const {
  constexpr int _AP_N = ap_int_base<_AP_W, _AP_S>::_AP_N;
  ap_uint<_AP_W> r;
  const int len = length();
  if (hi_ >= lo_) {
    limb_t t[_AP_N];
    p_->unsigned_copy(t);
    lshr(t, t, _AP_N, lo_, false);
    lnorm(t, _AP_N, len, false);
    for (int i = 0; i < _AP_N; ++i)
      r.bits_[i] = t[i];
  } else {
    for (int k = 0; k < len; ++k)
      if (lbit(p_->bits_, lo_ - k))
        lsetbit(r.bits_, k, true);
  }
  return r;
}

template <int _AP_W, bool _AP_S>
inline unsigned long long ap_range_ref<_AP_W, _AP_S>::get_u64() const {
  if (hi_ >= lo_ && hi_ - lo_ < 64) {
    const int len = hi_ - lo_ + 1;
    limb_t v = lextract64(p_->bits_, ap_int_base<_AP_W, _AP_S>::_AP_N, lo_);
    if (len < 64)
      v &= (limb_t(1) << len) - 1;
    return v;
  }
  return get().to_uint64();
}

template <int _AP_W, bool _AP_S> inline bool ap_range_ref<_AP_W, _AP_S>::and_reduce() const {
  const int len = length();
  const ap_uint<_AP_W> v = get();
  for (int k = 0; k < len; ++k)
    if (!lbit(v.bits_, k))
      return false;
  return true;
}

template <int _AP_W, bool _AP_S>
template <int _AP_W2, bool _AP_S2>
inline ap_int_base<_AP_W, _AP_S>::ap_int_base(const ap_range_ref<_AP_W2, _AP_S2> &r)
    : ap_int_base(r.get()) {}

/// Concatenation value: hi in the upper W1 bits, lo in the lower W2 bits.
template <int _AP_W1, bool _AP_S1, int _AP_W2, bool _AP_S2>
inline ap_uint<_AP_W1 + _AP_W2> concat_value(const ap_int_base<_AP_W1, _AP_S1> &hi,
                                             const ap_int_base<_AP_W2, _AP_S2> &lo) {
  constexpr int _AP_RN = limbs_for(_AP_W1 + _AP_W2);
  ap_uint<_AP_W1 + _AP_W2> r;
  limb_t h[_AP_RN], l[_AP_RN];
  lext(h, _AP_RN, hi.bits_, ap_int_base<_AP_W1, _AP_S1>::_AP_N, _AP_S1);
  lnorm(h, _AP_RN, _AP_W1, false);
  lshl(h, h, _AP_RN, _AP_W2);
  lext(l, _AP_RN, lo.bits_, ap_int_base<_AP_W2, _AP_S2>::_AP_N, _AP_S2);
  lnorm(l, _AP_RN, _AP_W2, false);
  for (int i = 0; i < _AP_RN; ++i)
    r.bits_[i] = h[i] | l[i];
  return r;
}

template <int _AP_W, bool _AP_S>
template <int _AP_W2, bool _AP_S2>
inline ap_uint<_AP_W + _AP_W2>
ap_int_base<_AP_W, _AP_S>::concat(const ap_int_base<_AP_W2, _AP_S2> &lo) const {
  return concat_value(*this, lo);
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

enum class opk { add, sub, mul, div, mod, band, bor, bxor };

template <opk _AP_K, int _AP_W1, bool _AP_S1, int _AP_W2, bool _AP_S2> struct arith_result {
  static constexpr int ext1 = _AP_W1 + ((_AP_S2 && !_AP_S1) ? 1 : 0);
  static constexpr int ext2 = _AP_W2 + ((_AP_S1 && !_AP_S2) ? 1 : 0);
  static constexpr int _AP_W = (_AP_K == opk::add || _AP_K == opk::sub) ? imax(ext1, ext2) + 1
                               : _AP_K == opk::mul                      ? _AP_W1 + _AP_W2
                               : _AP_K == opk::div                      ? _AP_W1 + (_AP_S2 ? 1 : 0)
                               : _AP_K == opk::mod                      ? imin(_AP_W1, ext2)
                                                                        : imax(ext1, ext2);
  static constexpr bool _AP_S = _AP_K == opk::sub   ? true
                                : _AP_K == opk::mod ? _AP_S1
                                                    : (_AP_S1 || _AP_S2);
  using type = ap_t<_AP_W, _AP_S>;
};

template <opk _AP_K, int _AP_W1, bool _AP_S1, int _AP_W2, bool _AP_S2>
inline typename arith_result<_AP_K, _AP_W1, _AP_S1, _AP_W2, _AP_S2>::type
arith(const ap_int_base<_AP_W1, _AP_S1> &a, const ap_int_base<_AP_W2, _AP_S2> &b) {
  using _AP_R = arith_result<_AP_K, _AP_W1, _AP_S1, _AP_W2, _AP_S2>;
  constexpr int _AP_N1 = ap_int_base<_AP_W1, _AP_S1>::_AP_N,
                _AP_N2 = ap_int_base<_AP_W2, _AP_S2>::_AP_N;
  constexpr int _AP_RN = limbs_for(_AP_R::_AP_W);
  typename _AP_R::type r;
  if constexpr (_AP_K == opk::div || _AP_K == opk::mod) {
    constexpr int _AP_KN = limbs_for(imax(_AP_W1, _AP_W2) + 1);
    limb_t x[_AP_KN], y[_AP_KN], q[_AP_KN], m[_AP_KN];
    lext(x, _AP_KN, a.bits_, _AP_N1, _AP_S1);
    lext(y, _AP_KN, b.bits_, _AP_N2, _AP_S2);
    lsdivmod(q, m, x, y, _AP_KN);
    lext(r.bits_, _AP_RN, _AP_K == opk::div ? q : m, _AP_KN, true);
  } else {
    limb_t x[_AP_RN], y[_AP_RN];
    lext(x, _AP_RN, a.bits_, _AP_N1, _AP_S1);
    lext(y, _AP_RN, b.bits_, _AP_N2, _AP_S2);
    if constexpr (_AP_K == opk::add)
      ladd(r.bits_, x, y, _AP_RN);
    else if constexpr (_AP_K == opk::sub)
      lsub(r.bits_, x, y, _AP_RN);
    else if constexpr (_AP_K == opk::mul)
      lmul(r.bits_, _AP_RN, x, _AP_RN, y, _AP_RN);
    else
      for (int i = 0; i < _AP_RN; ++i)
        r.bits_[i] = _AP_K == opk::band  ? (x[i] & y[i])
                     : _AP_K == opk::bor ? (x[i] | y[i])
                                         : (x[i] ^ y[i]);
  }
  r.fix();
  return r;
}

#define ALLO_CSIM_INT_BINOP(_AP_OP, _AP_KIND)                                                      \
  template <class _AP_A, class _AP_B,                                                              \
            typename std::enable_if<int_binop_ok<_AP_A, _AP_B>::value, int>::type = 0>             \
  inline auto operator _AP_OP(const _AP_A &a, const _AP_B &b) {                                    \
    return arith<opk::_AP_KIND, int_opnd<_AP_A>::_AP_W, int_opnd<_AP_A>::_AP_S,                    \
                 int_opnd<_AP_B>::_AP_W, int_opnd<_AP_B>::_AP_S>(as_ap(a), as_ap(b));              \
  }
ALLO_CSIM_INT_BINOP(+, add)
ALLO_CSIM_INT_BINOP(-, sub)
ALLO_CSIM_INT_BINOP(*, mul)
ALLO_CSIM_INT_BINOP(/, div)
ALLO_CSIM_INT_BINOP(%, mod)
ALLO_CSIM_INT_BINOP(&, band)
ALLO_CSIM_INT_BINOP(|, bor)
ALLO_CSIM_INT_BINOP(^, bxor)
#undef ALLO_CSIM_INT_BINOP

/// Three-way comparison of the exact mathematical values.
template <int _AP_W1, bool _AP_S1, int _AP_W2, bool _AP_S2>
inline int compare(const ap_int_base<_AP_W1, _AP_S1> &a, const ap_int_base<_AP_W2, _AP_S2> &b) {
  if constexpr (_AP_W1 == _AP_W2 && _AP_S1 == _AP_S2) {
    return _AP_S1 ? lcmps(a.bits_, b.bits_, ap_int_base<_AP_W1, _AP_S1>::_AP_N)
                  : lcmpu(a.bits_, b.bits_, ap_int_base<_AP_W1, _AP_S1>::_AP_N);
  } else {
    constexpr int _AP_KN = limbs_for(imax(_AP_W1, _AP_W2) + 1);
    limb_t x[_AP_KN], y[_AP_KN];
    lext(x, _AP_KN, a.bits_, ap_int_base<_AP_W1, _AP_S1>::_AP_N, _AP_S1);
    lext(y, _AP_KN, b.bits_, ap_int_base<_AP_W2, _AP_S2>::_AP_N, _AP_S2);
    return lcmps(x, y, _AP_KN);
  }
}

#define ALLO_CSIM_INT_CMP(_AP_OP)                                                                  \
  template <class _AP_A, class _AP_B,                                                              \
            typename std::enable_if<int_binop_ok<_AP_A, _AP_B>::value, int>::type = 0>             \
  inline bool operator _AP_OP(const _AP_A &a, const _AP_B &b) {                                    \
    return compare(as_ap(a), as_ap(b)) _AP_OP 0;                                                   \
  }
ALLO_CSIM_INT_CMP(==)
ALLO_CSIM_INT_CMP(!=)
ALLO_CSIM_INT_CMP(<)
ALLO_CSIM_INT_CMP(<=)
ALLO_CSIM_INT_CMP(>)
ALLO_CSIM_INT_CMP(>=)
#undef ALLO_CSIM_INT_CMP

//===--- shifts -------------------------------------------------------------===//

/// Shift count clamped to [-2^30, 2^30].
template <int _AP_W, bool _AP_S> inline long long shift_count(const ap_int_base<_AP_W, _AP_S> &n) {
  constexpr long long kMax = 1LL << 30;
  if constexpr (_AP_W <= 62) {
    return (long long)n.bits_[0]; // sign-extended or small positive
  } else {
    const ap_int_base<32, true> lim(kMax), nlim(-kMax);
    if (compare(n, lim) > 0)
      return kMax;
    if (compare(n, nlim) < 0)
      return -kMax;
    return (long long)n.bits_[0];
  }
}

template <int _AP_W, bool _AP_S>
inline ap_t<_AP_W, _AP_S> shift_left(const ap_int_base<_AP_W, _AP_S> &a, long long sh);

template <int _AP_W, bool _AP_S>
inline ap_t<_AP_W, _AP_S> shift_right(const ap_int_base<_AP_W, _AP_S> &a, long long sh) {
  if (sh < 0)
    return shift_left(a, -sh);
  ap_t<_AP_W, _AP_S> r(a);
  lshr(r.bits_, r.bits_, ap_int_base<_AP_W, _AP_S>::_AP_N, sh, _AP_S);
  r.fix();
  return r;
}

template <int _AP_W, bool _AP_S>
inline ap_t<_AP_W, _AP_S> shift_left(const ap_int_base<_AP_W, _AP_S> &a, long long sh) {
  if (sh < 0)
    return shift_right(a, -sh);
  ap_t<_AP_W, _AP_S> r(a);
  lshl(r.bits_, r.bits_, ap_int_base<_AP_W, _AP_S>::_AP_N, sh);
  r.fix();
  return r;
}

template <class _AP_A, class _AP_B,
          typename std::enable_if<int_opnd<_AP_A>::is_ap && int_opnd<_AP_B>::ok, int>::type = 0>
inline ap_t<int_opnd<_AP_A>::_AP_W, int_opnd<_AP_A>::_AP_S> operator<<(const _AP_A &a,
                                                                       const _AP_B &n) {
  return shift_left(as_ap(a), shift_count(as_ap(n)));
}
template <class _AP_A, class _AP_B,
          typename std::enable_if<int_opnd<_AP_A>::is_ap && int_opnd<_AP_B>::ok, int>::type = 0>
inline ap_t<int_opnd<_AP_A>::_AP_W, int_opnd<_AP_A>::_AP_S> operator>>(const _AP_A &a,
                                                                       const _AP_B &n) {
  return shift_right(as_ap(a), shift_count(as_ap(n)));
}

//===--- unary operators ----------------------------------------------------===//

template <class _AP_A, typename std::enable_if<int_opnd<_AP_A>::is_ap, int>::type = 0>
inline ap_int<int_opnd<_AP_A>::_AP_W + 1> operator-(const _AP_A &a) {
  ap_int<int_opnd<_AP_A>::_AP_W + 1> r(as_ap(a));
  lneg_to(r.bits_, r.bits_, ap_int<int_opnd<_AP_A>::_AP_W + 1>::_AP_N);
  r.fix();
  return r;
}
template <class _AP_A, typename std::enable_if<int_opnd<_AP_A>::is_ap, int>::type = 0>
inline ap_t<int_opnd<_AP_A>::_AP_W, int_opnd<_AP_A>::_AP_S> operator+(const _AP_A &a) {
  return as_ap(a);
}
template <class _AP_A, typename std::enable_if<int_opnd<_AP_A>::is_ap, int>::type = 0>
inline ap_t<int_opnd<_AP_A>::_AP_W, int_opnd<_AP_A>::_AP_S> operator~(const _AP_A &a) {
  ap_t<int_opnd<_AP_A>::_AP_W, int_opnd<_AP_A>::_AP_S> r(as_ap(a));
  r.b_not();
  return r;
}
template <class _AP_A, typename std::enable_if<int_opnd<_AP_A>::is_ap, int>::type = 0>
inline bool operator!(const _AP_A &a) {
  return as_ap(a).iszero();
}

//===----------------------------------------------------------------------===//
// Concatenation
//===----------------------------------------------------------------------===//

template <class _AP_L, class _AP_R> class ap_concat_ref;

template <class _AP_T> struct is_concat_ref : std::false_type {};
template <class _AP_L, class _AP_R>
struct is_concat_ref<ap_concat_ref<_AP_L, _AP_R>> : std::true_type {};

/// Assignable concatenation of two writable parts (variables or proxies).
/// It also carries the concatenated value, so it can be used as an
/// ap_uint<WL + WR> in expressions.
template <class _AP_L, class _AP_R>
class ap_concat_ref : public ap_uint<_AP_L::width + _AP_R::width> {
public:
  static constexpr int _AP_WL = _AP_L::width, _AP_WR = _AP_R::width;
  using value_type = ap_uint<_AP_WL + _AP_WR>;

  ap_concat_ref(const _AP_L &l, const _AP_R &r)
      : value_type(concat_value(as_ap(l), as_ap(r))), l_(l), r_(r) {}
  ap_concat_ref(const ap_concat_ref &) = default;

  ap_concat_ref &operator=(const ap_concat_ref &o) {
    return write(static_cast<const value_type &>(o));
  }
  template <class _AP_T> ap_concat_ref &operator=(const _AP_T &v) { return write(value_type(v)); }
  const value_type &get() const { return *this; }

private:
  ap_concat_ref &write(const value_type &v) {
    static_cast<value_type &>(*this) = v;
    l_ = ap_uint<_AP_WL>(shift_right(v, _AP_WR));
    r_ = ap_uint<_AP_WR>(v);
    return *this;
  }
  _AP_L l_;
  _AP_R r_;
};

template <class _AP_A> struct concat_part {
  using _AP_D = typename std::decay<_AP_A>::type;
  static constexpr bool is_proxy =
      std::is_base_of<ap_proxy_tag, _AP_D>::value || is_concat_ref<_AP_D>::value;
  static constexpr bool is_ap = std::is_base_of<ap_int_tag, _AP_D>::value;
  static constexpr bool is_native = std::is_integral<_AP_D>::value;
  static constexpr bool ok = is_proxy || is_ap;
  static constexpr bool writable =
      is_proxy || (is_ap && std::is_lvalue_reference<_AP_A>::value &&
                   !std::is_const<typename std::remove_reference<_AP_A>::type>::value);
};

template <class _AP_A, class _AP_D = typename std::decay<_AP_A>::type>
using concat_writer_t =
    typename std::conditional<concat_part<_AP_A>::is_proxy, _AP_D,
                              ap_range_ref<int_opnd<_AP_D>::_AP_W, int_opnd<_AP_D>::_AP_S>>::type;

template <class _AP_A> inline auto make_concat_writer(_AP_A &&a) {
  using _AP_D = typename std::decay<_AP_A>::type;
  if constexpr (concat_part<_AP_A>::is_proxy)
    return _AP_D(a);
  else
    return ap_range_ref<_AP_D::width, _AP_D::sign_flag>(&a, _AP_D::width - 1, 0);
}

/// Concatenation; a native integer operand (next to an ap operand) counts
/// with the full width of its type, e.g. (ap_uint<4>, int) is 36 bits.
template <class _AP_A, class _AP_B,
          typename std::enable_if<(concat_part<_AP_A>::ok || concat_part<_AP_A>::is_native) &&
                                      (concat_part<_AP_B>::ok || concat_part<_AP_B>::is_native) &&
                                      (concat_part<_AP_A>::ok || concat_part<_AP_B>::ok),
                                  int>::type = 0>
inline auto operator,(_AP_A &&a, _AP_B &&b) {
  if constexpr (concat_part<_AP_A>::writable && concat_part<_AP_B>::writable) {
    return ap_concat_ref<concat_writer_t<_AP_A>, concat_writer_t<_AP_B>>(
        make_concat_writer(std::forward<_AP_A>(a)), make_concat_writer(std::forward<_AP_B>(b)));
  } else {
    return concat_value(as_ap(a), as_ap(b));
  }
}

//===----------------------------------------------------------------------===//
// Stream I/O
//===----------------------------------------------------------------------===//

template <int _AP_W, bool _AP_S>
inline std::ostream &operator<<(std::ostream &os, const ap_int_base<_AP_W, _AP_S> &x) {
  const auto base = os.flags() & std::ios_base::basefield;
  if (base == std::ios_base::hex || base == std::ios_base::oct) {
    const int radix = base == std::ios_base::hex ? 16 : 8;
    limb_t m[ap_int_base<_AP_W, _AP_S>::_AP_N];
    x.unsigned_copy(m);
    std::string d = ldigits(m, ap_int_base<_AP_W, _AP_S>::_AP_N, radix);
    if (os.flags() & std::ios_base::showbase)
      d = (radix == 16 ? "0x" : "0") + d;
    return os << d;
  }
  return os << x.to_string(10);
}
template <int _AP_W, bool _AP_S>
inline std::ostream &operator<<(std::ostream &os, const ap_range_ref<_AP_W, _AP_S> &r) {
  return os << r.get();
}
template <int _AP_W, bool _AP_S>
inline std::ostream &operator<<(std::ostream &os, const ap_bit_ref<_AP_W, _AP_S> &b) {
  return os << (b.get() ? '1' : '0');
}
template <int _AP_W, bool _AP_S>
inline std::istream &operator>>(std::istream &is, ap_int_base<_AP_W, _AP_S> &x) {
  std::string s;
  if (is >> s)
    x = ap_int_base<_AP_W, _AP_S>(s.c_str());
  return is;
}

} // namespace allo_csim_detail

#undef ALLO_CSIM_CHECK

#endif // ALLO_CSIM_AP_INT_H
