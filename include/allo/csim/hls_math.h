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
//   unary : sqrt exp exp2 log log2 log10 sin cos tan sinh cosh tanh asin acos
//           atan floor ceil round trunc fabs abs rsqrt recip
//   binary: pow fmin fmax atan2 fmod copysign
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
template <class T>
using if_arith = typename std::enable_if<std::is_arithmetic<T>::value, int>::type;
template <class A, class B>
using if_arith2 = typename std::enable_if<
    std::is_arithmetic<A>::value && std::is_arithmetic<B>::value, int>::type;
} // namespace math_detail

#define ALLO_HLS_MATH_FIXED_UNARY(NAME, DEXPR)                                 \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>                     \
  inline ap_fixed<W, I, Q, O, N> NAME(const ap_fixed<W, I, Q, O, N> &fx) {     \
    const double x = fx.to_double();                                           \
    return ap_fixed<W, I, Q, O, N>(DEXPR);                                     \
  }                                                                            \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>                     \
  inline ap_ufixed<W, I, Q, O, N> NAME(const ap_ufixed<W, I, Q, O, N> &fx) {   \
    const double x = fx.to_double();                                           \
    return ap_ufixed<W, I, Q, O, N>(DEXPR);                                    \
  }                                                                            \
  template <int W> inline double NAME(const ap_int<W> &v) {                    \
    const double x = v.to_double();                                            \
    return DEXPR;                                                              \
  }                                                                            \
  template <int W> inline double NAME(const ap_uint<W> &v) {                   \
    const double x = v.to_double();                                            \
    return DEXPR;                                                              \
  }

// Functions with a <cmath> counterpart of the same name.
#define ALLO_HLS_MATH_UNARY(NAME)                                              \
  template <class T, math_detail::if_arith<T> = 0> inline auto NAME(T x) {     \
    return std::NAME(x);                                                       \
  }                                                                            \
  inline float NAME##f(float x) { return std::NAME(x); }                       \
  ALLO_HLS_MATH_FIXED_UNARY(NAME, std::NAME(x))

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
#undef ALLO_HLS_MATH_UNARY

//===--- rsqrt / recip --------------------------------------------------------===//

template <class T, math_detail::if_arith<T> = 0> inline auto rsqrt(T x) {
  using R = decltype(std::sqrt(x));
  return R(1) / std::sqrt(x);
}
template <class T, math_detail::if_arith<T> = 0> inline auto recip(T x) {
  using R = decltype(std::sqrt(x)); // float for float, double for integers
  return R(1) / R(x);
}
inline float rsqrtf(float x) { return 1.0f / std::sqrt(x); }
inline float recipf(float x) { return 1.0f / x; }
ALLO_HLS_MATH_FIXED_UNARY(rsqrt, 1.0 / std::sqrt(x))
ALLO_HLS_MATH_FIXED_UNARY(recip, 1.0 / x)
#undef ALLO_HLS_MATH_FIXED_UNARY

//===--- abs / fabs (exact, keep the type) ------------------------------------===//

template <class T, math_detail::if_arith<T> = 0> inline T abs(T x) {
  if constexpr (std::is_unsigned<T>::value)
    return x;
  else
    return x < T(0) ? T(-x) : x;
}
template <class T, math_detail::if_arith<T> = 0> inline auto fabs(T x) {
  return std::fabs(x);
}
inline float fabsf(float x) { return std::fabs(x); }
inline float absf(float x) { return std::fabs(x); }

template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
inline ap_fixed<W, I, Q, O, N> abs(const ap_fixed<W, I, Q, O, N> &x) {
  return x.is_neg() ? ap_fixed<W, I, Q, O, N>(-x) : x;
}
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
inline ap_ufixed<W, I, Q, O, N> abs(const ap_ufixed<W, I, Q, O, N> &x) {
  return x;
}
template <int W> inline ap_int<W> abs(const ap_int<W> &x) {
  return x.sign() ? ap_int<W>(-x) : x;
}
template <int W> inline ap_uint<W> abs(const ap_uint<W> &x) { return x; }

template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
inline ap_fixed<W, I, Q, O, N> fabs(const ap_fixed<W, I, Q, O, N> &x) {
  return hls::abs(x);
}
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
inline ap_ufixed<W, I, Q, O, N> fabs(const ap_ufixed<W, I, Q, O, N> &x) {
  return x;
}
template <int W> inline ap_int<W> fabs(const ap_int<W> &x) {
  return hls::abs(x);
}
template <int W> inline ap_uint<W> fabs(const ap_uint<W> &x) { return x; }

//===--- binary functions -----------------------------------------------------===//

#define ALLO_HLS_MATH_BINARY(NAME)                                             \
  template <class A, class B, math_detail::if_arith2<A, B> = 0>                \
  inline auto NAME(A x, B y) {                                                 \
    return std::NAME(x, y);                                                    \
  }                                                                            \
  inline float NAME##f(float x, float y) { return std::NAME(x, y); }           \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>                     \
  inline ap_fixed<W, I, Q, O, N> NAME(const ap_fixed<W, I, Q, O, N> &x,        \
                                      const ap_fixed<W, I, Q, O, N> &y) {      \
    return ap_fixed<W, I, Q, O, N>(std::NAME(x.to_double(), y.to_double()));   \
  }                                                                            \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>                     \
  inline ap_ufixed<W, I, Q, O, N> NAME(const ap_ufixed<W, I, Q, O, N> &x,      \
                                       const ap_ufixed<W, I, Q, O, N> &y) {    \
    return ap_ufixed<W, I, Q, O, N>(std::NAME(x.to_double(), y.to_double()));  \
  }                                                                            \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N, class B,            \
            math_detail::if_arith<B> = 0>                                      \
  inline ap_fixed<W, I, Q, O, N> NAME(const ap_fixed<W, I, Q, O, N> &x, B y) { \
    return ap_fixed<W, I, Q, O, N>(std::NAME(x.to_double(), (double)y));       \
  }                                                                            \
  template <int W, int I, ap_q_mode Q, ap_o_mode O, int N, class B,            \
            math_detail::if_arith<B> = 0>                                      \
  inline ap_ufixed<W, I, Q, O, N> NAME(const ap_ufixed<W, I, Q, O, N> &x,      \
                                       B y) {                                  \
    return ap_ufixed<W, I, Q, O, N>(std::NAME(x.to_double(), (double)y));      \
  }

ALLO_HLS_MATH_BINARY(pow)
ALLO_HLS_MATH_BINARY(fmin)
ALLO_HLS_MATH_BINARY(fmax)
ALLO_HLS_MATH_BINARY(atan2)
ALLO_HLS_MATH_BINARY(fmod)
ALLO_HLS_MATH_BINARY(copysign)
#undef ALLO_HLS_MATH_BINARY

//===--- fma -------------------------------------------------------------------===//

template <class A, class B, class C,
          typename std::enable_if<std::is_arithmetic<A>::value &&
                                      std::is_arithmetic<B>::value &&
                                      std::is_arithmetic<C>::value,
                                  int>::type = 0>
inline auto fma(A x, B y, C z) {
  return std::fma(x, y, z);
}
inline float fmaf(float x, float y, float z) { return std::fma(x, y, z); }
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
inline ap_fixed<W, I, Q, O, N> fma(const ap_fixed<W, I, Q, O, N> &x,
                                   const ap_fixed<W, I, Q, O, N> &y,
                                   const ap_fixed<W, I, Q, O, N> &z) {
  // Exact product and sum, a single quantization at the end.
  return ap_fixed<W, I, Q, O, N>(x * y + z);
}
template <int W, int I, ap_q_mode Q, ap_o_mode O, int N>
inline ap_ufixed<W, I, Q, O, N> fma(const ap_ufixed<W, I, Q, O, N> &x,
                                    const ap_ufixed<W, I, Q, O, N> &y,
                                    const ap_ufixed<W, I, Q, O, N> &z) {
  return ap_ufixed<W, I, Q, O, N>(x * y + z);
}

//===--- classification --------------------------------------------------------===//

template <class T, math_detail::if_arith<T> = 0> inline bool isnan(T x) {
  return std::isnan(x);
}
template <class T, math_detail::if_arith<T> = 0> inline bool isinf(T x) {
  return std::isinf(x);
}
template <class T, math_detail::if_arith<T> = 0> inline bool isfinite(T x) {
  return std::isfinite(x);
}
template <class T, math_detail::if_arith<T> = 0> inline bool signbit(T x) {
  return std::signbit(x);
}

template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline bool isnan(const allo_csim_detail::af_base<W, I, S, Q, O, N> &) {
  return false;
}
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline bool isinf(const allo_csim_detail::af_base<W, I, S, Q, O, N> &) {
  return false;
}
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline bool isfinite(const allo_csim_detail::af_base<W, I, S, Q, O, N> &) {
  return true;
}
template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>
inline bool signbit(const allo_csim_detail::af_base<W, I, S, Q, O, N> &x) {
  return x.is_neg();
}

} // namespace hls

#endif // ALLO_CSIM_HLS_MATH_H
