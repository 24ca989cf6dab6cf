//===- TypeMapper.cpp - C++ types to MLIR types ---------------------------===//
//
// bool -> i1; char/short/int/long/long long (signed or not) -> iN by size;
// float -> f32; double -> f64; ap_int<W>/ap_uint<W> -> iW; ap_fixed<W,I> /
// ap_ufixed<W,I> -> iW with W-I fractional bits recorded by the caller (the
// csim headers' bases ap_int_base<W,S> / af_base<W,I,S,...> likewise);
// T[N0][N1]... -> memref<N0xN1x...xT>; hls::stream<T> / allo::stream<T> ->
// !allo.stream<T>; hls::stream_of_blocks<B> -> !allo.stream<memref<B>>;
// arrays of streams -> memref<N0x...x!allo.stream<T>>. A struct of scalars,
// arrays and structs is flattened into its scalar leaves (StructInfo), each
// raised as its own value or memref.
//
//===----------------------------------------------------------------------===//
#include "FunctionRaiser.h"

#include "mlir/IR/BuiltinTypes.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/RecordLayout.h"
#include "clang/AST/Type.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;
using namespace allo::raise;

namespace {
/// Recognises Vitis arbitrary-precision class templates by name.
bool apTypeInfo(QualType t, llvm::StringRef &name, int64_t &width, int64_t &intBits) {
  auto *rd = t->getAsCXXRecordDecl();
  auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(rd);
  if (!spec)
    return false;
  name = spec->getName();
  if (name != "ap_int" && name != "ap_uint" && name != "ap_fixed" && name != "ap_ufixed" &&
      name != "ap_int_base" && name != "af_base")
    return false;
  const TemplateArgumentList &args = spec->getTemplateArgs();
  if (args.size() < 1 || args[0].getKind() != TemplateArgument::Integral)
    return false;
  width = args[0].getAsIntegral().getSExtValue();
  intBits = width;
  if (name.ends_with("fixed") || name == "af_base") {
    if (args.size() < 2 || args[1].getKind() != TemplateArgument::Integral)
      return false;
    intBits = args[1].getAsIntegral().getSExtValue();
  }
  return width > 0;
}
} // namespace

std::optional<ScalarInfo> TypeMapper::scalar(QualType t) const {
  t = t.getCanonicalType().getUnqualifiedType();
  if (const auto *et = t->getAs<EnumType>())
    t = et->getDecl()->getIntegerType();
  ScalarInfo info;
  if (t->isBooleanType()) {
    info.type = mlir::IntegerType::get(&ctx, 1);
    info.isBool = true;
    info.isSigned = false;
    return info;
  }
  if (t->isIntegerType()) {
    info.type = mlir::IntegerType::get(&ctx, ast.getTypeSize(t));
    info.isSigned = t->isSignedIntegerType();
    return info;
  }
  if (t->isSpecificBuiltinType(BuiltinType::Float)) {
    info.type = mlir::Float32Type::get(&ctx);
    info.isFloat = true;
    return info;
  }
  if (t->isSpecificBuiltinType(BuiltinType::Double)) {
    info.type = mlir::Float64Type::get(&ctx);
    info.isFloat = true;
    return info;
  }
  llvm::StringRef name;
  int64_t width, intBits;
  if (apTypeInfo(t, name, width, intBits)) {
    info.type = mlir::IntegerType::get(&ctx, width);
    info.isSigned = name == "ap_int" || name == "ap_fixed";
    if (name == "ap_int_base") {
      // The csim headers' common base: ap_int_base<W, Signed>.
      auto *spec = cast<ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl());
      const TemplateArgumentList &args = spec->getTemplateArgs();
      info.isSigned = args.size() > 1 && args[1].getKind() == TemplateArgument::Integral &&
                      args[1].getAsIntegral().getBoolValue();
    }
    if (name == "af_base") {
      // The csim headers' fixed-point base: af_base<W, I, Signed, Q, O, N>.
      auto *spec = cast<ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl());
      const TemplateArgumentList &args = spec->getTemplateArgs();
      info.isSigned = args.size() > 2 && args[2].getKind() == TemplateArgument::Integral &&
                      args[2].getAsIntegral().getBoolValue();
    }
    if (name.ends_with("fixed") || name == "af_base") {
      if (intBits > width)
        return std::nullopt; // a negative scale (I > W) is not represented
      info.fixedScale = (int)(width - intBits);
    }
    return info;
  }
  return std::nullopt;
}

const ClassTemplateSpecializationDecl *
allo::raise::hlsClassTemplate(QualType t, llvm::StringRef name, bool allowAllo) {
  t = t.getNonReferenceType().getCanonicalType();
  auto *spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(t->getAsCXXRecordDecl());
  if (!spec || spec->getName() != name)
    return nullptr;
  auto *ns = dyn_cast<NamespaceDecl>(spec->getDeclContext()->getRedeclContext());
  while (ns && ns->isInline())
    ns = dyn_cast<NamespaceDecl>(ns->getDeclContext()->getRedeclContext());
  if (!ns || !(ns->getName() == "hls" || (allowAllo && ns->getName() == "allo")))
    return nullptr;
  return spec;
}

namespace {
const ClassTemplateSpecializationDecl *hlsClass(QualType t, llvm::StringRef name, bool allowAllo) {
  return hlsClassTemplate(t, name, allowAllo);
}
} // namespace

std::optional<StreamInfo> TypeMapper::stream(QualType t) const {
  const ClassTemplateSpecializationDecl *spec = hlsClass(t, "stream", /*allowAllo=*/true);
  bool blocks = false;
  if (!spec) {
    spec = hlsClass(t, "stream_of_blocks", false);
    blocks = spec != nullptr;
  }
  if (!spec)
    return std::nullopt;
  const TemplateArgumentList &args = spec->getTemplateArgs();
  if (args.size() < 1 || args[0].getKind() != TemplateArgument::Type)
    return std::nullopt;
  StreamInfo info;
  info.elementType = args[0].getAsType();
  // hls::stream<T, DEPTH> / stream_of_blocks<B, DEPTH>: a positive DEPTH is the FIFO depth.
  if (args.size() > 1 && args[1].getKind() == TemplateArgument::Integral)
    info.depth = args[1].getAsIntegral().getSExtValue();
  if (blocks) {
    // A block is a fixed-size array of scalars: `typedef int buf[64];`.
    info.block = array(info.elementType);
    if (!info.block)
      return std::nullopt;
    QualType elem = info.elementType.getCanonicalType();
    while (const ArrayType *at = ast.getAsArrayType(elem))
      elem = at->getElementType();
    info.element = *scalar(elem);
    return info;
  }
  auto elem = scalar(info.elementType);
  if (!elem)
    return std::nullopt;
  info.element = *elem;
  return info;
}

std::optional<StreamArrayInfo> TypeMapper::streamArray(QualType t) const {
  StreamArrayInfo info;
  t = t.getCanonicalType();
  while (const ArrayType *at = ast.getAsArrayType(t)) {
    auto *cat = dyn_cast<ConstantArrayType>(at);
    if (!cat)
      return std::nullopt;
    info.shape.push_back(cat->getSize().getSExtValue());
    t = at->getElementType();
  }
  if (info.shape.empty())
    return std::nullopt;
  auto s = stream(t);
  if (!s)
    return std::nullopt;
  info.stream = *s;
  return info;
}

bool TypeMapper::isBlockStreamClass(QualType t) const {
  return hlsClass(t, "stream_of_blocks", false) || hlsClass(t, "write_lock", false) ||
         hlsClass(t, "read_lock", false);
}

mlir::MemRefType TypeMapper::array(QualType t) const {
  llvm::SmallVector<int64_t, 4> shape;
  t = t.getCanonicalType();
  while (const ArrayType *at = ast.getAsArrayType(t)) {
    auto *cat = dyn_cast<ConstantArrayType>(at);
    if (!cat)
      return {};
    shape.push_back(cat->getSize().getSExtValue());
    t = at->getElementType();
  }
  if (shape.empty())
    return {};
  auto elem = scalar(t);
  if (!elem)
    return {};
  return mlir::MemRefType::get(shape, elem->type);
}

std::pair<unsigned, unsigned> StructInfo::range(llvm::StringRef prefix) const {
  if (prefix.empty())
    return {0, (unsigned)leaves.size()};
  unsigned first = leaves.size(), end = 0;
  for (unsigned i = 0; i < leaves.size(); ++i) {
    llvm::StringRef p = leaves[i].path;
    if (p.starts_with(prefix) && p.size() > prefix.size() && p[prefix.size()] == '.') {
      first = std::min(first, i);
      end = i + 1;
    }
  }
  return first < end ? std::make_pair(first, end) : std::make_pair(0u, 0u);
}

bool TypeMapper::isUserStruct(QualType t) const {
  t = t.getCanonicalType().getUnqualifiedType();
  const RecordDecl *rd = t->getAsRecordDecl();
  if (!rd || scalar(t) || stream(t))
    return false;
  if (auto *crd = dyn_cast<CXXRecordDecl>(rd); crd && crd->isLambda())
    return false;
  return !ast.getSourceManager().isInSystemHeader(rd->getLocation());
}

std::string TypeMapper::structProblem(QualType t) const {
  t = t.getCanonicalType().getUnqualifiedType();
  auto cached = structProblems.find(t.getTypePtr());
  if (cached != structProblems.end())
    return cached->second;
  std::string problem;
  const RecordDecl *rd = t->getAsRecordDecl();
  auto *crd = dyn_cast_or_null<CXXRecordDecl>(rd);
  PrintingPolicy pp(ast.getLangOpts());
  pp.SuppressTagKeyword = true;
  std::string name = "'" + t.getAsString(pp) + "'";
  if (!isUserStruct(t) || !rd) {
    problem = "it is not a struct of the translation unit";
  } else if (!rd->isCompleteDefinition()) {
    problem = "struct " + name + " is incomplete";
  } else if (rd->isUnion()) {
    problem = "unions are not raised";
  } else if (crd && crd->getNumBases()) {
    problem = "struct " + name + " has a base class (make the base a member)";
  } else if (crd && crd->isPolymorphic()) {
    problem = "struct " + name + " has virtual functions";
  } else if (isa<ClassTemplateSpecializationDecl>(rd)) {
    problem = "struct templates are not raised yet (use a plain struct)";
  } else if (rd->getDeclContext()->isFunctionOrMethod() || rd->getDeclContext()->isRecord()) {
    problem = "struct " + name +
              " is declared inside a function or class (declare it at "
              "namespace scope)";
  } else if (rd->field_empty()) {
    problem = "struct " + name + " has no data members";
  } else {
    for (const FieldDecl *f : rd->fields()) {
      QualType ft = f->getType();
      std::string fname = "field '" + f->getNameAsString() + "' of " + name;
      if (f->isBitField()) {
        problem = fname + " is a bit-field (use ap_uint<W> instead)";
        break;
      }
      if (f->isAnonymousStructOrUnion() || f->getName().empty()) {
        problem = name + " has an anonymous member";
        break;
      }
      while (const ConstantArrayType *at = ast.getAsConstantArrayType(ft))
        ft = at->getElementType();
      if (scalar(ft))
        continue;
      if (isUserStruct(ft)) {
        std::string inner = structProblem(ft);
        if (!inner.empty()) {
          problem = fname + ": " + inner;
          break;
        }
        continue;
      }
      problem = fname + " has type '" + f->getType().getAsString() +
                "' (fields must be scalars, structs or arrays of them of constant size)";
      break;
    }
  }
  structProblems[t.getTypePtr()] = problem;
  return problem;
}

const StructInfo *TypeMapper::structInfo(QualType t) const {
  t = t.getCanonicalType().getUnqualifiedType();
  auto it = structs.find(t.getTypePtr());
  if (it != structs.end())
    return it->second.get();
  if (!isUserStruct(t) || !structProblem(t).empty())
    return nullptr;
  auto info = std::make_unique<StructInfo>();
  info->decl = t->getAsRecordDecl();
  info->type = t;
  info->size = ast.getTypeSizeInChars(t).getQuantity();
  // Depth-first over the fields: nested structs and arrays extend the path.
  std::function<void(QualType, const std::string &, uint64_t, llvm::SmallVector<int64_t, 2>,
                     llvm::SmallVector<int64_t, 2>)>
      walk = [&](QualType ft, const std::string &path, uint64_t offset,
                 llvm::SmallVector<int64_t, 2> dims, llvm::SmallVector<int64_t, 2> strides) {
        ft = ft.getCanonicalType().getUnqualifiedType();
        if (const ConstantArrayType *at = ast.getAsConstantArrayType(ft)) {
          dims.push_back(at->getSize().getSExtValue());
          strides.push_back(ast.getTypeSizeInChars(at->getElementType()).getQuantity());
          return walk(at->getElementType(), path + "[]", offset, dims, strides);
        }
        if (auto s = scalar(ft)) {
          FieldLeaf leaf;
          leaf.path = path;
          leaf.dims = dims;
          leaf.strides = strides;
          leaf.type = ft;
          leaf.scalar = *s;
          leaf.offset = offset;
          leaf.bytes = ast.getTypeSizeInChars(ft).getQuantity();
          leaf.depth = llvm::count(path, '.');
          info->leaves.push_back(std::move(leaf));
          return;
        }
        const RecordDecl *rd = ft->getAsRecordDecl();
        const ASTRecordLayout &layout = ast.getASTRecordLayout(rd);
        for (const FieldDecl *f : rd->fields())
          walk(f->getType(), path + "." + f->getNameAsString(),
               offset + layout.getFieldOffset(f->getFieldIndex()) / 8, dims, strides);
      };
  walk(t, "", 0, {}, {});
  const StructInfo *result = info.get();
  structs[t.getTypePtr()] = std::move(info);
  return result;
}

std::string TypeMapper::explain(QualType t) const {
  if (const CXXRecordDecl *rd = t->getAsCXXRecordDecl(); rd && rd->isLambda())
    return "lambdas are not supported (write a separate function)";
  {
    QualType base = t.getNonReferenceType();
    if (base->isPointerType())
      base = base->getPointeeType();
    while (const ArrayType *at = ast.getAsArrayType(base))
      base = at->getElementType();
    if (isUserStruct(base)) {
      std::string problem = structProblem(base);
      if (!problem.empty())
        return "type '" + t.getAsString() + "' is not supported: " + problem;
    }
  }
  if (t->isArrayType()) {
    // An array of streams: what is wrong with its streams.
    QualType elem = t.getCanonicalType();
    while (const ArrayType *at = ast.getAsArrayType(elem))
      elem = at->getElementType();
    if (isBlockStreamClass(elem) || hlsClass(elem, "stream", true))
      return explain(elem);
  }
  PrintingPolicy pp(ast.getLangOpts());
  pp.SuppressTagKeyword = true;
  if (isBlockStreamClass(t) ||
      (t->isReferenceType() && isBlockStreamClass(t.getNonReferenceType())))
    return "type '" + t.getAsString(pp) +
           "' is not supported: a stream of blocks needs a block that is a fixed-size array of "
           "supported scalars (e.g. 'typedef int buf[64];'), and its locks need that block type";
  if (hlsClass(t.getNonReferenceType(), "stream", true))
    return "type '" + t.getAsString(pp) +
           "' is not supported: stream elements must be bool, integers, float, double, ap_int, "
           "ap_uint, ap_fixed or ap_ufixed (streams of structs or vectors are not raised)";
  std::string s = "type '" + t.getAsString() + "' is not supported";
  if (t->isPointerType() || t->isReferenceType()) {
    QualType pt = t->getPointeeType();
    const char *what = t->isPointerType() ? "pointers" : "references";
    if (pt->isPointerType() || pt->isReferenceType())
      s += std::string(" (") + what + " to pointers are not raised)";
    else if (pt->isVoidType())
      s += " ('void *' is not raised: point to the element type)";
    else if (pt->isFunctionType())
      s += " (function pointers are not raised)";
    else
      s += std::string(" (") + what +
           " are raised to arrays and scalars of the supported "
           "element types: bool, integers, float, double, ap_int, ap_uint, ap_fixed, ap_ufixed)";
  } else if (t->isArrayType())
    s += " (arrays need constant sizes and a supported element type)";
  else if (t->isRecordType())
    s += " (classes are not raised; supported: bool, integers, float, double, ap_int, "
         "ap_uint, ap_fixed, ap_ufixed)";
  else
    s += " (supported: bool, integers, float, double, ap_int, ap_uint, ap_fixed, ap_ufixed)";
  return s;
}
