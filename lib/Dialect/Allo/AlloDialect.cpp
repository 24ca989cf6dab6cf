//===- AlloDialect.cpp - The allo dialect ---------------------------------===//
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/Operation.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace allo;
using namespace mlir;

#include "allo/Dialect/Allo/AlloDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "allo/Dialect/Allo/AlloTypes.cpp.inc"

#define GET_OP_CLASSES
#include "allo/Dialect/Allo/AlloOps.cpp.inc"

void AlloDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "allo/Dialect/Allo/AlloTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "allo/Dialect/Allo/AlloOps.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// Streams
//===----------------------------------------------------------------------===//

LogicalResult StreamType::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                                 Type elementType) {
  auto scalar = [](Type t) { return t.isSignlessInteger() || llvm::isa<FloatType>(t); };
  if (auto block = llvm::dyn_cast<MemRefType>(elementType)) {
    if (!block.hasStaticShape() || !block.getLayout().isIdentity() || block.getMemorySpace() ||
        !scalar(block.getElementType()))
      return emitError() << "a stream of blocks needs a static, identity-layout memref of "
                            "integers or floats, got "
                         << elementType;
    return success();
  }
  if (!scalar(elementType))
    return emitError() << "stream elements must be signless integers, floats or blocks "
                          "(static memrefs), got "
                       << elementType;
  return success();
}

namespace {
LogicalResult verifyLock(Operation *op, Value stream, Region &body) {
  auto st = llvm::cast<StreamType>(stream.getType());
  if (!st.getBlockType())
    return op->emitOpError("needs a stream of blocks, got ") << st;
  Block &entry = body.front();
  if (entry.getNumArguments() != 1 || entry.getArgument(0).getType() != st.getBlockType())
    return op->emitOpError("body must take one argument of the block type ") << st.getBlockType();
  return success();
}
} // namespace

LogicalResult StreamWriteLockOp::verify() { return verifyLock(*this, getStream(), getBody()); }
LogicalResult StreamReadLockOp::verify() { return verifyLock(*this, getStream(), getBody()); }

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
      name == kInductionVar || name == kBufferOf || name == kExtern || name == kField ||
      name == kFieldCType)
    return llvm::isa<StringAttr>(value) ? "" : "expects a string";
  if (name == kAggregate || name == kFieldOffset || name == kAoSSize || name == kResultSize)
    return isPosInt(0) ? "" : "expects an integer >= 0";
  if (name == kFieldBytes)
    return isPosInt(1) ? "" : "expects an integer >= 1";
  if (name == kAoSStrides) {
    auto a = llvm::dyn_cast<DenseI64ArrayAttr>(value);
    if (!a || llvm::any_of(a.asArrayRef(), [](int64_t v) { return v < 0; }))
      return "expects an array<i64> of byte strides";
    return "";
  }
  if (name == kStructs) {
    auto a = llvm::dyn_cast<ArrayAttr>(value);
    return a && llvm::all_of(a, [](Attribute e) { return llvm::isa<StringAttr>(e); })
               ? ""
               : "expects an array of strings";
  }
  if (name == kResultFields) {
    auto a = llvm::dyn_cast<ArrayAttr>(value);
    if (!a || !llvm::all_of(a, [](Attribute e) {
          auto d = llvm::dyn_cast<DictionaryAttr>(e);
          return d && d.getAs<StringAttr>("field") && d.getAs<StringAttr>("ctype") &&
                 d.getAs<IntegerAttr>("offset") && d.getAs<IntegerAttr>("bytes");
        }))
      return "expects an array of {field, ctype, offset, bytes} dictionaries";
    return "";
  }
  if (name == kKernel || name == kRegion || name == kTop || name == kPipelineRewind ||
      name == kFlatten || name == kDataflow || name == kUnsigned || name == kStatic ||
      name == kExternC || name == kLabel || name == kHLSMath || name == kStaticLocal ||
      name == kTemplateParam)
    return llvm::isa<UnitAttr>(value) ? "" : "expects a unit attribute";
  if (name == kPipelineII)
    return isPosInt(1) ? "" : "expects an integer >= 1";
  if (name == kReverseStart || name == kReverseLimit)
    return llvm::isa<AffineMapAttr>(value) ? "" : "expects an affine map";
  if (name == kReverseStep || name == kTypeDepth)
    return isPosInt(1) ? "" : "expects an integer >= 1";
  if (name == kUnroll || name == kInline || name == kFixedScale)
    return isPosInt(0) ? "" : "expects an integer >= 0";
  if (name == kMapping) {
    auto a = llvm::dyn_cast<DenseI64ArrayAttr>(value);
    if (!a || a.empty() || llvm::any_of(a.asArrayRef(), [](int64_t v) { return v < 1; }))
      return "expects a non-empty array<i64> of positive extents";
    return "";
  }
  if (name == kPEIndex || name == kPEGrid) {
    auto a = llvm::dyn_cast<DenseI64ArrayAttr>(value);
    if (!a || a.empty() || llvm::any_of(a.asArrayRef(), [](int64_t v) { return v < 0; }))
      return "expects a non-empty array<i64> of non-negative values";
    return "";
  }
  if (name == kPEOf)
    return llvm::isa<StringAttr>(value) ? "" : "expects the name of the PE-grid kernel";
  if (name == kLayout) {
    auto a = llvm::dyn_cast<DenseI64ArrayAttr>(value);
    if (!a || llvm::any_of(a.asArrayRef(), [](int64_t v) { return v < -1; }))
      return "expects an array<i64> of grid axes (-1 = replicate)";
    return "";
  }
  if (name == kTypedefs) {
    auto a = llvm::dyn_cast<ArrayAttr>(value);
    bool ok = a && llvm::all_of(a, [](Attribute e) {
                auto d = llvm::dyn_cast<DictionaryAttr>(e);
                return d && d.getAs<StringAttr>("name") && d.getAs<StringAttr>("type") &&
                       d.getAs<StringAttr>("scope");
              });
    return ok ? "" : "expects an array of {name, type, scope} string dictionaries";
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
