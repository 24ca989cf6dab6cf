//===- AlloDialect.td - The allo dialect -------------------*- tablegen -*-===//
//
// Allo keeps upstream dialects (func, affine, scf, memref, arith, math) for
// the computation and records hardware customizations as discardable `allo.*`
// attributes with builtin values, so raised IR without Allo ops still parses
// with plain mlir-opt. The dialect verifies those attributes. Its own type
// and operations (AlloOps.td) model FIFO streams between kernels.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_DIALECT_TD
#define ALLO_DIALECT_TD

include "mlir/IR/OpBase.td"

def Allo_Dialect : Dialect {
  let name = "allo";
  let cppNamespace = "::allo";
  let summary = "Hardware customizations for Allo C++";
  let description = [{
    Discardable attributes (all with builtin attribute values):

    * on `func.func`: `allo.kernel` (unit), `allo.region` (unit),
      `allo.mapping` (`array<i64>`, PE grid shape), `allo.top` (unit),
      `allo.pipeline_ii`, `allo.dataflow`, `allo.inline` (0 = off),
      `allo.source_name` (the C++ name of a template instantiation),
      `allo.static` (unit), `allo.extern_c` (unit: C language linkage, as
      `extern "C"` gave it), `allo.result_ctype` (the C++ return type), and
      as result attributes `allo.fixed_scale` / `allo.unsigned` for an
      `ap_fixed` / unsigned result;
    * on the module: `allo.typedefs` (array of dictionaries `{name, type,
      scope}`: the user's namespace-scope aliases that `allo.ctype` strings
      name, each after the aliases its own type names; `scope` is the
      enclosing namespace, "" for the global one);
    * on loops (`affine.for`, `scf.for`, `scf.while`): `allo.name` (string,
      unique within the function), `allo.pipeline_ii` (i64 >= 1),
      `allo.pipeline_rewind` (unit), `allo.unroll` (i64, 0 = full),
      `allo.flatten` (unit), `allo.dataflow` (unit), `allo.label` (unit: the
      name is the user's label or [[allo::name]]), `allo.iv` (string: the
      loop variable's C++ name), `allo.pragmas` (array of strings: `#pragma
      HLS` directives of the source kept verbatim, also on functions),
      `allo.reverse_start` / `allo.reverse_limit` (affine maps over the
      loop's bound operands) and `allo.reverse_step` (i64) on a normalised
      decreasing loop `for (i = start; i >= max(limit); i -= step)`, whose
      0-based counter k gives i = start - step * k;
    * on arrays (function arguments as argument attributes, and
      `memref.alloca`): `allo.name` (string), `allo.partition` (array of
      `#allo.partition<cyclic, factor = 4, dim = 1>`), `allo.layout`
      (array of i64: grid axis per dimension, -1 = replicate), and
      `allo.fixed_scale` (i64: fractional bits of an `ap_fixed` element type),
      `allo.ctype` (string: the C++ type as written);
    * on values of `ap_uint`/unsigned C++ type: `allo.unsigned` (unit) on the
      defining alloca or function argument;
    * on a local array made by `buffer_at`: `allo.buffer_of` (string: the
      name of the array it buffers);
    * on `memref.global`: `allo.name` (the C++ name), `allo.ctype`,
      `allo.unsigned`, `allo.fixed_scale` as on arrays, and
      `allo.static_local` (unit) for a function's `static` variable (emitted
      in the function that uses it); `memref.get_global` carries the same
      `allo.ctype` / `allo.unsigned` / `allo.fixed_scale` and may carry
      `allo.partition`;
    * structs are raised by scalar replacement: every scalar field of a
      struct variable (parameter, local, array of structs) is its own value
      or memref, whose leading dimensions index the array of structs. Each
      carries `allo.name` / `allo.ctype` of the variable, `allo.field`
      (string: the access path, `.pos.x`, `.coef[]`, each `[]` one of the
      memref's trailing dimensions), `allo.field_ctype` (the field's C++
      type), `allo.aggregate` (i64: the parameter index, or an id shared by
      the fields of one local), and on function arguments the native layout
      for testbenches: `allo.field_offset`, `allo.field_bytes` (i64 bytes),
      `allo.aos_strides` (`array<i64>`, byte strides per memref dimension)
      and `allo.aos_size` (bytes of the parameter's storage);
      a function returning a struct has one
      result per field and `allo.result_fields` (array of dictionaries
      `{field, ctype, offset, bytes}`) and `allo.result_size`; the module
      has `allo.structs` (array of strings: the C++ definitions of the
      structs used, dependencies first);
    * on the functions made by `unfold`: `allo.pe_index` (`array<i64>`, the
      PE's coordinates) and on the function holding the grid `allo.pe_grid`
      (`array<i64>`, the grid's shape);
    * on `allo.stream_create`: `allo.static_local` (unit) for a `static`
      stream, made once and kept across calls;
    * on `allo.stream_create` and on stream (array) arguments:
      `allo.type_depth` (i64 >= 1, the DEPTH template argument written in
      the C++ type, `hls::stream<T, 8>`, kept so the emitted types match);
    * on a local array or stream: `allo.pragmas` holds the `#pragma HLS`
      directives of the source that name it (`bind_storage variable=buf`),
      printed after its declaration;
    * on an external `func.func`: `allo.extern` (string: the C++ function a
      call stands for, e.g. "hls::nextafter"; the symbol is the C library
      function with the same semantics, for execution);
    * on `math` operations: `allo.hls_math` (unit: written as `hls::` in
      the source, printed back as `hls::`).
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let hasOperationAttrVerify = 1;
  let hasRegionArgAttrVerify = 1;
  let extraClassDeclaration = [{
    // allo.* attributes (AlloAttrs.td): kName, getNameAttr(op), ...
#define GET_ALLO_ATTR_DECLS
#include "allo/Dialect/Allo/AlloAttrs.h.inc"

    /// Checks the value of one allo.* attribute against AlloAttrs.td; an empty
    /// result = valid, else what the value should be.
    static std::string checkAttribute(llvm::StringRef name, mlir::Attribute value);
  }];
}

#endif
