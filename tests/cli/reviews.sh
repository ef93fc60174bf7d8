# SPDX-License-Identifier: EUPL-1.2
# The reviews CSV (region,period,indicator,category,status,reason,text):
# explanations and the statuses a document sets, imported like any
# delivery, all or nothing.  A document's status is a fact about the
# document (source_status), never a review.
. "$TOP/tests/lib.sh"

db=$T/reviews.db

cat >"$T/good.csv" <<'EOF'
region,period,indicator,category,status,reason,text
GM0361,2023Q4,wachttijd_boven_termijn,,red,Stijgt drie kwartalen op rij,Veertien jeugdigen wachten te lang.
GM0361,2023Q4,wachttijd_zorgsoort,jeugd_ggz,,,"Personeelstekort, vooral bij de grootste aanbieder."
GM0361,2023KW04,vt_adviezen,,oranje,Meer adviesvragen,
EOF
run "$JMON" import --db "$db" "$T/good.csv"
assert_status 0 "a reviews file imports"
assert_grep "3 rows, cells 4 new / 0 changed / 0 unchanged" "$T/stdout" \
	"two texts and two statuses are written"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$db" "SELECT indicator, status, reason, delivery FROM source_status ORDER BY indicator;
		SELECT count(*) FROM review;
		SELECT indicator, category, field, text FROM annotation ORDER BY indicator" >"$T/rows"
	assert_file "$T/rows" "statuses (Dutch words too) are the document's, not reviews; texts to annotation" <<'EOF'
vt_adviezen|amber|Meer adviesvragen|1
wachttijd_boven_termijn|red|Stijgt drie kwartalen op rij|1
0
wachttijd_boven_termijn||toelichting|Veertien jeugdigen wachten te lang.
wachttijd_zorgsoort|jeugd_ggz|toelichting|Personeelstekort, vooral bij de grootste aanbieder.
EOF
fi
run "$JMON" report --db "$db" --period 2023Q4 --chapter wachttijden --format csv
assert_grep 'GM0361,2023Q4,wachttijden,wachttijd_boven_termijn,,,,red,rapport: Stijgt drie kwartalen op rij (berekend: grijs),,Jeugdigen met wachttijd boven de wettelijke termijn,aantal,,,2023Q4,red,,,Veertien jeugdigen wachten te lang.' \
	"$T/stdout" "report: the document's red, not reviewed, source_status red"
run "$JMON" report --db "$db" --period 2023Q4 --chapter wachttijden
assert_grep "beoordeeld 0/" "$T/stdout" "report: a document's status counts as no review"

# A later file changes one status and repeats a text unchanged.
cat >"$T/later.csv" <<'EOF'
regio,periode,indicator,categorie,status,reden,toelichting
GM0361,2023Q4,wachttijd_boven_termijn,,amber,Afspraken over overbrugging gemaakt,Veertien jeugdigen wachten te lang.
EOF
run "$JMON" import --db "$db" "$T/later.csv"
assert_status 0 "Dutch headers are accepted"
assert_grep "cells 0 new / 1 changed / 1 unchanged" "$T/stdout" "a changed status is counted as changed"
if command -v sqlite3 >/dev/null 2>&1; then
	assert_eq "$(sqlite3 "$db" "SELECT group_concat(status || ' ' || delivery, ', ') FROM
		(SELECT * FROM source_status WHERE indicator = 'wachttijd_boven_termijn' ORDER BY delivery)")" \
		"red 1, amber 2" "the later delivery's status is kept beside the earlier one's"
fi

cat >"$T/bad.csv" <<'EOF'
region,period,indicator,category,status,reason,text
GM0361,2023Q4,ggz_aanmeldwachttijd,,paars,x,t
GM0361,2023Q4,wachttijd_zorgsoort,jeugd_ggz,red,r,t
GM0361,2023Q4,hulpvragen_jgc,,,reden,
GM0361,2023Q4,gezinnen_1g1p,,,,
GM0361,2023Q4,vt_meldingen,,red,,t
GM0361,2023Q4,onbekend,,,,t
GM0361,2023Q4,vt_adviezen,,oranje,Druk,t
GM0361,2023Q4,vt_adviezen,,,,t2
EOF
cp "$db" "$T/before.db"
run "$JMON" import --db "$db" "$T/bad.csv"
assert_status 65 "a bad reviews file is rejected with status 65"
sed "s|$T/||" "$T/stderr" >"$T/messages"
assert_file "$T/messages" "every problem is reported with its position" <<'EOF'
bad.csv:2:37: unknown status 'paars' (expected green, amber, red or grey)
bad.csv:3:45: a status applies to the whole indicator: leave category 'jeugd_ggz' empty, or give only a text
bad.csv:4:32: a reason without a status
bad.csv:5:32: neither a status nor a text: nothing to import
bad.csv:6:29: status 'red' without a reason (a status needs one)
bad.csv:7:15: unknown indicator 'onbekend'
bad.csv:9:1: duplicate row: GM0361 2023Q4 vt_adviezen was given on line 8 already
jmon: bad.csv: 7 errors, nothing imported
EOF
if cmp -s "$db" "$T/before.db"; then ok "nothing of a rejected file is written"; else
	not_ok "nothing of a rejected file is written: the database changed"; fi

# --- text fields (monitor.texts) -------------------------------------------
# A column per field of the monitor; `text` is the first.
cat >"$T/texts.yaml" <<'EOF'
monitor:
  region: GM0034
  texts:
    - {id: ontwikkeling, label: "Ontwikkeling"}
    - {id: streefbeeld, label: "Streefbeeld"}
chapters:
  - id: themas
    indicators:
      - {id: thema_a, label: "Thema A", unit: none}
      - {id: thema_b, label: "Thema B", unit: none}
EOF
cat >"$T/00-regions.csv" <<'EOF'
region,name,kind,parent
GM0034,Almere,gemeente,
EOF
cat >"$T/themes.csv" <<'EOF'
region,period,indicator,category,status,reason,ontwikkeling,streefbeeld
GM0034,2018H2,thema_a,,groen,Zoals gepland,Het gebruik is stabiel.,Kortere plaatsingen.
GM0034,2018H2,thema_b,,,,,Alleen een streefbeeld.
EOF
tdb=$T/texts.db
run "$JMON" import --db "$tdb" --config "$T/texts.yaml" "$T/00-regions.csv" "$T/themes.csv"
assert_status 0 "a reviews file with a column per text field imports"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$tdb" "SELECT indicator, field, text FROM annotation ORDER BY indicator, field" >"$T/rows"
	assert_file "$T/rows" "each field of the explanation on its own" <<'EOF'
thema_a|ontwikkeling|Het gebruik is stabiel.
thema_a|streefbeeld|Kortere plaatsingen.
thema_b|streefbeeld|Alleen een streefbeeld.
EOF
fi
run "$JMON" report --db "$tdb" --config "$T/texts.yaml" --period 2018H2 --format csv
assert_grep 'GM0034,2018H2,themas,thema_a,,,,green,rapport: Zoals gepland,,Thema A,none,,,2018H2,green,,,"Ontwikkeling: Het gebruik is stabiel.' \
	"$T/stdout" "csv: the fields in the explanation, each after its label"
assert_eq "$(sed -n '/thema_a/,/Streefbeeld/p' "$T/stdout" | tail -2)" '
Streefbeeld: Kortere plaatsingen.",,,' "csv: the fields joined by a blank line"
run "$JMON" report --db "$tdb" --config "$T/texts.yaml" --period 2018H2 --format json
assert_eq "$(jq -c '.chapters[0].indicators[0].texts' "$T/stdout")" \
	'{"ontwikkeling":"Het gebruik is stabiel.","streefbeeld":"Kortere plaatsingen."}' \
	"json: the texts by field"
run "$JMON" report --db "$tdb" --config "$T/texts.yaml" --period 2018H2 --format md
cp "$T/stdout" "$T/texts.md"
assert_grep "*Ontwikkeling.* Het gebruik is stabiel." "$T/texts.md" "md: the first field after its label"
assert_grep "*Streefbeeld.* Kortere plaatsingen." "$T/texts.md" "md: the second field, a paragraph of its own"
cat >"$T/unknown.csv" <<'EOF'
region,period,indicator,category,status,reason,ontwikkeling,planning
GM0034,2018H2,thema_a,,,,x,y
EOF
run "$JMON" import --db "$tdb" --config "$T/texts.yaml" "$T/unknown.csv"
assert_status 65 "a column for a field the monitor does not have is rejected"
assert_grep "unknown.csv:1:61: unknown column 'planning'" "$T/stderr" "and named with its position"

# --- a database of schema 3 -------------------------------------------------
# Its document statuses were reviews by "import": the upgrade makes them
# the document's, and the explanations the field toelichting.
if command -v sqlite3 >/dev/null 2>&1; then
	old=$T/old.db
	run "$JMON" import --db "$old" "$T/good.csv"
	sqlite3 "$old" "DROP TABLE source_status; DROP TABLE annotation;
		CREATE TABLE annotation (region TEXT NOT NULL, period TEXT NOT NULL,
			indicator TEXT NOT NULL, category TEXT NOT NULL DEFAULT '', text TEXT NOT NULL,
			author TEXT NOT NULL, at TEXT NOT NULL, change INTEGER NOT NULL DEFAULT 0,
			PRIMARY KEY (region, period, indicator, category)) WITHOUT ROWID;
		INSERT INTO annotation VALUES ('GM0361', '2023Q4', 'vt_adviezen', '', 'oud', 'a', 'x', 0);
		INSERT INTO review VALUES ('GM0361', '2023Q4', 'vt_adviezen', 'amber', 'Meer', 1,
			'import', 'x', 0);
		INSERT INTO review VALUES ('GM0361', '2023Q4', 'vt_meldingen', NULL, '', 1,
			'analist', 'x', 0);
		ALTER TABLE history DROP COLUMN field;
		PRAGMA user_version = 3"
	run "$JMON" import --db "$old" "$T/later.csv"
	assert_status 0 "an import upgrades a database of schema 3"
	sqlite3 "$old" "PRAGMA user_version; SELECT indicator, status, delivery FROM source_status
		ORDER BY indicator, delivery; SELECT indicator, author FROM review;
		SELECT indicator, field, text FROM annotation ORDER BY indicator" >"$T/rows"
	assert_file "$T/rows" "the import's reviews become the document's statuses; an analyst's stays" <<'EOF'
4
vt_adviezen|amber|1
wachttijd_boven_termijn|amber|2
vt_meldingen|analist
vt_adviezen|toelichting|oud
wachttijd_boven_termijn|toelichting|Veertien jeugdigen wachten te lang.
EOF
fi
