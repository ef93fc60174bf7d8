# SPDX-License-Identifier: EUPL-1.2
# e and :export never destroy: a file that is there is replaced only after
# a yes (or with :export! FILE), a symbolic link is never written through
# (nor replaced), a failed export says why and leaves nothing behind.
. "$TOP/tests/lib.sh"
cfg="$FIX/browse/monitor.yaml"
db="$T/monitor.db"
import_each "$cfg" "$db" "$FIX"/browse/*.csv
csv=jmon-GM0361-2020Q1-cijfers.csv

# run_keys DESC: the key script on the monitor; the status line of each
# :dump NAME.dump in $T/NAME.status
run_keys() {
	(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" --db "$db" --config "$cfg") \
		>"$T/stdout" 2>"$T/stderr"
	status=$?
	assert_status 0 "$1: jmon ran the script"
	for d in "$T"/*.dump; do
		[ -f "$d" ] && tail -n 1 "$d" >"${d%.dump}.status" && rm -f "$d"
	done
}
status_is() {	# status_is NAME TEXT DESC
	assert_eq "$(cat "$T/$1.status")" "$2" "$3"
}

echo "ouder" >"$T/$csv"
keys <<'EOF'
e
n
:dump no.dump
e
j
:dump yes.dump
EOF
run_keys "e over an existing file"
status_is no "niet geëxporteerd: $csv bestaat al (:export! vervangt)" \
	"no: the export says it did not replace the file"
status_is yes "Cijfers geëxporteerd naar $csv" "yes: the file is replaced"
assert_grep "region,period,chapter" "$T/$csv" "yes: the file holds the export"

echo "ouder" >"$T/kept.csv"
keys <<'EOF'
:export kept.csv
<Esc>
:dump esc.dump
:export! kept.csv
:dump bang.dump
EOF
run_keys ":export! replaces"
status_is esc "niet geëxporteerd: kept.csv bestaat al (:export! vervangt)" \
	"Esc at the question answers no"
status_is bang "Cijfers geëxporteerd naar kept.csv" ":export! FILE replaces without a question"
assert_grep "region,period,chapter" "$T/kept.csv" ":export! wrote the export"

echo "geheim" >"$T/secret"
ln -s secret "$T/link.csv"
ln -s nowhere "$T/dangling.csv"
keys <<'EOF'
:export link.csv
:dump link.dump
:export! link.csv
:dump linkbang.dump
:export dangling.csv
:dump dangling.dump
:export nofolder/x.csv
:dump nofolder.dump
:quit!
:dump quitbang.dump
EOF
run_keys "exports that must fail"
status_is link "kan link.csv niet schrijven: het is een symbolische koppeling" \
	"a symbolic link is refused"
status_is linkbang "kan link.csv niet schrijven: het is een symbolische koppeling" \
	":export! refuses a symbolic link too"
assert_eq "$(cat "$T/secret")" "geheim" "the file a link points to is untouched"
status_is dangling "kan dangling.csv niet schrijven: het is een symbolische koppeling" \
	"a link to nowhere is refused, not followed to make its target"
if [ -e "$T/nowhere" ]; then not_ok "the dangling link's target was not made"; else
	ok "the dangling link's target was not made"; fi
status_is nofolder "kan nofolder/x.csv niet schrijven: No such file or directory" \
	"a folder that is not there: the reason"
status_is quitbang "onbekende opdracht ':quit!' (zie ?)" "no other command takes a '!'"
assert_eq "$(cd "$T" && ls | grep -c '\.tmp-')" "0" "no temporary file is left behind"
