//===- hls_streamofblocks.h - C-simulation model of hls::stream_of_blocks -===//
//
// Part of Allo C++. Clean-room implementation written from the public
// description of hls::stream_of_blocks in AMD UG1399. No vendor source was
// used.
//
//===----------------------------------------------------------------------===//
//
// `hls::stream_of_blocks<B, DEPTH = 2>` passes whole blocks (typically arrays,
// e.g. `typedef int buf[64];`) between dataflow processes. Access goes
// through RAII locks:
//
//   hls::stream_of_blocks<buf> s;
//   { hls::write_lock<buf> b(s); for (...) b[i] = ...; } // commit on scope
//   exit { hls::read_lock<buf>  b(s); ... = b[i]; }           // release on
//   exit
//
// `stream_of_blocks<B, D>` derives from `stream_of_blocks<B>` (depth 2), so
// it can be passed to `stream_of_blocks<B> &` parameters. Template parameter
// names are reserved identifiers (`_HLS_B`), safe from user macros.
//
// Implemented: stream_of_blocks(), stream_of_blocks(const char *name),
// empty(), full(); write_lock<B>/read_lock<B> constructed from any
// stream_of_blocks<B, D>, converting to B& and indexable with [] when B is
// an array. Extensions: size() (committed, unread blocks), name().
//
// Semantics (C simulation):
//  * a write_lock gets a fresh value-initialized block and appends it to the
//    stream when destroyed. Writers never block: the stream is unbounded,
//    DEPTH only affects full();
//  * a read_lock takes the oldest committed block; if there is none it
//    prints "hls::stream_of_blocks '<name>' read while empty" and aborts
//    (or waits, when allo_csim_detail::set_stream_blocking(true) is set);
//  * empty() is true when no committed block is waiting; full() is true when
//    committed blocks plus blocks held by live locks reach DEPTH;
//  * leftover committed blocks produce a warning on destruction.
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_CSIM_HLS_STREAMOFBLOCKS_H
#define ALLO_CSIM_HLS_STREAMOFBLOCKS_H

#include "hls_stream.h"

#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>

namespace hls {

template <typename _HLS_B> class write_lock;
template <typename _HLS_B> class read_lock;

namespace sob_detail {

/// Heap cell holding one block (works for array block types too).
template <typename _HLS_B> struct block_cell {
  _HLS_B data{};
};

/// Depth-independent part of stream_of_blocks, shared by the lock classes.
template <typename _HLS_B> class sob_base {
public:
  explicit sob_base(const char *name, std::size_t depth) : name_(name ? name : ""), depth_(depth) {}
  sob_base(const sob_base &) = delete;
  sob_base &operator=(const sob_base &) = delete;
  ~sob_base() {
    if (!full_.empty())
      std::fprintf(stderr,
                   "WARNING: hls::stream_of_blocks '%s' contains leftover "
                   "data (%zu blocks)\n",
                   name_.empty() ? "<unnamed>" : name_.c_str(), full_.size());
  }

  bool empty() const {
    std::lock_guard<std::mutex> lk(m_);
    return full_.empty();
  }
  bool full() const {
    std::lock_guard<std::mutex> lk(m_);
    return full_.size() + held_ >= depth_;
  }
  std::size_t size() const {
    std::lock_guard<std::mutex> lk(m_);
    return full_.size();
  }
  const std::string &name() const { return name_; }

private:
  friend class write_lock<_HLS_B>;
  friend class read_lock<_HLS_B>;

  std::unique_ptr<block_cell<_HLS_B>> acquire_write() {
    std::lock_guard<std::mutex> lk(m_);
    ++held_;
    return std::unique_ptr<block_cell<_HLS_B>>(new block_cell<_HLS_B>());
  }
  void commit(std::unique_ptr<block_cell<_HLS_B>> blk) {
    {
      std::lock_guard<std::mutex> lk(m_);
      --held_;
      full_.push_back(std::move(blk));
    }
    cv_.notify_all();
  }
  std::unique_ptr<block_cell<_HLS_B>> acquire_read() {
    std::unique_lock<std::mutex> lk(m_);
    if (full_.empty()) {
      if (!allo_csim_detail::stream_blocking()) {
        const std::string n = name_;
        lk.unlock();
        allo_csim_detail::stream_fatal("hls::stream_of_blocks", n, "read while empty");
      }
      cv_.wait(lk, [this] { return !full_.empty(); });
    }
    std::unique_ptr<block_cell<_HLS_B>> blk = std::move(full_.front());
    full_.pop_front();
    ++held_;
    return blk;
  }
  void release() {
    {
      std::lock_guard<std::mutex> lk(m_);
      --held_;
    }
    cv_.notify_all();
  }

  std::string name_;
  std::size_t depth_;
  std::size_t held_ = 0;
  std::deque<std::unique_ptr<block_cell<_HLS_B>>> full_;
  mutable std::mutex m_;
  std::condition_variable cv_;
};

} // namespace sob_detail

template <typename _HLS_B, int _HLS_DEPTH = 2> class stream_of_blocks;

/// The default depth; every other depth derives from it, so a
/// `stream_of_blocks<B, 4>` can be passed to a `stream_of_blocks<B> &`
/// parameter (as `hls::stream<T, N>` converts to `hls::stream<T> &`).
template <typename _HLS_B> class stream_of_blocks<_HLS_B, 2> : public sob_detail::sob_base<_HLS_B> {
public:
  stream_of_blocks() : sob_detail::sob_base<_HLS_B>(nullptr, 2) {}
  explicit stream_of_blocks(const char *name) : sob_detail::sob_base<_HLS_B>(name, 2) {}

protected:
  stream_of_blocks(const char *name, std::size_t depth)
      : sob_detail::sob_base<_HLS_B>(name, depth) {}
};

template <typename _HLS_B, int _HLS_DEPTH>
class stream_of_blocks : public stream_of_blocks<_HLS_B, 2> {
  static_assert(_HLS_DEPTH >= 1, "stream_of_blocks depth must be positive");

public:
  stream_of_blocks() : stream_of_blocks<_HLS_B, 2>(nullptr, _HLS_DEPTH) {}
  explicit stream_of_blocks(const char *name) : stream_of_blocks<_HLS_B, 2>(name, _HLS_DEPTH) {}
};

/// Producer access: a fresh block, committed to the stream on destruction.
template <typename _HLS_B> class write_lock {
public:
  explicit write_lock(sob_detail::sob_base<_HLS_B> &s) : s_(s), blk_(s.acquire_write()) {}
  write_lock(const write_lock &) = delete;
  write_lock &operator=(const write_lock &) = delete;
  ~write_lock() { s_.commit(std::move(blk_)); }

  operator _HLS_B &() { return blk_->data; }
  _HLS_B &get() { return blk_->data; }
  template <typename _HLS_Idx> decltype(auto) operator[](_HLS_Idx i) { return blk_->data[i]; }

private:
  sob_detail::sob_base<_HLS_B> &s_;
  std::unique_ptr<sob_detail::block_cell<_HLS_B>> blk_;
};

/// Consumer access: the oldest committed block, released on destruction.
template <typename _HLS_B> class read_lock {
public:
  explicit read_lock(sob_detail::sob_base<_HLS_B> &s) : s_(s), blk_(s.acquire_read()) {}
  read_lock(const read_lock &) = delete;
  read_lock &operator=(const read_lock &) = delete;
  ~read_lock() { s_.release(); }

  operator _HLS_B &() { return blk_->data; }
  _HLS_B &get() { return blk_->data; }
  template <typename _HLS_Idx> decltype(auto) operator[](_HLS_Idx i) { return blk_->data[i]; }

private:
  sob_detail::sob_base<_HLS_B> &s_;
  std::unique_ptr<sob_detail::block_cell<_HLS_B>> blk_;
};

} // namespace hls

#endif // ALLO_CSIM_HLS_STREAMOFBLOCKS_H
