//===- AlloTransformOps.td - Schedule primitives as Transform ops -*- tablegen -*-===//
//
// Every primitive of the schedule language is an op of an `allo` extension
// of MLIR's Transform dialect: transform.allo.split, transform.allo.reorder,
// ... Each takes a handle to the module (the payload root), consumes it and
// returns a new handle to the same module, because a step may rebuild any
// function of it. Loops, arrays and functions are named by attributes
// ("gemm:j", "gemm:B", "gemm"), matched against their allo.name, exactly as
// in a JSON schedule.
//
// This file is the single description of the language. allo-tblgen
// (tools/allo-tblgen) reads the `allo*` fields below and generates the op
// table the JSON parser checks against (field kinds, bounds, defaults,
// descriptions), from which the JSON Schema and the schedule reference are
// printed (allo-rewrite --print-schedule-schema / --print-schedule-reference;
// test/TransformOps keeps the checked-in copies equal to them). Adding a
// primitive means: a def here, one file in lib/Schedule defining
// sched::apply<Impl> and sched::summarize<Impl> (and sched::check<Impl> when
// alloCheck is set), and its tests.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_TRANSFORMOPS_ALLOTRANSFORMOPS
#define ALLO_TRANSFORMOPS_ALLOTRANSFORMOPS

include "mlir/Dialect/Transform/IR/TransformDialect.td"
include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/IR/OpBase.td"

//===----------------------------------------------------------------------===//
// Fields: an attribute plus what the JSON surface syntax needs to know
//===----------------------------------------------------------------------===//

// alloKind: loop | loops | function | array | int | bool | enum | string |
// int_list. alloMin/alloMax bound ints and the items of int lists; for loops
// alloMin is the fewest loops. alloValues lists an enum's values.
class Allo_Field<Attr base, string kind> : Attr<base.predicate, base.summary> {
  let storageType = base.storageType;
  let returnType = base.returnType;
  let convertFromStorage = base.convertFromStorage;
  let constBuilderCall = base.constBuilderCall;
  string alloKind = kind;
  int alloMin = 0;
  int alloMax = 2147483647;
  list<string> alloValues = [];
}

def Allo_LoopRef : Allo_Field<StrAttr, "loop">;
def Allo_FunctionRef : Allo_Field<StrAttr, "function">;
def Allo_ArrayRef : Allo_Field<StrAttr, "array">;
def Allo_Bool : Allo_Field<BoolAttr, "bool">;
def Allo_String : Allo_Field<StrAttr, "string">;
class Allo_LoopRefs<int fewest> : Allo_Field<StrArrayAttr, "loops"> {
  let alloMin = fewest;
}
class Allo_Int<int least> : Allo_Field<I64Attr, "int"> {
  let alloMin = least;
}
class Allo_IntList<int least> : Allo_Field<DenseI64ArrayAttr, "int_list"> {
  let alloMin = least;
}
class Allo_Enum<list<string> values> : Allo_Field<StrAttr, "enum"> {
  let alloValues = values;
}

// The field's name in JSON when it differs from the attribute's (an
// attribute cannot be called `type` or `name`: those are methods of ops).
class Allo_JsonName<string n> : OpVariableDecorator {
  string jsonName = n;
}

//===----------------------------------------------------------------------===//
// The ops
//===----------------------------------------------------------------------===//

// mnemonic: the op's name in JSON ("op": "split") and in the transform
// script (transform.allo.split). impl: the primitive's C++ name.
// alloExactlyOneOf: groups of fields of which exactly one must be given.
// alloComposite: the step applies other steps, which verify one by one.
// alloCheck: sched::check<Impl> checks rules between fields.
class Allo_ScheduleOp<string mnemonic, string impl>
    : Op<Transform_Dialect, "allo." # mnemonic,
         [DeclareOpInterfaceMethods<TransformOpInterface>,
          DeclareOpInterfaceMethods<MemoryEffectsOpInterface>]> {
  let cppNamespace = "::allo::transform";
  string alloOp = mnemonic;
  string alloImpl = impl;
  list<list<string>> alloExactlyOneOf = [];
  bit alloComposite = 0;
  bit alloCheck = 0;
  // JSON merged into the op's definition in the JSON Schema (rules between
  // fields that the generic form cannot say).
  string alloSchemaExtra = "";

  let results = (outs TransformHandleTypeInterface:$result);
  let assemblyFormat = "$target attr-dict `:` functional-type(operands, results)";
  let hasVerifier = 1;
  let extraClassDefinition = [{
    ::mlir::DiagnosedSilenceableFailure
    $cppClass::apply(::mlir::transform::TransformRewriter &rewriter,
                     ::mlir::transform::TransformResults &results,
                     ::mlir::transform::TransformState &state) {
      return ::allo::transform::applyScheduleOp(getOperation(), results, state);
    }
    void $cppClass::getEffects(
        ::llvm::SmallVectorImpl<::mlir::MemoryEffects::EffectInstance> &effects) {
      ::mlir::transform::consumesHandle(getOperation()->getOpOperands(), effects);
      ::mlir::transform::producesHandle(getOperation()->getOpResults(), effects);
      ::mlir::transform::modifiesPayload(effects);
    }
    ::llvm::LogicalResult $cppClass::verify() {
      return ::allo::transform::verifyScheduleOp(getOperation());
    }
  }];
}

def Allo_SplitOp : Allo_ScheduleOp<"split", "Split"> {
  let summary = [{
    Tiles one loop into name.outer (ceildiv(trip count, factor) iterations) and
    name.inner (factor iterations; fewer in the last tile when factor does not
    divide the trip count).
  }];
  let description = [{
    Tiles the loop into `name.outer` (0 to ⌈T/factor⌉) and `name.inner` (0 to
    factor, or `min(factor, T - outer*factor)` when factor does not divide the
    trip count T); the original variable is recomputed at the top of the inner
    body. Other attributes (pipeline, unroll, pragmas) move to `name.inner`.
    With `allo.iv = "j"`, the loops get `j_outer` / `j_inner`.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_LoopRef, "the loop to split, \"func:name\"">:$loop,
      Arg<Allo_Int<1>, "the inner loop's trip count (> 0)">:$factor);
}

def Allo_ReorderOp : Allo_ScheduleOp<"reorder", "Reorder"> {
  let summary = [{
    Permutes loops of one perfectly nested band: the positions they occupy are
    filled in the order given (outermost first). Refused when a dependence
    would be reversed.
  }];
  let description = [{
    Permutes loops of one perfectly nested band (constants and index arithmetic
    between the loops are moved out of the way): the positions the listed loops
    occupy are filled in the order given, outermost first (band `i, j, k` +
    `[k, i]` → `k, j, i`). Refused — naming the loops and the dependence — when
    a memory dependence would be reversed (MLIR's affine dependence analysis;
    unknown distances count as violations), when a loop's bounds would use an
    inner loop's variable, or when the nest holds non-affine memory operations.
    A scalar variable private to the iterations of the innermost listed loop
    (see [below](README.md#scalars-private-to-loop-iterations)) carries no dependence.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_LoopRefs<2>, "the new order, outermost first">:$loops);
}

def Allo_FuseOp : Allo_ScheduleOp<"fuse", "Fuse"> {
  let summary = [{
    Coalesces consecutive perfectly nested loops (outermost first) into one
    loop named a.b.fused (Vitis loop_flatten, done in the IR).
  }];
  let description = [{
    Coalesces consecutive perfectly nested loops (outermost first) into one
    loop `a.b.fused` over the product of the trip counts (Vitis `loop_flatten`,
    done in the IR with MLIR's `coalesceLoops`); the original variables are
    `floordiv`/`mod` of the new one and keep their C++ names in the emitted
    code (`int i = i_j / 10;`). The loops are normalised first; a nest whose
    bounds depend on its own loops is refused. When an inner loop's trip count
    may be negative (`j < m` with a run-time `m`), the fused loop is guarded by
    `if (m >= 0)`: such a loop never runs, and two negative counts would
    multiply to a positive one. Attributes of all fused loops are kept
    (innermost wins, pragma lists are joined).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_LoopRefs<2>,
          "consecutive perfectly nested loops, outermost first">:$loops);
}

def Allo_UnrollOp : Allo_ScheduleOp<"unroll", "Unroll"> {
  let summary = [{
    Unrolls a loop: #pragma HLS unroll, or in the IR with in_ir (copies of
    inner loops are named inner.u0, inner.u1, ...; a remainder loop name.rem).
  }];
  let description = [{
    Sets `allo.unroll` (`#pragma HLS unroll [factor=N]`). With `"in_ir": true`
    the affine loop is unrolled in the IR: fully (factor 0 or ≥ T: the loop
    disappears), or by factor (the loop keeps its name and steps factor times
    further; a remainder loop `name.rem` follows when factor does not divide T;
    a loop left with one iteration is replaced by its body). Loops nested in
    the unrolled loop are copied; the copies are named `inner.u0`, `inner.u1`,
    … in program order (the remainder's copy last).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_LoopRef, "the loop to unroll">:$loop,
      Arg<DefaultValuedOptionalAttr<Allo_Int<0>, "0">,
          "unroll factor, 0 = fully (default 0)">:$factor,
      Arg<DefaultValuedOptionalAttr<Allo_Bool, "false">,
          "unroll in the IR instead of a pragma (default false)">:$in_ir);
}

def Allo_PipelineOp : Allo_ScheduleOp<"pipeline", "Pipeline"> {
  let summary = [{
    Pipelines a loop or a function with the given initiation interval.
  }];
  let description = [{
    Sets `allo.pipeline_ii` (and `allo.pipeline_rewind`, removed when not asked
    for).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<OptionalAttr<Allo_LoopRef>, "the loop to pipeline">:$loop,
      Arg<OptionalAttr<Allo_FunctionRef>, "or the function to pipeline">:$function,
      Arg<DefaultValuedOptionalAttr<Allo_Int<1>, "1">,
          "initiation interval (default 1)">:$ii,
      Arg<DefaultValuedOptionalAttr<Allo_Bool, "false">,
          "loops only: overlap successive executions (default false)">:$rewind);
  let alloExactlyOneOf = [["loop", "function"]];
  let alloCheck = 1;
  let alloSchemaExtra = [{
    {"oneOf": [{"required": ["loop"]},
               {"required": ["function"],
                "not": {"properties": {"rewind": {"const": true}}, "required": ["rewind"]}}]}
  }];
}

def Allo_PartitionOp : Allo_ScheduleOp<"partition", "Partition"> {
  let summary = [{
    Partitions an array into banks (Vitis array_partition); propagated through
    calls to every function receiving the same array.
  }];
  let description = [{
    Appends `#allo.partition<type, factor = N, dim = D>` to the array's `allo.partition`, and to every
    array connected to it through `func.call` (callee parameters, and what
    callers pass). Two partitions of one dimension (dim 0 overlaps all) that
    differ are an error naming both; the same request twice is kept once. `dim`
    beyond the rank and a factor above the dimension's size are errors, and so
    are an array of streams (each element is its own FIFO) and a port of the
    top that the source's own `#pragma HLS interface` makes `m_axi` (Vitis does
    not partition those, UG1399; with `--interface axi` the vhls emitter
    refuses partitioned top-level arrays).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_ArrayRef, "the array, \"func:name\" (parameter or local)">:$array,
      Arg<DefaultValuedOptionalAttr<Allo_Enum<["complete", "block", "cyclic"]>,
                                    "\"complete\"">,
          "partitioning scheme (default complete)", [Allo_JsonName<"type">]>:$scheme,
      Arg<OptionalAttr<Allo_Int<1>>,
          "number of banks (block and cyclic only)">:$factor,
      Arg<DefaultValuedOptionalAttr<Allo_Int<0>, "0">,
          "1-based dimension, 0 = all (default 0)">:$dim);
  let alloCheck = 1;
  let alloSchemaExtra = [{
    {"if": {"properties": {"type": {"enum": ["block", "cyclic"]}}, "required": ["type"]},
     "then": {"required": ["factor"]},
     "else": {"not": {"required": ["factor"]}}}
  }];
}

def Allo_DataflowOp : Allo_ScheduleOp<"dataflow", "Dataflow"> {
  let summary = [{
    Runs the tasks of a function (or of a loop's body) as a dataflow pipeline.
  }];
  let description = [{
    Sets `allo.dataflow` (`#pragma HLS dataflow`).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<OptionalAttr<Allo_FunctionRef>, "the function">:$function,
      Arg<OptionalAttr<Allo_LoopRef>,
          "or the loop whose body is a dataflow region">:$loop);
  let alloExactlyOneOf = [["function", "loop"]];
}

def Allo_InlineOp : Allo_ScheduleOp<"inline", "Inline"> {
  let summary = [{
    Inlines a function into its callers (#pragma HLS inline), or forbids it
    with off.
  }];
  let description = [{
    Sets `allo.inline = 1` (`0` with `off`); a top function nothing calls is
    refused.
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_FunctionRef, "the function to inline into its callers">:$function,
      Arg<DefaultValuedOptionalAttr<Allo_Bool, "false">,
          "forbid inlining instead (default false)">:$off);
}

def Allo_BufferAtOp : Allo_ScheduleOp<"buffer_at", "BufferAt"> {
  let summary = [{
    Allocates an on-chip buffer <array>_buf for the tile of the array one
    iteration of the loop accesses (a box of constant size, computed from the
    affine accesses; dimensions of size 1 dropped), copies it in at the start
    of the body (loops <array>_buf.in0, ...) when the body reads the array or
    may not write all of it, and back at the end (<array>_buf.out0, ...) when
    the body writes it; the body then accesses the buffer.
  }];
  let description = [{
    An on-chip buffer `<array>_buf` for the tile of the array that one
    iteration of the loop accesses, with copy-in loops `<array>_buf.in0`,
    `.in1`, … and write-back loops `<array>_buf.out0`, … (see
    [below](README.md#memory-customizations)).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_ArrayRef,
          "the array to buffer, \"func:name\" (parameter or local)">:$array,
      Arg<Allo_LoopRef, "the loop whose body works on the buffer">:$loop);
}

def Allo_ReuseAtOp : Allo_ScheduleOp<"reuse_at", "ReuseAt"> {
  let summary = [{
    Reuse buffer <array>_reuse. Reads A[..][j + c] directly in the loop's body
    (other indices the first read's plus constants): a completely partitioned
    shift register (window) preloaded before the loop, shifted each iteration
    and fed the newest slice. Reads A[j + r][k + c] in one inner loop k: a line
    buffer [R][W] of rows j + rmin .. j + rmax, partitioned along the rows; a
    second reuse_at of <array>_reuse at k gives the 2-D window. Other reads (in
    loops nested in the loop, taps written as loops, strided A[2*y + r][2*x +
    c]): the box one iteration reads, moved by the stride; a line buffer when
    one loop directly in the body reads every column first, else a window moved
    at the top of each iteration.
  }];
  let description = [{
    Keeps what consecutive iterations of the loop read of the array in
    `<array>_reuse`: a window (shift register) when the loop reads `A[..][j +
    c]` directly in its body, a line buffer of rows when it reads `A[j + r][k +
    c]` in one inner loop `k`; a second `reuse_at` of the line buffer at `k`
    gives the 2-D window. Reads deeper in the loop (taps written as loops,
    channels) and strided reads (`A[2*y + r][2*x + c]`) take the general form
    (see [below](README.md#memory-customizations)).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_ArrayRef, "the array read through a sliding window">:$array,
      Arg<Allo_LoopRef, "the loop along which the window slides">:$loop);
}

def Allo_ComputeAtOp : Allo_ScheduleOp<"compute_at", "ComputeAt"> {
  let summary = [{
    Fuses the producer loop nest into the consumer loop (MLIR affine fusion,
    checked against dependences): each consumer iteration first computes the
    producer iterations whose results it reads; the producer nest is removed.
    The producer may only write local arrays used by the two nests.
  }];
  let description = [{
    Fuses the producer loop nest into the consumer loop, computing at each
    consumer iteration the producer iterations it reads; the producer nest is
    removed (see [below](README.md#memory-customizations)).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_LoopRef, "the producer loop nest, \"func:name\"">:$producer,
      Arg<Allo_LoopRef, "the consumer loop to compute it in">:$consumer);
}

def Allo_ComposeOp : Allo_ScheduleOp<"compose", "Compose"> {
  let summary = [{
    Applies the steps of another schedule file to a function, at this point
    (Allo's s.compose). Names without "function:" in the sub-schedule belong to
    that function; its "top", if given, must be that function. Sub-schedules
    may compose others; cycles are errors.
  }];
  let description = [{
    Applies the steps of another schedule file to the function, at this point
    (see [below](README.md#composing-schedules)).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_FunctionRef,
          "the function the sub-schedule customizes">:$function,
      Arg<Allo_String,
          "the sub-schedule file, relative to this file's directory">:$schedule);
  let alloComposite = 1;
}

def Allo_UnfoldOp : Allo_ScheduleOp<"unfold", "Unfold"> {
  let summary = [{
    Replicates the body of the unfolded loops (a perfect band of constant-bound
    loops) into a grid of distinct PE functions func_name_i_j, called in the
    loops' order from a dataflow function func_name that replaces the loops.
    Refused when PEs would race on a shared array that no later relay step
    passes PE to PE.
  }];
  let description = [{
    Replicates the body of the unfolded loops into a grid of PE functions
    `<func>_<name>_<coords>` called from a dataflow function `<func>_<name>`
    that replaces the loops (see
    [below](README.md#spatial-architectures-unfold-and-relay)).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_LoopRefs<1>, "the loop band, outermost first">:$loops,
      Arg<OptionalAttr<Allo_IntList<0>>,
          "positions in loops to unfold, 0-based (default all)">:$axes,
      Arg<OptionalAttr<Allo_IntList<1>>,
          "PEs per unfolded loop: its trip count (default)">:$factors,
      Arg<DefaultValuedOptionalAttr<Allo_String, "\"PE\"">,
          "the grid's name (default \"PE\")", [Allo_JsonName<"name">]>:$grid_name);
}

def Allo_RelayOp : Allo_ScheduleOp<"relay", "Relay"> {
  let summary = [{
    Passes an array's values PE to PE through FIFOs (Allo's relay): one chain
    per index of axis, values moving along the grid's other unfolded axis.
    Read-only arrays are read once by a loader and forwarded; a buffer_at
    buffer read and then written in each PE is passed on (partial results) and
    stored by a drainer.
  }];
  let description = [{
    Passes the array's values PE to PE through FIFOs: one chain per index of
    `axis`, values moving along the grid's other unfolded axis (see
    [below](README.md#spatial-architectures-unfold-and-relay)).
  }];
  let arguments = (ins TransformHandleTypeInterface:$target,
      Arg<Allo_ArrayRef, "the array or its buffer_at buffer">:$array,
      Arg<Allo_Int<0>,
          "the band axis whose PEs get distinct data (position in unfold's loops)">:$axis,
      Arg<DefaultValuedOptionalAttr<Allo_String, "\"PE\"">,
          "the unfolded grid's name (default \"PE\")">:$grid,
      Arg<DefaultValuedOptionalAttr<Allo_Int<1>, "2">,
          "FIFO depth (default 2)">:$depth);
}

#endif // ALLO_TRANSFORMOPS_ALLOTRANSFORMOPS
