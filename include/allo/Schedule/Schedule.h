//===- Schedule.h - JSON schedules: parsing and applying ---------*- C++ -*-===//
//
// A schedule file keeps hardware customizations apart from the algorithm:
//
//   {
//     "$schema": "../schedules/schedule.schema.json",
//     "top": "gemm",
//     "steps": [
//       {"op": "split",     "loop": "gemm:j", "factor": 4},
//       {"op": "reorder",   "loops": ["gemm:k", "gemm:j.outer"]},
//       {"op": "pipeline",  "loop": "gemm:j.inner", "ii": 1},
//       {"op": "partition", "array": "gemm:B", "type": "cyclic", "factor": 4, "dim": 2}
//     ]
//   }
//
// parseSchedule() turns the text into a typed list of steps; every step and
// every field remembers its JSON path (`steps[2].factor`) and its line:column
// in the file, so that errors found while parsing or while applying point at
// the offending text. applySchedule() applies the steps in order to raised
// affine MLIR, as a transform script of the allo Transform extension (one op
// per primitive, include/allo/TransformOps/AlloTransformOps.td, the single
// definition of the language; schedules/reference.md for the exact semantics
// of each primitive and the names of the loops they create).
//
// Errors are never fatal to the process: parsing returns a list of
// diagnostics; applying reports MLIR diagnostics located in the schedule file
// (with notes located in the C++ source) and fails, leaving the module as it
// was before the failing step.
//
//===----------------------------------------------------------------------===//
#ifndef ALLO_SCHEDULE_SCHEDULE_H
#define ALLO_SCHEDULE_SCHEDULE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/LLVM.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace allo {

/// 1-based line and column (in bytes) in the schedule file; 0 = unknown.
struct SchedulePos {
  unsigned line = 0, col = 0;
};

/// One problem found in a schedule file.
struct ScheduleDiagnostic {
  std::string file;       ///< the schedule file as given
  SchedulePos pos;        ///< where in the file (0:0 if unknown)
  std::string path;       ///< JSON path, e.g. "steps[2].factor"; empty for syntax errors
  std::string message;    ///< what is wrong and what was expected
  std::string suggestion; ///< how to fix it (did-you-mean, valid values); may be empty

  /// "file:line:col: error: path: message" and, if any, "\n  note: suggestion".
  std::string str() const;
};

/// A reference to a loop (`func:name`), an array (`func:name`) or a function
/// (`name`) as written in the file.
struct ScheduleRef {
  std::string func;    ///< function symbol name
  std::string name;    ///< loop or array name (empty for a function reference)
  std::string spelled; ///< as written
  std::string path;    ///< JSON path of the string
  SchedulePos pos;

  /// "func:name" (or "func" for a function reference).
  std::string str() const { return name.empty() ? func : func + ":" + name; }
};

/// An integer, boolean or string field with the place it was written (pos is
/// 0:0 when the field was omitted and has its default).
template <typename T> struct ScheduleField {
  T value{};
  std::string path;
  SchedulePos pos;
  bool given = false;
};

//===----------------------------------------------------------------------===//
// The op table, generated from include/allo/TransformOps/AlloTransformOps.td
// (shared by the parser, the transform ops, the schema and the reference).
//===----------------------------------------------------------------------===//

enum class FieldKind {
  Loop,     ///< "func:loop"
  Loops,    ///< ["func:loop", ...], at least FieldSpec::min
  Function, ///< "func"
  Array,    ///< "func:array"
  Int,
  Bool,
  Enum, ///< one of FieldSpec::values
  String,
  IntList, ///< [n, ...], each >= FieldSpec::min
};

/// The largest value of every integer field (factors, ii, dims, axes,
/// depths): what HLS directives and C++ `int` loop bounds hold.
constexpr int64_t kScheduleIntMax = 2147483647;

struct FieldSpec {
  const char *name; ///< in JSON
  const char *attr; ///< the transform op's attribute
  FieldKind kind;
  bool required;
  int64_t min = 0;               ///< Int, IntList: the least valid value; Loops: the fewest loops
  int64_t max = kScheduleIntMax; ///< Int, IntList: the largest valid value
  std::vector<const char *> values; ///< Enum: the valid values
  const char *doc = "";
  const char *defaultValue = nullptr; ///< as text ("1", "false", "PE"); null if none
};

struct ScheduleStep;
/// A rule between fields broken: where and why.
struct StepProblem {
  std::string path;
  SchedulePos pos;
  std::string message, suggestion;
};
namespace sched {
class StepContext;
}

struct OpSpec {
  const char *name;              ///< in JSON ("split")
  const char *opName;            ///< the transform op ("transform.allo.split")
  std::vector<FieldSpec> fields; ///< without "op" and "comment", which every step has
  /// Groups of fields of which exactly one must be given (e.g. loop | function).
  std::vector<std::vector<const char *>> exactlyOneOf;
  const char *summary = "";     ///< what it does, in a sentence or two (schema, editors)
  const char *doc = "";         ///< the reference: exactly what it does (Markdown)
  const char *schemaExtra = ""; ///< JSON merged into the op's JSON Schema definition
  bool composite = false;       ///< applies other steps, which verify one by one (compose)
  mlir::LogicalResult (*apply)(sched::StepContext &) = nullptr;
  std::string (*summarize)(const ScheduleStep &) = nullptr;
  std::optional<StepProblem> (*check)(const ScheduleStep &) = nullptr;

  const FieldSpec *field(llvm::StringRef name) const;
};

/// Every op of the schedule language, with its fields.
llvm::ArrayRef<OpSpec> scheduleOps();
/// The op named `name` in JSON ("split") or in IR ("transform.allo.split"), or null.
const OpSpec *findScheduleOp(llvm::StringRef name);

/// The value of one field of a step: as given, or its default.
struct StepField {
  const FieldSpec *spec = nullptr;
  std::string path; ///< "steps[3].factor"
  SchedulePos pos;  ///< 0:0 when not given
  bool given = false;
  std::vector<ScheduleRef> refs; ///< Loop, Function, Array: one; Loops: one per loop
  int64_t integer = 0;           ///< Int
  bool flag = false;             ///< Bool
  std::string text;              ///< Enum, String
  std::vector<int64_t> ints;     ///< IntList
};

/// One step: an op of the table and its fields, whether parsed from JSON or
/// read from a transform op. Primitives read the fields by name.
struct ScheduleStep {
  const OpSpec *spec = nullptr;
  std::string op; ///< the op's name as in the file
  unsigned index = 0;
  std::string path;              ///< "steps[3]"
  std::string file;              ///< the file the step is written in
  SchedulePos pos;               ///< the step's opening brace
  std::vector<StepField> fields; ///< one per field of the op, in the table's order

  bool is(llvm::StringRef opName) const { return op == opName; }
  /// The field named `name` (in JSON); the op must have it.
  const StepField &field(llvm::StringRef name) const;
  bool has(llvm::StringRef name) const;
  /// The loops of the step's loop fields, in the table's order (compute_at:
  /// producer, consumer).
  std::vector<ScheduleRef> loops() const;
  /// The step's function or array field, if given.
  std::optional<ScheduleRef> function() const;
  std::optional<ScheduleRef> array() const;
  ScheduleField<int64_t> integer(llvm::StringRef name) const;
  ScheduleField<bool> flag(llvm::StringRef name) const;
  ScheduleField<std::string> text(llvm::StringRef name) const;
  ScheduleField<std::vector<int64_t>> ints(llvm::StringRef name) const;

  /// A one-line summary, e.g. "split gemm:j by 4".
  std::string summary() const;
};

/// `step` with every field at its default (used to start a step).
void initStepFields(ScheduleStep &step, const OpSpec &spec);

struct Schedule {
  std::string file; ///< the file name used in diagnostics
  std::string top;  ///< optional: the function of loop/array names written without "func:"
  std::vector<ScheduleStep> steps;
};

/// The JSON Schema of schedule files (schedules/schedule.schema.json) and the
/// reference of the ops (schedules/reference.md), printed from the op table.
std::string scheduleSchema();
std::string scheduleReference();

//===----------------------------------------------------------------------===//
// Parsing
//===----------------------------------------------------------------------===//

/// Parses schedule text. `fileName` is only used in diagnostics. Returns
/// std::nullopt and appends to `diags` on any error (all errors found are
/// reported, not only the first). A UTF-8 byte order mark at the start is
/// skipped (line:col count from the character after it); a NUL byte and
/// nesting deeper than kScheduleMaxDepth are errors at their position.
///
/// `composedInto` is set when the text is a sub-schedule composed into that
/// function (the compose op): its names without "func:" then belong to that
/// function, and a "top" naming another function is an error.
std::optional<Schedule> parseSchedule(llvm::StringRef text, llvm::StringRef fileName,
                                      std::vector<ScheduleDiagnostic> &diags,
                                      llvm::StringRef composedInto = "");

/// Limits on schedule input, so that malformed or hostile files get an error
/// instead of exhausting the machine: the file size (bytes) and the nesting
/// of JSON arrays and objects (a schedule nests 4 deep).
constexpr uint64_t kScheduleMaxBytes = 16u << 20;
constexpr unsigned kScheduleMaxDepth = 64;

/// Why `path` cannot be read as a schedule file (missing, not a regular file
/// such as a device or a FIFO, larger than kScheduleMaxBytes), or empty.
std::string scheduleFileProblem(llvm::StringRef path);

/// Reads and parses a schedule file (see scheduleFileProblem for the files
/// refused before reading).
std::optional<Schedule> parseScheduleFile(llvm::StringRef path,
                                          std::vector<ScheduleDiagnostic> &diags,
                                          llvm::StringRef composedInto = "");

/// The closest candidate within a small edit distance, or empty.
std::string closestMatch(llvm::StringRef word, llvm::ArrayRef<std::string> candidates);

/// 1-based line:column of a byte offset in `text` (offsets past the end point
/// just after the last character).
SchedulePos positionOf(llvm::StringRef text, size_t offset);

//===----------------------------------------------------------------------===//
// Applying
//===----------------------------------------------------------------------===//

struct ScheduleOptions {
  /// If set, the module is printed here after each step (--dump-after-each).
  llvm::raw_ostream *dumpAfterEach = nullptr;
  /// Print locations in those dumps.
  bool dumpLocations = false;
};

/// What the steps of one application share: the options and, inside compose
/// steps, the chain of schedule files being applied (to report cycles) and
/// the prefix of --dump-after-each headers.
struct ScheduleRun {
  ScheduleOptions options;
  std::vector<std::string> chain;
  std::string prefix;
};

/// Applies one step to `module`: on a copy of it, which must verify
/// afterwards (except for composite steps, whose sub-steps verify one by
/// one), and which then replaces the module's payload (transform ops in the
/// module, when a script is run from inside it, are left alone). `later` are
/// the steps after this one (unfold looks for relays of its grid). On failure
/// the error is reported (located in the schedule) and the module is
/// unchanged.
mlir::LogicalResult applyStep(mlir::ModuleOp module, const ScheduleStep &step,
                              llvm::ArrayRef<ScheduleStep> later, ScheduleRun &run);

/// Applies the steps of `schedule` as a transform script: each step is an op
/// of the allo Transform extension, run by MLIR's transform interpreter
/// (lib/TransformOps).
mlir::LogicalResult applyScheduleSteps(mlir::ModuleOp module, const Schedule &schedule,
                                       ScheduleRun &run);

/// The identity of a schedule file for compose cycles: its real path, or
/// the path as given when it does not exist.
std::string scheduleFileKey(llvm::StringRef path);

/// Emits parse diagnostics as MLIR errors at their file:line:col.
void emitScheduleDiagnostics(mlir::MLIRContext *ctx, llvm::ArrayRef<ScheduleDiagnostic> diags);

/// Applies the steps of `schedule` in order. Each step is applied to a copy of
/// the module, which must verify afterwards; only then does it replace the
/// module. On the first failing step an error located in the schedule file
/// (`file:line:col`, with the step's JSON path) is emitted through the
/// module's MLIRContext and failure is returned: the module then holds the
/// result of the steps before it. compose steps resolve their file relative to
/// the directory of `schedule.file` and are applied as one step.
mlir::LogicalResult applySchedule(mlir::ModuleOp module, const Schedule &schedule,
                                  ScheduleOptions options = {});

/// Parses `path` and applies it. Parse errors are emitted as MLIR errors at
/// their file:line:col.
mlir::LogicalResult applyScheduleFile(mlir::ModuleOp module, llvm::StringRef path,
                                      ScheduleOptions options = {});

/// Registers the `allo-apply-schedule` pass (options `schedule=<path>`,
/// `dump-after-each`) with MLIR's pass registry (for allo-opt).
void registerSchedulePasses();

} // namespace allo

#endif
