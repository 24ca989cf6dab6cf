#!/bin/sh
# downstream.sh BUILD SRC WORK: installs the Allo C++ build BUILD into
# WORK/prefix, builds SRC/test/Package/downstream against it with g++
# (allo-rewrite as a build step) and with clang++-22 (the plugin), runs the
# emitted code in C simulation and compares it with the native build; checks
# that touching the schedule re-runs the emission.
set -eu
build=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log"
cp -r "$src/test/Package/downstream" "$work/src"
# The installed tool finds its headers next to it, not in the source tree.
inc=$("$work/prefix/bin/allo-rewrite" --print-include-dir)
[ "$inc" = "$work/prefix/include" ] || { echo "installed allo-rewrite uses $inc"; exit 1; }
"$work/prefix/bin/allo-rewrite" --version | grep -q "Allo C++ allo-rewrite"
for kind in gxx plugin; do
  if [ $kind = gxx ]; then cxx=g++ plugin=OFF; else cxx=clang++-22 plugin=ON; fi
  command -v $cxx > /dev/null || { echo "$cxx not found"; exit 1; }
  b="$work/$kind"
  cmake -S "$work/src" -B "$b" -G Ninja -DCMAKE_CXX_COMPILER=$cxx \
    -DCMAKE_PREFIX_PATH="$work/prefix" -DUSE_PLUGIN=$plugin > "$b.configure.log"
  cmake --build "$b" > "$b.build.log" 2>&1 || { cat "$b.build.log"; exit 1; }
  "$b/native" > "$b/native.out"
  "$b/csim" > "$b/csim.out"
  cmp "$b/native.out" "$b/csim.out" || { echo "$kind: csim differs from native"; exit 1; }
  { grep -q "l_vadd_vadd_loop_inner:" "$b/vadd.hls.cpp" && grep -q "#pragma HLS unroll" "$b/vadd.hls.cpp"; } \
    || { echo "$kind: schedule not applied"; exit 1; }
  # Touching the schedule re-emits (and only then).
  sleep 1
  touch "$work/src/vadd.json"
  ninja -C "$b" -n -d explain 2>&1 | grep -q "vadd.json" || { echo "$kind: schedule change not seen"; exit 1; }
  cmake --build "$b" > /dev/null
  ninja -C "$b" -n | grep -q "no work to do" || { echo "$kind: build not idempotent"; exit 1; }
  echo "$kind: PASS"
done
[ -f "$work/gxx/hls_prj/run_hls.tcl" ] || { echo "no Vitis project"; exit 1; }
echo "downstream: PASS"
