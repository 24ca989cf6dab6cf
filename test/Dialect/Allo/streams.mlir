// Stream type and operations: round trip and verifier.
// RUN: allo-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @roundtrip
// CHECK-SAME: !allo.stream<i32>
// CHECK: allo.stream_create {allo.name = "t", depth = 4 : i64} : <f32>
// CHECK: allo.stream_read %{{.*}} : <i32>
// CHECK: allo.stream_empty
// CHECK: allo.stream_write %{{.*}}, %{{.*}} : <i32>
func.func @roundtrip(%s: !allo.stream<i32>) -> i32 {
  %t = allo.stream_create {depth = 4 : i64, allo.name = "t"} : !allo.stream<f32>
  %v = allo.stream_read %s : !allo.stream<i32>
  %e = allo.stream_empty %t : !allo.stream<f32>
  allo.stream_write %s, %v : !allo.stream<i32>
  return %v : i32
}

// -----

func.func @bad_depth() {
  // expected-error @+1 {{attribute 'depth' failed to satisfy constraint}}
  %t = allo.stream_create {depth = 0 : i64} : !allo.stream<i32>
  return
}

// -----

// expected-error @+1 {{stream elements must be signless integers or floats}}
func.func @bad_element(%s: !allo.stream<memref<4xi32>>) {
  return
}
