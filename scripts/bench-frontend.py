#!/usr/bin/env python3
"""Benchmark the Allo C++ frontend against a plain clang -fsyntax-only parse of the same TU.

Usage: scripts/bench-frontend.py [--build build] [--runs 5] [--kernels 200] [--markdown]

Generates one translation unit with many [[allo::kernel]] functions (scripts/gen_bench_tu.py)
into a temporary directory, then measures the median wall time of

    <build>/bin/allo-rewrite TU.cpp --target mlir -o /dev/null
    clang++-22 -std=c++17 -fsyntax-only -I<repo>/include -Wno-unknown-attributes TU.cpp

and prints both medians and their ratio (a line "ratio: X.XX"). With --markdown it also
prints a small markdown table. Python 3.11 standard library only.

-Wno-unknown-attributes keeps plain clang from diagnosing every [[allo::kernel]] (printing
200 warnings costs about a quarter of the baseline's time); --warn-attributes drops it.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT_DIR = Path(__file__).resolve().parent
REPO_ROOT = SCRIPT_DIR.parent
sys.path.insert(0, str(SCRIPT_DIR))
import gen_bench_tu  # noqa: E402


def die(msg):
    print(f"bench-frontend: error: {msg}", file=sys.stderr)
    sys.exit(1)


def find_build_dir(arg):
    """Relative --build paths are tried against the current directory, then the repo root."""
    p = Path(arg)
    if p.is_absolute():
        return p
    for base in (Path.cwd(), REPO_ROOT):
        if (base / p).is_dir():
            return (base / p).resolve()
    return (REPO_ROOT / p).resolve()


def time_once(cmd, cwd, label):
    """Run cmd once and return its wall-clock duration in seconds; die if it fails."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        out = (proc.stderr or proc.stdout).decode(errors="replace").splitlines()
        tail = "\n".join(out[:20])
        die(f"{label} failed (exit code {proc.returncode}):\n  {' '.join(map(str, cmd))}\n{tail}")
    return elapsed


def time_commands(cmds, cwd, runs, warmup):
    """Time each (label, cmd) warmup + runs times, interleaving the commands run by run so that
    drift in machine load affects all of them alike. Returns {label: [timed durations]}."""
    times = {label: [] for label, _ in cmds}
    for i in range(warmup + runs):
        for label, cmd in cmds:
            elapsed = time_once(cmd, cwd, label)
            if i >= warmup:
                times[label].append(elapsed)
    return times


def fmt_times(times):
    return (f"median {statistics.median(times):.3f} s over {len(times)} runs "
            f"(min {min(times):.3f}, max {max(times):.3f})")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default="build", help="CMake build directory containing bin/allo-rewrite (default: build)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per command; the median is reported (default: 5)")
    ap.add_argument("--warmup", type=int, default=1, help="untimed warm-up runs per command (default: 1)")
    ap.add_argument("--kernels", type=int, default=200, help="kernels in the generated TU (default: 200)")
    ap.add_argument("--seed", type=int, default=0, help="generator seed (default: 0)")
    ap.add_argument("--clang", default="clang++-22", help="clang++ used for the -fsyntax-only baseline (default: clang++-22)")
    ap.add_argument("--warn-attributes", action="store_true",
                    help="do not pass -Wno-unknown-attributes to the clang baseline")
    ap.add_argument("--markdown", action="store_true", help="also print a markdown table row")
    ap.add_argument("--clang-only", action="store_true",
                    help="only time the clang baseline (for checking the script without a built allo-rewrite)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory with the generated TU")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.warmup < 0:
        ap.error("--warmup must be non-negative")
    if args.kernels < 1:
        ap.error("--kernels must be at least 1")

    tool = None
    if not args.clang_only:
        build = find_build_dir(args.build)
        tool = build / "bin" / "allo-rewrite"
        if not tool.is_file() or not os.access(tool, os.X_OK):
            die(f"allo-rewrite not found (or not executable) at {tool}\n"
                f"  build it first (e.g. `cmake --build {args.build}`), pass --build DIR, "
                f"or use --clang-only to time only the clang baseline")
    clang = shutil.which(args.clang)
    if clang is None:
        die(f"{args.clang} not found in PATH (pass --clang)")

    tmp = Path(tempfile.mkdtemp(prefix="allo-bench-"))
    try:
        tu = tmp / "bench_tu.cpp"
        gen_bench_tu.main([str(tu), "--kernels", str(args.kernels), "--seed", str(args.seed)])
        nlines = tu.read_text().count("\n")
        print(f"TU: {tu} ({args.kernels} kernels, {nlines} lines)")

        include = REPO_ROOT / "include"
        if not (include / "allo" / "allo.h").is_file():
            # The public header is not there yet: parse against an empty stand-in so the
            # baseline still measures parsing the kernels themselves.
            include = tmp / "include"
            (include / "allo").mkdir(parents=True)
            (include / "allo" / "allo.h").write_text("#pragma once\n")
            print(f"warning: {REPO_ROOT / 'include/allo/allo.h'} not found; using an empty stand-in header",
                  file=sys.stderr)

        clang_cmd = [clang, "-std=c++17", "-fsyntax-only", f"-I{include}", str(tu)]
        if not args.warn_attributes:
            clang_cmd.insert(-1, "-Wno-unknown-attributes")
        cmds = []
        if tool is not None:
            cmds.append(("allo-rewrite", [str(tool), str(tu), "--target", "mlir", "-o", os.devnull]))
        cmds.append(("clang baseline", clang_cmd))
        times = time_commands(cmds, tmp, args.runs, args.warmup)
        clang_times = times["clang baseline"]
        allo_times = times.get("allo-rewrite")
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    clang_med = statistics.median(clang_times)
    clang_label = f"{Path(args.clang).name} -fsyntax-only"
    if allo_times is not None:
        allo_med = statistics.median(allo_times)
        print(f"allo-rewrite --target mlir: {fmt_times(allo_times)}")
    print(f"{clang_label}: {fmt_times(clang_times)}")
    ratio = None
    if allo_times is not None:
        ratio = allo_med / clang_med if clang_med > 0 else float("inf")
        print(f"ratio: {ratio:.2f}")

    if args.markdown:
        print()
        print(f"| kernels | allo-rewrite (s) | {clang_label} (s) | ratio |")
        print("|--------:|-----------------:|" + "-" * (len(clang_label) + 6) + ":|------:|")
        allo_cell = f"{allo_med:.3f}" if allo_times is not None else "n/a"
        ratio_cell = f"{ratio:.2f}" if ratio is not None else "n/a"
        print(f"| {args.kernels} | {allo_cell} | {clang_med:.3f} | {ratio_cell} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
