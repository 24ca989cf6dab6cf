//===- allo_sim.h - Concurrent functional simulator for dataflow designs --===//
//
// Part of Allo C++. Written from scratch for this project.
//
//===----------------------------------------------------------------------===//
//
// The simulator runs every process of a dataflow region concurrently, on
// bounded FIFOs of the declared depth, so a design behaves as in hardware: a
// writer waits while its FIFO is full, a reader while it is empty, and a
// design that can never make progress is reported as a deadlock instead of
// hanging (Vitis C simulation runs the processes one after another on
// unbounded FIFOs and cannot see either).
//
// Processes are cooperative tasks (fibers) on the calling OS thread: each has
// its own mmap'd stack (with a guard page) and the scheduler switches between
// them with a small hand-written context switch (x86-64, aarch64; ucontext
// elsewhere). A process runs until it blocks on a stream, polls a stream that
// is not ready, or finishes; the scheduler then resumes the next ready
// process, round-robin in a deterministic order (results, reports and
// statistics are reproducible from run to run).
//
// API used by the code that allo-rewrite emits for --target sim (see
// docs/simulator.md):
//
//   allo::sim::Region r("top", "k.cpp:12");   // one region invocation
//   r.spawn("load", "k.cpp:14", [&] { load(A, s); });
//   r.spawn("store", "k.cpp:15", [&] { store(s, B); });
//   r.run();                                  // all processes concurrently
//   allo::sim::configure(s, 4, "s", "k.cpp:13");  // depth, name, location
//
// Exit statuses: 2 = invalid simulator setting (an ALLO_SIM_* environment
// variable, a stream depth below 1, no memory for a stack), 3 = deadlock,
// 4 = stack overflow in a process. Environment: ALLO_SIM_STACK (stack bytes
// per process, K/M/G suffixes, default 1M), ALLO_SIM_REPORT (non-empty and
// not "0": statistics table at the end of every top-level region),
// ALLO_SIM_POLL_LIMIT (failed polls without any progress before a livelock is
// reported as a deadlock, default 10000000, 0 = never).
//
// Everything is single threaded: a simulation belongs to the OS thread that
// calls the top-level Region::run(); streams must not be shared between
// threads. There are no locks or atomics on any path.
//
//===----------------------------------------------------------------------===//

#ifndef ALLO_SIM_ALLO_SIM_H
#define ALLO_SIM_ALLO_SIM_H

#include <algorithm>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

// Context-switch implementation: our own assembly on x86-64 and aarch64 ELF
// targets, ucontext elsewhere (or when ALLO_SIM_USE_UCONTEXT is defined).
#if !defined(ALLO_SIM_USE_UCONTEXT)
#if defined(__x86_64__) && defined(__ELF__)
#define ALLO_SIM_CTX_X86_64 1
#elif defined(__aarch64__) && defined(__ELF__)
#define ALLO_SIM_CTX_AARCH64 1
#else
#define ALLO_SIM_CTX_UCONTEXT 1
#endif
#else
#define ALLO_SIM_CTX_UCONTEXT 1
#endif

#if defined(ALLO_SIM_CTX_UCONTEXT)
#include <ucontext.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define ALLO_SIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ALLO_SIM_ASAN 1
#endif
#endif
#if defined(ALLO_SIM_ASAN)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

#if defined(__GNUC__)
#define ALLO_SIM_LIKELY(x) __builtin_expect(!!(x), 1)
#define ALLO_SIM_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define ALLO_SIM_NOINLINE __attribute__((noinline))
#define ALLO_SIM_COLD __attribute__((noinline, cold))
#else
#define ALLO_SIM_LIKELY(x) (x)
#define ALLO_SIM_UNLIKELY(x) (x)
#define ALLO_SIM_NOINLINE
#define ALLO_SIM_COLD
#endif

namespace allo {
namespace sim {

/// Exit statuses of a simulation that cannot go on.
enum ExitStatus : int {
  kExitSetup = 2,         ///< invalid setting (environment, depth, memory)
  kExitDeadlock = 3,      ///< no process can ever run again
  kExitStackOverflow = 4, ///< a process overflowed its stack
};

class Region;
template <class S>
void configure(S &stream_or_array, long depth, const char *name, const char *loc);

/// Counters of one stream since the start of the last top-level region run
/// (or since its construction, if later).
struct StreamStats {
  std::uint64_t writes = 0, reads = 0; ///< elements (blocks) in and out
  std::uint64_t max_occupancy = 0;     ///< the most it held at once
  std::uint64_t full_stalls = 0;       ///< times a writer blocked on full
  std::uint64_t empty_stalls = 0;      ///< times a reader blocked on empty
};

namespace detail {

class StreamBase;
struct Task;
struct RegionState;
class Scheduler;

//===----------------------------------------------------------------------===//
// Diagnostics
//===----------------------------------------------------------------------===//

[[noreturn]] inline void die(int status) {
  std::fflush(nullptr);
  std::_Exit(status);
}

[[noreturn]] ALLO_SIM_COLD inline void fatal(int status, const std::string &msg) {
  std::fprintf(stderr, "allo-sim: %s\n", msg.c_str());
  die(status);
}

/// "'name' (loc)", or "'name'" when the location is unknown.
inline std::string describe(const std::string &name, const std::string &loc) {
  std::string s = "'" + name + "'";
  if (!loc.empty())
    s += " (" + loc + ")";
  return s;
}

//===----------------------------------------------------------------------===//
// Context switch
//===----------------------------------------------------------------------===//

/// A suspended execution context: the saved stack pointer (the callee-saved
/// registers live on that stack), or a ucontext.
struct Context {
#if defined(ALLO_SIM_CTX_UCONTEXT)
  ucontext_t uc;
#else
  void *sp = nullptr;
#endif
#if defined(ALLO_SIM_ASAN)
  const void *stack_bottom = nullptr;
  std::size_t stack_size = 0;
#endif
};

#if defined(ALLO_SIM_CTX_X86_64)
// void allo_sim_swap(void **save_sp, void *load_sp): pushes the callee-saved
// registers (rbp, rbx, r12-r15) and the SSE/x87 control words (callee-saved
// in the SysV ABI), stores rsp to *save_sp, switches to load_sp and pops the
// same frame there; the control words are loaded only when they differ
// (loading them is the slow part of a switch, and they rarely differ). A new context is a frame
// whose return address is allo_sim_start: it calls the function in rbx with the argument in r12.
// Naked inline functions (rather than top-level asm) so that the definition
// is merged like any inline function, also under LTO.
__attribute__((naked, noinline)) inline void allo_sim_swap(void ** /*save*/, void * /*load*/) {
  __asm__ volatile("pushq %rbp\n\t"
                   "pushq %rbx\n\t"
                   "pushq %r12\n\t"
                   "pushq %r13\n\t"
                   "pushq %r14\n\t"
                   "pushq %r15\n\t"
                   "subq $8, %rsp\n\t"
                   "stmxcsr (%rsp)\n\t"
                   "fnstcw 4(%rsp)\n\t"
                   "movq %rsp, (%rdi)\n\t"
                   "movl (%rsp), %eax\n\t"
                   "movzwl 4(%rsp), %edx\n\t"
                   "movq %rsi, %rsp\n\t"
                   "cmpl (%rsp), %eax\n\t"
                   "jne 2f\n\t"
                   "cmpw 4(%rsp), %dx\n\t"
                   "jne 2f\n\t"
                   "1:\n\t"
                   "addq $8, %rsp\n\t"
                   "popq %r15\n\t"
                   "popq %r14\n\t"
                   "popq %r13\n\t"
                   "popq %r12\n\t"
                   "popq %rbx\n\t"
                   "popq %rbp\n\t"
                   "ret\n\t"
                   "2:\n\t"
                   "ldmxcsr (%rsp)\n\t"
                   "fldcw 4(%rsp)\n\t"
                   "jmp 1b\n\t");
}
__attribute__((naked, noinline)) inline void allo_sim_start() {
  __asm__ volatile("movq %r12, %rdi\n\t"
                   "callq *%rbx\n\t"
                   "ud2\n\t");
}
#elif defined(ALLO_SIM_CTX_AARCH64)
// AAPCS64 (GCC has no naked functions on aarch64): an ordinary function
// whose asm declares every register the procedure-call standard lets a
// callee change as clobbered, so the compiler itself saves the callee-saved
// ones (x19-x28, d8-d15) around it. The asm pushes a 48-byte frame -- fp,
// the resume address, FPCR -- stores sp to *save, loads sp from `load`,
// pops the frame found there and branches to its resume address. A new
// context is such a frame whose resume address is the entry function and
// whose fourth word is its argument (loaded into x0). FPCR is written only
// when it differs.
__attribute__((noinline)) inline void allo_sim_swap(void **save, void *load) {
  register void **x0 __asm__("x0") = save;
  register void *x1 __asm__("x1") = load;
  __asm__ volatile("sub sp, sp, #48\n\t"
                   "adr x9, 1f\n\t"
                   "mrs x10, fpcr\n\t"
                   "stp x29, x9, [sp, #0]\n\t"
                   "str x10, [sp, #16]\n\t"
                   "mov x11, sp\n\t"
                   "str x11, [x0]\n\t"
                   "mov sp, x1\n\t"
                   "ldp x29, x9, [sp, #0]\n\t"
                   "ldr x11, [sp, #16]\n\t"
                   "ldr x0, [sp, #24]\n\t"
                   "cmp x10, x11\n\t"
                   "b.eq 2f\n\t"
                   "msr fpcr, x11\n\t"
                   "2:\n\t"
                   "add sp, sp, #48\n\t"
                   "mov x30, xzr\n\t"
                   "br x9\n\t"
                   "1:\n\t"
                   : "+r"(x0), "+r"(x1)
                   :
                   : "x2", "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11", "x12", "x13",
                     "x14", "x15", "x16", "x17", "x19", "x20", "x21", "x22", "x23", "x24", "x25",
                     "x26", "x27", "x28", "x30", "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7",
                     "v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15", "v16", "v17", "v18",
                     "v19", "v20", "v21", "v22", "v23", "v24", "v25", "v26", "v27", "v28", "v29",
                     "v30", "v31", "cc", "memory");
}
#endif

//===----------------------------------------------------------------------===//
// Stacks
//===----------------------------------------------------------------------===//

struct Stack {
  char *map = nullptr;   ///< start of the mapping (the guard page)
  std::size_t total = 0; ///< mapping size, guard included
  std::size_t guard = 0; ///< guard size (one page)
  char *lo() const { return map + guard; }
  char *hi() const { return map + total; }
  std::size_t usable() const { return total - guard; }
};

inline std::size_t page_size() {
  static const std::size_t p = [] {
    long v = ::sysconf(_SC_PAGESIZE);
    return v > 0 ? static_cast<std::size_t>(v) : std::size_t(4096);
  }();
  return p;
}

/// Parses a byte count with an optional K, M or G suffix (binary units).
inline bool parse_size(const char *s, unsigned long long &out) {
  if (!s || !*s)
    return false;
  char *end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(s, &end, 10);
  if (errno || end == s)
    return false;
  unsigned long long mul = 1;
  if (*end == 'k' || *end == 'K')
    mul = 1ull << 10, ++end;
  else if (*end == 'm' || *end == 'M')
    mul = 1ull << 20, ++end;
  else if (*end == 'g' || *end == 'G')
    mul = 1ull << 30, ++end;
  if (*end == 'i' && mul != 1)
    ++end;
  if ((*end == 'b' || *end == 'B') && mul != 1)
    ++end;
  if (*end)
    return false;
  if (v > (~0ull) / mul)
    return false;
  out = v * mul;
  return true;
}

constexpr std::size_t kDefaultStack = std::size_t(1) << 20;
constexpr std::size_t kMinStack = std::size_t(16) << 10;

/// The stack size for new processes: ALLO_SIM_STACK, or 1 MiB.
inline std::size_t stack_size_from_env() {
  const char *e = std::getenv("ALLO_SIM_STACK");
  if (!e || !*e)
    return kDefaultStack;
  unsigned long long v = 0;
  if (!parse_size(e, v))
    fatal(kExitSetup, std::string("invalid ALLO_SIM_STACK value '") + e +
                          "': expected a size in bytes, optionally with a K, "
                          "M or G suffix (e.g. ALLO_SIM_STACK=8M)");
  if (v < kMinStack)
    fatal(kExitSetup, std::string("ALLO_SIM_STACK=") + e +
                          " is too small: a process stack needs at least " +
                          std::to_string(kMinStack) + " bytes");
  std::size_t p = page_size();
  return static_cast<std::size_t>((v + p - 1) / p * p);
}

/// Reusable stacks of the current size (one pool per thread).
struct StackPool {
  std::size_t size = 0; ///< usable bytes of the pooled stacks
  std::vector<Stack> free;

  ~StackPool() { release(); }
  void release() {
    for (Stack &s : free)
      ::munmap(s.map, s.total);
    free.clear();
  }
  void set_size(std::size_t sz) {
    if (sz != size) {
      release();
      size = sz;
    }
  }
  Stack get(const std::string &who) {
    if (!free.empty()) {
      Stack s = free.back();
      free.pop_back();
      return s;
    }
    Stack s;
    s.guard = page_size();
    s.total = size + s.guard;
    void *m = ::mmap(nullptr, s.total, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS
#ifdef MAP_NORESERVE
                         | MAP_NORESERVE
#endif
#ifdef MAP_STACK
                         | MAP_STACK
#endif
                     ,
                     -1, 0);
    if (m == MAP_FAILED)
      fatal(kExitSetup, "cannot allocate a stack of " + std::to_string(size) +
                            " bytes for process " + who + ": " + std::strerror(errno) +
                            " (lower ALLO_SIM_STACK or raise the memory limit)");
    s.map = static_cast<char *>(m);
    if (::mprotect(s.map, s.guard, PROT_NONE) != 0)
      fatal(kExitSetup, std::string("cannot protect a stack guard page: ") + std::strerror(errno));
#ifdef MADV_NOHUGEPAGE
    // A huge page would commit 2 MiB per process stack.
    ::madvise(s.lo(), s.usable(), MADV_NOHUGEPAGE);
#endif
    return s;
  }
  void put(const Stack &s) {
    if (s.total == size + s.guard)
      free.push_back(s);
    else
      ::munmap(s.map, s.total);
  }
};

inline StackPool &stack_pool() {
  static thread_local StackPool pool;
  return pool;
}

//===----------------------------------------------------------------------===//
// Tasks and regions
//===----------------------------------------------------------------------===//

enum class Wait : unsigned char {
  None,      ///< running or ready
  Read,      ///< blocked: stream empty
  Write,     ///< blocked: stream full
  Children,  ///< blocked in Region::run() until its processes finish
  Producers, ///< not started: waits for processes given to start_after()
};

/// The run-time state of one Region invocation.
struct RegionState {
  std::string name, loc;
  std::size_t live = 0;    ///< processes started and not finished
  std::size_t started = 0; ///< processes started so far
  Task *waiter = nullptr;  ///< the process blocked in run(), if any
  RegionState *parent = nullptr;
  bool running = false;
};

/// The last region whose run() returned in one context (a process or the
/// main program): streams that existed then and still hold data when they
/// are destroyed are reported "at the end of" that region.
struct RegionEnd {
  std::string desc;           ///< "'name' (loc)"
  std::uint64_t id_limit = 0; ///< streams with a smaller id existed then
};
inline RegionEnd &main_region_end() {
  static thread_local RegionEnd e;
  return e;
}

/// One process: a closure run on its own stack.
struct Task {
  std::string name, loc;
  RegionState *region = nullptr;
  Context ctx;
  Stack stack;
  Task *next_ready = nullptr;
  Task *next_wait = nullptr;
  Task *live_prev = nullptr, *live_next = nullptr;
  StreamBase *blocked_on = nullptr; ///< with wait Read/Write
  StreamBase *polled = nullptr;     ///< last stream polled without success
  bool polled_write = false;
  Wait wait = Wait::None;
  bool started = false;
  std::uint64_t seq = 0;         ///< spawn order, for reports
  RegionEnd last_end;            ///< the last region run by this process
  std::vector<Task *> producers; ///< unfinished start_after() producers
  std::vector<Task *> consumers; ///< processes waiting for this one

  Task(const char *n, const char *l) : name(n ? n : ""), loc(l ? l : "") {}
  virtual ~Task() {}
  virtual void invoke() = 0;
  virtual void drop_body() = 0;
};

template <class F> struct TaskImpl final : Task {
  alignas(F) unsigned char storage[sizeof(F)];
  bool has_body = false;

  template <class G> TaskImpl(const char *n, const char *l, G &&g) : Task(n, l) {
    ::new (static_cast<void *>(storage)) F(std::forward<G>(g));
    has_body = true;
  }
  ~TaskImpl() override { drop_body(); }
  F &body() { return *std::launder(reinterpret_cast<F *>(storage)); }
  void invoke() override { body()(); }
  void drop_body() override {
    if (has_body) {
      has_body = false;
      body().~F();
    }
  }
};

//===----------------------------------------------------------------------===//
// Stream base: the depth-independent state every FIFO shares
//===----------------------------------------------------------------------===//

/// Statistics of streams destroyed during a run, merged by name and location.
struct RetiredStats {
  std::string name, loc, kind;
  bool bounded = true;
  std::uint64_t id = 0, instances = 0, depth = 0, writes = 0, reads = 0, max_occ = 0,
                full_stalls = 0, empty_stalls = 0;
};

/// Registry of the live streams of this thread (construction order).
struct Registry {
  StreamBase *head = nullptr, *tail = nullptr;
  std::uint64_t next_id = 1;
};
inline Registry &registry() {
  static thread_local Registry r;
  return r;
}

inline thread_local Scheduler *tls_scheduler = nullptr;
inline bool in_process_now();

class StreamBase {
public:
  StreamBase(const StreamBase &) = delete;
  StreamBase &operator=(const StreamBase &) = delete;

  // Names and locations (extensions of the vendor API).
  const std::string &name() const { return name_; }
  void set_name(const char *name) { name_ = name ? name : ""; }
  const std::string &decl_loc() const { return loc_; }
  StreamStats stats() const {
    StreamStats st;
    st.writes = wr_ - base_wr_;
    st.reads = rd_ - base_rd_;
    st.max_occupancy = max_occ_;
    st.full_stalls = full_stalls_;
    st.empty_stalls = empty_stalls_;
    return st;
  }

protected:
  StreamBase(const char *kind, const char *unit, std::uint64_t depth)
      : depth_(depth), kind_(kind), unit_(unit) {
    bounded_ = in_process_now();
    Registry &r = registry();
    id_ = r.next_id++;
    reg_prev_ = r.tail;
    if (r.tail)
      r.tail->reg_next_ = this;
    else
      r.head = this;
    r.tail = this;
  }
  ~StreamBase() { retire(); }

  /// Leftover warning, statistics hand-over and unregistration; derived
  /// classes call it before destroying their elements (idempotent).
  void retire();

  std::string display_name() const;
  std::string display() const { return describe(display_name(), loc_); }
  std::uint64_t occupancy() const { return wr_ - rd_ + held_; }
  /// "occupancy/depth", or "occupancy (unbounded)".
  std::string fill() const {
    std::string f = std::to_string(occupancy());
    return bounded_ ? f + "/" + std::to_string(depth_) : f + " (unbounded)";
  }

  // Slow paths (see the cpp part below).
  void block(Wait why);
  bool poll_failed(bool writing);
  void wake_waiters();
  [[noreturn]] void empty_read_outside(const char *kind) const;
  void check_depth(long depth) const;

  // Hot state first: indices (monotonic counters, also the statistics),
  // the blocking limit, the waiting processes.
  std::uint64_t wr_ = 0, rd_ = 0; ///< elements written / read so far
  std::uint64_t depth_;           ///< configured depth (capacity)
  std::uint64_t max_occ_ = 0;     ///< maximum occupancy seen
  Task *waiters_ = nullptr;       ///< processes blocked on this stream
  std::uint64_t held_ = 0;        ///< blocks held by live locks (blocks)

  // Cold state.
  std::uint64_t full_stalls_ = 0, empty_stalls_ = 0;
  std::uint64_t base_wr_ = 0, base_rd_ = 0; ///< counters at run start
  std::string name_, loc_;
  const char *kind_; ///< "stream" or "stream_of_blocks"
  const char *unit_; ///< "elements" or "blocks"
  bool configured_ = false;
  /// Writers block on full: configured, set_depth() called, or constructed
  /// in a process. Otherwise the stream belongs to the testbench and is
  /// unbounded for writers, as in C simulation (see docs/simulator.md).
  bool bounded_ = false;
  bool retired_ = false;
  std::uint64_t id_ = 0;
  StreamBase *reg_prev_ = nullptr, *reg_next_ = nullptr;

  friend class Scheduler;
  friend void configure_one(StreamBase &s, long depth, const std::string &name, const char *loc);
  virtual void apply_depth(std::uint64_t depth) { depth_ = depth; }
};

//===----------------------------------------------------------------------===//
// Scheduler
//===----------------------------------------------------------------------===//

inline bool &report_flag() {
  static bool f = false;
  return f;
}

inline bool report_enabled() {
  if (report_flag())
    return true;
  const char *e = std::getenv("ALLO_SIM_REPORT");
  return e && *e && std::strcmp(e, "0") != 0;
}

inline std::uint64_t poll_limit_from_env() {
  const char *e = std::getenv("ALLO_SIM_POLL_LIMIT");
  if (!e || !*e)
    return 10000000ull;
  unsigned long long v = 0;
  char *end = nullptr;
  errno = 0;
  v = std::strtoull(e, &end, 10);
  if (errno || end == e || *end)
    fatal(kExitSetup, std::string("invalid ALLO_SIM_POLL_LIMIT value '") + e +
                          "': expected a number of polls (0 = never report)");
  return v;
}

inline void allo_sim_task_main(Task *t);

class Scheduler {
public:
  Task *current = nullptr;
  RegionState *top = nullptr;
  std::uint64_t switches = 0;
  std::uint64_t spawned = 0;
  std::uint64_t epoch = 0; ///< bumped by process starts/ends, stream births
  bool report = false;
  std::vector<RetiredStats> retired;

  explicit Scheduler(RegionState *t) : top(t) {
    report = report_enabled();
    poll_limit_ = poll_limit_from_env();
    stack_pool().set_size(stack_size_from_env());
    // Statistics of this run start from the streams' present counters.
    for (StreamBase *s = registry().head; s; s = s->reg_next_) {
      s->base_wr_ = s->wr_;
      s->base_rd_ = s->rd_;
      s->full_stalls_ = s->empty_stalls_ = 0;
      s->max_occ_ = s->wr_ - s->rd_ + s->held_;
    }
    install_overflow_handler();
  }
  ~Scheduler() {
    reap();
    remove_overflow_handler();
  }

  /// Starts a process of region `r` (ready at the end of the queue).
  void start(Task *t, RegionState *r) {
    reap();
    t->region = r;
    t->seq = spawned++;
    t->stack = stack_pool().get(describe(t->name, t->loc));
#if defined(ALLO_SIM_ASAN)
    // A recycled stack still carries the poisoned redzones of the frames
    // its last process never returned from.
    __asan_unpoison_memory_region(t->stack.lo(), t->stack.usable());
#endif
    init_context(t);
    t->started = true;
    ++r->live;
    ++r->started;
    ++epoch;
    t->live_prev = live_tail_;
    t->live_next = nullptr;
    if (live_tail_)
      live_tail_->live_next = t;
    else
      live_head_ = t;
    live_tail_ = t;
    if (t->producers.empty())
      make_ready(t);
    else
      t->wait = Wait::Producers;
  }

  void make_ready(Task *t) {
    t->next_ready = nullptr;
    if (ready_tail_)
      ready_tail_->next_ready = t;
    else
      ready_head_ = t;
    ready_tail_ = t;
  }

  /// The scheduler loop of a top-level region: runs until `r` has no live
  /// process; reports a deadlock when nothing can run.
  void loop(RegionState *r) {
    while (r->live > 0) {
      Task *t = pop_ready();
      if (!t)
        deadlock(nullptr);
      current = t;
      ++switches;
      switch_context(main_ctx_, t);
      current = nullptr;
      reap();
    }
  }

  /// Blocks the current process (it is in no ready queue) and runs the next.
  void suspend() {
    Task *self = current;
    Task *next = pop_ready();
    if (next == self)
      return;
    ++switches;
    current = next;
    switch_from(self, next);
  }

  /// Puts the current process at the end of the queue and runs the next.
  /// Called on an unsuccessful poll; counts polls that see no progress.
  void yield_poll() {
    if (ALLO_SIM_UNLIKELY(++polls_ >= kPollCheck))
      check_livelock();
    Task *self = current;
    make_ready(self);
    suspend();
  }

  /// The end of a process, on its own stack: never returns.
  [[noreturn]] void finish(Task *self) {
    self->drop_body();
    RegionState *r = self->region;
    if (self->live_prev)
      self->live_prev->live_next = self->live_next;
    else
      live_head_ = self->live_next;
    if (self->live_next)
      self->live_next->live_prev = self->live_prev;
    else
      live_tail_ = self->live_prev;
    ++epoch;
    for (Task *c : self->consumers) {
      c->producers.erase(std::find(c->producers.begin(), c->producers.end(), self));
      if (c->producers.empty() && c->started) {
        c->wait = Wait::None;
        make_ready(c);
      }
    }
    self->consumers.clear();
    if (--r->live == 0 && r->waiter) {
      Task *w = r->waiter;
      r->waiter = nullptr;
      w->wait = Wait::None;
      make_ready(w);
    }
    self->next_ready = zombies_;
    zombies_ = self;
    Task *next = pop_ready();
    ++switches;
    current = next;
    switch_from(self, next, /*dying=*/true);
    __builtin_unreachable();
  }

  [[noreturn]] void deadlock(const char *why);

  /// The signal handler's view: the process running now.
  static Scheduler *active() { return tls_scheduler; }

  /// Adds the statistics of a stream destroyed during the run.
  void retire_stats(const StreamBase &s);
  void print_report(const RegionState &r);

  std::uint64_t progress_signature() const {
    std::uint64_t sig = epoch * 0x9E3779B97F4A7C15ull;
    for (StreamBase *s = registry().head; s; s = s->reg_next_)
      sig += s->wr_ * 3 + s->rd_ * 5 + s->held_ * 7;
    return sig;
  }

private:
  static constexpr std::uint64_t kPollCheck = 1u << 16;

  Task *pop_ready() {
    Task *t = ready_head_;
    if (t) {
      ready_head_ = t->next_ready;
      if (!ready_head_)
        ready_tail_ = nullptr;
    }
    return t;
  }

  /// Frees the stacks and closures of finished processes.
  void reap() {
    while (zombies_) {
      Task *t = zombies_;
      zombies_ = t->next_ready;
      stack_pool().put(t->stack);
      delete t;
    }
  }

  void check_livelock() {
    polls_ = 0;
    std::uint64_t sig = progress_signature();
    if (sig != last_sig_) {
      last_sig_ = sig;
      stalled_ = 0;
      return;
    }
    stalled_ += kPollCheck;
    if (poll_limit_ != 0 && stalled_ >= poll_limit_)
      deadlock("livelock");
  }

  void init_context(Task *t) {
#if defined(ALLO_SIM_CTX_UCONTEXT)
    if (::getcontext(&t->ctx.uc) != 0)
      fatal(kExitSetup, "getcontext failed");
    t->ctx.uc.uc_stack.ss_sp = t->stack.lo();
    t->ctx.uc.uc_stack.ss_size = t->stack.usable();
    t->ctx.uc.uc_link = nullptr;
    std::uintptr_t p = reinterpret_cast<std::uintptr_t>(t);
    ::makecontext(&t->ctx.uc, reinterpret_cast<void (*)()>(&ucontext_entry), 2,
                  static_cast<unsigned>(p >> 32), static_cast<unsigned>(p & 0xffffffffu));
#elif defined(ALLO_SIM_CTX_X86_64)
    // Frame popped by allo_sim_swap: control words, r15, r14, r13, r12 (the
    // task), rbx (the entry function), rbp (0: end of the frame chain) and
    // the return address allo_sim_start. 16-byte aligned top, so the call in
    // allo_sim_start enters the function with the ABI's alignment.
    std::uintptr_t top = reinterpret_cast<std::uintptr_t>(t->stack.hi()) & ~std::uintptr_t(15);
    void **f = reinterpret_cast<void **>(top) - 8;
    std::uint32_t csr = 0;
    std::uint16_t cw = 0;
    __asm__ volatile("stmxcsr %0" : "=m"(csr));
    __asm__ volatile("fnstcw %0" : "=m"(cw));
    std::uint64_t words = csr | (std::uint64_t(cw) << 32);
    std::memcpy(&f[0], &words, 8);
    f[1] = nullptr;                                       // r15
    f[2] = nullptr;                                       // r14
    f[3] = nullptr;                                       // r13
    f[4] = t;                                             // r12
    f[5] = reinterpret_cast<void *>(&allo_sim_task_main); // rbx
    f[6] = nullptr;                                       // rbp
    f[7] = reinterpret_cast<void *>(&allo_sim_start);     // return address
    t->ctx.sp = f;
#elif defined(ALLO_SIM_CTX_AARCH64)
    // Frame popped by allo_sim_swap: fp (0: end of the frame chain), the
    // resume address (the entry function), FPCR, the entry's argument.
    std::uintptr_t top = reinterpret_cast<std::uintptr_t>(t->stack.hi()) & ~std::uintptr_t(15);
    void **f = reinterpret_cast<void **>(top - 48);
    std::memset(f, 0, 48);
    std::uint64_t fpcr = 0;
    __asm__ volatile("mrs %0, fpcr" : "=r"(fpcr));
    f[0] = nullptr;
    f[1] = reinterpret_cast<void *>(&allo_sim_task_main);
    std::memcpy(&f[2], &fpcr, 8);
    f[3] = t;
    t->ctx.sp = f;
#endif
#if defined(ALLO_SIM_ASAN)
    t->ctx.stack_bottom = t->stack.lo();
    t->ctx.stack_size = t->stack.usable();
#endif
  }

#if defined(ALLO_SIM_CTX_UCONTEXT)
  static void ucontext_entry(unsigned hi, unsigned lo) {
    std::uintptr_t p = (std::uintptr_t(hi) << 32) | std::uintptr_t(lo);
    allo_sim_task_main(reinterpret_cast<Task *>(p));
  }
#endif

  static void raw_swap(Context &from, Context &to) {
#if defined(ALLO_SIM_CTX_UCONTEXT)
    if (::swapcontext(&from.uc, &to.uc) != 0)
      fatal(kExitSetup, "swapcontext failed");
#else
    allo_sim_swap(&from.sp, to.sp);
#endif
  }

public:
#if defined(ALLO_SIM_ASAN)
  void asan_arrived(void *fake) {
    const void *bottom = nullptr;
    std::size_t size = 0;
    __sanitizer_finish_switch_fiber(fake, &bottom, &size);
    if (main_ctx_.stack_size == 0 && from_main_) {
      main_ctx_.stack_bottom = bottom;
      main_ctx_.stack_size = size;
    }
    from_main_ = false;
  }
#endif

private:
  /// Switches from the scheduler loop (main context) to task `t`.
  void switch_context(Context &from, Task *t) {
#if defined(ALLO_SIM_ASAN)
    void *fake = nullptr;
    from_main_ = true;
    __sanitizer_start_switch_fiber(&fake, t->ctx.stack_bottom, t->ctx.stack_size);
    raw_swap(from, t->ctx);
    asan_arrived(fake);
#else
    raw_swap(from, t->ctx);
#endif
  }

  /// Switches from process `self` to `next` (or to the scheduler loop).
  void switch_from(Task *self, Task *next, bool dying = false) {
    Context &to = next ? next->ctx : main_ctx_;
#if defined(ALLO_SIM_ASAN)
    void *fake = nullptr;
    from_main_ = false;
    __sanitizer_start_switch_fiber(dying ? nullptr : &fake, to.stack_bottom, to.stack_size);
    raw_swap(self->ctx, to);
    asan_arrived(fake);
#else
    (void)dying;
    raw_swap(self->ctx, to);
#endif
  }

  // The stack-overflow handler (SIGSEGV on an alternate stack).
  static void overflow_handler(int sig, siginfo_t *info, void *uctx);
  void install_overflow_handler();
  void remove_overflow_handler();

  Context main_ctx_;
  Task *ready_head_ = nullptr, *ready_tail_ = nullptr;
  Task *live_head_ = nullptr, *live_tail_ = nullptr;
  Task *zombies_ = nullptr;
  std::uint64_t polls_ = 0, stalled_ = 0, last_sig_ = 0, poll_limit_ = 0;
  stack_t old_altstack_;
  bool altstack_set_ = false;
  bool handler_installed_ = false;
#if defined(ALLO_SIM_ASAN)
  bool from_main_ = false;
#endif
};

/// The process running now on this thread, or null (main program).
inline Task *current_task() {
  Scheduler *s = tls_scheduler;
  return s ? s->current : nullptr;
}

inline bool in_process_now() { return current_task() != nullptr; }

/// Entry of every process, on its own stack.
inline void allo_sim_task_main(Task *t) {
  Scheduler *s = tls_scheduler;
#if defined(ALLO_SIM_ASAN)
  s->asan_arrived(nullptr);
#endif
  // An exception cannot leave a process (its stack has no caller to unwind
  // to): report it and abort, as an uncaught exception would.
  try {
    t->invoke();
  } catch (const std::exception &e) {
    std::fprintf(stderr, "allo-sim: process %s terminated by an exception: %s\n",
                 describe(t->name, t->loc).c_str(), e.what());
    std::fflush(nullptr);
    std::abort();
  } catch (...) {
    std::fprintf(stderr, "allo-sim: process %s terminated by an exception\n",
                 describe(t->name, t->loc).c_str());
    std::fflush(nullptr);
    std::abort();
  }
  s->finish(t);
}

//===----------------------------------------------------------------------===//
// StreamBase slow paths
//===----------------------------------------------------------------------===//

inline std::string StreamBase::display_name() const {
  if (!name_.empty())
    return name_;
  return "<unnamed " + std::string(kind_) + " #" + std::to_string(id_) + ">";
}

/// Blocks the current process until the stream changes (the caller loops).
inline void StreamBase::block(Wait why) {
  Scheduler *s = tls_scheduler;
  Task *t = s->current;
  if (why == Wait::Read)
    ++empty_stalls_;
  else
    ++full_stalls_;
  t->wait = why;
  t->blocked_on = this;
  t->next_wait = nullptr;
  Task **p = &waiters_;
  while (*p)
    p = &(*p)->next_wait;
  *p = t;
  s->suspend();
  t->blocked_on = nullptr;
}

/// An unsuccessful poll (empty(), full(), read_nb, write_nb) in a process
/// lets the other processes run. Returns true when called in a process.
inline bool StreamBase::poll_failed(bool writing) {
  Scheduler *s = tls_scheduler;
  if (!s || !s->current)
    return false;
  s->current->polled = this;
  s->current->polled_write = writing;
  s->yield_poll();
  return true;
}

ALLO_SIM_NOINLINE inline void StreamBase::wake_waiters() {
  Scheduler *s = tls_scheduler;
  Task *t = waiters_;
  waiters_ = nullptr;
  while (t) {
    Task *n = t->next_wait;
    t->next_wait = nullptr;
    t->wait = Wait::None;
    if (s)
      s->make_ready(t);
    t = n;
  }
}

ALLO_SIM_COLD inline void StreamBase::empty_read_outside(const char *kind) const {
  std::fprintf(stderr, "%s '%s' read while empty\n", kind,
               name_.empty() ? "<unnamed>" : name_.c_str());
  std::fflush(stderr);
  std::abort();
}

inline void StreamBase::check_depth(long depth) const {
  if (depth < 1)
    fatal(kExitSetup, std::string(kind_) + " " + display() + ": depth " + std::to_string(depth) +
                          " is invalid (at least 1)");
}

inline void StreamBase::retire() {
  if (retired_)
    return;
  retired_ = true;
  std::uint64_t left = wr_ - rd_;
  Scheduler *s = tls_scheduler;
  if (left != 0) {
    Task *cur = s ? s->current : nullptr;
    const RegionEnd &e = cur ? cur->last_end : main_region_end();
    std::string when = "when destroyed";
    if (configured_ && !e.desc.empty() && id_ < e.id_limit)
      when = "at the end of region " + e.desc;
    std::fprintf(stderr, "allo-sim: warning: %s %s holds %llu %s %s\n", kind_, display().c_str(),
                 static_cast<unsigned long long>(left),
                 left == 1 ? (unit_[0] == 'b' ? "block" : "element") : unit_, when.c_str());
  }
  if (s) {
    ++s->epoch;
    if (s->report)
      s->retire_stats(*this);
  }
  Registry &r = registry();
  if (reg_prev_)
    reg_prev_->reg_next_ = reg_next_;
  else
    r.head = reg_next_;
  if (reg_next_)
    reg_next_->reg_prev_ = reg_prev_;
  else
    r.tail = reg_prev_;
  reg_prev_ = reg_next_ = nullptr;
}

inline void configure_one(StreamBase &s, long depth, const std::string &name, const char *loc) {
  s.name_ = name;
  s.loc_ = loc ? loc : "";
  s.configured_ = true;
  s.bounded_ = true;
  s.check_depth(depth);
  s.apply_depth(static_cast<std::uint64_t>(depth));
}

template <class S> void configure_rec(S &s, long depth, std::string &name, const char *loc) {
  if constexpr (std::is_array<S>::value) {
    const std::size_t len = name.size();
    for (std::size_t i = 0; i < std::extent<S>::value; ++i) {
      name += '[';
      name += std::to_string(i);
      name += ']';
      configure_rec(s[i], depth, name, loc);
      name.resize(len);
    }
  } else {
    static_assert(std::is_base_of<StreamBase, S>::value,
                  "allo::sim::configure takes an hls::stream, an "
                  "hls::stream_of_blocks, or an array of them");
    configure_one(s, depth, name, loc);
  }
}

//===----------------------------------------------------------------------===//
// Reports
//===----------------------------------------------------------------------===//

ALLO_SIM_COLD inline void Scheduler::deadlock(const char *why) {
  std::fflush(stdout);
  RegionState *r = top;
  if (why)
    std::fprintf(stderr,
                 "allo-sim: deadlock in region %s: the processes only poll "
                 "streams that never change (%llu polls without progress; "
                 "ALLO_SIM_POLL_LIMIT)\n",
                 describe(r->name, r->loc).c_str(), static_cast<unsigned long long>(stalled_));
  else
    std::fprintf(stderr, "allo-sim: deadlock in region %s: no process can run\n",
                 describe(r->name, r->loc).c_str());
  for (Task *t = live_head_; t; t = t->live_next) {
    // Repeated names (processes spawned in a loop) get an instance number.
    std::size_t nth = 0, same = 0;
    for (Task *u = live_head_; u; u = u->live_next)
      if (u->region == t->region && u->name == t->name) {
        ++same;
        if (u->seq < t->seq)
          ++nth;
      }
    std::string who = "process " + describe(t->name, t->loc);
    if (same > 1)
      who += " #" + std::to_string(nth);
    if (t->region != top)
      who += " in region " + describe(t->region->name, t->region->loc);
    std::string what;
    if (t->wait == Wait::Read || t->wait == Wait::Write) {
      StreamBase *s = t->blocked_on;
      bool w = t->wait == Wait::Write;
      what = std::string(w ? "is blocked writing " : "is blocked reading ") + s->kind_ + " " +
             s->display() + ": " + (w ? "full" : "empty") + ", " + s->fill() + " " + s->unit_;
      if (s->held_)
        what += " (" + std::to_string(s->held_) + " held by locks)";
    } else if (t->wait == Wait::Children) {
      RegionState *c = nullptr;
      for (Task *u = live_head_; u && !c; u = u->live_next)
        if (u->region->waiter == t)
          c = u->region;
      if (c)
        what = "waits for region " + describe(c->name, c->loc) + ": " + std::to_string(c->live) +
               " of " + std::to_string(c->started) + " processes not finished";
      else
        what = "waits for the processes of its region";
    } else if (t->wait == Wait::Producers) {
      what = "has not started: it waits for";
      for (std::size_t i = 0; i < t->producers.size(); ++i)
        what += std::string(i ? ", " : " ") + "process " +
                describe(t->producers[i]->name, t->producers[i]->loc);
      what += " to finish (start_after)";
    } else if (t->polled) {
      StreamBase *s = t->polled;
      what = std::string("polls ") + s->kind_ + " " + s->display() + ", which stays " +
             (t->polled_write ? "full" : "empty") + ", " + s->fill() + " " + s->unit_;
    } else {
      what = "is ready but makes no progress";
    }
    std::fprintf(stderr, "allo-sim:   %s %s\n", who.c_str(), what.c_str());
  }
  std::fprintf(stderr, "allo-sim: exiting with status %d (deadlock)\n", kExitDeadlock);
  die(kExitDeadlock);
}

inline void Scheduler::retire_stats(const StreamBase &s) {
  std::uint64_t wr = s.wr_ - s.base_wr_, rd = s.rd_ - s.base_rd_;
  if (wr == 0 && rd == 0 && s.full_stalls_ == 0 && s.empty_stalls_ == 0)
    return;
  std::string name = s.display_name();
  for (RetiredStats &x : retired)
    if (x.name == name && x.loc == s.loc_ && x.kind == s.kind_) {
      ++x.instances;
      x.depth = std::max<std::uint64_t>(x.depth, s.depth_);
      x.writes += wr;
      x.reads += rd;
      x.max_occ = std::max(x.max_occ, s.max_occ_);
      x.full_stalls += s.full_stalls_;
      x.empty_stalls += s.empty_stalls_;
      return;
    }
  RetiredStats x;
  x.name = name;
  x.loc = s.loc_;
  x.kind = s.kind_;
  x.bounded = s.bounded_;
  x.id = s.id_;
  x.instances = 1;
  x.depth = s.depth_;
  x.writes = wr;
  x.reads = rd;
  x.max_occ = s.max_occ_;
  x.full_stalls = s.full_stalls_;
  x.empty_stalls = s.empty_stalls_;
  retired.push_back(x);
}

inline void Scheduler::print_report(const RegionState &r) {
  std::vector<RetiredStats> rows;
  for (StreamBase *s = registry().head; s; s = s->reg_next_) {
    std::uint64_t wr = s->wr_ - s->base_wr_, rd = s->rd_ - s->base_rd_;
    if (wr == 0 && rd == 0 && s->full_stalls_ == 0 && s->empty_stalls_ == 0)
      continue;
    RetiredStats x;
    x.name = s->display_name();
    x.loc = s->loc_;
    x.kind = s->kind_;
    x.bounded = s->bounded_;
    x.id = s->id_;
    x.instances = 1;
    x.depth = s->depth_;
    x.writes = wr;
    x.reads = rd;
    x.max_occ = s->max_occ_;
    x.full_stalls = s->full_stalls_;
    x.empty_stalls = s->empty_stalls_;
    rows.push_back(x);
  }
  rows.insert(rows.end(), retired.begin(), retired.end());
  std::sort(rows.begin(), rows.end(),
            [](const RetiredStats &a, const RetiredStats &b) { return a.id < b.id; });
  std::uint64_t total = 0;
  for (const RetiredStats &x : rows)
    total += x.reads;
  std::fprintf(stderr,
               "allo-sim: region %s: %llu processes, %llu context switches, "
               "%llu stream reads\n",
               describe(r.name, r.loc).c_str(), static_cast<unsigned long long>(spawned),
               static_cast<unsigned long long>(switches), static_cast<unsigned long long>(total));
  std::vector<std::string> names, locs;
  std::size_t wn = 6, wl = 11;
  for (const RetiredStats &x : rows) {
    std::string n = x.name;
    if (x.instances > 1)
      n += " (x" + std::to_string(x.instances) + ")";
    if (x.kind != "stream")
      n += " [blocks]";
    names.push_back(n);
    locs.push_back(x.loc.empty() ? std::string("-") : x.loc);
    wn = std::max(wn, names.back().size());
    wl = std::max(wl, locs.back().size());
  }
  std::fprintf(stderr, "allo-sim: %-*s  %-*s  %8s  %10s  %10s  %9s  %11s  %12s\n",
               static_cast<int>(wn), "stream", static_cast<int>(wl), "declared at", "depth",
               "writes", "reads", "max-occup", "full-stalls", "empty-stalls");
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const RetiredStats &x = rows[i];
    std::string depth = x.bounded ? std::to_string(x.depth) : "-";
    std::fprintf(stderr,
                 "allo-sim: %-*s  %-*s  %8s  %10llu  %10llu  %9llu  %11llu  "
                 "%12llu\n",
                 static_cast<int>(wn), names[i].c_str(), static_cast<int>(wl), locs[i].c_str(),
                 depth.c_str(), static_cast<unsigned long long>(x.writes),
                 static_cast<unsigned long long>(x.reads),
                 static_cast<unsigned long long>(x.max_occ),
                 static_cast<unsigned long long>(x.full_stalls),
                 static_cast<unsigned long long>(x.empty_stalls));
  }
}

//===----------------------------------------------------------------------===//
// Stack overflow
//===----------------------------------------------------------------------===//

inline void write_str(const char *s) {
  std::size_t n = std::strlen(s);
  while (n) {
    ssize_t k = ::write(2, s, n);
    if (k <= 0)
      return;
    s += k;
    n -= static_cast<std::size_t>(k);
  }
}

/// The SIGSEGV disposition is process-wide: installed by the first running
/// simulation (of any thread), restored when the last one ends.
struct SegvState {
  std::mutex m;
  int users = 0;
  struct sigaction old;
};
inline SegvState &segv_state() {
  static SegvState st;
  return st;
}

inline char *&altstack_memory() {
  static thread_local char *m = nullptr;
  return m;
}
constexpr std::size_t kAltStack = 64 * 1024;

inline void Scheduler::overflow_handler(int sig, siginfo_t *info, void *uctx) {
  Scheduler *s = tls_scheduler;
  Task *t = s ? s->current : nullptr;
  bool overflow = false;
  if (t) {
    char *addr = static_cast<char *>(info->si_addr);
    char *lo = t->stack.lo();
    // A fault in the guard page, or just below the stack with the stack
    // pointer below it too (a frame larger than the guard page).
    if (addr >= t->stack.map && addr < lo)
      overflow = true;
    std::uintptr_t sp = 0;
#if defined(__x86_64__) && defined(REG_RSP)
    sp = static_cast<std::uintptr_t>(static_cast<ucontext_t *>(uctx)->uc_mcontext.gregs[REG_RSP]);
#elif defined(__aarch64__) && defined(__linux__)
    sp = static_cast<std::uintptr_t>(static_cast<ucontext_t *>(uctx)->uc_mcontext.sp);
#endif
    (void)uctx;
    if (sp != 0 && sp < reinterpret_cast<std::uintptr_t>(lo) &&
        reinterpret_cast<std::uintptr_t>(lo) - sp < (std::uintptr_t(64) << 20))
      overflow = true;
  }
  if (!overflow) {
    // Not ours: restore the previous disposition; the fault repeats there.
    ::sigaction(sig, &segv_state().old, nullptr);
    return;
  }
  char num[32];
  std::size_t v = t->stack.usable(), n = 0;
  char tmp[32];
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v);
  for (std::size_t i = 0; i < n; ++i)
    num[i] = tmp[n - 1 - i];
  num[n] = 0;
  write_str("allo-sim: stack overflow in process '");
  write_str(t->name.c_str());
  write_str("'");
  if (!t->loc.empty()) {
    write_str(" (");
    write_str(t->loc.c_str());
    write_str(")");
  }
  write_str("; its stack has ");
  write_str(num);
  write_str(" bytes: set ALLO_SIM_STACK to a larger size (e.g. "
            "ALLO_SIM_STACK=16M)\n");
  ::_exit(kExitStackOverflow);
}

inline void Scheduler::install_overflow_handler() {
  char *&alt = altstack_memory();
  if (!alt) {
    void *m =
        ::mmap(nullptr, kAltStack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED)
      return; // no overflow report, the simulation still works
    alt = static_cast<char *>(m);
  }
  stack_t ss;
  std::memset(&ss, 0, sizeof ss);
  ss.ss_sp = alt;
  ss.ss_size = kAltStack;
  if (::sigaltstack(&ss, &old_altstack_) != 0)
    return;
  altstack_set_ = true;
  SegvState &st = segv_state();
  std::lock_guard<std::mutex> lk(st.m);
  if (st.users == 0) {
    struct sigaction sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = &Scheduler::overflow_handler;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    if (::sigaction(SIGSEGV, &sa, &st.old) != 0)
      return;
  }
  ++st.users;
  handler_installed_ = true;
}

inline void Scheduler::remove_overflow_handler() {
  if (handler_installed_) {
    SegvState &st = segv_state();
    std::lock_guard<std::mutex> lk(st.m);
    if (--st.users == 0)
      ::sigaction(SIGSEGV, &st.old, nullptr);
    handler_installed_ = false;
  }
  if (altstack_set_) {
    ::sigaltstack(&old_altstack_, nullptr);
    altstack_set_ = false;
  }
}

} // namespace detail

//===----------------------------------------------------------------------===//
// Public API
//===----------------------------------------------------------------------===//

/// Prints the statistics table at the end of every top-level region (as
/// ALLO_SIM_REPORT=1 does).
inline void set_report(bool on) { detail::report_flag() = on; }

/// True inside a process of a running simulation.
inline bool in_process() { return detail::current_task() != nullptr; }

/// Sets the depth, the name and the declaration location of a stream (or of
/// every element of an array of streams of any rank; elements are named
/// "name[i][j]").
template <class S>
void configure(S &stream_or_array, long depth, const char *name, const char *loc) {
  std::string n(name ? name : "");
  detail::configure_rec(stream_or_array, depth, n, loc);
}

/// One invocation of a dataflow region: spawn its processes, then run().
class Region {
public:
  Region(const char *name, const char *loc) {
    st_.name = name ? name : "";
    st_.loc = loc ? loc : "";
  }
  Region(const Region &) = delete;
  Region &operator=(const Region &) = delete;
  ~Region() {
    if (!pending_.empty()) {
      std::fprintf(stderr,
                   "allo-sim: warning: region %s destroyed with %zu processes "
                   "that never ran (run() was not called)\n",
                   detail::describe(st_.name, st_.loc).c_str(), pending_.size());
      for (detail::Task *t : pending_)
        delete t;
    }
  }

  /// Adds a process running `body()` (a callable taking no arguments).
  /// Returns its index in this region (0, 1, ... in spawn order), for
  /// start_after().
  template <class F> std::size_t spawn(const char *name, const char *loc, F &&body) {
    using Fn = typename std::decay<F>::type;
    detail::Task *t = new detail::TaskImpl<Fn>(name, loc, std::forward<F>(body));
    detail::Scheduler *s = detail::tls_scheduler;
    std::size_t id = spawned_++;
    if (st_.running && s)
      s->start(t, &st_); // spawned while the region runs: starts at once
    else
      pending_.push_back(t);
    return id;
  }

  /// Process `process` starts only after process `producer` (indices
  /// returned by spawn()) has finished: for channels that are not streams
  /// -- an array (a PIPO in hardware) or a scalar one process writes and
  /// another reads. Both must be spawned and not yet run. A cycle of such
  /// orders is reported as a deadlock when run.
  void start_after(std::size_t process, std::size_t producer) {
    std::size_t first = spawned_ - pending_.size();
    if (process < first || process >= spawned_ || producer < first || producer >= spawned_ ||
        process == producer)
      detail::fatal(kExitSetup, "region " + detail::describe(st_.name, st_.loc) + ": start_after(" +
                                    std::to_string(process) + ", " + std::to_string(producer) +
                                    ") needs two different processes spawned and not "
                                    "yet run");
    detail::Task *c = pending_[process - first];
    detail::Task *p = pending_[producer - first];
    if (std::find(c->producers.begin(), c->producers.end(), p) != c->producers.end())
      return;
    c->producers.push_back(p);
    p->consumers.push_back(c);
  }

  /// Runs every spawned process concurrently until all have finished. From
  /// the main program this is the scheduler loop; from inside a process the
  /// children join the running simulation and the caller waits for them.
  void run() {
    if (pending_.empty())
      return;
    detail::Scheduler *s = detail::tls_scheduler;
    detail::Task *cur = s ? s->current : nullptr;
    if (!cur) {
      if (s)
        detail::fatal(kExitSetup, "region " + detail::describe(st_.name, st_.loc) +
                                      " run while another simulation runs "
                                      "on this thread, outside its processes");
      detail::Scheduler sched(&st_);
      detail::tls_scheduler = &sched;
      start_pending(sched);
      sched.loop(&st_);
      st_.running = false;
      if (sched.report)
        sched.print_report(st_);
      detail::tls_scheduler = nullptr;
      note_end(detail::main_region_end());
    } else {
      st_.parent = cur->region;
      start_pending(*s);
      if (st_.live > 0) {
        st_.waiter = cur;
        cur->wait = detail::Wait::Children;
        s->suspend();
      }
      st_.running = false;
      note_end(cur->last_end);
    }
  }

  const std::string &name() const { return st_.name; }
  const std::string &loc() const { return st_.loc; }

private:
  void note_end(detail::RegionEnd &e) const {
    e.desc = detail::describe(st_.name, st_.loc);
    e.id_limit = detail::registry().next_id;
  }
  void start_pending(detail::Scheduler &s) {
    st_.running = true;
    std::vector<detail::Task *> ts;
    ts.swap(pending_);
    for (detail::Task *t : ts)
      s.start(t, &st_);
  }

  detail::RegionState st_;
  std::vector<detail::Task *> pending_;
  std::size_t spawned_ = 0;
};

} // namespace sim
} // namespace allo

#endif // ALLO_SIM_ALLO_SIM_H
