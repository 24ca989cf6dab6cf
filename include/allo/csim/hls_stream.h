//===- hls_stream.h - C-simulation model of hls::stream -------------------===//
//
// Part of Allo C++. Clean-room implementation written from the public
// description of hls::stream in AMD UG1399 ("HLS Stream Library"). No vendor
// source was used.
//
//===----------------------------------------------------------------------===//
//
// `hls::stream<T, DEPTH = 0>` is an unbounded FIFO (std::deque) guarded by a
// mutex.
//
// Template parameter and internal names are reserved identifiers (`_HLS_T`),
// so user macros such as `#define T 8` or `#define DEPTH 4` defined before
// the #include do not break it.
//
// Implemented (vendor API): stream(), stream(const char *name), read(),
// read(T &), write(const T &), operator>>(T &), operator<<(const T &),
// empty(), full(), size(), read_nb(T &), write_nb(const T &).
// Extensions: name(), set_name(), set_depth(n), depth(), and the global
// switch allo_csim_detail::set_stream_blocking(bool).
//
// Semantics:
//  * C simulation is single threaded by default: a blocking read of an empty
//    stream can never be satisfied, so it prints
//        hls::stream '<name>' read while empty
//    ("<unnamed>" if no name was given) to stderr and calls std::abort().
//  * full() is always false unless a capacity was set with set_depth(n);
//    then it is true while size() >= n and write_nb() fails, but write()
//    still succeeds (C simulation never blocks a writer). The DEPTH template
//    argument is accepted for source compatibility only: `hls::stream<T, N>`
//    derives from `hls::stream<T>` (= `hls::stream<T, 0>`), so it converts
//    to `hls::stream<T> &` as the vendor's does.
//  * When allo_csim_detail::set_stream_blocking(true) is called (meant for a
//    multi-threaded simulator running dataflow processes concurrently), an
//    empty read waits on a condition variable instead of aborting, and
//    write() waits while a stream with a set_depth() capacity is full.
//  * On destruction a stream that still holds data prints
//        WARNING: hls::stream '<name>' contains leftover data (N elements)
//    to stderr (a warning only, like the vendor model).
//  * Streams cannot be copied (as in the vendor library).
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_CSIM_HLS_STREAM_H
#define ALLO_CSIM_HLS_STREAM_H

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <mutex>
#include <string>
#include <utility>

namespace allo_csim_detail {

inline std::atomic<bool> &stream_blocking_flag() {
  static std::atomic<bool> flag{false};
  return flag;
}

/// Selects what a read of an empty stream does: abort with a diagnostic
/// (false, the default for C simulation) or wait for a writer (true).
inline void set_stream_blocking(bool blocking) { stream_blocking_flag().store(blocking); }
inline bool stream_blocking() { return stream_blocking_flag().load(); }

[[noreturn]] inline void stream_fatal(const char *kind, const std::string &name, const char *what) {
  std::fprintf(stderr, "%s '%s' %s\n", kind, name.empty() ? "<unnamed>" : name.c_str(), what);
  std::fflush(stderr);
  std::abort();
}

} // namespace allo_csim_detail

namespace hls {

template <typename _HLS_T, int _HLS_DEPTH = 0> class stream;

/// The FIFO itself; every depth derives from it (see the header comment).
template <typename _HLS_T> class stream<_HLS_T, 0> {
public:
  using value_type = _HLS_T;

  stream() = default;
  explicit stream(const char *name) : name_(name ? name : "") {}
  stream(const stream &) = delete;
  stream &operator=(const stream &) = delete;

  ~stream() {
    if (!q_.empty())
      std::fprintf(stderr,
                   "WARNING: hls::stream '%s' contains leftover data (%zu "
                   "elements)\n",
                   display_name().c_str(), q_.size());
  }

  bool empty() const {
    std::lock_guard<std::mutex> lk(m_);
    return q_.empty();
  }
  bool full() const {
    std::lock_guard<std::mutex> lk(m_);
    return capacity_ != 0 && q_.size() >= capacity_;
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lk(m_);
    return q_.size();
  }

  /// Blocking read (see the header comment for the empty case).
  _HLS_T read() {
    std::unique_lock<std::mutex> lk(m_);
    if (q_.empty()) {
      if (!allo_csim_detail::stream_blocking()) {
        const std::string n = name_;
        lk.unlock();
        allo_csim_detail::stream_fatal("hls::stream", n, "read while empty");
      }
      cv_.wait(lk, [this] { return !q_.empty(); });
    }
    _HLS_T v = std::move(q_.front());
    q_.pop_front();
    lk.unlock();
    cv_.notify_all();
    return v;
  }
  void read(_HLS_T &out) { out = read(); }
  stream &operator>>(_HLS_T &out) {
    read(out);
    return *this;
  }

  /// Non-blocking read: returns false (and leaves `out` alone) when empty.
  bool read_nb(_HLS_T &out) {
    std::unique_lock<std::mutex> lk(m_);
    if (q_.empty())
      return false;
    out = std::move(q_.front());
    q_.pop_front();
    lk.unlock();
    cv_.notify_all();
    return true;
  }

  void write(const _HLS_T &v) {
    std::unique_lock<std::mutex> lk(m_);
    if (capacity_ != 0 && allo_csim_detail::stream_blocking())
      cv_.wait(lk, [this] { return q_.size() < capacity_; });
    q_.push_back(v);
    lk.unlock();
    cv_.notify_all();
  }
  stream &operator<<(const _HLS_T &v) {
    write(v);
    return *this;
  }

  /// Non-blocking write: returns false when a set_depth() capacity is full.
  bool write_nb(const _HLS_T &v) {
    std::unique_lock<std::mutex> lk(m_);
    if (capacity_ != 0 && q_.size() >= capacity_)
      return false;
    q_.push_back(v);
    lk.unlock();
    cv_.notify_all();
    return true;
  }

  //===--- extensions -----------------------------------------------------===//
  const std::string &name() const { return name_; }
  void set_name(const char *name) { name_ = name ? name : ""; }
  /// Sets the capacity reported by full() (0 = unbounded, the default).
  void set_depth(std::size_t n) {
    std::lock_guard<std::mutex> lk(m_);
    capacity_ = n;
  }
  std::size_t depth() const { return capacity_; }

private:
  std::string display_name() const { return name_.empty() ? std::string("<unnamed>") : name_; }

  std::string name_;
  std::deque<_HLS_T> q_;
  std::size_t capacity_ = 0;
  mutable std::mutex m_;
  std::condition_variable cv_;
};

/// `hls::stream<T, DEPTH>`: the same FIFO; it converts to `hls::stream<T> &`
/// (a derived-to-base conversion), so it can be passed to functions that take
/// `hls::stream<T> &`, as with the vendor library.
template <typename _HLS_T, int _HLS_DEPTH> class stream : public stream<_HLS_T, 0> {
  static_assert(_HLS_DEPTH > 0, "hls::stream depth must be positive");

public:
  stream() = default;
  explicit stream(const char *name) : stream<_HLS_T, 0>(name) {}
};

} // namespace hls

#endif // ALLO_CSIM_HLS_STREAM_H
