// The plugin writes the same MLIR as allo-rewrite and still produces the object file.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clangxx -std=c++17 -I%allo_include -fplugin=%allo_plugin -fplugin-arg-allo-target=mlir -fplugin-arg-allo-o=%t/plugin.mlir -c %s -o %t/plugin.o
// RUN: test -s %t/plugin.o
// RUN: FileCheck %s < %t/plugin.mlir
// RUN: allo-rewrite %s -o %t/tool.mlir
// RUN: diff %t/plugin.mlir %t/tool.mlir
// Without plugin arguments the plugin only checks attributes (no MLIR file).
// RUN: cd %t && %clangxx -std=c++17 -I%allo_include -fplugin=%allo_plugin -c %s -o %t/check.o
// RUN: test -s %t/check.o && not test -e %t/check.mlir
// The default output sits next to the object file.
// RUN: %clangxx -std=c++17 -I%allo_include -fplugin=%allo_plugin -fplugin-arg-allo-target=mlir -c %s -o %t/obj.o
// RUN: FileCheck %s < %t/obj.mlir
#include <allo/allo.h>

// CHECK-LABEL: func.func @scale
// CHECK-SAME: allo.kernel
// CHECK: affine.for
// CHECK: allo.name = "i", allo.pipeline_ii = 1
[[allo::kernel]] void scale(float A[64], float s) {
  [[allo::pipeline]] for (int i = 0; i < 64; i++)
    A[i] *= s;
}

// Non-kernel code in the same file is compiled but not raised.
// CHECK-NOT: func.func @helper
int helper(int x) { return x + 1; }

// The plugin emits Vitis HLS C++ too, identical to allo-rewrite's.
// RUN: %clangxx -std=c++17 -I%allo_include -fplugin=%allo_plugin -fplugin-arg-allo-target=vhls -fplugin-arg-allo-interface=axi -fplugin-arg-allo-o=%t/plugin.hls.cpp -c %s -o %t/vhls.o
// RUN: allo-rewrite %s --target vhls --interface axi -o %t/tool.hls.cpp
// RUN: diff %t/plugin.hls.cpp %t/tool.hls.cpp
// RUN: FileCheck %s --check-prefix=VHLS < %t/plugin.hls.cpp
// VHLS: void scale(float A[64], float s) {
// VHLS-NEXT: #pragma HLS interface mode=m_axi port=A offset=slave bundle=gmem0 depth=64
