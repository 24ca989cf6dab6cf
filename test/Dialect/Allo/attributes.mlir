// The allo dialect checks the values of its discardable attributes.
// RUN: allo-opt %s -split-input-file -verify-diagnostics | FileCheck %s

// CHECK-LABEL: func.func @ok
// CHECK: allo.pipeline_ii = 2
func.func @ok(%A: memref<8xi32> {allo.name = "A", allo.partition = [#allo.partition<cyclic, factor = 2, dim = 1>]})
    attributes {allo.kernel, allo.mapping = array<i64: 2, 2>} {
  affine.for %i = 0 to 8 {
    %c = arith.constant 0 : i32
    affine.store %c, %A[%i] : memref<8xi32>
  } {allo.name = "i", allo.pipeline_ii = 2 : i64, allo.unroll = 0 : i64}
  return
}

// -----

func.func @bad_ii() {
  // expected-error @+1 {{attribute 'allo.pipeline_ii' expects an integer >= 1}}
  affine.for %i = 0 to 8 {
  } {allo.pipeline_ii = 0 : i64}
  return
}

// -----

// expected-error @+1 {{attribute 'allo.mapping' expects a non-empty array<i64> of positive extents}}
func.func @bad_mapping() attributes {allo.mapping = array<i64: 4, 0>} {
  return
}

// -----

// expected-error @+1 {{attribute 'allo.pipline_ii' is not a known allo attribute}}
func.func @typo() attributes {allo.pipline_ii = 1 : i64} {
  return
}

// -----

// The partition spec is an attribute (#allo.partition) that checks itself.
// expected-error @+1 {{partition type must be complete, block or cyclic, got diagonal}}
func.func @bad_partition(%A: memref<8xi32> {allo.partition = [#allo.partition<diagonal, dim = 1>]}) {
  return
}

// -----

// expected-error @+1 {{argument 0 attribute 'allo.partition' expects an array of #allo.partition<type, factor = N, dim = D>}}
func.func @dict_partition(%A: memref<8xi32> {allo.partition = [{type = "cyclic", factor = 2 : i64, dim = 1 : i64}]}) {
  return
}

// -----

// expected-error @+1 {{a complete partition has no factor}}
func.func @complete_factor(%A: memref<8xi32> {allo.partition = [#allo.partition<complete, factor = 2, dim = 1>]}) {
  return
}

// -----

// Every rule of AlloAttrs.td, e.g. the result fields of a struct-returning function.
// expected-error @+1 {{attribute 'allo.result_fields' expects an array of {field, ctype, offset, bytes} dictionaries}}
func.func @bad_result_fields() attributes {allo.result_fields = [{field = ".x", ctype = "int"}]} {
  return
}

// -----

func.func @bad_pragmas() {
  // expected-error @+1 {{attribute 'allo.pragmas' expects an array of strings}}
  affine.for %i = 0 to 8 {
  } {allo.pragmas = ["loop_tripcount max=8", 3 : i64]}
  return
}
