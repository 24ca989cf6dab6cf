//===- hls_streamofblocks.h - hls::stream_of_blocks for the simulator -----===//
//
// Part of Allo C++. Written from the public description of
// hls::stream_of_blocks in AMD UG1399; no vendor source was used.
//
//===----------------------------------------------------------------------===//
//
// Replaces include/allo/csim/hls_streamofblocks.h for the simulator. Same API
// as the csim model:
//
//   hls::stream_of_blocks<B, DEPTH = 2> s;        // or s("name")
//   { hls::write_lock<B> b(s); ... b[i] = ...; }  // committed on scope exit
//   { hls::read_lock<B> b(s);  ... = b[i]; }      // released on scope exit
//   s.empty(), s.full(); extensions: size(), name(), set_name().
//
// `stream_of_blocks<B, D>` derives from `stream_of_blocks<B>` (depth 2), so it
// binds to `stream_of_blocks<B> &` parameters. allo::sim::configure() sets
// the depth, name and location as for hls::stream.
//
// Semantics (DEPTH blocks of buffer, as in hardware):
//  * a write_lock takes a fresh value-initialized block (as the csim model
//    does) and commits it when destroyed; a read_lock takes the oldest
//    committed block and releases it when destroyed;
//  * the stream is full while committed blocks plus blocks held by live
//    locks (of either side) reach DEPTH. Inside a process, constructing a
//    write_lock on a full stream blocks until a read_lock is released, and
//    constructing a read_lock on an empty stream blocks until a write_lock
//    commits. Outside the processes writers never block and a read_lock on
//    an empty stream prints "hls::stream_of_blocks '<name>' read while
//    empty" and aborts, as in C simulation;
//  * empty() is true when no committed block waits; empty() and full()
//    returning true inside a process let the other processes run first;
//  * committed blocks left at destruction produce a warning.
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_SIM_HLS_STREAMOFBLOCKS_H
#define ALLO_SIM_HLS_STREAMOFBLOCKS_H

#ifdef ALLO_CSIM_HLS_STREAMOFBLOCKS_H
#error                                                                                             \
    "allo-sim: include/allo/csim/hls_streamofblocks.h was included before the simulator's: pass -I include/allo/sim before -I include/allo/csim"
#endif
#define ALLO_CSIM_HLS_STREAMOFBLOCKS_H 1

#include "hls_stream.h"

#include <cstddef>
#include <deque>
#include <memory>
#include <string>

namespace hls {

template <typename _HLS_B> class write_lock;
template <typename _HLS_B> class read_lock;

namespace sob_detail {

/// Heap cell holding one block (works for array block types too).
template <typename _HLS_B> struct block_cell {
  _HLS_B data{};
};

/// Depth-independent part of stream_of_blocks, shared by the lock classes.
/// wr_ counts commits, rd_ read acquisitions, held_ live locks.
template <typename _HLS_B> class sob_base : public allo::sim::detail::StreamBase {
  using Base_ = allo::sim::detail::StreamBase;

public:
  sob_base(const char *name, std::size_t depth) : Base_("stream_of_blocks", "blocks", depth) {
    if (name)
      set_name(name);
  }
  ~sob_base() { retire(); }

  bool empty() const {
    bool e = full_.empty();
    if (e && const_cast<sob_base *>(this)->poll_failed(false))
      e = full_.empty();
    return e;
  }
  bool full() const {
    bool f = is_full_();
    if (f && const_cast<sob_base *>(this)->poll_failed(true))
      f = is_full_();
    return f;
  }
  std::size_t size() const { return full_.size(); }
  using Base_::name;
  using Base_::set_name;

private:
  friend class write_lock<_HLS_B>;
  friend class read_lock<_HLS_B>;

  bool is_full_() const { return bounded_ && full_.size() + held_ >= depth_; }

  std::unique_ptr<block_cell<_HLS_B>> acquire_write() {
    if (allo::sim::detail::current_task())
      while (is_full_())
        block(allo::sim::detail::Wait::Write);
    ++held_;
    if (occupancy() > max_occ_)
      max_occ_ = occupancy();
    return std::unique_ptr<block_cell<_HLS_B>>(new block_cell<_HLS_B>());
  }
  void commit(std::unique_ptr<block_cell<_HLS_B>> blk) {
    --held_;
    full_.push_back(std::move(blk));
    ++wr_;
    if (waiters_)
      wake_waiters();
  }
  std::unique_ptr<block_cell<_HLS_B>> acquire_read() {
    if (full_.empty()) {
      if (!allo::sim::detail::current_task())
        empty_read_outside("hls::stream_of_blocks");
      while (full_.empty())
        block(allo::sim::detail::Wait::Read);
    }
    std::unique_ptr<block_cell<_HLS_B>> blk = std::move(full_.front());
    full_.pop_front();
    ++rd_;
    ++held_;
    return blk;
  }
  void release() {
    --held_;
    if (waiters_)
      wake_waiters();
  }

  std::deque<std::unique_ptr<block_cell<_HLS_B>>> full_;
};

} // namespace sob_detail

template <typename _HLS_B, int _HLS_DEPTH = 2> class stream_of_blocks;

/// The default depth; every other depth derives from it.
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

#endif // ALLO_SIM_HLS_STREAMOFBLOCKS_H
