//===- AlloOps.h - Allo types and operations ---------------------*- C++ -*-===//
#ifndef ALLO_DIALECT_ALLO_ALLOOPS_H
#define ALLO_DIALECT_ALLO_ALLOOPS_H

#include "allo/Dialect/Allo/AlloDialect.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

namespace allo {
/// The side-effect resource of stream reads and writes: they are ordered
/// among themselves but independent of memref accesses.
struct StreamResource : mlir::SideEffects::Resource::Base<StreamResource> {
  llvm::StringRef getName() override { return "allo.stream"; }
};
} // namespace allo

#define GET_TYPEDEF_CLASSES
#include "allo/Dialect/Allo/AlloTypes.h.inc"

#define GET_ATTRDEF_CLASSES
#include "allo/Dialect/Allo/AlloAttrDefs.h.inc"

#define GET_OP_CLASSES
#include "allo/Dialect/Allo/AlloOps.h.inc"

#endif
