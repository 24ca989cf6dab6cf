#!/usr/bin/env python3
"""Checks kernels of the HLS corpus (test/Corpus/<kernel>/) against their native builds.

For each kernel folder (kernel.cpp, tb.cpp, optional kernel.h, schedule.json, args):

  1. native: kernel.cpp + tb.cpp with g++ -O2 -ffp-contract=off against the csim headers;
     its output (stdout and exit status, which must be 0) is the reference;
  2. allo-rewrite kernel.cpp --target vhls [--schedule schedule.json] [args];
  3. the emitted file + tb.cpp built with g++ and with clang++, run, output compared with the
     reference exactly;
  4. the native and the emitted programs built with -fsanitize=address,undefined (g++), run,
     every report is a failure, the output must match too;
  5. with a schedule, the unscheduled emission is also built (g++) and compared.

A kernel whose folder holds an `unsupported` file uses a construct that
docs/user-guide/subset.md documents as not supported: its first non-comment line is the text the
tool's error must contain. Then only the native build and run are checked, and allo-rewrite must
fail cleanly (exit status 1, no crash, nothing written) with a located error
(`kernel.cpp:LINE:COL: error: ...` naming that text); the kernel is reported UNSUPPORTED, not as
a failure. Once the tool supports the construct this check fails: delete the file.

The `args` file holds allo-rewrite arguments (`--top NAME`); what follows `--` is passed to
Clang and to every compiler (`-DN=8`). Any compile error, tool error, crash, sanitizer report,
time-out or output difference is a failure, named with the stage and its first error.

Usage:
  corpus-check.py                      # every kernel next to this script, summary table
  corpus-check.py fir_static sobel     # some kernels (names or folders)
  corpus-check.py -j2 --keep --work /tmp/corpus
Options name the tools (defaults: <repo>/build/bin/allo-rewrite, g++, clang++-22).
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

COMPILE_TIMEOUT = 300
RUN_TIMEOUT = 60
OPT = ["-O2", "-ffp-contract=off"]
SANITIZE = ["-O1", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all",
            "-fno-omit-frame-pointer", "-ffp-contract=off"]
WARN = ["-w"]  # the corpus is compiled as users compile it; warnings are not the point


class Failure(Exception):
    def __init__(self, stage, message):
        super().__init__(f"{stage}: {message}")
        self.stage = stage
        self.message = message


def first_error(text, markers=("error:", "Error", "ERROR", "runtime error", "Assertion")):
    """The first line of a tool's or compiler's output that names an error."""
    lines = [l for l in text.splitlines() if l.strip()]
    for line in lines:
        if any(m in line for m in markers):
            return line.strip()
    return lines[0].strip() if lines else "(no output)"


def run(cmd, timeout, cwd=None, env=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = (e.stderr or b"").decode("utf-8", "replace")
        return None, out, err


def describe_status(rc):
    if rc is None:
        return "timed out"
    if rc < 0:
        return f"killed by signal {-rc}"
    return f"exit status {rc}"


def compare(stage, expected, actual):
    """Raises a Failure naming the first line where two outputs differ."""
    if expected == actual:
        return
    e, a = expected.splitlines(), actual.splitlines()
    for i in range(max(len(e), len(a))):
        el = e[i] if i < len(e) else "<end of output>"
        al = a[i] if i < len(a) else "<end of output>"
        if el != al:
            raise Failure(stage, f"output differs from the native build at line {i + 1}: "
                                 f"expected '{el[:200]}', got '{al[:200]}'")
    raise Failure(stage, "output differs from the native build (trailing newline)")


class Checker:
    def __init__(self, opts):
        self.opts = opts
        rc, out, err = run([opts.allo_rewrite, "--print-csim-flags"], 60)
        if rc != 0:
            sys.exit(f"corpus-check: error: '{opts.allo_rewrite} --print-csim-flags' failed: "
                     f"{first_error(err + out)}")
        self.csim = shlex.split(out.strip())

    def build(self, stage, compiler, flags, sources, exe, kdir, cflags):
        cmd = [compiler] + flags + WARN + self.csim + ["-I", kdir] + cflags + sources + ["-o", exe]
        rc, out, err = run(cmd, COMPILE_TIMEOUT)
        if rc != 0:
            raise Failure(stage, f"does not compile ({describe_status(rc)}): "
                                 f"{first_error(err + out)}\n  command: {shlex.join(cmd)}")

    def execute(self, stage, exe, wdir, sanitizer=False):
        env = dict(os.environ)
        if sanitizer:
            env["ASAN_OPTIONS"] = "detect_leaks=1:abort_on_error=0:exitcode=86"
            env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1:exitcode=87"
        rc, out, err = run([exe], RUN_TIMEOUT, cwd=wdir, env=env)
        if rc != 0:
            what = describe_status(rc)
            if sanitizer and rc in (86, 87):
                what = "sanitizer report"
            raise Failure(stage, f"{what}: {first_error(err + out, ('ERROR', 'runtime error', 'error', 'abort', 'Assertion'))}")
        return out

    def emit(self, stage, kdir, wdir, tool_args, cflags, schedule, out_name):
        out = os.path.join(wdir, out_name)
        cmd = [self.opts.allo_rewrite, os.path.join(kdir, "kernel.cpp"), "--target", "vhls"]
        if schedule:
            cmd += ["--schedule", schedule]
        cmd += tool_args + ["-o", out, "--", "-I", kdir] + cflags
        rc, so, se = run(cmd, COMPILE_TIMEOUT)
        if rc != 0 or not os.path.exists(out):
            raise Failure(stage, f"allo-rewrite failed ({describe_status(rc)}): "
                                 f"{first_error(se + so)}\n  command: {shlex.join(cmd)}")
        warnings = [l.strip() for l in (se + so).splitlines() if "warning:" in l]
        return out, warnings

    def refused(self, kdir, wdir, tool_args, cflags, schedule, expected_error):
        """allo-rewrite must refuse the kernel with a located error naming expected_error."""
        out = os.path.join(wdir, "emitted.cpp")
        cmd = [self.opts.allo_rewrite, os.path.join(kdir, "kernel.cpp"), "--target", "vhls"]
        if schedule:
            cmd += ["--schedule", schedule]
        cmd += tool_args + ["-o", out, "--", "-I", kdir] + cflags
        rc, so, se = run(cmd, COMPILE_TIMEOUT)
        stage = "allo-rewrite (expected to refuse the kernel)"
        if rc == 0:
            raise Failure(stage, "the kernel is now accepted: delete the 'unsupported' file to "
                                 "check it end to end")
        if rc != 1:
            raise Failure(stage, f"{describe_status(rc)} instead of a located error: "
                                 f"{first_error(se + so)}")
        if os.path.exists(out):
            raise Failure(stage, f"'{out}' was written although the kernel was refused")
        located = [l for l in se.splitlines()
                   if re.match(r".*kernel\.(cpp|h):\d+:\d+: error: ", l)]
        if not any(expected_error in l for l in located):
            raise Failure(stage, f"no located error naming '{expected_error}': "
                                 f"{first_error(se + so)}")

    def check(self, kdir, wdir):
        """Returns (list of Failures, list of notes, whether the kernel is unsupported)."""
        os.makedirs(wdir, exist_ok=True)
        tool_args, cflags = [], []
        args_file = os.path.join(kdir, "args")
        if os.path.exists(args_file):
            with open(args_file) as f:
                words = shlex.split(f.read(), comments=True)
            if "--" in words:
                i = words.index("--")
                tool_args, cflags = words[:i], words[i + 1:]
            else:
                tool_args = words
        unsupported = os.path.join(kdir, "unsupported")
        expected_error = None
        if os.path.exists(unsupported):
            with open(unsupported) as f:
                lines = [l.strip() for l in f if l.strip() and not l.lstrip().startswith("#")]
            expected_error = lines[0] if lines else ""
        schedule = os.path.join(kdir, "schedule.json")
        schedule = schedule if os.path.exists(schedule) else None
        kernel = os.path.join(kdir, "kernel.cpp")
        tb = os.path.join(kdir, "tb.cpp")
        cxx, clangxx = self.opts.cxx, self.opts.clangxx
        failures, notes = [], []

        def stage(fn):
            try:
                return fn()
            except Failure as f:
                failures.append(f)
                return None

        # 1. the reference
        def native():
            exe = os.path.join(wdir, "native")
            self.build("native build", cxx, OPT, [kernel, tb], exe, kdir, cflags)
            return self.execute("native run", exe, wdir)

        expected = stage(native)
        if expected is not None:
            with open(os.path.join(wdir, "native.out"), "w") as f:
                f.write(expected)

        if expected_error is not None:
            stage(lambda: self.refused(kdir, wdir, tool_args, cflags, schedule, expected_error))
            return failures, notes, True

        # 2. emission
        def emit_main():
            out, warns = self.emit("allo-rewrite" + (" --schedule" if schedule else ""), kdir,
                                   wdir, tool_args, cflags, schedule, "emitted.cpp")
            notes.extend(warns)
            return out

        emitted = stage(emit_main)

        # 3. emitted code with both compilers
        for name, compiler in (("g++", cxx), ("clang++", clangxx)):
            if emitted is None:
                break

            def emitted_run(name=name, compiler=compiler):
                exe = os.path.join(wdir, "emitted-" + name.replace("+", "x"))
                self.build(f"emitted build ({name})", compiler, OPT, [emitted, tb], exe, kdir,
                           cflags)
                out = self.execute(f"emitted run ({name})", exe, wdir)
                if expected is not None:
                    compare(f"emitted run ({name})", expected, out)

            stage(emitted_run)

        # 4. sanitizers
        if not self.opts.no_sanitize:
            def sanitized(which, src):
                exe = os.path.join(wdir, which + "-asan")
                self.build(f"{which} build (asan+ubsan)", cxx, SANITIZE, [src, tb], exe, kdir,
                           cflags)
                out = self.execute(f"{which} run (asan+ubsan)", exe, wdir, sanitizer=True)
                if expected is not None:
                    compare(f"{which} run (asan+ubsan)", expected, out)

            if expected is not None:
                stage(lambda: sanitized("native", kernel))
            if emitted is not None:
                stage(lambda: sanitized("emitted", emitted))

        # 5. the kernel without its schedule
        if schedule:
            def plain():
                out, _ = self.emit("allo-rewrite (no schedule)", kdir, wdir, tool_args, cflags,
                                   None, "emitted-plain.cpp")
                exe = os.path.join(wdir, "emitted-plain")
                self.build("emitted build (no schedule, g++)", cxx, OPT, [out, tb], exe, kdir,
                           cflags)
                res = self.execute("emitted run (no schedule, g++)", exe, wdir)
                if expected is not None:
                    compare("emitted run (no schedule, g++)", expected, res)

            stage(plain)
        return failures, notes, False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kernels", nargs="*", help="kernel names or folders (default: all)")
    default_tool = os.path.join(REPO, "build", "bin", "allo-rewrite")
    ap.add_argument("--allo-rewrite", default=default_tool if os.path.exists(default_tool)
                    else (shutil.which("allo-rewrite") or default_tool))
    ap.add_argument("--cxx", default="g++")
    default_clang = "/usr/lib/llvm-22/bin/clang++"
    ap.add_argument("--clangxx", default=default_clang if os.path.exists(default_clang)
                    else "clang++-22")
    ap.add_argument("--work", help="folder for the builds (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--no-sanitize", action="store_true", help="skip the sanitizer builds")
    ap.add_argument("-j", "--jobs", type=int, default=1, help="kernels checked in parallel")
    ap.add_argument("-q", "--quiet", action="store_true", help="only the summary")
    opts = ap.parse_args()

    kdirs = []
    if not opts.kernels:
        for name in sorted(os.listdir(HERE)):
            d = os.path.join(HERE, name)
            if os.path.isfile(os.path.join(d, "kernel.cpp")):
                kdirs.append(d)
    for k in opts.kernels:
        d = k if os.path.isdir(k) else os.path.join(HERE, k)
        if not os.path.isfile(os.path.join(d, "kernel.cpp")) or \
                not os.path.isfile(os.path.join(d, "tb.cpp")):
            sys.exit(f"corpus-check: error: '{k}' is not a corpus kernel (needs kernel.cpp and "
                     f"tb.cpp)")
        kdirs.append(os.path.abspath(d))

    work = opts.work or tempfile.mkdtemp(prefix="allo-corpus-")
    checker = Checker(opts)

    def one(kdir):
        name = os.path.basename(os.path.normpath(kdir))
        t0 = time.time()
        failures, notes, refused = checker.check(kdir, os.path.join(work, name))
        return name, failures, notes, refused, time.time() - t0

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
        for name, failures, notes, refused, secs in pool.map(one, kdirs):
            results.append((name, failures, refused))
            if not opts.quiet or failures:
                status = "FAIL" if failures else "UNSUPPORTED" if refused else "PASS"
                print(f"{status}: {name} ({secs:.1f} s)", flush=True)
                for n in notes:
                    print(f"  note: {n}")
                for f in failures:
                    print(f"  {f.stage}: {f.message}")
    if len(results) > 1:
        print()
        passed = [n for n, f, r in results if not f and not r]
        refused = [n for n, f, r in results if not f and r]
        print(f"{len(passed)} of {len(results)} kernels pass"
              + (f", {len(refused)} unsupported as documented ({', '.join(refused)})"
                 if refused else ""))
        for n, f, _ in results:
            if f:
                print(f"  {n}: {f[0].stage}: {f[0].message.splitlines()[0]}")
    if opts.work is None and not opts.keep:
        shutil.rmtree(work, ignore_errors=True)
    elif not opts.quiet:
        print(f"builds in {work}")
    return 1 if any(f for _, f, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
