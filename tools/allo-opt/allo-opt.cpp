//===- allo-opt.cpp - mlir-opt with Allo's dialects and passes ------------===//
#include "allo/Conversion/LowerStreams.h"
#include "allo/InitAllDialects.h"
#include "allo/Schedule/Schedule.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  allo::registerAlloDialects(registry);
  mlir::registerAllPasses();
  allo::registerSchedulePasses();
  allo::registerLowerStreamsPass();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Allo C++ optimizer driver\n", registry));
}
