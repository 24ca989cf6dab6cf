// Regression (repros/09-block-extern-becomes-local): a block-scope `extern`
// declaration names a global defined elsewhere. It used to be raised as an
// uninitialised local (a silent miscompile); now it is a located error,
// unless it names a constant whose initializer this translation unit sees.
// RUN: rm -f %t
// RUN: not allo-rewrite %s --top k -o %t -- -std=c++17 2>&1 | FileCheck %s --check-prefix=ERR
// RUN: not test -e %t
// RUN: allo-rewrite %s --top constant -- -std=c++17 | FileCheck %s

[[allo::kernel]] void k(int B[1]) {
  // ERR: block-extern.cpp:[[@LINE+1]]:14: error: unsupported: block-scope 'extern' declaration of 'ext_v': it names a global variable defined elsewhere, which Allo does not raise (pass the value as a parameter, or make the global a constexpr constant)
  extern int ext_v;
  B[0] = ext_v;
}
// ERR-NOT: error:
// ERR: 1 error generated.

extern const int scale = 7;
// CHECK-LABEL: func.func @constant
// CHECK: %[[C:.*]] = arith.constant 7 : i32
// CHECK: arith.muli %{{.*}}, %[[C]]
// CHECK-NOT: memref.alloca
void constant(int B[1]) {
  extern const int scale;
  B[0] = B[0] * scale;
}
