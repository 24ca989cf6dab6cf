// Vitis arbitrary-precision types are recognised by their template name:
// ap_int<W>/ap_uint<W> become iW, ap_fixed<W,I>/ap_ufixed<W,I> become iW with
// allo.fixed_scale = W - I (the number of fractional bits).
// RUN: allo-rewrite %s --top ap -- -std=c++17 | FileCheck %s

// Stand-ins: only the names and template arguments matter.
template <int W> struct ap_int { long long v; };
template <int W> struct ap_uint { unsigned long long v; };
template <int W, int I> struct ap_fixed { long long v; };
template <int W, int I> struct ap_ufixed { unsigned long long v; };
// Same shape, other name: not an ap type.
template <int W> struct my_int { long long v; };

// CHECK-LABEL: func.func @ap(
// CHECK-SAME: %arg0: memref<4xi13> {allo.ctype = "ap_int<13>[4]", allo.name = "A"}
// CHECK-SAME: %arg1: memref<4xi7> {allo.ctype = "ap_uint<7>[4]", allo.name = "B", allo.unsigned}
// CHECK-SAME: %arg2: memref<2x3xi16> {allo.ctype = "ap_fixed<16, 4>[2][3]", allo.fixed_scale = 12 : i64, allo.name = "C"}
// CHECK-SAME: %arg3: memref<2xi8> {allo.ctype = "ap_ufixed<8, 2>[2]", allo.fixed_scale = 6 : i64, allo.name = "D", allo.unsigned}
// CHECK-SAME: %arg4: i5 {allo.ctype = "ap_int<5>", allo.name = "s"}
// CHECK-SAME: %arg5: i33 {allo.ctype = "ap_uint<33>", allo.name = "u", allo.unsigned}
// CHECK-SAME: %arg6: i10 {allo.ctype = "ap_fixed<10, 10>", allo.fixed_scale = 0 : i64, allo.name = "q"}
// Locals of ap types keep the scale on their alloca; default construction
// zero-initialises (as the C simulation types do).
// CHECK: %[[L:.*]] = memref.alloca() {allo.ctype = "ap_fixed<12, 4>[3]", allo.fixed_scale = 8 : i64, allo.name = "L"} : memref<3xi12>
// CHECK: %[[Z:.*]] = memref.alloca() {allo.ctype = "ap_uint<4>", allo.name = "z", allo.unsigned} : memref<i4>
// CHECK: affine.for %[[I:arg[0-9]+]] {{.*}}= 0 to 3 {
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : i12
// CHECK-NEXT: affine.store %[[C0]], %[[L]][%[[I]]] : memref<3xi12>
// CHECK: %[[C0_4:.*]] = arith.constant 0 : i4
// CHECK-NEXT: affine.store %[[C0_4]], %[[Z]][] : memref<i4>
void ap(ap_int<13> A[4], ap_uint<7> B[4], ap_fixed<16, 4> C[2][3], ap_ufixed<8, 2> D[2],
        ap_int<5> s, ap_uint<33> u, ap_fixed<10, 10> q) {
  ap_fixed<12, 4> L[3];
  ap_uint<4> z;
}

// RUN: not allo-rewrite %s --top notap -- -std=c++17 2>&1 | FileCheck %s --check-prefix=NOTAP
// NOTAP: types-ap.cpp:[[@LINE+1]]:22: error: parameter 'x': type 'my_int<8>' is not supported: struct templates are not raised yet (use a plain struct)
void notap(my_int<8> x) {}
