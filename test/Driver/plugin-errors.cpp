// The plugin reports attribute errors in a normal build and fails it.
// RUN: not %clangxx -std=c++17 -I%allo_include -fplugin=%allo_plugin -fsyntax-only %s 2>&1 | FileCheck %s
// RUN: not %clangxx -std=c++17 -I%allo_include -fplugin=%allo_plugin -fplugin-arg-allo-target=vhdl -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=TARGET
// RUN: not %clangxx -std=c++17 -I%allo_include -fplugin=%allo_plugin -fplugin-arg-allo-bogus=1 -fsyntax-only %s 2>&1 | FileCheck %s --check-prefix=ARG
#include <allo/allo.h>

// CHECK: plugin-errors.cpp:[[@LINE+1]]:21: error: 'ii' must be a positive integer, got 0
[[allo::pipeline(ii=0)]] void f() {}
// TARGET: error: -fplugin-arg-allo-target: unknown target 'vhdl' (known: mlir, vhls, sim)
// ARG: error: unknown Allo plugin argument 'bogus=1'
