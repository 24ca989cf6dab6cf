//===- AlloOps.td - Allo types and operations --------------*- tablegen -*-===//
//
// FIFO streams: the channels between the processes of a dataflow region
// (hls::stream<T> / allo::stream<T> in C++). A stream is a value of type
// !allo.stream<T>; it is created once (with its FIFO depth) and passed to
// the functions that read or write it. Reads and writes are ordered side
// effects: passes must not reorder, duplicate or drop them.
//
// Arrays of streams (`hls::stream<T> s[4][2]`) are memrefs whose elements
// are streams, `memref<4x2x!allo.stream<T>>`: one allo.stream_create makes
// every FIFO of the array, and `affine.load` / `memref.load` of an element
// yields that FIFO's handle (nothing ever stores into such a memref). With
// constant indices, each access names one individual channel, which is what
// a later pass resolving stream arrays into separate channels (per PE of a
// grid) needs.
//
// Streams of blocks (`hls::stream_of_blocks<B, D>`, B a fixed-size array)
// are streams whose element is a block, `!allo.stream<memref<8x8xi32>>`.
// Blocks are accessed only through locks, region operations whose body
// receives the block as a memref argument: `allo.stream_write_lock` hands
// the body a fresh block and appends a copy of it to the stream when the
// body ends (the lock's release); `allo.stream_read_lock` hands the body a
// copy of the oldest block and removes it from the stream.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_OPS_TD
#define ALLO_OPS_TD

include "allo/Dialect/Allo/AlloDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinTypeInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

def Allo_StreamType : TypeDef<Allo_Dialect, "Stream", [MemRefElementTypeInterface]> {
  let mnemonic = "stream";
  let summary = "a FIFO stream of scalars or of blocks";
  let description = [{
    `!allo.stream<i32>`: a first-in first-out channel carrying values of a
    scalar (integer or float) type. `!allo.stream<memref<8x8xi32>>`: a
    stream of blocks (fixed-size arrays with an identity layout), accessed
    through `allo.stream_write_lock` / `allo.stream_read_lock`. The depth
    belongs to the creating `allo.stream_create`, so one function can take
    streams of any depth. Streams may be memref elements (arrays of
    streams).
  }];
  let parameters = (ins "mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The block type of a stream of blocks, null for a stream of scalars.
    mlir::MemRefType getBlockType() const {
      return llvm::dyn_cast<mlir::MemRefType>(getElementType());
    }
  }];
}

//===----------------------------------------------------------------------===//
// Attributes
//===----------------------------------------------------------------------===//

def Allo_PartitionAttr : AttrDef<Allo_Dialect, "Partition"> {
  let mnemonic = "partition";
  let summary = "one array_partition directive of an array";
  let description = [{
    An element of an array's `allo.partition` list (the argument attribute of
    a parameter, the attribute of its memref.alloca or memref.global):

    ```mlir
    allo.partition = [#allo.partition<cyclic, factor = 4, dim = 2>,
                      #allo.partition<complete, dim = 1>]
    ```

    `type` is complete, block or cyclic; `factor` the number of banks (block
    and cyclic; 0 when not given); `dim` the 1-based dimension, 0 for all.
    Printed as `#pragma HLS array_partition variable=A type=cyclic factor=4
    dim=2`.
  }];
  let parameters = (ins "::mlir::StringAttr":$type, "int64_t":$factor, "int64_t":$dim);
  let builders = [
    AttrBuilder<(ins "::llvm::StringRef":$type, "int64_t":$factor, "int64_t":$dim), [{
      return $_get($_ctxt, ::mlir::StringAttr::get($_ctxt, type), factor, dim);
    }]>
  ];
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// "type=cyclic factor=4 dim=2" (factor only when given).
    std::string describe() const;
  }];
}

def Allo_PartitionList : TypedArrayAttrBase<Allo_PartitionAttr,
                                            "array of #allo.partition directives">;

def Allo_StreamArray : StaticShapeMemRefOf<[Allo_StreamType]>;

//===----------------------------------------------------------------------===//
// Operations
//===----------------------------------------------------------------------===//

class Allo_Op<string mnemonic, list<Trait> traits = []> :
    Op<Allo_Dialect, mnemonic, traits>;

def StreamResource : Resource<"::allo::StreamResource">;

def Allo_StreamCreateOp : Allo_Op<"stream_create",
    [MemoryEffects<[MemAlloc<StreamResource>]>]> {
  let summary = "creates a FIFO stream, or an array of them";
  let description = [{
    `%s = allo.stream_create {depth = 4} : !allo.stream<i32>` creates an
    empty FIFO of the given depth (in elements, or blocks, >= 1).
    `%a = allo.stream_create {depth = 4} : memref<4x2x!allo.stream<i32>>`
    creates an array of 8 such FIFOs. The C++ variable name is kept in
    `allo.name`, the element type as written in `allo.ctype`, the DEPTH
    template argument of the C++ type (when it has one) in
    `allo.type_depth`.
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntMinValue<1>]>:$depth);
  let results = (outs AnyTypeOf<[Allo_StreamType, Allo_StreamArray]>:$stream);
  let assemblyFormat = "attr-dict `:` type($stream)";
}

class ElementOfStream<string value> : TypesMatchWith<
    "the value's type is the stream's element type", "stream", value,
    "::llvm::cast<::allo::StreamType>($_self).getElementType()">;

def Allo_StreamReadOp : Allo_Op<"stream_read", [ElementOfStream<"value">]> {
  let summary = "blocking read of the oldest element of a stream";
  let arguments = (ins Arg<Allo_StreamType, "the stream",
                           [MemRead<StreamResource>, MemWrite<StreamResource>]>:$stream);
  let results = (outs AnyTypeOf<[AnySignlessInteger, AnyFloat]>:$value);
  let assemblyFormat = "$stream attr-dict `:` type($stream)";
}

def Allo_StreamWriteOp : Allo_Op<"stream_write", [ElementOfStream<"value">]> {
  let summary = "blocking write of one element to a stream";
  let arguments = (ins Arg<Allo_StreamType, "the stream",
                           [MemRead<StreamResource>, MemWrite<StreamResource>]>:$stream,
                       AnyTypeOf<[AnySignlessInteger, AnyFloat]>:$value);
  let assemblyFormat = "$stream `,` $value attr-dict `:` type($stream)";
}

def Allo_StreamEmptyOp : Allo_Op<"stream_empty"> {
  let summary = "true when the stream holds no element";
  let arguments = (ins Arg<Allo_StreamType, "the stream", [MemRead<StreamResource>]>:$stream);
  let results = (outs I1:$empty);
  let assemblyFormat = "$stream attr-dict `:` type($stream)";
}

//===----------------------------------------------------------------------===//
// PE grids
//===----------------------------------------------------------------------===//

def Allo_PidOp : Allo_Op<"pid", [Pure]> {
  let summary = "coordinate of this PE in its kernel's grid";
  let description = [{
    `%i = allo.pid 0 : index` is coordinate 0 of the processing element
    running the enclosing function, a kernel with an `allo.mapping` grid
    (`auto [i, j] = allo::get_pid<2>();`). It is created at the top level of
    the kernel's body, so it is a valid affine symbol everywhere in it.
    `allo-instantiate-pes` gives every PE of a grid its coordinates, folds
    the branches that depend on them and removes this op.
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntNonNegative]>:$dim);
  let results = (outs Index:$value);
  let assemblyFormat = "$dim attr-dict `:` type($value)";
}

//===----------------------------------------------------------------------===//
// Bit manipulation
//===----------------------------------------------------------------------===//

def Allo_BitReverseOp : Allo_Op<"bit_reverse", [Pure, AllTypesMatch<["input", "result"]>]> {
  let summary = "reverses the order of the bits of an integer";
  let description = [{
    `%r = allo.bit_reverse %x : i13`: bit k of %r is bit W-1-k of %x (the
    `reverse()` member of ap_[u]int). No upstream dialect has it (the LLVM
    dialect's intrinsic is what allo-lower-streams turns it into).
  }];
  let arguments = (ins AnySignlessInteger:$input);
  let results = (outs AnySignlessInteger:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def Allo_FloatToAPIntOp : Allo_Op<"float_to_ap_int", [Pure]> {
  let summary = "an ap_[u]int built from a floating-point value";
  let description = [{
    `%r = allo.float_to_ap_int %d : f64 to i16` is `ap_int<16>(d)`
    (`allo.float_to_ap_int %d unsigned`: `ap_uint<16>(d)`, the same bits;
    the keyword keeps the source's spelling): the value of %d truncated
    toward zero, then wrapped to the result's width in two's complement;
    NaN and infinities give 0. This is what our csim headers (and Vitis
    HLS's) do; `arith.fptosi`/`fptoui`, a C++ cast to an integer type, is
    undefined out of range. The vhls emitter prints the constructor;
    allo-lower-streams expands it into integer arithmetic on the bits.
  }];
  let arguments = (ins AnyFloat:$input, UnitAttr:$is_unsigned);
  let results = (outs AnySignlessInteger:$result);
  let assemblyFormat =
      "$input (`unsigned` $is_unsigned^)? attr-dict `:` type($input) `to` type($result)";
}

//===----------------------------------------------------------------------===//
// Streams of blocks: locks
//===----------------------------------------------------------------------===//

def Allo_LockEndOp : Allo_Op<"lock_end", [Terminator, Pure,
    ParentOneOf<["StreamWriteLockOp", "StreamReadLockOp"]>]> {
  let summary = "end of a lock's scope (implicit)";
  let assemblyFormat = "attr-dict";
}

class Allo_LockOp<string mnemonic, string what> : Allo_Op<mnemonic,
    [SingleBlockImplicitTerminator<"LockEndOp">, RecursiveMemoryEffects]> {
  let arguments = (ins Arg<Allo_StreamType, "a stream of blocks",
                           [MemRead<StreamResource>, MemWrite<StreamResource>]>:$stream);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$stream attr-dict `:` type($stream) $body";
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The block the body works on (the region's only argument).
    mlir::Value getBlock() { return getBody().front().getArgument(0); }
  }];
  let description = what # [{

    The region has one argument, a memref of the stream's block type. The
    C++ lock variable's name is kept in `allo.name`, the block type as
    written in `allo.ctype`.
  }];
}

def Allo_StreamWriteLockOp : Allo_LockOp<"stream_write_lock", [{
    `hls::write_lock<B> b(s);` and the statements in its scope: the body
    fills a fresh block; when it ends, a copy of the block is appended to
    the stream (blocking while the stream is full, in hardware).
  }]> {
  let summary = "writes one block to a stream of blocks";
}

def Allo_StreamReadLockOp : Allo_LockOp<"stream_read_lock", [{
    `hls::read_lock<B> b(s);` and the statements in its scope: the body
    reads (and may modify) the oldest block of the stream, which is removed
    from the stream (blocking while it is empty, in hardware).
  }]> {
  let summary = "reads one block from a stream of blocks";
}

#endif
