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

template <typename T, std::size_t N>
class alignas(vector_detail::pow2_divisor(sizeof(T) * N)) vector {
  static_assert(N > 0, "hls::vector needs at least one element");

public:
  using value_type = T;
  using iterator = T *;
  using const_iterator = const T *;

  vector() : data_{} {}
  vector(const vector &) = default;
  vector &operator=(const vector &) = default;
  /// Broadcast: every element set to `v`.
  vector(const T &v) {
    for (std::size_t i = 0; i < N; ++i)
      data_[i] = v;
  }
  /// Broadcast from anything convertible to T (so `vector<ap_int<8>, 4> v =
  /// 0;` works although int -> ap_int is itself a user-defined conversion).
  template <typename U,
            typename std::enable_if<std::is_convertible<U, T>::value &&
                                        !std::is_same<U, T>::value &&
                                        !std::is_same<U, vector>::value,
                                    int>::type = 0>
  vector(const U &v) : vector(T(v)) {}
  vector(std::initializer_list<T> init) : data_{} {
    assert(init.size() <= N && "too many initializers for hls::vector");
    std::size_t i = 0;
    for (const T &v : init)
      if (i < N)
        data_[i++] = v;
  }

  T &operator[](std::size_t i) {
    assert(i < N && "hls::vector index out of range");
    return data_[i];
  }
  const T &operator[](std::size_t i) const {
    assert(i < N && "hls::vector index out of range");
    return data_[i];
  }
  static constexpr std::size_t size() { return N; }
  T *data() { return data_.data(); }
  const T *data() const { return data_.data(); }
  iterator begin() { return data_.data(); }
  iterator end() { return data_.data() + N; }
  const_iterator begin() const { return data_.data(); }
  const_iterator end() const { return data_.data() + N; }

#define ALLO_CSIM_VEC_COMPOUND(OP)                                             \
  vector &operator OP##=(const vector &o) {                                    \
    for (std::size_t i = 0; i < N; ++i)                                        \
      data_[i] OP## = o.data_[i];                                              \
    return *this;                                                              \
  }                                                                            \
  vector &operator OP##=(const T &s) {                                         \
    for (std::size_t i = 0; i < N; ++i)                                        \
      data_[i] OP## = s;                                                       \
    return *this;                                                              \
  }                                                                            \
  friend vector operator OP(vector a, const vector &b) { return a OP## = b; }  \
  friend vector operator OP(vector a, const T &s) { return a OP## = s; }       \
  friend vector operator OP(const T &s, const vector &b) {                     \
    vector r;                                                                  \
    for (std::size_t i = 0; i < N; ++i)                                        \
      r.data_[i] = s OP b.data_[i];                                            \
    return r;                                                                  \
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
    for (std::size_t i = 0; i < N; ++i)
      r.data_[i] = -a.data_[i];
    return r;
  }
  friend vector operator+(const vector &a) { return a; }
  friend vector operator~(const vector &a) {
    vector r;
    for (std::size_t i = 0; i < N; ++i)
      r.data_[i] = ~a.data_[i];
    return r;
  }

  friend bool operator==(const vector &a, const vector &b) {
    for (std::size_t i = 0; i < N; ++i)
      if (!(a.data_[i] == b.data_[i]))
        return false;
    return true;
  }
  friend bool operator!=(const vector &a, const vector &b) { return !(a == b); }
  friend bool operator<(const vector &a, const vector &b) {
    for (std::size_t i = 0; i < N; ++i) {
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

  T reduce_add() const { return fold([](const T &x, const T &y) { return T(x + y); }); }
  T reduce_mult() const { return fold([](const T &x, const T &y) { return T(x * y); }); }
  T reduce_and() const { return fold([](const T &x, const T &y) { return T(x & y); }); }
  T reduce_or() const { return fold([](const T &x, const T &y) { return T(x | y); }); }
  T reduce_xor() const { return fold([](const T &x, const T &y) { return T(x ^ y); }); }
  T reduce_min() const {
    return fold([](const T &x, const T &y) { return y < x ? y : x; });
  }
  T reduce_max() const {
    return fold([](const T &x, const T &y) { return x < y ? y : x; });
  }

private:
  template <typename F> T fold(F f) const {
    T acc = data_[0];
    for (std::size_t i = 1; i < N; ++i)
      acc = f(acc, data_[i]);
    return acc;
  }

  std::array<T, N> data_;
};

template <typename T, std::size_t N> T reduce_add(const vector<T, N> &v) {
  return v.reduce_add();
}
template <typename T, std::size_t N> T reduce_mult(const vector<T, N> &v) {
  return v.reduce_mult();
}
template <typename T, std::size_t N> T reduce_and(const vector<T, N> &v) {
  return v.reduce_and();
}
template <typename T, std::size_t N> T reduce_or(const vector<T, N> &v) {
  return v.reduce_or();
}
template <typename T, std::size_t N> T reduce_xor(const vector<T, N> &v) {
  return v.reduce_xor();
}
template <typename T, std::size_t N> T reduce_min(const vector<T, N> &v) {
  return v.reduce_min();
}
template <typename T, std::size_t N> T reduce_max(const vector<T, N> &v) {
  return v.reduce_max();
}

} // namespace hls

#endif // ALLO_CSIM_HLS_VECTOR_H
