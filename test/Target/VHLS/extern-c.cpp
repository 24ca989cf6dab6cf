// extern "C" linkage of the top, and of callees that had it, is kept (a C or
// C++ testbench written for the original links with the emitted kernel);
// static functions inside an extern "C" block stay static.
// RUN: allo-rewrite %s --top vadd --top scale --target vhls | FileCheck %s
// RUN: rm -rf %t && mkdir -p %t
// RUN: allo-rewrite %s --top vadd --top scale --target vhls -o %t/kernel.cpp
// RUN: %clangxx -std=c++17 -I%allo_include/allo/csim -c %t/kernel.cpp -o %t/kernel.o
// RUN: %clangxx -x c -c %S/Inputs/extern-c-tb.c -o %t/tb.o
// RUN: %clangxx %t/kernel.o %t/tb.o -o %t/emitted
// RUN: %clangxx -std=c++17 -c %s -o %t/orig.o
// RUN: %clangxx %t/orig.o %t/tb.o -o %t/original
// RUN: %t/emitted > %t/emitted.txt
// RUN: %t/original > %t/original.txt
// RUN: diff %t/emitted.txt %t/original.txt

extern "C" {
// CHECK-LABEL: static int clip(int x) {
static int clip(int x) { return x < -50 ? -50 : x > 50 ? 50 : x; }
// CHECK-LABEL: extern "C" int scale(int x) {
int scale(int x) { return clip(x * 3); }
}

// CHECK-LABEL: extern "C" void vadd(const int a[16], const int b[16], int c[16], int n) {
// CHECK: scale(
extern "C" void vadd(const int a[16], const int b[16], int c[16], int n) {
  for (int i = 0; i < 16; i++)
    c[i] = i < n ? scale(a[i] + b[i]) : 0;
}
