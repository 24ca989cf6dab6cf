#!/usr/bin/env bash
# README command 1: set up, build, and run allo-rewrite on the bundled GEMM example:
# the raised MLIR, and the scheduled design as a Vitis HLS project whose C simulation runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
out=build/examples
mkdir -p "$out"
build/bin/allo-rewrite examples/gemm/gemm.cpp --target mlir -o "$out/gemm.mlir"
build/bin/allo-rewrite examples/gemm/gemm.cpp --list-loops
build/bin/allo-rewrite examples/gemm/gemm.cpp --schedule examples/gemm/gemm.json --target vhls \
  -o "$out/gemm_prj/gemm.cpp" --project "$out/gemm_prj" --testbench examples/gemm/gemm_tb.cpp
make -s -C "$out/gemm_prj" csim
echo "allo-rewrite: wrote $(pwd)/$out/gemm.mlir"
echo "allo-rewrite: wrote $(pwd)/$out/gemm_prj/ (Vitis HLS project; make -C $out/gemm_prj csim)"
