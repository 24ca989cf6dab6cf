//===- AlloDialect.h - The allo dialect --------------------------*- C++ -*-===//
#ifndef ALLO_DIALECT_ALLO_ALLODIALECT_H
#define ALLO_DIALECT_ALLO_ALLODIALECT_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/Operation.h"
#include <string>

#include "allo/Dialect/Allo/AlloDialect.h.inc"

#endif
