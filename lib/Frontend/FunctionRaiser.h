//===- FunctionRaiser.h - Raising one C++ function (private) -----*- C++ -*-===//
//
// Shared by the Raise*.cpp files. A ModuleRaiser owns the module and the
// worklist of functions; a FunctionRaiser emits one function body.
//
// Values: every C++ expression of scalar type becomes one SSA value of the
// mapped MLIR type (signless; signedness is taken from the C++ type at each
// operation). Variables are bound as
//   * Affine: an affine expression over loop induction variables and
//     top-level index values (loop variables, and immutable integer locals
//     initialised by affine expressions) — no storage at all;
//   * SSA: immutable scalars (parameters never assigned, const-like locals);
//   * Memory: a memref (rank 0 for mutable scalars, N-d for arrays); all
//     allocas are placed at the function entry.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_LIB_FRONTEND_FUNCTIONRAISER_H
#define ALLO_LIB_FRONTEND_FUNCTIONRAISER_H

#include "allo/Attrs/ClangAttrs.h"
#include "allo/Frontend/LoopNaming.h"
#include "allo/Frontend/Raise.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/StmtCXX.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/ADT/SmallVector.h"

#include <deque>
#include <memory>
#include <optional>

namespace allo {
struct HLSPragma;
namespace raise {

/// Thrown after a located error has been reported; unwinds to the function
/// being raised (never through MLIR or Clang frames).
struct RaiseError {};

/// Scalar type facts the raiser needs beyond the MLIR type.
struct ScalarInfo {
  mlir::Type type;
  bool isSigned = true;
  bool isFloat = false;
  bool isBool = false;
  int fixedScale = -1; ///< fractional bits of ap_fixed, -1 otherwise
};

/// hls::stream<T[, DEPTH]>, allo::stream<T>, or hls::stream_of_blocks<B[, DEPTH]>.
struct StreamInfo {
  clang::QualType elementType; ///< T, or the block type B
  ScalarInfo element;          ///< T, or the scalar elements of B
  int64_t depth = 0;           ///< DEPTH template argument, 0 if none
  mlir::MemRefType block;      ///< B as a memref, for a stream of blocks
  /// The element type of the !allo.stream.
  mlir::Type mlirElement() const { return block ? mlir::Type(block) : element.type; }
};

/// A specialization of the class template `hls::<name>` (also `allo::<name>`
/// when `allowAllo`), null otherwise.
const clang::ClassTemplateSpecializationDecl *
hlsClassTemplate(clang::QualType t, llvm::StringRef name, bool allowAllo = false);

/// An array of streams, `hls::stream<T> s[N0][N1]`.
struct StreamArrayInfo {
  StreamInfo stream;
  llvm::SmallVector<int64_t, 4> shape;
};

/// A scalar field of a struct, after flattening nested structs and arrays:
/// `.pos.x`, `.coef[]` (an array field), `.taps[].re` (a field of the
/// structs of an array field). Each `[]` is one array dimension.
struct FieldLeaf {
  std::string path;
  llvm::SmallVector<int64_t, 2> dims;    ///< extents of the `[]`s, in order
  llvm::SmallVector<int64_t, 2> strides; ///< their byte strides in the struct
  clang::QualType type;                  ///< the scalar C++ type
  ScalarInfo scalar;
  uint64_t offset = 0; ///< bytes from the start of the struct (first element)
  uint64_t bytes = 0;  ///< sizeof(type)
  unsigned depth = 0;  ///< number of '.' in the path
};

/// A struct of scalars, arrays and structs (an aggregate Allo raises by
/// scalar replacement: one value or memref per leaf).
struct StructInfo {
  const clang::RecordDecl *decl = nullptr;
  clang::QualType type; ///< canonical, unqualified
  std::vector<FieldLeaf> leaves;
  uint64_t size = 0; ///< sizeof, from Clang's record layout
  /// The leaves under `prefix` (a sub-struct path, "" = all): [first, end).
  std::pair<unsigned, unsigned> range(llvm::StringRef prefix) const;
};

/// Maps C++ types to MLIR types.
class TypeMapper {
public:
  TypeMapper(clang::ASTContext &ast, mlir::MLIRContext &ctx) : ast(ast), ctx(ctx) {}
  /// The struct `t` (cv-qualifiers ignored) if it is one Allo raises, else null.
  const StructInfo *structInfo(clang::QualType t) const;
  /// True if `t` names a class type that is not an ap_* / stream type (a
  /// user struct, supported or not).
  bool isUserStruct(clang::QualType t) const;
  /// Null if the type is not a supported scalar.
  std::optional<ScalarInfo> scalar(clang::QualType t) const;
  /// Null if not a fixed-size array of supported scalars.
  mlir::MemRefType array(clang::QualType t) const;
  /// Null if `t` (or what it refers to) is not a stream of a supported scalar
  /// (or of blocks of them).
  std::optional<StreamInfo> stream(clang::QualType t) const;
  /// Null if `t` is not a fixed-size array of such streams.
  std::optional<StreamArrayInfo> streamArray(clang::QualType t) const;
  /// True for hls::stream_of_blocks / hls::write_lock / hls::read_lock
  /// specializations (any element type), to name them in errors.
  bool isBlockStreamClass(clang::QualType t) const;
  /// Describes why `t` is unsupported.
  std::string explain(clang::QualType t) const;

  clang::ASTContext &ast;
  mlir::MLIRContext &ctx;

private:
  /// Why `t` is not a supported struct ("" if it is).
  std::string structProblem(clang::QualType t) const;
  mutable llvm::DenseMap<const clang::Type *, std::unique_ptr<StructInfo>> structs;
  mutable llvm::DenseMap<const clang::Type *, std::string> structProblems;
};

/// An affine expression with its operands (all treated as dimensions).
struct AffineValue {
  mlir::AffineExpr expr;
  llvm::SmallVector<mlir::Value, 4> operands;
};

/// An index into one dimension of an array: an affine expression when the
/// C++ expression is affine, else an `index` value.
struct IndexValue {
  std::optional<AffineValue> affine;
  mlir::Value value;
};

/// The fields of a struct variable or array of structs (RaiseStruct.cpp):
/// one memref per leaf of `info` (the struct array's `structRank`
/// dimensions first, then the leaf's own), or, for an unmodified by-value
/// parameter, one SSA value per scalar leaf.
struct Aggregate {
  const StructInfo *info = nullptr;
  unsigned structRank = 0;
  llvm::SmallVector<mlir::Value, 8> leaves;
};

/// Where an array or pointer expression points (RaiseArrayAccess.cpp):
///  * `pointer`: a pointer to element idx[0]...[idx.size()-1] of `memref`,
///    i.e. into the array of dimension idx.size()-1 (idx is never empty);
///  * otherwise the array (idx.size() < rank) or the element (idx.size() ==
///    rank) memref[idx...].
///  * for a struct (`agg` set, no memref): the struct or array of structs
///    at `prefix` (a sub-struct path of the aggregate, "" for the variable)
///    with `level` dimensions (the struct array's, then those of `[]`s in
///    the prefix), indexed the same way;
///  * `ssa`: a scalar field of a by-value struct parameter (a value).
struct Place {
  mlir::Value memref;
  llvm::SmallVector<IndexValue, 4> idx;
  bool pointer = false;
  std::shared_ptr<const Aggregate> agg;
  const StructInfo *type = nullptr; ///< the struct at `prefix`
  std::string prefix;
  unsigned level = 0;
  mlir::Value ssa;
  unsigned rank() const {
    if (agg)
      return level;
    if (ssa)
      return 0;
    return llvm::cast<mlir::MemRefType>(memref.getType()).getRank();
  }
  bool isElement() const { return !pointer && idx.size() == rank(); }
};

/// A struct-typed value, leaf by leaf (of `info`).
struct LeafValue {
  enum Kind { None, Scalar, Copy, Init, Zero } kind = None; ///< None: left uninitialised
  mlir::Value value;                                        ///< Scalar
  Place from;                        ///< Copy: the array the leaf is copied from
  const clang::Expr *init = nullptr; ///< Init: an array field's braced initializer
};
struct StructValue {
  const StructInfo *info = nullptr;
  llvm::SmallVector<LeafValue, 8> leaves;
};

/// Where a variable lives.
struct Binding {
  enum Kind { Affine, SSA, Memory, Alias, Struct } kind = Memory;
  AffineValue affine; ///< Affine
  mlir::Value value;  ///< SSA value or memref
  clang::QualType type;
  Place place;                    ///< Alias: a pointer or reference variable never reseated
  std::shared_ptr<Aggregate> agg; ///< Struct: the fields of a struct variable
};

/// An addressable element: memref + indices (affine or plain).
struct LValue {
  mlir::Value memref;
  bool affine = true;
  mlir::AffineMap map;                        ///< affine
  llvm::SmallVector<mlir::Value, 4> operands; ///< affine map operands or plain indices
  clang::QualType type;
};

class ModuleRaiser;
class FoldingBuilder;

/// Control-flow state of the loop being emitted (for break/continue).
struct LoopFrame {
  mlir::Value breakFlag;    ///< memref<i1>, null if the loop has no break
  mlir::Value continueFlag; ///< memref<i1>, null if the loop has no continue
};

class FunctionRaiser {
public:
  FunctionRaiser(ModuleRaiser &module, const clang::FunctionDecl *fn, mlir::func::FuncOp func);
  void raise();

  // ---- shared helpers (RaiseFunction.cpp) ----
  [[noreturn]] void fail(clang::SourceLocation loc, const llvm::Twine &msg);
  [[noreturn]] void unsupported(const clang::Stmt *s, const llvm::Twine &what);
  mlir::Location loc(clang::SourceLocation l);
  mlir::Location loc(const clang::Stmt *s) { return loc(beginLoc(s)); }
  /// s->getBeginLoc(), memoised along operand chains (Clang computes it
  /// from the leftmost operand, recursively: quadratic on `a + b + ...`).
  clang::SourceLocation beginLoc(const clang::Stmt *s);
  mlir::Value allocaAtEntry(mlir::MemRefType type, mlir::Location l, llvm::StringRef name,
                            clang::QualType ctype);
  mlir::Value constInt(mlir::Type t, int64_t v, mlir::Location l);
  mlir::Value constBool(bool v, mlir::Location l);
  ScalarInfo scalarOrFail(clang::QualType t, clang::SourceLocation l);
  /// The allo.partition value for a parameter or local array (null if none).
  mlir::ArrayAttr partitionAttr(const clang::Decl *d);

  // ---- statements (RaiseStmt.cpp) ----
  void emitStmt(const clang::Stmt *s);
  void emitCompound(llvm::ArrayRef<const clang::Stmt *> stmts);
  void emitDecl(const clang::VarDecl *vd);
  void emitIf(const clang::IfStmt *s);
  void emitReturn(const clang::ReturnStmt *s);
  void emitArrayInit(mlir::Value memref, const clang::Expr *init, clang::QualType type,
                     llvm::SmallVectorImpl<int64_t> &prefix, mlir::Location l);
  /// Bits of "may leave the statement early" (see ExitKind).
  unsigned exitsOf(const clang::Stmt *s);
  /// i1 value true when no break/continue/return flag is set.
  mlir::Value stillRunning(mlir::Location l, bool includeBreak, bool includeContinue);
  void storeFlag(mlir::Value flag, bool v, mlir::Location l);
  /// Accesses to a rank-0 memref (a scalar variable, a flag): affine.load /
  /// affine.store with the empty map, valid in every region, so that affine
  /// analyses and schedules see them.
  void storeScalar(mlir::Value v, mlir::Value memref, mlir::Location l);
  mlir::Value loadScalar(mlir::Value memref, mlir::Location l);

  // ---- loops (RaiseLoop.cpp) ----
  void emitLoop(const clang::Stmt *loop, llvm::ArrayRef<const clang::Attr *> attrs);
  bool tryEmitAffineFor(const clang::ForStmt *s, mlir::Operation *&op);
  void emitCountedLoopBody(const clang::Stmt *body);
  bool tryEmitScfFor(const clang::ForStmt *s, mlir::Operation *&op);
  mlir::Operation *emitWhileLoop(const clang::Stmt *loop);
  /// Finds, before raising, which reads of variables assigned by `for (v = e;
  /// …)` inits may see the value a loop leaves (loopVarFreeReads, loopVarReadLoops).
  void findLoopVarReads();
  /// True if the value the loop being emitted leaves in `v` (declared before
  /// the loop) may be read later.
  bool loopVarLiveAfter(const clang::VarDecl *v);
  /// Stores an index value (the final value of a counted loop) into `vd`'s memory.
  void storeLoopVar(const clang::VarDecl *vd, mlir::OpFoldResult v, mlir::Location l);
  void applyLoopAttrs(mlir::Operation *op, const clang::Stmt *loop,
                      llvm::ArrayRef<const clang::Attr *> attrs);

  // ---- ap_int / ap_uint (RaiseAPInt.cpp) ----
  bool isAPInt(clang::QualType t) const;
  /// The width and signedness (true: unsigned) of an ap_[u]int type.
  std::optional<std::pair<unsigned, bool>> apIntOf(clang::QualType t) const;
  mlir::Value resizeInt(mlir::Value v, bool isSigned, unsigned width, mlir::Location l);
  std::pair<mlir::Value, bool> apOperand(const clang::Expr *e);
  mlir::Value emitAPConstruct(const clang::CXXConstructExpr *e);
  mlir::Value emitAPMemberCall(const clang::CXXMemberCallExpr *e);
  mlir::Value emitAPOperator(const clang::CXXOperatorCallExpr *e);
  mlir::Value apArith(clang::BinaryOperatorKind op, mlir::Value a, mlir::Value c, bool isSigned,
                      mlir::Location l, const clang::Expr *where);
  /// x << n / x >> n at x's width, as the C-simulation header shifts.
  mlir::Value apShift(bool left, mlir::Value x, bool xSigned, mlir::Value n, bool nSigned,
                      mlir::Location l);

  // ---- streams (RaiseStream.cpp) ----
  /// A local hls::stream / allo::stream / hls::stream_of_blocks variable, or
  /// an array of them (non-empty `shape`): allo.stream_create at entry.
  void emitStreamDecl(const clang::VarDecl *vd, const StreamInfo &info,
                      llvm::ArrayRef<int64_t> shape = {});
  /// `hls::write_lock<B> b(s);` / `hls::read_lock<B> b(s);` at stmts[0]:
  /// the lock op, whose body holds the rest of the block (the lock's scope).
  /// False if stmts[0] declares no lock.
  bool tryEmitLockScope(llvm::ArrayRef<const clang::Stmt *> stmts);
  /// The block memref of a lock variable named by `e` (null if none).
  mlir::Value lockBlock(const clang::Expr *e);
  /// `b[i]` on a lock (its operator[]), null otherwise.
  const clang::CXXOperatorCallExpr *lockSubscript(const clang::Expr *e);
  /// read/write/empty/full/get/put/>>/<< on a stream; false if `e` is not one.
  bool tryEmitStreamCall(const clang::CallExpr *e, mlir::Value &result);

  // PE coordinates (RaisePid.cpp): `auto [i, j] = allo::get_pid<2>();` in a
  // [[allo::kernel(mapping(...))]] kernel binds i, j to `allo.pid` values.
  /// True (and the bindings made) when vd is such a declaration.
  bool emitPidDecl(const clang::VarDecl *vd);
  /// The coordinate bound to a structured binding, if it is one.
  std::optional<AffineValue> pidBinding(const clang::Expr *e);
  /// A call of allo::get_pid used other than by a structured binding.
  bool isGetPidCall(const clang::Expr *e);
  /// Located error unless the body of this [[allo::region]] only declares
  /// streams and calls kernels (RaiseRegion.cpp).
  void checkRegionBody();
  /// The grid's rank (0: not a PE-grid kernel).
  unsigned pidRank = 0;
  llvm::SmallVector<mlir::Value, 3> pidValues;
  llvm::DenseMap<const clang::BindingDecl *, unsigned> pidDims;
  /// The stream value an expression names (a stream variable or parameter,
  /// or an element of a stream array).
  mlir::Value streamValue(const clang::Expr *e);

  // ---- ap_fixed / ap_ufixed (RaiseAPFixed.cpp) ----
  bool isAPFixed(clang::QualType t) const;
  /// Construction of a fixed-point value, or of an ap_[u]int from one.
  mlir::Value emitFixedConstruct(const clang::CXXConstructExpr *e);
  /// An ap_[u]int<w> from a float or double `d`: the value truncated toward
  /// zero, then wrapped to w bits; NaN and infinities give 0 (our csim
  /// headers' semantics). A C++ cast to an integer of that width would be
  /// undefined out of range.
  mlir::Value emitIntFromFloat(mlir::Value d, unsigned w, bool isSigned, mlir::Location l);
  mlir::Value emitFixedMemberCall(const clang::CXXMemberCallExpr *e);
  mlir::Value emitFixedOperator(const clang::CXXOperatorCallExpr *e);

  // ---- bit and range selection on ap_[u]int (RaiseAPBits.cpp) ----
  /// True for ap_bit_ref / ap_range_ref (the selection proxies).
  bool isAPProxy(clang::QualType t) const;
  /// The value a proxy expression reads (i1 for a bit, the variable's width
  /// zero-extended for a range), as (value, signedness = false).
  std::pair<mlir::Value, bool> emitProxyRead(const clang::Expr *e);
  /// x[i] = v, x.range(h, l) = v; returns the assigned proxy's value.
  mlir::Value emitProxyAssign(const clang::CXXOperatorCallExpr *e);
  /// Bit helpers (test/get_bit/set/clear/invert/set_bit), bit(), range(),
  /// length(); false if `e` is none of them (`result` is null for the
  /// mutating ones).
  bool emitAPBitMember(const clang::CXXMemberCallExpr *e, mlir::Value &result);
  /// and_reduce ... xnor_reduce, iszero/is_zero, sign(), countLeadingZeros()
  /// of an ap_[u]int or range reference; null if `e` is none of them.
  mlir::Value emitAPQuery(const clang::CXXMemberCallExpr *e, FoldingBuilder &br);
  /// reverse(), b_not(), lrotate(n), rrotate(n): the variable is updated;
  /// returns the new value for reverse() (which returns *this), null otherwise.
  mlir::Value emitAPInPlace(const clang::CXXMemberCallExpr *e, FoldingBuilder &br,
                            const clang::Expr *count);

  // ---- existing #pragma HLS directives (RaiseHLSPragmas.cpp) ----
  /// Applies the pragmas written directly in `loop`'s body (or, for a null
  /// loop, in the function body outside any loop) to `op`.
  void applyHLSPragmas(mlir::Operation *op, const clang::Stmt *loop);
  /// The variable named `name` where a pragma at `at` is written (the
  /// innermost visible declaration), null if none.
  const clang::VarDecl *pragmaVariable(llvm::StringRef name, clang::SourceLocation at);
  /// The integer value of a pragma option (`factor=N/2`, N a constant or
  /// template parameter), at least `min`; a located error otherwise.
  std::optional<int64_t> pragmaInt(const HLSPragma &p, llvm::StringRef directive,
                                   llvm::StringRef option, llvm::StringRef value, int64_t min);

  // ---- affine analysis (RaiseAffine.cpp) ----
  std::optional<AffineValue> tryAffine(const clang::Expr *e);
  std::optional<std::pair<int64_t, int64_t>> rangeOf(const AffineValue &v);
  std::optional<std::pair<int64_t, int64_t>> rangeOfOperand(mlir::Value v, unsigned depth);
  /// Top-level index value for an immutable integer scalar (a valid affine symbol).
  mlir::Value topLevelIndex(mlir::Value v, bool isUnsigned);
  mlir::Value materializeIndex(const AffineValue &v, mlir::Location l);
  bool tryAffineCondition(const clang::Expr *cond, mlir::IntegerSet &set,
                          llvm::SmallVectorImpl<mlir::Value> &operands);
  static AffineValue
  combine(const AffineValue &a, const AffineValue &b,
          llvm::function_ref<mlir::AffineExpr(mlir::AffineExpr, mlir::AffineExpr)> f);

  // ---- expressions (RaiseExpr.cpp) ----
  mlir::Value emitRValue(const clang::Expr *e);
  mlir::Value emitCondition(const clang::Expr *e); ///< as i1
  LValue emitLValue(const clang::Expr *e);
  mlir::Value load(const LValue &lv, mlir::Location l);
  void store(const LValue &lv, mlir::Value v, mlir::Location l);
  mlir::Value convert(mlir::Value v, clang::QualType from, clang::QualType to, mlir::Location l);
  mlir::Value emitBinary(const clang::BinaryOperator *e);
  mlir::Value emitArith(clang::BinaryOperatorKind op, mlir::Value a, mlir::Value b,
                        clang::QualType type, mlir::Location l, const clang::Expr *where);
  mlir::Value emitCompare(clang::BinaryOperatorKind op, mlir::Value a, mlir::Value b,
                          clang::QualType operandType, mlir::Location l);
  mlir::Value emitUnary(const clang::UnaryOperator *e);
  mlir::Value emitCast(const clang::CastExpr *e);
  mlir::Value emitCall(const clang::CallExpr *e);
  mlir::Value emitMathCall(const clang::CallExpr *e, const clang::FunctionDecl *callee,
                           bool &handled);
  /// A call of the C library function `symbol` (declared once, external,
  /// `allo.extern` = the C++ name the emitter prints).
  mlir::Value emitLibmCall(llvm::StringRef symbol, llvm::StringRef cxxName,
                           llvm::ArrayRef<mlir::Value> args, mlir::Type result, mlir::Location l);
  mlir::Value emitConditional(const clang::AbstractConditionalOperator *e);
  mlir::Value emitLogical(const clang::BinaryOperator *e);
  mlir::Value emitIncDec(const clang::UnaryOperator *e);
  mlir::Value emitAssign(const clang::BinaryOperator *e);
  mlir::Value arrayMemref(const clang::Expr *e); ///< an array-valued expression

  // ---- structs (RaiseStruct.cpp) ----
  /// A local struct or array of structs: one alloca per leaf, initialised.
  void emitStructDecl(const clang::VarDecl *vd, const StructInfo *info,
                      llvm::ArrayRef<int64_t> shape);
  /// Binds a struct parameter to its arguments [first, first + count).
  void bindStructParam(const clang::ParmVarDecl *p, unsigned first);
  /// The place `base.f` / `base->f` (base: a struct place).
  Place memberPlace(const Place &base, const clang::FieldDecl *f, const clang::Expr *where);
  /// A struct-typed expression's value.
  StructValue emitStructRValue(const clang::Expr *e);
  /// The value `T{}` / a default-constructed T (member initializers, else
  /// uninitialised; `zero`: value-initialised).
  StructValue defaultStructValue(const StructInfo *info, bool zero);
  /// Stores `v` into the struct at `dst` (a struct place naming one struct).
  void storeStruct(const Place &dst, const StructValue &v, mlir::Location l);
  /// The leaf places of a struct place (one per leaf of its type).
  llvm::SmallVector<Place, 8> leafPlaces(const Place &p);
  /// `a = b` for structs (the implicit copy/move assignment); false if `e`
  /// is not one.
  bool tryEmitStructAssign(const clang::CXXOperatorCallExpr *e);
  /// The operands for a struct parameter of a callee.
  void structArguments(const clang::Expr *arg, const clang::ParmVarDecl *param,
                       mlir::TypeRange types, llvm::SmallVectorImpl<mlir::Value> &out);
  /// The function call, with struct arguments expanded; its results.
  mlir::func::CallOp emitCallOp(const clang::CallExpr *e);
  /// The memref view of `p` (a plain place) for a parameter of type `pt`.
  mlir::Value viewArgument(Place p, mlir::MemRefType pt, const clang::Expr *arg,
                           const clang::ParmVarDecl *param);
  /// The struct at a place, read leaf by leaf.
  StructValue loadStruct(const Place &p, mlir::Location l);

  // ---- static locals and constant tables (RaiseStatic.cpp) ----
  /// `static T x = ...;` / `static const T tbl[N] = {...};`: a memref.global
  /// (mutable state that persists across calls, or a constant table).
  void emitStaticDecl(const clang::VarDecl *vd);
  /// The memref.get_global of `vd`'s global at the function entry, bound.
  mlir::Value bindGlobal(const clang::VarDecl *vd, clang::SourceLocation useLoc);
  /// The initial value of a global / static variable of memref type `mt`,
  /// evaluated with the raiser's own conversions (so ap_int / ap_fixed
  /// elements are exact); zeros without an initializer. A located error if
  /// it is not a constant.
  mlir::DenseElementsAttr constantInitializer(const clang::VarDecl *vd, mlir::MemRefType mt);
  /// The constant value of expression `e` (null if it is not one), folded
  /// from the operations the raiser emits for it.
  mlir::Attribute constantValue(const clang::Expr *e);

  // ---- arrays and pointers (RaiseArrayAccess.cpp) ----
  /// The place an array- or pointer-typed expression (or an element of one)
  /// denotes; nullopt when `e` is none of the forms raised.
  std::optional<Place> emitPlace(const clang::Expr *e);
  /// memcpy(dst, src, bytes) between arrays of one element type: a copy loop
  /// (RaiseMemcpy.cpp).
  bool isMemcpy(const clang::CallExpr *e);
  void emitMemcpy(const clang::CallExpr *e);
  /// The element a place names (an error unless it names one).
  LValue placeLValue(const Place &p, const clang::Expr *where);
  /// The same for a place known to name an element.
  LValue elementLValue(const Place &p, mlir::Location l);
  /// The memref passed for an array, pointer or reference argument to a
  /// parameter of type `paramType`: the array itself, a cast, or a subview.
  mlir::Value placeArgument(const clang::Expr *arg, mlir::MemRefType paramType,
                            const clang::ParmVarDecl *param);
  IndexValue indexOf(const clang::Expr *e);
  IndexValue addIndex(const IndexValue &a, const IndexValue &c, bool subtract, mlir::Location l);
  mlir::Value materialize(const IndexValue &v, mlir::Location l);
  /// True if evaluating `e` may have side effects or touch memory.
  static bool isSimpleExpr(const clang::Expr *e);
  /// False when `e` cannot be a constant expression (cheap, memoised).
  bool mayBeConstant(const clang::Expr *e);

  ModuleRaiser &mod;
  const clang::FunctionDecl *fn;
  mlir::func::FuncOp func;
  clang::ASTContext &ast;
  mlir::OpBuilder b;
  mlir::Block *entry = nullptr;
  mlir::Operation *lastAlloca = nullptr;
  LoopNames loopNames;

  llvm::DenseMap<const clang::VarDecl *, Binding> vars;
  /// Variables written after their declaration (assigned, ++/--, address taken).
  llvm::DenseMap<const clang::VarDecl *, llvm::SmallVector<const clang::Expr *, 2>> writes;
  llvm::DenseMap<const clang::Stmt *, unsigned> exitCache;
  /// Loop variables declared before their loops (see findLoopVarReads): those
  /// read outside every `for (v = e; …)` loop, and the loops holding the other reads.
  llvm::DenseSet<const clang::VarDecl *> loopInitVars, loopVarFreeReads;
  llvm::DenseMap<const clang::VarDecl *, llvm::DenseSet<const clang::ForStmt *>> loopVarReadLoops;
  /// The parent of every statement of the function body (not of expressions).
  llvm::DenseMap<const clang::Stmt *, const clang::Stmt *> stmtParents;
  /// The C++ loops being emitted, outermost first.
  llvm::SmallVector<const clang::Stmt *, 8> astLoops;
  llvm::SmallVector<LoopFrame, 4> loopStack;
  mlir::Value returnFlag, returnSlot;            ///< when the function returns early
  llvm::SmallVector<mlir::Value, 4> returnSlots; ///< per field of a returned struct
  unsigned nextAggregate = 0;                    ///< ids of the local structs (allo.aggregate)
  bool earlyReturns = false;
  llvm::DenseMap<mlir::Value, mlir::Value> indexCache;
  llvm::DenseMap<const clang::Expr *, bool> constantCandidates;
  llvm::DenseMap<const clang::Stmt *, clang::SourceLocation> beginLocs;
  unsigned exprDepth = 0; ///< emitRValue's recursion depth
};

/// True when every use of pointer parameter `p` in `fn`'s body reads or
/// writes its first element only (`*p`, `p[0]`, `p->f`), or there is none.
bool onlyFirstElementUsed(const clang::FunctionDecl *fn, const clang::ParmVarDecl *p);

/// `T x{}`, `T x = {}` fillers and default-constructed ap_* values (zero).
bool isZeroInit(const clang::Expr *init);

/// The operation of a compound assignment operator (`+=` -> BO_Add, by
/// Clang's own mapping); nullopt for any other operator.
std::optional<clang::BinaryOperatorKind> compoundArith(clang::OverloadedOperatorKind op);

/// Bits for FunctionRaiser::exitsOf.
enum ExitKind : unsigned { ExitBreak = 1, ExitContinue = 2, ExitReturn = 4 };

class ModuleRaiser {
public:
  ModuleRaiser(clang::ASTContext &ast, mlir::MLIRContext &ctx);

  /// The func.func for a C++ function, declared on first use and queued.
  mlir::func::FuncOp getOrDeclare(const clang::FunctionDecl *fn, clang::SourceLocation useLoc);
  /// The memref.global of a constant table (a constexpr/const global array)
  /// or of a static local, created on first use (by `user`, which evaluates
  /// the initializer).
  mlir::memref::GlobalOp getOrCreateGlobal(const clang::VarDecl *vd, clang::SourceLocation useLoc,
                                           FunctionRaiser &user);
  /// The MLIR type of parameter `p` of `fn` (adds its argument attributes);
  /// reports a located error and throws for one outside the subset.
  mlir::Type paramType(const clang::FunctionDecl *fn, const clang::ParmVarDecl *p,
                       llvm::SmallVectorImpl<mlir::NamedAttribute> &attrs,
                       llvm::function_ref<void(clang::SourceLocation, const llvm::Twine &)> error);
  /// `depth=N` of `#pragma HLS interface ... port=<p>` in `fn`'s body; 0 if
  /// there is none (RaiseHLSPragmas.cpp). A bad value is reported with `error`.
  int64_t interfaceDepth(const clang::FunctionDecl *fn, const clang::ParmVarDecl *p,
                         llvm::function_ref<void(clang::SourceLocation, const llvm::Twine &)> error,
                         clang::SourceLocation *where = nullptr);
  bool run(llvm::ArrayRef<const clang::FunctionDecl *> tops);
  /// Reports every cycle in `calls` (recursion is not synthesisable).
  void reportRecursion();
  mlir::Location loc(clang::SourceLocation l);
  /// The C++ spelling of `t` for the emitted code (TypeSpelling.cpp): the
  /// user's namespace-scope aliases are kept and recorded for declaration.
  std::string spell(clang::QualType t);
  /// The C++ spelling of a stream's element type: a block (the array of a
  /// stream_of_blocks) canonical, a scalar as spell() gives it.
  std::string spellStreamElement(const StreamInfo &info);
  /// Records an alias (and the aliases its type names) for `allo.typedefs`.
  void declareAlias(const clang::TypedefNameDecl *d);
  /// Sets the module's `allo.typedefs` (when any alias was used).
  void recordAliases();

  clang::ASTContext &ast;
  mlir::MLIRContext &ctx;
  TypeMapper types;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  llvm::DenseMap<const clang::FunctionDecl *, mlir::func::FuncOp> funcs;
  /// Calls made by each raised function (callee definition, call location).
  llvm::DenseMap<
      const clang::FunctionDecl *,
      llvm::SmallVector<std::pair<const clang::FunctionDecl *, clang::SourceLocation>, 4>>
      calls;
  /// Functions in the order they were raised.
  std::vector<const clang::FunctionDecl *> raised;
  /// Functions whose signature cannot be raised (already reported).
  llvm::DenseSet<const clang::FunctionDecl *> badSignatures;
  llvm::DenseMap<const clang::VarDecl *, mlir::memref::GlobalOp> globals;
  /// The functions selected as tops (their pointer parameters get static sizes).
  llvm::DenseSet<const clang::FunctionDecl *> tops;
  /// (function, parameter index) of fixed-size array parameters some call
  /// passes part of an array: declared with a dynamic offset.
  llvm::DenseSet<std::pair<const clang::FunctionDecl *, unsigned>> offsetParams;
  void findOffsetParams();
  /// The arguments of each parameter of a declared function: [first, first + count).
  llvm::DenseMap<const clang::FunctionDecl *, llvm::SmallVector<std::pair<unsigned, unsigned>, 4>>
      paramArgs;
  /// The arguments (types and attributes) of a struct parameter, appended.
  void structParam(const clang::FunctionDecl *fn, const clang::ParmVarDecl *p, unsigned index,
                   const StructInfo *info, llvm::SmallVectorImpl<mlir::Type> &types,
                   llvm::SmallVectorImpl<mlir::DictionaryAttr> &attrs,
                   llvm::function_ref<void(clang::SourceLocation, const llvm::Twine &)> error);
  /// The struct a parameter type is, or holds (`S`, `S &`, `S *`, `S[N]`), if any.
  const StructInfo *paramStruct(clang::QualType t);
  /// Records that the emitted code uses `info` (and the structs it contains).
  void noteStruct(const StructInfo *info);
  /// The C++ definitions of the structs used, dependencies first.
  llvm::SetVector<const clang::RecordDecl *> structsUsed;
  std::vector<std::string> structDefs;
  std::deque<const clang::FunctionDecl *> worklist;
  llvm::StringSet<> usedNames;
  llvm::DenseSet<const clang::TypedefNameDecl *> aliasesSeen;
  /// allo.typedefs entries with their declarations.
  llvm::SmallVector<std::pair<const clang::TypedefNameDecl *, mlir::Attribute>, 4> aliases;
  unsigned errors = 0;
};

} // namespace raise
} // namespace allo

#endif
