//===- DiffTestMain.cpp - Raised MLIR vs the native build ------------------===//
//
// For every registered kernel: run allo-rewrite on its file, parse the MLIR,
// lower it to the LLVM dialect (libm calls for transcendental functions, as
// the native build makes), JIT it, and compare with the native function on
// several random input sets. Integers and floats must match bit for bit.
//
//===----------------------------------------------------------------------===//
#include "DiffTest.h"

#include "allo/InitAllDialects.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "allo/Conversion/LowerStreams.h"
#include "allo/Runtime/StreamRuntime.h"
#include "mlir/ExecutionEngine/ExecutionEngine.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/TargetSelect.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

#ifndef ALLO_REWRITE_PATH
#error "ALLO_REWRITE_PATH must name the allo-rewrite binary"
#endif

using namespace allo_difftest;

namespace {

struct Arg {
  mlir::Type type;
  bool isUnsigned = false;
  std::vector<int64_t> shape; ///< empty for scalars
  std::vector<uint8_t> bytes; ///< element storage
  size_t elemBytes = 0;
};

size_t bytesOf(mlir::Type t) {
  if (t.isInteger(1))
    return 1;
  return (t.getIntOrFloatBitWidth() + 7) / 8;
}

void fillRandom(Arg &a, std::mt19937_64 &rng, const Entry &e) {
  size_t n = a.bytes.size() / a.elemBytes;
  for (size_t i = 0; i < n; ++i) {
    uint8_t *p = a.bytes.data() + i * a.elemBytes;
    if (a.type.isInteger(1)) {
      *p = rng() & 1;
    } else if (a.type.isF32()) {
      float v = std::uniform_real_distribution<float>(-1.0f, 1.0f)(rng);
      std::memcpy(p, &v, 4);
    } else if (a.type.isF64()) {
      double v = std::uniform_real_distribution<double>(-1.0, 1.0)(rng);
      std::memcpy(p, &v, 8);
    } else {
      int64_t lo = a.isUnsigned ? 0 : -100, hi = a.isUnsigned ? 200 : 100;
      if (e.lo <= e.hi) {
        lo = e.lo;
        hi = e.hi;
      }
      int64_t v = std::uniform_int_distribution<int64_t>(lo, hi)(rng);
      std::memcpy(p, &v, a.elemBytes); // little endian: low bytes
    }
  }
}

std::string hexdump(const uint8_t *p, size_t n) {
  std::string s;
  char buf[4];
  for (size_t i = n; i-- > 0;) {
    snprintf(buf, sizeof buf, "%02x", p[i]);
    s += buf;
  }
  return s;
}

/// Runs a program; returns its exit code and puts stderr in `err`.
int run(llvm::ArrayRef<llvm::StringRef> argv, std::string &err) {
  llvm::SmallString<128> errFile;
  if (llvm::sys::fs::createTemporaryFile("allo-difftest", "err", errFile))
    return -1;
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, std::nullopt, errFile.str()};
  auto prog = llvm::sys::findProgramByName(argv[0]);
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(prog ? *prog : argv[0].str(), argv, std::nullopt, redirects,
                                     0, 0, &execError);
  if (auto b = llvm::MemoryBuffer::getFile(errFile))
    err = (*b)->getBuffer().str();
  err += execError;
  llvm::sys::fs::remove(errFile);
  return rc;
}

/// Emitted HLS C++ compiled against our csim headers, run as a subprocess.
struct CsimProgram {
  std::string compiler, exe;
};

class DiffTest : public testing::Test {
public:
  explicit DiffTest(const Entry &e) : entry(e) {}
  void TestBody() override;

private:
  const Entry &entry;
};

void DiffTest::TestBody() {
  // 1. Raise with the real tool.
  llvm::SmallString<128> out;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("allo-" + entry.name, "mlir", out));
  llvm::SmallString<128> errFile;
  ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("allo-" + entry.name, "err", errFile));
  std::string includeFlag = std::string("-I") + ALLO_TEST_INCLUDE;
  // A schedule next to the kernel (<kernel>.json) is applied for every target.
  std::string schedulePath = llvm::StringRef(entry.file).rsplit('.').first.str() + ".json";
  std::vector<std::string> scheduleArgs;
  if (llvm::sys::fs::exists(schedulePath))
    scheduleArgs = {"--schedule", schedulePath};
  llvm::SmallVector<llvm::StringRef, 12> argv = {ALLO_REWRITE_PATH, entry.file, "--top",
                                                 entry.name, "-o", out};
  for (const std::string &a : scheduleArgs)
    argv.push_back(a);
  for (llvm::StringRef a : {llvm::StringRef("--"), llvm::StringRef("-std=c++17"),
                            llvm::StringRef(includeFlag)})
    argv.push_back(a);
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, std::nullopt, errFile.str()};
  std::string execError;
  int rc = llvm::sys::ExecuteAndWait(ALLO_REWRITE_PATH, argv, std::nullopt, redirects, 0, 0,
                                     &execError);
  auto errText = llvm::MemoryBuffer::getFile(errFile);
  ASSERT_EQ(rc, 0) << "allo-rewrite failed on " << entry.file << ": " << execError << "\n"
                   << (errText ? (*errText)->getBuffer().str() : "");
  llvm::sys::fs::remove(errFile);

  // 2. Parse and lower.
  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  mlir::registerAllToLLVMIRTranslations(registry);
  allo::registerAlloDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::parseSourceFile<mlir::ModuleOp>(out, &ctx);
  llvm::sys::fs::remove(out);
  ASSERT_TRUE(module) << "cannot parse the raised MLIR";
  auto func = module->lookupSymbol<mlir::func::FuncOp>(entry.name);
  ASSERT_TRUE(func) << "no function @" << entry.name << " in the raised module";

  std::vector<Arg> args;
  std::vector<std::string> argNames; // func is gone after lowering
  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    auto n = func.getArgAttrOfType<mlir::StringAttr>(i, "allo.name");
    argNames.push_back(n ? n.getValue().str() : "arg" + std::to_string(i));
    Arg a;
    mlir::Type t = func.getArgument(i).getType();
    a.isUnsigned = (bool)func.getArgAttr(i, "allo.unsigned");
    size_t count = 1;
    if (auto mt = llvm::dyn_cast<mlir::MemRefType>(t)) {
      a.type = mt.getElementType();
      a.shape.assign(mt.getShape().begin(), mt.getShape().end());
      count = mt.getNumElements();
    } else {
      a.type = t;
    }
    a.elemBytes = bytesOf(a.type);
    a.bytes.assign(count * a.elemBytes, 0);
    args.push_back(std::move(a));
  }
  mlir::Type resultType =
      func.getNumResults() ? func.getFunctionType().getResult(0) : mlir::Type();

  // convert-math-to-libm of LLVM 22 marks math.copysign, math.ctpop and
  // math.ctlz illegal without converting them (it fails on them): they have
  // exact LLVM intrinsics, so take those first. It also turns math.rsqrt into
  // a call of `rsqrtf`, which the C library does not have: 1 / sqrt(x) is
  // what rsqrt means here (the csim header's hls::rsqrt).
  module->walk([&](mlir::Operation *op) {
    mlir::OpBuilder ob(op);
    mlir::Value r;
    if (auto c = llvm::dyn_cast<mlir::math::CopySignOp>(op))
      r = mlir::LLVM::CopySignOp::create(ob, op->getLoc(), c.getType(), c.getLhs(), c.getRhs());
    else if (auto p = llvm::dyn_cast<mlir::math::CtPopOp>(op))
      r = mlir::LLVM::CtPopOp::create(ob, op->getLoc(), p.getType(), p.getOperand());
    else if (auto z = llvm::dyn_cast<mlir::math::CountLeadingZerosOp>(op))
      r = mlir::LLVM::CountLeadingZerosOp::create(ob, op->getLoc(), z.getType(), z.getOperand(),
                                                   /*is_zero_poison=*/false);
    else if (auto q = llvm::dyn_cast<mlir::math::RsqrtOp>(op)) {
      mlir::Value one = mlir::arith::ConstantOp::create(
          ob, op->getLoc(), q.getType(), ob.getFloatAttr(q.getType(), 1.0));
      r = mlir::arith::DivFOp::create(ob, op->getLoc(), one,
                                      mlir::math::SqrtOp::create(ob, op->getLoc(), q.getOperand()));
    }
    if (r) {
      op->getResult(0).replaceAllUsesWith(r);
      op->erase();
    }
  });

  mlir::PassManager pm(&ctx);
  std::string pipeline =
      "lower-affine, convert-scf-to-cf, convert-math-to-libm, "
      "convert-math-to-llvm, expand-strided-metadata, finalize-memref-to-llvm, "
      "convert-arith-to-llvm, convert-cf-to-llvm, convert-func-to-llvm, "
      "convert-arith-to-llvm, reconcile-unrealized-casts";
  pm.addPass(allo::createLowerStreamsPass());
  ASSERT_TRUE(mlir::succeeded(mlir::parsePassPipeline(pipeline, pm)));
  ASSERT_TRUE(mlir::succeeded(pm.run(*module))) << "lowering to LLVM failed";
  if (getenv("ALLO_DIFFTEST_DUMP"))
    module->dump();

  mlir::ExecutionEngineOptions opts;
  auto engine = mlir::ExecutionEngine::create(*module, opts);
  ASSERT_TRUE((bool)engine) << "JIT failed: " << llvm::toString(engine.takeError());
  (*engine)->registerSymbols([](llvm::orc::MangleAndInterner interner) {
    llvm::orc::SymbolMap map;
    unsigned n = 0;
    const allo::runtime::Symbol *syms = allo::runtime::symbols(n);
    for (unsigned i = 0; i < n; ++i)
      map[interner(syms[i].name)] = {llvm::orc::ExecutorAddr::fromPtr(syms[i].address),
                                     llvm::JITSymbolFlags::Exported};
    return map;
  });

  // 3. Emit Vitis HLS C++ and build it with g++ and clang++ against our csim headers.
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("allo-vhls-" + entry.name, dir));
  std::string hlsFile = (dir + "/" + entry.name + ".hls.cpp").str();
  std::string err;
  llvm::SmallVector<llvm::StringRef, 14> vargv = {ALLO_REWRITE_PATH, entry.file, "--top", entry.name,
                                                  "--target", "vhls", "-o", hlsFile};
  for (const std::string &a : scheduleArgs)
    vargv.push_back(a);
  for (llvm::StringRef a : {llvm::StringRef("--"), llvm::StringRef("-std=c++17"),
                            llvm::StringRef(includeFlag)})
    vargv.push_back(a);
  ASSERT_EQ(run(vargv, err), 0)
      << "allo-rewrite --target vhls failed:\n" << err;
  std::string driver = (dir + "/driver.cpp").str();
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(driver, ec);
    ASSERT_FALSE(ec);
    os << "#include \"" << hlsFile << "\"\n#include \"DiffTest.h\"\n#include <cstdio>\n"
       << "#include <vector>\n"
       << "int main(int argc, char **argv) {\n"
       << "  FILE *in = fopen(argv[1], \"rb\");\n"
       << "  std::vector<std::vector<unsigned char>> bufs;\n"
       << "  unsigned long long n;\n"
       << "  while (fread(&n, sizeof n, 1, in) == 1) {\n"
       << "    bufs.emplace_back(n + 16);\n"
       << "    if (fread(bufs.back().data(), 1, n, in) != n) return 3;\n"
       << "    bufs.back().resize(n);\n  }\n  fclose(in);\n"
       << "  std::vector<void *> ptrs;\n  for (auto &b : bufs) ptrs.push_back(b.data());\n"
       << "  alignas(16) unsigned char ret[16] = {0};\n"
       << "  allo_difftest::invoke(&" << entry.name << ", ptrs.data(), ret);\n"
       << "  FILE *out = fopen(argv[2], \"wb\");\n"
       << "  for (auto &b : bufs) fwrite(b.data(), 1, b.size(), out);\n"
       << "  fwrite(ret, 1, 16, out);\n  fclose(out);\n  return 0;\n}\n";
  }
  std::vector<CsimProgram> programs;
  for (const char *cxx : {"g++", "clang++-22"}) {
    CsimProgram p{cxx, (dir + "/" + entry.name + "-" + cxx).str()};
    llvm::SmallVector<std::string, 16> args = {cxx};
    llvm::SmallVector<llvm::StringRef, 8> flags;
    llvm::StringRef(ALLO_CSIM_FLAGS).split(flags, ' ', -1, false);
    for (llvm::StringRef f : flags)
      args.push_back(f.str());
    for (std::string a : {std::string("-O1"), std::string("-w"), includeFlag, driver,
                          std::string("-o"), p.exe})
      args.push_back(a);
    llvm::SmallVector<llvm::StringRef, 16> refs(args.begin(), args.end());
    ASSERT_EQ(run(refs, err), 0) << "the emitted HLS C++ does not compile with " << cxx << " ("
                                 << hlsFile << "):\n" << err;
    programs.push_back(p);
  }

  std::mt19937_64 rng(0xA110C + std::hash<std::string>()(entry.name));
  for (int trial = 0; trial < 3; ++trial) {
    for (Arg &a : args)
      fillRandom(a, rng, entry);
    std::vector<Arg> native = args, jit = args;
    uint8_t nativeRet[16] = {0}, jitRet[16] = {0};

    std::vector<void *> nativePtrs;
    for (Arg &a : native)
      nativePtrs.push_back(a.bytes.data());
    entry.invoke(nativePtrs.data(), nativeRet);

    // Packed JIT call: each memref expands to (alloc, aligned, offset, sizes, strides).
    std::vector<std::unique_ptr<int64_t[]>> storage;
    std::vector<void *> packed;
    for (Arg &a : jit) {
      if (a.shape.empty()) {
        packed.push_back(a.bytes.data());
        continue;
      }
      size_t r = a.shape.size();
      auto s = std::make_unique<int64_t[]>(3 + 2 * r);
      s[0] = (int64_t)(intptr_t)a.bytes.data();
      s[1] = (int64_t)(intptr_t)a.bytes.data();
      s[2] = 0;
      int64_t stride = 1;
      for (size_t d = r; d-- > 0;) {
        s[3 + d] = a.shape[d];
        s[3 + r + d] = stride;
        stride *= a.shape[d];
      }
      for (size_t k = 0; k < 3 + 2 * r; ++k)
        packed.push_back(&s[k]);
      storage.push_back(std::move(s));
    }
    if (resultType)
      packed.push_back(jitRet);
    allo::runtime::reset();
    llvm::Error jitErr = (*engine)->invokePacked(entry.name, packed);
    ASSERT_FALSE((bool)jitErr) << llvm::toString(std::move(jitErr));
    EXPECT_EQ(allo::runtime::emptyReads(), 0)
        << "the raised IR read an empty stream (a deadlock in hardware)";
    EXPECT_EQ(allo::runtime::leftoverElements(), 0)
        << "the raised IR left data in its streams";

    auto compare = [&](const std::vector<Arg> &jit, const uint8_t *jitRet, const std::string &what) {
    for (size_t i = 0; i < args.size(); ++i) {
      const Arg &n = native[i], &j = jit[i];
      for (size_t k = 0; k < n.bytes.size(); k += n.elemBytes) {
        bool same = n.type.isInteger(1) ? ((n.bytes[k] & 1) == (j.bytes[k] & 1))
                                        : std::memcmp(&n.bytes[k], &j.bytes[k], n.elemBytes) == 0;
        ASSERT_TRUE(same) << entry.name << ": argument " << i << " ('"
                          << argNames[i]
                          << "') element " << k / n.elemBytes << " differs (trial " << trial
                          << "): native 0x" << hexdump(&n.bytes[k], n.elemBytes) << ", " << what
                          << " 0x" << hexdump(&j.bytes[k], n.elemBytes);
      }
    }
    if (resultType) {
      size_t rb = bytesOf(resultType);
      bool same = resultType.isInteger(1) ? ((nativeRet[0] & 1) == (jitRet[0] & 1))
                                          : std::memcmp(nativeRet, jitRet, rb) == 0;
      ASSERT_TRUE(same) << entry.name << ": return value differs (trial " << trial
                        << "): native 0x" << hexdump(nativeRet, rb) << ", " << what << " 0x"
                        << hexdump(jitRet, rb);
    }
    };
    compare(jit, jitRet, "raised MLIR (JIT)");
    if (HasFatalFailure())
      return;

    // The same inputs through each csim build of the emitted HLS C++.
    std::string inFile = (dir + "/in.bin").str(), outFile = (dir + "/out.bin").str();
    {
      FILE *f = fopen(inFile.c_str(), "wb");
      ASSERT_TRUE(f);
      for (const Arg &a : args) {
        unsigned long long n = a.bytes.size();
        fwrite(&n, sizeof n, 1, f);
        fwrite(a.bytes.data(), 1, n, f);
      }
      fclose(f);
    }
    for (const CsimProgram &p : programs) {
      ASSERT_EQ(run({p.exe, inFile, outFile}, err), 0)
          << "csim program (" << p.compiler << ") failed:\n" << err;
      auto buf = llvm::MemoryBuffer::getFile(outFile);
      ASSERT_TRUE((bool)buf);
      std::vector<Arg> csim = args;
      const uint8_t *data = (const uint8_t *)(*buf)->getBufferStart();
      size_t off = 0, total = (*buf)->getBufferSize();
      for (Arg &a : csim) {
        ASSERT_LE(off + a.bytes.size(), total);
        std::memcpy(a.bytes.data(), data + off, a.bytes.size());
        off += a.bytes.size();
      }
      ASSERT_EQ(off + 16, total);
      compare(csim, data + off, "emitted HLS C++ (" + p.compiler + ")");
      if (HasFatalFailure())
        return;
    }
  }
  llvm::sys::fs::remove_directories(dir);
}

} // namespace

int main(int argc, char **argv) {
  testing::InitGoogleTest(&argc, argv);
  llvm::InitializeNativeTarget();
  llvm::InitializeNativeTargetAsmPrinter();
  mlir::registerAllPasses();
  // __FILE__ is relative to the build directory when the compiler was run
  // with relative paths (ccache's base_dir does that).
  for (Entry &e : registry())
    if (!llvm::sys::path::is_absolute(e.file))
      e.file = (llvm::Twine(ALLO_BUILD_DIR) + "/" + e.file).str();
  for (const Entry &e : registry())
    testing::RegisterTest("Raise", e.name.c_str(), nullptr, nullptr, e.file.c_str(), 0,
                          [&e]() -> testing::Test * { return new DiffTest(e); });
  return RUN_ALL_TESTS();
}
