#!/bin/sh
# both.sh SRC TB TOP OUT [allo-rewrite options]: builds SRC for the concurrent
# simulator (--target sim) and for Vitis HLS C simulation (--target vhls),
# each with the testbench TB, runs both and prefixes their output with
# "sim:" / "csim:" (and their exit status).
src=$1 tb=$2 top=$3 out=$4
shift 4
mkdir -p "$out" || exit 1
for t in sim vhls; do
  p=$t; [ $t = vhls ] && p=csim
  allo-rewrite "$src" --top "$top" --target $t -o "$out/$t.cpp" "$@" || { echo "$p: allo-rewrite failed"; continue; }
  flags=$(allo-rewrite --print-$p-flags)
  ${CXX:-g++} $flags -O2 -Wno-unknown-pragmas "$out/$t.cpp" "$tb" -o "$out/$t" || { echo "$p: compile failed"; continue; }
  "$out/$t" > "$out/$t.out" 2> "$out/$t.err"
  echo "$p: exit $?"
  sed "s/^/$p: /" "$out/$t.out" "$out/$t.err"
done
