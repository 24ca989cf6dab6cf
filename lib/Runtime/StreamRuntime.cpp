//===- StreamRuntime.cpp - FIFOs for executed IR --------------------------===//
#include "allo/Runtime/StreamRuntime.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <memory>
#include <vector>

namespace {
struct Fifo {
  std::deque<int64_t> q;
  int64_t depth;
  std::deque<std::vector<unsigned char>> blocks; ///< a stream of blocks
};
struct State {
  std::vector<std::unique_ptr<Fifo>> fifos;
  std::vector<std::unique_ptr<Fifo>> statics; ///< static streams: kept across resets
  int64_t emptyReads = 0;
};
State &state() {
  static State s;
  return s;
}
} // namespace

extern "C" void *allo_rt_stream_new(int64_t depth) {
  state().fifos.push_back(std::make_unique<Fifo>(Fifo{{}, depth}));
  return state().fifos.back().get();
}

extern "C" void *allo_rt_stream_new_static(int64_t depth) {
  state().statics.push_back(std::make_unique<Fifo>(Fifo{{}, depth}));
  return state().statics.back().get();
}

extern "C" void allo_rt_stream_write(void *s, int64_t word) {
  static_cast<Fifo *>(s)->q.push_back(word);
}

extern "C" int64_t allo_rt_stream_read(void *s) {
  auto *f = static_cast<Fifo *>(s);
  if (f->q.empty()) {
    ++state().emptyReads;
    return 0;
  }
  int64_t v = f->q.front();
  f->q.pop_front();
  return v;
}

extern "C" int32_t allo_rt_stream_empty(void *s) {
  auto *f = static_cast<Fifo *>(s);
  return f->q.empty() && f->blocks.empty();
}

extern "C" void allo_rt_block_acquire(int64_t addr, int64_t bytes) {
  std::memset(reinterpret_cast<void *>(addr), 0, (size_t)bytes);
}

extern "C" void allo_rt_block_write(void *s, int64_t addr, int64_t bytes) {
  const auto *p = reinterpret_cast<const unsigned char *>(addr);
  static_cast<Fifo *>(s)->blocks.emplace_back(p, p + bytes);
}

extern "C" void allo_rt_block_read(void *s, int64_t addr, int64_t bytes) {
  auto *f = static_cast<Fifo *>(s);
  auto *p = reinterpret_cast<unsigned char *>(addr);
  if (f->blocks.empty()) {
    ++state().emptyReads;
    std::memset(p, 0, (size_t)bytes);
    return;
  }
  const std::vector<unsigned char> &b = f->blocks.front();
  std::memcpy(p, b.data(), std::min<size_t>(b.size(), (size_t)bytes));
  f->blocks.pop_front();
}

namespace allo::runtime {
int64_t emptyReads() { return state().emptyReads; }
int64_t leftoverElements() {
  int64_t n = 0;
  for (auto &f : state().fifos)
    n += (int64_t)(f->q.size() + f->blocks.size());
  return n;
}
void reset() {
  state().fifos.clear();
  state().emptyReads = 0;
}
const Symbol *symbols(unsigned &count) {
  static const Symbol table[] = {
      {"allo_rt_stream_new", (void *)&allo_rt_stream_new},
      {"allo_rt_stream_new_static", (void *)&allo_rt_stream_new_static},
      {"allo_rt_stream_write", (void *)&allo_rt_stream_write},
      {"allo_rt_stream_read", (void *)&allo_rt_stream_read},
      {"allo_rt_stream_empty", (void *)&allo_rt_stream_empty},
      {"allo_rt_block_acquire", (void *)&allo_rt_block_acquire},
      {"allo_rt_block_write", (void *)&allo_rt_block_write},
      {"allo_rt_block_read", (void *)&allo_rt_block_read},
  };
  count = sizeof(table) / sizeof(table[0]);
  return table;
}
} // namespace allo::runtime
