#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Black-box check of the import contract (jmon-import(5)),
# written from the contract text alone, with fixtures of its own.
#
# The promises checked here, as a checker would read them:
#  1. Long CSV `region,period,indicator,category,value,flag`, RFC 4180,
#     UTF-8; `,` or `;` detected; an optional BOM; CRLF line ends.
#  2. The Dutch header aliases `regio,periode,indicator,categorie,waarde,
#     status`; header names in any case and any order; category and flag
#     may be left out (a total, final).
#  3. Every period form: 2020Q1 2020KW01 2020H1 2020HJ01 2020 2020JJ00
#     2020M03 2020MM03 and ISO dates, stored canonically.
#  4. `.` or `,` as decimal mark when unambiguous (a quoted "4,5" in a
#     comma file, 4,25 in a `;` file); negative values; blanks around a
#     value; "1.234,5" (both marks, properly grouped) is 1234,5 — where the
#     contract is silent we take what a Dutch spreadsheet writes; "2.660"
#     is the ambiguous case: settled by the file's other numbers, or
#     refused.
#  5. Flags: '' final, provisional (with a value); suppressed, unknown, na
#     (without one): stored as NULL with the flag, never 0.
#  6. RFC 4180 corners: quoted fields with separators, doubled quotes and
#     line breaks; blank lines; no newline at the end; a lone CR as line
#     end (old spreadsheets); a header without rows is an empty delivery.
#  7. Region codes: a well-formed CBS code (NL01, PV.., GM...., WK......,
#     BU........) is created with its code as name; a malformed one is
#     rejected at its position.
#  8. Every error as FILE:LINE:COLUMN (column in characters), exit 65,
#     nothing written (database byte for byte the same): unknown
#     indicator, unknown category, malformed period, non-numeric value,
#     duplicate key (also spelled differently: 2020Q1 and 2020KW01), wrong
#     field count, empty value without a flag, unknown flag, invalid UTF-8,
#     unterminated quote (at the opening quote); all errors of a file at
#     once; the first 20, then a count.
#  9. The same file again: a message, exit 0, no second delivery.
# 10. Each file its own delivery; a bad file does not stop the good ones.
# 11. `--format` overrides the detection; an unknown one is a usage error
#     (64); a missing file is 66.
# 12. The current value is the newest delivery's; the older one stays.
# 13. Regions CSV `region,name,kind,parent` and `regio,naam,soort,ouder`.
# 14. CBS kerncijfers layout: BOM, `;`, space-padded codes, `.` is
#     suppressed, Peildatum 1-1-2023 is the period 2023-01-01, region rows
#     fill the region table.
. "$TOP/tests/lib.sh"

CFG="$FIX/contract/monitor.yaml"
DB="$T/monitor.db"
q() { sqlite3 "$DB" "$1"; }
imp() { run "$JMON" import --db "$DB" --config "$CFG" "$@"; }


# The database's bytes (and its WAL's) before a rejected import.
snapshot() { cat "$DB" "$DB-wal" 2>/dev/null | cksum >"$T/snap"; }
assert_unchanged() {
	if [ "$(cat "$DB" "$DB-wal" 2>/dev/null | cksum)" = "$(cat "$T/snap")" ]; then
		ok "$1: the database is byte for byte as before"
	else
		not_ok "$1: the database changed"
	fi
}

# --- 1, 2: separators, BOM, CRLF, aliases ---------------------------------------

printf 'region,period,indicator,category,value,flag\nGM0202,2020Q1,jeugdigen,,1500,\nGM0202,2020Q1,verwijzingen,huisarts,12,provisional\n' >"$T/en.csv"
imp "$T/en.csv"
assert_status 0 "an English comma file imports"
assert_grep "en.csv: delivery 1, 2 rows" "$T/stdout" "the summary names the delivery and the rows"
assert_eq "$(q "SELECT value, flag FROM observation WHERE indicator = 'verwijzingen' AND category = 'huisarts'")" \
	"12.0|provisional" "a category row with flag provisional keeps its value"

printf '\357\273\277Regio;Periode;Indicator;Categorie;Waarde;Status\r\nGM0202;2020Q2;jeugdigen;;1600;\r\nGM0202;2020Q2;wachttijd;;4,25;voorlopig\r\n' >"$T/nl.csv"
imp "$T/nl.csv"
assert_status 0 "a Dutch file with BOM, ';' and CRLF imports"
assert_eq "$(q "SELECT period, indicator, value, flag FROM observation WHERE period = '2020Q2' ORDER BY indicator")" \
"2020Q2|jeugdigen|1600.0|
2020Q2|wachttijd|4.25|provisional" "Dutch file: values, the decimal comma and the Dutch flag word"
assert_eq "$(q "SELECT count(*) FROM region WHERE code LIKE '%GM0202%' AND code <> 'GM0202'")" "0" \
	"the BOM is not part of the first region code"

printf 'VALUE,Indicator,PERIOD,Region\n7,wachttijd,2020Q3,GM0202\n' >"$T/order.csv"
imp "$T/order.csv"
assert_status 0 "headers in any case and order, without category and flag"
assert_eq "$(q "SELECT value, flag, category FROM observation WHERE period = '2020Q3'")" "7.0||" \
	"without category and flag: a final total"

# --- 3: every period form -------------------------------------------------------

cat >"$T/periods.csv" <<'EOF'
region,period,indicator,category,value,flag
GM0202,2019Q1,wachttijd,,1,
GM0202,2019KW02,wachttijd,,2,
GM0202,2019H1,wachttijd,,3,
GM0202,2019HJ02,wachttijd,,4,
GM0202,2017,wachttijd,,5,
GM0202,2018JJ00,wachttijd,,6,
GM0202,2019M03,wachttijd,,7,
GM0202,2019MM04,wachttijd,,8,
GM0202,2023-01-01,wachttijd,,9,
EOF
imp "$T/periods.csv"
assert_status 0 "every period form imports"
assert_eq "$(q "SELECT group_concat(o.period || '=' || p.kind, ' ') FROM (SELECT period FROM observation WHERE delivery = (SELECT max(id) FROM delivery) ORDER BY value) o JOIN period p ON p.code = o.period")" \
	"2019Q1=quarter 2019Q2=quarter 2019H1=half 2019H2=half 2017=year 2018=year 2019M03=month 2019M04=month 2023-01-01=date" \
	"periods are stored canonically with their kind"

# --- 4: numbers -----------------------------------------------------------------

cat >"$T/numbers.csv" <<'EOF'
region,period,indicator,category,value,flag
GM0202,2021Q1,wachttijd,,"4,5",
GM0202,2021Q2,wachttijd,,-3,
GM0202,2021Q3,wachttijd,, 6 ,
GM0202,2021Q4,wachttijd,,+2,
EOF
imp "$T/numbers.csv"
assert_status 0 "a quoted decimal comma, a sign and blanks around a value"
assert_eq "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation WHERE period LIKE '2021Q_' ORDER BY period)")" \
	"4.5 -3.0 6.0 2.0" "the values as numbers"

printf 'regio;periode;indicator;categorie;waarde;status\nGM0202;2022Q1;jeugdigen;;1.234,5;\nGM0202;2022Q2;jeugdigen;;12.345.678;\nGM0202;2022Q3;jeugdigen;;0,5;\n' >"$T/grouped.csv"
imp "$T/grouped.csv"
assert_status 0 "Dutch thousands separators with a decimal comma"
assert_eq "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation WHERE period LIKE '2022Q_' ORDER BY period)")" \
	"1234.5 12345678.0 0.5" "1.234,5 is 1234,5; 12.345.678 is twelve million"

# "2.660": 2660 in a Dutch spreadsheet, 2.66 in an English one.  Only the
# file's other numbers can say which; without them it is refused.
printf 'regio;periode;indicator;categorie;waarde;status\nGM0202;2024Q1;jeugdigen;;2.660;\n' >"$T/ambiguous.csv"
snapshot
imp "$T/ambiguous.csv"
assert_status 65 "2.660 in a file that never shows its decimal mark is refused"
assert_grep "ambiguous.csv:2:26: ambiguous number '2.660'" "$T/stderr" "the ambiguous number at its position"
assert_unchanged "an ambiguous number"
printf 'regio;periode;indicator;categorie;waarde;status\nGM0202;2024Q1;jeugdigen;;2.660;\nGM0202;2024Q1;wachttijd;;4,5;\n' >"$T/settled.csv"
imp "$T/settled.csv"
assert_status 65 "2.660 read before the file shows ',' as its decimal mark is refused"
printf 'regio;periode;indicator;categorie;waarde;status\nGM0202;2024Q1;wachttijd;;4,5;\nGM0202;2024Q1;jeugdigen;;2.660;\nGM0202;2024Q2;wachttijd;;0,125;\n' >"$T/settled2.csv"
imp "$T/settled2.csv"
assert_status 0 "after a decimal comma, 2.660 is two thousand six hundred and sixty"
assert_eq "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation WHERE period LIKE '2024Q_' ORDER BY period, indicator)")" \
	"2660.0 4.5 0.125" "2.660 with ',' as the file's decimal mark; 0,125 is never ambiguous"

printf 'region,period,indicator,category,value,flag\nGM0202,2022Q4,jeugdigen,,1e3,\n' >"$T/exp.csv"
imp "$T/exp.csv"
assert_status 0 "a number in exponent notation (as R and Python write them)"
assert_eq "$(q "SELECT value FROM observation WHERE period = '2022Q4'")" "1000.0" "1e3 is 1000"

# --- 5: flags -------------------------------------------------------------------

cat >"$T/flags.csv" <<'EOF'
region,period,indicator,category,value,flag
GM0202,2023Q1,jeugdigen,,,suppressed
GM0202,2023Q1,wachttijd,,,unknown
GM0202,2023Q1,klachten,,,na
GM0202,2023Q1,verwijzingen,huisarts,3,provisional
GM0202,2023Q1,verwijzingen,jeugdarts,0,
EOF
imp "$T/flags.csv"
assert_status 0 "suppressed, unknown and na without a value"
assert_eq "$(q "SELECT group_concat(indicator || ':' || category || ':' || ifnull(value, 'NULL') || ':' || flag, ' ') FROM (SELECT * FROM observation WHERE period = '2023Q1' ORDER BY indicator, category)")" \
	"jeugdigen::NULL:suppressed klachten::NULL:na verwijzingen:huisarts:3.0:provisional verwijzingen:jeugdarts:0.0: wachttijd::NULL:unknown" \
	"a missing value is NULL with its flag, never 0; a real 0 stays 0"

# --- 6: RFC 4180 corners --------------------------------------------------------

printf 'region,period,indicator,category,value,flag\n\n"GM0202","2023Q2","verwijzingen","huisarts","1""0",""\n' >"$T/quote.csv"
imp "$T/quote.csv"
assert_status 65 "a doubled quote inside a quoted value is a quote (and not a number)"
assert_grep "quote.csv:3:45: not a number: '1\"0'" "$T/stderr" "the unquoted text is named, at the field's opening quote"

printf 'region,period,indicator,category,value,flag\n\n\nGM0202,"2023Q2",jeugdigen,"",11,\n\n"GM0202",2023Q2,"klachten",,12,' >"$T/blank.csv"
imp "$T/blank.csv"
assert_status 0 "blank lines and no newline at the end"
assert_eq "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation WHERE period = '2023Q2' ORDER BY indicator)")" \
	"11.0 12.0" "both rows are read"

printf 'region,period,indicator,category,value,flag\rGM0202,2023Q3,jeugdigen,,13,\rGM0202,2023Q3,klachten,,14,\r' >"$T/cr.csv"
imp "$T/cr.csv"
assert_status 0 "lines that end in a lone CR (an old Mac spreadsheet)"
assert_eq "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation WHERE period = '2023Q3' ORDER BY indicator)")" \
	"13.0 14.0" "a lone CR ends the line"

printf 'region,period,indicator,category,value,flag\r\n' >"$T/header.csv"
imp "$T/header.csv"
assert_status 0 "a header without rows is an empty delivery, not an error"

# a line break inside a quoted field: still one message on one line
printf 'region,period,indicator,category,value,flag\nGM0202,2023Q2,"verwijzingen","huis\narts",5,\n' >"$T/break.csv"
imp "$T/break.csv"
assert_status 65 "a quoted field with a line break (an unknown category)"
assert_grep "break.csv:2:30: unknown category 'huis\\narts'" "$T/stderr" \
	"the line break is shown escaped: one message, one line"

# a long line: a category of 5000 characters is unknown, and says so
long=$(printf '%05000d' 0)
printf 'region,period,indicator,category,value,flag\nGM0202,2023Q4,verwijzingen,x%s,1,\n' "$long" >"$T/longline.csv"
snapshot
imp "$T/longline.csv"
assert_status 65 "a very long field"
assert_grep "longline.csv:2:28: unknown category 'x0000" "$T/stderr" "a very long field is reported at its position"
assert_unchanged "a very long field"

# --- 7: region codes ------------------------------------------------------------

cat >"$T/codes.csv" <<'EOF'
region,period,indicator,category,value,flag
NL01,2020Q1,jeugdigen,,100000,
PV25,2020Q1,jeugdigen,,20000,
GM0344,2020Q1,jeugdigen,,3000,
WK020201,2020Q1,jeugdigen,,300,
BU02020101,2020Q1,jeugdigen,,30,
EOF
imp "$T/codes.csv"
assert_status 0 "well-formed CBS codes of every kind import"
assert_eq "$(q "SELECT group_concat(code || ':' || name || ':' || kind || ':' || ifnull(parent, ''), ' ') FROM (SELECT * FROM region WHERE code IN ('NL01', 'PV25', 'GM0344', 'WK020201', 'BU02020101') ORDER BY code)")" \
	"BU02020101:BU02020101:buurt:WK020201 GM0344:GM0344:gemeente: NL01:NL01:nl: PV25:PV25:provincie: WK020201:WK020201:wijk:GM0202" \
	"a new region is created with its code as name, its kind, and the parent its code implies"

cat >"$T/badcodes.csv" <<'EOF'
region,period,indicator,category,value,flag
GM020,2020Q1,jeugdigen,,1,
WK02020,2020Q1,jeugdigen,,1,
BU0202010A,2020Q1,jeugdigen,,1,
XX0202,2020Q1,jeugdigen,,1,
gm0202,2020Q1,jeugdigen,,1,
EOF
snapshot
imp "$T/badcodes.csv"
assert_status 65 "malformed region codes are rejected"
for pos in 2 3 4 5 6; do
	assert_grep "badcodes.csv:$pos:1: unknown region" "$T/stderr" "malformed region code on line $pos, column 1"
done
assert_unchanged "malformed region codes"

# --- 8: every error, with its position --------------------------------------------

# one file, one error of each kind; columns counted in characters (é is one)
cat >"$T/bad.csv" <<'EOF'
region,period,indicator,category,value,flag
GM0202,2020Q4,jeugdigen,,,
GM0202,2020Q4,wachttijd,,3,definitief
GM0202,2020Q4,klachten,,3
GM0202,2020Q4,klachten,,3,,
GM0202,2020Q5,klachten,,3,
GM0202,2020M13,klachten,,3,
GM0202,2023-02-30,klachten,,3,
GM0202,2020Q4,onbekend,,3,
GM0202,2020Q4,verwijzingen,tandarts,3,
GM0202,2020Q4,wachttijd,huisarts,3,
GM0202,2020Q4,verwijzingen,huisarts,drie,
GM0202,2020Q1,verwijzingen,jeugdarts,3,
GM0202,2020KW01,verwijzingen,jeugdarts,4,
GM0202,2020Q4,klachten,,4,suppressed
GM0202,2020Q4,klachten,"é",ü5,
EOF
printf 'GM0202,2020Q4,jeugdigen,\377,3,\nGM0202,2020Q4,"jeugdigen,,3,\n' >>"$T/bad.csv"
snapshot
imp "$T/bad.csv"
assert_status 65 "a file with errors exits 65"
while IFS='|' read -r at what desc; do
	assert_grep "bad.csv:$at: $what" "$T/stderr" "$desc at $at"
done <<'EOF'
2:26|empty value without a flag|empty value without a flag
3:28|unknown flag 'definitief'|unknown flag
4:1|5 fields, expected 6|too few fields
5:28|7 fields, expected 6|too many fields
6:8|malformed period '2020Q5'|quarter 5
7:8|malformed period '2020M13'|month 13
8:8|malformed period '2023-02-30'|30 February
9:15|unknown indicator 'onbekend'|unknown indicator
10:28|unknown category 'tandarts'|unknown category
11:25|unknown category 'huisarts' of indicator 'wachttijd'|a category of an indicator without categories
12:37|not a number: 'drie'|non-numeric value
14:1|duplicate row|duplicate key spelled 2020Q1 and 2020KW01
15:25|value '4' with flag 'suppressed'|a value with a flag that forbids one
16:24|unknown category 'é'|an unknown category in UTF-8
16:28|not a number: 'ü5'|columns counted in characters, not bytes
17:25|invalid UTF-8|invalid UTF-8
18:15|unterminated quoted field|unterminated quote at its opening quote
EOF
assert_grep "jmon: $T/bad.csv: 17 errors, nothing imported" "$T/stderr" "the summary counts every error"
assert_unchanged "a file with errors"

# more than 20 errors: the first 20, then the count
{ echo "region,period,indicator,category,value,flag"
  i=1; while [ $i -le 23 ]; do echo "GM0202,2020Q4,jeugdigen,,x$i,"; i=$((i + 1)); done; } >"$T/many.csv"
snapshot
imp "$T/many.csv"
assert_status 65 "23 errors exit 65"
assert_grep "many.csv:21:26: not a number: 'x20'" "$T/stderr" "the 20th error is shown"
assert_no_grep "x21'" "$T/stderr" "the 21st error is not shown"
assert_grep "... and 3 more errors" "$T/stderr" "then the number of the rest"
assert_unchanged "23 errors"

# an unknown header column, a missing one
printf 'region,period,indicator,categorie,waarde,kleur\nGM0202,2020Q4,jeugdigen,,1,\n' >"$T/badheader.csv"
imp "$T/badheader.csv"
assert_status 65 "an unknown column exits 65"
assert_grep "badheader.csv:1:42: unknown column 'kleur'" "$T/stderr" "the unknown column at its position"
printf 'region,period,indicator,category\nGM0202,2020Q4,jeugdigen,\n' >"$T/novalue.csv"
imp "$T/novalue.csv"
assert_status 65 "a long CSV without a value column exits 65"
assert_grep "novalue.csv:1:1: missing column 'value'" "$T/stderr" "the missing column is named"

# an empty file
: >"$T/empty.csv"
imp "$T/empty.csv"
assert_status 65 "an empty file exits 65"
assert_grep "empty.csv:1:1:" "$T/stderr" "an empty file is reported with a position"

# --- 9: the same file again -------------------------------------------------------

before=$(q "SELECT count(*) FROM delivery")
snapshot
imp "$T/en.csv"
assert_status 0 "the same file again exits 0"
assert_grep "en.csv: already imported as delivery 1" "$T/stderr" "the same file again names its delivery"
assert_eq "$(q "SELECT count(*) FROM delivery")" "$before" "the same file again adds no delivery"
assert_unchanged "the same file again"

# the same bytes under another name are the same delivery
cp "$T/en.csv" "$T/en-copy.csv"
imp "$T/en-copy.csv"
assert_status 0 "the same bytes under another name exit 0"
assert_grep "already imported as delivery 1" "$T/stderr" "the same bytes are recognised by their digest"

# --- 10, 12: several files, revisions ----------------------------------------------

printf 'region,period,indicator,category,value,flag\nGM0202,2020Q1,jeugdigen,,1550,\nGM0202,2020Q1,klachten,,4,\n' >"$T/rev.csv"
printf 'region,period,indicator,category,value,flag\nGM0202,2020Q1,jeugdigen,,x,\n' >"$T/revbad.csv"
printf 'region,period,indicator,category,value,flag\nGM0202,2020Q1,klachten,,5,\n' >"$T/rev2.csv"
imp "$T/rev.csv" "$T/revbad.csv" "$T/rev2.csv"
assert_status 65 "a bad file among good ones exits 65"
assert_grep "rev.csv: delivery" "$T/stdout" "the good file before it is imported"
assert_grep "rev2.csv: delivery" "$T/stdout" "the good file after it is imported"
assert_grep "revbad.csv: 1 error, nothing imported" "$T/stderr" "the bad file is named"
assert_grep "cells 1 new / 1 changed / 0 unchanged" "$T/stdout" "new and changed cells are counted"
assert_eq "$(q "SELECT group_concat(value, ' ') FROM (SELECT value FROM observation WHERE region = 'GM0202' AND period = '2020Q1' AND indicator = 'jeugdigen' ORDER BY delivery)")" \
	"1500.0 1550.0" "the older value stays beside the newer one"
run "$JMON" report --db "$DB" --config "$CFG" --period 2020Q1 --format csv --chapter zorg
assert_grep "GM0202,2020Q1,zorg,jeugdigen,,1550," "$T/stdout" "the current value is the newest delivery's"

# --- 11: --format, usage, missing files ----------------------------------------------

printf 'region,name,kind\nGM0203,Doesburg,gemeente\n' >"$T/regions3.csv"
snapshot
imp --format long "$T/regions3.csv"
assert_status 65 "--format long on a regions file: read as a long CSV"
assert_grep "regions3.csv:1:8: unknown column 'name'" "$T/stderr" "--format overrides the detection"
assert_unchanged "--format long on a regions file"
printf 'code,naam,soort\nGM0203,Doesburg,gemeente\n' >"$T/regions4.csv"
imp --format regions "$T/regions4.csv"
assert_status 0 "--format regions"
imp --format wide "$T/en.csv"
assert_status 64 "an unknown --format exits 64"
assert_grep "wide" "$T/stderr" "the unknown format is named"
imp "$T/does-not-exist.csv"
assert_status 66 "a missing file exits 66"
assert_grep "does-not-exist.csv" "$T/stderr" "the missing file is named"
run "$JMON" import --db "$DB" --config "$CFG"
assert_status 64 "import without a file exits 64"
mkdir -p "$T/adir"
imp "$T/adir"
assert_status 66 "a directory for a file exits 66 (an input that cannot be read)"
assert_grep "adir: a folder without Observations.csv or Observations.json" "$T/stderr" "the directory is named: no CBS table in it"

# --- 13: regions CSV --------------------------------------------------------------

cat >"$T/regions.csv" <<'EOF'
regio;naam;soort;ouder
WK020202;"Wijk 02; Centrum ""Oost""";wijk;GM0202
BU02020201;"Buurt
met regel";buurt;WK020202
GM0202;Arnhem;gemeente;PV25
EOF
imp "$T/regions.csv"
assert_status 0 "a Dutch regions CSV with quoted separators, quotes and a line break"
assert_eq "$(q "SELECT name || '|' || kind || '|' || parent FROM region WHERE code = 'WK020202'")" \
	'Wijk 02; Centrum "Oost"|wijk|GM0202' "a quoted name keeps its separator and quotes"
assert_eq "$(q "SELECT name FROM region WHERE code = 'GM0202'")" "Arnhem" "an existing region gets its name"

cat >"$T/badregions.csv" <<'EOF'
region,name,kind,parent
GM0203,Doesburg,stad,
GM0204,,gemeente,
WK020401,Wijk,wijk,GM9999
EOF
snapshot
imp "$T/badregions.csv"
assert_status 65 "a bad regions CSV exits 65"
assert_grep "badregions.csv:2:17: unknown kind 'stad'" "$T/stderr" "an unknown kind at its position"
assert_grep "badregions.csv:3:8: empty name" "$T/stderr" "an empty name at its position"
assert_grep "badregions.csv:4:20: unknown parent region 'GM9999'" "$T/stderr" \
	"an unknown parent is reported too, after other errors"
assert_unchanged "a bad regions CSV"

# --- 14: CBS kerncijfers ------------------------------------------------------------

cat >"$T/cbs.yaml" <<'EOF'
monitor:
  title: "CBS"
  region: GM0202
chapters:
  - id: cbs
    label: "CBS"
    indicators:
      - id: natura
        label: "Jongeren met jeugdzorg in natura"
        unit: procent
        decimals: 1
        cbs: {measure: PercentageJongerenMetJeugdzorg, decimals: 1}
EOF
printf '\357\273\277ID;Peildatum;WijkenEnBuurten;Gemeentenaam_1;SoortRegio_2;AantalInwoners_5;PercentageJongerenMetJeugdzorg_92\r\n' >"$T/kwb.csv"
printf '1;1-1-2023;GM0202    ;Arnhem                                  ;Gemeente  ;165000;114\r\n' >>"$T/kwb.csv"
printf '2;1-1-2023;WK020201  ;Arnhem                                  ;Wijk      ;9000;.\r\n' >>"$T/kwb.csv"
printf '3;1-1-2023;BU02020101;Arnhem                                  ;Buurt     ;900;97\r\n' >>"$T/kwb.csv"
DB="$T/cbs.db"
run "$JMON" import --db "$DB" --config "$T/cbs.yaml" "$T/kwb.csv"
assert_status 0 "a kerncijfers file imports"
assert_eq "$(q "SELECT group_concat(region || ':' || period || ':' || ifnull(value, 'NULL') || ':' || flag, ' ') FROM (SELECT * FROM observation ORDER BY region)")" \
	"BU02020101:2023-01-01:9.7: GM0202:2023-01-01:11.4: WK020201:2023-01-01:NULL:suppressed" \
	"trimmed codes, the reference date, implied decimals, '.' suppressed"
assert_eq "$(q "SELECT group_concat(code || ':' || kind || ':' || ifnull(parent, ''), ' ') FROM (SELECT * FROM region ORDER BY code)")" \
	"BU02020101:buurt:WK020201 GM0202:gemeente: WK020201:wijk:GM0202" \
	"the region rows fill the region table, gemeente > wijk > buurt"

# --- 15: CBS OData JSON (jmon-import(5): OData v3 TypedDataSet and UntypedDataSet as JSON) --

cat >"$T/odata.json" <<'JSON'
{"odata.metadata": "https://opendata.cbs.nl/ODataApi/OData/84286NED/$metadata#Cbs.OData.WebAPI.TypedDataSet",
 "value": [
  {"ID": 0, "RegioS": "GM0202    ", "Perioden": "2022JJ00", "PercentageJongerenMetJeugdzorg_2": 114},
  {"ID": 1, "RegioS": "WK020201  ", "Perioden": "2022JJ00", "PercentageJongerenMetJeugdzorg_2": null},
  {"RegioS": "BU02020101", "ID": 2, "Perioden": "2022JJ00", "PercentageJongerenMetJeugdzorg_2": 9.7e1}
 ]}
JSON
run "$JMON" import --db "$DB" --config "$T/cbs.yaml" "$T/odata.json"
assert_status 0 "an OData v3 JSON TypedDataSet imports"
assert_eq "$(q "SELECT group_concat(region || ':' || ifnull(value, 'NULL') || ':' || flag, ' ') FROM (SELECT * FROM observation WHERE period = '2022' ORDER BY region)")" \
	"BU02020101:9.7: GM0202:11.4: WK020201:NULL:suppressed" \
	"JSON: trimmed codes, implied decimals, null suppressed, keys in any order"

cat >"$T/bad.json" <<'JSON'
{"value": [
  {"RegioS": "GM0202", "Perioden": "2023JJ00", "PercentageJongerenMetJeugdzorg_2": "veel"},
  {"RegioS": "GM0202", "Periode": "2024JJ00"}
]}
JSON
snapshot
run "$JMON" import --db "$DB" --config "$T/cbs.yaml" "$T/bad.json"
assert_status 65 "a bad JSON file exits 65"
assert_grep "bad.json:2:84: not a number: 'veel'" "$T/stderr" "JSON: a bad value at its line and column"
assert_grep "bad.json:3:24: JSON: key 'Periode' is not in the first row" "$T/stderr" \
	"JSON: an unknown key at its position"
assert_unchanged "a bad JSON file"
printf '{"value": [\n  {"RegioS": "GM0202",}\n]}\n' >"$T/syntax.json"
run "$JMON" import --db "$DB" --config "$T/cbs.yaml" "$T/syntax.json"
assert_status 65 "a JSON syntax error exits 65"
assert_grep "syntax.json:2:23: JSON: expected a key" "$T/stderr" "JSON: the syntax error at its position"
