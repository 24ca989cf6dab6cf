//===- allo/allo.h - The one header Allo C++ users include -------*- C++ -*-===//
//
// Annotated code compiles with any C++17 compiler, with or without the Allo
// plugin. Without the plugin the attributes are ignored (compilers may warn
// about unknown attributes; pass -Wno-attributes (GCC) or
// -Wno-unknown-attributes (Clang) to silence them).
//
// Attributes (see docs/user-guide/attributes.md, generated from
// attrs/AlloAttrs.def):
//   [[allo::kernel]], [[allo::kernel(mapping(P0, P1, ...))]], [[allo::region]]
//       on functions;
//   [[allo::stream(depth=N)]] on stream variables;
//   [[allo::layout(shard(k) | replicate, ...)]] on array parameters;
//   [[allo::partition(type=cyclic, factor=4, dim=1)]] on arrays;
//   [[allo::pipeline(ii=1)]], [[allo::unroll(factor=4)]], [[allo::name("row")]],
//   [[allo::flatten]], [[allo::dataflow]] on loops;
//   [[allo::inline]], [[allo::pipeline(ii=N)]], [[allo::dataflow]] on functions.
// Every number is an integer constant expression (literal, constexpr variable,
// enumerator, template parameter, or arithmetic on them).
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_ALLO_H
#define ALLO_ALLO_H

#include <cstddef>
#include <cstdint>
#include <deque>

namespace allo {

/// A FIFO between kernels. Natively an unbounded queue, like Vitis HLS
/// C simulation; `get` on an empty stream is a deadlock in hardware and
/// aborts here.
template <typename _ALLO_T> class stream {
public:
  stream() = default;
  stream(const stream &) = delete;
  stream &operator=(const stream &) = delete;

  void put(const _ALLO_T &v) { q_.push_back(v); }
  _ALLO_T get() {
    if (q_.empty())
      emptyRead();
    _ALLO_T v = q_.front();
    q_.pop_front();
    return v;
  }
  bool empty() const { return q_.empty(); }
  std::size_t size() const { return q_.size(); }

private:
  [[noreturn]] static void emptyRead();
  std::deque<_ALLO_T> q_;
};

/// The coordinates of a PE of a `[[allo::kernel(mapping(P0, ...))]]` grid:
/// `auto [i, j] = allo::get_pid<2>();` (members p0, p1, p2 in axis order).
template <int _ALLO_D> struct pid;
template <> struct pid<1> {
  int p0;
};
template <> struct pid<2> {
  int p0, p1;
};
template <> struct pid<3> {
  int p0, p1, p2;
};

namespace detail {
[[noreturn]] inline void pidOutsideGrid();
}

/// This PE's coordinates, constants per PE. Only meaningful when the tool
/// instantiates the grid (allo-rewrite --target vhls / sim, or the plugin):
/// a native build of a PE-grid kernel cannot run its PEs, so calling it
/// natively stops with a message instead of computing a one-PE result.
template <int _ALLO_D> pid<_ALLO_D> get_pid() { detail::pidOutsideGrid(); }

} // namespace allo

#include <cstdio>
#include <cstdlib>
template <typename _ALLO_T> void allo::stream<_ALLO_T>::emptyRead() {
  std::fprintf(stderr, "allo::stream: get() on an empty stream (a deadlock in hardware)\n");
  std::abort();
}

inline void allo::detail::pidOutsideGrid() {
  std::fprintf(stderr, "allo::get_pid: a PE-grid kernel ([[allo::kernel(mapping(...))]]) "
                       "runs only when its grid is instantiated: build it with allo-rewrite "
                       "--target sim (or vhls + csim)\n");
  std::abort();
}

#endif
