// A function whose body is nothing but pragmas: each pragma is a line of its
// own (clang-format joins such a short body onto the signature; the pragma
// placeholders were left in the code). Found by scripts/fuzz-diff.py.
// RUN: allo-rewrite %s --top only --target vhls | FileCheck %s
// RUN: allo-rewrite %s --top only --target vhls -o %t.cpp
// RUN: %clangxx -std=c++17 -I%allo_include/allo/csim -fsyntax-only %t.cpp

// CHECK-LABEL: void only(int D[4]) {
// CHECK-NEXT:    #pragma HLS pipeline II=1
// CHECK-NEXT:    #pragma HLS inline off
// CHECK-NEXT:  }
// CHECK-NOT:   ALLO_PRAGMA
void only(int D[4]) {
#pragma HLS pipeline
#pragma HLS inline off
}
