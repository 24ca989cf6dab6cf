//===- ap_fixed.h - C-simulation model of arbitrary precision fixed point -===//
//
// Part of Allo C++. Clean-room implementation written from the public
// description of the AMD Vitis HLS fixed-point types (UG1399, "Arbitrary
// Precision Fixed-Point Data Types"). No vendor source was used.
//
//===----------------------------------------------------------------------===//
//
// `ap_fixed<W, I, Q = AP_TRN, O = AP_WRAP, N = 0>` (signed) and
// `ap_ufixed<W, I, Q, O, N>` (unsigned) hold a W-bit two's complement raw
// integer V; the represented value is V * 2^-(W - I). I may be negative or
// larger than W.
//
// Implemented:
//  * conversion (construction/assignment) from double, float, long double,
//    every integer type, ap_[u]int, bit/range references, other ap_[u]fixed
//    and strings ("1.25", "-0.1", "3e-2", "0x1.8", "0b1.01"; or
//    `ap_fixed<W, I>(str, radix)`). The exact
//    source value is quantized with the destination's Q mode and then the
//    destination's O mode is applied:
//      AP_TRN        floor                 AP_TRN_ZERO     toward zero
//      AP_RND        ties toward +inf      AP_RND_ZERO     ties toward zero
//      AP_RND_MIN_INF ties toward -inf     AP_RND_INF      ties away from 0
//      AP_RND_CONV   ties to even
//      AP_WRAP (N=0) keep the low W bits   AP_SAT          clamp to min/max
//      AP_SAT_ZERO   0 on overflow         AP_SAT_SYM      clamp to +/-max
//      (unsigned: AP_SAT_SYM == AP_SAT)
//    All quantization modes are exact (decided from the exact discarded
//    bits). Best effort: AP_WRAP with N > 0 follows the SystemC rule (on
//    overflow the sign bit gets the sign of the source and the next N-1
//    bits its inverse; unsigned: the N MSBs become 1 on positive and 0 on
//    negative overflow); AP_WRAP_SM with N == 0 inverts the wrapped bits when
//    bit W of the quantized value differs from bit W-1, which reproduces the
//    examples in UG1399; AP_WRAP_SM ignores N and acts as AP_WRAP on
//    unsigned types. Infinities saturate/wrap like a huge value, NaN is 0.
//  * full precision arithmetic, results are ap_[u]fixed with AP_TRN/AP_WRAP:
//      +, - : F = max(F1, F2), I = max(I1 + (S2&&!S1), I2 + (S1&&!S2)) + 1
//             (always signed for -)
//      *    : W = W1 + W2, I = I1 + I2
//      /    : W = W1 + max(F2, 0) + S2, I = I1 + F2 + S2 (quotient truncated
//             toward zero to F1 + max(F2,0) - F2 fractional bits)
//      & | ^: operands aligned like +, result width as for ap_int
//    with Fk = Wk - Ik. ap_[u]int<W> operands act as ap_[u]fixed<W, W>,
//    native integers as ap_[u]fixed<bits, bits>. Operations with float or
//    double go through the implicit conversion to double (result double).
//  * comparisons (exact), unary - (ap_fixed<W+1, I+1>), ~, !, shifts << >>
//    (same type, raw bits shifted, >> arithmetic for signed, no
//    quantization or overflow handling), compound assignments (quantize +
//    overflow to the left-hand type), ++/--;
//  * to_double/to_float (correctly rounded), to_int/to_uint/to_long/
//    to_ulong/to_int64/to_uint64 (truncation toward zero like a C cast, then
//    wrap), to_ap_int(), implicit conversion to double, to_string(radix=10)
//    (exact decimal expansion), range()/operator()/operator[] on the raw
//    bits, setBits/bits_to_uint64, length(), is_neg(), iszero().
//  * std::ostream << prints to_double() (honouring the stream's precision
//    and format flags); std::istream >> parses a string.
//
// Known deviations: see above for the best-effort overflow modes; default
// constructed values are 0; division by zero yields 0; printing goes
// through double (so values wider than 53 significant bits are rounded:
// use to_string() for the exact value).
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_CSIM_AP_FIXED_H
#define ALLO_CSIM_AP_FIXED_H

#include "ap_int.h"

#include <string>
#include <vector>

template <int _AP_W, int _AP_I, ap_q_mode _AP_Q = AP_TRN, ap_o_mode _AP_O = AP_WRAP, int _AP_N = 0>
class ap_fixed;
template <int _AP_W, int _AP_I, ap_q_mode _AP_Q = AP_TRN, ap_o_mode _AP_O = AP_WRAP, int _AP_N = 0>
class ap_ufixed;

namespace allo_csim_detail {

//===----------------------------------------------------------------------===//
// Runtime quantization and overflow handling
//===----------------------------------------------------------------------===//

/// True when any bit in [0, lim) of the sign-extended value src is set.
inline bool any_bits_below(const limb_t *src, int sn, bool neg, long long lim) {
  if (lim <= 0)
    return false;
  if (lim > 64LL * sn)
    return neg || !lzero(src, sn);
  const int full = (int)(lim / 64), rest = (int)(lim % 64);
  for (int i = 0; i < full; ++i)
    if (src[i])
      return true;
  return rest && (src[full] & ((limb_t(1) << rest) - 1)) != 0;
}

/// Fills dst (n limbs) with the largest W-bit value of the given signedness.
inline void fx_set_max(limb_t *dst, int n, int _AP_W, bool _AP_S) {
  for (int i = 0; i < n; ++i)
    dst[i] = ~limb_t(0);
  if (_AP_S && _AP_W == 1)
    lclear(dst, n);
  else
    lnorm(dst, n, _AP_S ? _AP_W - 1 : _AP_W, false);
}

/// Fills dst (n limbs) with the smallest W-bit value of the signedness.
inline void fx_set_min(limb_t *dst, int n, int _AP_W, bool _AP_S) {
  lclear(dst, n);
  if (_AP_S) {
    lsetbit(dst, _AP_W - 1, true);
    lnorm(dst, n, _AP_W, true);
  }
}

/// Converts an exact value to the raw bits of a fixed-point type.
///
/// The source value is `floor(value * 2^fsrc) = src` (sn limbs, two's
/// complement if src_signed, otherwise unsigned) and `sticky` says that the
/// value is strictly larger than src * 2^-fsrc (by less than 2^-fsrc).
/// The result (dn limbs, normalized to W bits / signedness S) is the value
/// quantized to W - I fractional bits with mode Q, then fitted into W bits
/// with overflow mode O and NSAT saturation bits.
/// Rounding decision shared by both conversion paths: should the floor
/// value q be incremented? `half` is the first discarded bit, `rest` tells
/// whether any later discarded bit (or the sticky input) is set.
inline bool fx_round_up(ap_q_mode _AP_Q, bool neg, bool half, bool rest, bool q_odd) {
  switch (_AP_Q) {
  case AP_TRN: return false;
  case AP_TRN_ZERO: return neg && (half || rest);
  case AP_RND: return half;
  case AP_RND_ZERO: return half && (rest || neg);
  case AP_RND_MIN_INF: return half && rest;
  case AP_RND_INF: return half && (rest || !neg);
  case AP_RND_CONV: return half && (rest || q_odd);
  }
  return false;
}

/// Fast path of fx_convert for one-limb sources and W <= 64 (the common
/// case), computed with __int128. Returns false when not applicable.
inline bool fx_convert_small(limb_t *dst, int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q,
                             ap_o_mode _AP_O, int _AP_NSAT, const limb_t *src, int sn,
                             bool src_signed, long long fsrc, bool sticky) {
  const long long d = fsrc - ((long long)_AP_W - _AP_I);
  if (sn != 1 || _AP_W > 64 || d >= 64 || d <= -62 || _AP_NSAT != 0 || _AP_O == AP_WRAP_SM)
    return false;
  const i128_t v = src_signed ? (i128_t)(std::int64_t)src[0] : (i128_t)src[0];
  const bool neg = v < 0;
  i128_t q = v;
  bool half = false, rest = sticky;
  if (d > 0) {
    const u128_t frac = (u128_t)v & ((u128_t(1) << d) - 1);
    half = (frac >> (d - 1)) & 1;
    rest = rest || (frac & ((u128_t(1) << (d - 1)) - 1)) != 0;
    q = v >> d; // arithmetic: floor
  } else if (d < 0) {
    q = v * ((i128_t)1 << -d);
  }
  if (fx_round_up(_AP_Q, neg, half, rest, (q & 1) != 0))
    q += 1;
  const i128_t lo = _AP_S ? -((i128_t)1 << (_AP_W - 1)) : 0;
  const i128_t hi = _AP_S ? ((i128_t)1 << (_AP_W - 1)) - 1 : ((i128_t)1 << _AP_W) - 1;
  if (q < lo || q > hi) {
    switch (_AP_O) {
    case AP_SAT: q = q < lo ? lo : hi; break;
    case AP_SAT_ZERO: q = 0; break;
    case AP_SAT_SYM: q = q > hi ? hi : (_AP_S ? -hi : 0); break;
    default: // AP_WRAP: the low W bits, normalized below
      break;
    }
  }
  dst[0] = (limb_t)q;
  lnorm(dst, 1, _AP_W, _AP_S);
  return true;
}

inline void fx_convert(limb_t *dst, int dn, int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q,
                       ap_o_mode _AP_O, int _AP_NSAT, const limb_t *src, int sn, bool src_signed,
                       long long fsrc, bool sticky) {
  if (fx_convert_small(dst, _AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_NSAT, src, sn, src_signed, fsrc,
                       sticky))
    return;
  const long long _AP_F = (long long)_AP_W - _AP_I;
  const long long d = fsrc - _AP_F; // > 0: bits to drop, < 0: bits to append
  const bool neg = src_signed && lneg(src, sn);
  const int extra = d < 0 ? (int)((-d + 63) / 64) : 0;
  const int wn = imax(sn + extra, limbs_for(_AP_W)) + 2;
  limb_buf q(wn);
  lext(q, wn, src, sn, src_signed);

  bool half = false, rest = sticky;
  if (d > 0) {
    half = (d - 1) < 64LL * sn ? lbit(src, (int)(d - 1)) : neg;
    rest = rest || any_bits_below(src, sn, neg, d - 1);
    lshr(q, q, wn, d, true);
  } else if (d < 0) {
    lshl(q, q, wn, -d);
  }

  if (fx_round_up(_AP_Q, neg, half, rest, (q[0] & 1) != 0))
    laddsmall(q, q, wn, 1);

  // Overflow: does the quantized value fit in W bits?
  limb_buf t(wn);
  lext(t, wn, q, wn, true);
  lnorm(t, wn, _AP_W, _AP_S);
  const bool fits = lcmpu(t, q, wn) == 0;
  if (!fits) {
    const bool qneg = lneg(q, wn);
    switch (_AP_O) {
    case AP_SAT:
      if (qneg)
        fx_set_min(t, wn, _AP_W, _AP_S);
      else
        fx_set_max(t, wn, _AP_W, _AP_S);
      break;
    case AP_SAT_ZERO: lclear(t, wn); break;
    case AP_SAT_SYM:
      if (!qneg)
        fx_set_max(t, wn, _AP_W, _AP_S);
      else if (!_AP_S)
        lclear(t, wn);
      else {
        fx_set_max(t, wn, _AP_W, _AP_S);
        lneg_to(t, t, wn);
      }
      break;
    case AP_WRAP:
      // t already holds the low W bits.
      if (_AP_NSAT > 0) {
        const int nb = imin(_AP_NSAT, _AP_W);
        if (_AP_S) {
          lsetbit(t, _AP_W - 1, qneg);
          for (int k = 1; k < nb; ++k)
            lsetbit(t, _AP_W - 1 - k, !qneg);
        } else {
          for (int k = 0; k < nb; ++k)
            lsetbit(t, _AP_W - 1 - k, !qneg);
        }
        lnorm(t, wn, _AP_W, _AP_S);
      }
      break;
    case AP_WRAP_SM:
      if (_AP_S && _AP_W < 64 * wn && lbit(q, _AP_W) != lbit(q, _AP_W - 1)) {
        for (int i = 0; i < wn; ++i)
          t[i] = ~t[i];
        lnorm(t, wn, _AP_W, _AP_S);
      }
      break;
    }
  }
  lext(dst, dn, t, wn, _AP_S);
  lnorm(dst, dn, _AP_W, _AP_S);
}

/// Converts a double (exactly) to fixed-point raw bits.
inline void fx_from_double(limb_t *dst, int dn, int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q,
                           ap_o_mode _AP_O, int _AP_NSAT, double v) {
  if (std::isnan(v) || v == 0.0) {
    lclear(dst, dn);
    return;
  }
  limb_t m;
  long long fsrc;
  if (std::isinf(v)) {
    // A power of two far beyond the range: saturates, or wraps to zero.
    m = v < 0 ? ~limb_t(0) : 1;
    fsrc = -((long long)_AP_I + 2);
  } else {
    int e = 0;
    const double fr = std::frexp(v, &e); // v = fr * 2^e, 0.5 <= |fr| < 1
    m = (limb_t)(std::int64_t)std::ldexp(fr, 53);
    fsrc = 53 - (long long)e;
  }
  fx_convert(dst, dn, _AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_NSAT, &m, 1, true, fsrc, false);
}

/// Parses "[-]digits[.digits][e[-]exp]" (decimal) or a radix-prefixed
/// ("0x", "0b", "0o") number with an optional fraction, then quantizes it.
inline void fx_from_string(limb_t *dst, int dn, int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q,
                           ap_o_mode _AP_O, int _AP_NSAT, const char *s, int radix = 0) {
  lclear(dst, dn);
  if (!s)
    return;
  bool neg = false;
  s = parse_prefix(s, radix, neg);
  std::vector<int> digs;
  long long k = 0; // value = M * radix^-k
  bool point = false;
  for (; *s; ++s) {
    if (*s == '_' || *s == '\'')
      continue;
    if (*s == '.' && !point) {
      point = true;
      continue;
    }
    if (radix == 10 && (*s == 'e' || *s == 'E')) {
      k -= std::strtol(s + 1, nullptr, 10);
      break;
    }
    const int dv = digit_value(*s);
    if (dv < 0 || dv >= radix)
      break;
    digs.push_back(dv);
    if (point)
      ++k;
  }
  int bpd = 1; // bits per digit, rounded up
  while ((1 << bpd) < radix)
    ++bpd;
  const long long _AP_F = (long long)_AP_W - _AP_I;
  const long long fs = _AP_F + 1 > 0 ? _AP_F + 1 : 0;
  const long long powk = k > 0 ? k : -k;
  const long long bits = (long long)digs.size() * bpd + powk * bpd + fs + 8;
  const int n = (int)((bits + 63) / 64) + 1;
  std::vector<limb_t> _AP_M(n, 0);
  for (int dv : digs)
    lmuladd_small(_AP_M.data(), n, (limb_t)radix, (limb_t)dv);
  long long fsrc = 0;
  bool sticky = false;
  if (k <= 0) {
    for (long long i = 0; i < powk; ++i)
      lmuladd_small(_AP_M.data(), n, (limb_t)radix, 0);
  } else {
    // floor(M * 2^fs / radix^k) and whether the division was exact.
    std::vector<limb_t> den(n, 0), q(n, 0), r(n, 0);
    den[0] = 1;
    for (long long i = 0; i < k; ++i)
      lmuladd_small(den.data(), n, (limb_t)radix, 0);
    lshl(_AP_M.data(), _AP_M.data(), n, fs);
    ludivmod(q.data(), r.data(), _AP_M.data(), den.data(), n);
    _AP_M = q;
    sticky = !lzero(r.data(), n);
    fsrc = fs;
  }
  if (neg) {
    if (sticky)
      laddsmall(_AP_M.data(), _AP_M.data(), n, 1);
    lneg_to(_AP_M.data(), _AP_M.data(), n);
  }
  fx_convert(dst, dn, _AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_NSAT, _AP_M.data(), n, true, fsrc,
             sticky);
}

//===----------------------------------------------------------------------===//
// af_base
//===----------------------------------------------------------------------===//

struct af_tag {};
struct af_raw_tag {};

template <int _AP_W, int _AP_I, bool _AP_S>
using af_t =
    typename std::conditional<_AP_S, ap_fixed<_AP_W, _AP_I>, ap_ufixed<_AP_W, _AP_I>>::type;

/// Storage and member operations shared by ap_fixed and ap_ufixed.
template <int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_N>
class af_base : public af_tag {
  static_assert(_AP_W >= 1, "ap_[u]fixed width must be at least 1");

public:
  static constexpr int width = _AP_W;
  static constexpr int iwidth = _AP_I;
  static constexpr int fwidth = _AP_W - _AP_I;
  static constexpr bool sign_flag = _AP_S;
  static constexpr ap_q_mode qmode = _AP_Q;
  static constexpr ap_o_mode omode = _AP_O;
  static constexpr int sat_bits = _AP_N;
  using raw_type = ap_int_base<_AP_W, _AP_S>;
  static constexpr int _AP_NL = raw_type::_AP_N;

  /// Raw bits: the value is V * 2^-(W - I).
  raw_type _AP_V;

  //===--- construction ---------------------------------------------------===//
  af_base() = default;
  af_base(const af_base &) = default;
  af_base &operator=(const af_base &) = default;
  af_base(af_raw_tag, const raw_type &raw) : _AP_V(raw) {}

  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_N2>
  af_base(const af_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_N2> &o) {
    assign_exact(o._AP_V.bits_, ap_int_base<_AP_W2, _AP_S2>::_AP_N, _AP_S2, _AP_W2 - _AP_I2);
  }
  template <int _AP_W2, bool _AP_S2> af_base(const ap_int_base<_AP_W2, _AP_S2> &o) {
    assign_exact(o.bits_, ap_int_base<_AP_W2, _AP_S2>::_AP_N, _AP_S2, 0);
  }
  template <int _AP_W2, bool _AP_S2>
  af_base(const ap_bit_ref<_AP_W2, _AP_S2> &b) : af_base(ap_uint<1>(b.get() ? 1 : 0)) {}
  template <int _AP_W2, bool _AP_S2>
  af_base(const ap_range_ref<_AP_W2, _AP_S2> &r) : af_base(r.get()) {}
  template <class _AP_T, typename std::enable_if<std::is_integral<_AP_T>::value, int>::type = 0>
  af_base(_AP_T x) {
    const ap_int_base<int_opnd<_AP_T>::_AP_W, int_opnd<_AP_T>::_AP_S> t(x);
    assign_exact(t.bits_, t._AP_N, int_opnd<_AP_T>::_AP_S, 0);
  }
  template <class _AP_T, typename std::enable_if<is_unscoped_enum<_AP_T>::value, int>::type = 0>
  af_base(_AP_T x) : af_base((typename std::underlying_type<_AP_T>::type)x) {}
  af_base(double d) {
    fx_from_double(_AP_V.bits_, _AP_NL, _AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_N, d);
  }
  af_base(float f) : af_base(double(f)) {}
  af_base(long double d) : af_base(double(d)) {}
  af_base(const char *s) {
    fx_from_string(_AP_V.bits_, _AP_NL, _AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_N, s);
  }
  /// Digits in the given radix (2, 8, 10 or 16), optional fraction.
  af_base(const char *s, int radix) {
    fx_from_string(_AP_V.bits_, _AP_NL, _AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_N, s, radix);
  }
  af_base(const std::string &s) : af_base(s.c_str()) {}

  //===--- conversion -----------------------------------------------------===//
  double to_double() const { return lto_fp<double>(_AP_V.bits_, _AP_NL, _AP_S, _AP_I - _AP_W); }
  float to_float() const { return lto_fp<float>(_AP_V.bits_, _AP_NL, _AP_S, _AP_I - _AP_W); }
  operator double() const { return to_double(); }

  /// Integer part, truncated toward zero, as an ap_[u]int of max(I, 1) bits.
  ap_t<imax(_AP_I, 1), _AP_S> to_ap_int() const { return ap_t<imax(_AP_I, 1), _AP_S>(*this); }
  int to_int() const { return (int)ap_int_base<64, true>(*this).to_int64(); }
  unsigned to_uint() const { return (unsigned)ap_int_base<64, false>(*this).to_uint64(); }
  long to_long() const { return (long)ap_int_base<64, true>(*this).to_int64(); }
  unsigned long to_ulong() const {
    return (unsigned long)ap_int_base<64, false>(*this).to_uint64();
  }
  long long to_int64() const { return ap_int_base<64, true>(*this).to_int64(); }
  unsigned long long to_uint64() const { return ap_int_base<64, false>(*this).to_uint64(); }
  bool to_bool() const { return !_AP_V.iszero(); }

  /// Exact text of the value in radix 2, 8, 10 (default) or 16; non-decimal
  /// radices get a "0b"/"0o"/"0x" prefix.
  std::string to_string(int radix = 10, bool sign = _AP_S) const {
    if (radix != 2 && radix != 8 && radix != 16)
      radix = 10;
    constexpr int _AP_F = _AP_W - _AP_I;
    constexpr int _AP_K = limbs_for(imax(_AP_W, _AP_F) + imax(-_AP_F, 0) + 8) + 1;
    limb_t m[_AP_K];
    lext(m, _AP_K, _AP_V.bits_, _AP_NL, _AP_S);
    const bool neg = sign && _AP_S && lneg(_AP_V.bits_, _AP_NL);
    if (neg)
      lneg_to(m, m, _AP_K);
    else
      lnorm(m, _AP_K, _AP_W, false);
    std::string ip, fp;
    if (_AP_F <= 0) {
      lshl(m, m, _AP_K, -_AP_F);
      ip = ldigits(m, _AP_K, radix);
    } else {
      limb_t ipart[_AP_K];
      lshr(ipart, m, _AP_K, _AP_F, false);
      ip = ldigits(ipart, _AP_K, radix);
      lnorm(m, _AP_K, _AP_F, false); // fraction bits
      while (!lzero(m, _AP_K)) {
        lmuladd_small(m, _AP_K, (limb_t)radix, 0);
        limb_t dg[_AP_K];
        lshr(dg, m, _AP_K, _AP_F, false);
        fp.push_back("0123456789abcdef"[dg[0]]);
        lnorm(m, _AP_K, _AP_F, false);
      }
    }
    std::string out = std::string(neg ? "-" : "") + radix_prefix(radix) + ip;
    if (!fp.empty())
      out += "." + fp;
    return out;
  }
  std::string to_string(BaseMode radix, bool sign = _AP_S) const {
    return to_string((int)radix, sign);
  }

  //===--- raw bit access -------------------------------------------------===//
  int length() const { return _AP_W; }
  bool is_neg() const { return _AP_S && lneg(_AP_V.bits_, _AP_NL); }
  bool iszero() const { return _AP_V.iszero(); }
  ap_bit_ref<_AP_W, _AP_S> operator[](int i) { return _AP_V[i]; }
  bool operator[](int i) const { return _AP_V[i]; }
  ap_bit_ref<_AP_W, _AP_S> bit(int i) { return _AP_V[i]; }
  bool bit(int i) const { return _AP_V[i]; }
  bool get_bit(int i) const { return _AP_V.get_bit(i); }
  void set_bit(int i, bool v) { _AP_V.set_bit(i, v); }
  ap_range_ref<_AP_W, _AP_S> range(int hi, int lo) { return _AP_V.range(hi, lo); }
  const ap_range_ref<_AP_W, _AP_S> range(int hi, int lo) const { return _AP_V.range(hi, lo); }
  ap_range_ref<_AP_W, _AP_S> range() { return _AP_V.range(); }
  const ap_range_ref<_AP_W, _AP_S> range() const { return _AP_V.range(); }
  ap_range_ref<_AP_W, _AP_S> operator()(int hi, int lo) { return _AP_V.range(hi, lo); }
  const ap_range_ref<_AP_W, _AP_S> operator()(int hi, int lo) const { return _AP_V.range(hi, lo); }
  /// Sets the raw bits from an integer (wrapping to W bits).
  void setBits(unsigned long long raw) { _AP_V = raw_type(raw); }
  unsigned long long bits_to_uint64() const { return _AP_V.to_uint64(); }
  bool and_reduce() const { return _AP_V.and_reduce(); }
  bool or_reduce() const { return _AP_V.or_reduce(); }
  bool xor_reduce() const { return _AP_V.xor_reduce(); }

  //===--- internal -------------------------------------------------------===//
  /// Quantizes and fits an exact source (see fx_convert).
  void assign_exact(const limb_t *src, int sn, bool src_signed, long long fsrc) {
    fx_convert(_AP_V.bits_, _AP_NL, _AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_N, src, sn, src_signed,
               fsrc, false);
  }
};

//===----------------------------------------------------------------------===//
// Operand traits
//===----------------------------------------------------------------------===//

template <class _AP_T, class = void> struct fx_opnd {
  static constexpr bool ok = false, is_af = false, _AP_S = false;
  static constexpr int _AP_W = 0, _AP_I = 0;
};
template <class _AP_T>
struct fx_opnd<_AP_T, typename std::enable_if<std::is_base_of<af_tag, _AP_T>::value>::type> {
  static constexpr bool ok = true, is_af = true;
  static constexpr int _AP_W = _AP_T::width, _AP_I = _AP_T::iwidth;
  static constexpr bool _AP_S = _AP_T::sign_flag;
};
template <class _AP_T> struct fx_opnd<_AP_T, typename std::enable_if<int_opnd<_AP_T>::ok>::type> {
  static constexpr bool ok = true, is_af = false;
  static constexpr int _AP_W = int_opnd<_AP_T>::_AP_W, _AP_I = int_opnd<_AP_T>::_AP_W;
  static constexpr bool _AP_S = int_opnd<_AP_T>::_AP_S;
};

template <class _AP_A, class _AP_B> struct fx_binop_ok {
  static constexpr bool value =
      fx_opnd<_AP_A>::ok && fx_opnd<_AP_B>::ok && (fx_opnd<_AP_A>::is_af || fx_opnd<_AP_B>::is_af);
};

/// Raw integer of a fixed-point operand (integers are their own raw value).
template <int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_N>
inline const ap_int_base<_AP_W, _AP_S> &
fx_raw(const af_base<_AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_N> &x) {
  return x._AP_V;
}
template <class _AP_T, typename std::enable_if<int_opnd<_AP_T>::ok, int>::type = 0>
inline auto fx_raw(const _AP_T &x) {
  return ap_int_base<int_opnd<_AP_T>::_AP_W, int_opnd<_AP_T>::_AP_S>(as_ap(x));
}

/// Sign/zero-extends by SH bits and shifts left by SH (exact).
template <int _AP_SH, int _AP_W, bool _AP_S>
inline ap_int_base<_AP_W + _AP_SH, _AP_S> widen_shl(const ap_int_base<_AP_W, _AP_S> &a) {
  ap_int_base<_AP_W + _AP_SH, _AP_S> r(a);
  if constexpr (_AP_SH > 0) {
    lshl(r.bits_, r.bits_, r._AP_N, _AP_SH);
    r.fix();
  }
  return r;
}

template <class _AP_Res, class _AP_Raw> inline _AP_Res af_from_raw(const _AP_Raw &raw) {
  return _AP_Res(af_raw_tag(), typename _AP_Res::raw_type(raw));
}

//===----------------------------------------------------------------------===//
// Arithmetic
//===----------------------------------------------------------------------===//

// + - & | ^ : align the binary points, operate on the raw integers.
#define ALLO_CSIM_FX_ALIGNED_OP(_AP_OP)                                                            \
  template <class _AP_A, class _AP_B,                                                              \
            typename std::enable_if<fx_binop_ok<_AP_A, _AP_B>::value, int>::type = 0>              \
  inline auto operator _AP_OP(const _AP_A &a, const _AP_B &b) {                                    \
    using _AP_TA = fx_opnd<_AP_A>;                                                                 \
    using _AP_TB = fx_opnd<_AP_B>;                                                                 \
    constexpr int _AP_F1 = _AP_TA::_AP_W - _AP_TA::_AP_I, _AP_F2 = _AP_TB::_AP_W - _AP_TB::_AP_I;  \
    constexpr int _AP_F = imax(_AP_F1, _AP_F2);                                                    \
    const auto r =                                                                                 \
        widen_shl<_AP_F - _AP_F1>(fx_raw(a)) _AP_OP widen_shl<_AP_F - _AP_F2>(fx_raw(b));          \
    using _AP_R = typename std::decay<decltype(r)>::type;                                          \
    return af_from_raw<af_t<_AP_R::width, _AP_R::width - _AP_F, _AP_R::sign_flag>>(r);             \
  }
ALLO_CSIM_FX_ALIGNED_OP(+)
ALLO_CSIM_FX_ALIGNED_OP(-)
ALLO_CSIM_FX_ALIGNED_OP(&)
ALLO_CSIM_FX_ALIGNED_OP(|)
ALLO_CSIM_FX_ALIGNED_OP(^)
#undef ALLO_CSIM_FX_ALIGNED_OP

template <class _AP_A, class _AP_B,
          typename std::enable_if<fx_binop_ok<_AP_A, _AP_B>::value, int>::type = 0>
inline auto operator*(const _AP_A &a, const _AP_B &b) {
  using _AP_TA = fx_opnd<_AP_A>;
  using _AP_TB = fx_opnd<_AP_B>;
  const auto r = fx_raw(a) * fx_raw(b);
  using _AP_R = typename std::decay<decltype(r)>::type;
  return af_from_raw<af_t<_AP_R::width, _AP_TA::_AP_I + _AP_TB::_AP_I, _AP_R::sign_flag>>(r);
}

template <class _AP_A, class _AP_B,
          typename std::enable_if<fx_binop_ok<_AP_A, _AP_B>::value, int>::type = 0>
inline auto operator/(const _AP_A &a, const _AP_B &b) {
  using _AP_TA = fx_opnd<_AP_A>;
  using _AP_TB = fx_opnd<_AP_B>;
  constexpr int _AP_F2 = _AP_TB::_AP_W - _AP_TB::_AP_I;
  const auto r = widen_shl<imax(_AP_F2, 0)>(fx_raw(a)) / fx_raw(b);
  using _AP_R = typename std::decay<decltype(r)>::type;
  return af_from_raw<
      af_t<_AP_R::width, _AP_TA::_AP_I + _AP_F2 + (_AP_TB::_AP_S ? 1 : 0), _AP_R::sign_flag>>(r);
}

#define ALLO_CSIM_FX_CMP(_AP_OP)                                                                   \
  template <class _AP_A, class _AP_B,                                                              \
            typename std::enable_if<fx_binop_ok<_AP_A, _AP_B>::value, int>::type = 0>              \
  inline bool operator _AP_OP(const _AP_A &a, const _AP_B &b) {                                    \
    using _AP_TA = fx_opnd<_AP_A>;                                                                 \
    using _AP_TB = fx_opnd<_AP_B>;                                                                 \
    constexpr int _AP_F1 = _AP_TA::_AP_W - _AP_TA::_AP_I, _AP_F2 = _AP_TB::_AP_W - _AP_TB::_AP_I;  \
    constexpr int _AP_F = imax(_AP_F1, _AP_F2);                                                    \
    return compare(widen_shl<_AP_F - _AP_F1>(fx_raw(a)), widen_shl<_AP_F - _AP_F2>(fx_raw(b)))     \
        _AP_OP 0;                                                                                  \
  }
ALLO_CSIM_FX_CMP(==)
ALLO_CSIM_FX_CMP(!=)
ALLO_CSIM_FX_CMP(<)
ALLO_CSIM_FX_CMP(<=)
ALLO_CSIM_FX_CMP(>)
ALLO_CSIM_FX_CMP(>=)
#undef ALLO_CSIM_FX_CMP

// Shifts keep the type of the left operand and move the raw bits.
template <class _AP_A, class _AP_B,
          typename std::enable_if<fx_opnd<_AP_A>::is_af && int_opnd<_AP_B>::ok, int>::type = 0>
inline _AP_A operator<<(const _AP_A &a, const _AP_B &n) {
  _AP_A r(a);
  r._AP_V = shift_left(a._AP_V, shift_count(as_ap(n)));
  return r;
}
template <class _AP_A, class _AP_B,
          typename std::enable_if<fx_opnd<_AP_A>::is_af && int_opnd<_AP_B>::ok, int>::type = 0>
inline _AP_A operator>>(const _AP_A &a, const _AP_B &n) {
  _AP_A r(a);
  r._AP_V = shift_right(a._AP_V, shift_count(as_ap(n)));
  return r;
}

template <class _AP_A, typename std::enable_if<fx_opnd<_AP_A>::is_af, int>::type = 0>
inline auto operator-(const _AP_A &a) {
  return af_from_raw<ap_fixed<_AP_A::width + 1, _AP_A::iwidth + 1>>(-a._AP_V);
}
template <class _AP_A, typename std::enable_if<fx_opnd<_AP_A>::is_af, int>::type = 0>
inline _AP_A operator+(const _AP_A &a) {
  return a;
}
template <class _AP_A, typename std::enable_if<fx_opnd<_AP_A>::is_af, int>::type = 0>
inline _AP_A operator~(const _AP_A &a) {
  _AP_A r(a);
  r._AP_V.b_not();
  return r;
}
template <class _AP_A, typename std::enable_if<fx_opnd<_AP_A>::is_af, int>::type = 0>
inline bool operator!(const _AP_A &a) {
  return a._AP_V.iszero();
}

template <int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_N>
inline std::ostream &operator<<(std::ostream &os,
                                const af_base<_AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_N> &x) {
  return os << x.to_double();
}
template <int _AP_W, int _AP_I, bool _AP_S, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_N>
inline std::istream &operator>>(std::istream &is,
                                af_base<_AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_N> &x) {
  std::string s;
  if (is >> s)
    x = af_base<_AP_W, _AP_I, _AP_S, _AP_Q, _AP_O, _AP_N>(s.c_str());
  return is;
}

/// ap_[u]int from ap_[u]fixed: integer part, truncated toward zero.
template <int _AP_W, bool _AP_S>
template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_N2>
inline ap_int_base<_AP_W, _AP_S>::ap_int_base(
    const af_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_N2> &f) {
  constexpr int _AP_F = _AP_W2 - _AP_I2;
  constexpr int _AP_K = limbs_for(_AP_W2 + imax(-_AP_F, 0) + 1) + 1;
  limb_t t[_AP_K];
  lext(t, _AP_K, f._AP_V.bits_, ap_int_base<_AP_W2, _AP_S2>::_AP_N, _AP_S2);
  if constexpr (_AP_F > 0) {
    const bool neg = lneg(t, _AP_K);
    if (neg)
      lneg_to(t, t, _AP_K);
    lshr(t, t, _AP_K, _AP_F, false);
    if (neg)
      lneg_to(t, t, _AP_K);
  } else if constexpr (_AP_F < 0) {
    lshl(t, t, _AP_K, -_AP_F);
  }
  lext(bits_, _AP_N, t, _AP_K, true);
  fix();
}

} // namespace allo_csim_detail

//===----------------------------------------------------------------------===//
// ap_fixed / ap_ufixed
//===----------------------------------------------------------------------===//

#define ALLO_CSIM_AP_FIXED_MEMBERS(_AP_Cls)                                                        \
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
  template <class _AP_T> _AP_Cls &operator&=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this & v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator|=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this | v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator^=(const _AP_T &v) {                                     \
    return *this = _AP_Cls(*this ^ v);                                                             \
  }                                                                                                \
  template <class _AP_T> _AP_Cls &operator<<=(const _AP_T &v) { return *this = *this << v; }       \
  template <class _AP_T> _AP_Cls &operator>>=(const _AP_T &v) { return *this = *this >> v; }       \
  _AP_Cls &operator++() { return *this += 1; }                                                     \
  _AP_Cls &operator--() { return *this -= 1; }                                                     \
  _AP_Cls operator++(int) {                                                                        \
    _AP_Cls t(*this);                                                                              \
    *this += 1;                                                                                    \
    return t;                                                                                      \
  }                                                                                                \
  _AP_Cls operator--(int) {                                                                        \
    _AP_Cls t(*this);                                                                              \
    *this -= 1;                                                                                    \
    return t;                                                                                      \
  }

/// Signed fixed point: W bits, I integer bits (including the sign bit).
template <int _AP_W, int _AP_I, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_N>
class ap_fixed : public allo_csim_detail::af_base<_AP_W, _AP_I, true, _AP_Q, _AP_O, _AP_N> {
  using _AP_Base = allo_csim_detail::af_base<_AP_W, _AP_I, true, _AP_Q, _AP_O, _AP_N>;

public:
  using _AP_Base::_AP_Base;
  ap_fixed() = default;
  ap_fixed(const ap_fixed &) = default;
  ap_fixed &operator=(const ap_fixed &) = default;
  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_N2>
  ap_fixed(const allo_csim_detail::af_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_N2> &o)
      : _AP_Base(o) {}
  ALLO_CSIM_AP_FIXED_MEMBERS(ap_fixed)
};

/// Unsigned fixed point: W bits, I integer bits.
template <int _AP_W, int _AP_I, ap_q_mode _AP_Q, ap_o_mode _AP_O, int _AP_N>
class ap_ufixed : public allo_csim_detail::af_base<_AP_W, _AP_I, false, _AP_Q, _AP_O, _AP_N> {
  using _AP_Base = allo_csim_detail::af_base<_AP_W, _AP_I, false, _AP_Q, _AP_O, _AP_N>;

public:
  using _AP_Base::_AP_Base;
  ap_ufixed() = default;
  ap_ufixed(const ap_ufixed &) = default;
  ap_ufixed &operator=(const ap_ufixed &) = default;
  template <int _AP_W2, int _AP_I2, bool _AP_S2, ap_q_mode _AP_Q2, ap_o_mode _AP_O2, int _AP_N2>
  ap_ufixed(const allo_csim_detail::af_base<_AP_W2, _AP_I2, _AP_S2, _AP_Q2, _AP_O2, _AP_N2> &o)
      : _AP_Base(o) {}
  ALLO_CSIM_AP_FIXED_MEMBERS(ap_ufixed)
};

#undef ALLO_CSIM_AP_FIXED_MEMBERS

using allo_csim_detail::af_base;

#endif // ALLO_CSIM_AP_FIXED_H
