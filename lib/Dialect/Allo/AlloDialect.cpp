//===- AlloDialect.cpp - The allo dialect ---------------------------------===//
#include "allo/Dialect/Allo/AlloDialect.h"
#include "allo/Dialect/Allo/AlloOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/Operation.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace allo;
using namespace mlir;

#include "allo/Dialect/Allo/AlloDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "allo/Dialect/Allo/AlloTypes.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "allo/Dialect/Allo/AlloAttrDefs.cpp.inc"

#define GET_OP_CLASSES
#include "allo/Dialect/Allo/AlloOps.cpp.inc"

void AlloDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "allo/Dialect/Allo/AlloTypes.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "allo/Dialect/Allo/AlloAttrDefs.cpp.inc"
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

//===----------------------------------------------------------------------===//
// #allo.partition<cyclic, factor = 4, dim = 2>
//===----------------------------------------------------------------------===//

LogicalResult PartitionAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                                    StringAttr type, int64_t factor, int64_t dim) {
  if (!type || !llvm::is_contained({"complete", "block", "cyclic"}, type.getValue()))
    return emitError() << "partition type must be complete, block or cyclic, got "
                       << (type ? type.getValue() : "nothing");
  if (factor < 0 || dim < 0)
    return emitError() << "partition factor and dim must be >= 0";
  if (type.getValue() == "complete" && factor)
    return emitError() << "a complete partition has no factor";
  return success();
}

Attribute PartitionAttr::parse(AsmParser &p, Type) {
  std::string type;
  int64_t factor = 0, dim = 0;
  if (p.parseLess() || p.parseKeywordOrString(&type) || p.parseComma())
    return {};
  if (succeeded(p.parseOptionalKeyword("factor"))) {
    if (p.parseEqual() || p.parseInteger(factor) || p.parseComma())
      return {};
  }
  if (p.parseKeyword("dim") || p.parseEqual() || p.parseInteger(dim) || p.parseGreater())
    return {};
  return getChecked([&] { return p.emitError(p.getNameLoc()); }, p.getContext(),
                    StringAttr::get(p.getContext(), type), factor, dim);
}

void PartitionAttr::print(AsmPrinter &p) const {
  p << "<" << getType().getValue();
  if (getFactor())
    p << ", factor = " << getFactor();
  p << ", dim = " << getDim() << ">";
}

std::string PartitionAttr::describe() const {
  std::string s = "type=" + getType().getValue().str();
  if (getFactor())
    s += " factor=" + std::to_string(getFactor());
  return s + " dim=" + std::to_string(getDim());
}

//===----------------------------------------------------------------------===//
// Discardable attributes (AlloAttrs.td)
//===----------------------------------------------------------------------===//

namespace allo::detail {

static bool isDictArray(Attribute value, llvm::function_ref<bool(DictionaryAttr)> entry) {
  auto a = llvm::dyn_cast<ArrayAttr>(value);
  return a && llvm::all_of(a, [&](Attribute e) {
           auto d = llvm::dyn_cast<DictionaryAttr>(e);
           return d && entry(d);
         });
}

bool isPartitionList(Attribute value) {
  auto a = llvm::dyn_cast<ArrayAttr>(value);
  return a && llvm::all_of(a, [](Attribute e) { return llvm::isa<PartitionAttr>(e); });
}

bool isTypedefList(Attribute value) {
  return isDictArray(value, [](DictionaryAttr d) {
    return d.getAs<StringAttr>("name") && d.getAs<StringAttr>("type") &&
           d.getAs<StringAttr>("scope");
  });
}

bool isResultFieldList(Attribute value) {
  return isDictArray(value, [](DictionaryAttr d) {
    return d.getAs<StringAttr>("field") && d.getAs<StringAttr>("ctype") &&
           d.getAs<IntegerAttr>("offset") && d.getAs<IntegerAttr>("bytes");
  });
}

} // namespace allo::detail

namespace {
struct AttrRule {
  llvm::StringLiteral name;
  bool (*valid)(Attribute);
  const char *expects;
};
const AttrRule kAttrRules[] = {
#define GET_ALLO_ATTR_TABLE
#include "allo/Dialect/Allo/AlloAttrs.h.inc"
};
} // namespace

std::string AlloDialect::checkAttribute(llvm::StringRef name, Attribute value) {
  static const llvm::StringMap<const AttrRule *> byName = [] {
    llvm::StringMap<const AttrRule *> m;
    for (const AttrRule &r : kAttrRules)
      m[r.name] = &r;
    return m;
  }();
  auto it = byName.find(name);
  if (it == byName.end())
    return "is not a known allo attribute";
  return it->second->valid(value) ? "" : it->second->expects;
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
