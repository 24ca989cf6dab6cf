//===- EmitVHLS.cpp - Vitis HLS C++ from affine/scf MLIR ------------------===//
//
// Values become C++ expressions; a pure single-use value is inlined into its
// user, a load is inlined when nothing writes memory between it and its use,
// everything else gets a named temporary. Signedness, which MLIR keeps in
// the operations rather than the types, is recovered per value (from the
// `allo.unsigned` / `allo.ctype` attributes and the defining operation) and
// made explicit with casts where an operation needs the other one. Emitted
// code assumes wrap-around signed arithmetic (as hardware does; csim flags
// include -fwrapv).
//
//===----------------------------------------------------------------------===//
#include "allo/Target/VHLS/EmitVHLS.h"
#include "allo/Dataflow/Dataflow.h"
#include "allo/Dialect/Allo/AlloOps.h"
#include "allo/Target/VHLS/VitisProject.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/AffineExprVisitor.h"
#include "mlir/IR/IntegerSet.h"

#include "clang/Format/Format.h"
#include "clang/Tooling/Core/Replacement.h"

#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/Path.h"

#include <cmath>
#include <sstream>

#include <set>
using namespace mlir;
using namespace allo;

namespace allo::detail {
std::string declarator(llvm::StringRef ctype, llvm::StringRef name);
std::string signatureOf(func::FuncOp func, llvm::SmallVectorImpl<std::string> &params);
} // namespace allo::detail

namespace {

/// C++ precedence levels (lower binds tighter).
enum Prec {
  PPrimary = 0,
  PPostfix = 1,
  PUnary = 2,
  PMul = 3,
  PAdd = 4,
  PShift = 5,
  PRel = 6,
  PEq = 7,
  PBitAnd = 8,
  PXor = 9,
  PBitOr = 10,
  PLAnd = 11,
  PLOr = 12,
  PCond = 13,
};

struct CType {
  enum Kind { Bool, Int, Float, Double, Index } kind = Int;
  unsigned width = 32;
  bool isSigned = true;
  bool operator==(const CType &o) const {
    return kind == o.kind && (kind != Int || (width == o.width && isSigned == o.isSigned));
  }
  bool operator!=(const CType &o) const { return !(*this == o); }
  std::string name() const {
    switch (kind) {
    case Bool: return "bool";
    case Float: return "float";
    case Double: return "double";
    case Index: return "int";
    case Int:
      if (width == 8 || width == 16 || width == 32 || width == 64)
        return std::string(isSigned ? "int" : "uint") + std::to_string(width) + "_t";
      return std::string(isSigned ? "ap_int<" : "ap_uint<") + std::to_string(width) + ">";
    }
    return "int";
  }
};

struct CExpr {
  std::string text;
  int prec = PPrimary;
  CType type;
};

/// Affine maps list operands dims first, then symbols: print symbols as the
/// dims that follow, so one operand list indexes every term.
AffineExpr symbolsToDims(AffineExpr e, unsigned numDims, unsigned numSymbols) {
  if (numSymbols == 0)
    return e;
  llvm::SmallVector<AffineExpr, 4> dims, syms;
  for (unsigned i = 0; i < numDims; ++i)
    dims.push_back(getAffineDimExpr(i, e.getContext()));
  for (unsigned i = 0; i < numSymbols; ++i)
    syms.push_back(getAffineDimExpr(numDims + i, e.getContext()));
  return e.replaceDimsAndSymbols(dims, syms);
}

std::string sanitize(llvm::StringRef s) {
  std::string out;
  for (char c : s)
    out += (isalnum((unsigned char)c) || c == '_') ? c : '_';
  if (out.empty() || isdigit((unsigned char)out[0]))
    out = "v" + out;
  return out;
}

std::string locComment(Location loc) {
  if (auto f = llvm::dyn_cast<FileLineColLoc>(loc))
    return (llvm::sys::path::filename(f.getFilename().getValue()) + ":" + llvm::Twine(f.getLine()))
        .str();
  if (auto n = llvm::dyn_cast<NameLoc>(loc))
    return locComment(n.getChildLoc());
  return "";
}

/// The scalar C type of a (possibly array) C type: "ap_fixed<8, 4>[3]" -> "ap_fixed<8, 4>".
std::string elementCType(llvm::StringRef ctype) {
  llvm::StringRef e = ctype.split('[').first.trim();
  e = e.split('(').first.trim(); // "T (*)[4]"
  e.consume_front("const ");
  e = e.trim();
  while (e.consume_back("*") || e.consume_back("&") || e.consume_back(" const"))
    e = e.rtrim();
  return e.trim().str();
}

/// `hls::stream<T[, D]>` / `hls::stream_of_blocks<B[, D]>` for a stream type
/// with the element's C type (allo.ctype) and the DEPTH template argument
/// (allo.type_depth) when the source's type had one.
std::string streamClassName(Type t, Attribute ctype, Attribute typeDepth) {
  auto st = llvm::cast<StreamType>(t);
  auto ct = llvm::dyn_cast_or_null<StringAttr>(ctype);
  std::string elem;
  if (ct) {
    elem = ct.getValue().str();
  } else {
    Type et = st.getBlockType() ? st.getBlockType().getElementType() : st.getElementType();
    elem = et.isF32()        ? "float"
           : et.isF64()      ? "double"
           : et.isInteger(1) ? "bool"
                             : "ap_int<" + std::to_string(et.getIntOrFloatBitWidth()) + ">";
    if (st.getBlockType())
      for (int64_t d : st.getBlockType().getShape())
        elem += "[" + std::to_string(d) + "]";
  }
  auto d = llvm::dyn_cast_or_null<IntegerAttr>(typeDepth);
  std::string depth = d ? ", " + std::to_string(d.getInt()) : "";
  if (st.getBlockType())
    return "hls::stream_of_blocks<" + elem + depth + ">";
  return "hls::stream<" + elem + depth + ">";
}

/// The stream type of a stream or stream-array value, null otherwise.
StreamType streamTypeOf(Type t) {
  if (auto mt = llvm::dyn_cast<MemRefType>(t))
    return llvm::dyn_cast<StreamType>(mt.getElementType());
  return llvm::dyn_cast<StreamType>(t);
}

/// The struct field a value or memref is (`.pos.x`, `.coef[]`), "" if none.
std::string fieldOf(Value v, func::FuncOp func) {
  StringAttr f;
  if (auto arg = llvm::dyn_cast<BlockArgument>(v)) {
    if (arg.getOwner()->getParentOp() == func.getOperation())
      f = func.getArgAttrOfType<StringAttr>(arg.getArgNumber(), AlloDialect::kField);
  } else if (Operation *d = v.getDefiningOp()) {
    f = d->getAttrOfType<StringAttr>(AlloDialect::kField);
  }
  return f ? f.getValue().str() : "";
}

/// The aggregate (struct variable) id of a value or memref, -1 if none.
int64_t aggregateOf(Value v, func::FuncOp func) {
  IntegerAttr a;
  if (auto arg = llvm::dyn_cast<BlockArgument>(v)) {
    if (arg.getOwner()->getParentOp() == func.getOperation())
      a = func.getArgAttrOfType<IntegerAttr>(arg.getArgNumber(), AlloDialect::kAggregate);
  } else if (Operation *d = v.getDefiningOp()) {
    a = d->getAttrOfType<IntegerAttr>(AlloDialect::kAggregate);
  }
  return a ? a.getInt() : -1;
}

/// `name` followed by `indices`: the struct array's first, then the field
/// path with each `[]` taking the next index (`px[i].coef[k]`).
std::string fieldAccess(llvm::StringRef name, llvm::StringRef field,
                        ArrayRef<std::string> indices) {
  unsigned holes = 0;
  for (size_t at = field.find("[]"); at != llvm::StringRef::npos; at = field.find("[]", at + 2))
    ++holes;
  unsigned structRank = indices.size() >= holes ? indices.size() - holes : 0;
  std::string s = name.str();
  unsigned k = 0;
  for (; k < structRank; ++k)
    s += "[" + indices[k] + "]";
  for (size_t i = 0; i < field.size(); ++i) {
    if (field.substr(i).starts_with("[]") && k < indices.size()) {
      s += "[" + indices[k++] + "]";
      ++i;
    } else {
      s += field[i];
    }
  }
  return s;
}

/// A braced initializer `{a, {b, c}}` for fields with these paths (relative
/// to the struct), nesting sub-structs.
std::string bracedInit(ArrayRef<std::string> paths, ArrayRef<std::string> values) {
  std::string s = "{";
  size_t i = 0;
  while (i < paths.size()) {
    llvm::StringRef p = llvm::StringRef(paths[i]).drop_front(); // ".x" -> "x"
    size_t dot = p.find('.');
    if (i)
      s += ", ";
    if (dot == llvm::StringRef::npos) {
      s += values[i++];
      continue;
    }
    std::string head = p.substr(0, dot).str();
    llvm::SmallVector<std::string, 4> subPaths, subValues;
    while (i < paths.size()) {
      llvm::StringRef q = llvm::StringRef(paths[i]).drop_front();
      if (!q.starts_with(head + "."))
        break;
      subPaths.push_back(q.substr(head.size()).str());
      subValues.push_back(values[i++]);
    }
    s += bracedInit(subPaths, subValues);
  }
  return s + "}";
}

/// The array a view (memref.cast, memref.subview, memref.expand_shape) is
/// taken of: the memref whose declaration carries the C++ type.
Value rootMemref(Value m) {
  while (Operation *d = m.getDefiningOp()) {
    if (isa<memref::CastOp, memref::SubViewOp, memref::ExpandShapeOp>(d))
      m = d->getOperand(0);
    else
      break;
  }
  return m;
}

/// Helpers the emitted code may need, emitted once at the top when used.
struct Helpers {
  bool min = false, max = false, floordiv = false, ceildiv = false, mod = false;
  bool fromBits = false, f64Bits = false, popcount = false, reverse = false;
  std::string text() const {
    std::string s;
    if (reverse)
      s += "template <int W> static inline ap_uint<W> allo_bit_reverse(ap_uint<W> x) {\n"
           "  x.reverse();\n  return x;\n}\n";
    if (popcount)
      s += "template <int W> static inline int allo_popcount(ap_uint<W> x) {\n"
           "  int n = 0;\n  for (int i = 0; i < W; i++) {\n#pragma HLS unroll\n"
           "    n += x[i];\n  }\n  return n;\n}\n";
    if (fromBits)
      s += "template <class T, class R> static inline T allo_from_bits(R r) {\n"
           "  T t;\n  t.range() = r;\n  return t;\n}\n";
    if (f64Bits)
      s += "#include <cstring>\nstatic inline int64_t allo_f64_bits(double d) {\n"
           "  int64_t r;\n  std::memcpy(&r, &d, sizeof r);\n  return r;\n}\n";
    if (min)
      s += "static inline int allo_min(int a, int b) { return a < b ? a : b; }\n";
    if (max)
      s += "static inline int allo_max(int a, int b) { return a > b ? a : b; }\n";
    if (floordiv)
      s += "static inline int allo_floordiv(int a, int b) {\n"
           "  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));\n}\n";
    if (ceildiv)
      s += "static inline int allo_ceildiv(int a, int b) {\n"
           "  return a / b + ((a % b != 0) && ((a < 0) == (b < 0)));\n}\n";
    if (mod)
      s += "static inline int allo_mod(int a, int b) {\n  int r = a % b;\n  return r < 0 ? r + b : "
           "r;\n}\n";
    return s;
  }
};

class ModuleEmitter;

class FuncEmitter {
public:
  FuncEmitter(ModuleEmitter &m, func::FuncOp f, std::string &out) : mod(m), func(f), out(out) {}
  LogicalResult emit();
  // The parts of emit().
  void bindParameters(llvm::ArrayRef<std::string> params);
  LogicalResult checkTopPartitions(const llvm::StringMap<std::string> &userPorts);
  void axiInterfacePragmas(const llvm::StringMap<std::string> &userPorts);
  void functionPragmas();
  void skipSubviewSizes();

private:
  // --- naming and types ---
  std::string fresh(llvm::StringRef base);
  CType typeOf(Value v);
  CType ctypeFor(Type t, bool isUnsigned);
  bool unsignedHint(Value v);
  std::string memName(Value memref);
  /// An attribute of the array: argument attribute, lock or defining op's.
  Attribute memAttr(Value memref, llvm::StringRef name);
  /// An attribute of a stream (of its array, for an element of one).
  Attribute streamAttr(Value stream, llvm::StringRef name);
  /// `hls::stream<T[, D]>` / `hls::stream_of_blocks<B, D>` for a stream type.
  std::string streamClass(Type t, Attribute ctype, Attribute typeDepth);
  LogicalResult emitLock(Operation *op);

  // --- expressions ---
  CExpr get(Value v);
  std::string as(Value v, CType t, int maxPrec);
  static std::string paren(const CExpr &e, int maxPrec) {
    return e.prec > maxPrec ? "(" + e.text + ")" : e.text;
  }
  /// "-x" for an operand printed at unary precedence; an operand that itself
  /// starts with '-' is parenthesised, since "--x" would decrement x.
  static std::string negated(const std::string &operand) {
    return !operand.empty() && (operand[0] == '-' || operand[0] == '+') ? "-(" + operand + ")"
                                                                        : "-" + operand;
  }
  CExpr affineExpr(AffineExpr e, ValueRange operands);
  /// Prints an affine expression, rewriting the counters of decreasing loops
  /// (printed as the source's loop variable) back into that variable.
  CExpr affine(AffineExpr e, ValueRange operands);
  AffineExpr unreverse(AffineExpr e, llvm::SmallVectorImpl<Value> &operands);
  /// Decreasing loops emitted as written: counter -> (start map, operands).
  llvm::DenseMap<Value, std::pair<AffineMap, llvm::SmallVector<Value, 4>>> reversed;
  bool nonNeg(AffineExpr e, ValueRange operands);
  bool nonNegValue(Value v);
  std::string affineBound(AffineMap map, ValueRange operands, bool isMax);
  std::string access(Value memref, ArrayRef<std::string> indices);
  /// The C type of a fixed-point memref's elements, or "" when it is not one.
  std::string fixedElemCType(Value memref);
  /// The element C type of a stream (s, or s[i] of a stream array) of
  /// fixed-point values, "" otherwise.
  std::string fixedStreamCType(Value stream);
  std::string indicesOf(Operation *op, Value memref, AffineMap map, ValueRange operands,
                        ValueRange plainIndices);

  // --- statements ---
  void line(const std::string &s) { out += std::string(indent * 2, ' ') + s + "\n"; }
  LogicalResult emitBlock(Block &b);
  LogicalResult emitIfElse(const std::string &cond, Block *thenB, Block *elseB);
  std::string callText(func::CallOp call);
  /// The process a call of a region is, for the simulator's messages.
  /// --target sim, in a region: its calls are spawned as processes.
  bool simRegion = false;
  /// --target sim: a process that uses an array (or scalar) another process
  /// of the region wrote before it starts after that writer finishes, as
  /// hardware passes arrays between processes (ping-pong buffers).
  void simArrayOrder();
  FailureOr<std::string> structArgument(func::CallOp call, func::FuncOp callee, unsigned first,
                                        unsigned count);
  bool failedEmission = false; ///< an error was reported while printing an expression
  LogicalResult emitOp(Operation *op);
  // One print function per op kind (emitOp dispatches).
  LogicalResult emitStreamWrite(StreamWriteOp o);
  LogicalResult emitYield(scf::YieldOp o);
  LogicalResult emitReturn(func::ReturnOp o);
  LogicalResult emitAffineStore(affine::AffineStoreOp o);
  LogicalResult emitStore(memref::StoreOp o);
  LogicalResult emitAffineFor(affine::AffineForOp o);
  LogicalResult emitFor(scf::ForOp o);
  LogicalResult emitWhile(scf::WhileOp o);
  LogicalResult emitIf(scf::IfOp o);
  LogicalResult emitAffineIf(affine::AffineIfOp o);
  LogicalResult emitCall(func::CallOp o);
  /// A for loop: label, `header {`, pragmas, body, `}`; frees the variable's name.
  LogicalResult emitCountedLoop(Operation *op, const std::string &header, Block &body,
                                const std::string &iv, bool shadows);
  /// `lhs = value;` for a store into `memref` (an ap_fixed element by its bits).
  LogicalResult emitAssignment(std::string lhs, Value memref, Value value);
  /// Ops with one result and no region (expressions), or an error.
  LogicalResult emitGenericOp(Operation *op);
  LogicalResult emitValueOp(Operation *op, CExpr e);
  LogicalResult computeExpr(Operation *op, CExpr &e);
  void loopPragmas(Operation *op);
  void verbatimPragmas(Operation *op);
  std::string loopLabel(Operation *op);
  bool shouldInline(Operation *op);
  LogicalResult declareAllocas();
  llvm::StringMap<std::string> localStatics;         ///< static locals declared here
  llvm::DenseMap<int64_t, std::string> structLocals; ///< struct variables declared here
  /// Fields of a struct returned by a call: (its variable, the field).
  llvm::DenseMap<Value, std::pair<std::string, std::string>> fieldSource;
  void partitionPragmas(llvm::StringRef var, Attribute partitions);
  /// The allo.pragmas of a local's declaring op, printed after its declaration.
  void declPragmas(Operation *decl, llvm::StringRef name);
  /// Ports named by the function's own `#pragma HLS interface`, with their mode.
  static llvm::StringMap<std::string> userInterfaces(func::FuncOp f);

  ModuleEmitter &mod;
  func::FuncOp func;
  std::string &out;
  unsigned indent = 1;
  llvm::DenseMap<Value, CExpr> exprs;
  llvm::DenseMap<Value, std::string> names; ///< memrefs and declared values
  llvm::DenseMap<Value, bool> unsignedCache;
  llvm::DenseMap<Value, bool> readsMemory; ///< inlined expressions that read memory
  llvm::StringSet<> used;
  llvm::DenseSet<Operation *> skip;
  /// Scalar variables (rank-0 memrefs) by their C++ name.
  llvm::StringMap<Value> scalarVars;
  /// The name of `loop`'s variable: `want` when free, or when it names a
  /// scalar variable that the loop never accesses (`int i; for (i = …)`: the
  /// loop's own `int i` shadows it, `shadows` is set); else a fresh name.
  /// The C++ name of a loop's variable (its allo.iv, else "i").
  std::string loopVarName(Operation *loop, bool &shadows);
};

class ModuleEmitter {
public:
  ModuleEmitter(ModuleOp m, const VHLSOptions &o) : module(m), options(o) {}
  LogicalResult emit(llvm::raw_ostream &os);

  /// The user's aliases that the emitted names use (allo.typedefs), each as
  /// an alias-declaration in its namespace: redeclaring an alias as the same
  /// type is valid C++, so a testbench may still include the user's header.
  std::string aliasDeclarations() const;

  ModuleOp module;
  const VHLSOptions &options;
  Helpers helpers;
  llvm::DenseMap<StringRef, std::string> globalNames;
  bool usesBlocks = false; ///< hls_streamofblocks.h is needed
  /// Static locals declared in the one function that uses them.
  llvm::DenseMap<Operation *, llvm::SmallVector<memref::GlobalOp, 2>> functionStatics;
  /// The declaration of a global: `static [const] T name[N] = {...};`.
  FailureOr<std::string> globalDecl(memref::GlobalOp g, llvm::StringRef name);
};

//===----------------------------------------------------------------------===//
// Types and names
//===----------------------------------------------------------------------===//

std::string FuncEmitter::fresh(llvm::StringRef base) {
  std::string b = sanitize(base);
  std::string n = b;
  for (unsigned k = 1; used.contains(n); ++k)
    n = b + "_" + std::to_string(k);
  used.insert(n);
  return n;
}

CType FuncEmitter::ctypeFor(Type t, bool isUnsigned) {
  CType c;
  if (t.isIndex()) {
    c.kind = CType::Index;
  } else if (t.isInteger(1)) {
    c.kind = CType::Bool;
    c.isSigned = false;
  } else if (auto it = llvm::dyn_cast<IntegerType>(t)) {
    c.kind = CType::Int;
    c.width = it.getWidth();
    c.isSigned = !isUnsigned;
  } else if (t.isF32()) {
    c.kind = CType::Float;
  } else if (t.isF64()) {
    c.kind = CType::Double;
  }
  return c;
}

bool FuncEmitter::unsignedHint(Value v) {
  auto it = unsignedCache.find(v);
  if (it != unsignedCache.end())
    return it->second;
  bool u = false;
  if (auto arg = llvm::dyn_cast<BlockArgument>(v)) {
    if (arg.getOwner()->getParentOp() == func)
      u = (bool)func.getArgAttr(arg.getArgNumber(), AlloDialect::kUnsigned);
  } else {
    Operation *def = v.getDefiningOp();
    if (isa<arith::DivUIOp, arith::RemUIOp, arith::ShRUIOp, arith::ExtUIOp, arith::IndexCastUIOp,
            arith::FPToUIOp>(def)) {
      u = true;
    } else if (auto f = dyn_cast<FloatToAPIntOp>(def)) {
      u = f.getIsUnsigned();
    } else if (isa<arith::DivSIOp, arith::RemSIOp, arith::ShRSIOp, arith::ExtSIOp,
                   arith::IndexCastOp, arith::FPToSIOp, arith::ConstantOp>(def)) {
      u = false;
    } else if (isa<affine::AffineLoadOp, memref::LoadOp>(def)) {
      u = (bool)memAttr(def->getOperand(0), AlloDialect::kUnsigned);
    } else if (auto call = llvm::dyn_cast<func::CallOp>(def)) {
      if (auto callee = mod.module.lookupSymbol<func::FuncOp>(call.getCallee()))
        u = callee.getNumResults() && callee.getResultAttr(0, AlloDialect::kUnsigned);
    } else if (isa<arith::SelectOp>(def)) {
      u = unsignedHint(def->getOperand(1));
    } else if (def->getNumOperands() > 0 && isa<arith::ArithDialect>(def->getDialect()) &&
               def->getOperand(0).getType() == v.getType()) {
      u = unsignedHint(def->getOperand(0));
    } else if (auto ifOp = llvm::dyn_cast<scf::IfOp>(def)) {
      unsigned idx = llvm::cast<OpResult>(v).getResultNumber();
      u = unsignedHint(ifOp.thenYield().getOperand(idx));
    }
  }
  unsignedCache[v] = u;
  return u;
}

CType FuncEmitter::typeOf(Value v) { return ctypeFor(v.getType(), unsignedHint(v)); }

std::string FuncEmitter::memName(Value memref) {
  auto it = names.find(memref);
  if (it != names.end())
    return it->second;
  if (auto g = memref.getDefiningOp<memref::GetGlobalOp>())
    return mod.globalNames.lookup(g.getName());
  // Views passed to pointer and reference parameters, printed so that
  // subscripting them (`name[i]`) indexes the right element.
  if (auto c = memref.getDefiningOp<memref::CastOp>())
    return memName(c.getSource());
  if (auto e = memref.getDefiningOp<memref::ExpandShapeOp>())
    return "(&" + memName(e.getSrc()) + ")"; // &x for a pointer to a variable
  if (auto sv = memref.getDefiningOp<memref::SubViewOp>()) {
    CType it;
    it.kind = CType::Index;
    auto offset = [&](unsigned d) {
      OpFoldResult o = sv.getMixedOffsets()[d];
      if (auto a = llvm::dyn_cast_if_present<Attribute>(o))
        return std::to_string(llvm::cast<IntegerAttr>(a).getInt());
      return as(llvm::cast<Value>(o), it, PCond);
    };
    auto isZero = [&](unsigned d) {
      auto a = llvm::dyn_cast_if_present<Attribute>(sv.getMixedOffsets()[d]);
      return a && llvm::cast<IntegerAttr>(a).getInt() == 0;
    };
    std::string src = memName(sv.getSource());
    unsigned srcRank = sv.getSourceType().getRank();
    unsigned k = srcRank - sv.getType().getRank(); // leading dimensions dropped
    std::string fixed = src;
    for (unsigned d = 0; d < k; ++d)
      fixed += "[" + offset(d) + "]";
    // A reference to an element, or a pointer whose last offset is zero
    // (A[i] decays to &A[i][0]).
    if (k == srcRank || isZero(k))
      return fixed;
    if (k == 0)
      return "(" + src + " + " + offset(0) + ")";
    return "(&" + fixed + "[" + offset(k) + "])";
  }
  // A stream handle loaded from a stream array prints as `s[i]`.
  auto eit = exprs.find(memref);
  if (eit != exprs.end())
    return eit->second.text;
  return "<unnamed>";
}

Attribute FuncEmitter::streamAttr(Value stream, llvm::StringRef name) {
  // An element of an array of streams: the array's attributes.
  if (Operation *def = stream.getDefiningOp())
    if (isa<affine::AffineLoadOp, memref::LoadOp>(def))
      return memAttr(def->getOperand(0), name);
  return memAttr(stream, name);
}

Attribute FuncEmitter::memAttr(Value memref, llvm::StringRef name) {
  memref = rootMemref(memref); // a view: the array it is taken of
  if (auto arg = llvm::dyn_cast<BlockArgument>(memref)) {
    Operation *owner = arg.getOwner()->getParentOp();
    if (owner == func)
      return func.getArgAttr(arg.getArgNumber(), name);
    // The block of a stream_of_blocks lock: the lock records the element type.
    if (isa<StreamWriteLockOp, StreamReadLockOp>(owner))
      return owner->getAttr(name);
    return {};
  }
  if (Operation *def = memref.getDefiningOp())
    return def->getAttr(name);
  return {};
}

std::string FuncEmitter::streamClass(Type t, Attribute ctype, Attribute typeDepth) {
  if (llvm::cast<StreamType>(t).getBlockType())
    mod.usesBlocks = true;
  return streamClassName(t, ctype, typeDepth);
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

std::string FuncEmitter::as(Value v, CType t, int maxPrec) {
  CExpr e = get(v);
  if (e.type == t ||
      (e.type.kind == CType::Index && t.kind == CType::Int && t.width == 32 && t.isSigned) ||
      (t.kind == CType::Index && e.type.kind == CType::Int && e.type.width == 32 &&
       e.type.isSigned))
    return paren(e, maxPrec);
  std::string s = "(" + t.name() + ")" + paren(e, PUnary);
  return PUnary > maxPrec ? "(" + s + ")" : s;
}

CExpr FuncEmitter::get(Value v) {
  auto it = exprs.find(v);
  if (it != exprs.end())
    return it->second;
  // The counter k of a decreasing loop printed as the source's loop i: a use
  // of k itself (a call argument, a cast) is start - i.
  if (reversed.count(v)) {
    llvm::SmallVector<Value, 4> ops{v};
    AffineExpr e = unreverse(getAffineDimExpr(0, v.getContext()), ops);
    return affineExpr(e, ops);
  }
  auto nit = names.find(v);
  if (nit != names.end())
    return CExpr{nit->second, PPrimary, typeOf(v)};
  return CExpr{"<?>", PPrimary, typeOf(v)};
}

bool FuncEmitter::nonNegValue(Value v) {
  if (auto c = v.getDefiningOp<arith::ConstantIndexOp>())
    return c.value() >= 0;
  if (auto forOp = affine::getForInductionVarOwner(v)) {
    if (reversed.count(v)) {
      auto limit = forOp->getAttrOfType<AffineMapAttr>(AlloDialect::kReverseLimit).getValue();
      return llvm::any_of(limit.getResults(),
                          [&](AffineExpr e) { return nonNeg(e, forOp.getUpperBoundOperands()); });
    }
    AffineMap lb = forOp.getLowerBoundMap();
    return llvm::any_of(lb.getResults(), [&](AffineExpr e) {
      return nonNeg(symbolsToDims(e, lb.getNumDims(), lb.getNumSymbols()),
                    forOp.getLowerBoundOperands());
    });
  }
  if (auto forOp = scf::getForInductionVarOwner(v))
    return nonNegValue(forOp.getLowerBound());
  if (auto apply = v.getDefiningOp<affine::AffineApplyOp>()) {
    AffineMap m = apply.getAffineMap();
    return nonNeg(symbolsToDims(m.getResult(0), m.getNumDims(), m.getNumSymbols()),
                  apply.getMapOperands());
  }
  return false;
}

bool FuncEmitter::nonNeg(AffineExpr e, ValueRange operands) {
  if (auto c = llvm::dyn_cast<AffineConstantExpr>(e))
    return c.getValue() >= 0;
  if (auto d = llvm::dyn_cast<AffineDimExpr>(e))
    return nonNegValue(operands[d.getPosition()]);
  if (llvm::isa<AffineSymbolExpr>(e))
    return false; // callers convert symbols to dims first
  auto b = llvm::cast<AffineBinaryOpExpr>(e);
  switch (e.getKind()) {
  case AffineExprKind::Add: return nonNeg(b.getLHS(), operands) && nonNeg(b.getRHS(), operands);
  case AffineExprKind::Mul:
  case AffineExprKind::FloorDiv:
  case AffineExprKind::CeilDiv: return nonNeg(b.getLHS(), operands) && nonNeg(b.getRHS(), operands);
  case AffineExprKind::Mod: return true;
  default: return false;
  }
}

CExpr FuncEmitter::affineExpr(AffineExpr e, ValueRange operands) {
  CType it;
  it.kind = CType::Index;
  if (auto c = llvm::dyn_cast<AffineConstantExpr>(e))
    return CExpr{std::to_string(c.getValue()), c.getValue() < 0 ? PUnary : PPrimary, it};
  if (auto d = llvm::dyn_cast<AffineDimExpr>(e)) {
    Value v = operands[d.getPosition()];
    // (unreverse made the position of a decreasing loop's counter the
    // source's loop variable)
    if (reversed.count(v))
      return CExpr{names.lookup(v), PPrimary, it};
    return CExpr{as(v, it, PPrimary), PPrimary, it};
  }
  // Callers turn symbols into dims first (symbolsToDims); none reach here.
  auto b = llvm::cast<AffineBinaryOpExpr>(e);
  switch (e.getKind()) {
  case AffineExprKind::Add: {
    // Print a - b*c for negative coefficients, positive terms first.
    auto negative = [](AffineExpr x) {
      if (auto c = llvm::dyn_cast<AffineConstantExpr>(x))
        return c.getValue() < 0;
      if (x.getKind() == AffineExprKind::Mul)
        if (auto k = llvm::dyn_cast<AffineConstantExpr>(llvm::cast<AffineBinaryOpExpr>(x).getRHS()))
          return k.getValue() < 0;
      return false;
    };
    if (negative(b.getLHS()) && !negative(b.getRHS())) {
      // (-x) + y reads better as y - x (MLIR keeps constants on the right).
      CExpr y = affineExpr(b.getRHS(), operands);
      CExpr x = affineExpr(b.getLHS() * -1, operands);
      return CExpr{paren(y, PAdd) + " - " + paren(x, PMul), PAdd, it};
    }
    CExpr l = affineExpr(b.getLHS(), operands);
    AffineExpr r = b.getRHS();
    if (auto rc = llvm::dyn_cast<AffineConstantExpr>(r); rc && rc.getValue() < 0)
      return CExpr{paren(l, PAdd) + " - " + std::to_string(-rc.getValue()), PAdd, it};
    if (auto rm = llvm::dyn_cast<AffineBinaryOpExpr>(r); rm && r.getKind() == AffineExprKind::Mul)
      if (auto k = llvm::dyn_cast<AffineConstantExpr>(rm.getRHS()); k && k.getValue() < 0) {
        CExpr x = affineExpr(rm.getLHS() * -k.getValue(), operands);
        return CExpr{paren(l, PAdd) + " - " + paren(x, PMul), PAdd, it};
      }
    CExpr rr = affineExpr(r, operands);
    return CExpr{paren(l, PAdd) + " + " + paren(rr, PMul - 1), PAdd, it};
  }
  case AffineExprKind::Mul: {
    CExpr l = affineExpr(b.getLHS(), operands);
    if (auto k = llvm::dyn_cast<AffineConstantExpr>(b.getRHS())) {
      if (k.getValue() == 1)
        return l;
      if (k.getValue() == -1)
        return CExpr{negated(paren(l, PUnary)), PUnary, it};
      return CExpr{paren(l, PMul) + " * " + std::to_string(k.getValue()), PMul, it};
    }
    CExpr r = affineExpr(b.getRHS(), operands);
    return CExpr{paren(l, PMul) + " * " + paren(r, PMul - 1), PMul, it};
  }
  case AffineExprKind::FloorDiv:
  case AffineExprKind::CeilDiv:
  case AffineExprKind::Mod: {
    CExpr l = affineExpr(b.getLHS(), operands);
    CExpr r = affineExpr(b.getRHS(), operands);
    bool simple = nonNeg(b.getLHS(), operands) && nonNeg(b.getRHS(), operands);
    if (e.getKind() == AffineExprKind::FloorDiv) {
      if (simple)
        return CExpr{paren(l, PMul) + " / " + paren(r, PMul - 1), PMul, it};
      mod.helpers.floordiv = true;
      return CExpr{"allo_floordiv(" + l.text + ", " + r.text + ")", PPostfix, it};
    }
    if (e.getKind() == AffineExprKind::Mod) {
      if (simple)
        return CExpr{paren(l, PMul) + " % " + paren(r, PMul - 1), PMul, it};
      mod.helpers.mod = true;
      return CExpr{"allo_mod(" + l.text + ", " + r.text + ")", PPostfix, it};
    }
    mod.helpers.ceildiv = true;
    return CExpr{"allo_ceildiv(" + l.text + ", " + r.text + ")", PPostfix, it};
  }
  default: return CExpr{"<?>", PPrimary, it};
  }
}

AffineExpr FuncEmitter::unreverse(AffineExpr e, llvm::SmallVectorImpl<Value> &operands) {
  // A position whose operand is the counter k of a decreasing loop is printed
  // as the source's loop variable i, and k = start - i. The start map is over
  // the loop's lower-bound operands, which may be counters of enclosing
  // decreasing loops themselves: those are replaced the same way, so every
  // position of the result consistently stands for a source variable.
  MLIRContext *ctx = e.getContext();
  auto position = [&](Value v) {
    auto found = llvm::find(operands, v);
    if (found != operands.end())
      return (unsigned)(found - operands.begin());
    operands.push_back(v);
    return (unsigned)operands.size() - 1;
  };
  std::function<AffineExpr(Value)> counter = [&](Value v) -> AffineExpr {
    unsigned pos = position(v);
    auto it = reversed.find(v);
    if (it == reversed.end())
      return getAffineDimExpr(pos, ctx);
    AffineMap start = it->second.first;
    llvm::SmallVector<Value, 4> startOps = it->second.second;
    llvm::SmallVector<AffineExpr, 4> shift;
    for (Value w : startOps)
      shift.push_back(counter(w));
    return start.getResult(0).replaceDimsAndSymbols(shift, {}) - getAffineDimExpr(pos, ctx);
  };
  unsigned n = operands.size();
  llvm::SmallVector<AffineExpr, 8> repl;
  for (unsigned p = 0; p < n; ++p)
    repl.push_back(e.isFunctionOfDim(p) && reversed.count(operands[p]) ? counter(operands[p])
                                                                       : getAffineDimExpr(p, ctx));
  for (unsigned p = n; p < operands.size(); ++p)
    repl.push_back(getAffineDimExpr(p, ctx));
  return simplifyAffineExpr(e.replaceDimsAndSymbols(repl, {}), operands.size(), 0);
}

CExpr FuncEmitter::affine(AffineExpr e, ValueRange operands) {
  llvm::SmallVector<Value, 8> ops(operands.begin(), operands.end());
  e = unreverse(e, ops);
  return affineExpr(e, ops);
}

std::string FuncEmitter::affineBound(AffineMap map, ValueRange operands, bool isMax) {
  std::string acc;
  for (AffineExpr e : map.getResults()) {
    std::string t = affine(symbolsToDims(e, map.getNumDims(), map.getNumSymbols()), operands).text;
    if (acc.empty()) {
      acc = t;
      continue;
    }
    if (isMax)
      mod.helpers.max = true;
    else
      mod.helpers.min = true;
    acc = std::string(isMax ? "allo_max(" : "allo_min(") + acc + ", " + t + ")";
  }
  return acc;
}

std::string FuncEmitter::fixedElemCType(Value memref) {
  // An array of streams of fixed-point values: its elements are streams.
  if (!memAttr(memref, AlloDialect::kFixedScale) || streamTypeOf(memref.getType()))
    return "";
  // A struct field: its own type.
  auto ct = llvm::dyn_cast_or_null<StringAttr>(memAttr(memref, AlloDialect::kFieldCType));
  if (!ct)
    ct = llvm::dyn_cast_or_null<StringAttr>(memAttr(memref, AlloDialect::kCType));
  return ct ? elementCType(ct.getValue()) : "";
}

std::string FuncEmitter::fixedStreamCType(Value stream) {
  if (!streamAttr(stream, AlloDialect::kFixedScale))
    return "";
  auto ct = llvm::dyn_cast_or_null<StringAttr>(streamAttr(stream, AlloDialect::kCType));
  return ct ? elementCType(ct.getValue()) : "";
}

std::string FuncEmitter::access(Value memref, ArrayRef<std::string> indices) {
  std::string field = fieldOf(memref, func);
  if (!field.empty())
    return fieldAccess(memName(memref), field, indices);
  std::string s = memName(memref);
  for (const std::string &i : indices)
    s += "[" + i + "]";
  return s;
}

std::string FuncEmitter::indicesOf(Operation *op, Value memref, AffineMap map, ValueRange operands,
                                   ValueRange plainIndices) {
  llvm::SmallVector<std::string, 4> idx;
  if (map) {
    for (AffineExpr e : map.getResults())
      idx.push_back(affine(symbolsToDims(e, map.getNumDims(), map.getNumSymbols()), operands).text);
  } else {
    CType it;
    it.kind = CType::Index;
    for (Value v : plainIndices)
      idx.push_back(as(v, it, PCond));
  }
  return access(memref, idx);
}

//===----------------------------------------------------------------------===//
// Operations
//===----------------------------------------------------------------------===//

std::string floatLiteral(APFloat v, bool isFloat) {
  if (v.isNaN())
    return isFloat ? "std::numeric_limits<float>::quiet_NaN()"
                   : "std::numeric_limits<double>::quiet_NaN()";
  if (v.isInfinity())
    return std::string(v.isNegative() ? "-" : "") +
           (isFloat ? "std::numeric_limits<float>::infinity()"
                    : "std::numeric_limits<double>::infinity()");
  double d = v.convertToDouble();
  if (isFloat)
    d = v.convertToFloat();
  char buf[64];
  // Shortest decimal that round-trips.
  for (int p = 1; p <= 17; ++p) {
    snprintf(buf, sizeof buf, "%.*g", p, d);
    if (isFloat ? (float)strtod(buf, nullptr) == (float)d : strtod(buf, nullptr) == d)
      break;
  }
  std::string s = buf;
  if (s.find_first_of(".eE") == std::string::npos)
    s += ".0";
  if (isFloat)
    s += "f";
  return s;
}

LogicalResult FuncEmitter::computeExpr(Operation *op, CExpr &e) {
  Value r = op->getResult(0);
  CType rt = typeOf(r);
  auto bin = [&](const char *sym, int prec, bool forceSigned, bool forceUnsigned) {
    CType t = rt;
    if (t.kind == CType::Int) {
      if (forceSigned)
        t.isSigned = true;
      if (forceUnsigned)
        t.isSigned = false;
    }
    std::string a = as(op->getOperand(0), t, prec);
    std::string b = as(op->getOperand(1), t, prec - 1);
    e = CExpr{a + " " + sym + " " + b, prec, t};
    // 0 - x is how C++'s unary minus is raised: print it back as -x.
    if (std::string(sym) == "-")
      if (auto c = op->getOperand(0).getDefiningOp<arith::ConstantOp>())
        if (auto i = llvm::dyn_cast<IntegerAttr>(c.getValue()); i && i.getValue().isZero())
          e = CExpr{negated(as(op->getOperand(1), t, PUnary)), PUnary, t};
    // Narrow and odd widths promote in C++: cast back to the operation's width.
    if (t.kind == CType::Int && t.width != 32 && t.width != 64)
      e = CExpr{"(" + t.name() + ")(" + e.text + ")", PUnary, t};
  };
  auto cast = [&](CType from) {
    std::string x = as(op->getOperand(0), from, PUnary);
    e = CExpr{"(" + rt.name() + ")" + x, PUnary, rt};
  };
  auto call = [&](const char *fn) {
    std::string args;
    for (Value v : op->getOperands())
      args += (args.empty() ? "" : ", ") + as(v, rt, PCond);
    e = CExpr{std::string(fn) + "(" + args + ")", PPostfix, rt};
  };
  if (auto c = llvm::dyn_cast<arith::ConstantOp>(op)) {
    Attribute v = c.getValue();
    if (auto i = llvm::dyn_cast<IntegerAttr>(v)) {
      if (rt.kind == CType::Bool)
        e = CExpr{i.getValue().isZero() ? "false" : "true", PPrimary, rt};
      else if (rt.kind == CType::Index)
        e = CExpr{std::to_string(i.getInt()), i.getInt() < 0 ? PUnary : PPrimary, rt};
      else if (!i.getValue().isSignedIntN(64)) {
        // Wider than 64 bits: the bit pattern in hexadecimal.
        llvm::SmallString<40> hex;
        i.getValue().toStringUnsigned(hex, 16);
        e = CExpr{rt.name() + "(\"" + std::string(hex) + "\", 16)", PPostfix, rt};
      } else {
        int64_t x = i.getValue().getSExtValue();
        std::string lit;
        if (x == INT64_MIN)
          lit = "(-9223372036854775807LL - 1)";
        else if (x >= INT32_MIN + 1 && x <= INT32_MAX)
          lit = x < 0 ? "(" + std::to_string(x) + ")" : std::to_string(x);
        else
          lit = x < 0 ? "(" + std::to_string(x) + "LL)" : std::to_string(x) + "LL";
        if (x == INT32_MIN)
          lit = "(-2147483647 - 1)";
        if (rt.width == 32 && rt.isSigned)
          e = CExpr{lit, x < 0 ? PUnary : PPrimary, rt};
        else
          e = CExpr{"(" + rt.name() + ")" + lit, PUnary, rt};
      }
      return success();
    }
    if (auto f = llvm::dyn_cast<FloatAttr>(v)) {
      std::string lit = floatLiteral(f.getValue(), rt.kind == CType::Float);
      e = CExpr{lit, lit[0] == '-' ? PUnary : PPrimary, rt};
      return success();
    }
    return op->emitError("vhls: unsupported constant");
  }
  // Binary operators: C spelling, precedence, and the signedness the
  // operation imposes on its operands (S = signed, U = unsigned, - = either).
  static const struct {
    llvm::StringLiteral name, sym;
    int prec;
    char sign;
  } binaries[] = {
      {"arith.addi", "+", PAdd, '-'},     {"arith.addf", "+", PAdd, '-'},
      {"arith.subi", "-", PAdd, '-'},     {"arith.subf", "-", PAdd, '-'},
      {"arith.muli", "*", PMul, '-'},     {"arith.mulf", "*", PMul, '-'},
      {"arith.divf", "/", PMul, '-'},     {"arith.divsi", "/", PMul, 'S'},
      {"arith.divui", "/", PMul, 'U'},    {"arith.remsi", "%", PMul, 'S'},
      {"arith.remui", "%", PMul, 'U'},    {"arith.shli", "<<", PShift, '-'},
      {"arith.shrsi", ">>", PShift, 'S'}, {"arith.shrui", ">>", PShift, 'U'},
  };
  for (const auto &bo : binaries) {
    if (op->getName().getStringRef() != bo.name)
      continue;
    if (rt.kind == CType::Bool) {
      // i1 arithmetic (++ on an ap_uint<1>) wraps modulo 2, but C++ bool
      // operands promote to int and a nonzero int converts back to true:
      // compute on unsigned and keep bit 0 (x + 1 on i1 is !x, not true).
      CType ut = ctypeFor(IntegerType::get(op->getContext(), 32), true);
      ut.isSigned = false;
      e = CExpr{"((" + as(op->getOperand(0), ut, bo.prec) + " " + bo.sym.str() + " " +
                    as(op->getOperand(1), ut, bo.prec - 1) + ") & 1u) != 0",
                PEq, rt};
      return success();
    }
    return bin(bo.sym.data(), bo.prec, bo.sign == 'S', bo.sign == 'U'), success();
  }
  if (isa<arith::AndIOp, arith::OrIOp, arith::XOrIOp>(op)) {
    if (rt.kind == CType::Bool) {
      // i1 logic reads better as logical operators.
      if (isa<arith::XOrIOp>(op)) {
        auto isTrue = [](Value v) {
          auto c = v.getDefiningOp<arith::ConstantOp>();
          auto i = c ? llvm::dyn_cast<IntegerAttr>(c.getValue()) : IntegerAttr();
          return i && i.getValue().isOne();
        };
        if (isTrue(op->getOperand(1))) {
          e = CExpr{"!" + paren(get(op->getOperand(0)), PUnary), PUnary, rt};
          return success();
        }
        return bin("!=", PEq, false, false), success();
      }
      return bin(isa<arith::AndIOp>(op) ? "&&" : "||", isa<arith::AndIOp>(op) ? PLAnd : PLOr, false,
                 false),
             success();
    }
    if (isa<arith::AndIOp>(op))
      return bin("&", PBitAnd, false, false), success();
    if (isa<arith::OrIOp>(op))
      return bin("|", PBitOr, false, false), success();
    return bin("^", PXor, false, false), success();
  }
  if (auto cmp = llvm::dyn_cast<arith::CmpIOp>(op)) {
    CType t = typeOf(cmp.getLhs());
    const char *sym = "==";
    using P = arith::CmpIPredicate;
    switch (cmp.getPredicate()) {
    case P::eq: sym = "=="; break;
    case P::ne: sym = "!="; break;
    case P::slt:
      sym = "<";
      t.isSigned = true;
      break;
    case P::sle:
      sym = "<=";
      t.isSigned = true;
      break;
    case P::sgt:
      sym = ">";
      t.isSigned = true;
      break;
    case P::sge:
      sym = ">=";
      t.isSigned = true;
      break;
    case P::ult:
      sym = "<";
      t.isSigned = false;
      break;
    case P::ule:
      sym = "<=";
      t.isSigned = false;
      break;
    case P::ugt:
      sym = ">";
      t.isSigned = false;
      break;
    case P::uge:
      sym = ">=";
      t.isSigned = false;
      break;
    }
    if (t.kind == CType::Bool && !llvm::is_contained({P::eq, P::ne}, cmp.getPredicate()))
      t = ctypeFor(IntegerType::get(op->getContext(), 8), true), t.isSigned = false;
    int prec = (cmp.getPredicate() == P::eq || cmp.getPredicate() == P::ne) ? PEq : PRel;
    e = CExpr{as(cmp.getLhs(), t, prec) + " " + sym + " " + as(cmp.getRhs(), t, prec - 1), prec,
              rt};
    return success();
  }
  if (auto cmp = llvm::dyn_cast<arith::CmpFOp>(op)) {
    using P = arith::CmpFPredicate;
    const char *sym;
    switch (cmp.getPredicate()) {
    case P::OEQ: sym = "=="; break;
    case P::UNE: sym = "!="; break;
    case P::OLT: sym = "<"; break;
    case P::OLE: sym = "<="; break;
    case P::OGT: sym = ">"; break;
    case P::OGE: sym = ">="; break;
    default: return op->emitError("vhls: unsupported floating-point comparison predicate");
    }
    int prec = (cmp.getPredicate() == P::OEQ || cmp.getPredicate() == P::UNE) ? PEq : PRel;
    CType t = typeOf(cmp.getLhs());
    e = CExpr{as(cmp.getLhs(), t, prec) + " " + sym + " " + as(cmp.getRhs(), t, prec - 1), prec,
              rt};
    return success();
  }
  if (auto sel = llvm::dyn_cast<arith::SelectOp>(op)) {
    CType bt;
    bt.kind = CType::Bool;
    e = CExpr{as(sel.getCondition(), bt, PCond - 1) + " ? " + as(sel.getTrueValue(), rt, PCond) +
                  " : " + as(sel.getFalseValue(), rt, PCond),
              PCond, rt};
    return success();
  }
  if (isa<arith::SIToFPOp, arith::UIToFPOp>(op) && typeOf(op->getOperand(0)).kind == CType::Int &&
      typeOf(op->getOperand(0)).width > 64) {
    // ap_[u]int wider than 64 bits: the implicit conversion only sees the low
    // 64 bits; to_double()/to_float() convert the whole value.
    CType from = typeOf(op->getOperand(0));
    from.isSigned = isa<arith::SIToFPOp>(op);
    e = CExpr{paren(CExpr{as(op->getOperand(0), from, PPostfix), PPostfix, from}, PPostfix) +
                  (rt.kind == CType::Float ? ".to_float()" : ".to_double()"),
              PPostfix, rt};
    return success();
  }
  if (isa<arith::ExtSIOp, arith::SIToFPOp>(op)) {
    CType from = typeOf(op->getOperand(0));
    from.isSigned = true;
    if (from.kind == CType::Bool) {
      // A signed one-bit value is 0 or -1. The C++ operand is a bool (0 or 1)
      // or an ap_int<1> (0 or -1): through bool, both give 0 or 1.
      e = CExpr{"(" + rt.name() + ")-(int)(bool)" + paren(get(op->getOperand(0)), PUnary), PUnary,
                rt};
      return success();
    }
    return cast(from), success();
  }
  if (isa<arith::ExtUIOp, arith::UIToFPOp>(op)) {
    CType from = typeOf(op->getOperand(0));
    if (from.kind == CType::Int)
      from.isSigned = false;
    return cast(from), success();
  }
  if (auto bc = llvm::dyn_cast<arith::BitcastOp>(op)) {
    // The IEEE bits of a double (fixed-point conversion decomposes them).
    if (!bc.getIn().getType().isF64() || !bc.getType().isInteger(64))
      return op->emitError("vhls: unsupported bitcast");
    mod.helpers.f64Bits = true;
    CType d;
    d.kind = CType::Double;
    e = CExpr{"allo_f64_bits(" + as(bc.getIn(), d, PCond) + ")", PPostfix, rt};
    return success();
  }
  if (isa<arith::TruncIOp>(op) && rt.kind == CType::Bool) {
    // Truncation to i1 keeps the low bit (a C++ cast to bool would test != 0).
    CType from = typeOf(op->getOperand(0));
    e = CExpr{"(" + as(op->getOperand(0), from, PBitAnd - 1) + " & 1) != 0", PEq, rt};
    return success();
  }
  if (isa<arith::FPToSIOp, arith::FPToUIOp>(op) && rt.kind == CType::Bool) {
    // To i1 (ap_[u]int<1> from a float): the value toward zero, then its low
    // bit (a C++ cast to bool would test != 0).
    CType from = typeOf(op->getOperand(0));
    e = CExpr{"((int64_t)" + as(op->getOperand(0), from, PUnary) + " & 1) != 0", PEq, rt};
    return success();
  }
  if (isa<arith::TruncIOp, arith::FPToSIOp, arith::FPToUIOp, arith::ExtFOp, arith::TruncFOp>(op))
    return cast(typeOf(op->getOperand(0))), success();
  if (isa<arith::IndexCastOp>(op)) {
    CType from = typeOf(op->getOperand(0));
    if (from.kind == CType::Bool && rt.kind == CType::Index) {
      // Signed, as extsi: 0 or -1 (see ExtSIOp).
      e = CExpr{"-(int)(bool)" + paren(get(op->getOperand(0)), PUnary), PUnary, rt};
      return success();
    }
    if (from.kind == CType::Int)
      from.isSigned = true;
    // index is emitted as int: int32_t <-> index needs no cast.
    CType other = rt.kind == CType::Index ? from : rt;
    if (other.kind == CType::Int && other.width == 32 && other.isSigned) {
      CExpr x = get(op->getOperand(0));
      e = CExpr{x.text, x.prec, rt};
      return success();
    }
    return cast(from), success();
  }
  if (isa<arith::IndexCastUIOp>(op)) {
    CType from = typeOf(op->getOperand(0));
    if (from.kind == CType::Int)
      from.isSigned = false;
    return cast(from), success();
  }
  if (isa<arith::NegFOp>(op)) {
    e = CExpr{negated(paren(get(op->getOperand(0)), PUnary)), PUnary, rt};
    return success();
  }
  if (isa<arith::MinNumFOp>(op))
    return call("std::fmin"), success();
  if (isa<arith::MaxNumFOp>(op))
    return call("std::fmax"), success();
  if (isa<arith::RemFOp>(op))
    return call("std::fmod"), success();
  if (isa<BitReverseOp>(op)) {
    CType u = typeOf(op->getOperand(0));
    u.isSigned = false;
    mod.helpers.reverse = true;
    e = CExpr{"(" + rt.name() + ")allo_bit_reverse<" +
                  std::to_string(op->getOperand(0).getType().getIntOrFloatBitWidth()) + ">(" +
                  as(op->getOperand(0), u, PCond) + ")",
              PUnary, rt};
    return success();
  }
  if (isa<FloatToAPIntOp>(op)) {
    // The ap_[u]int constructor: toward zero, wrapped (a C++ cast to an
    // integer type would be undefined out of range).
    unsigned w = op->getResult(0).getType().getIntOrFloatBitWidth();
    bool u = llvm::cast<FloatToAPIntOp>(op).getIsUnsigned();
    std::string ap = std::string(u ? "ap_uint<" : "ap_int<") + std::to_string(w) + ">";
    std::string text = ap + "(" + as(op->getOperand(0), typeOf(op->getOperand(0)), PCond) + ")";
    if (rt.name() != ap)
      text = "(" + rt.name() + ")" + text;
    e = CExpr{text, PUnary, rt};
    return success();
  }
  if (isa<math::CountLeadingZerosOp, math::CtPopOp>(op)) {
    // ap_uint<W>(x).countLeadingZeros() (the ap_int member), or a helper
    // counting the set bits.
    CType u = typeOf(op->getOperand(0));
    u.isSigned = false;
    std::string w = std::to_string(op->getOperand(0).getType().getIntOrFloatBitWidth());
    std::string x = as(op->getOperand(0), u, PCond);
    std::string text;
    if (isa<math::CountLeadingZerosOp>(op)) {
      text = "ap_uint<" + w + ">(" + x + ").countLeadingZeros()";
    } else {
      mod.helpers.popcount = true;
      text = "allo_popcount<" + w + ">(" + x + ")";
    }
    e = CExpr{"(" + rt.name() + ")" + text, PUnary, rt};
    return success();
  }
  if (op->getDialect() && isa<math::MathDialect>(op->getDialect())) {
    static const std::pair<const char *, const char *> table[] = {
        {"math.sqrt", "std::sqrt"},        {"math.exp", "std::exp"},     {"math.exp2", "std::exp2"},
        {"math.expm1", "std::expm1"},      {"math.log", "std::log"},     {"math.log2", "std::log2"},
        {"math.log10", "std::log10"},      {"math.log1p", "std::log1p"}, {"math.sin", "std::sin"},
        {"math.cos", "std::cos"},          {"math.tan", "std::tan"},     {"math.tanh", "std::tanh"},
        {"math.sinh", "std::sinh"},        {"math.cosh", "std::cosh"},   {"math.asin", "std::asin"},
        {"math.acos", "std::acos"},        {"math.atan", "std::atan"},   {"math.erf", "std::erf"},
        {"math.cbrt", "std::cbrt"},        {"math.floor", "std::floor"}, {"math.ceil", "std::ceil"},
        {"math.round", "std::round"},      {"math.trunc", "std::trunc"}, {"math.absf", "std::fabs"},
        {"math.powf", "std::pow"},         {"math.atan2", "std::atan2"}, {"math.fma", "std::fma"},
        {"math.copysign", "std::copysign"}};
    // Written as hls:: in the source: printed back as hls::.
    bool hls = op->hasAttr(AlloDialect::kHLSMath);
    if (isa<math::RsqrtOp>(op)) {
      if (hls)
        return call("hls::rsqrt"), success();
      CType t = rt;
      e = CExpr{std::string(rt.kind == CType::Float ? "1.0f" : "1.0") + " / std::sqrt(" +
                    as(op->getOperand(0), t, PCond) + ")",
                PMul, rt};
      return success();
    }
    for (auto &[name, fn] : table)
      if (op->getName().getStringRef() == name)
        return call(hls ? ("hls::" + llvm::StringRef(fn).drop_front(5)).str().c_str() : fn),
               success();
    return op->emitError("vhls: unsupported math operation '") << op->getName() << "'";
  }
  if (auto apply = llvm::dyn_cast<affine::AffineApplyOp>(op)) {
    AffineMap m = apply.getAffineMap();
    e = affine(symbolsToDims(m.getResult(0), m.getNumDims(), m.getNumSymbols()),
               apply.getMapOperands());
    return success();
  }
  if (isa<affine::AffineMinOp, affine::AffineMaxOp>(op)) {
    bool isMax = isa<affine::AffineMaxOp>(op);
    AffineMap m = isMax ? llvm::cast<affine::AffineMaxOp>(op).getAffineMap()
                        : llvm::cast<affine::AffineMinOp>(op).getAffineMap();
    ValueRange operands = op->getOperands();
    if (m.getNumResults() == 1) {
      e = affine(symbolsToDims(m.getResult(0), m.getNumDims(), m.getNumSymbols()), operands);
      return success();
    }
    CType it;
    it.kind = CType::Index;
    e = CExpr{affineBound(m, operands, isMax), PPostfix, it};
    return success();
  }
  // Fixed-point memory holds ap_fixed values: read their raw bits.
  auto rawRead = [&](Value memref, std::string text) {
    if (!fixedElemCType(memref).empty())
      text = rt.name() + "(" + text + ".range())";
    e = CExpr{text, PPostfix, rt};
  };
  if (auto ld = llvm::dyn_cast<affine::AffineLoadOp>(op)) {
    rawRead(ld.getMemRef(),
            indicesOf(op, ld.getMemRef(), ld.getAffineMap(), ld.getMapOperands(), {}));
    return success();
  }
  if (auto ld = llvm::dyn_cast<memref::LoadOp>(op)) {
    rawRead(ld.getMemRef(), indicesOf(op, ld.getMemRef(), AffineMap(), {}, ld.getIndices()));
    return success();
  }
  if (auto callOp = llvm::dyn_cast<func::CallOp>(op)) {
    std::string text = callText(callOp);
    if (failedEmission)
      return failure();
    auto callee = mod.module.lookupSymbol<func::FuncOp>(callOp.getCallee());
    if (callee && callee.getNumResults() && callee.getResultAttr(0, AlloDialect::kFixedScale))
      text = rt.name() + "(" + text + ".range())";
    e = CExpr{text, PPostfix, rt};
    return success();
  }
  if (auto rd = llvm::dyn_cast<StreamReadOp>(op)) {
    // A fixed-point element: the value is its raw bits.
    std::string fct = fixedStreamCType(rd.getStream());
    std::string text = memName(rd.getStream()) + ".read()";
    e = CExpr{fct.empty() ? text : rt.name() + "(" + text + ".range())", PPostfix, rt};
    return success();
  }
  if (auto em = llvm::dyn_cast<StreamEmptyOp>(op)) {
    e = CExpr{memName(em.getStream()) + ".empty()", PPostfix, rt};
    return success();
  }
  return op->emitError("vhls: cannot emit operation '") << op->getName() << "'";
}

bool FuncEmitter::shouldInline(Operation *op) {
  if (op->getNumResults() != 1 || op->getNumRegions() != 0)
    return false;
  Value r = op->getResult(0);
  if (isa<arith::ConstantOp>(op))
    return true;
  // Uses by skipped operations (the sizes of subviews) are never printed.
  Operation *user = nullptr;
  for (Operation *u : r.getUsers()) {
    if (skip.count(u))
      continue;
    if (user)
      return false;
    user = u;
  }
  if (!user)
    return !r.use_empty() && isMemoryEffectFree(op);
  // A stream read moves only into a store or write right after it (`x = s.read();`).
  if (isa<StreamReadOp>(op)) {
    return user == op->getNextNode() &&
           isa<affine::AffineStoreOp, memref::StoreOp, StreamWriteOp>(user) &&
           user->getOperand(isa<StreamWriteOp>(user) ? 1 : 0) == r;
  }
  bool isRead = isa<affine::AffineLoadOp, memref::LoadOp, func::CallOp>(op);
  if (!isRead && !isMemoryEffectFree(op))
    return false;
  // An expression that (transitively) reads memory moves to its use: only if
  // nothing between here and the use (in this block) may write memory.
  bool reads =
      isRead || llvm::any_of(op->getOperands(), [&](Value v) { return readsMemory.lookup(v); });
  if (!reads)
    return true;
  Operation *anchor = op->getBlock()->findAncestorOpInBlock(*user);
  if (!anchor)
    return false;
  for (Operation *it = op->getNextNode(); it && it != anchor; it = it->getNextNode()) {
    auto effects = llvm::dyn_cast<MemoryEffectOpInterface>(it);
    if (it->getNumRegions() ||
        (!isMemoryEffectFree(it) && (!effects || effects.hasEffect<MemoryEffects::Write>())))
      return false;
  }
  if (isa<func::CallOp>(op))
    return anchor == user;
  // A loop bound is evaluated once in MLIR but every iteration in C++.
  if (isa<scf::ForOp, affine::AffineForOp, scf::WhileOp>(user))
    return false;
  // Nor into a loop (or loop condition) nested between here and the use,
  // where it would be re-read every iteration.
  for (Operation *p = user->getParentOp(); p && p != op->getParentOp(); p = p->getParentOp())
    if (isa<scf::WhileOp, scf::ForOp, affine::AffineForOp>(p))
      return false;
  if (isa<scf::WhileOp, scf::ForOp, affine::AffineForOp, scf::IfOp, affine::AffineIfOp>(anchor) &&
      anchor != user)
    return false;
  readsMemory[r] = true;
  return true;
}

LogicalResult FuncEmitter::emitValueOp(Operation *op, CExpr e) {
  Value r = op->getResult(0);
  // A stream handle (s[i] of a stream array) is a name: always inlined.
  if (llvm::isa<StreamType>(r.getType())) {
    exprs[r] = e;
    return success();
  }
  // A pure value that prints as a name or a literal is never worth a temporary.
  bool trivial = !e.text.empty() && llvm::all_of(e.text, [](char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '.';
  });
  bool readsMem = llvm::any_of(op->getOperands(), [&](Value v) { return readsMemory.lookup(v); });
  // A very long expression gets a name: easier to read, and a chain of
  // thousands of operators stays linear in time and memory.
  constexpr size_t kMaxInlineText = 1000;
  if ((trivial && isMemoryEffectFree(op) && !readsMem) ||
      (e.text.size() <= kMaxInlineText && shouldInline(op))) {
    exprs[r] = e;
    return success();
  }
  // Name temporaries after what they hold: the variable read, the function called.
  std::string base = "t";
  for (Operation *d = op; d;) {
    if (auto n = llvm::dyn_cast<NameLoc>(d->getLoc())) {
      base = n.getName().getValue().str();
      break;
    }
    if (isa<affine::AffineLoadOp, memref::LoadOp, StreamReadOp>(d)) {
      Value m = d->getOperand(0);
      // A read of s[i] (a stream array's element) is named after s.
      if (Operation *ld = m.getDefiningOp(); ld && isa<affine::AffineLoadOp, memref::LoadOp>(ld))
        m = ld->getOperand(0);
      base = memName(m) + "_v";
      break;
    }
    if (auto c = llvm::dyn_cast<func::CallOp>(d)) {
      base = c.getCallee().str() + "_r";
      break;
    }
    // Look through casts to the value they convert.
    if (d->getNumOperands() == 1 && isa<arith::ArithDialect>(d->getDialect()))
      d = d->getOperand(0).getDefiningOp();
    else
      break;
  }
  std::string name = fresh(base);
  CType t = typeOf(r);
  line(t.name() + " " + name + " = " + e.text + ";");
  names[r] = name;
  return success();
}

std::string FuncEmitter::loopVarName(Operation *loop, bool &shadows) {
  auto ivAttr = loop->getAttrOfType<StringAttr>(AlloDialect::kInductionVar);
  llvm::StringRef want = ivAttr ? ivAttr.getValue() : "i";
  shadows = false;
  std::string n = sanitize(want);
  auto it = scalarVars.find(n);
  // A function-level variable the loop does not use may be shadowed, but not
  // when an enclosing loop's variable already shadows it (the loops of a
  // buffer_at copy nest all want `i`).
  auto enclosingBinds = [&]() {
    for (Operation *p = loop->getParentOp(); p && p != func; p = p->getParentOp()) {
      Value iv;
      if (auto f = llvm::dyn_cast<affine::AffineForOp>(p))
        iv = f.getInductionVar();
      else if (auto f = llvm::dyn_cast<scf::ForOp>(p))
        iv = f.getInductionVar();
      if (iv && names.lookup(iv) == n)
        return true;
    }
    return false;
  };
  if (used.contains(n) && it != scalarVars.end() &&
      llvm::none_of(it->second.getUsers(), [&](Operation *u) { return loop->isAncestor(u); }) &&
      !enclosingBinds()) {
    shadows = true;
    return n;
  }
  return fresh(want);
}

std::string FuncEmitter::loopLabel(Operation *op) {
  std::string n = "loop";
  if (auto a = op->getAttrOfType<StringAttr>(AlloDialect::kName))
    n = a.getValue().str();
  // The user's own label is kept; other loops get l_<func>_<name>.
  if (op->hasAttr(AlloDialect::kLabel))
    return fresh(n);
  return fresh("l_" + func.getSymName().str() + "_" + n);
}

void FuncEmitter::loopPragmas(Operation *op) {
  if (auto ii = op->getAttrOfType<IntegerAttr>(AlloDialect::kPipelineII))
    line("#pragma HLS pipeline II=" + std::to_string(ii.getInt()) +
         (op->hasAttr(AlloDialect::kPipelineRewind) ? " rewind" : ""));
  if (auto u = op->getAttrOfType<IntegerAttr>(AlloDialect::kUnroll))
    line(u.getInt() == 0 ? "#pragma HLS unroll"
                         : "#pragma HLS unroll factor=" + std::to_string(u.getInt()));
  if (op->hasAttr(AlloDialect::kFlatten))
    line("#pragma HLS loop_flatten");
  if (op->hasAttr(AlloDialect::kDataflow))
    line("#pragma HLS dataflow");
  verbatimPragmas(op);
}

void FuncEmitter::verbatimPragmas(Operation *op) {
  if (auto list = op->getAttrOfType<ArrayAttr>(AlloDialect::kPragmas))
    for (Attribute a : list)
      line("#pragma HLS " + llvm::cast<StringAttr>(a).getValue().str());
}

void FuncEmitter::declPragmas(Operation *decl, llvm::StringRef name) {
  // The source's directives about this array or stream, with `variable=`
  // naming it as the emitted code does.
  auto list = decl->getAttrOfType<ArrayAttr>(AlloDialect::kPragmas);
  if (!list)
    return;
  for (Attribute a : list) {
    llvm::SmallVector<llvm::StringRef, 8> words;
    llvm::StringRef(llvm::cast<StringAttr>(a).getValue()).split(words, ' ', -1, false);
    std::string text;
    for (llvm::StringRef w : words) {
      if (w.size() > 9 && w.take_front(9).equals_insensitive("variable="))
        text += (text.empty() ? "" : " ") + w.take_front(9).str() + name.str();
      else
        text += (text.empty() ? "" : " ") + w.str();
    }
    line("#pragma HLS " + text);
  }
}

void FuncEmitter::partitionPragmas(llvm::StringRef var, Attribute partitions) {
  auto arr = llvm::dyn_cast_or_null<ArrayAttr>(partitions);
  if (!arr)
    return;
  for (Attribute a : arr) {
    auto d = llvm::cast<PartitionAttr>(a);
    std::string s = "#pragma HLS array_partition variable=" + var.str() +
                    " type=" + d.getType().getValue().str();
    if (d.getFactor() && d.getType().getValue() != "complete")
      s += " factor=" + std::to_string(d.getFactor());
    s += " dim=" + std::to_string(d.getDim());
    line(s);
  }
}

FailureOr<std::string> FuncEmitter::structArgument(func::CallOp call, func::FuncOp callee,
                                                   unsigned first, unsigned count) {
  // The C++ object the operands of a struct parameter come from: a struct
  // variable or element, read (by value) or viewed (by reference/pointer)
  // field by field at the same place.
  auto ct = callee.getArgAttrOfType<StringAttr>(first, AlloDialect::kCType);
  llvm::StringRef ctype = ct ? ct.getValue() : "";
  bool byValue = !ctype.contains('*') && !ctype.contains('[') &&
                 (!ctype.contains('&') || ctype.starts_with("const "));
  std::string object;
  bool same = true;
  for (unsigned k = 0; k < count && same; ++k) {
    Value v = call.getOperand(first + k);
    std::string o;
    auto cfAttr = callee.getArgAttrOfType<StringAttr>(first + k, AlloDialect::kField);
    std::string cf = cfAttr ? cfAttr.getValue().str() : "";
    // The path of the callee's struct inside the caller's: `field` minus
    // the callee's own field (".p.x" - ".x" = ".p").
    auto prefixOf = [&](llvm::StringRef field, std::string &prefix) {
      if (!field.ends_with(cf))
        return false;
      prefix = field.drop_back(cf.size()).str();
      return prefix.find("[]") == std::string::npos;
    };
    std::string prefix;
    if (auto src = fieldSource.find(v); src != fieldSource.end()) {
      // A field of a struct a call returned.
      same = prefixOf(src->second.second, prefix);
      o = src->second.first + prefix;
    } else if (llvm::isa<MemRefType>(v.getType())) {
      // A view of one field: the variable and its indices.
      same = prefixOf(fieldOf(rootMemref(v), func), prefix);
      o = memName(v) + prefix;
    } else if (auto arg = llvm::dyn_cast<BlockArgument>(v);
               arg && !fieldOf(v, func).empty() &&
               arg.getOwner()->getParentOp() == func.getOperation()) {
      same = prefixOf(fieldOf(v, func), prefix);
      o = names[v] + prefix;
    } else if (Operation *d = v.getDefiningOp();
               d && isa<affine::AffineLoadOp, memref::LoadOp>(d) && !names.count(v) &&
               exprs.count(v) && !fieldOf(d->getOperand(0), func).empty()) {
      // The load's own text is `A[i].p.x`: the object is `A[i].p`.
      Value m = d->getOperand(0);
      llvm::StringRef t(exprs[v].text);
      if (!fixedElemCType(m).empty()) {
        // ap_int<W>(A[i].x.range())
        t = t.substr(t.find('(') + 1);
        t.consume_back(".range())");
      }
      same = t.consume_back(cf) && llvm::StringRef(fieldOf(m, func)).ends_with(cf);
      o = t.str();
    } else {
      same = false;
    }
    if (k == 0)
      object = o;
    else if (o != object)
      same = false;
  }
  if (same && !object.empty())
    return object;
  if (!byValue)
    return call.emitError("vhls: cannot print the struct argument of '") << call.getCallee() << "'";
  // A value built from its fields: Type{a, {b, c}}.
  llvm::SmallVector<std::string, 8> paths, values;
  for (unsigned k = 0; k < count; ++k) {
    Value v = call.getOperand(first + k);
    if (llvm::isa<MemRefType>(v.getType()))
      return call.emitError("vhls: cannot print a struct value with an array field passed to '")
             << call.getCallee() << "'";
    auto f = callee.getArgAttrOfType<StringAttr>(first + k, AlloDialect::kField);
    auto fct = callee.getArgAttrOfType<StringAttr>(first + k, AlloDialect::kFieldCType);
    paths.push_back(f ? f.getValue().str() : "");
    std::string x = as(v, typeOf(callee.getArgument(first + k)), PCond);
    if (fct && callee.getArgAttr(first + k, AlloDialect::kFixedScale)) {
      mod.helpers.fromBits = true;
      x = "allo_from_bits<" + elementCType(fct.getValue()) + ">(" + x + ")";
    }
    values.push_back(x);
  }
  std::string type = ctype.str();
  llvm::StringRef tr(type);
  tr.consume_front("const ");
  tr.consume_back("&");
  return tr.trim().str() + bracedInit(paths, values);
}

void FuncEmitter::simArrayOrder() {
  // The PEs of an unfolded grid share no array element (unfold refuses
  // races unless relay passes the array through FIFOs), and its loaders and
  // drainers are ordered by the FIFOs themselves: no order to add.
  if (func->hasAttr(AlloDialect::kPEGrid))
    return;
  llvm::DenseMap<std::pair<Operation *, unsigned>, bool> memo;
  // Per array: the processes that wrote it and those that read it since.
  // A reader starts after the writers, a writer after the readers before it;
  // writers of one array do not wait for each other (PEs writing their own
  // elements of C).
  llvm::DenseMap<Value, llvm::SmallVector<size_t, 2>> writers, readers;
  size_t n = 0;
  std::set<std::pair<size_t, size_t>> deps;
  for (Operation &op : func.getBody().front()) {
    auto call = dyn_cast<func::CallOp>(&op);
    if (!call || call.getNumResults())
      continue;
    auto callee = mod.module.lookupSymbol<func::FuncOp>(call.getCallee());
    for (auto [i, v] : llvm::enumerate(call.getOperands())) {
      auto mt = dyn_cast<MemRefType>(v.getType());
      if (!mt || isa<StreamType>(mt.getElementType()))
        continue;
      Value root = rootMemref(v);
      bool writes = !callee || callee.isExternal() || allo::writesArgument(callee, i, memo);
      if (!writes) {
        for (size_t w : writers[root])
          deps.insert({n, w});
        readers[root].push_back(n);
        continue;
      }
      if (!readers[root].empty()) {
        for (size_t r : readers[root])
          deps.insert({n, r});
        readers[root].clear();
        writers[root].clear();
      }
      // A process that also reads what it writes (x += ...) reads the
      // writers' data first.
      bool reads = !callee || callee.isExternal() ||
                   llvm::any_of(callee.getArgument(i).getUsers(), [](Operation *u) {
                     return !isa<affine::AffineStoreOp, memref::StoreOp>(u);
                   });
      if (reads)
        for (size_t w : writers[root])
          deps.insert({n, w});
      writers[root].push_back(n);
    }
    ++n;
  }
  for (auto [process, producer] : deps)
    line("allo_region.start_after(" + std::to_string(process) + ", " + std::to_string(producer) +
         ");");
}

std::string FuncEmitter::callText(func::CallOp call) {
  // Arrays are passed by name; scalars converted to the callee's parameter types.
  auto callee = mod.module.lookupSymbol<func::FuncOp>(call.getCallee());
  std::string args, tmpl;
  bool first = true;
  for (unsigned i = 0, n = call.getNumOperands(); i < n; ++i) {
    Value v = call.getOperand(i);
    if (callee && callee.getArgAttr(i, AlloDialect::kTemplateParam)) {
      tmpl += (tmpl.empty() ? "" : ", ") + as(v, typeOf(callee.getArgument(i)), PCond);
      continue;
    }
    args += first ? "" : ", ";
    first = false;
    auto ct = callee ? callee.getArgAttrOfType<StringAttr>(i, AlloDialect::kCType) : StringAttr();
    int64_t agg = callee && !callee.isExternal() ? aggregateOf(callee.getArgument(i), callee) : -1;
    if (agg >= 0) {
      // The fields of one struct parameter: one C++ argument.
      unsigned count = 1;
      while (i + count < n && aggregateOf(callee.getArgument(i + count), callee) == agg)
        ++count;
      FailureOr<std::string> a = structArgument(call, callee, i, count);
      if (failed(a)) {
        failedEmission = true;
        return "";
      }
      args += *a;
      i += count - 1;
      continue;
    }
    if (llvm::isa<MemRefType>(v.getType()) || llvm::isa<StreamType>(v.getType())) {
      if (!fieldOf(rootMemref(v), func).empty()) {
        call.emitError("vhls: a field of a struct is passed to '")
            << call.getCallee() << "', whose parameter is not a struct";
        failedEmission = true;
        return "";
      }
      args += memName(v);
    } else if (ct && callee.getArgAttr(i, AlloDialect::kFixedScale)) {
      // A fixed-point parameter: build the value from its raw bits.
      mod.helpers.fromBits = true;
      args += "allo_from_bits<" + elementCType(ct.getValue()) + ">(" +
              as(v, typeOf(callee.getArgument(i)), PCond) + ")";
    } else {
      CType pt = !callee               ? typeOf(v)
                 : callee.isExternal() ? ctypeFor(callee.getFunctionType().getInput(i), false)
                                       : typeOf(callee.getArgument(i));
      args += as(v, pt, PCond);
    }
  }
  // A C library function stands for the C++ one it was raised from.
  if (auto ext = callee ? callee->getAttrOfType<StringAttr>(AlloDialect::kExtern) : StringAttr())
    return ext.getValue().str() + "(" + args + ")";
  if (!tmpl.empty())
    return sanitize(call.getCallee()) + "<" + tmpl + ">(" + args + ")";
  return sanitize(call.getCallee()) + "(" + args + ")";
}

LogicalResult FuncEmitter::emitLock(Operation *op) {
  // `hls::write_lock<B> b(s);` and its scope. Braces delimit the scope unless
  // the lock is the last statement of its block (the scope ends there anyway).
  Operation *next = op->getNextNode();
  bool braces = next && !(next->hasTrait<OpTrait::IsTerminator>() &&
                          (next->getNumOperands() == 0 || isa<affine::AffineYieldOp>(next)));
  if (braces) {
    line("{");
    ++indent;
  }
  auto n = op->getAttrOfType<StringAttr>(AlloDialect::kName);
  auto ct = op->getAttrOfType<StringAttr>(AlloDialect::kCType);
  Region &body = op->getRegion(0);
  std::string name = fresh(n ? n.getValue() : "blk");
  names[body.front().getArgument(0)] = name;
  Value stream = op->getOperand(0);
  auto st = llvm::cast<StreamType>(stream.getType());
  std::string block =
      ct ? ct.getValue().str() : ctypeFor(st.getBlockType().getElementType(), false).name();
  if (!ct)
    for (int64_t d : st.getBlockType().getShape())
      block += "[" + std::to_string(d) + "]";
  mod.usesBlocks = true;
  line(std::string(isa<StreamWriteLockOp>(op) ? "hls::write_lock<" : "hls::read_lock<") + block +
       "> " + name + "(" + memName(stream) + ");");
  if (failed(emitBlock(body.front())))
    return failure();
  if (braces) {
    --indent;
    line("}");
  }
  return success();
}

LogicalResult FuncEmitter::emitIfElse(const std::string &cond, Block *thenB, Block *elseB) {
  line("if (" + cond + ") {");
  ++indent;
  if (failed(emitBlock(*thenB)))
    return failure();
  --indent;
  if (elseB) {
    line("} else {");
    ++indent;
    if (failed(emitBlock(*elseB)))
      return failure();
    --indent;
  }
  line("}");
  return success();
}

LogicalResult FuncEmitter::emitBlock(Block &b) {
  for (Operation &op : b)
    if (!skip.count(&op) && failed(emitOp(&op)))
      return failure();
  return success();
}

LogicalResult FuncEmitter::emitStreamWrite(StreamWriteOp w) {
  Operation *op = w.getOperation();
  std::string x = as(w.getValue(), typeOf(w.getValue()), PCond);
  // A fixed-point element: the value written is built from its raw bits.
  if (std::string fct = fixedStreamCType(w.getStream()); !fct.empty()) {
    mod.helpers.fromBits = true;
    x = "allo_from_bits<" + fct + ">(" + x + ")";
  }
  line(memName(w.getStream()) + ".write(" + x + ");");
  return success();
}

LogicalResult FuncEmitter::emitYield(scf::YieldOp y) {
  Operation *op = y.getOperation();
  // Results of an scf.if are assigned in each branch.
  if (auto ifOp = llvm::dyn_cast<scf::IfOp>(op->getParentOp()))
    for (auto [res, v] : llvm::zip(ifOp.getResults(), y.getOperands()))
      line(names[res] + " = " + as(v, typeOf(res), PCond) + ";");
  return success();
}

LogicalResult FuncEmitter::emitReturn(func::ReturnOp ret) {
  Operation *op = ret.getOperation();
  if (ret.getNumOperands() == 0) {
    if (op->getBlock() != &func.getBody().front() || op != &func.getBody().front().back())
      line("return;");
    return success();
  }
  if (auto fields = func->getAttrOfType<ArrayAttr>(AlloDialect::kResultFields)) {
    // A struct: built from its fields.
    llvm::SmallVector<std::string, 8> paths, values;
    for (auto [v, f] : llvm::zip(ret.getOperands(), fields)) {
      auto d = llvm::cast<DictionaryAttr>(f);
      paths.push_back(d.getAs<StringAttr>("field").getValue().str());
      llvm::StringRef fct = d.getAs<StringAttr>("ctype").getValue();
      std::string x = as(v, ctypeFor(v.getType(), (bool)d.get("unsigned")), PCond);
      if (d.get("fixed_scale")) {
        mod.helpers.fromBits = true;
        x = "allo_from_bits<" + elementCType(fct) + ">(" + x + ")";
      }
      values.push_back(x);
    }
    line("return " + func->getAttrOfType<StringAttr>(AlloDialect::kResultCType).getValue().str() +
         bracedInit(paths, values) + ";");
    return success();
  }
  Value v = ret.getOperand(0);
  if (auto rc = func->getAttrOfType<StringAttr>(AlloDialect::kResultCType);
      rc && func.getResultAttr(0, AlloDialect::kFixedScale)) {
    mod.helpers.fromBits = true;
    line("return allo_from_bits<" + elementCType(rc.getValue()) + ">(" + as(v, typeOf(v), PCond) +
         ");");
    return success();
  }
  line("return " + as(v, typeOf(v), PCond) + ";");
  return success();
}

LogicalResult FuncEmitter::emitAssignment(std::string lhs, Value memref, Value value) {
  if (!fixedElemCType(memref).empty())
    lhs += ".range()"; // raw bits of an ap_fixed
  line(lhs + " = " + as(value, typeOf(value), PCond) + ";");
  return success();
}

LogicalResult FuncEmitter::emitAffineStore(affine::AffineStoreOp st) {
  return emitAssignment(indicesOf(st, st.getMemRef(), st.getAffineMap(), st.getMapOperands(), {}),
                        st.getMemRef(), st.getValueToStore());
}

LogicalResult FuncEmitter::emitStore(memref::StoreOp st) {
  return emitAssignment(indicesOf(st, st.getMemRef(), AffineMap(), {}, st.getIndices()),
                        st.getMemRef(), st.getValueToStore());
}

LogicalResult FuncEmitter::emitAffineFor(affine::AffineForOp f) {
  Operation *op = f.getOperation();
  bool shadows = false;
  std::string iv = loopVarName(op, shadows);
  names[f.getInductionVar()] = iv;
  std::string header;
  auto revStart = f->getAttrOfType<AffineMapAttr>(AlloDialect::kReverseStart);
  auto revLimit = f->getAttrOfType<AffineMapAttr>(AlloDialect::kReverseLimit);
  auto revStep = f->getAttrOfType<IntegerAttr>(AlloDialect::kReverseStep);
  if (revStart && revLimit && revStep && revStep.getInt() == 1 && f.getStepAsInt() == 1 &&
      f.hasConstantLowerBound() && f.getConstantLowerBound() == 0 &&
      f.getLowerBoundOperands().size() == revStart.getValue().getNumDims()) {
    // The normalised counter of a decreasing loop: print the source's loop.
    ValueRange ops = f.getLowerBoundOperands();
    std::string start = affine(revStart.getValue().getResult(0), ops).text;
    std::string limit = affineBound(revLimit.getValue(), ops, true);
    reversed[f.getInductionVar()] = {revStart.getValue(),
                                     llvm::SmallVector<Value, 4>(ops.begin(), ops.end())};
    header = "for (int " + iv + " = " + start + "; " + iv + " >= " + limit + "; " + iv + "--)";
  } else {
    std::string lb = affineBound(f.getLowerBoundMap(), f.getLowerBoundOperands(), true);
    std::string ub = affineBound(f.getUpperBoundMap(), f.getUpperBoundOperands(), false);
    std::string step =
        f.getStepAsInt() == 1 ? iv + "++" : iv + " += " + std::to_string(f.getStepAsInt());
    header = "for (int " + iv + " = " + lb + "; " + iv + " < " + ub + "; " + step + ")";
  }
  return emitCountedLoop(op, header, *f.getBody(), iv, shadows);
}

LogicalResult FuncEmitter::emitCountedLoop(Operation *op, const std::string &header, Block &body,
                                           const std::string &iv, bool shadows) {
  std::string c = locComment(op->getLoc());
  line(loopLabel(op) + ":");
  line(header + " {" + (c.empty() ? "" : " // " + c));
  ++indent;
  loopPragmas(op);
  if (failed(emitBlock(body)))
    return failure();
  --indent;
  line("}");
  if (!shadows)
    used.erase(iv); // siblings may reuse the loop variable's name
  return success();
}

LogicalResult FuncEmitter::emitFor(scf::ForOp f) {
  Operation *op = f.getOperation();
  bool shadows = false;
  std::string iv = loopVarName(op, shadows);
  names[f.getInductionVar()] = iv;
  CType it;
  it.kind = CType::Index;
  std::string step = as(f.getStep(), it, PCond);
  std::string header = "for (int " + iv + " = " + as(f.getLowerBound(), it, PCond) + "; " + iv +
                       " < " + as(f.getUpperBound(), it, PRel - 1) + "; " +
                       (step == "1" ? iv + "++" : iv + " += " + step) + ")";
  return emitCountedLoop(op, header, *f.getBody(), iv, shadows);
}

LogicalResult FuncEmitter::emitWhile(scf::WhileOp w) {
  Operation *op = w.getOperation();
  if (w.getNumResults() || w.getBefore().front().getNumArguments())
    return op->emitError("vhls: loop-carried values in scf.while are not supported");
  std::string c = locComment(op->getLoc());
  line(loopLabel(op) + ":");
  line(std::string("while (true) {") + (c.empty() ? "" : " // " + c));
  ++indent;
  loopPragmas(op);
  Block &before = w.getBefore().front();
  for (Operation &inner : before.without_terminator())
    if (failed(emitOp(&inner)))
      return failure();
  CType bt;
  bt.kind = CType::Bool;
  auto cond = llvm::cast<scf::ConditionOp>(before.getTerminator());
  line("if (!" + as(cond.getCondition(), bt, PUnary) + ")");
  line("  break;");
  if (failed(emitBlock(w.getAfter().front())))
    return failure();
  --indent;
  line("}");
  return success();
}

LogicalResult FuncEmitter::emitIf(scf::IfOp ifOp) {
  Operation *op = ifOp.getOperation();
  for (Value r : ifOp.getResults()) {
    std::string n = fresh("sel");
    line(typeOf(r).name() + " " + n + ";");
    names[r] = n;
  }
  CType bt;
  bt.kind = CType::Bool;
  // An else holding only its terminator prints nothing.
  Block *elseB = ifOp.elseBlock();
  if (elseB && elseB->getOperations().size() == 1 && ifOp.getNumResults() == 0)
    elseB = nullptr;
  return emitIfElse(as(ifOp.getCondition(), bt, PCond), ifOp.thenBlock(), elseB);
}

LogicalResult FuncEmitter::emitAffineIf(affine::AffineIfOp ifOp) {
  Operation *op = ifOp.getOperation();
  IntegerSet set = ifOp.getIntegerSet();
  ValueRange operands = ifOp.getOperands();
  std::string cond;
  for (unsigned i = 0; i < set.getNumConstraints(); ++i) {
    // e >= 0 / e == 0 with e = P - N is printed as P >= N (N <= P when P is
    // a constant), which is how the source wrote it.
    AffineExpr e = symbolsToDims(set.getConstraint(i), set.getNumDims(), set.getNumSymbols());
    llvm::SmallVector<Value, 8> ifOperands(operands.begin(), operands.end());
    e = unreverse(e, ifOperands);
    llvm::SmallVector<AffineExpr, 4> terms;
    std::function<void(AffineExpr)> flatten = [&](AffineExpr x) {
      if (x.getKind() == AffineExprKind::Add) {
        auto b = llvm::cast<AffineBinaryOpExpr>(x);
        flatten(b.getLHS());
        flatten(b.getRHS());
      } else {
        terms.push_back(x);
      }
    };
    flatten(e);
    AffineExpr pos = getAffineConstantExpr(0, e.getContext());
    AffineExpr neg = pos;
    for (AffineExpr t : terms) {
      bool negative = false;
      if (auto c = llvm::dyn_cast<AffineConstantExpr>(t))
        negative = c.getValue() < 0;
      else if (t.getKind() == AffineExprKind::Mul)
        if (auto k = llvm::dyn_cast<AffineConstantExpr>(llvm::cast<AffineBinaryOpExpr>(t).getRHS()))
          negative = k.getValue() < 0;
      if (negative)
        neg = neg - t;
      else
        pos = pos + t;
    }
    std::string ps = affineExpr(pos, ifOperands).text, ns = affineExpr(neg, ifOperands).text;
    std::string s;
    if (set.isEq(i))
      s = ps + " == " + ns;
    else if (llvm::isa<AffineConstantExpr>(pos) && !llvm::isa<AffineConstantExpr>(neg))
      s = ns + " <= " + ps;
    else
      s = ps + " >= " + ns;
    cond += (cond.empty() ? "" : " && ") + s;
  }
  if (cond.empty())
    cond = "true";
  return emitIfElse(cond, ifOp.getThenBlock(), ifOp.hasElse() ? ifOp.getElseBlock() : nullptr);
}

LogicalResult FuncEmitter::emitCall(func::CallOp callOp) {
  Operation *op = callOp.getOperation();
  if (callOp.getNumResults() == 0) {
    std::string text = callText(callOp);
    if (failedEmission)
      return failure();
    if (simRegion && op->getBlock() == &func.getBody().front()) {
      // A process of the region: it runs when the region runs.
      line("allo_region.spawn(\"" +
           allo::processName(callOp, mod.module.lookupSymbol<func::FuncOp>(callOp.getCallee()),
                             false) +
           "\", \"" + locComment(callOp.getLoc()) + "\", [&] { " + text + "; });");
      return success();
    }
    line(text + ";");
    return success();
  }
  auto callee = mod.module.lookupSymbol<func::FuncOp>(callOp.getCallee());
  if (auto fields =
          callee ? callee->getAttrOfType<ArrayAttr>(AlloDialect::kResultFields) : ArrayAttr()) {
    // A struct result: one variable; its fields are the results.
    std::string text = callText(callOp);
    if (failedEmission)
      return failure();
    std::string name = fresh(callOp.getCallee().str() + "_r");
    line(callee->getAttrOfType<StringAttr>(AlloDialect::kResultCType).getValue().str() + " " +
         name + " = " + text + ";");
    for (auto [r, f] : llvm::zip(callOp.getResults(), fields)) {
      auto d = llvm::cast<DictionaryAttr>(f);
      std::string field = name + d.getAs<StringAttr>("field").getValue().str();
      bool u = (bool)d.get("unsigned");
      CType t = ctypeFor(r.getType(), u);
      unsignedCache[r] = u;
      if (d.get("fixed_scale"))
        field = t.name() + "(" + field + ".range())";
      exprs[r] = CExpr{field, PPostfix, t};
      fieldSource[r] = {name, d.getAs<StringAttr>("field").getValue().str()};
    }
    return success();
  }
  return emitGenericOp(op);
}

LogicalResult FuncEmitter::emitGenericOp(Operation *op) {
  if (op->getNumResults() == 1 && op->getNumRegions() == 0) {
    CExpr e;
    if (failed(computeExpr(op, e)))
      return failure();
    return emitValueOp(op, e);
  }
  return op->emitError("vhls: cannot emit operation '") << op->getName() << "'";
}

LogicalResult FuncEmitter::emitOp(Operation *op) {
  if (isa<affine::AffineYieldOp, memref::AllocaOp, memref::GetGlobalOp, StreamCreateOp, LockEndOp,
          memref::CastOp, memref::SubViewOp, memref::ExpandShapeOp>(op))
    return success();
  if (isa<StreamWriteLockOp, StreamReadLockOp>(op))
    return emitLock(op);
  return llvm::TypeSwitch<Operation *, LogicalResult>(op)
      .Case([&](StreamWriteOp o) { return emitStreamWrite(o); })
      .Case([&](scf::YieldOp o) { return emitYield(o); })
      .Case([&](func::ReturnOp o) { return emitReturn(o); })
      .Case([&](affine::AffineStoreOp o) { return emitAffineStore(o); })
      .Case([&](memref::StoreOp o) { return emitStore(o); })
      .Case([&](affine::AffineForOp o) { return emitAffineFor(o); })
      .Case([&](scf::ForOp o) { return emitFor(o); })
      .Case([&](scf::WhileOp o) { return emitWhile(o); })
      .Case([&](scf::IfOp o) { return emitIf(o); })
      .Case([&](affine::AffineIfOp o) { return emitAffineIf(o); })
      .Case([&](func::CallOp o) { return emitCall(o); })
      .Default([&](Operation *) { return emitGenericOp(op); });
}

} // namespace

std::string allo::detail::declarator(llvm::StringRef ctype, llvm::StringRef name) {
  // "int (*)[4]" -> "int (*A)[4]", "int (&)[4]" -> "int (&A)[4]"
  for (llvm::StringRef inner : {"(*)", "(&)"}) {
    size_t at = ctype.find(inner);
    if (at != llvm::StringRef::npos)
      return ctype.substr(0, at + 2).str() + name.str() + ctype.substr(at + 2).str();
  }
  // "const float[8][8]" -> "const float A[8][8]"
  size_t br = ctype.find('[');
  if (br == llvm::StringRef::npos)
    return ctype.str() + " " + name.str();
  return ctype.substr(0, br).rtrim().str() + " " + name.str() + ctype.substr(br).str();
}

namespace {
using allo::detail::declarator;
using allo::detail::signatureOf;

} // namespace

std::string allo::detail::signatureOf(func::FuncOp func,
                                      llvm::SmallVectorImpl<std::string> &params) {
  std::string sig;
  // PE coordinates are template parameters (template <int i, int j>).
  std::string tmpl;
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    if (func.getArgAttr(i, AlloDialect::kTemplateParam)) {
      auto n = func.getArgAttrOfType<StringAttr>(i, AlloDialect::kName);
      tmpl += std::string(tmpl.empty() ? "" : ", ") + "int " +
              sanitize(n ? n.getValue().str() : "p" + std::to_string(i));
    }
  if (!tmpl.empty())
    sig += "template <" + tmpl + "> ";
  if (func->hasAttr(AlloDialect::kStatic))
    sig += "static ";
  else if (func->hasAttr(AlloDialect::kExternC))
    sig += "extern \"C\" ";
  auto scalarName = [](Type t, bool u) {
    if (t.isInteger(1))
      return std::string("bool");
    if (t.isF32())
      return std::string("float");
    if (t.isF64())
      return std::string("double");
    if (t.isIndex())
      return std::string("int");
    unsigned w = t.getIntOrFloatBitWidth();
    if (w == 8 || w == 16 || w == 32 || w == 64)
      return std::string(u ? "uint" : "int") + std::to_string(w) + "_t";
    return std::string(u ? "ap_uint<" : "ap_int<") + std::to_string(w) + ">";
  };
  if (func.getNumResults() == 0)
    sig += "void";
  else if (auto rc = func->getAttrOfType<StringAttr>(AlloDialect::kResultCType))
    sig += rc.getValue().str();
  else
    sig += scalarName(func.getResultTypes()[0], false);
  sig += " " + sanitize(func.getSymName()) + "(";
  llvm::StringSet<> seen;
  bool firstParam = true;
  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    auto n = func.getArgAttrOfType<StringAttr>(i, AlloDialect::kName);
    // The fields of one struct parameter share its name and declaration.
    auto agg = func.getArgAttrOfType<IntegerAttr>(i, AlloDialect::kAggregate);
    if (agg && i > 0 && func.getArgAttrOfType<IntegerAttr>(i - 1, AlloDialect::kAggregate) == agg) {
      params.push_back(params.back());
      continue;
    }
    if (func.getArgAttr(i, AlloDialect::kTemplateParam)) {
      std::string t = sanitize(n ? n.getValue().str() : "p" + std::to_string(i));
      seen.insert(t);
      params.push_back(t);
      continue;
    }
    std::string base = sanitize(n ? n.getValue().str() : "arg" + std::to_string(i));
    std::string pname = base;
    for (unsigned k = 1; seen.contains(pname); ++k)
      pname = base + "_" + std::to_string(k);
    seen.insert(pname);
    params.push_back(pname);
    std::string ctype;
    Type at = func.getArgument(i).getType();
    if (streamTypeOf(at)) {
      // hls::stream<T> &s, hls::stream<T> s[4][2], hls::stream_of_blocks<B> &s.
      // (The class name may hold brackets, `stream_of_blocks<int[8]>`: no declarator().)
      std::string decl = streamClassName(streamTypeOf(at), func.getArgAttr(i, AlloDialect::kCType),
                                         func.getArgAttr(i, AlloDialect::kTypeDepth));
      if (auto mt = llvm::dyn_cast<MemRefType>(at)) {
        decl += " " + pname;
        for (int64_t d : mt.getShape())
          decl += "[" + std::to_string(d) + "]";
      } else {
        decl += " &" + pname;
      }
      sig += (firstParam ? "" : ", ") + decl;
      firstParam = false;
      continue;
    } else if (auto ct = func.getArgAttrOfType<StringAttr>(i, AlloDialect::kCType)) {
      ctype = ct.getValue().str();
    } else {
      Type t = func.getArgument(i).getType();
      bool u = (bool)func.getArgAttr(i, AlloDialect::kUnsigned);
      if (auto mt = llvm::dyn_cast<MemRefType>(t)) {
        ctype = scalarName(mt.getElementType(), u);
        for (int64_t d : mt.getShape())
          ctype += "[" + std::to_string(d) + "]";
      } else {
        ctype = scalarName(t, u);
      }
    }
    // A scalar in memory (a PE's share of a caller's variable) is passed by
    // reference: what the function writes must reach the caller.
    if (auto mt = llvm::dyn_cast<MemRefType>(func.getArgument(i).getType());
        mt && mt.getRank() == 0 && !llvm::StringRef(ctype).trim().ends_with("&"))
      ctype += " &";
    sig += (firstParam ? "" : ", ") + declarator(ctype, pname);
    firstParam = false;
  }
  return sig + ")";
}

std::string allo::vhlsTopDeclarations(ModuleOp module) {
  std::string out;
  for (auto f : module.getOps<func::FuncOp>())
    if (f->hasAttr(AlloDialect::kTop)) {
      llvm::SmallVector<std::string, 8> params;
      out += detail::signatureOf(f, params) + ";\n";
    }
  return out;
}

namespace {

LogicalResult FuncEmitter::declareAllocas() {
  for (Operation &op : func.getBody().front()) {
    if (auto g = llvm::dyn_cast<memref::GetGlobalOp>(op)) {
      // A static local of this function is declared here, where it was.
      auto statics = mod.functionStatics.find(func);
      memref::GlobalOp global;
      if (statics != mod.functionStatics.end())
        for (memref::GlobalOp s : statics->second)
          if (s.getSymName() == g.getName())
            global = s;
      if (!global) {
        names[g.getResult()] = mod.globalNames.lookup(g.getName());
      } else if (auto known = localStatics.find(g.getName()); known != localStatics.end()) {
        names[g.getResult()] = known->second;
      } else {
        auto n = global->getAttrOfType<StringAttr>(AlloDialect::kName);
        std::string name = fresh(n ? n.getValue() : g.getName());
        FailureOr<std::string> decl = mod.globalDecl(global, name);
        if (failed(decl))
          return failure();
        line(*decl);
        localStatics[g.getName()] = name;
        names[g.getResult()] = name;
      }
      partitionPragmas(names[g.getResult()], g->getAttr(AlloDialect::kPartition));
      continue;
    }
    if (auto sc = llvm::dyn_cast<StreamCreateOp>(op)) {
      auto n = sc->getAttrOfType<StringAttr>(AlloDialect::kName);
      std::string name = fresh(n ? n.getValue() : "fifo");
      names[sc.getResult()] = name;
      StreamType st = streamTypeOf(sc.getType());
      std::string cls =
          streamClass(st, sc->getAttr(AlloDialect::kCType), sc->getAttr(AlloDialect::kTypeDepth));
      if (sc->hasAttr(AlloDialect::kStaticLocal))
        cls = "static " + cls; // its contents persist across calls, as in the source
      if (auto mt = llvm::dyn_cast<MemRefType>(sc.getType())) {
        // An array of streams (the FIFOs stay unnamed, as they are in the source).
        std::string dims;
        for (int64_t d : mt.getShape())
          dims += "[" + std::to_string(d) + "]";
        line(cls + " " + name + dims + ";");
      } else if (st.getBlockType()) {
        line(cls + " " + name + ";");
      } else {
        line(cls + " " + name + "(\"" + name + "\");");
      }
      // A stream of blocks takes its depth from the template argument.
      if (!st.getBlockType() ||
          sc.getDepth() != (sc->getAttrOfType<IntegerAttr>(AlloDialect::kTypeDepth)
                                ? sc->getAttrOfType<IntegerAttr>(AlloDialect::kTypeDepth).getInt()
                                : 2))
        line("#pragma HLS stream variable=" + name + " depth=" + std::to_string(sc.getDepth()));
      if (mod.options.sim)
        line("allo::sim::configure(" + name + ", " + std::to_string(sc.getDepth()) + ", \"" + name +
             "\", \"" + locComment(sc.getLoc()) + "\");");
      declPragmas(sc, name);
      continue;
    }
    auto a = llvm::dyn_cast<memref::AllocaOp>(op);
    if (!a)
      continue;
    MemRefType mt = a.getType();
    // A mutable copy of a scalar parameter: keep using the parameter itself.
    if (mt.getRank() == 0) {
      Operation *init = nullptr;
      for (Operation *u : a->getUsers())
        if (isa<memref::StoreOp, affine::AffineStoreOp>(u) && u->getOperand(1) == a.getResult())
          if (u->getBlock() == &func.getBody().front() &&
              llvm::isa<BlockArgument>(u->getOperand(0)) &&
              llvm::cast<BlockArgument>(u->getOperand(0)).getOwner() == &func.getBody().front()) {
            init = u;
            break;
          }
      if (init && init->getOperand(0).hasOneUse()) {
        names[a.getResult()] = names[init->getOperand(0)];
        scalarVars[names[a.getResult()]] = a.getResult();
        skip.insert(init);
        declPragmas(a, names[a.getResult()]); // the parameter's, at the top of the body
        continue;
      }
    }
    // The fields of one struct variable: declared once.
    int64_t agg = aggregateOf(a.getResult(), func);
    if (agg >= 0) {
      auto known = structLocals.find(agg);
      if (known != structLocals.end()) {
        names[a.getResult()] = known->second;
        continue;
      }
    }
    std::string base = "tmp";
    if (auto n = a->getAttrOfType<StringAttr>(AlloDialect::kName))
      base = n.getValue().str();
    else if (mt.getElementType().isInteger(1))
      base = "flag";
    else
      base = "result";
    std::string name = fresh(base);
    names[a.getResult()] = name;
    if (mt.getRank() == 0)
      scalarVars[name] = a.getResult();
    if (agg >= 0)
      structLocals[agg] = name;
    std::string ctype;
    if (auto ct = a->getAttrOfType<StringAttr>(AlloDialect::kCType))
      ctype = ct.getValue().str();
    else {
      ctype = ctypeFor(mt.getElementType(), (bool)a->getAttr(AlloDialect::kUnsigned)).name();
      for (int64_t d : mt.getShape())
        ctype += "[" + std::to_string(d) + "]";
    }
    line(declarator(ctype, name) + ";");
    partitionPragmas(name, a->getAttr(AlloDialect::kPartition));
    declPragmas(a, name);
  }
  return success();
}

llvm::StringMap<std::string> FuncEmitter::userInterfaces(func::FuncOp f) {
  // `interface mode=m_axi port=A ...` or the old `interface m_axi port=A`.
  llvm::StringMap<std::string> ports;
  auto list = f->getAttrOfType<ArrayAttr>(AlloDialect::kPragmas);
  if (!list)
    return ports;
  for (Attribute a : list) {
    llvm::SmallVector<llvm::StringRef, 8> words;
    llvm::StringRef(llvm::cast<StringAttr>(a).getValue()).split(words, ' ', -1, false);
    if (words.empty() || !words[0].equals_insensitive("interface"))
      continue;
    std::string port, mode;
    for (llvm::StringRef w : llvm::ArrayRef(words).drop_front()) {
      auto [k, v] = w.split('=');
      if (!w.contains('='))
        mode = mode.empty() ? w.lower() : mode;
      else if (k.equals_insensitive("port"))
        port = v.str();
      else if (k.equals_insensitive("mode"))
        mode = v.lower();
    }
    if (!port.empty())
      ports[port] = mode;
  }
  return ports;
}

void FuncEmitter::bindParameters(llvm::ArrayRef<std::string> params) {
  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    used.insert(params[i]);
    names[func.getArgument(i)] = params[i];
    // A fixed-point scalar is used as its raw bits.
    auto ct = func.getArgAttrOfType<StringAttr>(i, AlloDialect::kCType);
    Value arg = func.getArgument(i);
    std::string field = fieldOf(arg, func);
    if (!field.empty() && !llvm::isa<MemRefType>(arg.getType())) {
      // A field of a struct passed by value: `p.x`.
      CType t = typeOf(arg);
      auto fct = func.getArgAttrOfType<StringAttr>(i, AlloDialect::kFieldCType);
      std::string text = params[i] + field;
      if (func.getArgAttr(i, AlloDialect::kFixedScale))
        text = t.name() + "(" + text + ".range())";
      exprs[arg] = CExpr{text, PPostfix, t};
      continue;
    }
    if (ct && func.getArgAttr(i, AlloDialect::kFixedScale) &&
        !llvm::isa<MemRefType, StreamType>(arg.getType())) {
      CType t = typeOf(arg);
      exprs[arg] = CExpr{t.name() + "(" + params[i] + ".range())", PPostfix, t};
    }
  }
}

/// UG1399: array_partition is not supported on m_axi ports of the top.
LogicalResult FuncEmitter::checkTopPartitions(const llvm::StringMap<std::string> &userPorts) {
  // UG1399: array_partition is not supported on m_axi ports of the top.
  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    auto n = func.getArgAttrOfType<StringAttr>(i, AlloDialect::kName);
    if (!n || !func.getArgAttr(i, AlloDialect::kPartition) ||
        !llvm::isa<MemRefType>(func.getArgument(i).getType()) ||
        streamTypeOf(func.getArgument(i).getType()))
      continue;
    auto it = userPorts.find(n.getValue());
    bool maxi = it != userPorts.end() ? it->second == "m_axi" : mod.options.interface == "axi";
    if (maxi)
      return mlir::emitError(func.getLoc(), "vhls: '") // (no op dump: it is the user's code)
             << n.getValue() << "' is partitioned, but it is an m_axi port of the top function "
             << "(" << (it != userPorts.end() ? "its interface pragma" : "--interface axi")
             << "), and Vitis HLS does not partition m_axi ports (UG1399): partition a local "
                "copy instead (the buffer_at schedule step), or keep the array's default "
                "interface";
  }
  return success();
}

/// --interface axi: m_axi for arrays, axis for streams, s_axilite for scalars
/// and the return, except the ports the source sets itself.
void FuncEmitter::axiInterfacePragmas(const llvm::StringMap<std::string> &userPorts) {
  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    std::string n = names[func.getArgument(i)];
    int64_t agg = aggregateOf(func.getArgument(i), func);
    if (agg >= 0 && i > 0 && aggregateOf(func.getArgument(i - 1), func) == agg)
      continue;
    if (auto aos = func.getArgAttrOfType<IntegerAttr>(i, AlloDialect::kAoSSize);
        agg >= 0 && llvm::isa<MemRefType>(func.getArgument(i).getType()) &&
        !func.getArgAttrOfType<StringAttr>(i, AlloDialect::kCType).getValue().contains('&')) {
      // An array of structs: its depth in structs.
      auto mt = llvm::cast<MemRefType>(func.getArgument(i).getType());
      std::string field = fieldOf(func.getArgument(i), func);
      unsigned holes = 0;
      for (size_t at = field.find("[]"); at != std::string::npos; at = field.find("[]", at + 2))
        ++holes;
      int64_t structs = 1;
      for (int64_t d = 0; d < mt.getRank() - (int64_t)holes; ++d)
        structs *= mt.getDimSize(d);
      (void)aos;
      line("#pragma HLS interface mode=m_axi port=" + n + " offset=slave bundle=gmem" +
           std::to_string(i) + " depth=" + std::to_string(structs));
      continue;
    }
    if (agg >= 0) {
      line("#pragma HLS interface mode=s_axilite port=" + n);
      continue;
    }
    auto src = func.getArgAttrOfType<StringAttr>(i, AlloDialect::kName);
    if (src && userPorts.count(src.getValue()))
      continue; // the source sets this port's interface itself
    Type at = func.getArgument(i).getType();
    if (streamTypeOf(at))
      line("#pragma HLS interface mode=axis port=" + n);
    else if (auto mt = llvm::dyn_cast<MemRefType>(at))
      line("#pragma HLS interface mode=m_axi port=" + n + " offset=slave bundle=gmem" +
           std::to_string(i) + " depth=" + std::to_string(mt.getNumElements()));
    else
      line("#pragma HLS interface mode=s_axilite port=" + n);
  }
  if (!userPorts.count("return"))
    line("#pragma HLS interface mode=s_axilite port=return");
}

void FuncEmitter::functionPragmas() {
  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    int64_t agg = aggregateOf(func.getArgument(i), func);
    if (agg >= 0 && i > 0 && aggregateOf(func.getArgument(i - 1), func) == agg)
      continue;
    partitionPragmas(names[func.getArgument(i)], func.getArgAttr(i, AlloDialect::kPartition));
  }
  if (auto ii = func->getAttrOfType<IntegerAttr>(AlloDialect::kPipelineII))
    line("#pragma HLS pipeline II=" + std::to_string(ii.getInt()));
  // A region's calls are its processes, running concurrently.
  if (func->hasAttr(AlloDialect::kDataflow) || func->hasAttr(AlloDialect::kRegion))
    line("#pragma HLS dataflow");
  if (auto inl = func->getAttrOfType<IntegerAttr>(AlloDialect::kInline))
    line(inl.getInt() ? "#pragma HLS inline" : "#pragma HLS inline off");
  else if (func->hasAttr(AlloDialect::kPEOf))
    line("#pragma HLS inline off"); // a PE stays a process of its region
  verbatimPragmas(func);
}

/// The sizes of subviews are not printed (a C++ pointer carries none): skip
/// the arithmetic that only computes them.
void FuncEmitter::skipSubviewSizes() {
  func.walk([&](memref::SubViewOp sv) {
    llvm::SmallVector<Value, 4> work(sv.getSizes().begin(), sv.getSizes().end());
    while (!work.empty()) {
      Value v = work.pop_back_val();
      Operation *d = v.getDefiningOp();
      if (!d || skip.count(d) || !isMemoryEffectFree(d) || d->getNumRegions() ||
          !llvm::all_of(v.getUsers(), [&](Operation *u) {
            return skip.count(u) || (isa<memref::SubViewOp>(u) &&
                                     llvm::is_contained(cast<memref::SubViewOp>(u).getSizes(), v));
          }))
        continue;
      skip.insert(d);
      work.append(d->operand_begin(), d->operand_end());
    }
  });
}

LogicalResult FuncEmitter::emit() {
  // Signature: the C++ types as written, so testbenches link unchanged.
  llvm::SmallVector<std::string, 8> params;
  std::string sig = signatureOf(func, params);
  bindParameters(params);
  for (unsigned i = 0; i < func.getNumArguments(); ++i)
    if (StreamType st = streamTypeOf(func.getArgument(i).getType()); st && st.getBlockType())
      mod.usesBlocks = true;
  std::string c = locComment(func.getLoc());
  out += "// " + func.getSymName().str() + (c.empty() ? "" : " (from " + c + ")") + "\n";
  out += sig + " {\n";
  bool top = func->hasAttr(AlloDialect::kTop);
  // The source's own interface pragmas (kept verbatim): port -> mode.
  llvm::StringMap<std::string> userPorts = userInterfaces(func);
  if (top && failed(checkTopPartitions(userPorts)))
    return failure();
  if (top && mod.options.interface == "axi")
    axiInterfacePragmas(userPorts);
  functionPragmas();
  skipSubviewSizes();
  if (failed(declareAllocas()))
    return failure();
  // Regions and the PE grids of unfold/relay: their calls are processes.
  simRegion = mod.options.sim &&
              (func->hasAttr(AlloDialect::kRegion) || func->hasAttr(AlloDialect::kPEGrid));
  if (simRegion)
    line("allo::sim::Region allo_region(\"" + func.getSymName().str() + "\", \"" +
         locComment(func.getLoc()) + "\");");
  if (failed(emitBlock(func.getBody().front())))
    return failure();
  if (simRegion) {
    simArrayOrder();
    line("allo_region.run();");
  }
  out += "}\n\n";
  return success();
}

//===----------------------------------------------------------------------===//
// Module
//===----------------------------------------------------------------------===//

/// An element of a table's initializer, as a literal of its C++ type.
FailureOr<std::string> elementLiteral(Attribute a, Type t, bool isUnsigned, int fixedScale,
                                      llvm::StringRef elemCType) {
  if (auto f = llvm::dyn_cast<FloatAttr>(a))
    return floatLiteral(f.getValue(), t.isF32());
  auto i = llvm::dyn_cast<IntegerAttr>(a);
  if (!i)
    return failure();
  if (t.isInteger(1))
    return std::string(i.getValue().isZero() ? "false" : "true");
  llvm::APInt v = i.getValue();
  if (fixedScale >= 0) {
    // The exact value raw * 2^-F: a double when the raw integer fits its
    // mantissa (a conversion from it is then exact).
    llvm::APInt raw = isUnsigned ? v.zext(v.getBitWidth() + 1) : v;
    if (raw.getSignificantBits() > 53)
      return failure();
    double d = std::ldexp((double)raw.getSExtValue(), -fixedScale);
    return floatLiteral(APFloat(d), false);
  }
  if (v.getBitWidth() > 64 && !(isUnsigned ? v.isIntN(64) : v.isSignedIntN(64))) {
    llvm::SmallString<40> hex;
    v.toStringUnsigned(hex, 16);
    return elemCType.str() + "(\"" + std::string(hex) + "\", 16)";
  }
  if (isUnsigned) {
    uint64_t u = v.getZExtValue();
    return std::to_string(u) + (u > (uint64_t)INT64_MAX ? "ULL" : u > UINT32_MAX ? "LL" : "");
  }
  int64_t x = v.getSExtValue();
  if (x == INT64_MIN)
    return std::string("(-9223372036854775807LL - 1)");
  if (x < INT32_MIN || x > INT32_MAX)
    return std::to_string(x) + "LL";
  return std::to_string(x);
}

FailureOr<std::string> ModuleEmitter::globalDecl(memref::GlobalOp g, llvm::StringRef name) {
  auto init = llvm::dyn_cast_or_null<DenseElementsAttr>(g.getInitialValueAttr());
  if (!init)
    return g.emitError("vhls: a global must have a constant initializer");
  MemRefType mt = g.getType();
  bool u = (bool)g->getAttr(AlloDialect::kUnsigned);
  Type et = mt.getElementType();
  std::string ctype;
  if (auto ct = g->getAttrOfType<StringAttr>(AlloDialect::kCType)) {
    ctype = ct.getValue().str();
  } else {
    CType c;
    if (et.isF32())
      c.kind = CType::Float;
    else if (et.isF64())
      c.kind = CType::Double;
    else if (et.isInteger(1))
      c.kind = CType::Bool;
    else {
      c.width = et.getIntOrFloatBitWidth();
      c.isSigned = !u;
    }
    ctype = c.name();
    for (int64_t d : mt.getShape())
      ctype += "[" + std::to_string(d) + "]";
  }
  if (g.getConstant() && !llvm::StringRef(ctype).starts_with("const "))
    ctype = "const " + ctype;
  int scale = -1;
  if (auto fs = g->getAttrOfType<IntegerAttr>(AlloDialect::kFixedScale))
    scale = fs.getInt();
  std::string elemCType = elementCType(ctype);
  std::string values;
  unsigned k = 0;
  for (Attribute a : init.getValues<Attribute>()) {
    FailureOr<std::string> lit = elementLiteral(a, et, u, scale, elemCType);
    if (failed(lit))
      return g.emitError("vhls: cannot print an element of '")
             << name << "' (a fixed-point value wider than 53 bits)";
    values += (k++ ? ", " : "") + *lit;
  }
  std::string decl = "static " + declarator(ctype, name);
  if (mt.getRank() == 0)
    return decl + " = " + values + ";";
  // All zeros (a state array): value-initialised.
  if (init.isSplat()) {
    Attribute first = *init.getValues<Attribute>().begin();
    bool zero = llvm::isa<IntegerAttr>(first) ? llvm::cast<IntegerAttr>(first).getValue().isZero()
                                              : llvm::cast<FloatAttr>(first).getValue().isPosZero();
    if (zero)
      return decl + " = {};";
  }
  return decl + " = {" + values + "};";
}

std::string ModuleEmitter::aliasDeclarations() const {
  auto list = module->getAttrOfType<ArrayAttr>(AlloDialect::kTypedefs);
  if (!list)
    return "";
  std::string s;
  for (Attribute a : list) {
    auto d = llvm::cast<DictionaryAttr>(a);
    std::string decl = "using " + d.getAs<StringAttr>("name").getValue().str() + " = " +
                       d.getAs<StringAttr>("type").getValue().str() + ";";
    llvm::SmallVector<llvm::StringRef, 2> scopes;
    d.getAs<StringAttr>("scope").getValue().split(scopes, "::", -1, false);
    for (auto it = scopes.rbegin(); it != scopes.rend(); ++it)
      decl = "namespace " + it->str() + " {\n" + decl + "\n}";
    s += decl + "\n";
  }
  return s + "\n";
}

/// clang-format (LLVM style, 100 columns) of the emitted code, with every
/// `#pragma HLS` line kept verbatim and on a line of its own.
static std::string formatKeepingPragmas(std::string text) {
  // clang-format would respace pragma options (variable = A); keep each
  // pragma verbatim behind a placeholder comment and put it back after.
  std::vector<std::string> pragmas;
  std::string protectedText;
  llvm::SmallVector<llvm::StringRef, 256> lines;
  llvm::StringRef(text).split(lines, '\n');
  for (llvm::StringRef l : lines) {
    if (l.trim().starts_with("#pragma HLS")) {
      protectedText += "ALLO_PRAGMA_" + std::to_string(pragmas.size()) + ";\n";
      pragmas.push_back(l.trim().str());
    } else {
      protectedText += l.str() + "\n";
    }
  }
  text = protectedText;
  clang::format::FormatStyle style = clang::format::getLLVMStyle();
  style.ColumnLimit = 100;
  auto repl =
      clang::format::reformat(style, text, {clang::tooling::Range(0, text.size())}, "kernel.cpp");
  auto formatted = clang::tooling::applyAllReplacements(text, repl);
  if (formatted)
    text = *formatted;
  else
    llvm::consumeError(formatted.takeError());
  // A placeholder is usually alone on its line, but the formatter joins a
  // body of nothing but placeholders onto its signature (`void f() {
  // ALLO_PRAGMA_0; }`): a pragma must be a line of its own, so such a line
  // is split around each placeholder.
  std::string restored;
  lines.clear();
  llvm::StringRef(text).split(lines, '\n');
  for (size_t i = 0; i < lines.size(); ++i) {
    llvm::StringRef l = lines[i];
    std::string indent = l.take_front(l.size() - l.ltrim().size()).str();
    llvm::StringRef rest = l.ltrim();
    bool first = true, opened = false;
    auto piece = [&](llvm::StringRef text, bool pragma) {
      if (!first)
        restored += "\n";
      restored += indent + (pragma && opened ? "  " : "") + text.str();
      first = false;
    };
    for (;;) {
      size_t at = rest.find("ALLO_PRAGMA_");
      if (at == llvm::StringRef::npos)
        break;
      llvm::StringRef num = rest.drop_front(at + strlen("ALLO_PRAGMA_"));
      size_t digits = num.find_first_not_of("0123456789");
      unsigned k;
      if (digits == 0 || digits == llvm::StringRef::npos || num[digits] != ';' ||
          num.take_front(digits).getAsInteger(10, k) || k >= pragmas.size())
        break;
      llvm::StringRef before = rest.take_front(at).rtrim();
      if (!before.empty()) {
        piece(before, false);
        opened = before.ends_with("{");
      }
      piece(pragmas[k], true);
      rest = num.drop_front(digits + 1).ltrim();
    }
    if (!rest.empty() || first)
      piece(rest, false);
    if (i + 1 < lines.size())
      restored += "\n";
  }
  return restored;
}

LogicalResult ModuleEmitter::emit(llvm::raw_ostream &os) {
  std::string body;
  // Which functions use each global (one walk over the module).
  llvm::DenseMap<StringRef, llvm::SmallSetVector<Operation *, 2>> users;
  module.walk([&](memref::GetGlobalOp get) {
    users[get.getName()].insert(get->getParentOfType<func::FuncOp>());
  });
  // Constant tables (and static locals used by several functions, which
  // schedules can create) at namespace scope; static locals in their function.
  for (auto g : module.getOps<memref::GlobalOp>()) {
    std::string name = sanitize(g.getSymName());
    globalNames[g.getSymName()] = name;
    auto it = users.find(g.getSymName());
    if (g->hasAttr(AlloDialect::kStaticLocal) && it != users.end() && it->second.size() == 1) {
      functionStatics[it->second.front()].push_back(g);
      continue;
    }
    FailureOr<std::string> decl = globalDecl(g, name);
    if (failed(decl))
      return failure();
    body += *decl + "\n";
  }
  if (!body.empty())
    body += "\n";

  // Callees before callers (a post-order over calls from every function).
  llvm::SetVector<func::FuncOp> order;
  llvm::DenseSet<Operation *> visiting;
  std::function<void(func::FuncOp)> visit = [&](func::FuncOp f) {
    if (order.contains(f) || !visiting.insert(f).second)
      return;
    f.walk([&](func::CallOp c) {
      if (auto callee = module.lookupSymbol<func::FuncOp>(c.getCallee()))
        visit(callee);
    });
    order.insert(f);
  };
  for (auto f : module.getOps<func::FuncOp>())
    visit(f);
  for (func::FuncOp f : order) {
    if (f.isExternal() && f->hasAttr(AlloDialect::kExtern))
      continue; // a library function (hls::nextafter, ...): declared by its header
    if (f.isExternal())
      return f.emitError("vhls: function '") << f.getSymName() << "' has no body";
    if (failed(FuncEmitter(*this, f, body).emit()))
      return failure();
  }

  std::string text = std::string(options.sim ? "// Generated by allo-rewrite --target sim (Allo "
                                               "C++): the concurrent simulator's build of the "
                                               "Vitis HLS code.\n"
                                             : "// Generated by allo-rewrite --target vhls (Allo "
                                               "C++). Vitis HLS 2022.1+.\n") +
                     "#include <ap_fixed.h>\n#include <ap_int.h>\n#include <hls_math.h>\n"
                     "#include <hls_stream.h>\n" +
                     std::string(usesBlocks ? "#include <hls_streamofblocks.h>\n" : "") +
                     std::string(options.sim ? "#include <allo_sim.h>\n" : "") +
                     "#include <cmath>\n#include <cstdint>\n#include <limits>\n\n";
  if (auto defs = module->getAttrOfType<ArrayAttr>(AlloDialect::kStructs)) {
    // The structs the code uses (a testbench may define them too: the
    // emitted file is its own translation unit).
    for (Attribute d : defs)
      text += llvm::cast<StringAttr>(d).getValue().str();
    text += "\n";
  }
  // After the structs: an alias may name one.
  text += aliasDeclarations();
  std::string helpers = this->helpers.text();
  if (!helpers.empty())
    text += helpers + "\n";
  text += body;
  if (options.format)
    text = formatKeepingPragmas(std::move(text));
  os << text;
  return success();
}

} // namespace

LogicalResult allo::emitVHLS(ModuleOp module, llvm::raw_ostream &os, const VHLSOptions &options) {
  return ModuleEmitter(module, options).emit(os);
}
