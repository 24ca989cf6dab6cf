//===- allo-rewrite.cpp - The standalone Allo C++ driver ------------------===//
//
//   allo-rewrite SRC.cpp [--top NAME] [--target mlir] [-o OUT] [-p BUILD_DIR]
//                [--list-loops] [-- CLANG_ARGS...]
//
// Parses SRC.cpp with Clang (flags from compile_commands.json under -p, from
// the arguments after --, or -std=c++17), then raises and writes the target.
//
//===----------------------------------------------------------------------===//
#include "allo/Attrs/AttrTable.h"
#include "allo/Attrs/ClangAttrs.h"
#include "allo/Driver/Driver.h"
#include "allo/Schedule/Schedule.h"
#include "allo/Target/VHLS/VitisProject.h"
#include "allo/TransformOps/AlloTransformOps.h"
#include "allo/Version.h"

#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"

#ifndef ALLO_CLANG_RESOURCE_DIR
#define ALLO_CLANG_RESOURCE_DIR ""
#endif

using namespace llvm;
namespace tooling = clang::tooling;

static cl::OptionCategory cat("allo-rewrite options");
static cl::list<std::string> inputs(cl::Positional, cl::desc("<source.cpp>"), cl::cat(cat));
static cl::list<std::string> tops("top",
                                  cl::desc("Raise this function and its callees "
                                           "(repeatable; default: every [[allo::kernel]])"),
                                  cl::value_desc("name"), cl::cat(cat));
static cl::opt<std::string>
    target("target", cl::desc("Output: mlir (default), vhls, or sim (the concurrent simulator)"),
           cl::init("mlir"), cl::cat(cat));
static cl::opt<std::string> interface("interface",
                                      cl::desc("vhls: top-function interface (axi | none)"),
                                      cl::init("none"), cl::cat(cat));
static cl::opt<std::string> projectDir("project",
                                       cl::desc("vhls: also write a Vitis HLS project here"),
                                       cl::value_desc("dir"), cl::cat(cat));
static cl::opt<std::string> testbench("testbench",
                                      cl::desc("vhls --project: the testbench to include"),
                                      cl::value_desc("file"), cl::cat(cat));
static cl::opt<std::string> part("part",
                                 cl::desc("vhls --project: part number or shorthand (u280, "
                                          "zcu102, vck190, pynqz2, ...)"),
                                 cl::init("u280"), cl::cat(cat));
static cl::opt<std::string> clockOpt("clock",
                                     cl::desc("vhls --project: clock (300MHz, 3.33ns, or ns)"),
                                     cl::init("10ns"), cl::cat(cat));
static cl::opt<bool> printCsimFlags("print-csim-flags",
                                    cl::desc("Print the flags that compile emitted HLS C++ "
                                             "for C simulation"),
                                    cl::cat(cat));
static cl::opt<bool> printSimFlags("print-sim-flags",
                                   cl::desc("Print the flags that compile --target sim output "
                                            "for the concurrent simulator"),
                                   cl::cat(cat));
static cl::opt<std::string> graphOpt("graph",
                                     cl::desc("Also write the dataflow graph (Graphviz DOT) of "
                                              "the regions to this file"),
                                     cl::value_desc("out.dot"), cl::cat(cat));
static cl::opt<std::string> output("o", cl::desc("Output file ('-' = stdout)"), cl::init("-"),
                                   cl::value_desc("file"), cl::cat(cat));
static cl::opt<std::string> buildDir("p", cl::desc("Build directory with compile_commands.json"),
                                     cl::value_desc("dir"), cl::cat(cat));
static cl::opt<bool> listLoops("list-loops", cl::desc("List every loop name with its location"),
                               cl::cat(cat));
static cl::opt<std::string> schedule("schedule", cl::desc("Apply this JSON schedule after raising"),
                                     cl::value_desc("file.json"), cl::cat(cat));
static cl::opt<bool> dumpAfterEach("dump-after-each",
                                   cl::desc("Print the IR after every schedule step (stderr)"),
                                   cl::cat(cat));
static cl::opt<bool> printTransform(
    "print-transform",
    cl::desc("Print the transform script the --schedule file becomes (MLIR; "
             "allo-opt --transform-interpreter runs it), with --dump-locations its JSON locations"),
    cl::cat(cat));
static cl::opt<bool> dumpLocations("dump-locations",
                                   cl::desc("Print locations with --print-transform"),
                                   cl::cat(cat));
static cl::opt<bool> printSchema("print-schedule-schema",
                                 cl::desc("Print the JSON Schema of schedule files"), cl::cat(cat));
static cl::opt<bool> printReference("print-schedule-reference",
                                    cl::desc("Print the reference of the schedule ops (Markdown)"),
                                    cl::cat(cat));
static cl::opt<bool> printAttrDocs("print-attr-docs",
                                   cl::desc("Print the allo:: attribute reference (Markdown)"),
                                   cl::cat(cat));
static cl::opt<bool> printIncludeDir("print-include-dir",
                                     cl::desc("Print the directory that holds allo/allo.h"),
                                     cl::cat(cat));

int main(int argc, const char **argv) {
  InitLLVM init(argc, argv);
  allo::linkAlloAttributeRegistry();
  // Arguments after "--" go to Clang.
  std::vector<std::string> clangArgs;
  int ourArgc = argc;
  bool haveDashDash = false;
  for (int i = 1; i < argc; ++i)
    if (StringRef(argv[i]) == "--") {
      ourArgc = i;
      haveDashDash = true;
      for (int j = i + 1; j < argc; ++j)
        clangArgs.push_back(argv[j]);
      break;
    }
  cl::HideUnrelatedOptions(cat);
  cl::SetVersionPrinter([](raw_ostream &os) {
    os << "Allo C++ allo-rewrite " << ALLO_VERSION << " (LLVM, MLIR and Clang "
       << LLVM_VERSION_STRING << ")\n";
  });
  setBugReportMsg(ALLO_BUG_REPORT_MSG);
  {
    // LLVM's messages, as errors in the tool's own format.
    std::string messages;
    raw_string_ostream ms(messages);
    bool ok = cl::ParseCommandLineOptions(ourArgc, argv,
                                          "Allo C++: raise annotated C++ kernels for HLS\n", &ms);
    SmallVector<StringRef, 4> lines;
    StringRef(messages).split(lines, '\n', -1, false);
    for (StringRef l : lines) {
      l = l.trim();
      l.consume_front("allo-rewrite: ");
      if (l.consume_front("Did you mean "))
        errs() << "allo-rewrite: note: did you mean " << l << "\n";
      else if (!l.starts_with("Can specify at most"))
        errs() << "allo-rewrite: error: " << l << "\n";
    }
    if (!ok)
      return 2;
  }
  if (inputs.size() > 1) {
    errs() << "allo-rewrite: error: one source file at a time (got " << inputs.size() << ":";
    for (const std::string &i : inputs)
      errs() << " " << i;
    errs() << "); run allo-rewrite once per file\n";
    return 2;
  }
  std::string input = inputs.empty() ? std::string() : inputs.front();
  if (printAttrDocs) {
    outs() << allo::renderAttrDocs();
    return 0;
  }
  if (printSchema) {
    outs() << allo::scheduleSchema();
    return 0;
  }
  if (printReference) {
    outs() << allo::scheduleReference();
    return 0;
  }
  if (printTransform) {
    if (schedule.empty()) {
      errs() << "allo-rewrite: error: --print-transform needs --schedule FILE.json\n";
      return 2;
    }
    std::vector<allo::ScheduleDiagnostic> sdiags;
    std::optional<allo::Schedule> s = allo::parseScheduleFile(schedule, sdiags);
    if (!s) {
      for (const allo::ScheduleDiagnostic &d : sdiags)
        errs() << d.str() << "\n";
      return 1;
    }
    mlir::MLIRContext ctx;
    mlir::OwningOpRef<mlir::ModuleOp> script = allo::buildTransformScript(&ctx, *s);
    mlir::OpPrintingFlags flags;
    if (dumpLocations)
      flags.enableDebugInfo(/*enable=*/true, /*prettyForm=*/false).useLocalScope();
    script->print(outs(), flags);
    outs() << "\n";
    return 0;
  }
  if (printCsimFlags) {
    outs() << allo::csimFlags() << "\n";
    return 0;
  }
  if (printSimFlags) {
    outs() << allo::simFlags() << "\n";
    return 0;
  }
  if (printIncludeDir) {
    outs() << allo::userIncludeDir() << "\n";
    return 0;
  }
  if (input.empty()) {
    errs() << "allo-rewrite: error: no input file (usage: allo-rewrite SRC.cpp [options])\n";
    return 2;
  }
  if (!sys::fs::exists(input)) {
    errs() << "allo-rewrite: error: cannot open '" << input << "': no such file\n";
    return 2;
  }
  if (interface != "none" && interface != "axi") {
    errs() << "allo-rewrite: error: --interface expects 'axi' or 'none', got '"
           << interface << "'\n";
    return 2;
  }
  if (!llvm::is_contained(allo::knownTargets(), StringRef(target))) {
    errs() << "allo-rewrite: error: unknown target '" << target << "' (known:";
    for (StringRef t : allo::knownTargets())
      errs() << " " << t;
    errs() << ")\n";
    return 2;
  }

  std::unique_ptr<tooling::CompilationDatabase> db;
  std::string err;
  if (!buildDir.empty()) {
    db = tooling::CompilationDatabase::loadFromDirectory(buildDir, err);
    if (!db) {
      errs() << "allo-rewrite: error: -p " << buildDir << ": " << err << "\n";
      return 2;
    }
    db = tooling::inferMissingCompileCommands(std::move(db));
  } else {
    bool hasStd = llvm::any_of(
        clangArgs, [](const std::string &a) { return StringRef(a).starts_with("-std="); });
    if (!hasStd)
      clangArgs.insert(clangArgs.begin(), "-std=c++17");
    db = std::make_unique<tooling::FixedCompilationDatabase>(".", clangArgs);
  }

  tooling::ClangTool tool(*db, {std::string(input)});
  // Plugins named in a build's flags are not loaded: our attributes are linked in.
  tool.appendArgumentsAdjuster([](const tooling::CommandLineArguments &args, StringRef) {
    tooling::CommandLineArguments out;
    for (const std::string &a : args)
      if (!StringRef(a).starts_with("-fplugin"))
        out.push_back(a);
    return out;
  });
  if (!buildDir.empty() && haveDashDash)
    tool.appendArgumentsAdjuster(
        tooling::getInsertArgumentAdjuster(clangArgs, tooling::ArgumentInsertPosition::END));
  // allo/allo.h always; the csim headers (ap_int.h, hls_stream.h, ...) only as a
  // fallback, so existing HLS code parses without a Vitis installation.
  std::vector<std::string> extra = {"-I" + allo::userIncludeDir(), "-idirafter",
                                    allo::userIncludeDir() + "/allo/csim",
                                    "-Wno-unused-command-line-argument"};
  if (std::string rd = ALLO_CLANG_RESOURCE_DIR; !rd.empty())
    extra.push_back("-resource-dir=" + rd);
  tool.appendArgumentsAdjuster(
      tooling::getInsertArgumentAdjuster(extra, tooling::ArgumentInsertPosition::END));

  allo::DriverOptions opts;
  opts.target = target;
  opts.graph = graphOpt;
  opts.interface = interface == "axi" ? "axi" : "";
  opts.projectDir = projectDir;
  opts.testbench = testbench;
  opts.part = part;
  opts.clock = clockOpt;
  if (!projectDir.empty() && target != "vhls") {
    errs() << "allo-rewrite: error: --project needs --target vhls\n";
    return 2;
  }
  if (!projectDir.empty() &&
      (allo::resolvePart(part).empty() || allo::normaliseClock(clockOpt).empty())) {
    errs() << "allo-rewrite: error: "
           << (allo::resolvePart(part).empty()
                   ? "unknown --part '" + part +
                         "' (use a part number or one of: u280, u250, "
                         "u200, u50, u55c, zcu102, zcu104, vck190, vhk158, "
                         "pynqz2, ultra96)"
                   : "invalid --clock '" + clockOpt + "' (expected e.g. 300MHz, 3.33ns or 10)")
           << "\n";
    return 2;
  }
  if (!testbench.empty() && !sys::fs::exists(testbench)) {
    errs() << "allo-rewrite: error: cannot open testbench '" << testbench << "'\n";
    return 2;
  }
  opts.output = output;
  opts.tops = std::vector<std::string>(tops.begin(), tops.end());
  opts.listLoops = listLoops;
  opts.schedule = schedule;
  opts.dumpAfterEach = dumpAfterEach;
  if (!schedule.empty()) {
    // Check the schedule before parsing any C++: its errors need no AST.
    std::vector<allo::ScheduleDiagnostic> sdiags;
    if (!allo::parseScheduleFile(schedule, sdiags)) {
      for (const allo::ScheduleDiagnostic &d : sdiags)
        errs() << d.str() << "\n";
      return 1;
    }
  }

  struct Action : clang::ASTFrontendAction {
    allo::DriverOptions opts;
    explicit Action(allo::DriverOptions o) : opts(std::move(o)) {}
    std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &,
                                                          StringRef) override {
      return allo::createAlloConsumer(opts);
    }
  };
  struct Factory : tooling::FrontendActionFactory {
    allo::DriverOptions opts;
    explicit Factory(allo::DriverOptions o) : opts(std::move(o)) {}
    std::unique_ptr<clang::FrontendAction> create() override {
      return std::make_unique<Action>(opts);
    }
  } factory(opts);
  // Clang's parser and our raising recurse on deeply nested input: run them
  // with a stack large enough for what clang++ itself accepts (the
  // frontend's own limits then give located errors, never a stack overflow).
  int rc = 1;
  llvm::thread worker(std::optional<unsigned>(allo::kFrontendStackSize),
                      [&] { rc = tool.run(&factory); });
  worker.join();
  return rc == 0 ? 0 : 1;
}
