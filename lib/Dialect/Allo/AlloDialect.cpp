//===- AlloDialect.cpp - The allo dialect ---------------------------------===//
#include "allo/Dialect/Allo/AlloDialect.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Operation.h"

using namespace allo;
using namespace mlir;

#include "allo/Dialect/Allo/AlloDialect.cpp.inc"

void AlloDialect::initialize() {}

std::string AlloDialect::checkAttribute(llvm::StringRef name, Attribute value) {
  auto isPosInt = [&](int64_t min) {
    auto i = llvm::dyn_cast<IntegerAttr>(value);
    return i && i.getValue().getSExtValue() >= min;
  };
  if (name == kPragmas) {
    auto a = llvm::dyn_cast<ArrayAttr>(value);
    return a && llvm::all_of(a, [](Attribute e) { return llvm::isa<StringAttr>(e); })
               ? ""
               : "expects an array of strings";
  }
  if (name == kName || name == kSourceName || name == kCType || name == kResultCType ||
      name == kInductionVar)
    return llvm::isa<StringAttr>(value) ? "" : "expects a string";
  if (name == kKernel || name == kRegion || name == kTop || name == kPipelineRewind ||
      name == kFlatten || name == kDataflow || name == kUnsigned || name == kStatic ||
      name == kLabel)
    return llvm::isa<UnitAttr>(value) ? "" : "expects a unit attribute";
  if (name == kPipelineII)
    return isPosInt(1) ? "" : "expects an integer >= 1";
  if (name == kReverseStart || name == kReverseLimit)
    return llvm::isa<AffineMapAttr>(value) ? "" : "expects an affine map";
  if (name == kReverseStep)
    return isPosInt(1) ? "" : "expects an integer >= 1";
  if (name == kUnroll || name == kInline || name == kFixedScale)
    return isPosInt(0) ? "" : "expects an integer >= 0";
  if (name == kMapping) {
    auto a = llvm::dyn_cast<DenseI64ArrayAttr>(value);
    if (!a || a.empty() || llvm::any_of(a.asArrayRef(), [](int64_t v) { return v < 1; }))
      return "expects a non-empty array<i64> of positive extents";
    return "";
  }
  if (name == kLayout) {
    auto a = llvm::dyn_cast<DenseI64ArrayAttr>(value);
    if (!a || llvm::any_of(a.asArrayRef(), [](int64_t v) { return v < -1; }))
      return "expects an array<i64> of grid axes (-1 = replicate)";
    return "";
  }
  if (name == kPartition) {
    auto a = llvm::dyn_cast<ArrayAttr>(value);
    if (!a)
      return "expects an array of {type, factor, dim} dictionaries";
    for (Attribute e : a) {
      auto d = llvm::dyn_cast<DictionaryAttr>(e);
      auto type = d ? d.getAs<StringAttr>("type") : StringAttr();
      if (!type || !llvm::is_contained({"complete", "block", "cyclic"}, type.getValue()) ||
          !d.getAs<IntegerAttr>("dim"))
        return "expects dictionaries {type = complete|block|cyclic, factor = N, dim = D}";
    }
    return "";
  }
  return "is not a known allo attribute";
}

LogicalResult AlloDialect::verifyOperationAttribute(Operation *op, NamedAttribute attr) {
  std::string problem = checkAttribute(attr.getName().getValue(), attr.getValue());
  if (!problem.empty())
    return op->emitOpError() << "attribute '" << attr.getName().getValue() << "' " << problem;
  return success();
}

LogicalResult AlloDialect::verifyRegionArgAttribute(Operation *op, unsigned regionIndex,
                                                    unsigned argIndex, NamedAttribute attr) {
  std::string problem = checkAttribute(attr.getName().getValue(), attr.getValue());
  if (!problem.empty())
    return op->emitOpError() << "argument " << argIndex << " attribute '"
                             << attr.getName().getValue() << "' " << problem;
  return success();
}
