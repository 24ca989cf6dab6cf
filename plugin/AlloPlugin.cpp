//===- AlloPlugin.cpp - clang++ -fplugin=AlloPlugin.so --------------------===//
//
//   clang++-22 -fplugin=build/lib/AlloPlugin.so -fplugin-arg-allo-target=mlir \
//              -fplugin-arg-allo-o=OUT.mlir -c SRC.cpp -o SRC.o
//
// Runs after the normal compilation (the object file is still produced).
// Without a target the plugin only checks the allo:: attributes.
//
//===----------------------------------------------------------------------===//
#include "allo/Attrs/ClangAttrs.h"
#include "allo/Driver/Driver.h"
#include "allo/Support/Diagnostics.h"

#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace {
class AlloPluginAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &ci,
                                                 llvm::StringRef file) override {
    allo::DriverOptions opts = options;
    opts.isPlugin = true;
    if (!opts.target.empty() && !outputGiven) {
      // Default: beside the object file, with the target's extension.
      llvm::SmallString<256> out(ci.getFrontendOpts().OutputFile);
      if (out.empty() || out == "-")
        out = llvm::sys::path::filename(file);
      llvm::sys::path::replace_extension(out, opts.target == "vhls"  ? "hls.cpp"
                                              : opts.target == "sim" ? "sim.cpp"
                                                                     : "mlir");
      opts.output = std::string(out);
    }
    return allo::createAlloConsumer(opts);
  }

  bool ParseArgs(const CompilerInstance &ci, const std::vector<std::string> &args) override {
    DiagnosticsEngine &diags = ci.getDiagnostics();
    for (const std::string &arg : args) {
      llvm::StringRef a(arg), key = a.split('=').first, value = a.split('=').second;
      if (key == "target") {
        if (!llvm::is_contained(allo::knownTargets(), value)) {
          std::string known;
          for (llvm::StringRef t : allo::knownTargets())
            known += (known.empty() ? "" : ", ") + t.str();
          allo::error(diags, SourceLocation(),
                      "-fplugin-arg-allo-target: unknown target '" + value + "' (known: " + known +
                          ")");
          return false;
        }
        options.target = value.str();
      } else if (key == "o") {
        options.output = value.str();
        outputGiven = true;
      } else if (key == "interface") {
        if (value != "axi" && value != "none") {
          allo::error(diags, SourceLocation(),
                      "-fplugin-arg-allo-interface: expected 'axi' or 'none', got '" + value + "'");
          return false;
        }
        options.interface = value == "axi" ? "axi" : "";
      } else if (key == "top") {
        options.tops.push_back(value.str());
      } else if (key == "list-loops") {
        options.listLoops = true;
      } else if (key == "schedule") {
        options.schedule = value.str();
      } else if (key == "graph") {
        options.graph = value.str();
      } else if (key == "dump-after-each") {
        options.dumpAfterEach = true;
      } else {
        allo::error(
            diags, SourceLocation(),
            "unknown Allo plugin argument '" + arg +
                "' (known: target=, o=, top=, interface=, schedule=, graph=, dump-after-each, "
                "list-loops)");
        return false;
      }
    }
    return true;
  }

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  allo::DriverOptions options;
  bool outputGiven = false;
};
} // namespace

static FrontendPluginRegistry::Add<AlloPluginAction> X("allo", "Allo C++ HLS frontend");
