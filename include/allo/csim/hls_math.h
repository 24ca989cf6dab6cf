//===- hls_math.h - C-simulation model of the HLS math library ------------===//
//
// Part of Allo C++. Clean-room implementation written from the public
// description of the HLS math library (AMD UG1399, "HLS Math Library").
// No vendor source was used.
//
//===----------------------------------------------------------------------===//
//
// namespace hls math functions for C simulation:
//
//   unary : sqrt exp exp2 expm1 log log2 log10 log1p sin cos tan sinh cosh
//           tanh asin acos atan cbrt erf floor ceil round trunc fabs abs rsqrt
//           recip
//   binary: pow fmin fmax atan2 fmod copysign nextafter hypot fdim remainder
//   ternary: fma
//   predicates: isnan isinf isfinite signbit
//
// Overloads:
//  * every arithmetic type (float, double, long double, integers): forwards
//    to the <cmath> function of the same name, so float stays float and
//    integers compute in double (abs keeps integer types; abs of an unsigned
//    value is the value itself). rsqrt(x) = 1/sqrt(x), recip(x) = 1/x.
//    `f`-suffixed float versions (sqrtf, expf, ...) are provided too;
//  * ap_fixed / ap_ufixed: evaluated in double (to_double()), the result is
//    converted back to the argument's type with its quantization/overflow
//    mode. Binary functions accept two values of the same fixed type or a
//    fixed value and an arithmetic value. isnan/isinf are false, isfinite
//    true, signbit is the sign of the value. abs/fabs are exact;
//  * ap_int / ap_uint: evaluated in double, returning double (abs/fabs
//    return the argument type).
//
// Template parameters and internal names are reserved identifiers (`_HLS_W`),
// safe from user macros.
//
// Deviation: the vendor library implements bit-accurate fixed-point
// algorithms (CORDIC etc.); results computed through double can differ in
// the last bit, and arguments wider than 53 significant bits are rounded to
// double first.
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_CSIM_HLS_MATH_H
#define ALLO_CSIM_HLS_MATH_H

#include "ap_fixed.h"

#include <cmath>
#include <cstdlib>
#include <type_traits>

namespace hls {

namespace math_detail {
template <class _HLS_T>
using if_arith = typename std::enable_if<std::is_arithmetic<_HLS_T>::value, int>::type;
template <class _HLS_A, class _HLS_B>
using if_arith2 =
    typename std::enable_if<std::is_arithmetic<_HLS_A>::value && std::is_arithmetic<_HLS_B>::value,
                            int>::type;
} // namespace math_detail

#define ALLO_HLS_MATH_FIXED_UNARY(_HLS_NAME, _HLS_DEXPR)                                           \
  template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>                \
  inline ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> _HLS_NAME(                               \
      const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &fx) {                                \
    const double x = fx.to_double();                                                               \
    return ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(_HLS_DEXPR);                           \
  }                                                                                                \
  template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>                \
  inline ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> _HLS_NAME(                              \
      const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &fx) {                               \
    const double x = fx.to_double();                                                               \
    return ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(_HLS_DEXPR);                          \
  }                                                                                                \
  template <int _HLS_W> inline double _HLS_NAME(const ap_int<_HLS_W> &v) {                         \
    const double x = v.to_double();                                                                \
    return _HLS_DEXPR;                                                                             \
  }                                                                                                \
  template <int _HLS_W> inline double _HLS_NAME(const ap_uint<_HLS_W> &v) {                        \
    const double x = v.to_double();                                                                \
    return _HLS_DEXPR;                                                                             \
  }

// Functions with a <cmath> counterpart of the same name.
#define ALLO_HLS_MATH_UNARY(_HLS_NAME)                                                             \
  template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline auto _HLS_NAME(_HLS_T x) {     \
    return std::_HLS_NAME(x);                                                                      \
  }                                                                                                \
  inline float _HLS_NAME##f(float x) { return std::_HLS_NAME(x); }                                 \
  ALLO_HLS_MATH_FIXED_UNARY(_HLS_NAME, std::_HLS_NAME(x))

ALLO_HLS_MATH_UNARY(sqrt)
ALLO_HLS_MATH_UNARY(exp)
ALLO_HLS_MATH_UNARY(exp2)
ALLO_HLS_MATH_UNARY(log)
ALLO_HLS_MATH_UNARY(log2)
ALLO_HLS_MATH_UNARY(log10)
ALLO_HLS_MATH_UNARY(sin)
ALLO_HLS_MATH_UNARY(cos)
ALLO_HLS_MATH_UNARY(tan)
ALLO_HLS_MATH_UNARY(sinh)
ALLO_HLS_MATH_UNARY(cosh)
ALLO_HLS_MATH_UNARY(tanh)
ALLO_HLS_MATH_UNARY(asin)
ALLO_HLS_MATH_UNARY(acos)
ALLO_HLS_MATH_UNARY(atan)
ALLO_HLS_MATH_UNARY(floor)
ALLO_HLS_MATH_UNARY(ceil)
ALLO_HLS_MATH_UNARY(round)
ALLO_HLS_MATH_UNARY(trunc)
ALLO_HLS_MATH_UNARY(expm1)
ALLO_HLS_MATH_UNARY(log1p)
ALLO_HLS_MATH_UNARY(cbrt)
ALLO_HLS_MATH_UNARY(erf)
#undef ALLO_HLS_MATH_UNARY

//===--- rsqrt / recip --------------------------------------------------------===//

template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline auto rsqrt(_HLS_T x) {
  using _HLS_R = decltype(std::sqrt(x));
  return _HLS_R(1) / std::sqrt(x);
}
template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline auto recip(_HLS_T x) {
  using _HLS_R = decltype(std::sqrt(x)); // float for float, double for integers
  return _HLS_R(1) / _HLS_R(x);
}
inline float rsqrtf(float x) { return 1.0f / std::sqrt(x); }
inline float recipf(float x) { return 1.0f / x; }
ALLO_HLS_MATH_FIXED_UNARY(rsqrt, 1.0 / std::sqrt(x))
ALLO_HLS_MATH_FIXED_UNARY(recip, 1.0 / x)
#undef ALLO_HLS_MATH_FIXED_UNARY

//===--- abs / fabs (exact, keep the type) ------------------------------------===//

template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline _HLS_T abs(_HLS_T x) {
  if constexpr (std::is_unsigned<_HLS_T>::value)
    return x;
  else
    return x < _HLS_T(0) ? _HLS_T(-x) : x;
}
template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline auto fabs(_HLS_T x) {
  return std::fabs(x);
}
inline float fabsf(float x) { return std::fabs(x); }
inline float absf(float x) { return std::fabs(x); }

template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>
abs(const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x) {
  return x.is_neg() ? ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(-x) : x;
}
template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>
abs(const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x) {
  return x;
}
template <int _HLS_W> inline ap_int<_HLS_W> abs(const ap_int<_HLS_W> &x) {
  return x.sign() ? ap_int<_HLS_W>(-x) : x;
}
template <int _HLS_W> inline ap_uint<_HLS_W> abs(const ap_uint<_HLS_W> &x) { return x; }

template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>
fabs(const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x) {
  return hls::abs(x);
}
template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>
fabs(const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x) {
  return x;
}
template <int _HLS_W> inline ap_int<_HLS_W> fabs(const ap_int<_HLS_W> &x) { return hls::abs(x); }
template <int _HLS_W> inline ap_uint<_HLS_W> fabs(const ap_uint<_HLS_W> &x) { return x; }

//===--- binary functions -----------------------------------------------------===//

#define ALLO_HLS_MATH_BINARY(_HLS_NAME)                                                            \
  template <class _HLS_A, class _HLS_B, math_detail::if_arith2<_HLS_A, _HLS_B> = 0>                \
  inline auto _HLS_NAME(_HLS_A x, _HLS_B y) {                                                      \
    return std::_HLS_NAME(x, y);                                                                   \
  }                                                                                                \
  inline float _HLS_NAME##f(float x, float y) { return std::_HLS_NAME(x, y); }                     \
  template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>                \
  inline ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> _HLS_NAME(                               \
      const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x,                                   \
      const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &y) {                                 \
    return ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(                                       \
        std::_HLS_NAME(x.to_double(), y.to_double()));                                             \
  }                                                                                                \
  template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>                \
  inline ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> _HLS_NAME(                              \
      const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x,                                  \
      const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &y) {                                \
    return ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(                                      \
        std::_HLS_NAME(x.to_double(), y.to_double()));                                             \
  }                                                                                                \
  template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N, class _HLS_B,  \
            math_detail::if_arith<_HLS_B> = 0>                                                     \
  inline ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> _HLS_NAME(                               \
      const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x, _HLS_B y) {                       \
    return ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(                                       \
        std::_HLS_NAME(x.to_double(), (double)y));                                                 \
  }                                                                                                \
  template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N, class _HLS_B,  \
            math_detail::if_arith<_HLS_B> = 0>                                                     \
  inline ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> _HLS_NAME(                              \
      const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x, _HLS_B y) {                      \
    return ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(                                      \
        std::_HLS_NAME(x.to_double(), (double)y));                                                 \
  }

ALLO_HLS_MATH_BINARY(pow)
ALLO_HLS_MATH_BINARY(fmin)
ALLO_HLS_MATH_BINARY(fmax)
ALLO_HLS_MATH_BINARY(atan2)
ALLO_HLS_MATH_BINARY(fmod)
ALLO_HLS_MATH_BINARY(copysign)
ALLO_HLS_MATH_BINARY(nextafter)
ALLO_HLS_MATH_BINARY(hypot)
ALLO_HLS_MATH_BINARY(fdim)
ALLO_HLS_MATH_BINARY(remainder)
#undef ALLO_HLS_MATH_BINARY

//===--- fma -------------------------------------------------------------------===//

template <class _HLS_A, class _HLS_B, class _HLS_C,
          typename std::enable_if<std::is_arithmetic<_HLS_A>::value &&
                                      std::is_arithmetic<_HLS_B>::value &&
                                      std::is_arithmetic<_HLS_C>::value,
                                  int>::type = 0>
inline auto fma(_HLS_A x, _HLS_B y, _HLS_C z) {
  return std::fma(x, y, z);
}
inline float fmaf(float x, float y, float z) { return std::fma(x, y, z); }
template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>
fma(const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x,
    const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &y,
    const ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &z) {
  // Exact product and sum, a single quantization at the end.
  return ap_fixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(x * y + z);
}
template <int _HLS_W, int _HLS_I, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>
fma(const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &x,
    const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &y,
    const ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N> &z) {
  return ap_ufixed<_HLS_W, _HLS_I, _HLS_Q, _HLS_O, _HLS_N>(x * y + z);
}

//===--- classification --------------------------------------------------------===//

template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline bool isnan(_HLS_T x) {
  return std::isnan(x);
}
template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline bool isinf(_HLS_T x) {
  return std::isinf(x);
}
template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline bool isfinite(_HLS_T x) {
  return std::isfinite(x);
}
template <class _HLS_T, math_detail::if_arith<_HLS_T> = 0> inline bool signbit(_HLS_T x) {
  return std::signbit(x);
}

template <int _HLS_W, int _HLS_I, bool _HLS_S, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline bool
isnan(const allo_csim_detail::af_base<_HLS_W, _HLS_I, _HLS_S, _HLS_Q, _HLS_O, _HLS_N> &) {
  return false;
}
template <int _HLS_W, int _HLS_I, bool _HLS_S, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline bool
isinf(const allo_csim_detail::af_base<_HLS_W, _HLS_I, _HLS_S, _HLS_Q, _HLS_O, _HLS_N> &) {
  return false;
}
template <int _HLS_W, int _HLS_I, bool _HLS_S, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline bool
isfinite(const allo_csim_detail::af_base<_HLS_W, _HLS_I, _HLS_S, _HLS_Q, _HLS_O, _HLS_N> &) {
  return true;
}
template <int _HLS_W, int _HLS_I, bool _HLS_S, ap_q_mode _HLS_Q, ap_o_mode _HLS_O, int _HLS_N>
inline bool
signbit(const allo_csim_detail::af_base<_HLS_W, _HLS_I, _HLS_S, _HLS_Q, _HLS_O, _HLS_N> &x) {
  return x.is_neg();
}

} // namespace hls

#endif // ALLO_CSIM_HLS_MATH_H
