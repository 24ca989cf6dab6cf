//===- LowerStreams.cpp - allo-lower-streams ------------------------------===//
//
//   %s = allo.stream_create {depth = 4} : !allo.stream<f32>
//      -> %s = call @allo_rt_stream_new(%c4) : (i64) -> !llvm.ptr
//   allo.stream_write %s, %v : !allo.stream<f32>
//      -> %w = extui (bitcast %v : f32 to i32) to i64
//         call @allo_rt_stream_write(%s, %w)
//   %v = allo.stream_read %s    -> call @allo_rt_stream_read, trunci/bitcast
//   %e = allo.stream_empty %s   -> call @allo_rt_stream_empty, cmpi ne 0
//
// Arrays of streams hold the handles as integers (an !llvm.ptr is not a
// memref element type):
//   %a = allo.stream_create {depth = 2} : memref<4x!allo.stream<i32>>
//      -> %a = memref.alloca() : memref<4xi64>, filled by a loop nest with
//         ptrtoint(allo_rt_stream_new(2))
//   %s = affine.load %a[%i] : memref<4x!allo.stream<i32>>
//      -> %w = affine.load %a[%i] : memref<4xi64>; %s = llvm.inttoptr %w
//
// A static stream (allo.static_local) keeps its FIFOs in a private global
// of handles, made on the first call (allo_rt_stream_new_static: never freed
// by a runtime reset, so their contents persist across calls as in C++).
//
// Streams of blocks: the lock's block is a buffer at the function entry;
//   allo.stream_write_lock %s { ^bb0(%b): body }
//      -> allo_rt_block_acquire(&b, bytes) (zero-fills it, as the C-simulation
//         header value-initialises a fresh block); body;
//         allo_rt_block_write(%s, &b, bytes) (appends a copy)
//   allo.stream_read_lock %s { ^bb0(%b): body }
//      -> allo_rt_block_read(%s, &b, bytes) (pops the oldest block into b); body
//
// Function signatures and calls carrying streams are converted too;
// allo.bit_reverse becomes LLVM's bitreverse intrinsic.
//
//===----------------------------------------------------------------------===//
#include "allo/Conversion/LowerStreams.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/DialectConversion.h"

namespace allo {
#define GEN_PASS_DEF_ALLOLOWERSTREAMS
#include "allo/Conversion/Passes.h.inc"
} // namespace allo

using namespace mlir;
using namespace allo;

namespace {

func::FuncOp runtimeFunc(ModuleOp m, StringRef name, TypeRange args, TypeRange results) {
  if (auto f = m.lookupSymbol<func::FuncOp>(name))
    return f;
  OpBuilder b(m.getContext());
  b.setInsertionPointToEnd(m.getBody());
  auto f = func::FuncOp::create(b, m.getLoc(), name, b.getFunctionType(args, results));
  f.setPrivate();
  return f;
}

Type ptrType(MLIRContext *ctx) { return LLVM::LLVMPointerType::get(ctx); }

/// The element as a 64-bit word (null if it does not fit).
Value toWord(OpBuilder &b, Location l, Value v) {
  Type t = v.getType();
  Type i64 = b.getI64Type();
  if (auto ft = llvm::dyn_cast<FloatType>(t))
    v = arith::BitcastOp::create(b, l, b.getIntegerType(ft.getWidth()), v);
  unsigned w = v.getType().getIntOrFloatBitWidth();
  if (w > 64)
    return {};
  return w == 64 ? v : (Value)arith::ExtUIOp::create(b, l, i64, v);
}

Value fromWord(OpBuilder &b, Location l, Value word, Type t) {
  unsigned w = t.getIntOrFloatBitWidth();
  Value v = word;
  if (w < 64)
    v = arith::TruncIOp::create(b, l, b.getIntegerType(w), v);
  if (llvm::isa<FloatType>(t))
    v = arith::BitcastOp::create(b, l, t, v);
  return v;
}

/// Bytes one element of type t takes in a lowered memref (its LLVM alloc size).
int64_t elementBytes(Type t) {
  int64_t store = (t.getIntOrFloatBitWidth() + 7) / 8;
  return (int64_t)llvm::PowerOf2Ceil(store);
}

/// Fills `handles` (a memref of i64) with new FIFOs made by `maker`, one per
/// element, by a loop nest at the rewriter's insertion point.
void fillHandles(ConversionPatternRewriter &r, Location l, Value handles, ArrayRef<int64_t> shape,
                 func::FuncOp maker, Value depth) {
  OpBuilder::InsertionGuard guard(r);
  llvm::SmallVector<Value, 4> ivs;
  Value zero = arith::ConstantIndexOp::create(r, l, 0);
  Value one = arith::ConstantIndexOp::create(r, l, 1);
  for (int64_t d : shape) {
    Value ub = arith::ConstantIndexOp::create(r, l, d);
    auto loop = scf::ForOp::create(r, l, zero, ub, one);
    ivs.push_back(loop.getInductionVar());
    r.setInsertionPoint(loop.getBody()->getTerminator());
  }
  Value fifo = func::CallOp::create(r, l, maker, ValueRange{depth}).getResult(0);
  Value word = LLVM::PtrToIntOp::create(r, l, r.getI64Type(), fifo);
  memref::StoreOp::create(r, l, word, handles, ivs);
}

constexpr llvm::StringLiteral kStaticSlot = "allo.static_slot";

struct CreateLowering : OpConversionPattern<StreamCreateOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(StreamCreateOp op, OpAdaptor,
                                ConversionPatternRewriter &r) const override {
    auto m = op->getParentOfType<ModuleOp>();
    Location l = op.getLoc();
    Value depth = arith::ConstantIntOp::create(r, l, op.getDepth(), 64);
    auto array = llvm::dyn_cast<MemRefType>(op.getType());
    llvm::ArrayRef<int64_t> shape = array ? array.getShape() : llvm::ArrayRef<int64_t>();
    if (auto slot = op->getAttrOfType<FlatSymbolRefAttr>(kStaticSlot)) {
      // A static stream: its FIFOs are made on the first call and kept in a
      // global (handles as i64, 0 = not made yet); they outlive runtime resets.
      auto maker =
          runtimeFunc(m, "allo_rt_stream_new_static", {r.getI64Type()}, {ptrType(getContext())});
      auto slotType = MemRefType::get(shape, r.getI64Type());
      Value handles = memref::GetGlobalOp::create(r, l, slotType, slot.getValue());
      Value zero = arith::ConstantIndexOp::create(r, l, 0);
      llvm::SmallVector<Value, 4> first(shape.size(), zero);
      Value w = memref::LoadOp::create(r, l, handles, first);
      Value none = arith::CmpIOp::create(r, l, arith::CmpIPredicate::eq, w,
                                         arith::ConstantIntOp::create(r, l, 0, 64));
      auto once = scf::IfOp::create(r, l, none, /*withElseRegion=*/false);
      {
        OpBuilder::InsertionGuard guard(r);
        r.setInsertionPoint(once.thenBlock()->getTerminator());
        fillHandles(r, l, handles, shape, maker, depth);
      }
      if (array) {
        r.replaceOp(op, handles);
        return success();
      }
      Value word = memref::LoadOp::create(r, l, handles, ValueRange{});
      r.replaceOpWithNewOp<LLVM::IntToPtrOp>(op, ptrType(getContext()), word);
      return success();
    }
    auto maker = runtimeFunc(m, "allo_rt_stream_new", {r.getI64Type()}, {ptrType(getContext())});
    if (!array) {
      r.replaceOpWithNewOp<func::CallOp>(op, maker, ValueRange{depth});
      return success();
    }
    // One FIFO per element, created by a loop nest.
    auto handles = memref::AllocaOp::create(r, l, MemRefType::get(shape, r.getI64Type()));
    fillHandles(r, l, handles, shape, maker, depth);
    r.replaceOp(op, handles.getResult());
    return success();
  }
};

/// A load of a stream handle from an array of streams.
template <typename LoadOp> struct HandleLoadLowering : OpConversionPattern<LoadOp> {
  using OpConversionPattern<LoadOp>::OpConversionPattern;
  LogicalResult matchAndRewrite(LoadOp op, typename LoadOp::Adaptor a,
                                ConversionPatternRewriter &r) const override {
    if (!llvm::isa<StreamType>(op.getResult().getType()))
      return failure();
    Location l = op.getLoc();
    Value word;
    if constexpr (std::is_same_v<LoadOp, affine::AffineLoadOp>)
      word = affine::AffineLoadOp::create(r, l, a.getMemref(), op.getAffineMap(), a.getIndices());
    else
      word = memref::LoadOp::create(r, l, a.getMemref(), a.getIndices());
    r.replaceOpWithNewOp<LLVM::IntToPtrOp>(op, ptrType(op.getContext()), word);
    return success();
  }
};

/// allo.stream_write_lock / allo.stream_read_lock: a buffer, the body inlined.
template <typename LockOp> struct LockLowering : OpConversionPattern<LockOp> {
  using OpConversionPattern<LockOp>::OpConversionPattern;
  LogicalResult matchAndRewrite(LockOp op, typename LockOp::Adaptor a,
                                ConversionPatternRewriter &r) const override {
    constexpr bool isWrite = std::is_same_v<LockOp, StreamWriteLockOp>;
    Location l = op.getLoc();
    auto m = op->template getParentOfType<ModuleOp>();
    MemRefType blockType = llvm::cast<StreamType>(op.getStream().getType()).getBlockType();
    int64_t bytes = blockType.getNumElements() * elementBytes(blockType.getElementType());
    Value buf;
    {
      // The buffer lives at the function entry (a lock in a loop reuses it).
      OpBuilder::InsertionGuard guard(r);
      auto fn = op->template getParentOfType<func::FuncOp>();
      r.setInsertionPointToStart(&fn.getBody().front());
      buf = memref::AllocaOp::create(r, l, blockType);
    }
    Value index = memref::ExtractAlignedPointerAsIndexOp::create(r, l, buf);
    Value addr = arith::IndexCastOp::create(r, l, r.getI64Type(), index);
    Value size = arith::ConstantIntOp::create(r, l, bytes, 64);
    Type ptr = ptrType(op.getContext());
    Type i64 = r.getI64Type();
    if (isWrite) {
      auto acquire = runtimeFunc(m, "allo_rt_block_acquire", {i64, i64}, {});
      func::CallOp::create(r, l, acquire, ValueRange{addr, size});
    } else {
      auto read = runtimeFunc(m, "allo_rt_block_read", {ptr, i64, i64}, {});
      func::CallOp::create(r, l, read, ValueRange{a.getStream(), addr, size});
    }
    Block &body = op.getBody().front();
    Operation *end = body.getTerminator();
    r.inlineBlockBefore(&body, op, ValueRange{buf});
    r.eraseOp(end);
    if (isWrite) {
      auto write = runtimeFunc(m, "allo_rt_block_write", {ptr, i64, i64}, {});
      func::CallOp::create(r, l, write, ValueRange{a.getStream(), addr, size});
    }
    r.eraseOp(op);
    return success();
  }
};

struct WriteLowering : OpConversionPattern<StreamWriteOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(StreamWriteOp op, OpAdaptor a,
                                ConversionPatternRewriter &r) const override {
    Value word = toWord(r, op.getLoc(), a.getValue());
    if (!word)
      return op.emitOpError("stream elements wider than 64 bits cannot be executed");
    auto m = op->getParentOfType<ModuleOp>();
    auto f = runtimeFunc(m, "allo_rt_stream_write", {ptrType(getContext()), r.getI64Type()}, {});
    r.replaceOpWithNewOp<func::CallOp>(op, f, ValueRange{a.getStream(), word});
    return success();
  }
};

struct ReadLowering : OpConversionPattern<StreamReadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(StreamReadOp op, OpAdaptor a,
                                ConversionPatternRewriter &r) const override {
    Type t = op.getValue().getType();
    if (t.getIntOrFloatBitWidth() > 64)
      return op.emitOpError("stream elements wider than 64 bits cannot be executed");
    auto m = op->getParentOfType<ModuleOp>();
    auto f = runtimeFunc(m, "allo_rt_stream_read", {ptrType(getContext())}, {r.getI64Type()});
    auto call = func::CallOp::create(r, op.getLoc(), f, ValueRange{a.getStream()});
    r.replaceOp(op, fromWord(r, op.getLoc(), call.getResult(0), t));
    return success();
  }
};

struct EmptyLowering : OpConversionPattern<StreamEmptyOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(StreamEmptyOp op, OpAdaptor a,
                                ConversionPatternRewriter &r) const override {
    auto m = op->getParentOfType<ModuleOp>();
    auto f = runtimeFunc(m, "allo_rt_stream_empty", {ptrType(getContext())}, {r.getI32Type()});
    auto call = func::CallOp::create(r, op.getLoc(), f, ValueRange{a.getStream()});
    Value zero = arith::ConstantIntOp::create(r, op.getLoc(), 0, 32);
    r.replaceOpWithNewOp<arith::CmpIOp>(op, arith::CmpIPredicate::ne, call.getResult(0), zero);
    return success();
  }
};

/// ap_[u]int<W>(d) on the bits of the double: |d| = m * 2^sh with the 53-bit
/// mantissa m, shifted into place in max(W, 64) bits (toward zero for
/// sh < 0), negated for a negative d, truncated to W; 0 for |d| < 1 at
/// subnormal exponents, NaN and infinities.
struct FloatToAPIntLowering : OpConversionPattern<FloatToAPIntOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(FloatToAPIntOp op, OpAdaptor a,
                                ConversionPatternRewriter &r) const override {
    using P = arith::CmpIPredicate;
    Location l = op.getLoc();
    Value d = a.getInput();
    if (!d.getType().isF64())
      d = arith::ExtFOp::create(r, l, r.getF64Type(), d);
    unsigned w = op.getType().getIntOrFloatBitWidth(), k = std::max(w, 64u);
    Type i64 = r.getI64Type(), ik = r.getIntegerType(k);
    auto c64 = [&](int64_t v) { return arith::ConstantIntOp::create(r, l, i64, v).getResult(); };
    auto ck = [&](int64_t v) { return arith::ConstantIntOp::create(r, l, ik, v).getResult(); };
    auto cmp = [&](P p, Value x, Value y) { return arith::CmpIOp::create(r, l, p, x, y); };
    auto sel = [&](Value c, Value x, Value y) { return arith::SelectOp::create(r, l, c, x, y); };
    Value bits = arith::BitcastOp::create(r, l, i64, d);
    Value neg = cmp(P::slt, bits, c64(0));
    Value e = arith::AndIOp::create(r, l, arith::ShRUIOp::create(r, l, bits, c64(52)), c64(0x7ff));
    Value m =
        arith::OrIOp::create(r, l, arith::AndIOp::create(r, l, bits, c64((int64_t(1) << 52) - 1)),
                             c64(int64_t(1) << 52));
    Value sh = arith::SubIOp::create(r, l, e, c64(1075));
    // Left: m << sh (nothing left of the low k bits once sh >= k).
    Value shL = sel(cmp(P::sge, sh, c64(k)), c64(0), sel(cmp(P::slt, sh, c64(0)), c64(0), sh));
    Value mk = k > 64 ? (Value)arith::ExtUIOp::create(r, l, ik, m) : m;
    Value shLk = k > 64 ? (Value)arith::ExtUIOp::create(r, l, ik, shL) : shL;
    Value left = sel(cmp(P::sge, sh, c64(k)), ck(0), arith::ShLIOp::create(r, l, mk, shLk));
    // Right: m >> -sh (toward zero; nothing left once -sh >= 64).
    Value rs = arith::SubIOp::create(r, l, c64(0), sh);
    Value rsC = sel(cmp(P::sge, rs, c64(64)), c64(0), rs);
    Value right64 = sel(cmp(P::sge, rs, c64(64)), c64(0), arith::ShRUIOp::create(r, l, m, rsC));
    Value right = k > 64 ? (Value)arith::ExtUIOp::create(r, l, ik, right64) : right64;
    Value mag = sel(cmp(P::sge, sh, c64(0)), left, right);
    Value special = arith::OrIOp::create(r, l, cmp(P::eq, e, c64(0)), cmp(P::eq, e, c64(0x7ff)));
    mag = sel(special, ck(0), mag);
    Value v = sel(neg, arith::SubIOp::create(r, l, ck(0), mag), mag);
    if (k > w)
      v = arith::TruncIOp::create(r, l, op.getType(), v);
    r.replaceOp(op, v);
    return success();
  }
};

struct BitReverseLowering : OpConversionPattern<BitReverseOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(BitReverseOp op, OpAdaptor a,
                                ConversionPatternRewriter &r) const override {
    r.replaceOpWithNewOp<LLVM::BitReverseOp>(op, op.getType(), a.getInput());
    return success();
  }
};

struct LowerStreamsPass : allo::impl::AlloLowerStreamsBase<LowerStreamsPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    TypeConverter types;
    types.addConversion([](Type t) { return t; });
    types.addConversion([ctx](StreamType) -> Type { return ptrType(ctx); });
    types.addConversion([](MemRefType t) -> std::optional<Type> {
      if (!llvm::isa<StreamType>(t.getElementType()))
        return std::nullopt; // not an array of streams: the identity above
      return MemRefType::get(t.getShape(), IntegerType::get(t.getContext(), 64));
    });

    // A global slot for each static stream (before the conversion, which
    // must not add symbols while it walks the module).
    ModuleOp module = getOperation();
    unsigned statics = 0;
    module.walk([&](StreamCreateOp op) {
      if (!op->hasAttr(AlloDialect::kStaticLocal))
        return;
      OpBuilder b(ctx);
      b.setInsertionPointToStart(module.getBody());
      auto array = llvm::dyn_cast<MemRefType>(op.getType());
      auto slotType =
          MemRefType::get(array ? array.getShape() : llvm::ArrayRef<int64_t>(), b.getI64Type());
      auto init = DenseElementsAttr::get(RankedTensorType::get(slotType.getShape(), b.getI64Type()),
                                         b.getI64IntegerAttr(0).getValue());
      std::string name = "allo_static_stream_" + std::to_string(statics++);
      while (module.lookupSymbol(name))
        name += "_";
      memref::GlobalOp::create(b, op.getLoc(), name, b.getStringAttr("private"), slotType, init,
                               /*constant=*/false, /*alignment=*/nullptr);
      op->setAttr(kStaticSlot, FlatSymbolRefAttr::get(ctx, name));
    });

    ConversionTarget target(*ctx);
    target.addIllegalOp<StreamCreateOp, StreamWriteOp, StreamReadOp, StreamEmptyOp,
                        StreamWriteLockOp, StreamReadLockOp, BitReverseOp, FloatToAPIntOp>();
    target.addLegalDialect<arith::ArithDialect, LLVM::LLVMDialect, scf::SCFDialect>();
    target.markUnknownOpDynamicallyLegal([&](Operation *op) {
      if (auto f = llvm::dyn_cast<func::FuncOp>(op))
        return types.isSignatureLegal(f.getFunctionType());
      return types.isLegal(op);
    });
    RewritePatternSet patterns(ctx);
    patterns.add<CreateLowering, WriteLowering, ReadLowering, EmptyLowering,
                 HandleLoadLowering<affine::AffineLoadOp>, HandleLoadLowering<memref::LoadOp>,
                 LockLowering<StreamWriteLockOp>, LockLowering<StreamReadLockOp>,
                 BitReverseLowering, FloatToAPIntLowering>(types, ctx);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns, types);
    populateCallOpTypeConversionPattern(patterns, types);
    populateReturnOpTypeConversionPattern(patterns, types);
    if (failed(applyFullConversion(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

std::unique_ptr<Pass> allo::createLowerStreamsPass() { return createAlloLowerStreams(); }
