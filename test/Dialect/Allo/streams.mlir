// Stream type and operations: round trip and verifier.
// RUN: allo-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @roundtrip
// CHECK-SAME: !allo.stream<i32>
// CHECK: allo.stream_create {allo.name = "t", depth = 4 : i64} : !allo.stream<f32>
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

// Arrays of streams and streams of blocks with their locks.
// CHECK-LABEL: func.func @arrays_and_blocks
// CHECK-SAME: memref<2x4x!allo.stream<i8>>
// CHECK: allo.stream_create {depth = 4 : i64} : memref<4x!allo.stream<f32>>
// CHECK: affine.load %{{.*}}[1, %{{.*}}] : memref<2x4x!allo.stream<i8>>
// CHECK: allo.stream_write_lock %{{.*}} : <memref<8xi32>> {
// CHECK: ^bb0(%{{.*}}: memref<8xi32>):
// CHECK: allo.stream_read_lock
// CHECK: allo.bit_reverse %{{.*}} : i13
func.func @arrays_and_blocks(%a: memref<2x4x!allo.stream<i8>>, %b: !allo.stream<memref<8xi32>>,
                             %x: i13) -> i13 {
  %f = allo.stream_create {depth = 4 : i64} : memref<4x!allo.stream<f32>>
  affine.for %i = 0 to 4 {
    %s = affine.load %a[1, %i] : memref<2x4x!allo.stream<i8>>
    %v = allo.stream_read %s : !allo.stream<i8>
  }
  allo.stream_write_lock %b : !allo.stream<memref<8xi32>> {
  ^bb0(%blk: memref<8xi32>):
    %c = arith.constant 1 : i32
    affine.store %c, %blk[0] : memref<8xi32>
  }
  allo.stream_read_lock %b : !allo.stream<memref<8xi32>> {
  ^bb0(%blk: memref<8xi32>):
    %v = affine.load %blk[0] : memref<8xi32>
  }
  %r = allo.bit_reverse %x : i13
  return %r : i13
}

// -----

// expected-error @+1 {{a stream of blocks needs a static, identity-layout memref of integers or floats}}
func.func @bad_block(%s: !allo.stream<memref<?xi32>>) {
  return
}

// -----

// expected-error @+1 {{stream elements must be signless integers, floats or blocks}}
func.func @bad_element(%s: !allo.stream<index>) {
  return
}

// -----

func.func @lock_of_scalars(%s: !allo.stream<i32>) {
  // expected-error @+1 {{needs a stream of blocks}}
  allo.stream_write_lock %s : !allo.stream<i32> {
  ^bb0(%blk: memref<8xi32>):
  }
  return
}

// -----

func.func @lock_body(%s: !allo.stream<memref<8xi32>>) {
  // expected-error @+1 {{body must take one argument of the block type 'memref<8xi32>'}}
  allo.stream_read_lock %s : !allo.stream<memref<8xi32>> {
  ^bb0(%blk: memref<4xi32>):
  }
  return
}

// -----

func.func @write_block(%s: !allo.stream<memref<8xi32>>, %b: memref<8xi32>) {
  // expected-error @+1 {{operand #1 must be}}
  allo.stream_write %s, %b : !allo.stream<memref<8xi32>>
  return
}
