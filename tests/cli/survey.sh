# SPDX-License-Identifier: EUPL-1.2
# Three configuration keys as the report shows them, on the survey monitor
# of tests/fixtures/survey: monitor.period (the period to report when
# --period is not given), unit: none (a control measure without a number,
# its status from a review) and stoplight.count_from (the n behind a
# percentage, held against min_n).
. "$TOP/tests/lib.sh"

CFG="$FIX/survey/monitor.yaml"
DB="$T/survey.db"
import_each "$CFG" "$DB" "$FIX"/survey/*.csv

# monitor.period 2017KW04 is 2017Q4: reported although 2018Q1 is newer.
# jgt: n 22 >= 15, judged; basis: n 12 < 15, grey although 51 % would be
# amber; spec: n unknown, so min_n cannot call it too small: judged.
# The total has no figure of its own: it shows its worst category (spec, red).
report --format csv
assert_status 0 "report without --period"
csv_columns 10	# the first ten: the original contract
assert_stdout "the monitor's period, coloured with the n behind each %" <<'CSV'
region,period,chapter,indicator,category,value,flag,status,reason,reviewed
GM0484,2017Q4,enquete,s2a,,,,red,"slechtste categorie, Specialistische hulp: 42 % < 50",
GM0484,2017Q4,enquete,s2a,jgt,95,,green,95 % >= 75,
GM0484,2017Q4,enquete,s2a,basis,51,,grey,"te klein om te beoordelen: 12, minimum 15",
GM0484,2017Q4,enquete,s2a,spec,42,,red,42 % < 50,
GM0484,2017Q4,enquete,s2a_n,,,,grey,geen regel,
GM0484,2017Q4,enquete,s2a_n,jgt,22,,grey,geen regel,
GM0484,2017Q4,enquete,s2a_n,basis,12,,grey,geen regel,
GM0484,2017Q4,enquete,s2a_n,spec,,unknown,grey,geen regel,
GM0484,2017Q4,maatregelen,bm_1a,,,,green,handmatig: Afgerond,yes
GM0484,2017Q4,maatregelen,bm_1b,,,,grey,zonder cijfer: de status zet een analist,
CSV

# --period wins over monitor.period; without an n in 2018Q1, min_n does
# not apply.
report --format csv --period 2018Q1
assert_status 0 "report --period 2018Q1"
csv_columns 10	# the first ten: the original contract
assert_grep "GM0484,2018Q1,enquete,s2a,jgt,90,,green,90 % >= 75," "$T/stdout" \
	"--period wins over monitor.period"
assert_grep "GM0484,2018Q1,maatregelen,bm_1a,,,,grey,zonder cijfer: de status zet een analist," \
	"$T/stdout" "a measure without a review in 2018Q1 is grey, without a value"

# A chapter that holds only statuses and explanations is not "no data".
report --chapter maatregelen
assert_status 0 "report --chapter maatregelen: reviews are data"
assert_stdout "the measures in text: no value, the review's status" <<'TXT'
Enquête professionals · Alphen aan den Rijn (GM0484) · 2017 Q4 · levering 2
● 1  ▲ 0  ■ 0  ○ 1 · beoordeeld 1/2 · verschil t.o.v. 2017 Q3

Beheersmaatregelen
Indicator                        Status       Reden
1a Dienstverlening specialisten  ● groen  ✓✎  handmatig: Afgerond
1b Procesregie                            ✎

✓ beoordeeld  ↻ beoordeeld bij een andere waarde  ✎ toelichting  * herzien door de nieuwste levering
TXT

# A value for an indicator with unit none is refused, nothing written.
printf 'region,period,indicator,category,value,flag\nGM0484,2017Q4,bm_1b,,1,\n' >"$T/value.csv"
run "$JMON" import --config "$CFG" --db "$DB" "$T/value.csv"
assert_status 65 "a value for unit none: status 65"
assert_stderr "a value for unit none: the message" <<EOF
$T/value.csv:2:22: indicator 'bm_1b' has unit none: it takes no value (its status comes from a review)
jmon: $T/value.csv: 1 error, nothing imported
EOF
# A flag alone is accepted, and shows no "n.v.t." for a figure that never
# has a value.
printf 'region,period,indicator,category,value,flag\nGM0484,2017Q4,bm_1b,,,na\n' >"$T/flag.csv"
run "$JMON" import --config "$CFG" --db "$DB" "$T/flag.csv"
assert_status 0 "a flag without a value for unit none is accepted"
report --chapter maatregelen
assert_grep "1b Procesregie                            ✎" "$T/stdout" \
	"a flag alone: still no value column"
assert_no_grep "n.v.t." "$T/stdout" "no 'n.v.t.' for unit none"
