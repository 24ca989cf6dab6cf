#!/usr/bin/env bash
# Throughput of the concurrent simulator (include/allo/sim) on an N x N
# systolic grid of processes (test/sim/bench/grid_bench.cpp): builds the
# benchmark with the same flags as simulator code and prints the stream
# transfers per second and the wall time for FIFO depths 2, 3 and 4.
#
#   scripts/bench-sim.sh [N=16] [K=256] [REPS=200]
#
# Environment: CXX (default g++), CXXFLAGS (default -O2).
# On a shared machine the wall-clock figure includes the time other
# programs ran; the CPU-time figure is the simulator's own.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-16}
K=${2:-256}
REPS=${3:-200}
CXX=${CXX:-g++}
CXXFLAGS=${CXXFLAGS:--O2}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# shellcheck disable=SC2086
"$CXX" -std=c++17 $CXXFLAGS -I include/allo/sim -I include/allo/csim \
  test/sim/bench/grid_bench.cpp -o "$OUT/grid_bench"
echo "compiler: $("$CXX" --version | head -n1), flags: -std=c++17 $CXXFLAGS"
for DEPTH in 2 3 4; do
  "$OUT/grid_bench" "$N" "$K" "$DEPTH" "$REPS"
done
