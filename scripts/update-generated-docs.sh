#!/usr/bin/env bash
# Regenerates the files generated from include/allo/TransformOps/AlloTransformOps.td
# (the JSON Schema and the op reference) with the built allo-rewrite.
#   scripts/update-generated-docs.sh [build-dir]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$root/build}/bin/allo-rewrite"
"$bin" --print-schedule-schema > "$root/schedules/schedule.schema.json.tmp"
"$bin" --print-schedule-reference > "$root/schedules/reference.md.tmp"
mv "$root/schedules/schedule.schema.json.tmp" "$root/schedules/schedule.schema.json"
mv "$root/schedules/reference.md.tmp" "$root/schedules/reference.md"
echo "updated schedules/schedule.schema.json and schedules/reference.md"
