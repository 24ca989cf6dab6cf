//===- Passes.td - Lowerings out of the allo dialect --------*- tablegen -*-===//
#ifndef ALLO_CONVERSION_PASSES
#define ALLO_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def AlloLowerStreams : Pass<"allo-lower-streams", "mlir::ModuleOp"> {
  let summary = "Lower Allo streams to calls into the stream runtime (for execution)";
  let description = [{
    For executing raised IR (the differential tests): `!allo.stream` values
    become opaque pointers and the stream ops (`allo.stream_create`,
    `stream_write`, `stream_read`, `stream_empty`, the block locks) become
    calls into the stream runtime (`allo/Runtime/StreamRuntime.h`); a
    `static` stream gets a global slot. Elements travel as 64-bit words, so
    streams of wider elements are refused. `allo.bit_reverse` becomes
    `llvm.intr.bitreverse`, and `allo.float_to_ap_int` integer arithmetic on
    the bits of the double (toward zero, wrapped).
  }];
  let dependentDialects = ["mlir::arith::ArithDialect", "mlir::func::FuncDialect",
                           "mlir::LLVM::LLVMDialect", "mlir::memref::MemRefDialect",
                           "mlir::scf::SCFDialect"];
}

#endif
