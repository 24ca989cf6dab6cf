//===- sim_deadlock_test.cpp - Deadlock, livelock and crash reports ------===//
//
// Death tests: the simulation must stop with a report that names the
// processes, the streams, why each process waits, and the exit status of
// docs/simulator.md -- never hang.
//
//===----------------------------------------------------------------------===//

#include "allo_sim.h"
#include "hls_stream.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

namespace {

using allo::sim::configure;
using allo::sim::Region;

// Two processes that each write three elements to the other before reading:
// fine with unbounded FIFOs (csim), a deadlock with depth 2.
void shallow_cycle() {
  hls::stream<int> ab, ba;
  configure(ab, 2, "ab", "cyc.cpp:3");
  configure(ba, 2, "ba", "cyc.cpp:4");
  Region r("cycle", "cyc.cpp:2");
  r.spawn("ping", "cyc.cpp:5", [&] {
    for (int i = 0; i < 3; ++i)
      ab.write(i);
    for (int i = 0; i < 3; ++i)
      (void)ba.read();
  });
  r.spawn("pong", "cyc.cpp:6", [&] {
    for (int i = 0; i < 3; ++i)
      ba.write(i);
    for (int i = 0; i < 3; ++i)
      (void)ab.read();
  });
  r.run();
}

TEST(SimDeadlockDeathTest, CycleWithTooShallowFifos) {
  EXPECT_EXIT(shallow_cycle(), testing::ExitedWithCode(3),
              "allo-sim: deadlock in region 'cycle' \\(cyc.cpp:2\\): no "
              "process can run\n"
              "allo-sim:   process 'ping' \\(cyc.cpp:5\\) is blocked writing "
              "stream 'ab' \\(cyc.cpp:3\\): full, 2/2 elements\n"
              "allo-sim:   process 'pong' \\(cyc.cpp:6\\) is blocked writing "
              "stream 'ba' \\(cyc.cpp:4\\): full, 2/2 elements\n"
              "allo-sim: exiting with status 3 \\(deadlock\\)");
}

// The same cycle works once the FIFOs are deep enough (the test above fails
// for the right reason).
TEST(SimDeadlock, CycleWithDeepEnoughFifos) {
  hls::stream<int> ab, ba;
  configure(ab, 3, "ab", "cyc.cpp:3");
  configure(ba, 3, "ba", "cyc.cpp:4");
  int sum = 0;
  Region r("cycle", "cyc.cpp:2");
  r.spawn("ping", "cyc.cpp:5", [&] {
    for (int i = 0; i < 3; ++i)
      ab.write(i);
    for (int i = 0; i < 3; ++i)
      sum += ba.read();
  });
  r.spawn("pong", "cyc.cpp:6", [&] {
    for (int i = 0; i < 3; ++i)
      ba.write(i);
    for (int i = 0; i < 3; ++i)
      sum += ab.read();
  });
  r.run();
  EXPECT_EQ(sum, 6);
}

// A reader of a stream nobody writes, next to a process that finished.
TEST(SimDeadlockDeathTest, ReadOfAStreamNobodyWrites) {
  EXPECT_EXIT(
      {
        hls::stream<int> used;
        hls::stream<int> orphan;
        configure(used, 2, "used", "k.cpp:10");
        configure(orphan, 4, "orphan", "k.cpp:11");
        Region r("top", "k.cpp:9");
        r.spawn("writer", "k.cpp:12", [&] { used.write(1); });
        r.spawn("reader", "k.cpp:13", [&] {
          (void)used.read();
          (void)orphan.read();
        });
        r.run();
      },
      testing::ExitedWithCode(3),
      "allo-sim: deadlock in region 'top' \\(k.cpp:9\\): no process can "
      "run\n"
      "allo-sim:   process 'reader' \\(k.cpp:13\\) is blocked reading stream "
      "'orphan' \\(k.cpp:11\\): empty, 0/4 elements\n"
      "allo-sim: exiting");
}

// Processes spawned in a loop under one name are told apart; a process of
// a nested region names its region; the parent waits for it.
TEST(SimDeadlockDeathTest, NestedRegionAndRepeatedNames) {
  EXPECT_EXIT(
      {
        hls::stream<int> s[2];
        configure(s, 1, "fifo", "n.cpp:2");
        Region top("top", "n.cpp:1");
        top.spawn("kernel", "n.cpp:3", [&] {
          Region inner("inner", "n.cpp:4");
          for (int i = 0; i < 2; ++i)
            inner.spawn("pe", "n.cpp:5", [&s, i] {
              s[i].write(1);
              s[i].write(2);
            });
          inner.run();
        });
        top.run();
      },
      testing::ExitedWithCode(3),
      "allo-sim: deadlock in region 'top' \\(n.cpp:1\\): no process can "
      "run\n"
      "allo-sim:   process 'kernel' \\(n.cpp:3\\) waits for region 'inner' "
      "\\(n.cpp:4\\): 2 of 2 processes not finished\n"
      "allo-sim:   process 'pe' \\(n.cpp:5\\) #0 in region 'inner' "
      "\\(n.cpp:4\\) is blocked writing stream 'fifo\\[0\\]' \\(n.cpp:2\\): "
      "full, 1/1 elements\n"
      "allo-sim:   process 'pe' \\(n.cpp:5\\) #1 in region 'inner' "
      "\\(n.cpp:4\\) is blocked writing stream 'fifo\\[1\\]' \\(n.cpp:2\\): "
      "full, 1/1 elements\n");
}

// A top region reading more from a testbench stream than the testbench
// wrote: the reader waits on an unbounded stream.
TEST(SimDeadlockDeathTest, TopReadsMoreThanTheTestbenchWrote) {
  EXPECT_EXIT(
      {
        hls::stream<int> in("in");
        in.write(1);
        Region r("top", "k.cpp:1");
        r.spawn("load", "k.cpp:2", [&] {
          (void)in.read();
          (void)in.read();
        });
        r.run();
      },
      testing::ExitedWithCode(3),
      "process 'load' \\(k.cpp:2\\) is blocked reading stream 'in': empty, "
      "0 \\(unbounded\\) elements");
}

// A cycle of start_after() orders never starts.
TEST(SimDeadlockDeathTest, StartAfterCycle) {
  EXPECT_EXIT(
      {
        Region r("top", "o.cpp:1");
        std::size_t a = r.spawn("a", "o.cpp:2", [] {});
        std::size_t b = r.spawn("b", "o.cpp:3", [] {});
        r.start_after(a, b);
        r.start_after(b, a);
        r.run();
      },
      testing::ExitedWithCode(3),
      "allo-sim:   process 'a' \\(o.cpp:2\\) has not started: it waits for "
      "process 'b' \\(o.cpp:3\\) to finish \\(start_after\\)\n"
      "allo-sim:   process 'b' \\(o.cpp:3\\) has not started: it waits for "
      "process 'a' \\(o.cpp:2\\) to finish");
}

TEST(SimDeadlockDeathTest, StartAfterInvalidIndex) {
  EXPECT_EXIT(
      {
        Region r("top", "o.cpp:1");
        r.spawn("a", "o.cpp:2", [] {});
        r.start_after(0, 5);
      },
      testing::ExitedWithCode(2),
      "allo-sim: region 'top' \\(o.cpp:1\\): start_after\\(0, 5\\) needs two "
      "different processes");
}

// Processes that only poll streams that never change: a livelock, reported
// as a deadlock after ALLO_SIM_POLL_LIMIT polls without progress.
TEST(SimDeadlockDeathTest, PollingLivelock) {
  EXPECT_EXIT(
      {
        setenv("ALLO_SIM_POLL_LIMIT", "100000", 1);
        hls::stream<int> a;
        hls::stream<int> b;
        configure(a, 2, "a", "l.cpp:2");
        configure(b, 2, "b", "l.cpp:3");
        Region r("spin", "l.cpp:1");
        r.spawn("waiter_a", "l.cpp:4", [&] {
          int v;
          while (!a.read_nb(v)) {
          }
        });
        r.spawn("waiter_b", "l.cpp:5", [&] {
          while (b.empty()) {
          }
        });
        r.run();
      },
      testing::ExitedWithCode(3),
      "allo-sim: deadlock in region 'spin' \\(l.cpp:1\\): the processes only "
      "poll streams that never change \\([0-9]+ polls without progress; "
      "ALLO_SIM_POLL_LIMIT\\)\n"
      "allo-sim:   process 'waiter_a' \\(l.cpp:4\\) polls stream 'a' "
      "\\(l.cpp:2\\), which stays empty, 0/2 elements\n"
      "allo-sim:   process 'waiter_b' \\(l.cpp:5\\) polls stream 'b' "
      "\\(l.cpp:3\\), which stays empty, 0/2 elements\n");
}

volatile int overflow_limit = 1 << 30; // never reached: stops -Winfinite-recursion
int overflow(int n);
int (*volatile overflow_fn)(int) = overflow; // no loop conversion at -O2

int overflow(int n) {
  volatile char pad[512];
  pad[n % 512] = static_cast<char>(n);
  int r = n >= overflow_limit ? 0 : overflow_fn(n + 1);
  return r + pad[(n * 7) % 512] + 1; // the frame stays live across the call
}

TEST(SimDeadlockDeathTest, StackOverflowNamesTheProcess) {
  EXPECT_EXIT(
      {
        setenv("ALLO_SIM_STACK", "64K", 1);
        Region r("top", "s.cpp:1");
        r.spawn("recursive", "s.cpp:2", [] { (void)overflow(0); });
        r.run();
      },
      testing::ExitedWithCode(4),
      "allo-sim: stack overflow in process 'recursive' \\(s.cpp:2\\); its "
      "stack has 65536 bytes: set ALLO_SIM_STACK");
}

// A frame much larger than the guard page is caught through the stack
// pointer.
TEST(SimDeadlockDeathTest, StackOverflowByOneLargeFrame) {
  EXPECT_EXIT(
      {
        setenv("ALLO_SIM_STACK", "32K", 1);
        Region r("top", "s.cpp:1");
        r.spawn("big_frame", "s.cpp:3", [] {
          volatile char buf[256 * 1024];
          for (std::size_t i = 0; i < sizeof buf; i += 1024)
            buf[sizeof buf - 1 - i] = 1;
        });
        r.run();
      },
      testing::ExitedWithCode(4), "allo-sim: stack overflow in process 'big_frame'");
}

TEST(SimDeadlockDeathTest, InvalidStackSetting) {
  EXPECT_EXIT(
      {
        setenv("ALLO_SIM_STACK", "lots", 1);
        Region r("top", "s.cpp:1");
        r.spawn("p", "s.cpp:2", [] {});
        r.run();
      },
      testing::ExitedWithCode(2), "allo-sim: invalid ALLO_SIM_STACK value 'lots'");
}

TEST(SimDeadlockDeathTest, ExceptionInAProcessAborts) {
  EXPECT_DEATH(
      {
        Region r("top", "e.cpp:1");
        r.spawn("thrower", "e.cpp:2", [] { throw std::runtime_error("bad input"); });
        r.run();
      },
      "allo-sim: process 'thrower' \\(e.cpp:2\\) terminated by an exception: "
      "bad input");
}

// A non-overflow segfault in a process is not misreported.
TEST(SimDeadlockDeathTest, OtherSegfaultsStaySegfaults) {
  EXPECT_EXIT(
      {
        Region r("top", "e.cpp:1");
        r.spawn("null", "e.cpp:2", [] {
          volatile int *p = nullptr;
          *p = 1;
        });
        r.run();
      },
      testing::KilledBySignal(SIGSEGV), "");
}

} // namespace
