// --target sim: streams configured with their depth, name and declaration;
// the region's calls spawned as processes and run together; a process that
// reads an array another process writes starts after it (ping-pong buffer
// semantics), a writer after the earlier readers; writers of their own
// elements do not wait for each other.
// RUN: allo-rewrite %s --top top --target sim -- -std=c++17 | FileCheck %s
// RUN: allo-rewrite %s --top top --target sim -o %t.cpp -- -std=c++17
// RUN: g++ $(allo-rewrite --print-sim-flags) -O1 -DALLO_TB %t.cpp %s -o %t && %t | FileCheck %s --check-prefix=EXEC
#ifndef ALLO_TB
#include <allo/allo.h>

[[allo::kernel]] void fill(const int in[8], int mid[8], allo::stream<int> &s) {
  for (int i = 0; i < 8; i++) {
    mid[i] = in[i] * 2;
    s.put(i);
  }
}
[[allo::kernel]] void half(int mid[8], int out[8], int k) {
  for (int i = 0; i < 4; i++)
    out[k * 4 + i] = mid[k * 4 + i] + 1;
}
[[allo::kernel]] void drain(allo::stream<int> &s, int sum[1]) {
  int a = 0;
  for (int i = 0; i < 8; i++)
    a += s.get();
  sum[0] = a;
}
[[allo::kernel]] void clear(int mid[8]) {
  for (int i = 0; i < 8; i++)
    mid[i] = 0;
}

[[allo::region]]
void top(const int in[8], int mid[8], int out[8], int sum[1]) {
  [[allo::stream(depth = 3)]] allo::stream<int> s;
  fill(in, mid, s);
  half(mid, out, 0);
  half(mid, out, 1);
  drain(s, sum);
  clear(mid);
}

// CHECK:      #include <allo_sim.h>
// CHECK:      void top(
// CHECK:        allo::sim::configure(s, 3, "s", "sim-target.cpp:35");
// CHECK-NEXT:   allo::sim::Region allo_region("top", "sim-target.cpp:34");
// CHECK-NEXT:   allo_region.spawn("fill", "sim-target.cpp:36", [&] { fill(in, mid, s); });
// CHECK-NEXT:   allo_region.spawn("half", "sim-target.cpp:37", [&] { half(mid, out, 0); });
// CHECK-NEXT:   allo_region.spawn("half", "sim-target.cpp:38", [&] { half(mid, out, 1); });
// CHECK-NEXT:   allo_region.spawn("drain", "sim-target.cpp:39", [&] { drain(s, sum); });
// CHECK-NEXT:   allo_region.spawn("clear", "sim-target.cpp:40", [&] { clear(mid); });
// CHECK-NEXT:   allo_region.start_after(1, 0);
// CHECK-NEXT:   allo_region.start_after(2, 0);
// CHECK-NEXT:   allo_region.start_after(4, 1);
// CHECK-NEXT:   allo_region.start_after(4, 2);
// CHECK-NEXT:   allo_region.run();
#else
#include <cstdio>
void top(const int in[8], int mid[8], int out[8], int sum[1]);
int main() {
  int in[8], mid[8], out[8], sum[1];
  for (int i = 0; i < 8; i++)
    in[i] = i * 3 - 5;
  top(in, mid, out, sum);
  int bad = sum[0] != 28;
  for (int i = 0; i < 8; i++)
    bad += out[i] != in[i] * 2 + 1 || mid[i] != 0;
  std::printf("%s\n", bad ? "FAIL" : "PASS");
  return bad;
}
// EXEC: PASS
#endif
