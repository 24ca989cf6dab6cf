#!/usr/bin/env bash
# README command 2: set up, build, and run the full test suite
# (lit + FileCheck, GoogleTest units, differential execution tests).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"${JOBS:-2}"
