//===- allo-translate.cpp - mlir-translate with Allo's emitters -----------===//
//
//   allo-translate --emit-vhls in.mlir -o kernel.cpp
//
// Every upstream translation too (a superset of mlir-translate-22).
//
//===----------------------------------------------------------------------===//
#include "allo/Target/VHLS/EmitVHLS.h"
#include "allo/Version.h"

#include "mlir/InitAllTranslations.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/raw_ostream.h"

int main(int argc, char **argv) {
  mlir::registerAllTranslations();
  allo::registerToVHLSTranslations();
  llvm::cl::AddExtraVersionPrinter(
      [](llvm::raw_ostream &os) { os << "Allo C++ allo-translate " << ALLO_VERSION << "\n"; });
  llvm::setBugReportMsg(ALLO_BUG_REPORT_MSG);
  return mlir::failed(mlir::mlirTranslateMain(argc, argv, "Allo C++ translation driver\n")) ? 1 : 0;
}
