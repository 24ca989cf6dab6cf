//===- RaiseMath.cpp - <cmath> and <algorithm> calls ----------------------===//
//
// Library functions with a direct MLIR counterpart become math/arith ops;
// std::min/max keep their exact C++ definition ((b < a) ? b : a and
// (a < b) ? b : a), which also fixes their NaN behaviour.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"

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
} // namespace

mlir::Value FunctionRaiser::emitMathCall(const CallExpr *e, const FunctionDecl *callee,
                                         bool &handled) {
  handled = false;
  if (!callee->getIdentifier() || !isLibraryFunction(callee, ast))
    return {};
  llvm::StringRef name = callee->getName();
  mlir::Location l = loc(e);
  QualType rt = e->getType().getNonReferenceType();
  unsigned n = e->getNumArgs();

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
  // Integer absolute value.
  if ((name == "abs" || name == "labs" || name == "llabs") && n == 1 &&
      rt->isIntegerType()) {
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
  else
    return {};
  if (!rs.isFloat)
    return {};
  llvm::StringRef base = name;
  if (base.ends_with("f") && base != "erf" && base != "fabsf" && rt->isSpecificBuiltinType(BuiltinType::Float))
    base = base.drop_back();
  if (name == "fabsf")
    base = "fabs";

  llvm::SmallVector<mlir::Value, 3> args;
  for (unsigned i = 0; i < n; ++i) {
    const Expr *a = e->getArg(i);
    args.push_back(convert(emitRValue(a), a->getType().getNonReferenceType(), rt, l));
  }
  auto unary = [&]() -> mlir::Value {
    mlir::Value x = args[0];
    if (base == "sqrt") return math::SqrtOp::create(b, l, x);
    if (base == "exp") return math::ExpOp::create(b, l, x);
    if (base == "exp2") return math::Exp2Op::create(b, l, x);
    if (base == "expm1") return math::ExpM1Op::create(b, l, x);
    if (base == "log") return math::LogOp::create(b, l, x);
    if (base == "log2") return math::Log2Op::create(b, l, x);
    if (base == "log10") return math::Log10Op::create(b, l, x);
    if (base == "log1p") return math::Log1pOp::create(b, l, x);
    if (base == "sin") return math::SinOp::create(b, l, x);
    if (base == "cos") return math::CosOp::create(b, l, x);
    if (base == "tan") return math::TanOp::create(b, l, x);
    if (base == "tanh") return math::TanhOp::create(b, l, x);
    if (base == "sinh") return math::SinhOp::create(b, l, x);
    if (base == "cosh") return math::CoshOp::create(b, l, x);
    if (base == "asin") return math::AsinOp::create(b, l, x);
    if (base == "acos") return math::AcosOp::create(b, l, x);
    if (base == "atan") return math::AtanOp::create(b, l, x);
    if (base == "erf") return math::ErfOp::create(b, l, x);
    if (base == "cbrt") return math::CbrtOp::create(b, l, x);
    if (base == "floor") return math::FloorOp::create(b, l, x);
    if (base == "ceil") return math::CeilOp::create(b, l, x);
    if (base == "round") return math::RoundOp::create(b, l, x);
    if (base == "trunc") return math::TruncOp::create(b, l, x);
    if (base == "fabs" || base == "abs") return math::AbsFOp::create(b, l, x);
    return {};
  };
  auto binary = [&]() -> mlir::Value {
    mlir::Value x = args[0], y = args[1];
    if (base == "pow") return math::PowFOp::create(b, l, x, y);
    if (base == "atan2") return math::Atan2Op::create(b, l, x, y);
    if (base == "fmin") return arith::MinNumFOp::create(b, l, x, y);
    if (base == "fmax") return arith::MaxNumFOp::create(b, l, x, y);
    if (base == "fmod") return arith::RemFOp::create(b, l, x, y);
    if (base == "copysign") return math::CopySignOp::create(b, l, x, y);
    return {};
  };
  mlir::Value v;
  if (n == 1)
    v = unary();
  else if (n == 2)
    v = binary();
  else if (n == 3 && base == "fma")
    v = math::FmaOp::create(b, l, args[0], args[1], args[2]);
  if (!v) {
    // The arguments were emitted; drop nothing silently: report.
    unsupported(e, "call to library function '" + callee->getQualifiedNameAsString() +
                       "' (no math-dialect counterpart)");
  }
  handled = true;
  return v;
}
