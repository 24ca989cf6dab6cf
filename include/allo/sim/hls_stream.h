//===- hls_stream.h - hls::stream for the concurrent simulator ------------===//
//
// Part of Allo C++. Written from the public description of hls::stream in
// AMD UG1399 ("HLS Stream Library"); no vendor source was used.
//
//===----------------------------------------------------------------------===//
//
// Replaces include/allo/csim/hls_stream.h when code is compiled for the
// simulator (-I include/allo/sim before -I include/allo/csim; see
// docs/simulator.md). Same API as the csim model:
//
//   vendor: stream(), stream(const char *name), read(), read(T &),
//           write(const T &), operator>>(T &), operator<<(const T &),
//           empty(), full(), size(), read_nb(T &), write_nb(const T &);
//   extensions: name(), set_name(), set_depth(n), depth().
//
// `hls::stream<T, N>` derives from `hls::stream<T>` (= `hls::stream<T, 0>`),
// so it binds to `hls::stream<T> &` parameters as with the vendor library.
//
// Semantics: a FIFO of bounded depth (2 by default, N for hls::stream<T, N>,
// or set by set_depth() / allo::sim::configure()).
//  * Inside a process of a running simulation, write() on a full stream and
//    read() on an empty one block the process until the other side moves.
//    An unsuccessful poll -- empty() returning true, full() returning true,
//    read_nb()/write_nb() failing -- lets the other processes run first and
//    then looks again, so a process that polls in a loop does not starve the
//    others. read_nb()/write_nb() never block.
//  * Outside the processes (a testbench in main(), a top function that is
//    not a region) the stream behaves as in C simulation: write() never
//    blocks (the FIFO grows beyond its depth), and a read() of an empty
//    stream prints "hls::stream '<name>' read while empty" and aborts.
//  * Only a bounded stream -- one given to allo::sim::configure() (the
//    emitter configures every stream a region declares), one whose
//    set_depth() was called, or one constructed inside a process -- blocks
//    its writers. Any other stream belongs to the testbench (declared in
//    main() and passed to the top function) and is unbounded for writers,
//    as the testbench's FIFO adapters are in co-simulation: full() is false
//    and write() / write_nb() always succeed. Reads of an empty stream block
//    in a process either way. For a bounded stream, full() is size() >=
//    depth() and write_nb() fails then, in and out of processes.
//  * A stream destroyed while holding data prints a warning.
//  * Streams cannot be copied.
//
// Template parameter and member names are reserved identifiers or end in an
// underscore, so user macros such as `#define T 8` do not break the header.
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_SIM_HLS_STREAM_H
#define ALLO_SIM_HLS_STREAM_H

#ifdef ALLO_CSIM_HLS_STREAM_H
#error                                                                                             \
    "allo-sim: include/allo/csim/hls_stream.h was included before the simulator's: pass -I include/allo/sim before -I include/allo/csim"
#endif
// The csim model is replaced, not added to.
#define ALLO_CSIM_HLS_STREAM_H 1

#include "allo_sim.h"

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <utility>

namespace hls {

template <typename _HLS_T, int _HLS_DEPTH = 0> class stream;

/// The FIFO itself; every depth derives from it (see the header comment).
template <typename _HLS_T> class stream<_HLS_T, 0> : public allo::sim::detail::StreamBase {
  using Base_ = allo::sim::detail::StreamBase;

public:
  using value_type = _HLS_T;

  stream() : Base_("stream", "elements", 2) {}
  explicit stream(const char *name) : Base_("stream", "elements", 2) { set_name(name); }
  stream(const stream &) = delete;
  stream &operator=(const stream &) = delete;

  ~stream() {
    retire();
    for (std::uint64_t i = rd_; i != wr_; ++i)
      slot_(i)->~_HLS_T();
    release_(buf_);
  }

  bool empty() const {
    bool e = wr_ == rd_;
    if (ALLO_SIM_UNLIKELY(e) && const_cast<stream *>(this)->poll_failed(false))
      e = wr_ == rd_;
    return e;
  }
  bool full() const {
    bool f = bounded_ && wr_ - rd_ >= depth_;
    if (ALLO_SIM_UNLIKELY(f) && const_cast<stream *>(this)->poll_failed(true))
      f = wr_ - rd_ >= depth_;
    return f;
  }
  std::size_t size() const { return static_cast<std::size_t>(wr_ - rd_); }

  /// Blocking read (see the header comment for the empty case).
  _HLS_T read() {
    if (ALLO_SIM_UNLIKELY(wr_ == rd_))
      wait_readable_();
    _HLS_T *p = slot_(rd_);
    _HLS_T v(std::move(*p));
    p->~_HLS_T();
    ++rd_;
    if (ALLO_SIM_UNLIKELY(waiters_ != nullptr))
      wake_waiters();
    return v;
  }
  void read(_HLS_T &out) {
    if (ALLO_SIM_UNLIKELY(wr_ == rd_))
      wait_readable_();
    _HLS_T *p = slot_(rd_);
    out = std::move(*p);
    p->~_HLS_T();
    ++rd_;
    if (ALLO_SIM_UNLIKELY(waiters_ != nullptr))
      wake_waiters();
  }
  stream &operator>>(_HLS_T &out) {
    read(out);
    return *this;
  }

  /// Non-blocking read: returns false (and leaves `out` alone) when empty.
  bool read_nb(_HLS_T &out) {
    if (ALLO_SIM_UNLIKELY(wr_ == rd_) && (!poll_failed(false) || wr_ == rd_))
      return false;
    read(out);
    return true;
  }

  /// Blocking write (never blocks outside the processes).
  void write(const _HLS_T &v) {
    if (ALLO_SIM_UNLIKELY(wr_ - rd_ >= limit_))
      make_room_();
    ::new (static_cast<void *>(slot_(wr_))) _HLS_T(v);
    std::uint64_t occ = ++wr_ - rd_;
    if (occ > max_occ_)
      max_occ_ = occ;
    if (ALLO_SIM_UNLIKELY(waiters_ != nullptr))
      wake_waiters();
  }
  stream &operator<<(const _HLS_T &v) {
    write(v);
    return *this;
  }

  /// Non-blocking write: returns false when the stream holds depth()
  /// elements.
  bool write_nb(const _HLS_T &v) {
    if (ALLO_SIM_UNLIKELY(bounded_ && wr_ - rd_ >= depth_) &&
        (!poll_failed(true) || wr_ - rd_ >= depth_))
      return false;
    write(v);
    return true;
  }

  //===--- extensions -----------------------------------------------------===//
  using Base_::name;
  using Base_::set_name;
  /// Sets the depth (at least 1).
  void set_depth(std::size_t n) {
    if (n < 1)
      check_depth(0);
    bounded_ = true;
    apply_depth(n);
  }
  std::size_t depth() const { return static_cast<std::size_t>(depth_); }

protected:
  stream(const char *name, std::uint64_t depth) : Base_("stream", "elements", depth) {
    if (name)
      set_name(name);
  }

private:
  _HLS_T *slot_(std::uint64_t i) const { return buf_ + (i & mask_); }

  static _HLS_T *allocate_(std::uint64_t n) {
    return static_cast<_HLS_T *>(::operator new(static_cast<std::size_t>(n) * sizeof(_HLS_T),
                                                std::align_val_t(alignof(_HLS_T))));
  }
  static void release_(_HLS_T *p) {
    if (p)
      ::operator delete(p, std::align_val_t(alignof(_HLS_T)));
  }

  void update_limit_() { limit_ = depth_ < cap_ ? depth_ : cap_; }

  void apply_depth(std::uint64_t d) override {
    depth_ = d;
    update_limit_();
  }

  /// Capacity for at least `need` elements, a power of two.
  ALLO_SIM_NOINLINE void grow_(std::uint64_t need) {
    std::uint64_t want = need;
    std::uint64_t pre = depth_ < 1024 ? depth_ : 1024;
    if (want < pre)
      want = pre;
    if (want < cap_ * 2)
      want = cap_ * 2;
    std::uint64_t c = 1;
    while (c < want)
      c <<= 1;
    _HLS_T *nb = allocate_(c);
    std::uint64_t nmask = c - 1;
    for (std::uint64_t i = rd_; i != wr_; ++i) {
      _HLS_T *p = slot_(i);
      ::new (static_cast<void *>(nb + (i & nmask))) _HLS_T(std::move(*p));
      p->~_HLS_T();
    }
    release_(buf_);
    buf_ = nb;
    cap_ = c;
    mask_ = nmask;
    update_limit_();
  }

  /// Slow path of write(): wait for room in a process, grow the buffer.
  ALLO_SIM_NOINLINE void make_room_() {
    if (bounded_ && allo::sim::detail::current_task())
      while (wr_ - rd_ >= depth_)
        block(allo::sim::detail::Wait::Write);
    if (wr_ - rd_ >= cap_)
      grow_(wr_ - rd_ + 1);
  }

  /// Slow path of read(): wait for data in a process, abort outside.
  ALLO_SIM_NOINLINE void wait_readable_() {
    if (!allo::sim::detail::current_task())
      empty_read_outside("hls::stream");
    while (wr_ == rd_)
      block(allo::sim::detail::Wait::Read);
  }

  _HLS_T *buf_ = nullptr;
  std::uint64_t mask_ = 0;
  std::uint64_t cap_ = 0;
  std::uint64_t limit_ = 0; ///< min(depth, capacity): the fast-path bound
};

/// `hls::stream<T, DEPTH>`: the same FIFO with depth DEPTH; it converts to
/// `hls::stream<T> &` (a derived-to-base conversion).
template <typename _HLS_T, int _HLS_DEPTH> class stream : public stream<_HLS_T, 0> {
  static_assert(_HLS_DEPTH > 0, "hls::stream depth must be positive");

public:
  stream() : stream<_HLS_T, 0>(nullptr, _HLS_DEPTH) {}
  explicit stream(const char *name) : stream<_HLS_T, 0>(name, _HLS_DEPTH) {}
};

} // namespace hls

#endif // ALLO_SIM_HLS_STREAM_H
