// A file without [[allo::kernel]] / [[allo::region]] and without --top (plugin:
// no top=) gives a warning that says how to select a kernel, and writes nothing
// (an empty output would look like success). The object file is still produced.
// RUN: rm -rf %t && mkdir -p %t
// RUN: allo-rewrite %s --target vhls -o %t/out.cpp 2>&1 | FileCheck %s --check-prefix=TOOL
// RUN: not test -e %t/out.cpp
// RUN: allo-rewrite %s -o %t/out.mlir 2>&1 | FileCheck %s --check-prefix=TOOL
// RUN: not test -e %t/out.mlir
// TOOL: no-kernel.cpp:1:1: warning: no kernel to raise: this file has no function marked {{\[\[}}allo::kernel{{\]\]}} or {{\[\[}}allo::region{{\]\]}}; mark the top function, or name it with --top NAME (nothing was written)
// RUN: %clangxx -std=c++17 -I%allo_include -fplugin=%allo_plugin -fplugin-arg-allo-target=mlir -fplugin-arg-allo-o=%t/p.mlir -c %s -o %t/p.o 2>&1 | FileCheck %s --check-prefix=PLUGIN
// RUN: test -s %t/p.o
// RUN: not test -e %t/p.mlir
// PLUGIN: warning: no kernel to raise: {{.*}} or name it with -fplugin-arg-allo-top=NAME (nothing was written)
// With --top the function is raised:
// RUN: allo-rewrite %s --top f -o - | FileCheck %s --check-prefix=TOP
// TOP: func.func @f
void f(int A[4]) { A[0] = 1; }
