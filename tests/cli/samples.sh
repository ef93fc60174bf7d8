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
# through SQLite until jmon report can show them; the schema is
# DESIGN section 3).
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

# The report shows the published quarter in all four chapters, once
# jmon report exists.
run "$JMON" report --db "$T/alkmaar-2020q1.db" --config "$TOP/sample-data/alkmaar-2020q1/monitor.yaml" \
	--region GM0361 --period 2020Q1 --format csv
if grep -q "not implemented" "$T/stderr"; then
	echo "# skip: jmon report is not implemented yet"
else
	assert_status 0 "alkmaar: jmon report for 2020 Q1"
	for row in "GM0361,2020Q1,cijfers,inwoners_0_17,,24364," \
		"GM0361,2020Q1,wachttijden,wachttijd_boven_termijn,,0," \
		"GM0361,2020Q1,beschermingstafel,bt_aanmeldingen,jgc,7," \
		"GM0361,2020Q1,klachten_bezwaar,klachten_ingediend,,4,"; do
		assert_grep "$row" "$T/stdout" "alkmaar report: $row"
	done
fi
