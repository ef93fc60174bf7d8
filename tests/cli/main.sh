# SPDX-License-Identifier: EUPL-1.2
# The command line: help, version, usage errors (exit 64).
. "$TOP/tests/lib.sh"

run "$JMON" --version
assert_status 0 "--version exits 0"
assert_stdout "--version prints the version" <<EOF
jmon 0.1.0
EOF

run "$JMON" --help
assert_status 0 "--help exits 0"
for word in "jmon import" "jmon report" "jmon check-config" --db --config \
	--region --period --chapter --format --color --note --help --version \
	"text|csv|json|md" "long|regions|cbs" "auto|always|never" "jmon(1)"; do
	assert_grep "$word" "$T/stdout" "--help names $word"
done

run "$JMON" --bogus
assert_status 64 "an unknown long option exits 64"
assert_grep "jmon: unknown option '--bogus'" "$T/stderr" "an unknown option is named"
assert_grep "Usage: jmon [OPTIONS]" "$T/stderr" "an unknown option prints the usage to stderr"
if [ -s "$T/stdout" ]; then not_ok "usage errors print nothing on stdout"; else ok "usage errors print nothing on stdout"; fi

run "$JMON" -x
assert_status 64 "an unknown short option exits 64"
assert_grep "jmon: unknown option '-x'" "$T/stderr" "the short option is named"

run "$JMON" frobnicate
assert_status 64 "an unknown command exits 64"
assert_grep "jmon: unknown command 'frobnicate'" "$T/stderr" "the unknown command is named"

run "$JMON" --db
assert_status 64 "a missing option argument exits 64"
assert_grep "option '--db' needs an argument" "$T/stderr" "the option missing its argument is named"

run "$JMON" --color=sometimes
assert_status 64 "a bad --color exits 64"
assert_grep "--color must be auto, always or never, not 'sometimes'" "$T/stderr" "--color names the choices"

run "$JMON" --region GM0361 stray
assert_status 64 "a stray argument to the browser exits 64"

# Without a terminal and without a script, the browser says what to do instead.
run "$JMON" import --config "$FIX/browse/monitor.yaml" --db "$T/m.db" "$FIX/browse/00-regions.csv"
run "$JMON" --config "$FIX/browse/monitor.yaml" --db "$T/m.db" </dev/null
assert_status 74 "the browser without a terminal exits 74"
assert_grep "the browser needs a terminal; use 'jmon report'" "$T/stderr" "the browser explains it needs a terminal"

# The man page renders without warnings.
if command -v groff >/dev/null 2>&1; then
	run groff -Tutf8 -ww -man -z "$TOP/man/jmon.1"
	if [ -s "$T/stderr" ]; then not_ok "man/jmon.1 renders without warnings"; sed 's/^/#   /' "$T/stderr"; else ok "man/jmon.1 renders without warnings"; fi
fi

# A monitor without monitor.region and no --region: say what to give.
printf 'monitor: {title: Leeg}\nchapters: []\n' >"$T/leeg.yaml"
run "$JMON" --db "$T/none.db" --config "$T/leeg.yaml"
assert_status 64 "no region anywhere exits 64"
assert_grep "no region: give --region CODE, or set monitor.region in $T/leeg.yaml" "$T/stderr" \
	"no region names both ways to give one"
