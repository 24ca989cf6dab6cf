// Kept #pragma HLS directives that name a local go right after its
// declaration (Vitis expects them in the declaration's scope; the emitted
// code declares locals at the top of the function), with `variable=` naming
// it as the emitted code does; values that name macros, constants, local
// constants or template parameters are printed as the numbers they are in
// that instantiation.
// RUN: allo-rewrite %s --top top --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: not allo-rewrite %s --top bad_value --target vhls -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=BAD
// RUN: not allo-rewrite %s --top bad_var --target vhls -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=BADVAR
// RUN: allo-rewrite %s --top param_copy --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s --check-prefix=PARAM
// RUN: not allo-rewrite %s --top bad_shadow --target vhls -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=SHADOW
#include <hls_stream.h>

#define LAT 2
constexpr int N = 16;

// CHECK-LABEL: static void k_4(int a[16]) {
// CHECK-NEXT: int buf[16];
// CHECK-NEXT: #pragma HLS bind_storage variable=buf type=ram_2p impl=bram latency=2
// CHECK-NEXT: hls::stream<int> s("s");
// CHECK-NEXT: #pragma HLS stream variable=s depth=8
// CHECK-NEXT: #pragma HLS bind_storage variable=s type=fifo impl=srl
// CHECK-NEXT: int buf_1[8];
// CHECK-NEXT: #pragma HLS array_reshape variable=buf_1 cyclic factor=2
// CHECK-NEXT: #pragma HLS bind_storage variable=buf_1 type=ram_1p impl=lutram
// CHECK: for (int i = 0; i < 16; i++) {
// CHECK-NEXT: #pragma HLS pipeline II=1
// CHECK-NEXT: #pragma HLS loop_tripcount min=16 max=64
// CHECK: for (int j = 0; j < 8; j++) {
// CHECK-NEXT: #pragma HLS unroll factor=4
// CHECK-NEXT: #pragma HLS dependence variable=a type=inter false
template <int F>
static void k(int a[N]) {
  int buf[N];
#pragma HLS bind_storage variable=buf type=ram_2p impl=bram latency=LAT
  hls::stream<int> s;
#pragma HLS stream variable=s depth=F*2
#pragma HLS bind_storage variable=s type=fifo impl=srl
  for (int i = 0; i < N; i++) {
    const int II = 1;
#pragma HLS pipeline II=II
#pragma HLS loop_tripcount min=N max=N*F
    buf[i] = a[i];
    s.write(a[i]);
  }
  {
    int buf[8]; // another 'buf': the pragmas in this scope name this one
#pragma HLS bind_storage variable=buf type=ram_1p impl=lutram
    for (int j = 0; j < 8; j++) {
#pragma HLS array_reshape variable=buf cyclic factor=2
#pragma HLS unroll factor=F
#pragma HLS dependence variable=a type=inter false
      buf[j] = s.read() + s.read();
    }
    for (int j = 0; j < 8; j++)
      a[j] = buf[j];
  }
}

void top(int a[N]) { k<4>(a); }

// BAD: pragma-placement.cpp:[[@LINE+3]]:13: error: #pragma HLS loop_tripcount: max=M is not an integer constant expression here (use of undeclared identifier 'M' in pragma value)
void bad_value(int a[N]) {
  for (int i = 0; i < N; i++) {
#pragma HLS loop_tripcount min=1 max=M
    a[i] = 0;
  }
}

// BADVAR: pragma-placement.cpp:[[@LINE+3]]:13: error: #pragma HLS unroll: factor=n is not an integer constant expression here ('n' is not an integer constant expression (it is a variable that is not constexpr)
void bad_var(int a[N], int n) {
  for (int i = 0; i < N; i++) {
#pragma HLS unroll factor=n
    a[i] = 0;
  }
}

// A directive kept in place (here in a loop) that names a variable whose
// name several variables share: the emitted code renames them, so it is refused.
// SHADOW: pragma-placement.cpp:[[@LINE+7]]:13: error: #pragma HLS dependence: 'b' names more than one variable of 'bad_shadow' (the emitted code renames all but one of them); give this one a name of its own
void bad_shadow(int a[N]) {
  int b[N] = {};
  {
    int b[4];
    for (int i = 0; i < 4; i++) {
      b[i] = a[i];
#pragma HLS dependence variable=b type=inter false
    }
    a[0] = b[0];
  }
  a[1] = b[1];
}

// A directive about a scalar parameter the function modifies (raised as a
// local copy, emitted as the parameter itself) stays at the top of the body.
// PARAM-LABEL: int param_copy(int n, int a[4]) {
// PARAM-NEXT: #pragma HLS bind_op variable=n op=add impl=dsp
int param_copy(int n, int a[4]) {
#pragma HLS bind_op variable=n op=add impl=dsp
  for (int i = 0; i < 4; i++)
    n += a[i];
  return n;
}
