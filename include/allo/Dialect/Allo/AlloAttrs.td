//===- AlloAttrs.td - The allo dialect's discardable attributes -*- tablegen -*-===//
//
// Every allo.* attribute the raiser, the schedule engine and the emitters put
// on ops, functions and arguments, with its constraint and what the verifier
// says when a value breaks it. allo-tblgen -gen-allo-attrs generates from
// these records the names (AlloDialect::kName = "allo.name", ...), typed
// helpers (AlloDialect::getNameAttr(op), setNameAttr(op, value)) and the
// table AlloDialect::verifyOperationAttribute / verifyRegionArgAttribute
// check every allo.* attribute against (an unknown name is an error).
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_DIALECT_ALLO_ALLOATTRS
#define ALLO_DIALECT_ALLO_ALLOATTRS

include "mlir/IR/CommonAttrConstraints.td"

// key: the C++ name (kKey, getKeyAttr); name: after "allo."; expects: the
// verifier's message ("expects <expects>").
class Allo_Discardable<string key, string name, Attr constraint, string expects,
                       string doc> {
  string alloKey = key;
  string alloName = name;
  Attr alloConstraint = constraint;
  string alloExpects = expects;
  string alloDoc = doc;
}

// Constraints not in ODS (the checks the verifier always made).
class Allo_IntAtLeast<int n>
    : Attr<CPred<"::llvm::isa<::mlir::IntegerAttr>($_self) && "
                 "::llvm::cast<::mlir::IntegerAttr>($_self).getValue().getSExtValue() >= " # n>,
           "integer >= " # n> {
  let storageType = "::mlir::IntegerAttr";
  let returnType = "::mlir::IntegerAttr";
  let convertFromStorage = "$_self";
}
class Allo_I64ArrayOf<string elementPred, bit nonEmpty, string summary>
    : Attr<CPred<"::llvm::isa<::mlir::DenseI64ArrayAttr>($_self) && (!" # nonEmpty #
                 " || !::llvm::cast<::mlir::DenseI64ArrayAttr>($_self).empty()) && "
                 "::llvm::all_of(::llvm::cast<::mlir::DenseI64ArrayAttr>($_self).asArrayRef(), "
                 "[](int64_t v) { return " # elementPred # "; })">, summary> {
  let storageType = "::mlir::DenseI64ArrayAttr";
  let returnType = "::mlir::DenseI64ArrayAttr";
  let convertFromStorage = "$_self";
}
// An array of dictionaries, each with these keys of these attribute kinds.
class Allo_DictArray<string check, string summary>
    : Attr<CPred<"::allo::detail::" # check # "($_self)">, summary> {
  let storageType = "::mlir::ArrayAttr";
  let returnType = "::mlir::ArrayAttr";
  let convertFromStorage = "$_self";
}

def : Allo_Discardable<"Name", "name", StrAttr, "a string",
  "the name schedules use: a loop's label or variable, an argument's or array's name">;
def : Allo_Discardable<"Kernel", "kernel", UnitAttr, "a unit attribute",
  "a function marked [[allo::kernel]]">;
def : Allo_Discardable<"Region", "region", UnitAttr, "a unit attribute",
  "a dataflow region ([[allo::region]]): its calls are concurrent processes">;
def : Allo_Discardable<"Top", "top", UnitAttr, "a unit attribute", "the top function">;
def : Allo_Discardable<"Mapping", "mapping",
  Allo_I64ArrayOf<"v >= 1", 1, "non-empty array of positive extents">,
  "a non-empty array<i64> of positive extents", "the PE grid of a kernel (mapping(4,4))">;
def : Allo_Discardable<"PipelineII", "pipeline_ii", Allo_IntAtLeast<1>, "an integer >= 1",
  "#pragma HLS pipeline II=N on a loop or function">;
def : Allo_Discardable<"PipelineRewind", "pipeline_rewind", UnitAttr, "a unit attribute",
  "the rewind option of the pipeline">;
def : Allo_Discardable<"Unroll", "unroll", Allo_IntAtLeast<0>, "an integer >= 0",
  "#pragma HLS unroll (0 = fully, else the factor)">;
def : Allo_Discardable<"Flatten", "flatten", UnitAttr, "a unit attribute",
  "#pragma HLS loop_flatten">;
def : Allo_Discardable<"Dataflow", "dataflow", UnitAttr, "a unit attribute",
  "#pragma HLS dataflow">;
def : Allo_Discardable<"Inline", "inline", Allo_IntAtLeast<0>, "an integer >= 0",
  "#pragma HLS inline (1) or inline off (0)">;
def : Allo_Discardable<"Partition", "partition",
  Allo_DictArray<"isPartitionList", "array of #allo.partition directives">,
  "an array of #allo.partition<type, factor = N, dim = D> (type complete, block or cyclic)",
  "the array_partition directives of an array">;
def : Allo_Discardable<"Layout", "layout",
  Allo_I64ArrayOf<"v >= -1", 0, "array of grid axes (-1 = replicate)">,
  "an array<i64> of grid axes (-1 = replicate)", "a Shard/Replicate layout of an argument">;
def : Allo_Discardable<"FixedScale", "fixed_scale", Allo_IntAtLeast<0>, "an integer >= 0",
  "an ap_fixed value or array held as its raw bits: the number of fraction bits">;
def : Allo_Discardable<"Unsigned", "unsigned", UnitAttr, "a unit attribute",
  "an unsigned C++ type (MLIR integers are signless)">;
def : Allo_Discardable<"SourceName", "source_name", StrAttr, "a string",
  "the C++ name of a function (templates, overloads)">;
def : Allo_Discardable<"Static", "static", UnitAttr, "a unit attribute",
  "a static C++ function">;
def : Allo_Discardable<"ExternC", "extern_c", UnitAttr, "a unit attribute",
  "an extern \"C\" function">;
def : Allo_Discardable<"CType", "ctype", StrAttr, "a string",
  "the C++ type as written in the source (typedefs kept)">;
def : Allo_Discardable<"Label", "label", UnitAttr, "a unit attribute",
  "the loop's name is the source's label">;
def : Allo_Discardable<"InductionVar", "iv", StrAttr, "a string",
  "the C++ name of a loop's variable">;
def : Allo_Discardable<"Pragmas", "pragmas", StrArrayAttr, "an array of strings",
  "#pragma HLS directives of the source, printed back verbatim">;
def : Allo_Discardable<"ReverseStart", "reverse_start", AffineMapAttr, "an affine map",
  "a normalised decreasing loop: the source's start">;
def : Allo_Discardable<"ReverseLimit", "reverse_limit", AffineMapAttr, "an affine map",
  "a normalised decreasing loop: the source's limit">;
def : Allo_Discardable<"ReverseStep", "reverse_step", Allo_IntAtLeast<1>, "an integer >= 1",
  "a normalised decreasing loop: the source's step">;
def : Allo_Discardable<"ResultCType", "result_ctype", StrAttr, "a string",
  "the C++ result type of a function">;
def : Allo_Discardable<"PEGrid", "pe_grid",
  Allo_I64ArrayOf<"v >= 0", 1, "non-empty array of non-negative values">,
  "a non-empty array<i64> of non-negative values", "the grid a PE function belongs to">;
def : Allo_Discardable<"PEIndex", "pe_index",
  Allo_I64ArrayOf<"v >= 0", 1, "non-empty array of non-negative values">,
  "a non-empty array<i64> of non-negative values", "a PE's coordinates in its grid">;
def : Allo_Discardable<"PEOf", "pe_of", StrAttr, "the name of the PE-grid kernel",
  "the kernel a PE function was instantiated from">;
def : Allo_Discardable<"TemplateParam", "template_param", UnitAttr, "a unit attribute",
  "an argument that is a template parameter of a shared PE function">;
def : Allo_Discardable<"BufferOf", "buffer_of", StrAttr, "a string",
  "a buffer_at buffer: the array it buffers">;
def : Allo_Discardable<"Typedefs", "typedefs",
  Allo_DictArray<"isTypedefList", "array of {name, type, scope} string dictionaries">,
  "an array of {name, type, scope} string dictionaries", "the source's type aliases">;
def : Allo_Discardable<"TypeDepth", "type_depth", Allo_IntAtLeast<1>, "an integer >= 1",
  "the depth of a stream as its C++ type says">;
def : Allo_Discardable<"Extern", "extern", StrAttr, "a string",
  "an external function: the C++ function a call stands for (hls::nextafter)">;
def : Allo_Discardable<"HLSMath", "hls_math", UnitAttr, "a unit attribute",
  "a math op written as hls:: in the source">;
def : Allo_Discardable<"StaticLocal", "static_local", UnitAttr, "a unit attribute",
  "a global that is a static local of a function">;
def : Allo_Discardable<"Field", "field", StrAttr, "a string",
  "the struct field an argument stands for (.x, [].y)">;
def : Allo_Discardable<"FieldCType", "field_ctype", StrAttr, "a string",
  "the C++ type of that field">;
def : Allo_Discardable<"Aggregate", "aggregate", Allo_IntAtLeast<0>, "an integer >= 0",
  "the C++ parameter a struct's field arguments come from">;
def : Allo_Discardable<"FieldOffset", "field_offset", Allo_IntAtLeast<0>, "an integer >= 0",
  "the byte offset of the field in its struct">;
def : Allo_Discardable<"FieldBytes", "field_bytes", Allo_IntAtLeast<1>, "an integer >= 1",
  "the size of the field in bytes">;
def : Allo_Discardable<"AoSStrides", "aos_strides",
  Allo_I64ArrayOf<"v >= 0", 0, "array of byte strides">, "an array<i64> of byte strides",
  "an array of structs: the byte stride of each dimension">;
def : Allo_Discardable<"AoSSize", "aos_size", Allo_IntAtLeast<0>, "an integer >= 0",
  "an array of structs: its size in bytes">;
def : Allo_Discardable<"ResultFields", "result_fields",
  Allo_DictArray<"isResultFieldList", "array of {field, ctype, offset, bytes} dictionaries">,
  "an array of {field, ctype, offset, bytes} dictionaries",
  "a function returning a struct: the fields its results are">;
def : Allo_Discardable<"ResultSize", "result_size", Allo_IntAtLeast<0>, "an integer >= 0",
  "a function returning a struct: its size in bytes">;
def : Allo_Discardable<"Structs", "structs", StrArrayAttr, "an array of strings",
  "the struct definitions the code uses, printed before it">;

#endif // ALLO_DIALECT_ALLO_ALLOATTRS
