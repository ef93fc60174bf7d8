# SPDX-License-Identifier: EUPL-1.2
# Shell test helpers, sourced by tests/{cli,screen,tmux}/*.sh.
# Every check prints "ok - DESC" or "not ok - DESC" (with what differed);
# tests/run.sh counts them.  $JMON is the program under test, $TOP the
# source tree, $T a fresh scratch directory for this test file.
set -u
: "${T:?run through tests/run.sh}"
rm -rf "$T"
mkdir -p "$T"
FIX="$TOP/tests/fixtures"
export LINES=24 COLUMNS=80
# drafts of explanations (jmon(1), FILES) stay with the test file
export XDG_STATE_HOME="$T/state"

ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; }
# skip_exit: end a test file early on purpose (a skip); tests/run.sh
# fails a file that ends before its last line any other way
skip_exit() { echo "${END_MARK:-}"; exit 0; }

# run CMD ARGS...: run a command; keeps $status, stdout in $T/stdout, stderr in $T/stderr
run() {
	"$@" >"$T/stdout" 2>"$T/stderr"
	status=$?
}

assert_status() {	# assert_status N DESC
	if [ "$status" -eq "$1" ]; then ok "$2"; else
		not_ok "$2: status $status, expected $1"
		sed 's/^/#   stderr: /' "$T/stderr" | head -10
	fi
}

# assert_file FILE DESC < expected: FILE's text must equal stdin exactly
assert_file() {
	cat >"$T/expected"
	if [ ! -f "$1" ]; then
		not_ok "$2: $1 was not written"
	elif cmp -s "$T/expected" "$1"; then
		ok "$2"
	else
		not_ok "$2"
		diff -u "$T/expected" "$1" | sed 's/^/#   /' | head -60
	fi
}
assert_stdout() { assert_file "$T/stdout" "$1"; }
assert_stderr() { assert_file "$T/stderr" "$1"; }

# assert_eq ACTUAL EXPECTED DESC: two strings are equal
assert_eq() {
	if [ "$1" = "$2" ]; then ok "$3"; else
		not_ok "$3"
		printf '%s\n' "expected: $2" "actual:   $1" | sed 's/^/#   /'
	fi
}

# import_each CONFIG DB FILE...: one `jmon import` per file, in the order
# given (each file one delivery), a check for each
import_each() {
	_each_cfg=$1 _each_db=$2
	shift 2
	for _each_f in "$@"; do
		run "$JMON" import --config "$_each_cfg" --db "$_each_db" "$_each_f"
		assert_status 0 "imports $(basename "$_each_f")"
	done
}

# empty_db FILE [CONFIG]: a database without regions or data (an import of
# a regions file of only its header), for tests of the frame around no
# figures: the browser refuses a database that is not there
empty_db() {
	printf 'region,name,kind,parent\n' >"$T/no-regions.csv"
	if ! "$JMON" import ${2:+--config "$2"} --db "$1" "$T/no-regions.csv" >/dev/null 2>&1; then
		not_ok "an empty database $1 is made"
	fi
}

# csv_columns N [FILE]: keep the first N columns of a CSV ($T/stdout), as a
# program that reads the report's first columns by position sees them
csv_columns() {
	python3 -B -c 'import csv, sys
n = int(sys.argv[1]); path = sys.argv[2]
with open(path, newline="") as f:
    rows = [r[:n] for r in csv.reader(f)]
with open(path, "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)' "$1" "${2:-$T/stdout}"
}

# with_limits OUT FSIZE CMD...: CMD with standard output OUT ("closed": a
# pipe whose reader is gone) and the file size limit FSIZE bytes ("-": none)
with_limits() {
	python3 -B - "$@" >"$T/stdout" 2>"$T/stderr" <<'PY'
import os, resource, subprocess, sys
out, fsize, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
if out == "closed":
    r, w = os.pipe()
    os.close(r)
else:
    w = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
limit = (lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (int(fsize), int(fsize)))) \
    if fsize != "-" else None
# standard error through a pipe, which no file size limit stops
p = subprocess.run(cmd, stdout=w, stderr=subprocess.PIPE, preexec_fn=limit)
sys.stderr.buffer.write(p.stderr)
sys.exit(p.returncode)
PY
	status=$?
}

# report ARGS...: `jmon report` on the test's $CFG and $DB
report() { run "$JMON" report --config "$CFG" --db "$DB" "$@"; }

# assert_grep PATTERN FILE DESC: a line of FILE matches the fixed string PATTERN
assert_grep() {
	if grep -qF -- "$1" "$2"; then ok "$3"; else
		not_ok "$3: no line with '$1'"
		sed 's/^/#   /' "$2" | head -20
	fi
}
assert_no_grep() {
	if grep -qF -- "$1" "$2"; then
		not_ok "$3: found '$1'"
		grep -F -- "$1" "$2" | sed 's/^/#   /' | head -5
	else ok "$3"; fi
}

# Screen tests: keys <<EOF ... EOF writes the key script; expect NAME <<EOF
# gives the expected text of the dump `:dump NAME`; screen DESC ARGS... runs
# jmon headless in $T on that script and compares every expected dump.
keys() { cat >"$T/script"; }
expect() { mkdir -p "$T/expected.d"; cat >"$T/expected.d/$1"; }
screen() {
	desc=$1; shift
	for e in "$T"/expected.d/*; do [ -f "$e" ] && rm -f "$T/$(basename "$e")"; done
	# JMON_AS: a command prefix to run jmon as another user (setpriv ...)
	(cd "$T" && JMON_SCRIPT="$T/script" ${JMON_AS:-} "$JMON" "$@") >"$T/stdout" 2>"$T/stderr"
	status=$?
	assert_status 0 "$desc: jmon ran the script"
	today=$(date -u +%Y-%m-%d)
	login=$(${JMON_AS:-} id -un)
	for e in "$T"/expected.d/*; do
		[ -f "$e" ] || continue
		n=$(basename "$e")
		# explanations carry the day they were written: that is "<vandaag>"
		# and the login name of who wrote them (never $USER): "<login>"
		[ -f "$T/$n" ] && sed -i "s/$today/<vandaag>/g; s/($login, /(<login>, /g" "$T/$n"
		# every dump in the order compared, for a developer to look at
		seq=$((${seq:-0} + 1))
		mkdir -p "$T/seq"
		[ -f "$T/$n" ] && cp "$T/$n" "$T/seq/$(printf %03d $seq)-$n"
		# tools/update-screens: what was expected beside what came out
		if [ -n "${JMON_RECORD:-}" ] && [ -f "$T/$n" ] && ! cmp -s "$e" "$T/$n"; then
			cp "$e" "$JMON_RECORD/$(printf %03d $seq)-$n.expected"
			cp "$T/$n" "$JMON_RECORD/$(printf %03d $seq)-$n.actual"
		fi
		assert_file "$T/$n" "$desc: screen $n" <"$e"
	done
	rm -rf "$T/expected.d"
}

# Terminal tests (tests/tmux): tm is tmux on the test's own server (-L, a
# socket of its own, never the user's); tmux_session starts a fresh server
# for each session, because killing a server and starting another on the
# same socket races ("server exited unexpectedly").
tm() { tmux -L "$sock" "$@"; }
tmux_session() {	# tmux_session COMMAND: COMMAND in a new 100x30 session "t"
	[ -n "${sock:-}" ] && tm kill-server 2>/dev/null
	trap 'tm kill-server 2>/dev/null' EXIT
	tmux_n=$((${tmux_n:-0} + 1))
	sock="jmon-test-$$-$tmux_n"
	tm new-session -d -s t -x 100 -y 30 "$1"
}
# wait_in SESSION TEXT DESC: poll the session's pane until TEXT shows (5 s
# at most); wait_for TEXT DESC: the same in session "t"
wait_in() {
	i=0
	while [ $i -lt 50 ]; do
		tm capture-pane -p -t "$1" >"$T/pane" 2>/dev/null
		if grep -qF -- "$2" "$T/pane"; then ok "$3"; return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	not_ok "$3: '$2' did not appear"
	sed 's/^/#   /' "$T/pane"
	return 1
}
wait_for() { wait_in t "$@"; }
