//===- AlloConsumer.cpp - The AST consumer both drivers use ---------------===//
#include "allo/Attrs/ClangAttrs.h"
#include "allo/Attrs/HLSPragmas.h"
#include "allo/Dataflow/Dataflow.h"
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Driver/Driver.h"
#include "allo/Frontend/Raise.h"
#include "allo/Schedule/Schedule.h"
#include "allo/Support/Diagnostics.h"
#include "allo/Support/WriteFile.h"
#include "allo/Target/VHLS/EmitVHLS.h"
#include "allo/Target/VHLS/VitisProject.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"

#include <cstdlib>
#include <dlfcn.h>

#ifndef ALLO_USER_INCLUDE_DIR
#define ALLO_USER_INCLUDE_DIR ""
#endif

using namespace clang;
using namespace allo;

llvm::ArrayRef<llvm::StringRef> allo::knownTargets() {
  static const llvm::StringRef targets[] = {"mlir", "vhls", "sim"};
  return targets;
}

/// <prefix>/include when this code runs from an installed <prefix>/bin or
/// <prefix>/lib (the tool or the plugin) and the headers are there.
static std::string installedIncludeDir() {
  Dl_info info;
  if (!dladdr(reinterpret_cast<void *>(&installedIncludeDir), &info) || !info.dli_fname)
    return "";
  llvm::SmallString<256> path;
  if (llvm::sys::fs::real_path(info.dli_fname, path))
    return "";
  llvm::sys::path::remove_filename(path); // bin/ or lib/
  llvm::sys::path::remove_filename(path); // the prefix
  llvm::sys::path::append(path, "include");
  llvm::SmallString<256> probe(path);
  llvm::sys::path::append(probe, "allo", "csim");
  llvm::SmallString<256> header(path);
  llvm::sys::path::append(header, "allo", "allo.h");
  if (llvm::sys::fs::is_directory(probe) && llvm::sys::fs::exists(header))
    return std::string(path);
  return "";
}

std::string allo::userIncludeDir() {
  // ALLO_INCLUDE_DIR points a relocated or frozen copy of the tool at its own headers
  // (allo/allo.h and the C-simulation headers); an installed tool uses the ones
  // installed with it; a tool in its build tree the source tree's.
  if (const char *dir = std::getenv("ALLO_INCLUDE_DIR"))
    if (*dir)
      return dir;
  static const std::string installed = installedIncludeDir();
  if (!installed.empty())
    return installed;
  return ALLO_USER_INCLUDE_DIR;
}

std::string allo::csimFlags() {
  return "-std=c++17 -fwrapv -I" + userIncludeDir() + "/allo/csim -I" + userIncludeDir();
}

std::string allo::simFlags() {
  // The simulator's hls_stream.h first, the C-simulation headers behind it.
  return "-std=c++17 -fwrapv -I" + userIncludeDir() + "/allo/sim -I" + userIncludeDir() +
         "/allo/csim -I" + userIncludeDir();
}

namespace {

/// Maps an MLIR location back into the user's source.
SourceLocation toClangLoc(ASTContext &ast, mlir::Location loc) {
  mlir::FileLineColLoc flc;
  loc->walk([&](mlir::Location l) {
    if (auto f = llvm::dyn_cast<mlir::FileLineColLoc>(l)) {
      flc = f;
      return mlir::WalkResult::interrupt();
    }
    return mlir::WalkResult::advance();
  });
  if (!flc)
    return {};
  SourceManager &sm = ast.getSourceManager();
  auto fe = sm.getFileManager().getOptionalFileRef(flc.getFilename().getValue());
  if (!fe)
    return {};
  // A file outside the translation unit (a schedule) is loaded so that its
  // diagnostics show the line like any other.
  if (sm.translateFile(*fe).isInvalid())
    sm.createFileID(*fe, SourceLocation(), SrcMgr::C_User);
  return sm.translateFileLineCol(*fe, flc.getLine(), flc.getColumn());
}

std::string locString(mlir::Location loc) {
  if (auto f = llvm::dyn_cast<mlir::FileLineColLoc>(loc))
    return (llvm::sys::path::filename(f.getFilename().getValue()) + ":" + llvm::Twine(f.getLine()) +
            ":" + llvm::Twine(f.getColumn()))
        .str();
  return "?";
}

void listLoops(mlir::ModuleOp module, llvm::raw_ostream &os) {
  for (auto func : module.getOps<mlir::func::FuncOp>()) {
    if (func.isExternal())
      continue;
    llvm::StringRef fname = func.getSymName();
    os << fname << "  (" << locString(func.getLoc()) << ")\n";
    std::function<void(mlir::Operation *, unsigned)> walk = [&](mlir::Operation *op,
                                                                unsigned depth) {
      unsigned next = depth;
      if (auto name = op->getAttrOfType<mlir::StringAttr>(AlloDialect::kName);
          name && op->getNumRegions() > 0) {
        std::string label = (fname + ":" + name.getValue()).str();
        os.indent(2 * (depth + 1)) << label;
        os.indent(label.size() + 2 * depth < 38 ? 38 - label.size() - 2 * depth : 1)
            << locString(op->getLoc()) << "\n";
        next = depth + 1;
      }
      for (mlir::Region &r : op->getRegions())
        for (mlir::Block &b : r)
          for (mlir::Operation &child : b)
            walk(&child, next);
    };
    for (mlir::Operation &op : func.getBody().front())
      walk(&op, 0);
  }
}

class AlloConsumer : public ASTConsumer {
public:
  explicit AlloConsumer(DriverOptions options) : options(std::move(options)) {}

  void HandleTranslationUnit(ASTContext &ast) override {
    // Raising recurses on the AST: a large stack (inside clang++ as a plugin
    // too), so that deep input meets the frontend's limits, not the stack's.
    llvm::thread worker(std::optional<unsigned>(kFrontendStackSize), [&] { run(ast); });
    worker.join();
  }

private:
  void run(ASTContext &ast) {
    DiagnosticsEngine &diags = ast.getDiagnostics();
    reportUnknownAlloAttributes(ast.getSourceManager(), ast.getLangOpts(), diags);
    if (diags.hasErrorOccurred())
      return;
    if (options.target.empty() && !options.listLoops)
      return;

    mlir::MLIRContext ctx(mlir::MLIRContext::Threading::DISABLED);
    mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
      auto level = d.getSeverity() == mlir::DiagnosticSeverity::Error ? DiagnosticsEngine::Error
                   : d.getSeverity() == mlir::DiagnosticSeverity::Warning
                       ? DiagnosticsEngine::Warning
                       : DiagnosticsEngine::Note;
      allo::report(diags, toClangLoc(ast, d.getLocation()), level, d.str());
      for (mlir::Diagnostic &n : d.getNotes()) {
        SourceLocation nl = toClangLoc(ast, n.getLocation());
        // A note without a location of its own belongs to the error's place.
        allo::note(diags, nl.isValid() ? nl : toClangLoc(ast, d.getLocation()), n.str());
      }
      return mlir::success();
    });
    RaiseOptions ro;
    ro.tops = options.tops;
    mlir::OwningOpRef<mlir::ModuleOp> module = raiseToMLIR(ast, ctx, ro);
    if (!module || diags.hasErrorOccurred())
      return;
    if (ro.tops.empty() && module->getBody()->getOperations().empty()) {
      // Nothing selected: an empty output would look like success.
      SourceManager &sm = ast.getSourceManager();
      allo::warning(
          diags, sm.getLocForStartOfFile(sm.getMainFileID()),
          "no kernel to raise: this file has no function marked [[allo::kernel]] or "
          "[[allo::region]]; mark the top function, or name it with " +
              std::string(options.isPlugin ? "-fplugin-arg-allo-top=NAME" : "--top NAME") +
              " (nothing was written)");
      return;
    }
    if (mlir::failed(mlir::verify(*module))) {
      allo::error(diags, SourceLocation(),
                  "internal error: the raised MLIR does not verify (see the messages above); "
                  "please report this with the source file");
      return;
    }
    if (!options.schedule.empty()) {
      ScheduleOptions so;
      if (options.dumpAfterEach)
        so.dumpAfterEach = &llvm::errs();
      if (mlir::failed(applyScheduleFile(*module, options.schedule, so)) ||
          diags.hasErrorOccurred())
        return;
    }
    // Dataflow: one process per PE of every grid, then the region checks. The
    // C++ targets then print one function per PE role; the MLIR target keeps
    // a function per unfolded PE, as --list-loops and further schedules name
    // them.
    bool cxxTarget = options.target == "vhls" || options.target == "sim";
    if (!options.listLoops && (mlir::failed(instantiatePEGrids(*module)) ||
                               (cxxTarget && mlir::failed(sharePEFunctions(*module))) ||
                               mlir::failed(checkRegions(*module)) || diags.hasErrorOccurred()))
      return;
    std::string text;
    llvm::raw_string_ostream os(text);
    if (options.listLoops) {
      listLoops(*module, os);
    } else if (options.target == "vhls" || options.target == "sim") {
      VHLSOptions vo;
      vo.interface = options.interface;
      vo.sim = options.target == "sim";
      if (mlir::failed(emitVHLS(*module, os, vo)) || diags.hasErrorOccurred())
        return;
      if (!options.projectDir.empty()) {
        VitisProjectOptions po;
        po.dir = options.projectDir;
        po.testbench = options.testbench;
        po.part = options.part;
        po.clock = options.clock;
        po.csimIncludeDir = userIncludeDir() + "/allo/csim";
        std::string err = writeVitisProject(po, *module, text);
        if (!err.empty()) {
          allo::error(diags, SourceLocation(), "--project: " + err);
          return;
        }
      }
    } else {
      mlir::OpPrintingFlags flags;
      flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false);
      module->print(os, flags);
    }
    writeOutput(diags, text, options.output);
    if (!options.graph.empty() && !diags.hasErrorOccurred()) {
      std::string dot;
      llvm::raw_string_ostream gs(dot);
      writeDataflowGraph(*module, gs);
      writeOutput(diags, dot, options.graph);
    }
    hlsPragmas().clear();
  }

  void writeOutput(DiagnosticsEngine &diags, llvm::StringRef text, const std::string &path) {
    // Never a half-written file (a device or a FIFO is written in place).
    std::string problem = writeFileAtomically(path, text);
    if (!problem.empty())
      allo::error(diags, SourceLocation(), problem);
  }

  DriverOptions options;
};
} // namespace

std::unique_ptr<ASTConsumer> allo::createAlloConsumer(const DriverOptions &options) {
  return std::make_unique<AlloConsumer>(options);
}
