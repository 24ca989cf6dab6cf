//===- Passes.td - The schedule engine as a pass -------------*- tablegen -*-===//
#ifndef ALLO_SCHEDULE_PASSES
#define ALLO_SCHEDULE_PASSES

include "mlir/Pass/PassBase.td"

def AlloApplySchedule : Pass<"allo-apply-schedule", "mlir::ModuleOp"> {
  let summary = "Apply an Allo JSON schedule to raised affine IR";
  let description = [{
    Parses the JSON schedule file and applies its steps in order, as
    `allo-rewrite --schedule` does (every primitive of schedules/README.md).
    Each step runs on a copy of the module that must verify afterwards; a
    refused step leaves the module as the previous steps made it and fails
    the pass with an error located in the schedule file.

    ```
    allo-opt in.mlir --allo-apply-schedule="schedule=s.json dump-after-each"
    ```
  }];
  let options = [
    Option<"schedulePath", "schedule", "std::string", /*default=*/"\"\"",
           "the JSON schedule file">,
    Option<"dumpAfterEach", "dump-after-each", "bool", /*default=*/"false",
           "print the module to stderr after each step">,
  ];
  let dependentDialects = ["allo::AlloDialect", "mlir::affine::AffineDialect",
                           "mlir::arith::ArithDialect", "mlir::memref::MemRefDialect",
                           "mlir::scf::SCFDialect", "mlir::func::FuncDialect",
                           "mlir::transform::TransformDialect"];
}

#endif
