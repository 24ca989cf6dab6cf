#!/bin/sh
# sim.sh SRC TB OUT [allo-rewrite options]: builds SRC for the concurrent
# simulator (--target sim, OUT/sim.cpp) with the testbench TB, runs it and
# prints "sim: exit N" and its output prefixed with "sim: ".
src=$1 tb=$2 out=$3
shift 3
mkdir -p "$out" || exit 1
allo-rewrite "$src" --target sim -o "$out/sim.cpp" "$@" || { echo "sim: allo-rewrite failed"; exit 0; }
${CXX:-g++} $(allo-rewrite --print-sim-flags) -O1 -w "$out/sim.cpp" "$tb" -o "$out/sim" || { echo "sim: compile failed"; exit 0; }
"$out/sim" > "$out/sim.out" 2> "$out/sim.err"
echo "sim: exit $?"
sed "s/^/sim: /" "$out/sim.out" "$out/sim.err"
