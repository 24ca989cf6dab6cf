// allo-lower-streams: streams become runtime handles and calls.
// RUN: allo-opt %s --allo-lower-streams | FileCheck %s

// CHECK-LABEL: func.func @f(%arg0: !llvm.ptr, %arg1: f32)
// CHECK: %[[N:.*]] = call @allo_rt_stream_new(%{{.*}}) : (i64) -> !llvm.ptr
// CHECK: %[[W:.*]] = arith.bitcast %arg1 : f32 to i32
// CHECK: %[[X:.*]] = arith.extui %[[W]] : i32 to i64
// CHECK: call @allo_rt_stream_write(%[[N]], %[[X]])
// CHECK: %[[R:.*]] = call @allo_rt_stream_read(%[[N]]) : (!llvm.ptr) -> i64
// CHECK: %[[T:.*]] = arith.trunci %[[R]] : i64 to i32
// CHECK: arith.bitcast %[[T]] : i32 to f32
// CHECK: call @allo_rt_stream_empty(%arg0)
// CHECK: call @g(%arg0) : (!llvm.ptr) -> ()
func.func @f(%s: !allo.stream<i8>, %v: f32) -> f32 {
  %t = allo.stream_create {depth = 4 : i64} : !allo.stream<f32>
  allo.stream_write %t, %v : !allo.stream<f32>
  %r = allo.stream_read %t : !allo.stream<f32>
  %e = allo.stream_empty %s : !allo.stream<i8>
  call @g(%s) : (!allo.stream<i8>) -> ()
  return %r : f32
}
func.func private @g(!allo.stream<i8>)

// Arrays of streams hold integer handles; a load of one is converted back.
// CHECK-LABEL: func.func @arrays(%arg0: memref<2x3xi64>)
// CHECK: %[[H:.*]] = memref.alloca() : memref<4xi64>
// CHECK: scf.for %[[I:.*]] =
// CHECK:   %[[F:.*]] = func.call @allo_rt_stream_new
// CHECK:   %[[W:.*]] = llvm.ptrtoint %[[F]] : !llvm.ptr to i64
// CHECK:   memref.store %[[W]], %[[H]][%[[I]]] : memref<4xi64>
// CHECK: %[[L:.*]] = affine.load %arg0[1, 2] : memref<2x3xi64>
// CHECK: %[[P:.*]] = llvm.inttoptr %[[L]] : i64 to !llvm.ptr
// CHECK: call @allo_rt_stream_write(%[[P]],
// CHECK: call @take(%[[H]]) : (memref<4xi64>) -> ()
func.func @arrays(%a: memref<2x3x!allo.stream<i32>>) {
  %f = allo.stream_create {depth = 2 : i64} : memref<4x!allo.stream<f32>>
  %s = affine.load %a[1, 2] : memref<2x3x!allo.stream<i32>>
  %c = arith.constant 7 : i32
  allo.stream_write %s, %c : !allo.stream<i32>
  call @take(%f) : (memref<4x!allo.stream<f32>>) -> ()
  return
}
func.func private @take(memref<4x!allo.stream<f32>>)

// Locks: a buffer at the function entry, the body inlined between the
// runtime's acquire/write (write lock) or after its read (read lock).
// CHECK-LABEL: func.func @locks(%arg0: !llvm.ptr, %arg1: i9)
// CHECK: %[[B2:.*]] = memref.alloca() : memref<2x2xi16>
// CHECK: %[[B1:.*]] = memref.alloca() : memref<2x2xi16>
// CHECK: memref.extract_aligned_pointer_as_index %[[B1]]
// CHECK: %[[N:.*]] = arith.constant 8 : i64
// CHECK: call @allo_rt_block_acquire(%{{.*}}, %[[N]])
// CHECK: affine.store %{{.*}}, %[[B1]][0, 1]
// CHECK: call @allo_rt_block_write(%arg0, %{{.*}}, %[[N]])
// CHECK: call @allo_rt_block_read(%arg0, %{{.*}}, %{{.*}})
// CHECK: affine.load %[[B2]][1, 0]
// CHECK: llvm.intr.bitreverse
func.func @locks(%s: !allo.stream<memref<2x2xi16>>, %x: i9) -> i9 {
  allo.stream_write_lock %s : !allo.stream<memref<2x2xi16>> {
  ^bb0(%b: memref<2x2xi16>):
    %c = arith.constant 3 : i16
    affine.store %c, %b[0, 1] : memref<2x2xi16>
  }
  allo.stream_read_lock %s : !allo.stream<memref<2x2xi16>> {
  ^bb0(%b: memref<2x2xi16>):
    %v = affine.load %b[1, 0] : memref<2x2xi16>
  }
  %r = allo.bit_reverse %x : i9
  return %r : i9
}
