#!/usr/bin/env bash
# README command 1: set up, build, and raise the bundled GEMM example.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
mkdir -p build/examples
build/bin/allo-rewrite examples/gemm/gemm.cpp --target mlir -o build/examples/gemm.mlir
build/bin/allo-rewrite examples/gemm/gemm.cpp --list-loops
echo "allo-rewrite: wrote $(pwd)/build/examples/gemm.mlir"
