//===- AlloOps.td - Allo types and operations --------------*- tablegen -*-===//
//
// FIFO streams: the channels between the processes of a dataflow region
// (hls::stream<T> / allo::stream<T> in C++). A stream is a value of type
// !allo.stream<T>; it is created once (with its FIFO depth) and passed to
// the functions that read or write it. Reads and writes are ordered side
// effects: passes must not reorder, duplicate or drop them.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_OPS_TD
#define ALLO_OPS_TD

include "allo/Dialect/Allo/AlloDialect.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

def Allo_StreamType : TypeDef<Allo_Dialect, "Stream"> {
  let mnemonic = "stream";
  let summary = "a FIFO stream of scalars";
  let description = [{
    `!allo.stream<i32>`: a first-in first-out channel carrying values of a
    scalar (integer or float) type. The depth belongs to the creating
    `allo.stream_create`, so one function can take streams of any depth.
  }];
  let parameters = (ins "mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// Operations
//===----------------------------------------------------------------------===//

class Allo_Op<string mnemonic, list<Trait> traits = []> :
    Op<Allo_Dialect, mnemonic, traits>;

def StreamResource : Resource<"::allo::StreamResource">;

def Allo_StreamCreateOp : Allo_Op<"stream_create",
    [MemoryEffects<[MemAlloc<StreamResource>]>]> {
  let summary = "creates a FIFO stream";
  let description = [{
    `%s = allo.stream_create {depth = 4} : !allo.stream<i32>` creates an
    empty FIFO of the given depth (in elements, >= 1). The C++ variable name
    is kept in `allo.name`, the element type as written in `allo.ctype`.
  }];
  let arguments = (ins ConfinedAttr<I64Attr, [IntMinValue<1>]>:$depth);
  let results = (outs Allo_StreamType:$stream);
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

#endif
