// hls_math on float/double: the math ops of the <cmath> functions, marked
// allo.hls_math and printed back as hls::; nextafter/hypot/fdim/remainder
// call the C library; on ap_fixed, and for functions not raised, a located
// error naming the function.
// RUN: allo-rewrite %s --top f -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s
// RUN: allo-rewrite %s --top f --target vhls -- -std=c++17 -I%allo_include/allo/csim | FileCheck %s --check-prefix=VHLS
// RUN: not allo-rewrite %s --top bad_fixed -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=FIXED
// RUN: not allo-rewrite %s --top bad_isnan -- -std=c++17 -I%allo_include/allo/csim 2>&1 | FileCheck %s --check-prefix=ISNAN
#include <cmath>
#include <hls_math.h>

// CHECK-DAG: func.func private @nextafterf(f32, f32) -> f32 attributes {allo.extern = "hls::nextafter"}
// CHECK-DAG: func.func private @hypot(f64, f64) -> f64 attributes {allo.extern = "std::hypot"}
// CHECK-LABEL: func.func @f
// CHECK: math.sqrt %{{.*}} {allo.hls_math} : f32
// CHECK-NEXT: math.rsqrt %{{.*}} {allo.hls_math} : f32
// CHECK: %[[X1:.*]] = arith.addf %arg0
// CHECK-NEXT: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-NEXT: arith.divf %[[ONE]], %[[X1]] : f32
// CHECK: call @nextafterf(%{{.*}}, %{{.*}}) : (f32, f32) -> f32
// CHECK: math.exp %{{.*}} : f64
// CHECK-NOT: allo.hls_math
// CHECK: call @hypot
// An int argument computes in double, as the csim header does.
// CHECK: arith.sitofp %{{.*}} : i32 to f64
// CHECK: math.sqrt %{{.*}} {allo.hls_math} : f64
float f(float x, float y, double d, int k) {
  float a = hls::sqrt(x) + hls::rsqrt(y) + hls::recip(x + 1.0f) + hls::nextafter(x, y);
  double b = std::exp(d) + std::hypot(d, 2.0) + hls::sqrt(k);
  return a + (float)b;
}

// VHLS: hls::sqrt(x) + hls::rsqrt(y) + 1.0f / (x + 1.0f) + hls::nextafter(x, y)
// VHLS: std::exp(d) + std::hypot(d, 2.0) + hls::sqrt((double)k)

// FIXED: hls-math.cpp:[[@LINE+3]]:10: error: unsupported: call to 'hls::sqrt' on ap_fixed/ap_ufixed values (not raised yet
float bad_fixed(float v) {
  ap_fixed<16, 8> q = v;
  return hls::sqrt(q).to_float();
}

// ISNAN: hls-math.cpp:[[@LINE+2]]:10: error: unsupported: call to 'hls::isnan' (not raised; docs/user-guide/subset.md lists the hls_math functions that are)
int bad_isnan(float v) {
  return hls::isnan(v) ? 1 : 0;
}
