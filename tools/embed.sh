#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# embed.sh FILE NAME: print a C file defining `const char NAME[]` with the
# bytes of FILE and a terminating NUL, and `const size_t NAME_len`.
# od is in coreutils, so this needs nothing beyond POSIX tools.
set -eu
printf '/* generated from %s by tools/embed.sh; do not edit */\n' "$1"
printf '#include <stddef.h>\nconst char %s[] = {\n' "$2"
od -An -v -tx1 "$1" | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g' -e 's/^/\t/'
printf '\t0x00\n};\nconst size_t %s_len = sizeof %s - 1;\n' "$2" "$2"
