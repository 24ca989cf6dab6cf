//===- RaiseMath.cpp - <cmath>, <algorithm> and hls_math calls ------------===//
//
// Library functions with a direct MLIR counterpart become math/arith ops;
// std::min/max keep their exact C++ definition ((b < a) ? b : a and
// (a < b) ? b : a), which also fixes their NaN behaviour.
//
// The HLS math library (`hls::sqrt`, `hls::exp`, ... from <hls_math.h>) on
// float and double computes what the C-simulation header computes: the
// <cmath> function of the same name (rsqrt(x) = 1 / sqrt(x), recip(x) =
// 1 / x); integer and ap_[u]int arguments are converted to double as the
// header does (hls::abs/fabs of ap_[u]int are exact, at the argument's
// width). The math ops record `allo.hls_math`, so the emitter prints them
// back as `hls::`. Functions without a math-dialect counterpart (nextafter,
// hypot, fdim, remainder) become calls of the C library function (an
// external func.func with `allo.extern` naming the C++ function). Anything
// else from namespace hls -- and every hls_math function on ap_[u]fixed --
// is a located error naming the function.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"

#include "allo/Dialect/Allo/AlloDialect.h"

#include "mlir/Dialect/Math/IR/Math.h"

using namespace clang;
using namespace allo::raise;
namespace arith = mlir::arith;
namespace math = mlir::math;

namespace {
bool isLibraryFunction(const FunctionDecl *f, ASTContext &ast) {
  const DeclContext *dc = f->getDeclContext()->getRedeclContext();
  if (auto *ns = dyn_cast<NamespaceDecl>(dc)) {
    // std or an inline namespace inside it (std::__1, std::__cxx11).
    while (ns && ns->isInline())
      ns = dyn_cast<NamespaceDecl>(ns->getDeclContext()->getRedeclContext());
    if (!ns || ns->getName() != "std" ||
        !ns->getDeclContext()->getRedeclContext()->isTranslationUnit())
      return false;
  } else if (!dc->isTranslationUnit()) {
    return false;
  }
  return f->getBuiltinID() || ast.getSourceManager().isInSystemHeader(f->getLocation());
}

/// A function of namespace hls declared in a library header (hls_math.h and
/// friends, ours or the vendor's, whose headers live in files and folders
/// named hls...), not one of the user's own.
bool isHLSLibraryFunction(const FunctionDecl *f, ASTContext &ast) {
  auto *ns = dyn_cast<NamespaceDecl>(f->getDeclContext()->getRedeclContext());
  while (ns && ns->isInline())
    ns = dyn_cast<NamespaceDecl>(ns->getDeclContext()->getRedeclContext());
  if (!ns || ns->getName() != "hls" ||
      !ns->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return false;
  const SourceManager &sm = ast.getSourceManager();
  SourceLocation at = sm.getExpansionLoc(f->getLocation());
  if (sm.isInSystemHeader(at))
    return true;
  return llvm::StringRef(sm.getFilename(at)).contains("hls");
}
} // namespace

mlir::Value FunctionRaiser::emitMathCall(const CallExpr *e, const FunctionDecl *callee,
                                         bool &handled) {
  handled = false;
  bool hls = callee->getIdentifier() && isHLSLibraryFunction(callee, ast);
  if (!callee->getIdentifier() || (!hls && !isLibraryFunction(callee, ast)))
    return {};
  llvm::StringRef name = callee->getName();
  mlir::Location l = loc(e);
  QualType rt = e->getType().getNonReferenceType();
  unsigned n = e->getNumArgs();
  std::string qualified = callee->getQualifiedNameAsString();
  // Every hls:: library call is raised here or refused here (never inlined
  // from the header's body).
  auto refuse = [&](const llvm::Twine &why) {
    unsupported(e, "call to '" + qualified + "'" + why);
  };
  if (hls) {
    for (unsigned i = 0; i < n; ++i)
      if (isAPFixed(e->getArg(i)->getType().getNonReferenceType()))
        refuse(" on ap_fixed/ap_ufixed values (not raised yet: the vendor computes them "
               "with bit-accurate fixed-point algorithms; convert with to_float()/to_double() "
               "or compute in float)");
    if (name != "min" && name != "max" && name != "abs" && name != "fabs" && name != "absf" &&
        !mod.types.scalar(rt))
      refuse(" (its result type '" + rt.getAsString() + "' is not supported)");
  }
  auto tagHLS = [&](mlir::Value v) {
    if (hls && v && v.getDefiningOp() && v.getDefiningOp()->getDialect() &&
        isa<mlir::math::MathDialect>(v.getDefiningOp()->getDialect()))
      v.getDefiningOp()->setAttr(allo::AlloDialect::kHLSMath, b.getUnitAttr());
    return v;
  };

  // std::min / std::max on any scalar type.
  if ((name == "min" || name == "max") && n == 2) {
    handled = true;
    mlir::Value a = emitRValue(e->getArg(0));
    mlir::Value bv = emitRValue(e->getArg(1));
    QualType t = e->getArg(0)->getType().getNonReferenceType();
    if (name == "min")
      return arith::SelectOp::create(b, l, emitCompare(BO_LT, bv, a, t, l), bv, a);
    return arith::SelectOp::create(b, l, emitCompare(BO_LT, a, bv, t, l), bv, a);
  }
  // hls::abs / hls::fabs of ap_[u]int: exact, at the argument's width.
  if (hls && (name == "abs" || name == "fabs") && n == 1 && isAPInt(rt)) {
    handled = true;
    auto [x, isSigned] = apOperand(e->getArg(0));
    ScalarInfo r = scalarOrFail(rt, e->getExprLoc());
    x = resizeInt(x, isSigned, r.type.getIntOrFloatBitWidth(), l);
    if (!isSigned)
      return x;
    mlir::Value zero = constInt(x.getType(), 0, l);
    mlir::Value neg = arith::SubIOp::create(b, l, zero, x);
    mlir::Value isNeg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, x, zero);
    return arith::SelectOp::create(b, l, isNeg, neg, x);
  }
  // Integer absolute value.
  if ((name == "abs" || name == "labs" || name == "llabs") && n == 1 && rt->isIntegerType() &&
      !isAPInt(rt)) {
    handled = true;
    // x < 0 ? -x : x, as the C library defines it (and as every target can lower).
    mlir::Value x = emitRValue(e->getArg(0));
    mlir::Value zero = constInt(x.getType(), 0, l);
    mlir::Value neg = arith::SubIOp::create(b, l, zero, x);
    mlir::Value isNeg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, x, zero);
    return arith::SelectOp::create(b, l, isNeg, neg, x);
  }

  // Floating-point functions: strip the C 'f' suffix (sqrtf); 'l' is long double.
  ScalarInfo rs;
  if (auto s = mod.types.scalar(rt))
    rs = *s;
  else if (hls)
    refuse(" (unsupported result type)");
  else
    return {};
  if (!rs.isFloat) {
    if (hls)
      refuse(" (not raised; docs/user-guide/subset.md lists the hls_math functions that are)");
    return {};
  }
  llvm::StringRef base = name;
  if (base.ends_with("f") && base != "erf" && base != "fabsf" && base != "absf" &&
      base != "fdimf" && base != "modf" && rt->isSpecificBuiltinType(BuiltinType::Float))
    base = base.drop_back();
  if (name == "fabsf" || name == "absf")
    base = "fabs";

  llvm::SmallVector<mlir::Value, 3> args;
  for (unsigned i = 0; i < n; ++i) {
    const Expr *a = e->getArg(i);
    args.push_back(convert(emitRValue(a), a->getType().getNonReferenceType(), rt, l));
  }
  auto unary = [&]() -> mlir::Value {
    mlir::Value x = args[0];
    if (base == "sqrt")
      return math::SqrtOp::create(b, l, x);
    if (base == "exp")
      return math::ExpOp::create(b, l, x);
    if (base == "exp2")
      return math::Exp2Op::create(b, l, x);
    if (base == "expm1")
      return math::ExpM1Op::create(b, l, x);
    if (base == "log")
      return math::LogOp::create(b, l, x);
    if (base == "log2")
      return math::Log2Op::create(b, l, x);
    if (base == "log10")
      return math::Log10Op::create(b, l, x);
    if (base == "log1p")
      return math::Log1pOp::create(b, l, x);
    if (base == "sin")
      return math::SinOp::create(b, l, x);
    if (base == "cos")
      return math::CosOp::create(b, l, x);
    if (base == "tan")
      return math::TanOp::create(b, l, x);
    if (base == "tanh")
      return math::TanhOp::create(b, l, x);
    if (base == "sinh")
      return math::SinhOp::create(b, l, x);
    if (base == "cosh")
      return math::CoshOp::create(b, l, x);
    if (base == "asin")
      return math::AsinOp::create(b, l, x);
    if (base == "acos")
      return math::AcosOp::create(b, l, x);
    if (base == "atan")
      return math::AtanOp::create(b, l, x);
    if (base == "erf")
      return math::ErfOp::create(b, l, x);
    if (base == "cbrt")
      return math::CbrtOp::create(b, l, x);
    if (base == "floor")
      return math::FloorOp::create(b, l, x);
    if (base == "ceil")
      return math::CeilOp::create(b, l, x);
    if (base == "round")
      return math::RoundOp::create(b, l, x);
    if (base == "trunc")
      return math::TruncOp::create(b, l, x);
    if (base == "fabs" || base == "abs")
      return math::AbsFOp::create(b, l, x);
    if (hls && base == "rsqrt")
      return math::RsqrtOp::create(b, l, x);
    if (hls && base == "recip") {
      mlir::Value one =
          arith::ConstantOp::create(b, l, x.getType(), b.getFloatAttr(x.getType(), 1.0));
      return arith::DivFOp::create(b, l, one, x);
    }
    return {};
  };
  auto binary = [&]() -> mlir::Value {
    mlir::Value x = args[0], y = args[1];
    if (base == "pow")
      return math::PowFOp::create(b, l, x, y);
    if (base == "atan2")
      return math::Atan2Op::create(b, l, x, y);
    if (base == "fmin")
      return arith::MinNumFOp::create(b, l, x, y);
    if (base == "fmax")
      return arith::MaxNumFOp::create(b, l, x, y);
    if (base == "fmod")
      return arith::RemFOp::create(b, l, x, y);
    if (base == "copysign")
      return math::CopySignOp::create(b, l, x, y);
    // No math-dialect counterpart: the C library function of the same
    // semantics (nextafterf / nextafter, ...), called by name.
    if (base == "nextafter" || base == "hypot" || base == "fdim" || base == "remainder")
      return emitLibmCall(rs.type.isF32() ? (base + "f").str() : base.str(),
                          (hls ? "hls::" : "std::") + base.str(), args, rs.type, l);
    return {};
  };
  mlir::Value v;
  if (n == 1)
    v = tagHLS(unary());
  else if (n == 2)
    v = tagHLS(binary());
  else if (n == 3 && base == "fma")
    v = tagHLS(math::FmaOp::create(b, l, args[0], args[1], args[2]));
  if (!v) {
    // The arguments were emitted; drop nothing silently: report.
    unsupported(e, "call to library function '" + callee->getQualifiedNameAsString() +
                       "' (no math-dialect counterpart" +
                       (hls ? "; the raised hls_math functions are listed in "
                              "docs/user-guide/subset.md)"
                            : ")"));
  }
  handled = true;
  return v;
}

mlir::Value FunctionRaiser::emitLibmCall(llvm::StringRef symbol, llvm::StringRef cxxName,
                                         llvm::ArrayRef<mlir::Value> args, mlir::Type result,
                                         mlir::Location l) {
  // An external declaration of the C library function, created once.
  mlir::ModuleOp m = *mod.module;
  auto f = m.lookupSymbol<mlir::func::FuncOp>(symbol);
  if (f && !f->hasAttr(allo::AlloDialect::kExtern))
    fail(fn->getLocation(), "'" + cxxName + "' needs the C library function '" + symbol +
                                "', but a function of this file has that name; rename it");
  if (!f) {
    mod.usedNames.insert(symbol);
    mlir::OpBuilder ob(&mod.ctx);
    ob.setInsertionPointToStart(m.getBody());
    llvm::SmallVector<mlir::Type, 3> types;
    for (mlir::Value a : args)
      types.push_back(a.getType());
    f = mlir::func::FuncOp::create(ob, l, symbol, ob.getFunctionType(types, {result}));
    f.setPrivate();
    f->setAttr(allo::AlloDialect::kExtern, ob.getStringAttr(cxxName));
  }
  return mlir::func::CallOp::create(b, l, f, args).getResult(0);
}
