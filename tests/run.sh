#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/run.sh JMON UNITDIR — run every test of jmon and print one closing
# line "N passed, N failed".  Unit tests are cmocka programs in UNITDIR
# (TAP output); tests/cli, tests/screen and tests/tmux hold shell tests that
# print "ok - ..." / "not ok - ..." lines through tests/lib.sh.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
JMON=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
unitdir=$2
export JMON TOP="$top" TZ=UTC LC_ALL=C.UTF-8 CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1
unset JMON_CONFIG JMON_DB JMON_SCRIPT JMON_WRITE_WAIT NO_COLOR XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME
out="$top/tests/out"
rm -rf "$out"
mkdir -p "$out"
# A home of our own: a ~/.config/jmon/jmon.yaml, ~/.local/share/jmon/jmon.db
# or draft in ~/.local/state/jmon of whoever runs the tests must not change
# what the tests see, nor a test's draft end up among theirs.
export HOME="$out/home"
mkdir -p "$HOME"
log="$out/all.log"
: >"$log"

passed=0
failed=0

count() {	# count ok/not ok lines of the output file $1 of test $2 with status $3
	p=$(grep -c '^ok' "$1")
	f=$(grep -c '^not ok' "$1")
	if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# crashed or exited badly without saying which check failed
		echo "not ok - $2 exited with status $3" >>"$1"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $2"
		grep -v '^ok' "$1" | sed 's/^/    /' | head -60
	fi
	printf '%-40s %4d passed %4d failed\n' "$2" "$p" "$f"
	cat "$1" >>"$log"
}

for t in "$unitdir"/test_*; do
	[ -x "$t" ] || continue
	name=unit/$(basename "$t")
	o="$out/$(basename "$t").tap"
	"$t" >"$o" 2>&1
	count "$o" "$name" $?
done

for dir in cli screen tmux; do
	for t in "$top"/tests/$dir/*.sh; do
		[ -f "$t" ] || continue
		name=$dir/$(basename "$t" .sh)
		o="$out/$dir-$(basename "$t" .sh).tap"
		T="$out/$dir-$(basename "$t" .sh)" sh "$t" >"$o" 2>&1
		count "$o" "$name" $?
	done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
