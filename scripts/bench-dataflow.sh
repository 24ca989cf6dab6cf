#!/usr/bin/env bash
# Dataflow benchmark (issue 9): the systolic GEMM of examples/dataflow at
# 16 x 16 PEs, K = 256, emitted with --target sim (concurrent simulator,
# bounded FIFOs of depth 4) and with --target vhls (run as sequential C
# simulation on unbounded FIFOs), each driven REPS times by
# scripts/bench/systolic_driver.cpp; and the emitted line counts of the
# 4 x 4 and 16 x 16 grids (identical PEs share one function).
#
#   scripts/bench-dataflow.sh [BUILD_DIR=build] [REPS=20]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
REPS=${2:-20}
ALLO=$BUILD/bin/allo-rewrite
CXX=${CXX:-g++}
SRC=examples/dataflow/systolic_gemm/systolic_gemm.cpp
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
D="-DM=16 -DN=16 -DK=256"
for t in sim vhls; do
  "$ALLO" "$SRC" --top top --target $t -o "$OUT/$t.cpp" -- -std=c++17 $D
  flags=$("$ALLO" --print-$([ $t = sim ] && echo sim || echo csim)-flags)
  # shellcheck disable=SC2086
  "$CXX" $flags -O2 -Wno-unknown-pragmas $D "$OUT/$t.cpp" scripts/bench/systolic_driver.cpp \
    -o "$OUT/$t"
  printf '%-5s ' "$t:"
  "$OUT/$t" "$REPS"
done
for g in 4 16; do
  "$ALLO" "$SRC" --top top --target vhls -o "$OUT/g$g.cpp" -- -std=c++17 -DM=$g -DN=$g 2>/dev/null
  echo "emitted vhls, ${g}x$g grid: $(wc -l < "$OUT/g$g.cpp") lines, $(grep -c '^// .* (from ' "$OUT/g$g.cpp") functions"
done
