#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Black-box check of `jmon report` and the database search order (jmon(1)),
# from the contract text alone.
#
# The promises checked here:
#  1. Database: --db, $JMON_DB, monitor.database of the configuration, then
#     $XDG_DATA_HOME/jmon/jmon.db (~/.local/share/jmon/jmon.db without it);
#     the first import creates the directory.  A relative monitor.database
#     is next to the configuration file (the contract is silent; a monitor
#     must not change database with the directory jmon runs in).
#  2. Defaults: monitor.region and the newest period with data; --region,
#     --period (CBS codes accepted, reported canonically), --chapter.
#  3. --format csv prints the header, the first ten columns in their order
#     region,period,chapter,indicator,category,value,flag,status,reason,reviewed
#     and one row per indicator x category in configuration order, the
#     total first with an empty category; value with '.' as decimal mark
#     and no thousands separator; RFC 4180 quoting.
#  4. status is green|amber|red|grey; reviewed is yes or empty.
#  5. Privacy: a count below the minimum is empty with flag suppressed, like
#     a suppressed one, and the number is printed nowhere in any format
#     (text, csv, json, md) — not as value, change, reason or total.
#  6. text, json and md show the same figures (json parses; text and md in
#     Dutch notation).
#  7. Exit statuses: 0; 64 usage (bad --format, unknown chapter, a period
#     that does not parse, an operand); 66 no database; 65 no data for the
#     region or period; 74 a file that is not a database.  The report
#     never writes the database.
. "$TOP/tests/lib.sh"

CFG="$FIX/contract/monitor.yaml"
DB="$T/monitor.db"
q() { sqlite3 "$DB" "$1"; }

cat >"$T/00-regions.csv" <<'EOF'
region,name,kind,parent
GM0202,Arnhem,gemeente,
WK020201,"Centrum, Arnhem",wijk,GM0202
EOF
# 2020 Q4 and 2021 Q1 for Arnhem; 2020 Q4 for the wijk.  No figure of
# Arnhem in 2021 Q1 contains the digit 7 except the withheld count, so a
# 7 anywhere in a report is a leak.
cat >"$T/10-data.csv" <<'EOF'
region,period,indicator,category,value,flag
GM0202,2020Q4,jeugdigen,,1500,
GM0202,2020Q4,verwijzingen,huisarts,12,
GM0202,2020Q4,verwijzingen,jeugdarts,20,
GM0202,2020Q4,wachttijd,,4.25,
GM0202,2020Q4,klachten,,3,
GM0202,2021Q1,jeugdigen,,12345.5,provisional
GM0202,2021Q1,verwijzingen,huisarts,7,
GM0202,2021Q1,verwijzingen,jeugdarts,25,
GM0202,2021Q1,wachttijd,,6.5,
GM0202,2021Q1,klachten,,12,
WK020201,2020Q4,jeugdigen,,400,
WK020201,2020Q4,wachttijd,,3.5,
EOF
cat >"$T/20-reviews.csv" <<'EOF'
region,period,indicator,category,status,reason,text
GM0202,2021Q1,klachten,,green,"Eenmalig, verklaard",
GM0202,2021Q1,wachttijd,,,,"Wachttijd loopt op door personeelstekort."
EOF
for f in 00-regions 10-data 20-reviews; do
	run "$JMON" import --db "$DB" --config "$CFG" "$T/$f.csv"
	assert_status 0 "imports $f.csv"
done
cp "$DB" "$T/before.db"

# --- 2, 3, 4: defaults and the CSV ---------------------------------------------------------

report --format csv
assert_status 0 "report --format csv exits 0"
csv_columns 10	# the first ten: the original contract
assert_stdout "csv: the exact columns, the defaults (monitor.region, newest period), config order" <<'EOF'
region,period,chapter,indicator,category,value,flag,status,reason,reviewed
GM0202,2021Q1,zorg,jeugdigen,,12345.5,provisional,red,12.346 > 2.000,
GM0202,2021Q1,zorg,verwijzingen,,,suppressed,grey,geen regel,
GM0202,2021Q1,zorg,verwijzingen,huisarts,,suppressed,grey,geen regel,
GM0202,2021Q1,zorg,verwijzingen,jeugdarts,25,,grey,geen regel,
GM0202,2021Q1,zorg,wachttijd,,6.5,,red,"6,5 wk > 6 (Treeknorm 4 wk)",
GM0202,2021Q1,klachten,klachten,,12,,green,"rapport: Eenmalig, verklaard (berekend: oranje)",
EOF
if cmp -s "$DB" "$T/before.db"; then ok "the report does not write the database"; else
	not_ok "the report wrote the database"; fi

report --format csv --period 2020KW04
assert_status 0 "--period with a CBS code"
csv_columns 10	# the first ten: the original contract
assert_stdout "--period 2020KW04 is reported as 2020Q4; a sum total of two shown parts" <<'EOF'
region,period,chapter,indicator,category,value,flag,status,reason,reviewed
GM0202,2020Q4,zorg,jeugdigen,,1500,,amber,1.500 <= 2.000,
GM0202,2020Q4,zorg,verwijzingen,,32,,grey,geen regel,
GM0202,2020Q4,zorg,verwijzingen,huisarts,12,,grey,geen regel,
GM0202,2020Q4,zorg,verwijzingen,jeugdarts,20,,grey,geen regel,
GM0202,2020Q4,zorg,wachttijd,,4.25,,amber,"4,3 wk <= 6 (Treeknorm 4 wk)",
GM0202,2020Q4,klachten,klachten,,3,,grey,geen vergelijking: geen waarde voor 2020 Q3,
EOF

report --format csv --region WK020201
assert_status 0 "--region: another region"
csv_columns 10	# the first ten: the original contract
assert_grep "WK020201,2020Q4,zorg,wachttijd,,3.5,,green," "$T/stdout" \
	"--region: its own newest period and values"

report --format csv --chapter klachten
assert_status 0 "--chapter"
csv_columns 10	# the first ten: the original contract
assert_stdout "--chapter: that chapter's rows only" <<'EOF'
region,period,chapter,indicator,category,value,flag,status,reason,reviewed
GM0202,2021Q1,klachten,klachten,,12,,green,"rapport: Eenmalig, verklaard (berekend: oranje)",
EOF

# A status the reviews CSV sets is the document's (source_status), not a
# review: reviewed stays empty.
report --format csv --chapter klachten
assert_grep 'GM0202,2021Q1,klachten,klachten,,12,,green,"rapport: Eenmalig, verklaard (berekend: oranje)",,Klachten,aantal,9,,2021Q1,green,,,' \
	"$T/stdout" "csv: source_status green, not reviewed"

# statuses are one of four words, reviewed is yes or empty, 10 columns
report --format csv
csv_columns 10	# the first ten: the original contract
awk -F, 'NR > 1 && $0 !~ /"/ && (NF != 10 || $8 !~ /^(green|amber|red|grey)$/ || $10 !~ /^(yes)?$/) { bad = 1 } END { exit bad }' \
	"$T/stdout" && ok "every row: ten columns, a status word, yes or empty" ||
	not_ok "a row with a wrong column count, status or reviewed mark"

# --- 5: privacy in every format ---------------------------------------------------------------

for fmt in text csv json md; do
	report --format "$fmt"
	assert_status 0 "report --format $fmt exits 0"
	if sed 's/[0-9-]*T[0-9:]*Z//g' "$T/stdout" | grep -qw 7; then
		not_ok "$fmt: the withheld count 7 appears"
		grep -nw 7 "$T/stdout" | sed 's/^/#   /' | head -5
	else
		ok "$fmt: the withheld count 7 is printed nowhere"
	fi
	# the total (32) would give 7 away (32 - 25): withheld too
	# (times of a review, "…T22:32:05Z", are no counts)
	if sed 's/[0-9-]*T[0-9:]*Z//g' "$T/stdout" | grep -qw 32; then not_ok "$fmt: the total that reveals the count appears"; else
		ok "$fmt: the total that would reveal the count is withheld"; fi
	cp "$T/stdout" "$T/report.$fmt"
done
assert_grep "<10" "$T/report.text" "text: the withheld count is shown as <10"
assert_grep "| Verwijzingen — Huisarts | <10 |" "$T/report.md" "md: the withheld count is shown as <10"

# --- 6: the other formats -------------------------------------------------------------------

if jq -e . "$T/report.json" >/dev/null 2>&1; then ok "json parses"; else not_ok "json does not parse"; fi
assert_eq "$(jq -r '[.region, .period] | join(" ")' "$T/report.json")" "GM0202 2021Q1" "json: region and period"
assert_eq "$(jq -c '[.chapters[].indicators[] | [.id, .value, .flag, .status, .reviewed]]' "$T/report.json")" \
	'[["jeugdigen",12345.5,"provisional","red",false],["verwijzingen",null,"suppressed","grey",false],["wachttijd",6.5,"","red",false],["klachten",12,"","green",false]]' \
	"json: the same values, flags, statuses and review marks as the CSV"
assert_eq "$(jq -c '[.chapters[].indicators[] | select(.source_status != null) | [.id, .source_status, .source]]' "$T/report.json")" \
	'[["klachten","green","20-reviews.csv"]]' "json: the document's status and the file that set it"
assert_eq "$(jq -c '.chapters[0].indicators[1].categories | map([.id, .value, .flag])' "$T/report.json")" \
	'[["huisarts",null,"suppressed"],["jeugdarts",25,""]]' "json: categories, the withheld one null"
assert_grep "12.346" "$T/report.text" "text: Dutch thousands separator"
assert_grep "6,5 wk" "$T/report.text" "text: Dutch decimal comma"
assert_grep "| Wachttijd | 6,5 wk |" "$T/report.md" "md: a table row in Dutch notation"
assert_grep "## Klachten" "$T/report.md" "md: a heading per chapter"
assert_grep "Wachttijd loopt op door personeelstekort." "$T/report.md" "md: the explanation of the period"
assert_eq "$(jq -r '.chapters[0].indicators[2].annotation' "$T/report.json")" \
	"Wachttijd loopt op door personeelstekort." "json: the explanation"

# --- 7: exit statuses ---------------------------------------------------------------------

report --format xml
assert_status 64 "a bad --format exits 64"
report --chapter onbekend
assert_status 64 "an unknown --chapter exits 64"
report --period 2021Q5
assert_status 64 "a period that does not parse exits 64"
report extra
assert_status 64 "an operand exits 64"
report --period 2019Q1
assert_status 65 "a period without data exits 65"
report --region GM0203
assert_status 65 "a region without data exits 65"
run "$JMON" report --db "$T/none.db" --config "$CFG"
assert_status 66 "a missing database exits 66"
if [ -e "$T/none.db" ]; then not_ok "report created a database"; else ok "report creates no database"; fi
echo "dit is geen database" >"$T/text.db"
run "$JMON" report --db "$T/text.db" --config "$CFG"
assert_status 74 "a file that is not a database exits 74"

# output that cannot be written is an I/O error, not success
if [ -w /dev/full ]; then
	"$JMON" report --db "$DB" --config "$CFG" --format csv >/dev/full 2>"$T/stderr"
	status=$?
	assert_status 74 "report to a full disk exits 74"
	"$JMON" check-config "$CFG" >/dev/full 2>"$T/stderr"
	status=$?
	assert_status 74 "check-config to a full disk exits 74"
	assert_grep "No space left on device" "$T/stderr" "the full disk is named"
fi

# --- 1: the database search order -----------------------------------------------------------

mkdir -p "$T/cfgdir" "$T/elsewhere"
one_db() {	# one_db DB: a database holding one figure (jeugdigen = its own number)
	printf 'region,period,indicator,category,value,flag\nGM0202,2021Q1,jeugdigen,,%s,\n' "$2" >"$T/one.csv"
	"$JMON" import --db "$1" --config "$CFG" "$T/one.csv" >/dev/null 2>&1
}
one_db "$T/flag.db" 111
one_db "$T/env.db" 222
one_db "$T/cfg.db" 333
one_db "$T/cfgdir/rel.db" 444
mkdir -p "$T/xdg/jmon" "$T/home/.local/share/jmon"
one_db "$T/xdg/jmon/jmon.db" 555
one_db "$T/home/.local/share/jmon/jmon.db" 666
{ cat "$CFG"; } | sed "s|^  privacy:|  database: $T/cfg.db\n  privacy:|" >"$T/cfgdir/abs.yaml"
{ cat "$CFG"; } | sed "s|^  privacy:|  database: rel.db\n  privacy:|" >"$T/cfgdir/rel.yaml"

which_db() {	# which_db EXPECTED DESC ARGS...: the value reported tells the database
	exp=$1 desc=$2
	shift 2
	run "$JMON" report --format csv --chapter zorg "$@"
	csv_columns 10	# the first ten: the original contract
	if grep -q "^GM0202,2021Q1,zorg,jeugdigen,,$exp," "$T/stdout"; then ok "$desc"; else
		not_ok "$desc"; sed 's/^/#   /' "$T/stdout" "$T/stderr" | head -5; fi
}
export HOME="$T/home" XDG_DATA_HOME="$T/xdg"
JMON_DB="$T/env.db" which_db 111 "--db comes before \$JMON_DB" --db "$T/flag.db" --config "$T/cfgdir/abs.yaml"
JMON_DB="$T/env.db" which_db 222 "\$JMON_DB comes before monitor.database" --config "$T/cfgdir/abs.yaml"
which_db 333 "monitor.database comes before XDG_DATA_HOME" --config "$T/cfgdir/abs.yaml"
(cd "$T/elsewhere" && which_db 444 "a relative monitor.database is next to its configuration" --config ../cfgdir/rel.yaml)
which_db 555 "\$XDG_DATA_HOME/jmon/jmon.db" --config "$CFG"
XDG_DATA_HOME= which_db 666 "without XDG_DATA_HOME: ~/.local/share/jmon/jmon.db" --config "$CFG"
JMON_DB= which_db 555 "an empty \$JMON_DB counts as unset" --config "$CFG"

# the first import creates the directory of the default database
export XDG_DATA_HOME="$T/fresh/data"
run "$JMON" import --config "$CFG" "$T/one.csv"
assert_status 0 "import into \$XDG_DATA_HOME when jmon/ does not exist yet"
if [ -f "$T/fresh/data/jmon/jmon.db" ]; then ok "the first import creates \$XDG_DATA_HOME/jmon/jmon.db"; else
	not_ok "no database at \$XDG_DATA_HOME/jmon/jmon.db"; fi
