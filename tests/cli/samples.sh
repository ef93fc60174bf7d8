# SPDX-License-Identifier: EUPL-1.2
# The sample monitors of sample-data/: each configuration passes
# check-config, each delivery imports into a fresh database (in file-name
# order, as tools/build-sample.sh does), and the figures the documents
# publish come out again.
. "$TOP/tests/lib.sh"

SAMPLES="voorbeeldstad alkmaar-2020q1 verschillenanalyse-2015q1 alphen-nulmeting noordoostpolder-2019h1 almere-2018h2"

for name in $SAMPLES; do
	dir=$TOP/sample-data/$name
	if [ ! -d "$dir" ]; then
		not_ok "$name: sample-data/$name exists"
		continue
	fi
	[ -f "$dir/README.md" ] && ok "$name: has a README" || not_ok "$name: has a README"
	config=
	if [ -f "$dir/monitor.yaml" ]; then
		config="--config $dir/monitor.yaml"
		run "$JMON" check-config "$dir/monitor.yaml"
		assert_status 0 "$name: check-config monitor.yaml"
	fi
	db=$T/$name.db
	rm -f "$db" "$db-wal" "$db-shm"
	for f in $(find "$dir" -maxdepth 1 -name '*.csv' | LC_ALL=C sort); do
		# shellcheck disable=SC2086
		run "$JMON" import --db "$db" $config "$f"
		assert_status 0 "$name: import $(basename "$f")"
		cp "$T/stdout" "$T/$name-$(basename "$f" .csv).out"
	done
	# The same files again: nothing new, every one already imported.
	for f in $(find "$dir" -maxdepth 1 -name '*.csv' | LC_ALL=C sort | head -2); do
		# shellcheck disable=SC2086
		run "$JMON" import --db "$db" $config "$f"
		assert_grep "already imported" "$T/stderr" "$name: $(basename "$f") a second time is a no-op"
	done
done

# What the deliveries say they did (the summary line the user reads).
vb=$T/voorbeeldstad
assert_grep "1314 rows, cells 1314 new / 0 changed" "$vb-10-levering-2021Q1-2023Q2.out" \
	"voorbeeldstad: the history is one delivery of ten quarters"
assert_grep "171 rows, cells 129 new / 42 changed" "$vb-30-levering-2023Q4.out" \
	"voorbeeldstad: the 2023 Q4 delivery revises 42 cells of 2023 Q3"

# The published figures are in the database as published (read back
# through SQLite, the schema of src/schema.c; the report follows).
cell() {	# cell DB REGION PERIOD INDICATOR CATEGORY: the current value|flag
	sqlite3 "$1" "SELECT coalesce(value, '') || '|' || flag FROM observation
		WHERE region = '$2' AND period = '$3' AND indicator = '$4' AND category = '$5'
		ORDER BY delivery DESC LIMIT 1"
}
expect_cell() {	# expect_cell DB REGION PERIOD INDICATOR CATEGORY VALUE|FLAG DESC
	got=$(cell "$1" "$2" "$3" "$4" "$5")
	if [ "$got" = "$6" ]; then ok "$7"; else not_ok "$7: got '$got', expected '$6'"; fi
}
if command -v sqlite3 >/dev/null 2>&1; then
	a=$T/alkmaar-2020q1.db
	expect_cell "$a" GM0361 2020Q1 inwoners_0_17 "" "24364.0|" "alkmaar: 24 364 inwoners 0-17"
	expect_cell "$a" GM0361 2020Q1 jeugdigen_maatwerk "" "2660.0|" "alkmaar: 2 660 with maatwerk"
	expect_cell "$a" GM0361 2019Q4 jeugdigen_maatwerk "" "2600.0|" "alkmaar: 2019 Q4 implied (2 660 - 60)"
	expect_cell "$a" GM0361 2020Q1 clienttevredenheid "" "4.2|" "alkmaar: satisfaction 4,2"
	expect_cell "$a" GM0361 2020Q1 bt_aanmeldingen jgc "7.0|" "alkmaar: 7 referrals to the BT"
	expect_cell "$a" GM0361 2020Q1 klachten_afhandeling bemiddeling "4.0|" "alkmaar: 4 complaints resolved by mediation"
	expect_cell "$a" GM0361 2020Q1 hulpvragen_jgc "" "|unknown" "alkmaar: an unpublished level is unknown, not 0"
	v=$T/voorbeeldstad.db
	expect_cell "$v" GM0361 2023Q3 jeugdigen_maatwerk "" "2689.0|" "voorbeeldstad: 2023 Q3 revised to final"
	expect_cell "$v" GM0361 2023Q4 jeugdigen_maatwerk "" "2622.0|provisional" "voorbeeldstad: 2023 Q4 provisional"
	expect_cell "$v" GM0361 2022Q2 instroom jeugdzorgplus "|suppressed" "voorbeeldstad: a suppressed cell"
	expect_cell "$T/almere-2018h2.db" GM0034 2018H2 vt_veiligheidsbeoordeling_tijdig "" "52.0|" \
		"almere: Veilig Thuis 52 % on time"
	expect_cell "$T/almere-2018h2.db" GM0034 2018Q4 crisis_verblijfsduur "" "24.0|" "almere: crisis stay 24 days"
	expect_cell "$T/verschillenanalyse-2015q1.db" GM9904 2015Q1 verwijzers gi "32.4|" \
		"verschillenanalyse: D's referrals via the GI"
	expect_cell "$T/alphen-nulmeting.db" GM0484 2017Q4 s3a spec_hulp "42.0|" "alphen: 3a, specialistische hulp 42 %"
	expect_cell "$T/alphen-nulmeting.db" GM0484 2017Q4 s3a_n spec_hulp "19.0|" "alphen: 3a, n = 19"
	expect_cell "$T/alphen-nulmeting.db" GM0484 2017Q4 s9a basisvoorzieningen "|na" "alphen: a group not asked is na"
	expect_cell "$T/noordoostpolder-2019h1.db" GM0171 2018 zorglasten "" "14100000.0|" "noordoostpolder: zorglasten 2018"
fi

# --- jmon report ------------------------------------------------------------
# sample_report NAME ARGS...: jmon report on the sample's database and config
sample_report() {
	name=$1
	shift
	config=
	[ -f "$TOP/sample-data/$name/monitor.yaml" ] && config="--config $TOP/sample-data/$name/monitor.yaml"
	# shellcheck disable=SC2086
	run "$JMON" report --db "$T/$name.db" $config "$@"
}

# Every sample reports, by default in its main period: the newest quarter,
# or monitor.period where the document is about another period than its
# newest figures.
for pair in voorbeeldstad:2023Q4 alkmaar-2020q1:2020Q1 verschillenanalyse-2015q1:2015Q1 \
	alphen-nulmeting:2016 noordoostpolder-2019h1:2019H1 almere-2018h2:2018H2; do
	name=${pair%%:*} period=${pair#*:}
	sample_report "$name" --format csv
	assert_status 0 "$name: jmon report"
	rows=$(tail -n +2 "$T/stdout" | wc -l)
	other=$(tail -n +2 "$T/stdout" | cut -d, -f2 | grep -vcx "$period")
	if [ "$rows" -gt 0 ] && [ "$other" -eq 0 ]; then ok "$name: reports $period by default"
	else not_ok "$name: reports $period by default ($rows rows, $other of another period)"; fi
done

# alkmaar-2020q1: the published figures of 2020 Q1 (sample-data/README.md) in all four
# chapters, as the council would read them in the CSV.
sample_report alkmaar-2020q1 --region GM0361 --period 2020Q1 --format csv
assert_status 0 "alkmaar: jmon report --region GM0361 --period 2020Q1"
cp "$T/stdout" "$T/alkmaar.csv"
for chapter in cijfers wachttijden beschermingstafel klachten_bezwaar; do
	assert_grep "GM0361,2020Q1,$chapter," "$T/alkmaar.csv" "alkmaar report: chapter $chapter"
done
while IFS= read -r row; do
	assert_grep "GM0361,2020Q1,$row" "$T/alkmaar.csv" "alkmaar report: $row"
done <<'ROWS'
cijfers,inwoners_0_17,,24364,,grey,geen regel,
cijfers,jeugdigen_maatwerk,,2660,,green,"+2,3 % binnen -5..5 t.o.v. 2019 Q4",
cijfers,aandeel_maatwerk,,11,,
cijfers,hulpvragen_jgc,,,unknown,
cijfers,hulpvragen_jgc_verandering_pct,,-16,,amber,-16 % binnen -30..30,
cijfers,gezinnen_1g1p_verandering,,-36,,amber,-36 binnen -50..50,
cijfers,maatwerk_pgb_zin_verandering,pgb,-2,,
cijfers,maatwerk_pgb_zin_verandering,zin,153,,
cijfers,clienttevredenheid,,4.2,,green,"4,2 >= 4 (Streefwaarde 4)",
wachttijden,wachttijd_boven_termijn,,0,,green,
beschermingstafel,bt_aanmeldingen,,,unknown,
beschermingstafel,bt_aanmeldingen,jgc,7,,
klachten_bezwaar,klachten_ingediend,,4,,
klachten_bezwaar,klachten_afhandeling,bemiddeling,4,,
klachten_bezwaar,bezwaarschriften,,3,,
klachten_bezwaar,bezwaar_onderwerp,afwijzing_pgb,1,,
klachten_bezwaar,bezwaar_onderwerp,ingangsdatum,1,,
klachten_bezwaar,bezwaar_onderwerp,afwijzing_begeleiding,1,,
klachten_bezwaar,bezwaar_status,in_behandeling,1,,
klachten_bezwaar,bezwaar_status,tegemoetgekomen,1,,
klachten_bezwaar,bezwaar_status,ingetrokken,1,,
ROWS
# Published as a change, not as a level: no derived net change of PGB and
# ZIN (+151) that the document does not print.
assert_grep "GM0361,2020Q1,cijfers,maatwerk_pgb_zin_verandering,,,,grey" "$T/alkmaar.csv" \
	"alkmaar report: no total of the PGB and ZIN changes"
# The changes the text states, against the 2019 Q4 it implies (text format).
# (Runs of spaces squeezed: the column widths follow the longest label.)
sample_report alkmaar-2020q1 --period 2020Q1 --chapter cijfers
tr -s ' ' <"$T/stdout" >"$T/alkmaar.txt"
assert_grep "Inwoners 0-17 jaar 24.364 +958" "$T/alkmaar.txt" \
	"alkmaar report: +958 youths against 2019 Q4"
assert_grep "Jeugdigen met een maatwerkvoorziening 2.660 +60 ● groen" "$T/alkmaar.txt" \
	"alkmaar report: +60 with maatwerk against 2019 Q4"
assert_grep "Cliënttevredenheid Jeugd- & Gezinscoaches 4,2 4 ● groen" "$T/alkmaar.txt" \
	"alkmaar report: satisfaction 4,2 against the target 4"

# The statuses the documents set by hand, on figures without a number.
sample_report almere-2018h2 --format csv --chapter themas
assert_grep "GM0034,2018H2,themas,thema_ggz,,,,grey,handmatig: Kleur niet overgenomen: het stoplicht was een afbeelding en staat niet in de tekst van de rapportage,yes" \
	"$T/stdout" "almere report: a theme, grey by hand with the reason"
sample_report almere-2018h2 --format csv --chapter wachttijden
assert_grep "GM0034,2018H2,wachttijden,vt_veiligheidsbeoordeling_tijdig,,52,,red," "$T/stdout" \
	"almere report: Veilig Thuis 52 % on time, red"
sample_report noordoostpolder-2019h1 --format csv --chapter beheersmaatregelen
assert_grep "GM0171,2019H1,beheersmaatregelen,bm_1d_interventieteam,,,,red,handmatig: Planning volgens de rapportage: Uitgesteld,yes" \
	"$T/stdout" "noordoostpolder report: an uitgestelde measure is red by hand"
assert_grep "GM0171,2019H1,beheersmaatregelen,bm_1c_via,,,,grey,zonder cijfer: de status zet een analist," \
	"$T/stdout" "noordoostpolder report: a measure with only a date has no status"
# Alphen's survey: a % of fewer than 15 respondents is not judged.
sample_report alphen-nulmeting --format csv --period 2017Q4 --chapter enquete_signalering
assert_grep 'GM0484,2017Q4,enquete_signalering,s2f,basisvoorzieningen,77,,grey,"te klein om te beoordelen: 13, minimum 15",' \
	"$T/stdout" "alphen report: 77 % of 13 respondents is too few to judge"
assert_grep "GM0484,2017Q4,enquete_signalering,s3a,spec_hulp,42,,red,42 % < 50," "$T/stdout" \
	"alphen report: 42 % of 19 respondents is red"

# Figures of other periods: each report format says the figure's own
# period, and its change is against that period's previous one.
sample_report voorbeeldstad --format csv --chapter cijfers
assert_grep 'GM0361,2023Q4,cijfers,jongeren_jeugdzorg_natura,,2790,,red,"+10,9 % > 10 t.o.v. 1-1-2022",,Jongeren met jeugdzorg in natura (CBS),aantal,275,,2023-01-01,' \
	"$T/stdout" "voorbeeldstad csv: the CBS figure of 1-1-2023 at 2023 Q4, value_period 2023-01-01"
assert_grep ',maatwerk_pgb_zin,zin,2516,provisional,green,"-2,4 % binnen -5..5 t.o.v. 2023 Q3",,ZIN (zorg in natura),aantal,-61,,2023Q4,' \
	"$T/stdout" "voorbeeldstad csv: a figure of the quarter itself has value_period 2023Q4"
sample_report voorbeeldstad --chapter cijfers
assert_grep "Jongeren met jeugdzorg in natura (CBS)                  2.790  1-1-2023          +275         ■ rood" \
	"$T/stdout" "voorbeeldstad text: the period in its own column"
sample_report voorbeeldstad --format md --chapter cijfers
assert_grep "| Jongeren met jeugdzorg in natura (CBS) | 2.790 (1-1-2023) | +275 |" "$T/stdout" \
	"voorbeeldstad md: the period beside the value"
sample_report voorbeeldstad --format json --chapter cijfers
assert_grep '"value_period": "2023-01-01"' "$T/stdout" "voorbeeldstad json: value_period"
assert_grep '"value_period_label": "1-1-2023"' "$T/stdout" "voorbeeldstad json: value_period_label"
sample_report almere-2018h2 --format csv --chapter wachttijden
assert_grep "GM0034,2018H2,wachttijden,crisis_verblijfsduur,,24,,green," "$T/stdout" \
	"almere csv: the 24 days of 2018 Q4 at 2018 H2"
assert_grep ",2018Q4," "$T/stdout" "almere csv: value_period 2018Q4"
