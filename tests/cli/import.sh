# SPDX-License-Identifier: EUPL-1.2
# jmon import, the real program: good files and their summary, the same
# file twice, revisions, the real CBS files, and the usage errors (every
# bad file of tests/bad is tests/cli/bad_inputs.sh's).
. "$TOP/tests/lib.sh"

CFG="$FIX/import/monitor.yaml"
DB="$T/monitor.db"
BAD="$TOP/tests/bad/import"
sql() { sqlite3 "$DB" "$1"; }


cd "$FIX/import" || exit 1

# A bad first file leaves no database behind.
run "$JMON" import --config "$CFG" --db "$DB" "$BAD/unknown_flag.csv"
assert_status 65 "a bad first import exits 65"
if [ -e "$DB" ]; then not_ok "a rejected first import creates no database"; else
	ok "a rejected first import creates no database"; fi

run "$JMON" import --config "$CFG" --db "$DB" long.csv
assert_status 0 "a long CSV imports"
assert_grep "long.csv: delivery 1, 6 rows, cells 6 new / 0 changed / 0 unchanged, regions 2 new / 0 changed, " \
	"$T/stdout" "the summary gives delivery, rows, cells and regions"
assert_eq "$(sql "SELECT value || '|' || flag FROM observation WHERE indicator = 'verwijzingen'")" \
	"412.0|provisional" "a provisional value is stored with its flag"
assert_eq "$(sql "SELECT coalesce(value, 'NULL') || '|' || flag FROM observation WHERE indicator = 'klachten'")" \
	"NULL|suppressed" "a suppressed value is NULL, not 0"

run "$JMON" import --config "$CFG" --db "$DB" long.csv
assert_status 0 "the same file again exits 0"
assert_stderr "the same file again says which delivery has it" <<'OUT'
long.csv: already imported as delivery 1
OUT
assert_eq "$(sql "SELECT count(*) FROM delivery")" "1" "the same file again adds no delivery"

run "$JMON" import --config "$CFG" --db "$DB" --note "tweede levering" long_revision.csv
assert_status 0 "a revised delivery imports"
assert_grep "long_revision.csv: delivery 2, 6 rows, cells 1 new / 2 changed / 3 unchanged" \
	"$T/stdout" "the summary counts new, changed and unchanged cells"
assert_eq "$(sql "SELECT note FROM delivery WHERE id = 2")" "tweede levering" "--note is stored"
assert_eq "$(sql "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation WHERE indicator = 'jeugdigen_maatwerk' AND period = '2020Q1' AND region = 'GM0361' ORDER BY delivery)")" \
	"2660.0 2675.0" "the older value stays next to the new one"

run "$JMON" import --config "$CFG" --db "$DB" regions.csv
assert_status 0 "a regions CSV imports"
assert_eq "$(sql "SELECT name || '|' || kind || '|' || parent FROM region WHERE code = 'WK036101'")" \
	"Centrum|wijk|GM0361" "a region gets its name, kind and parent"

# Every bad file of tests/bad (exit status, exactly its messages, nothing
# written): tests/cli/bad_inputs.sh.

# One good and one bad file: each is its own delivery.
cd "$FIX/import" || exit 1
run "$JMON" import --config "$CFG" --db "$DB" long_nl.csv "$BAD/unknown_indicator.csv"
assert_status 65 "a bad file among good ones exits 65"
assert_grep "long_nl.csv: delivery 4," "$T/stdout" "the good file before it is imported"
assert_grep "unknown_indicator.csv: 1 error, nothing imported" "$T/stderr" \
	"the bad one is named in the summary"

# The real CBS files.
cd "$FIX/cbs" || exit 1
run "$JMON" import --config "$CFG" --db "$DB" almere_kwb_kerncijfers_GM0034_raw.csv \
	almere_bevolking_pc4_83502NED_statline_export.csv
assert_status 0 "both real CBS files import"
assert_grep "almere_kwb_kerncijfers_GM0034_raw.csv: delivery 5, 1536 rows, cells 2452 new" \
	"$T/stdout" "the kerncijfers file: every row read"
assert_grep "almere_bevolking_pc4_83502NED_statline_export.csv: delivery 6, 6 rows, cells 516 new" \
	"$T/stdout" "the StatLine export: every data row read"
assert_eq "$(sql "SELECT value FROM observation WHERE region = 'GM0034' AND period = '2023-01-01' AND indicator = 'jeugdzorg_pct'")" \
	"11.4" "an implied decimal comes from the configuration"
assert_eq "$(sql "SELECT count(*) FROM region WHERE parent = 'GM0034' AND kind = 'wijk'")" \
	"71" "the wijken of Almere hang under the gemeente"

run "$JMON" import --config "$CFG" --db "$DB" --format long odata_typed.csv
assert_status 65 "--format overrides the detection"
assert_grep "odata_typed.csv:1:1: unknown column 'ID'" "$T/stderr" \
	"read as a long CSV, the CBS header is wrong"

# Usage and missing files.
run "$JMON" import --config "$CFG" --db "$DB" --format xml long.csv
assert_status 64 "an unknown --format exits 64"
assert_grep "jmon: import: unknown --format 'xml' (expected long, regions, cbs, reviews or odata4)" "$T/stderr" \
	"the unknown format is named"
run "$JMON" import --config "$CFG" --db "$DB"
assert_status 64 "import without files exits 64"
assert_grep "jmon: import: no file given (jmon import FILE...)" "$T/stderr" "the missing file is asked for"
run "$JMON" import --config "$CFG" --db "$DB" nothere.csv
assert_status 66 "a missing file exits 66"
assert_stderr "a missing file is named" <<'OUT'
jmon: nothere.csv: No such file or directory
OUT
