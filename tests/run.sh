#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tests/run.sh JMON UNITDIR [TEST...] — run every test of jmon (or only the
# TESTs named: tests/cli/import.sh, test_csv) and print one closing line
# "N passed, N failed".  Unit tests are cmocka programs in UNITDIR
# (TAP output); tests/cli, tests/screen and tests/tmux hold shell tests that
# print "ok - ..." / "not ok - ..." lines through tests/lib.sh.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
JMON=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
unitdir=$2
shift 2
only=" $* "
# chosen NAME: no TESTs named, or NAME among them (as a path or a name)
chosen() { [ "$only" = "  " ] || case "$only" in *" $1 "* | *"/$1 "* | *" $2 "*) true ;; *) false ;; esac; }
export JMON TOP="$top" TZ=UTC LC_ALL=C.UTF-8 CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1
unset JMON_CONFIG JMON_DB JMON_KEY_TIMES JMON_SCRIPT JMON_WRITE_WAIT NO_COLOR XDG_CONFIG_HOME XDG_DATA_HOME XDG_STATE_HOME
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

# Every test file must show that it ran to its end: a unit test's TAP
# plan (1..N) must match its ok / not ok lines, and a shell test must reach
# the end marker, which the wrapper below prints after the file's last line
# (or skip_exit in tests/lib.sh, when a file skips the rest).  A file that
# stops early -- an exit, a syntax error, a killed shell -- passed with
# fewer checks before.
end_mark='# jmon-tests: end of file'

count() {	# count ok/not ok lines of the output file $1 of test $2 with status $3, kind $4
	p=$(grep -c '^ok' "$1")
	f=$(grep -c '^not ok' "$1")
	ran=$((p + f))
	if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1	# crashed or exited badly without saying which check failed
		echo "not ok - $2 exited with status $3" >>"$1"
	fi
	if [ "$4" = unit ]; then
		plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\)$/\1/p' "$1" | head -1)
		if [ -z "$plan" ] || [ "$plan" -ne "$ran" ]; then
			f=$((f + 1))
			echo "not ok - $2 planned ${plan:-no} tests, ran $ran" >>"$1"
		fi
	elif ! grep -qxF "$end_mark" "$1"; then
		f=$((f + 1))
		echo "not ok - $2 stopped before its end (after $ran checks)" >>"$1"
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
	chosen "$(basename "$t")" "$(basename "$t")" || continue
	name=unit/$(basename "$t")
	o="$out/$(basename "$t").tap"
	"$t" >"$o" 2>&1
	count "$o" "$name" $? unit
done

for dir in cli screen tmux; do
	for t in "$top"/tests/$dir/*.sh; do
		[ -f "$t" ] || continue
		chosen "tests/$dir/$(basename "$t")" "$dir/$(basename "$t")" || continue
		name=$dir/$(basename "$t" .sh)
		o="$out/$dir-$(basename "$t" .sh).tap"
		# the file's status is its last command's, as when run alone
		T="$out/$dir-$(basename "$t" .sh)" END_MARK="$end_mark" \
			sh -c '. "$0"; s=$?; echo "$END_MARK"; exit $s' "$t" >"$o" 2>&1
		count "$o" "$name" $? shell
	done
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
