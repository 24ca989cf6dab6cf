//===- StreamRuntime.h - FIFOs for executed IR -------------------*- C++ -*-===//
//
// The C functions that `allo-lower-streams` calls. Sequential semantics, as
// in C simulation: a FIFO never blocks a writer; a read of an empty FIFO is
// recorded as an error (and returns 0) so the caller can report it after the
// run instead of hanging.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_RUNTIME_STREAMRUNTIME_H
#define ALLO_RUNTIME_STREAMRUNTIME_H

#include <cstdint>

extern "C" {
void *allo_rt_stream_new(int64_t depth);
void allo_rt_stream_write(void *s, int64_t word);
int64_t allo_rt_stream_read(void *s);
int32_t allo_rt_stream_empty(void *s);
/// Streams of blocks: `addr` is the block buffer's address, `bytes` its size.
void allo_rt_block_acquire(int64_t addr, int64_t bytes); ///< zero-fills a fresh block
void allo_rt_block_write(void *s, int64_t addr, int64_t bytes);
void allo_rt_block_read(void *s, int64_t addr, int64_t bytes);
}

namespace allo::runtime {
/// Number of reads of an empty stream since the last reset.
int64_t emptyReads();
/// Elements (and blocks) left in streams created since the last reset.
int64_t leftoverElements();
/// Frees every stream and clears the counters.
void reset();
/// (name, address) of each runtime function, for a JIT's symbol map.
struct Symbol {
  const char *name;
  void *address;
};
const Symbol *symbols(unsigned &count);
} // namespace allo::runtime

#endif
