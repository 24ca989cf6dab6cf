//===- DiffTestMain.cpp - Raised MLIR vs the native build ------------------===//
//
// For every registered kernel: run allo-rewrite on its file, parse the MLIR,
// lower it to the LLVM dialect (libm calls for transcendental functions, as
// the native build makes), JIT it, and compare with the native function on
// several random input sets. Integers and floats must match bit for bit.
//
// Storage: the native function and the emitted C++ see every parameter as
// its C++ object (arrays of structs in their native layout, "AoS"); the
// raised function sees one argument per scalar field ("SoA"), described by
// the allo.field_offset / allo.aos_strides / allo.field_bytes /
// allo.aos_size attributes the frontend records from Clang's record layout.
// Each field element is generated once in the native storage and gathered
// for the JIT; results are compared field by field (padding is ignored).
// Kernels may keep state across calls (static locals): the trials run in
// order on one native function, one JIT engine and one csim process.
//
//===----------------------------------------------------------------------===//
#include "DiffTest.h"

#include "allo/InitAllDialects.h"

#include "allo/Conversion/LowerStreams.h"
#include "allo/Runtime/StreamRuntime.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Math/IR/Math.h"
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

/// One argument of the raised function: a scalar or an array of one field.
struct Leaf {
  mlir::Type type;
  bool isUnsigned = false;
  bool isMemref = false;
  std::vector<int64_t> shape;   ///< memref shape (empty for scalars and rank-0 memrefs)
  size_t elemBytes = 0;         ///< one element in the JIT's (SoA) buffer
  unsigned param = 0;           ///< the C++ parameter it belongs to
  size_t offset = 0;            ///< byte offset in the C++ parameter's storage
  std::vector<int64_t> strides; ///< byte strides in that storage, per memref dimension
  size_t fieldBytes = 0;        ///< one element in the native storage
  std::string name;
  size_t count() const {
    size_t n = 1;
    for (int64_t d : shape)
      n *= d;
    return n;
  }
  /// Byte offset of element `k` (row-major) in the native storage.
  size_t nativeOffset(size_t k) const {
    size_t off = offset;
    for (size_t d = shape.size(); d-- > 0;) {
      off += (k % shape[d]) * strides[d];
      k /= shape[d];
    }
    return off;
  }
};

/// The JIT's storage size of one element (LLVM's allocation size).
size_t bytesOf(mlir::Type t) {
  if (t.isInteger(1))
    return 1;
  unsigned w = t.getIntOrFloatBitWidth();
  if (w <= 8)
    return 1;
  if (w <= 16)
    return 2;
  if (w <= 32)
    return 4;
  return (w + 63) / 64 * 8;
}

unsigned bitsOf(mlir::Type t) { return t.isInteger(1) ? 1 : t.getIntOrFloatBitWidth(); }

/// Writes `v` (an integer of `width` bits) into `n` bytes, extended.
void putInt(uint8_t *p, size_t n, int64_t v, unsigned width, bool isSigned) {
  if (width < 64) {
    uint64_t mask = (uint64_t(1) << width) - 1;
    uint64_t u = (uint64_t)v & mask;
    if (isSigned && (u >> (width - 1)) & 1)
      u |= ~mask;
    v = (int64_t)u;
  }
  for (size_t i = 0; i < n; ++i)
    p[i] = i < 8 ? (uint8_t)((uint64_t)v >> (8 * i)) : (v < 0 ? 0xff : 0);
}

/// The value bits of an element (`width` bits of `p`), as bytes.
std::vector<uint8_t> valueBits(const uint8_t *p, unsigned width) {
  std::vector<uint8_t> out((width + 7) / 8);
  for (size_t i = 0; i < out.size(); ++i)
    out[i] = p[i];
  if (width % 8)
    out.back() &= (uint8_t)((1u << (width % 8)) - 1);
  return out;
}

/// One random element of a leaf, written into native storage at `p`.
void fillElement(const Leaf &a, uint8_t *p, std::mt19937_64 &rng, const Entry &e) {
  if (a.type.isInteger(1)) {
    std::memset(p, 0, a.fieldBytes);
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
    // Native storage of an ap_[u]int is wider than its value (64-bit limbs,
    // the bits above W copies of the sign): store the value extended.
    putInt(p, a.fieldBytes, v, bitsOf(a.type), !a.isUnsigned);
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
  int rc = llvm::sys::ExecuteAndWait(prog ? *prog : argv[0].str(), argv, std::nullopt, redirects, 0,
                                     0, &execError);
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
                                                 entry.name,        "-o",       out};
  for (const std::string &a : scheduleArgs)
    argv.push_back(a);
  for (llvm::StringRef a :
       {llvm::StringRef("--"), llvm::StringRef("-std=c++17"), llvm::StringRef(includeFlag)})
    argv.push_back(a);
  std::optional<llvm::StringRef> redirects[] = {std::nullopt, std::nullopt, errFile.str()};
  std::string execError;
  int rc =
      llvm::sys::ExecuteAndWait(ALLO_REWRITE_PATH, argv, std::nullopt, redirects, 0, 0, &execError);
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

  // The C++ parameters (native storage) and the raised function's arguments.
  std::vector<Leaf> leaves;
  std::vector<size_t> paramBytes; // native storage of each C++ parameter
  auto i64Attr = [&](unsigned i, llvm::StringRef n) -> std::optional<int64_t> {
    if (auto a = func.getArgAttrOfType<mlir::IntegerAttr>(i, n))
      return a.getInt();
    return std::nullopt;
  };
  std::optional<int64_t> prevAggregate;
  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    Leaf a;
    auto n = func.getArgAttrOfType<mlir::StringAttr>(i, "allo.name");
    auto f = func.getArgAttrOfType<mlir::StringAttr>(i, "allo.field");
    a.name = (n ? n.getValue().str() : "arg" + std::to_string(i)) + (f ? f.getValue().str() : "");
    mlir::Type t = func.getArgument(i).getType();
    a.isUnsigned = (bool)func.getArgAttr(i, "allo.unsigned");
    if (auto mt = llvm::dyn_cast<mlir::MemRefType>(t)) {
      ASSERT_TRUE(mt.hasStaticShape()) << "argument " << i << " of the top has a dynamic shape";
      a.type = mt.getElementType();
      a.isMemref = true;
      a.shape.assign(mt.getShape().begin(), mt.getShape().end());
    } else {
      a.type = t;
    }
    a.elemBytes = bytesOf(a.type);
    // Struct fields say where they live in their parameter's storage;
    // other arguments are their own dense storage.
    auto agg = i64Attr(i, "allo.aggregate");
    if (agg && agg == prevAggregate) {
      a.param = paramBytes.size() - 1;
    } else {
      a.param = paramBytes.size();
      paramBytes.push_back(0);
    }
    // A field's size in its struct, else the native element's (an ap_int's
    // limbs are wider than its value).
    a.fieldBytes =
        i64Attr(i, "allo.field_bytes")
            .value_or(agg || a.param >= entry.elementBytes.size() ? a.elemBytes
                                                                  : entry.elementBytes[a.param]);
    a.offset = i64Attr(i, "allo.field_offset").value_or(0);
    if (auto st = func.getArgAttrOfType<mlir::DenseI64ArrayAttr>(i, "allo.aos_strides")) {
      a.strides.assign(st.asArrayRef().begin(), st.asArrayRef().end());
    } else {
      a.strides.assign(a.shape.size(), 0);
      int64_t stride = a.fieldBytes;
      for (size_t d = a.shape.size(); d-- > 0;) {
        a.strides[d] = stride;
        stride *= a.shape[d];
      }
    }
    ASSERT_EQ(a.strides.size(), a.shape.size()) << "allo.aos_strides of argument " << i;
    size_t bytes = i64Attr(i, "allo.aos_size").value_or(a.count() * a.fieldBytes);
    paramBytes[a.param] = std::max(paramBytes[a.param], bytes);
    prevAggregate = agg;
    leaves.push_back(std::move(a));
  }
  if (getenv("ALLO_DIFFTEST_LEAVES"))
    for (const Leaf &a : leaves)
      fprintf(stderr, "leaf %s param %u offset %zu fieldBytes %zu elemBytes %zu count %zu\n",
              a.name.c_str(), a.param, a.offset, a.fieldBytes, a.elemBytes, a.count());
  // Results: one scalar, or the fields of a returned struct.
  struct Result {
    mlir::Type type;
    size_t offset = 0, fieldBytes = 0, elemBytes = 0;
    std::string name;
  };
  std::vector<Result> results;
  size_t retBytes = 16;
  {
    auto fields = func->getAttrOfType<mlir::ArrayAttr>("allo.result_fields");
    for (unsigned r = 0; r < func.getNumResults(); ++r) {
      Result res;
      res.type = func.getFunctionType().getResult(r);
      res.elemBytes = res.fieldBytes = bytesOf(res.type);
      res.name = "the return value";
      if (fields && r < fields.size())
        if (auto d = llvm::dyn_cast<mlir::DictionaryAttr>(fields[r])) {
          if (auto o = d.getAs<mlir::IntegerAttr>("offset"))
            res.offset = o.getInt();
          if (auto fb = d.getAs<mlir::IntegerAttr>("bytes"))
            res.fieldBytes = fb.getInt();
          if (auto fn = d.getAs<mlir::StringAttr>("field"))
            res.name += fn.getValue().str();
        }
      results.push_back(res);
    }
    if (auto sz = func->getAttrOfType<mlir::IntegerAttr>("allo.result_size"))
      retBytes = std::max<size_t>(retBytes, sz.getInt());
  }

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
      mlir::Value one = mlir::arith::ConstantOp::create(ob, op->getLoc(), q.getType(),
                                                        ob.getFloatAttr(q.getType(), 1.0));
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
      "convert-math-to-llvm, expand-strided-metadata, lower-affine, finalize-memref-to-llvm, "
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
  llvm::SmallVector<llvm::StringRef, 14> vargv = {
      ALLO_REWRITE_PATH, entry.file, "--top", entry.name, "--target", "vhls", "-o", hlsFile};
  for (const std::string &a : scheduleArgs)
    vargv.push_back(a);
  for (llvm::StringRef a :
       {llvm::StringRef("--"), llvm::StringRef("-std=c++17"), llvm::StringRef(includeFlag)})
    vargv.push_back(a);
  ASSERT_EQ(run(vargv, err), 0) << "allo-rewrite --target vhls failed:\n" << err;
  // The driver runs every trial in one process, in order (static state
  // carries over, as in the native build and the JIT engine).
  auto writeDriver = [&](const std::string &driver, const std::string &emitted) {
    std::error_code ec;
    llvm::raw_fd_ostream os(driver, ec);
    if (ec)
      return false;
    os << "#include \"" << emitted << "\"\n#include \"DiffTest.h\"\n#include <cstdio>\n"
       << "#include <cstdlib>\n#include <vector>\n"
       << "int main(int argc, char **argv) {\n"
       << "  FILE *in = fopen(argv[1], \"rb\");\n"
       << "  FILE *out = fopen(argv[2], \"wb\");\n"
       << "  unsigned long long retBytes = strtoull(argv[3], nullptr, 10), trials, params, n;\n"
       << "  if (fread(&trials, sizeof trials, 1, in) != 1 || fread(&params, sizeof params, 1, in) "
          "!= 1)\n"
       << "    return 3;\n"
       << "  for (unsigned long long t = 0; t < trials; ++t) {\n"
       << "    std::vector<std::vector<unsigned char>> bufs;\n"
       << "    for (unsigned long long p = 0; p < params; ++p) {\n"
       << "      if (fread(&n, sizeof n, 1, in) != 1) return 3;\n"
       << "      bufs.emplace_back(n + 16);\n"
       << "      if (fread(bufs.back().data(), 1, n, in) != n) return 3;\n"
       << "      bufs.back().resize(n);\n    }\n"
       << "    std::vector<void *> ptrs;\n    for (auto &b : bufs) ptrs.push_back(b.data());\n"
       << "    std::vector<long double> ret(retBytes / sizeof(long double) + 1);\n"
       << "    allo_difftest::invoke(&" << entry.name << ", ptrs.data(), ret.data());\n"
       << "    for (auto &b : bufs) fwrite(b.data(), 1, b.size(), out);\n"
       << "    fwrite(ret.data(), 1, retBytes, out);\n  }\n"
       << "  fclose(in);\n  fclose(out);\n  return 0;\n}\n";
    return true;
  };
  std::string driver = (dir + "/driver.cpp").str();
  ASSERT_TRUE(writeDriver(driver, hlsFile));
  std::vector<CsimProgram> programs;
  // Compiles a driver with `cxx` and the flags in `flagText`.
  auto compile = [&](const std::string &cxx, llvm::StringRef flagText, const std::string &drv,
                     const std::string &exe) {
    llvm::SmallVector<std::string, 16> args = {cxx};
    llvm::SmallVector<llvm::StringRef, 8> flags;
    flagText.split(flags, ' ', -1, false);
    for (llvm::StringRef f : flags)
      args.push_back(f.str());
    for (std::string a :
         {std::string("-O1"), std::string("-w"), includeFlag, drv, std::string("-o"), exe})
      args.push_back(a);
    llvm::SmallVector<llvm::StringRef, 16> refs(args.begin(), args.end());
    return run(refs, err);
  };
  for (const char *cxx : {"g++", "clang++-22"}) {
    CsimProgram p{cxx, (dir + "/" + entry.name + "-" + cxx).str()};
    ASSERT_EQ(compile(cxx, ALLO_CSIM_FLAGS, driver, p.exe), 0)
        << "the emitted HLS C++ does not compile with " << cxx << " (" << hlsFile << "):\n"
        << err;
    programs.push_back(p);
  }
  // Designs with streams also run on the concurrent simulator (--target
  // sim): regions run their processes together on FIFOs of the declared
  // depth, which sequential C simulation on unbounded FIFOs cannot check.
  if (auto text = llvm::MemoryBuffer::getFile(hlsFile);
      text && (*text)->getBuffer().contains("hls::stream")) {
    std::string simFile = (dir + "/" + entry.name + ".sim.cpp").str();
    llvm::SmallVector<llvm::StringRef, 14> sargv = {
        ALLO_REWRITE_PATH, entry.file, "--top", entry.name, "--target", "sim", "-o", simFile};
    for (const std::string &a : scheduleArgs)
      sargv.push_back(a);
    for (llvm::StringRef a :
         {llvm::StringRef("--"), llvm::StringRef("-std=c++17"), llvm::StringRef(includeFlag)})
      sargv.push_back(a);
    ASSERT_EQ(run(sargv, err), 0) << "allo-rewrite --target sim failed:\n" << err;
    std::string simDriver = (dir + "/sim-driver.cpp").str();
    ASSERT_TRUE(writeDriver(simDriver, simFile));
    CsimProgram p{"sim, g++", (dir + "/" + entry.name + "-sim").str()};
    ASSERT_EQ(compile("g++", ALLO_SIM_FLAGS, simDriver, p.exe), 0)
        << "the --target sim C++ does not compile (" << simFile << "):\n"
        << err;
    programs.push_back(p);
  }

  // Native storage of every parameter, per trial: the inputs, then the native outputs.
  constexpr int kTrials = 3;
  using Storage = std::vector<std::vector<uint8_t>>;
  std::vector<Storage> inputs(kTrials), native(kTrials);
  std::vector<std::vector<uint8_t>> nativeRet(kTrials);
  std::mt19937_64 rng(0xA110C + std::hash<std::string>()(entry.name));
  for (int trial = 0; trial < kTrials; ++trial) {
    Storage st;
    for (size_t b : paramBytes)
      st.emplace_back(b, 0);
    for (const Leaf &a : leaves)
      for (size_t k = 0; k < a.count(); ++k)
        fillElement(a, st[a.param].data() + a.nativeOffset(k), rng, entry);
    inputs[trial] = st;
  }

  // Compares the value bits of every field element (padding is not compared).
  auto compare = [&](int trial, const Storage &got, const uint8_t *gotRet, const std::string &what,
                     bool soa, const std::vector<std::vector<uint8_t>> &soaBufs,
                     const std::vector<std::vector<uint8_t>> &soaRets) {
    for (size_t i = 0; i < leaves.size(); ++i) {
      const Leaf &a = leaves[i];
      unsigned w = bitsOf(a.type);
      for (size_t k = 0; k < a.count(); ++k) {
        const uint8_t *n = native[trial][a.param].data() + a.nativeOffset(k);
        const uint8_t *g =
            soa ? soaBufs[i].data() + k * a.elemBytes : got[a.param].data() + a.nativeOffset(k);
        std::vector<uint8_t> nv = valueBits(n, w), gv = valueBits(g, w);
        ASSERT_TRUE(nv == gv) << entry.name << ": argument " << i << " ('" << a.name
                              << "') element " << k << " differs (trial " << trial << "): native 0x"
                              << hexdump(nv.data(), nv.size()) << ", " << what << " 0x"
                              << hexdump(gv.data(), gv.size());
      }
    }
    for (size_t r = 0; r < results.size(); ++r) {
      const Result &res = results[r];
      unsigned w = bitsOf(res.type);
      std::vector<uint8_t> nv = valueBits(nativeRet[trial].data() + res.offset, w);
      std::vector<uint8_t> gv = valueBits(soa ? soaRets[r].data() : gotRet + res.offset, w);
      ASSERT_TRUE(nv == gv) << entry.name << ": " << res.name << " differs (trial " << trial
                            << "): native 0x" << hexdump(nv.data(), nv.size()) << ", " << what
                            << " 0x" << hexdump(gv.data(), gv.size());
    }
  };

  for (int trial = 0; trial < kTrials; ++trial) {
    // Native.
    native[trial] = inputs[trial];
    nativeRet[trial].assign(retBytes + 16, 0);
    std::vector<long double> retStorage(retBytes / sizeof(long double) + 1);
    std::vector<void *> nativePtrs;
    for (auto &b : native[trial])
      nativePtrs.push_back(b.data());
    entry.invoke(nativePtrs.data(), retStorage.data());
    std::memcpy(nativeRet[trial].data(), retStorage.data(), retBytes);

    // JIT: each field gathered into its own buffer; a memref expands to
    // (alloc, aligned, offset, sizes, strides).
    std::vector<std::vector<uint8_t>> soa;
    for (const Leaf &a : leaves) {
      std::vector<uint8_t> buf(a.count() * a.elemBytes + 16, 0);
      for (size_t k = 0; k < a.count(); ++k)
        std::memcpy(buf.data() + k * a.elemBytes, inputs[trial][a.param].data() + a.nativeOffset(k),
                    std::min(a.elemBytes, a.fieldBytes));
      soa.push_back(std::move(buf));
    }
    std::vector<std::unique_ptr<int64_t[]>> storage;
    std::vector<void *> packed;
    for (size_t i = 0; i < leaves.size(); ++i) {
      const Leaf &a = leaves[i];
      if (!a.isMemref) {
        packed.push_back(soa[i].data());
        continue;
      }
      size_t r = a.shape.size();
      auto s = std::make_unique<int64_t[]>(3 + 2 * r);
      s[0] = (int64_t)(intptr_t)soa[i].data();
      s[1] = (int64_t)(intptr_t)soa[i].data();
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
    // One result: stored at the result pointer; several (a struct's fields):
    // the function returns an LLVM struct of them, stored at one pointer in
    // its natural layout.
    std::vector<std::vector<uint8_t>> jitRets;
    std::vector<size_t> retOffsets;
    size_t retTotal = 0;
    for (const Result &res : results) {
      size_t align = std::min<size_t>(res.elemBytes, 16);
      retTotal = (retTotal + align - 1) / align * align;
      retOffsets.push_back(retTotal);
      retTotal += res.elemBytes;
    }
    std::vector<uint8_t> retBuffer(retTotal + 32, 0);
    if (!results.empty())
      packed.push_back(retBuffer.data());
    allo::runtime::reset();
    llvm::Error jitErr = (*engine)->invokePacked(entry.name, packed);
    ASSERT_FALSE((bool)jitErr) << llvm::toString(std::move(jitErr));
    EXPECT_EQ(allo::runtime::emptyReads(), 0)
        << "the raised IR read an empty stream (a deadlock in hardware)";
    EXPECT_EQ(allo::runtime::leftoverElements(), 0) << "the raised IR left data in its streams";
    for (size_t r = 0; r < results.size(); ++r)
      jitRets.emplace_back(retBuffer.begin() + retOffsets[r],
                           retBuffer.begin() + retOffsets[r] + results[r].elemBytes + 16);
    compare(trial, {}, nullptr, "raised MLIR (JIT)", true, soa, jitRets);
    if (HasFatalFailure())
      return;
  }

  // Every trial through each csim build of the emitted HLS C++, in one process.
  std::string inFile = (dir + "/in.bin").str(), outFile = (dir + "/out.bin").str();
  {
    FILE *f = fopen(inFile.c_str(), "wb");
    ASSERT_TRUE(f);
    unsigned long long trials = kTrials, params = paramBytes.size();
    fwrite(&trials, sizeof trials, 1, f);
    fwrite(&params, sizeof params, 1, f);
    for (const Storage &st : inputs)
      for (const auto &b : st) {
        unsigned long long n = b.size();
        fwrite(&n, sizeof n, 1, f);
        fwrite(b.data(), 1, n, f);
      }
    fclose(f);
  }
  for (const CsimProgram &p : programs) {
    std::string rb = std::to_string(retBytes);
    ASSERT_EQ(run({p.exe, inFile, outFile, rb}, err), 0)
        << "csim program (" << p.compiler << ") failed:\n"
        << err;
    auto buf = llvm::MemoryBuffer::getFile(outFile);
    ASSERT_TRUE((bool)buf);
    const uint8_t *data = (const uint8_t *)(*buf)->getBufferStart();
    size_t off = 0, total = (*buf)->getBufferSize();
    for (int trial = 0; trial < kTrials; ++trial) {
      Storage csim = inputs[trial];
      for (auto &b : csim) {
        ASSERT_LE(off + b.size(), total);
        std::memcpy(b.data(), data + off, b.size());
        off += b.size();
      }
      ASSERT_LE(off + retBytes, total);
      std::vector<uint8_t> ret(data + off, data + off + retBytes);
      ret.resize(retBytes + 16, 0);
      off += retBytes;
      compare(trial, csim, ret.data(), "emitted HLS C++ (" + p.compiler + ")", false, {}, {});
      if (HasFatalFailure())
        return;
    }
    ASSERT_EQ(off, total);
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
