# SPDX-License-Identifier: EUPL-1.2
# CBS OData v4 (jmon-import(5), CBS ODATA V4): a table's folder as
# cbsodata4 saves it imports as one delivery and reports; the JSON answer
# of the API gives the same figures; Confidential and Impossible cells are
# flags, never 0; a measure the code list does not know, a table none of
# whose measures feeds an indicator and bad rows are refused with their
# positions, and the database is unchanged.
. "$TOP/tests/lib.sh"

CFG="$FIX/odata4/monitor.yaml"
TABLE="$FIX/odata4/85097NED"
DB="$T/v4.db"

run "$JMON" import --config "$CFG" --db "$DB" "$TABLE"
assert_status 0 "the folder of a CBS OData v4 table imports"
assert_grep "$TABLE/Observations.csv: delivery 1, 90 rows, cells 36 new / 0 changed / 0 unchanged, regions 3 new" \
	"$T/stdout" "one delivery from Observations.csv: 90 rows, the 36 cells the indicators take"
assert_eq "$(sqlite3 "$DB" "SELECT format FROM delivery")" "odata4" "the delivery's format is odata4"

# The report: the title of the measure chose 'trajecten', its code
# 'jongeren'; the referrers' titles (VerwijzerJeugdzorgCodes) the categories;
# PeriodenCodes' Voorlopig makes 2022 provisional; RegioSCodes names Alkmaar.
report() { run "$JMON" report --config "$CFG" --db "$DB" "$@"; }
report --format csv --period 2022
csv_columns 7
assert_stdout "the report of 2022 for Alkmaar: values, the secret cell suppressed" <<'CSV'
region,period,chapter,indicator,category,value,flag
GM0361,2022,cijfers,trajecten,,2765,provisional
GM0361,2022,cijfers,trajecten,huisarts,860,provisional
GM0361,2022,cijfers,trajecten,gemeente,1160,provisional
GM0361,2022,cijfers,trajecten,jeugdarts,,suppressed
GM0361,2022,cijfers,trajecten,gi,250,provisional
GM0361,2022,cijfers,jongeren,,2270,provisional
CSV
report --period 2022
assert_grep "Alkmaar (GM0361)" "$T/stdout" "RegioSCodes names the region"
report --format csv --region NL01 --period 2021
csv_columns 7
assert_grep "NL01,2021,cijfers,trajecten,gemeente,200000," "$T/stdout" "2e+05 as fwrite writes it is 200000"
assert_grep "NL01,2021,cijfers,trajecten,gi,,na" "$T/stdout" "an Impossible cell is na"
assert_eq "$(sqlite3 "$DB" "SELECT count(*) FROM observation WHERE flag IN ('suppressed', 'na') AND value IS NOT NULL")" \
	"0" "a flagged cell has no value, never 0"
assert_eq "$(sqlite3 "$DB" "SELECT group_concat(DISTINCT indicator) FROM observation WHERE category = '' AND region = 'GM0034'")" \
	"jongeren,trajecten" "the unused measure M004103 is left alone"

# The same table as the API's JSON, saved as it came: the same figures.
run "$JMON" import --config "$CFG" --db "$T/json.db" "$FIX/odata4/json"
assert_status 0 "the JSON folder imports"
q="SELECT indicator, region, period, category, coalesce(value, ''), flag FROM observation ORDER BY 1, 2, 3, 4"
sqlite3 "$DB" "$q" >"$T/csv.cells"
sqlite3 "$T/json.db" "$q" >"$T/json.cells"
assert_file "$T/json.cells" "the JSON gives the same cells as the CSV" <"$T/csv.cells"

# The file itself, found by its header or named by --format.
run "$JMON" import --config "$CFG" --db "$T/file.db" "$TABLE/Observations.csv"
assert_status 0 "Observations.csv alone is recognised (its code lists beside it are still read)"
assert_eq "$(sqlite3 "$T/file.db" "SELECT name FROM region WHERE code = 'GM0034'")" "Almere" \
	"the code lists beside the file name the regions"
mkdir -p "$T/renamed"
cp "$TABLE/Observations.csv" "$T/renamed/levering.csv"
run "$JMON" import --config "$CFG" --db "$T/forced.db" --format odata4 "$T/renamed/levering.csv"
assert_status 0 "--format odata4 on a file of another name, without code lists"
assert_eq "$(sqlite3 "$T/forced.db" "SELECT count(*) FROM observation WHERE indicator = 'jongeren'")" "6" \
	"without MeasureCodes the code M004102 still feeds 'jongeren'"
assert_eq "$(sqlite3 "$T/forced.db" "SELECT count(*) FROM observation WHERE indicator = 'trajecten'")" "0" \
	"without MeasureCodes no title is known: 'trajecten' gets nothing"

# A table whose codes CBS pads with spaces: trimmed.
mkdir -p "$T/padded"
cp "$TABLE"/*.csv "$T/padded/"
sed -i 's/,GM0361,/,GM0361  ,/' "$T/padded/Observations.csv"
run "$JMON" import --config "$CFG" --db "$T/padded.db" "$T/padded"
assert_status 0 "padded region codes import"
assert_eq "$(sqlite3 "$T/padded.db" "SELECT count(*) FROM observation WHERE region = 'GM0361'")" "12" \
	"padded codes are trimmed"

# --- what is refused ---------------------------------------------------------
bad() {	# bad NAME SED-SCRIPT: a copy of the table with one change
	mkdir -p "$T/$1"
	cp "$TABLE"/*.csv "$T/$1/"
	sed -i "$2" "$T/$1/Observations.csv"
}
cp "$DB" "$T/before.db"
bad unknown '$a 90,M009999,None,5,,T001228,GM0361,2022JJ00'
run "$JMON" import --config "$CFG" --db "$DB" "$T/unknown"
assert_status 65 "a measure MeasureCodes does not list is refused"
assert_stderr "the unknown measure at its position" <<EOF
$T/unknown/Observations.csv:92:4: measure 'M009999' is not in $T/unknown/MeasureCodes.csv
jmon: $T/unknown/Observations.csv: 1 error, nothing imported
EOF
if cmp -s "$DB" "$T/before.db"; then ok "the database is unchanged"; else not_ok "the database is unchanged"; fi

sed 's/measure: "Jeugdhulptrajecten"/measure: "Jeugdhulptraject"/; s/measure: M004102/measure: M004109/' \
	"$CFG" >"$T/misspelt.yaml"
run "$JMON" import --config "$T/misspelt.yaml" --db "$T/misspelt.db" "$TABLE"
assert_status 65 "a table none of whose measures feeds an indicator is refused"
assert_grep "Observations.csv:1:1: no indicator takes a measure of this table (cbs.measure names a code or its MeasureCodes title): M004101 'Jeugdhulptrajecten', M004102 'Jongeren met jeugdhulptraject', M004103 'Beëindigde jeugdhulptrajecten'" \
	"$T/stderr" "the message lists the table's measures"

bad rows 's/^30,M004101,None,6215,/30,M004101,None,6215,5,/; s/^31,M004101,None,1925,,A049381,GM0034,2021JJ00/31,M004101,None,1925,,A049381,GM0034,2021Q5/; $a 91,M004101,None,2660,,T001228,GM0361,2021JJ00'
run "$JMON" import --config "$CFG" --db "$DB" "$T/rows"
assert_status 65 "bad rows are refused"
assert_grep "Observations.csv:32:" "$T/stderr" "a row with a field too many, at its line"
assert_grep "Observations.csv:33:38: malformed period '2021Q5'" "$T/stderr" "a malformed period at its column"
assert_grep "Observations.csv:92:4: GM0361 2021JJ00 trajecten: a second row for this cell (the first is on line" \
	"$T/stderr" "a second row for one cell"
if cmp -s "$DB" "$T/before.db"; then ok "the database is still unchanged"; else not_ok "the database is still unchanged"; fi

bad value 's/^30,M004101,None,6215,/30,M004101,None,6215 trajecten,/'
run "$JMON" import --config "$CFG" --db "$DB" "$T/value"
assert_status 65 "a Value that is no number is refused"
assert_grep "Observations.csv:32:17: not a number: '6215 trajecten'" "$T/stderr" "the value at its position"

mkdir -p "$T/empty"
run "$JMON" import --config "$CFG" --db "$DB" "$T/empty"
assert_status 66 "a folder without observations"
assert_grep "$T/empty: a folder without Observations.csv or Observations.json" "$T/stderr" "the folder is named"
