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
assert_grep "1234 rows, cells 1234 new / 0 changed" "$vb-10-levering-2021Q1-2023Q2.out" \
	"voorbeeldstad: the history is one delivery of ten quarters"
assert_grep "163 rows, cells 121 new / 42 changed" "$vb-30-levering-2023Q4.out" \
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
	expect_cell "$T/almere-2018h2.db" GM0034 2018Q4 crisis_verblijfsduur "" "24.0|provisional" \
		"almere: crisis stay 24 days, provisional as the document says of 2018 Q4"
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
	# (the records, not the lines of an explanation of several fields)
	grep -E '^[A-Z]{2}[0-9]{2,},' "$T/stdout" >"$T/records"
	rows=$(wc -l <"$T/records")
	other=$(cut -d, -f2 "$T/records" | grep -vcx "$period")
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
cijfers,jeugdigen_maatwerk,,2660,,grey,geen regel,
cijfers,aandeel_maatwerk,,11,,
cijfers,hulpvragen_jgc,,,unknown,
cijfers,hulpvragen_jgc_verandering_pct,,-16,,grey,geen regel,
cijfers,gezinnen_1g1p_verandering,,-36,,grey,geen regel,
cijfers,maatwerk_pgb_zin_verandering,pgb,-2,,
cijfers,maatwerk_pgb_zin_verandering,zin,153,,
cijfers,clienttevredenheid,,4.2,,grey,geen regel,
wachttijden,wachttijd_boven_termijn,,0,,grey,geen regel,
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
assert_grep "Jeugdigen met een maatwerkvoorziening 2.660 +60" "$T/alkmaar.txt" \
	"alkmaar report: +60 with maatwerk against 2019 Q4"
assert_grep "Cliënttevredenheid Jeugd- & Gezinscoaches 4,2" "$T/alkmaar.txt" \
	"alkmaar report: satisfaction 4,2"
# The document colours nothing and sets no norm: neither does the sample.
assert_no_grep "groen" "$T/alkmaar.txt" "alkmaar report: no colour the document does not give"
assert_no_grep "oranje" "$T/alkmaar.txt" "alkmaar report: no amber of the sample's own"
sample_report alkmaar-2020q1 --period 2020Q1 --format csv
assert_eq "$(grep -E '^GM0361,' "$T/stdout" | cut -d, -f14 | grep -c .)" 0 \
	"alkmaar report: no norm on any row (none of the default monitor's)"

# The statuses the documents set, on figures without a number: the
# document's (source_status), not a review.
sample_report almere-2018h2 --format csv --chapter themas
assert_grep "GM0034,2018H2,themas,thema_ggz,,,,grey,rapport: Kleur niet overgenomen: het stoplicht was een afbeelding en staat niet in de tekst van de rapportage,,Geestelijke gezondheidszorg (jeugd-ggz),none,,,2018H2,grey,,," \
	"$T/stdout" "almere report: a theme, grey as the report's (the colour was an image), not reviewed"
sample_report almere-2018h2 --format csv --chapter wachttijden
assert_grep "GM0034,2018H2,wachttijden,vt_veiligheidsbeoordeling_tijdig,,52,,red," "$T/stdout" \
	"almere report: Veilig Thuis 52 % on time, red"
sample_report noordoostpolder-2019h1 --format csv --chapter beheersmaatregelen
assert_grep "GM0171,2019H1,beheersmaatregelen,bm_1d_interventieteam,,,,red,rapport: Planning volgens de rapportage: Uitgesteld,,1d Doorontwikkeling Interventieteam,none,,,2019H1,red,,," \
	"$T/stdout" "noordoostpolder report: an uitgestelde measure is red as the report's, not reviewed"
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
assert_grep "GM0034,2018H2,wachttijden,crisis_verblijfsduur,,24,provisional,green," "$T/stdout" \
	"almere csv: the 24 days of 2018 Q4 at 2018 H2, provisional"
assert_grep ",2018Q4," "$T/stdout" "almere csv: value_period 2018Q4"

# Computed figures and the baseline where the seeds compute and compare.
sample_report voorbeeldstad --chapter cijfers
assert_grep "Prognose als percentage van de begroting              104,7 %                 +1,7 pp  100 %  ● groen" \
	"$T/stdout" "voorbeeldstad: the prognose as a % of the begroting is a value against its norm"
assert_grep "Berekend: Prognose als percentage van de begroting = Kosten jeugdhulp: prognose / Kosten jeugdhulp: begroting × 100" \
	"$T/stdout" "voorbeeldstad: the report says how it is computed"
sample_report noordoostpolder-2019h1 --format csv --chapter algemeen
assert_grep "GM0171,2019H1,algemeen,prognose_min_begroting,cure,,unknown," "$T/stdout" \
	"noordoostpolder: the overrun is computed, unknown as its inputs are"
sample_report alphen-nulmeting --format csv --chapter gebruik_cbs
assert_grep "gebrekkige registratie.\",,2015,1.5" "$T/stdout" \
	"alphen: 2016 against the 2015 nulmeting (+1,5 pp via the wijkteams)"

# --- what the documents publish and the samples now carry ------------------
if command -v sqlite3 >/dev/null 2>&1; then
	al=$T/almere-2018h2.db
	while IFS=';' read -r period ind cat want desc; do
		expect_cell "$al" GM0034 "$period" "$ind" "$cat" "$want" "almere: $desc"
	done <<'ROWS'
2018;poh_extra_gezien;;400.0|;ruim vierhonderd more seen by the POH-ggz (a lower bound)
2016;poh_verwezen_pct;;42.0|;42 % referred in 2016
2018;poh_verwezen_pct;;27.0|;27 % referred now
2016Q1;arrangement_individuele_hulp_pct;;27.0|;27 % with individual help early 2016
2018Q4;arrangement_individuele_hulp_pct;;15.0|;15 % in the last quarter of 2018
2018H2;arrangement_beschikking_pct;zonder_praktijk;20.0|;20 % with a beschikking
2018H2;arrangementen_actief;;6.0|;six arrangements
2018H2;behandeld_wonen_omgevormd_pct;;60.0|;more than 60 % turned into begeleid wonen
2018;correctie_residentieel;;1500000.0|;the correction of 1,5 million
2016;pleegzorg_nieuwe_gezinnen;;28.0|;the campaign found 28 families (aim 15)
2018;voorzorg_begeleid;;24.0|;24 mothers in Voorzorg
2018;vht_gezinnen;;65.0|;65 families with video-hometraining
2019;transformatiefonds;;990000.0|;990 000 a year from the Transformatiefonds
2018;pleegzorg_campagne_geaccepteerd;;15.0|;the second campaign found 15 families (aim 14)
2018;pleegzorg_campagne_screening;;5.0|;5 families still in screening
2018;voorzorg_partner_pct;;50.0|;more than half of Voorzorg's mothers with a partner (a lower bound)
2018;vht_deelnemers_pct;depressie;33.0|;a third of video-hometraining for depressive complaints
2018;vht_deelnemers_pct;vroeggeboren;33.0|;a third for a child born too early
2018Q4;jb_overgenomen_ljr;;15.0|;15 youths taken over from LJ&R
2018Q4;jb_overgenomen_ljr;wsg;3.0|;3 of them by the WSG
ROWS
	expect_cell "$T/noordoostpolder-2019h1.db" GM0171 2019H1 zorgzwaarte_uitgangspunt zwaarder "16.0|" \
		"noordoostpolder: the funding model's 80 - 16 - 4"
fi
sample_report almere-2018h2 --format csv --chapter transformatie
assert_grep "GM0034,2018H2,transformatie,pleegzorg_nieuwe_gezinnen," "$T/stdout" \
	"almere report: the chapter of figures the text gives in words"
assert_grep "GM0034,2018H2,transformatie,pleegzorg_campagne_geaccepteerd,,15,,grey,geen regel,,Nieuwe pleeggezinnen (campagne 2017-2018),aantal,,14,2018," \
	"$T/stdout" "almere report: 15 families against the campaign's aim of 14, not coloured"
assert_grep "GM0034,2018H2,transformatie,jb_overgenomen_ljr,wsg,,suppressed,grey," "$T/stdout" \
	"almere report: the WSG's 3 below the privacy minimum, withheld"
sample_report almere-2018h2 --format csv --chapter wachttijden
assert_grep "GM0034,2018H2,wachttijden,jgz_contact_frontoffice,,5,,grey,geen regel,,Contact frontoffice JGZ Almere,werkdagen,,,2018," \
	"$T/stdout" "almere report: 'binnen vijf werkdagen' in werkdagen, without a norm that makes 5 green"

# The legend is the monitor's: Almere's words only where the Almere
# report is the source, jmon's own elsewhere.
sample_report alphen-nulmeting --format md
assert_no_grep "Er is een extra maatregel nodig" "$T/stdout" "alphen md: no Almere legend"
assert_grep "## Legenda (jmon)" "$T/stdout" "alphen md: jmon's own legend, marked as such"
sample_report voorbeeldstad --format md
assert_no_grep "Er is een extra maatregel nodig" "$T/stdout" "voorbeeldstad md (the default configuration): no Almere legend"
assert_grep "## Legenda (jmon)" "$T/stdout" "voorbeeldstad md: the default configuration's legend is jmon's own"
sample_report verschillenanalyse-2015q1 --format md
assert_no_grep "Er is een extra maatregel nodig" "$T/stdout" "verschillenanalyse md: no Almere legend"
sample_report almere-2018h2 --format md --chapter themas
assert_grep "## Legenda (Halfjaarrapportage jeugdhulp Almere 2018 H2, p. 4)" "$T/stdout" \
	"almere md: the report's legend, named"
assert_grep "*Ontwikkeling.* Gebruik kan nog toenemen" "$T/stdout" "almere md: a theme's Ontwikkeling"
assert_grep "*Streefbeeld.* Betere samenhang" "$T/stdout" "almere md: and its Streefbeeld, apart"
assert_grep "beoordeeld 0/9" "$T/stdout" "almere md: no theme counts as reviewed"
sample_report noordoostpolder-2019h1 --format json --chapter beheersmaatregelen
assert_grep '"planning": "Uitgesteld"' "$T/stdout" "noordoostpolder json: a measure's Planning as a field"

# A percentage with its n (n_from), and a statement that is not cut.
sample_report alphen-nulmeting --period 2017Q4 --chapter enquete_signalering
assert_grep "42 % (n=19)" "$T/stdout" "alphen text: 42 % of 19 respondents, side by side"

# Alphen: the three changes of seed 002 as the text states them (README,
# "Chosen within the rounding"), in the CSV as stored and on the text
# report as a reader sees them.
sample_report alphen-nulmeting --format csv --chapter gebruik_cbs
cp "$T/stdout" "$T/alphen-cbs.csv"
sample_report alphen-nulmeting --format csv --chapter gebruik_cbs --region NL01
cp "$T/stdout" "$T/nl-cbs.csv"
# change_of CSV LABEL: the change column of the row labelled LABEL
change_of() { grep -o ",$2,procent,[^,]*," "$1" | cut -d, -f4; }
assert_eq "$(change_of "$T/alphen-cbs.csv" Jeugdhulp)" 0.91 "alphen: jeugdhulp +0,9 pp from 2015"
assert_eq "$(change_of "$T/nl-cbs.csv" Jeugdhulp)" 0.87 \
	"alphen: NL's jeugdhulp +0,9 pp too, 'gelijk met het landelijk gemiddelde'"
sample_report alphen-nulmeting --chapter gebruik_cbs --region NL01
tr -s ' ' <"$T/stdout" >"$T/nl-cbs.txt"
assert_grep "Jeugdhulp 11,1 % +0,9 pp" "$T/nl-cbs.txt" "alphen: NL's jeugdhulp rose 0,9 pp as the text reads"
assert_grep "Jeugdreclassering 0,5 % -0,1 pp" "$T/nl-cbs.txt" "alphen: NL's jeugdreclassering 'iets lager' in 2016"
sample_report alphen-nulmeting --regions GM0484,NL01 --chapter gebruik_cbs
tr -s ' ' <"$T/stdout" >"$T/gaps.txt"
assert_grep "Jeugdhulp +2,8 pp" "$T/gaps.txt" "alphen: jeugdhulp 2,8 pp above NL in 2016"
sample_report alphen-nulmeting --regions GM0484,NL01 --chapter gebruik_cbs --period 2015
tr -s ' ' <"$T/stdout" >"$T/gaps.txt"
assert_grep "Jeugdhulp +2,7 pp" "$T/gaps.txt" "alphen: and 2,7 pp in 2015"
alphen_jr=$(change_of "$T/alphen-cbs.csv" Jeugdreclassering)
nl_jr=$(change_of "$T/nl-cbs.csv" Jeugdreclassering)
if awk -v a="$alphen_jr" -v n="$nl_jr" 'BEGIN { exit !(a < n && n < 0) }'; then
	ok "alphen: jeugdreclassering fell most in Alphen ($alphen_jr pp, NL $nl_jr pp)"
else not_ok "alphen: jeugdreclassering fell most in Alphen ($alphen_jr pp, NL $nl_jr pp)"; fi
# the change against the nulmeting as the change is written: 0.8, not 0.7999999999999989
assert_grep 'procentpunt).",,2015,0.8' "$T/alphen-cbs.csv" "alphen: +0,8 pp against the nulmeting, to the tenth"

# Alphen: the rest of Tabel B5.2, the referrers, the endings of
# trajectories and the client satisfaction, as published, without a norm
# or a colour the report does not give.
sample_report alphen-nulmeting --format csv --period 2017Q4 --chapter enquete_n
while IFS= read -r row; do
	assert_grep "GM0484,2017Q4,enquete_n,$row" "$T/stdout" "alphen report: $row"
done <<'ROWS'
respondenten,,93,,grey,geen regel,
respondenten_functie,po_vo_swv,13,,grey,geen regel,
respondenten_functie,jgz,13,,
respondenten_functie,gi,14,,
respons_functie_pct,po_vo_swv,76,,
respons_functie_pct,kinderopvang,14,,
respons_functie_pct,veilig_thuis,9,,
respons_functie_pct,huisarts,,unknown,
respondenten_aanbieder,,12,,
respondenten_aanbieder,prodeba,5,,
respons_aanbieder_pct,horizon,10,,
respons_aanbieder_pct,ipse,,unknown,grey,geen regel,,Ipse,procent,,,2017Q4,,,,"Gedrukt als ""33-40""
ROWS
sample_report alphen-nulmeting --format csv --chapter gemeente
cp "$T/stdout" "$T/gemeente.csv"
sample_report alphen-nulmeting --format csv --chapter gemeente --period 2015
cat "$T/stdout" >>"$T/gemeente.csv"
while IFS= read -r row; do
	assert_grep "GM0484,$row" "$T/gemeente.csv" "alphen report: $row"
done <<'ROWS'
2016,gemeente,verwijzer_pct,huisarts,40,,grey,geen regel,
2016,gemeente,verwijzer_pct,jgt,33,,grey,geen regel,
2016,gemeente,trajecten_einde_pct,volgens_plan,76,,grey,geen regel,,Volgens plan,procent,12,
2016,gemeente,trajecten_einde_pct,voortijdig,24,,
2015,gemeente,trajecten_einde_pct,volgens_plan,64,,
2015,gemeente,trajecten_einde_pct,voortijdig,36,,
2015,gemeente,klanttevredenheid_jgt,opvoeders,8.7,,grey,geen regel,
2015,gemeente,klanttevredenheid_jgt,jeugdigen,8.6,,
ROWS
assert_eq "$(grep -E '^GM0484,' "$T/gemeente.csv" | grep -cv ',grey,')" 0 \
	"alphen report: the municipality's figures have no colour"
# The KPIs against their own targets (the document's norms) and their own
# nulmeting 2016, the money, the rest of the quarterly figures.
sample_report alphen-nulmeting --format csv --chapter kpi --period 2017
cp "$T/stdout" "$T/kpi.csv"
sample_report alphen-nulmeting --format csv --chapter financien --period 2021
cp "$T/stdout" "$T/financien.csv"
sample_report alphen-nulmeting --format csv --chapter kwartaal --period 2016Q3
cat "$T/kpi.csv" "$T/financien.csv" "$T/stdout" >"$T/rest.csv"
while IFS= read -r row; do
	assert_grep "GM0484,$row" "$T/rest.csv" "alphen report: $row"
done <<'ROWS'
2017,kpi,kpi_vve,,60,,grey,geen regel,,KPI 1.1 Deelname VVE,procent,20,100,2017,
2017,kpi,kpi_schooluitval,,70,,grey,geen regel,,KPI Jongeren: schooluitval,procent,30,70,
2017,kpi,kpi_lezen,,50,,grey,geen regel,,KPI 2.1 Lezen voor plezier,procent,,65,
2017,kpi,boost_meer_bewegen,,50,,
2021,financien,rijksmiddelen_jeugd,verdeelmodel,17800000,,
2021,financien,rijksmiddelen_jeugd,achttienplus_voogdij,4000000,,
2021,financien,prijs_aanbesteding,,17500000,,grey,geen regel,
2016Q3,kwartaal,pleegzorg_aandeel_kw,,55,,
2016Q3,kwartaal,kindermishandeling_kw,,1.5,,
ROWS
assert_grep ',,2016,20' "$T/kpi.csv" "alphen report: a KPI against its own nulmeting 2016 (+20 pp)"
assert_eq "$(grep -E '^GM0484,' "$T/kpi.csv" "$T/financien.csv" | grep -cv ',grey,')" 0 \
	"alphen report: the KPIs and the money have no colour"
