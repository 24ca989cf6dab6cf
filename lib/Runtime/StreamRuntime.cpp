//===- StreamRuntime.cpp - FIFOs for executed IR --------------------------===//
#include "allo/Runtime/StreamRuntime.h"

#include <deque>
#include <memory>
#include <vector>

namespace {
struct Fifo {
  std::deque<int64_t> q;
  int64_t depth;
};
struct State {
  std::vector<std::unique_ptr<Fifo>> fifos;
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

extern "C" void allo_rt_stream_write(void *s, int64_t word) { static_cast<Fifo *>(s)->q.push_back(word); }

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

extern "C" int32_t allo_rt_stream_empty(void *s) { return static_cast<Fifo *>(s)->q.empty(); }

namespace allo::runtime {
int64_t emptyReads() { return state().emptyReads; }
int64_t leftoverElements() {
  int64_t n = 0;
  for (auto &f : state().fifos)
    n += (int64_t)f->q.size();
  return n;
}
void reset() {
  state().fifos.clear();
  state().emptyReads = 0;
}
const Symbol *symbols(unsigned &count) {
  static const Symbol table[] = {
      {"allo_rt_stream_new", (void *)&allo_rt_stream_new},
      {"allo_rt_stream_write", (void *)&allo_rt_stream_write},
      {"allo_rt_stream_read", (void *)&allo_rt_stream_read},
      {"allo_rt_stream_empty", (void *)&allo_rt_stream_empty},
  };
  count = sizeof(table) / sizeof(table[0]);
  return table;
}
} // namespace allo::runtime
