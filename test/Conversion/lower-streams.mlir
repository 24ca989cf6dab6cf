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
