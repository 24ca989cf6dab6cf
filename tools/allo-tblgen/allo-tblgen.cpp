//===- allo-tblgen.cpp - The schedule op table from AlloTransformOps.td ---===//
//
// A TableGen backend that reads the transform ops of the schedule language
// (defs deriving from Allo_ScheduleOp) and writes, in one .inc file:
//
//   GET_ALLO_SCHEDULE_DECLS  the declarations of each primitive's functions
//                            (sched::apply<Impl>, sched::summarize<Impl>,
//                            sched::check<Impl> when alloCheck is set);
//   GET_ALLO_SCHEDULE_TABLE  the OpSpec initializers of allo::scheduleOps():
//                            JSON names, attribute names, field kinds,
//                            bounds, defaults and descriptions.
//
// Everything the JSON parser, the op verifier, the schema and the reference
// know about an op thus comes from its ODS definition.
//
// -gen-allo-attrs reads the allo dialect's discardable attributes
// (Allo_Discardable records, AlloAttrs.td) and writes:
//
//   GET_ALLO_ATTR_DECLS      inside class AlloDialect: the names (kName =
//                            "allo.name") and typed helpers (getNameAttr,
//                            setNameAttr);
//   GET_ALLO_ATTR_TABLE      the verifier's table: name, the constraint's
//                            predicate, the message.
//
//===----------------------------------------------------------------------===//
#include "mlir/TableGen/Attribute.h"
#include "mlir/TableGen/Format.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TableGen/Error.h"
#include "llvm/TableGen/Main.h"
#include "llvm/TableGen/Record.h"
#include "llvm/TableGen/TableGenBackend.h"

#include <string>
#include <vector>

using namespace llvm;

namespace {

/// A C++ string literal.
std::string lit(StringRef s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

/// A description: lines trimmed and joined with single spaces.
std::string paragraph(StringRef text) {
  SmallVector<StringRef, 8> lines;
  text.split(lines, '\n');
  std::string out;
  for (StringRef l : lines) {
    l = l.trim();
    if (l.empty())
      continue;
    if (!out.empty())
      out += ' ';
    out += l.str();
  }
  return out;
}

const char *kindEnum(const Record *field, StringRef kind) {
  const char *e = llvm::StringSwitch<const char *>(kind)
                      .Case("loop", "FieldKind::Loop")
                      .Case("loops", "FieldKind::Loops")
                      .Case("function", "FieldKind::Function")
                      .Case("array", "FieldKind::Array")
                      .Case("int", "FieldKind::Int")
                      .Case("bool", "FieldKind::Bool")
                      .Case("enum", "FieldKind::Enum")
                      .Case("string", "FieldKind::String")
                      .Case("int_list", "FieldKind::IntList")
                      .Default(nullptr);
  if (!e)
    PrintFatalError(field->getLoc(), "unknown alloKind '" + kind + "'");
  return e;
}

struct Field {
  std::string json, attr, kind, doc, defaultValue;
  bool required = true, hasDefault = false;
  int64_t min = 0, max = 0;
  std::vector<std::string> values;
};

std::vector<Field> fieldsOf(const Record *op) {
  std::vector<Field> fields;
  const DagInit *args = op->getValueAsDag("arguments");
  for (unsigned i = 0; i < args->getNumArgs(); ++i) {
    const auto *def = dyn_cast<DefInit>(args->getArg(i));
    if (!def)
      PrintFatalError(op->getLoc(), "argument #" + Twine(i) + " is not a def");
    const Record *arg = def->getDef();
    Field f;
    f.attr = args->getArgNameStr(i).str();
    const Record *constraint = arg;
    if (arg->isSubClassOf("OpVariable")) {
      f.doc = arg->getValueAsString("summary").str();
      constraint = arg->getValueAsDef("constraint");
      for (const Record *d : arg->getValueAsListOfDefs("decorators"))
        if (d->isSubClassOf("Allo_JsonName"))
          f.json = d->getValueAsString("jsonName").str();
    }
    if (constraint->isSubClassOf("TypeConstraint")) { // the target handle
      if (i != 0)
        PrintFatalError(op->getLoc(), "only the first argument may be a handle");
      continue;
    }
    const Record *base = constraint;
    if (!constraint->isSubClassOf("Allo_Field")) {
      f.required = !constraint->getValueAsBit("isOptional");
      if (!constraint->isValueUnset("defaultValue")) {
        f.hasDefault = true;
        f.defaultValue = constraint->getValueAsString("defaultValue").str();
        StringRef d = f.defaultValue;
        if (d.size() >= 2 && d.front() == '"' && d.back() == '"')
          f.defaultValue = d.drop_front().drop_back().str();
        f.required = false;
      }
      base = constraint->getValueAsDef("baseAttr");
    }
    if (!base->isSubClassOf("Allo_Field"))
      PrintFatalError(op->getLoc(), "argument '" + f.attr +
                                        "' is not an Allo_Field (or an optional or "
                                        "default-valued one)");
    if (f.doc.empty())
      PrintFatalError(op->getLoc(), "argument '" + f.attr + "' has no description (use Arg<>)");
    if (f.json.empty())
      f.json = f.attr;
    f.kind = base->getValueAsString("alloKind").str();
    kindEnum(base, f.kind);
    f.min = base->getValueAsInt("alloMin");
    f.max = base->getValueAsInt("alloMax");
    for (StringRef v : base->getValueAsListOfStrings("alloValues"))
      f.values.push_back(v.str());
    fields.push_back(std::move(f));
  }
  return fields;
}

bool emit(raw_ostream &os, const RecordKeeper &records) {
  emitSourceFileHeader("Allo schedule op table", os, records);
  std::vector<const Record *> ops = records.getAllDerivedDefinitions("Allo_ScheduleOp");
  // In the order of the .td file.
  llvm::sort(ops, [](const Record *a, const Record *b) { return a->getID() < b->getID(); });

  os << "#ifdef GET_ALLO_SCHEDULE_DECLS\n#undef GET_ALLO_SCHEDULE_DECLS\n";
  for (const Record *op : ops) {
    StringRef impl = op->getValueAsString("alloImpl");
    os << "::mlir::LogicalResult apply" << impl << "(StepContext &c);\n";
    os << "std::string summarize" << impl << "(const ::allo::ScheduleStep &s);\n";
    if (op->getValueAsBit("alloCheck"))
      os << "std::optional<::allo::StepProblem> check" << impl
         << "(const ::allo::ScheduleStep &s);\n";
  }
  os << "#endif // GET_ALLO_SCHEDULE_DECLS\n\n";

  os << "#ifdef GET_ALLO_SCHEDULE_TABLE\n#undef GET_ALLO_SCHEDULE_TABLE\n";
  for (const Record *op : ops) {
    StringRef name = op->getValueAsString("alloOp");
    StringRef impl = op->getValueAsString("alloImpl");
    std::vector<Field> fields = fieldsOf(op);
    os << "{" << lit(name) << ", " << lit(("transform.allo." + name).str()) << ",\n {";
    for (const Field &f : fields) {
      os << "\n  {" << lit(f.json) << ", " << lit(f.attr) << ", " << kindEnum(op, f.kind) << ", "
         << (f.required ? "true" : "false") << ", " << f.min << ", " << f.max << ", {";
      for (size_t i = 0; i < f.values.size(); ++i)
        os << (i ? ", " : "") << lit(f.values[i]);
      os << "}, " << lit(f.doc) << ", " << (f.hasDefault ? lit(f.defaultValue) : "nullptr") << "},";
    }
    os << "},\n {";
    for (const Init *group : op->getValueAsListInit("alloExactlyOneOf")->getElements()) {
      os << "{";
      const auto *l = cast<ListInit>(group);
      for (unsigned i = 0; i < l->size(); ++i) {
        StringRef g = cast<StringInit>(l->getElement(i))->getValue();
        if (!llvm::any_of(fields, [&](const Field &f) { return f.json == g; }))
          PrintFatalError(op->getLoc(), "alloExactlyOneOf names unknown field '" + g + "'");
        os << (i ? ", " : "") << lit(g);
      }
      os << "},";
    }
    os << "},\n " << lit(paragraph(op->getValueAsString("summary"))) << ",\n "
       << lit(paragraph(op->getValueAsString("description"))) << ",\n "
       << lit(paragraph(op->getValueAsString("alloSchemaExtra"))) << ",\n "
       << (op->getValueAsBit("alloComposite") ? "true" : "false") << ", &sched::apply" << impl
       << ", &sched::summarize" << impl << ", "
       << (op->getValueAsBit("alloCheck") ? ("&sched::check" + impl).str() : "nullptr") << "},\n";
  }
  os << "#endif // GET_ALLO_SCHEDULE_TABLE\n";
  return false;
}

bool emitAttrs(raw_ostream &os, const RecordKeeper &records) {
  emitSourceFileHeader("The allo dialect's discardable attributes", os, records);
  std::vector<const Record *> defs = records.getAllDerivedDefinitions("Allo_Discardable");
  llvm::sort(defs, [](const Record *a, const Record *b) { return a->getID() < b->getID(); });
  os << "#ifdef GET_ALLO_ATTR_DECLS\n#undef GET_ALLO_ATTR_DECLS\n";
  for (const Record *d : defs) {
    StringRef key = d->getValueAsString("alloKey");
    mlir::tblgen::Attribute attr(d->getValueAsDef("alloConstraint"));
    StringRef storage = attr.getStorageType();
    os << "  /// allo." << d->getValueAsString("alloName") << ": " << d->getValueAsString("alloDoc")
       << "\n";
    os << "  static constexpr ::llvm::StringLiteral k" << key << " = "
       << lit(("allo." + d->getValueAsString("alloName")).str()) << ";\n";
    os << "  static " << storage << " get" << key
       << "Attr(::mlir::Operation *op) {\n    return op->getAttrOfType<" << storage << ">(k" << key
       << ");\n  }\n";
    os << "  static void set" << key << "Attr(::mlir::Operation *op, " << storage
       << " value) {\n    op->setAttr(k" << key << ", value);\n  }\n";
  }
  os << "#endif // GET_ALLO_ATTR_DECLS\n\n";
  os << "#ifdef GET_ALLO_ATTR_TABLE\n#undef GET_ALLO_ATTR_TABLE\n";
  for (const Record *d : defs) {
    mlir::tblgen::Attribute attr(d->getValueAsDef("alloConstraint"));
    mlir::tblgen::FmtContext ctx;
    ctx.withSelf("attr");
    std::string cond = mlir::tblgen::tgfmt(attr.getConditionTemplate(), &ctx).str();
    os << "{AlloDialect::k" << d->getValueAsString("alloKey")
       << ", [](::mlir::Attribute attr) -> bool { return " << cond << "; }, "
       << lit(("expects " + d->getValueAsString("alloExpects")).str()) << "},\n";
  }
  os << "#endif // GET_ALLO_ATTR_TABLE\n";
  return false;
}

enum class Action { ScheduleOps, Attrs };
cl::opt<Action> action(cl::desc("What to generate:"),
                       cl::values(clEnumValN(Action::ScheduleOps, "gen-allo-schedule-ops",
                                             "the schedule op table (AlloTransformOps.td)"),
                                  clEnumValN(Action::Attrs, "gen-allo-attrs",
                                             "the allo dialect's attributes (AlloAttrs.td)")),
                       cl::init(Action::ScheduleOps));

bool run(raw_ostream &os, const RecordKeeper &records) {
  return action == Action::Attrs ? emitAttrs(os, records) : emit(os, records);
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM y(argc, argv);
  cl::ParseCommandLineOptions(argc, argv, "Allo C++ TableGen backends\n");
  return TableGenMain(argv[0], &run);
}
