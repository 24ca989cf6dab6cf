#!/bin/sh
# check-format.sh [--fix]: the project's own C++ (lib/, include/allo/, tools/, plugin/, the unit
# and differential test drivers) follows the root .clang-format. Test inputs, examples and
# the corpus keep the styles users write and are not checked.
cd "$(dirname "$0")/.." || exit 2
fmt=${CLANG_FORMAT:-clang-format-22}
command -v "$fmt" > /dev/null || { echo "check-format: $fmt not found (scripts/setup.sh installs it)"; exit 2; }
files=$(find lib include/allo tools plugin test/unit test/Schedule/unit test/Execution \
          \( -name '*.cpp' -o -name '*.h' \) | grep -v -e '/Inputs/' -e '/kernels/' | sort)
if [ "${1:-}" = --fix ]; then
  echo "$files" | xargs "$fmt" -i
  exit 0
fi
err=$(mktemp)
echo "$files" | xargs "$fmt" --dry-run -Werror 2> "$err" || {
  head -40 "$err"; rm -f "$err"
  echo "check-format: run scripts/check-format.sh --fix"; exit 1; }
rm -f "$err"
