//===- hls_vector.h - C-simulation model of hls::vector -------------------===//
//
// Part of Allo C++. Clean-room implementation written from the public
// description of hls::vector in AMD UG1399 ("HLS Vector Library"). No vendor
// source was used.
//
//===----------------------------------------------------------------------===//
//
// `hls::vector<T, N>`: N contiguous elements of T, aligned to the largest
// power of two dividing sizeof(T) * N (so vector<int, 8> is 32-byte aligned).
//
// Implemented:
//  * construction: default (elements value-initialized, i.e. zero for
//    arithmetic and ap types; the vendor leaves them uninitialized), from a
//    scalar or anything convertible to T (broadcast), from an initializer
//    list (missing elements are value-initialized), copy;
//  * element access operator[] (bounds-checked with assert), size(), data(),
//    begin()/end();
//  * element-wise arithmetic and bitwise operators + - * / % & | ^ << >>
//    between two vectors, vector and scalar, scalar and vector, and their
//    compound forms; unary - + ~ and element-wise ++/--;
//  * comparisons: == and != (all elements), < <= > >= (lexicographic, as
//    std::array), all returning bool;
//  * reductions, both as members (v.reduce_add()) and free functions
//    (hls::reduce_add(v)): reduce_add, reduce_mult, reduce_and, reduce_or,
//    reduce_xor, reduce_min, reduce_max. They fold left to right and return T.
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_CSIM_HLS_VECTOR_H
#define ALLO_CSIM_HLS_VECTOR_H

#include <array>
#include <cassert>
#include <cstddef>
#include <initializer_list>
#include <type_traits>

namespace hls {

namespace vector_detail {
/// Largest power of two dividing n (1 for n == 0).
constexpr std::size_t pow2_divisor(std::size_t n) {
  return (n > 0 && n % 2 == 0) ? 2 * pow2_divisor(n / 2) : 1;
}
} // namespace vector_detail

template <typename _HLS_T, std::size_t _HLS_N>
class alignas(vector_detail::pow2_divisor(sizeof(_HLS_T) * _HLS_N)) vector {
  static_assert(_HLS_N > 0, "hls::vector needs at least one element");

public:
  using value_type = _HLS_T;
  using iterator = _HLS_T *;
  using const_iterator = const _HLS_T *;

  vector() : data_{} {}
  vector(const vector &) = default;
  vector &operator=(const vector &) = default;
  /// Broadcast: every element set to `v`.
  vector(const _HLS_T &v) {
    for (std::size_t i = 0; i < _HLS_N; ++i)
      data_[i] = v;
  }
  /// Broadcast from anything convertible to T (so `vector<ap_int<8>, 4> v =
  /// 0;` works although int -> ap_int is itself a user-defined conversion).
  template <typename _HLS_U, typename std::enable_if<std::is_convertible<_HLS_U, _HLS_T>::value &&
                                                         !std::is_same<_HLS_U, _HLS_T>::value &&
                                                         !std::is_same<_HLS_U, vector>::value,
                                                     int>::type = 0>
  vector(const _HLS_U &v) : vector(_HLS_T(v)) {}
  vector(std::initializer_list<_HLS_T> init) : data_{} {
    assert(init.size() <= _HLS_N && "too many initializers for hls::vector");
    std::size_t i = 0;
    for (const _HLS_T &v : init)
      if (i < _HLS_N)
        data_[i++] = v;
  }

  _HLS_T &operator[](std::size_t i) {
    assert(i < _HLS_N && "hls::vector index out of range");
    return data_[i];
  }
  const _HLS_T &operator[](std::size_t i) const {
    assert(i < _HLS_N && "hls::vector index out of range");
    return data_[i];
  }
  static constexpr std::size_t size() { return _HLS_N; }
  _HLS_T *data() { return data_.data(); }
  const _HLS_T *data() const { return data_.data(); }
  iterator begin() { return data_.data(); }
  iterator end() { return data_.data() + _HLS_N; }
  const_iterator begin() const { return data_.data(); }
  const_iterator end() const { return data_.data() + _HLS_N; }

#define ALLO_CSIM_VEC_COMPOUND(_HLS_OP)                                                            \
  vector &operator _HLS_OP## = (const vector &o) {                                                 \
    for (std::size_t i = 0; i < _HLS_N; ++i)                                                       \
      data_[i] _HLS_OP## = o.data_[i];                                                             \
    return *this;                                                                                  \
  }                                                                                                \
  vector &operator _HLS_OP## = (const _HLS_T &s) {                                                 \
    for (std::size_t i = 0; i < _HLS_N; ++i)                                                       \
      data_[i] _HLS_OP## = s;                                                                      \
    return *this;                                                                                  \
  }                                                                                                \
  friend vector operator _HLS_OP(vector a, const vector &b) { return a _HLS_OP## = b; }            \
  friend vector operator _HLS_OP(vector a, const _HLS_T &s) { return a _HLS_OP## = s; }            \
  friend vector operator _HLS_OP(const _HLS_T &s, const vector &b) {                               \
    vector r;                                                                                      \
    for (std::size_t i = 0; i < _HLS_N; ++i)                                                       \
      r.data_[i] = s _HLS_OP b.data_[i];                                                           \
    return r;                                                                                      \
  }
  ALLO_CSIM_VEC_COMPOUND(+)
  ALLO_CSIM_VEC_COMPOUND(-)
  ALLO_CSIM_VEC_COMPOUND(*)
  ALLO_CSIM_VEC_COMPOUND(/)
  ALLO_CSIM_VEC_COMPOUND(%)
  ALLO_CSIM_VEC_COMPOUND(&)
  ALLO_CSIM_VEC_COMPOUND(|)
  ALLO_CSIM_VEC_COMPOUND(^)
  ALLO_CSIM_VEC_COMPOUND(<<)
  ALLO_CSIM_VEC_COMPOUND(>>)
#undef ALLO_CSIM_VEC_COMPOUND

  vector &operator++() {
    for (auto &e : data_)
      ++e;
    return *this;
  }
  vector &operator--() {
    for (auto &e : data_)
      --e;
    return *this;
  }
  vector operator++(int) {
    vector t(*this);
    ++*this;
    return t;
  }
  vector operator--(int) {
    vector t(*this);
    --*this;
    return t;
  }
  friend vector operator-(const vector &a) {
    vector r;
    for (std::size_t i = 0; i < _HLS_N; ++i)
      r.data_[i] = -a.data_[i];
    return r;
  }
  friend vector operator+(const vector &a) { return a; }
  friend vector operator~(const vector &a) {
    vector r;
    for (std::size_t i = 0; i < _HLS_N; ++i)
      r.data_[i] = ~a.data_[i];
    return r;
  }

  friend bool operator==(const vector &a, const vector &b) {
    for (std::size_t i = 0; i < _HLS_N; ++i)
      if (!(a.data_[i] == b.data_[i]))
        return false;
    return true;
  }
  friend bool operator!=(const vector &a, const vector &b) { return !(a == b); }
  friend bool operator<(const vector &a, const vector &b) {
    for (std::size_t i = 0; i < _HLS_N; ++i) {
      if (a.data_[i] < b.data_[i])
        return true;
      if (b.data_[i] < a.data_[i])
        return false;
    }
    return false;
  }
  friend bool operator>(const vector &a, const vector &b) { return b < a; }
  friend bool operator<=(const vector &a, const vector &b) { return !(b < a); }
  friend bool operator>=(const vector &a, const vector &b) { return !(a < b); }

  _HLS_T reduce_add() const {
    return fold([](const _HLS_T &x, const _HLS_T &y) { return _HLS_T(x + y); });
  }
  _HLS_T reduce_mult() const {
    return fold([](const _HLS_T &x, const _HLS_T &y) { return _HLS_T(x * y); });
  }
  _HLS_T reduce_and() const {
    return fold([](const _HLS_T &x, const _HLS_T &y) { return _HLS_T(x & y); });
  }
  _HLS_T reduce_or() const {
    return fold([](const _HLS_T &x, const _HLS_T &y) { return _HLS_T(x | y); });
  }
  _HLS_T reduce_xor() const {
    return fold([](const _HLS_T &x, const _HLS_T &y) { return _HLS_T(x ^ y); });
  }
  _HLS_T reduce_min() const {
    return fold([](const _HLS_T &x, const _HLS_T &y) { return y < x ? y : x; });
  }
  _HLS_T reduce_max() const {
    return fold([](const _HLS_T &x, const _HLS_T &y) { return x < y ? y : x; });
  }

private:
  template <typename _HLS_F> _HLS_T fold(_HLS_F f) const {
    _HLS_T acc = data_[0];
    for (std::size_t i = 1; i < _HLS_N; ++i)
      acc = f(acc, data_[i]);
    return acc;
  }

  std::array<_HLS_T, _HLS_N> data_;
};

template <typename _HLS_T, std::size_t _HLS_N> _HLS_T reduce_add(const vector<_HLS_T, _HLS_N> &v) {
  return v.reduce_add();
}
template <typename _HLS_T, std::size_t _HLS_N> _HLS_T reduce_mult(const vector<_HLS_T, _HLS_N> &v) {
  return v.reduce_mult();
}
template <typename _HLS_T, std::size_t _HLS_N> _HLS_T reduce_and(const vector<_HLS_T, _HLS_N> &v) {
  return v.reduce_and();
}
template <typename _HLS_T, std::size_t _HLS_N> _HLS_T reduce_or(const vector<_HLS_T, _HLS_N> &v) {
  return v.reduce_or();
}
template <typename _HLS_T, std::size_t _HLS_N> _HLS_T reduce_xor(const vector<_HLS_T, _HLS_N> &v) {
  return v.reduce_xor();
}
template <typename _HLS_T, std::size_t _HLS_N> _HLS_T reduce_min(const vector<_HLS_T, _HLS_N> &v) {
  return v.reduce_min();
}
template <typename _HLS_T, std::size_t _HLS_N> _HLS_T reduce_max(const vector<_HLS_T, _HLS_N> &v) {
  return v.reduce_max();
}

} // namespace hls

#endif // ALLO_CSIM_HLS_VECTOR_H
