# SPDX-License-Identifier: EUPL-1.2
# tests/run.sh itself: a test file that stops early fails, though every
# check it printed passed -- a shell test that exits before its end, or
# dies of a syntax error, and a unit test that runs fewer tests than its
# plan -- and a file that skips the rest on purpose (skip_exit) passes.
. "$TOP/tests/lib.sh"

tree="$T/tree"
mkdir -p "$tree/tests/cli" "$tree/tests/unit-bin"
cp "$TOP/tests/run.sh" "$TOP/tests/lib.sh" "$tree/tests/"
cat >"$tree/tests/cli/early.sh" <<'T'
. "$TOP/tests/lib.sh"
ok "first"
exit 0
ok "never reached"
T
cat >"$tree/tests/cli/syntax.sh" <<'T'
. "$TOP/tests/lib.sh"
ok "before the error"
if then fi
T
cat >"$tree/tests/cli/skips.sh" <<'T'
. "$TOP/tests/lib.sh"
ok "all of it # SKIP on purpose"
skip_exit
T
cat >"$tree/tests/cli/whole.sh" <<'T'
. "$TOP/tests/lib.sh"
ok "one"
ok "two"
T
printf '#!/bin/sh\necho 1..3\necho "ok 1 - a"\necho "ok 2 - b"\n' >"$tree/tests/unit-bin/test_short"
printf '#!/bin/sh\necho 1..1\necho "ok 1 - a"\n' >"$tree/tests/unit-bin/test_full"
chmod +x "$tree/tests/unit-bin/test_short" "$tree/tests/unit-bin/test_full"

run sh "$tree/tests/run.sh" "$JMON" "$tree/tests/unit-bin"
assert_status 1 "a run with files that stopped early fails"
assert_grep "not ok - cli/early stopped before its end (after 1 checks)" "$T/stdout" \
	"a shell test that exits early fails"
assert_grep "not ok - cli/syntax stopped before its end (after 1 checks)" "$T/stdout" \
	"a shell test with a syntax error fails"
assert_grep "not ok - unit/test_short planned 3 tests, ran 2" "$T/stdout" \
	"a unit test short of its plan fails"
assert_no_grep "FAIL cli/skips" "$T/stdout" "a file that skips on purpose passes"
assert_no_grep "FAIL cli/whole" "$T/stdout" "a file that runs to its end passes"
assert_no_grep "FAIL unit/test_full" "$T/stdout" "a unit test that keeps its plan passes"
assert_grep "8 passed, 4 failed" "$T/stdout" "the closing line counts what passed and what failed"
