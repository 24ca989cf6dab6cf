#!/usr/bin/env bash
# Installs every Debian package Allo C++ needs to build and test (idempotent; run as root).
set -euo pipefail
PKGS=(cmake ninja-build ccache g++ make python3 libzstd-dev zlib1g-dev
      llvm-22-dev libmlir-22-dev mlir-22-tools libclang-22-dev clang-22 llvm-22-tools
      nlohmann-json3-dev libgtest-dev clang-format-22)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages present"; exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
