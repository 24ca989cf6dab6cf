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
// Function signatures and calls carrying streams are converted too.
//
//===----------------------------------------------------------------------===//
#include "allo/Conversion/LowerStreams.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/DialectConversion.h"

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

struct CreateLowering : OpConversionPattern<StreamCreateOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(StreamCreateOp op, OpAdaptor, ConversionPatternRewriter &r) const override {
    auto m = op->getParentOfType<ModuleOp>();
    auto f = runtimeFunc(m, "allo_rt_stream_new", {r.getI64Type()}, {ptrType(getContext())});
    Value depth = arith::ConstantIntOp::create(r, op.getLoc(), op.getDepth(), 64);
    r.replaceOpWithNewOp<func::CallOp>(op, f, ValueRange{depth});
    return success();
  }
};

struct WriteLowering : OpConversionPattern<StreamWriteOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(StreamWriteOp op, OpAdaptor a, ConversionPatternRewriter &r) const override {
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
  LogicalResult matchAndRewrite(StreamReadOp op, OpAdaptor a, ConversionPatternRewriter &r) const override {
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
  LogicalResult matchAndRewrite(StreamEmptyOp op, OpAdaptor a, ConversionPatternRewriter &r) const override {
    auto m = op->getParentOfType<ModuleOp>();
    auto f = runtimeFunc(m, "allo_rt_stream_empty", {ptrType(getContext())}, {r.getI32Type()});
    auto call = func::CallOp::create(r, op.getLoc(), f, ValueRange{a.getStream()});
    Value zero = arith::ConstantIntOp::create(r, op.getLoc(), 0, 32);
    r.replaceOpWithNewOp<arith::CmpIOp>(op, arith::CmpIPredicate::ne, call.getResult(0), zero);
    return success();
  }
};

struct LowerStreamsPass : PassWrapper<LowerStreamsPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(LowerStreamsPass)
  StringRef getArgument() const override { return "allo-lower-streams"; }
  StringRef getDescription() const override {
    return "Lower Allo streams to calls into the stream runtime (for execution)";
  }
  void getDependentDialects(DialectRegistry &registry) const override {
    registry.insert<arith::ArithDialect, func::FuncDialect, LLVM::LLVMDialect>();
  }
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    TypeConverter types;
    types.addConversion([](Type t) { return t; });
    types.addConversion([ctx](StreamType) -> Type { return ptrType(ctx); });

    ConversionTarget target(*ctx);
    target.addIllegalOp<StreamCreateOp, StreamWriteOp, StreamReadOp, StreamEmptyOp>();
    target.addLegalDialect<arith::ArithDialect, LLVM::LLVMDialect>();
    target.markUnknownOpDynamicallyLegal([&](Operation *op) {
      if (auto f = llvm::dyn_cast<func::FuncOp>(op))
        return types.isSignatureLegal(f.getFunctionType());
      return types.isLegal(op);
    });
    RewritePatternSet patterns(ctx);
    patterns.add<CreateLowering, WriteLowering, ReadLowering, EmptyLowering>(types, ctx);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns, types);
    populateCallOpTypeConversionPattern(patterns, types);
    populateReturnOpTypeConversionPattern(patterns, types);
    if (failed(applyFullConversion(getOperation(), target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

std::unique_ptr<Pass> allo::createLowerStreamsPass() { return std::make_unique<LowerStreamsPass>(); }

void allo::registerLowerStreamsPass() { PassRegistration<LowerStreamsPass>(); }
