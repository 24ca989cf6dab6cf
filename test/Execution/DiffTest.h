//===- DiffTest.h - Registering kernels for differential tests ---*- C++ -*-===//
//
// A kernel file ends with ALLO_DIFFTEST(name): its native build registers a
// type-erased invoker, and the test driver (DiffTestMain.cpp) runs the same
// function raised by allo-rewrite, lowered to LLVM and JIT-compiled, on the
// same random inputs, then compares every array and the return value.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_TEST_DIFFTEST_H
#define ALLO_TEST_DIFFTEST_H

#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace allo_difftest {

/// Calls the native function: args[i] points at parameter i's storage (an
/// array's first element, or a scalar), ret at storage for the result.
using Invoker = std::function<void(void **args, void *ret)>;

struct Entry {
  std::string name, file;
  Invoker invoke;
  int64_t lo, hi; ///< integer input range; lo > hi = defaults
  /// sizeof one scalar element of each parameter's C++ object (an ap_int's
  /// object is larger than its value: 64-bit limbs).
  std::vector<size_t> elementBytes;
};

/// The scalar element of a parameter type: T for T, T &, T *, T (*)[N], T[N].
template <typename P>
using element_t =
    std::remove_all_extents_t<std::remove_cv_t<std::remove_pointer_t<std::remove_reference_t<P>>>>;

inline std::vector<Entry> &registry() {
  static std::vector<Entry> r;
  return r;
}

template <typename P> P argAs(void *p) {
  if constexpr (std::is_pointer_v<P>)
    return reinterpret_cast<P>(p);
  else
    return *static_cast<std::remove_cv_t<std::remove_reference_t<P>> *>(p);
}

template <typename R, typename... A, std::size_t... I>
void call(R (*f)(A...), void **args, void *ret, std::index_sequence<I...>) {
  if constexpr (std::is_void_v<R>)
    f(argAs<A>(args[I])...);
  else
    *static_cast<R *>(ret) = f(argAs<A>(args[I])...);
}

/// Calls f with type-erased arguments (see Invoker).
template <typename R, typename... A> void invoke(R (*f)(A...), void **args, void *ret) {
  call(f, args, ret, std::index_sequence_for<A...>{});
}

template <typename R, typename... A>
bool add(const char *name, const char *file, R (*f)(A...), int64_t lo, int64_t hi) {
  registry().push_back(
      {name,
       file,
       [f](void **args, void *ret) { call(f, args, ret, std::index_sequence_for<A...>{}); },
       lo,
       hi,
       {sizeof(element_t<A>)...}});
  return true;
}

} // namespace allo_difftest

#define ALLO_DIFFTEST_RANGE(fn, lo, hi)                                                            \
  static const bool allo_difftest_registered_##fn =                                                \
      ::allo_difftest::add(#fn, __FILE__, &fn, (lo), (hi));
#define ALLO_DIFFTEST(fn) ALLO_DIFFTEST_RANGE(fn, 1, 0)

#endif
