// Pointer and reference parameters keep their C++ types in the emitted code
// (a drop-in replacement for the original: a testbench written for it links
// and computes the same), and pointer arithmetic passed to helpers is
// printed as it was written.
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 | FileCheck %s
// RUN: rm -rf %t && mkdir -p %t
// RUN: allo-rewrite %s --top top --target vhls -o %t/kernel.cpp -- -std=c++17
// RUN: %clangxx -std=c++17 -fwrapv -I%allo_include/allo/csim %t/kernel.cpp %S/Inputs/pointers-tb.cpp -o %t/emitted
// RUN: %clangxx -std=c++17 -fwrapv %s %S/Inputs/pointers-tb.cpp -o %t/original
// RUN: %t/emitted > %t/emitted.txt
// RUN: %t/original > %t/original.txt
// RUN: diff %t/emitted.txt %t/original.txt

#define SIZE 32
#define ROW 8

// CHECK-LABEL: static void scale(int *row, int n) {
// CHECK: row[j] = row[j] * 2;
static void scale(int *row, int n) {
  for (int j = 0; j < n; j++)
    row[j] *= 2;
}

// CHECK-LABEL: static float norm(const float *v) {
static float norm(const float *v) {
  float s = 0;
  for (int j = 0; j < ROW; j++)
    s += v[j] * v[j];
  return s;
}

// CHECK-LABEL: static void bump(int &c) { c = c + 1; }
static void bump(int &c) { c += 1; }

// CHECK-LABEL: static void set(int *p, int v) { p[0] = v; }
static void set(int *p, int v) { *p = v; }

// CHECK-LABEL: void top(const int *in, int out[], float m[][8], float (*q)[8], int *total, int &count,
// CHECK-NEXT: const int &k) {
// CHECK: #pragma HLS interface m_axi port=in depth=32
// CHECK: out[r * 8 + j] = in[r * 8 + j] + in[r * 8 + j + 1] * k;
// CHECK: scale((out + r * 8), 8);
// CHECK: float norm_r = norm(m[r]);
// CHECK: norm(q[r % 2])
// CHECK: bump(out[r]);
// CHECK: bump(count);
// CHECK: set((&x), k);
// CHECK: total[0] = in[25] + x
void top(const int *in, int out[], float m[][ROW], float (*q)[8], int *total, int &count,
         const int &k) {
#pragma HLS interface m_axi port=in depth=SIZE
#pragma HLS interface m_axi port=out depth=SIZE
#pragma HLS interface m_axi port=m depth=4 * ROW
#pragma HLS interface m_axi port=q depth=16
  for (int r = 0; r < 4; r++)
    for (int j = 0; j < ROW - 1; j++)
      out[r * ROW + j] = in[r * ROW + j] + *(in + r * ROW + j + 1) * k;
  for (int r = 0; r < 4; r++)
    scale(out + r * ROW, ROW);
  float s = 0;
  for (int r = 0; r < 4; r++)
    s += norm(m[r]) + norm(q[r % 2]);
  for (int r = 0; r < 4; r++)
    bump(out[r]);
  bump(count);
  int x = 0;
  set(&x, k);
  const int *tail = &in[SIZE - 8];
  *total = tail[1] + x + (int)s;
}
