# SPDX-License-Identifier: EUPL-1.2
# Details a user meets: numbers in JSON and CSV as the shortest text that
# reads back as the figure (-0.3, not -0.299999999999999); a terminal
# without UTF-8 gets EUR and "d vorig", not "?" and a blank; one language
# per interface (the browser Dutch, the command line English); the man
# pages render as written.
. "$TOP/tests/lib.sh"

CFG="$T/monitor.yaml"
DB="$T/d.db"
cat >"$CFG" <<'YAML'
monitor: {title: "Detailmonitor", region: GM0361}
chapters:
  - id: cijfers
    label: "Cijfers"
    indicators:
      - {id: aandeel, label: "Aandeel jeugdigen", unit: procent, decimals: 1}
      - {id: score, label: "Cliënttevredenheid", unit: score, decimals: 1}
      - {id: kosten, label: "Kosten – ambulant", unit: euro}
YAML
printf 'region,name,kind,parent\nNL01,Nederland,nl,\nGM0361,Alkmaar,gemeente,NL01\n' >"$T/regions.csv"
cat >"$T/levering.csv" <<'CSV'
region,period,indicator,category,value,flag
GM0361,2023Q3,aandeel,,11.1,
GM0361,2023Q4,aandeel,,10.8,
GM0361,2023Q3,score,,4.2,
GM0361,2023Q4,score,,4.1,
GM0361,2023Q3,kosten,,4,
GM0361,2023Q4,kosten,,5,
CSV
import_each "$CFG" "$DB" "$T/regions.csv" "$T/levering.csv"

# --- numbers for machines ---------------------------------------------------
report --format json
assert_status 0 "report --format json"
python3 -B - "$T/stdout" >"$T/changes" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
def walk(x):
    if isinstance(x, dict):
        if "unit" in x and "change" in x:
            print(x["id"], repr(x["change"]))
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(doc)
PY
assert_file "$T/changes" "JSON: each change is the decimal difference (10.8 - 11.1 is -0.3)" <<'OUT'
aandeel -0.3
score -0.1
kosten 1
OUT
assert_no_grep "99999" "$T/stdout" "JSON: no binary noise in any number"
report --format csv
csv_columns 13
assert_grep "GM0361,2023Q4,cijfers,aandeel,,10.8,,grey,geen regel,,Aandeel jeugdigen,procent,-0.3" \
	"$T/stdout" "CSV: the change is -0.3 too"

# --- a terminal without UTF-8 -------------------------------------------------
LC_ALL=C report
assert_status 0 "the text report in the C locale"
assert_grep "EUR 5" "$T/stdout" "the text report writes EUR for the euro sign"
assert_grep "Kosten - ambulant" "$T/stdout" "a dash in a label becomes -"
assert_grep "Clienttevredenheid" "$T/stdout" "accents are dropped"
if LC_ALL=C grep -q '[^ -~]' "$T/stdout"; then
	not_ok "the text report in the C locale is ASCII"
	LC_ALL=C grep -n '[^ -~]' "$T/stdout" | sed 's/^/#   /' | head -5
else ok "the text report in the C locale is ASCII"; fi
printf ':dump c.txt\n' >"$T/script"
(cd "$T" && LC_ALL=C JMON_SCRIPT="$T/script" "$JMON" --config "$CFG" --db "$DB") >"$T/stdout" 2>"$T/stderr"
status=$?
assert_status 0 "the browser in the C locale"
assert_grep "d vorig" "$T/c.txt" "the browser's header says d vorig, not a blank"
assert_grep "EUR 5" "$T/c.txt" "the browser writes EUR for the euro sign"
grep -v '?: help' "$T/c.txt" >"$T/c-body.txt"	# the key for help is a ?
assert_no_grep "?" "$T/c-body.txt" "no character became ?"

# --- one language per interface -----------------------------------------------
# The command line: English.  Every message of these mistakes, on stderr.
: >"$T/cli.txt"
cli() { run "$JMON" "$@"; cat "$T/stderr" >>"$T/cli.txt"; }
cli report --config "$CFG" --db "$DB" --period 2023Q5
cli report --config "$CFG" --db "$DB" --period xx
cli report --config "$CFG" --db "$DB" --chapter nergens
cli report --config "$CFG" --db "$DB" --format docx
cli report --config "$CFG" --db "$T/none.db"
cli --config "$CFG" --db "$DB" --region GM0361 --chapter nergens
cli --config "$CFG" --db "$DB" --period xx
cli import --config "$CFG" --db "$DB" "$T/none.csv"
printf 'region,period,indicator,category,value,flag\nGM0361,2023Q9,aandeel,,1,\nGM0361,2023Q4,nergens,,1,\n' >"$T/bad.csv"
cli import --config "$CFG" --db "$DB" "$T/bad.csv"
cli check-config "$T/none.yaml"
chmod o+w "$CFG"
cli report --config "$CFG" --db "$DB" --format csv
chmod o-w "$CFG"
for word in geen niet onbekend onbekende kan periode regio vraag "let op" bestand; do
	if grep -qiw -- "$word" "$T/cli.txt"; then
		not_ok "the command line's messages are English: '$word' in"
		grep -iw -- "$word" "$T/cli.txt" | sed 's/^/#   /' | head -3
	else ok "the command line's messages are English: no '$word'"; fi
done
assert_grep "'2023Q5'" "$T/cli.txt" "the command line names the bad period (in English, as checked above)"

# The browser: Dutch, also what shared code says (a bad period, a file
# every user may write).  The status line after each mistake.
chmod o+w "$CFG"
cat >"$T/script" <<'KEYS'
:dump 0.txt
:period xx
:dump 1.txt
:period 2099Q1
:dump 2.txt
:region GM9999
:dump 3.txt
:chapter nergens
:dump 4.txt
:frobnicate
:dump 5.txt
:resize 1x
:dump 6.txt
KEYS
(cd "$T" && COLUMNS=200 JMON_SCRIPT="$T/script" "$JMON" --config "$CFG" --db "$DB") >"$T/stdout" 2>"$T/stderr"
status=$?
chmod o-w "$CFG"
assert_status 0 "the browser runs the mistakes"
: >"$T/browser.txt"
for i in 0 1 2 3 4 5 6; do tail -n 1 "$T/$i.txt" >>"$T/browser.txt"; done
assert_grep "let op: iedere gebruiker mag $CFG schrijven" "$T/browser.txt" \
	"the browser warns about a configuration every user may write, in Dutch"
assert_grep "'xx' is geen periode" "$T/browser.txt" "the browser names a bad period in Dutch"
for word in not the cannot unknown malformed writable expected no give; do
	if grep -qw -- "$word" "$T/browser.txt"; then
		not_ok "the browser's messages are Dutch: '$word' in"
		grep -w -- "$word" "$T/browser.txt" | sed 's/^/#   /' | head -3
	else ok "the browser's messages are Dutch: no '$word'"; fi
done

# --- the man pages --------------------------------------------------------------
for m in "$TOP"/man/*.[1-8]; do
	run groff -Tutf8 -ww -man -z "$m"
	if [ -s "$T/stderr" ]; then not_ok "$(basename "$m") renders without warnings"
		sed 's/^/#   /' "$T/stderr" | head -5
	else ok "$(basename "$m") renders without warnings"; fi
done
MANWIDTH=80 man -l "$TOP/man/jmon.1" 2>/dev/null | tr -s ' \n' '  ' >"$T/jmon.1.txt"
assert_grep "pp), a trend over 8 periods, the norm, and the status" "$T/jmon.1.txt" \
	"jmon(1) renders the chapter view's columns as words"
assert_grep "DIAGNOSTICS One language per interface" "$T/jmon.1.txt" "jmon(1) says which language each interface speaks"
