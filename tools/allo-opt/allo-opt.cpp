//===- allo-opt.cpp - mlir-opt with Allo's dialects and passes ------------===//
#include "allo/Conversion/LowerStreams.h"
#include "allo/InitAllDialects.h"
#include "allo/Schedule/Schedule.h"
#include "allo/TransformOps/AlloTransformOps.h"
#include "allo/Version.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry); // a superset of mlir-opt-22
  allo::registerAlloDialects(registry);
  allo::registerAlloTransformExtension(registry); // transform.allo.*
  mlir::registerAllPasses();
  allo::registerSchedulePasses();
  allo::registerAlloConversionPasses();
  llvm::cl::AddExtraVersionPrinter(
      [](llvm::raw_ostream &os) { os << "Allo C++ allo-opt " << ALLO_VERSION << "\n"; });
  llvm::setBugReportMsg(ALLO_BUG_REPORT_MSG);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "Allo C++ optimizer driver\n", registry));
}
