# SPDX-License-Identifier: EUPL-1.2
# jmon report, the real program, on the monitor of tests/fixtures/report:
# every `on:` kind against statuses worked out by hand, privacy, a
# suppressed value, a revision, an override, a review mark and an
# explanation (written with the sqlite3 CLI, as the TUI would), the four
# formats, --chapter and --period, and the errors.
. "$TOP/tests/lib.sh"

CFG="$FIX/report/monitor.yaml"
DB="$T/report.db"


# Three periods in three deliveries; the fourth revises 2023 Q4.
import_each "$CFG" "$DB" "$FIX"/report/*.csv

# --- CSV: the statuses computed by hand ----------------------------------
# 2023 Q4 is the newest period; previous 2023 Q3; a year earlier 2022 Q4.
: >"$T/expected.csv"
row() { printf '%s\n' "$1" >>"$T/expected.csv"; }
row 'region,period,chapter,indicator,category,value,flag,status,reason,reviewed'
# change: 2660 - 2600 = +60; outside green -50..50, inside amber -100..100.
row 'GM0361,2023Q4,cijfers,maatwerk,,2660,provisional,amber,+60 binnen -100..100 t.o.v. 2023 Q3,'
# change_pct: delivery 3 said 470 (+17,5 %: amber), delivery 4 revised it to
# 440: (440 - 400) / 400 = +10,0 %, on the bound of green -10..10 (inclusive).
row 'GM0361,2023Q4,cijfers,hulpvragen,,440,,green,"+10,0 % binnen -10..10 t.o.v. 2023 Q3",'
# yoy_pct: (222 - 200) / 200 = +11,0 % against 2022 Q4 (not 2023 Q3's 250);
# above amber <= 10, no red band: red, what is left.
row 'GM0361,2023Q4,cijfers,instroom,,222,,red,"+11,0 % > 10 t.o.v. 2022 Q4",'
# peer_pct: the group is GM0361, GM0392, GM0546; GM0361 itself is left out,
# mean (10,0 + 10,0) / 2 = 10,0; (11,6 - 10) / 10 = +16,0 % > 15: red.
# (With itself in the mean, 10,53, it would be +10,1 %: amber.)
row 'GM0361,2023Q4,cijfers,aandeel,,11.6,,red,"+16,0 % > 15 t.o.v. Vergelijkbare gemeenten (gemiddeld 10,0 %), +1,6 pp",'
# no rule: grey.  The total is not delivered; derived it would be
# 120 + 7 + 45 = 172, but jeugdarts 7 < 10 is hidden, and 172 - 120 - 45
# would give it away: the total is withheld too.
row 'GM0361,2023Q4,cijfers,verwijzingen,,,suppressed,grey,geen regel,'
row 'GM0361,2023Q4,cijfers,verwijzingen,huisarts,120,,grey,geen regel,'
row 'GM0361,2023Q4,cijfers,verwijzingen,jeugdarts,,suppressed,grey,geen regel,'
row 'GM0361,2023Q4,cijfers,verwijzingen,gemeente,45,,grey,geen regel,'
# value: 3,5 fails green >= 4, matches amber >= 3.5 on its bound.
row 'GM0361,2023Q4,cijfers,tevredenheid,,3.5,,amber,"3,5 >= 3,5 (Streefwaarde 4)",'
# value, per category too (total: none): 5,2 <= 6 amber; 3,9 <= 4 green;
# 6,5 above amber <= 6: red, what is left.
row 'GM0361,2023Q4,wachttijden,ggz_aanmeld,,5.2,,amber,"5,2 wk <= 6 (Treeknorm 4 wk)",'
row 'GM0361,2023Q4,wachttijden,ggz_aanmeld,aanbieder_a,3.9,,green,"3,9 wk <= 4 (Treeknorm 4 wk)",'
row 'GM0361,2023Q4,wachttijden,ggz_aanmeld,aanbieder_b,6.5,,red,"6,5 wk > 6 (Treeknorm 4 wk)",'
# norm_ratio: 16 / 10 = 1,60; not <= 1, not <= 1.5, matches red > 1.5.
row 'GM0361,2023Q4,wachttijden,rvdk_start,,16,,red,"1,60 × Wettelijke termijn > 1,5 (16 dgn; Wettelijke termijn 10 dgn)",'
# suppressed at the source: empty, grey.
row 'GM0361,2023Q4,wachttijden,crisis,,,suppressed,grey,geheim,'
# privacy min_count 5 for this indicator: 6, 5 and 0 are shown (0 names
# nobody).  The total is derived: 6 + 5 + 0 = 11, > 10 and <= 20: amber;
# the parts 6, 5, 0 <= 10: green.
row 'GM0361,2023Q4,klachten_bezwaar,klachten,,11,,amber,11 <= 20,'
row 'GM0361,2023Q4,klachten_bezwaar,klachten,bejegening,6,,green,6 <= 10,'
row 'GM0361,2023Q4,klachten_bezwaar,klachten,werkwijze,5,,green,5 <= 10,'
row 'GM0361,2023Q4,klachten_bezwaar,klachten,privacy,0,,green,0 <= 10,'
# 3 < 10 (the monitor's minimum): never shown, grey whatever its change.
row 'GM0361,2023Q4,klachten_bezwaar,bezwaren,,,suppressed,grey,"aantal <10, niet getoond (privacy)",'

cp "$DB" "$T/before.db"
report --format csv
assert_status 0 "report --format csv exits 0"
csv_columns 10	# the first ten: the original contract
assert_file "$T/stdout" "csv: every on: kind gives the status computed by hand" <"$T/expected.csv"
if cmp -s "$DB" "$T/before.db"; then ok "the report opens the database read-only"; else
	not_ok "the report changed the database"; fi

report --format csv --period 2023Q4 --region GM0361
csv_columns 10	# the first ten: the original contract
assert_file "$T/stdout" "the defaults are monitor.region and the newest period" <"$T/expected.csv"

# An older period: no 2023 Q2 to compare with, and the per-indicator
# privacy minimum hides 3, 2 and 1 while their total 6 stays (three hidden
# parts give none of them away).
report --format csv --period 2023KW03
assert_status 0 "--period takes a CBS code"
csv_columns 10	# the first ten: the original contract
assert_grep 'GM0361,2023Q3,cijfers,maatwerk,,2600,,grey,geen vergelijking: geen waarde voor 2023 Q2,' \
	"$T/stdout" "--period 2023Q3: grey, nothing to compare with"
assert_grep 'GM0361,2023Q3,klachten_bezwaar,klachten,,6,,green,6 <= 10,' "$T/stdout" \
	"--period 2023Q3: a total with three hidden parts is shown"
assert_grep 'GM0361,2023Q3,klachten_bezwaar,klachten,werkwijze,,suppressed,grey,"aantal <5, niet getoond (privacy)",' \
	"$T/stdout" "--period 2023Q3: a count below the indicator's own minimum is withheld"

report --format csv --chapter wachttijden
csv_columns 10	# the first ten: the original contract
assert_stdout "--chapter: the rows of that chapter only" <<'OUT'
region,period,chapter,indicator,category,value,flag,status,reason,reviewed
GM0361,2023Q4,wachttijden,ggz_aanmeld,,5.2,,amber,"5,2 wk <= 6 (Treeknorm 4 wk)",
GM0361,2023Q4,wachttijden,ggz_aanmeld,aanbieder_a,3.9,,green,"3,9 wk <= 4 (Treeknorm 4 wk)",
GM0361,2023Q4,wachttijden,ggz_aanmeld,aanbieder_b,6.5,,red,"6,5 wk > 6 (Treeknorm 4 wk)",
GM0361,2023Q4,wachttijden,rvdk_start,,16,,red,"1,60 × Wettelijke termijn > 1,5 (16 dgn; Wettelijke termijn 10 dgn)",
GM0361,2023Q4,wachttijden,crisis,,,suppressed,grey,geheim,
OUT

# --- an analyst's work: an override, a review mark, explanations ---------
sqlite3 "$DB" "INSERT INTO review (region, period, indicator, status_override, reason, reviewed, author, at)
  VALUES ('GM0361', '2023Q4', 'tevredenheid', 'green', 'Steekproef te klein, n=12 | zie \"toelichting\"', 1, 'test', '2024-01-15T10:00:00Z'),
         ('GM0361', '2023Q4', 'ggz_aanmeld', NULL, '', 1, 'test', '2024-01-15T10:00:00Z');
INSERT INTO annotation (region, period, indicator, category, text, author, at)
  VALUES ('GM0361', '2023Q4', 'klachten', '', 'Elf klachten, vooral over bejegening.
Met twee teams zijn afspraken gemaakt | zie bijlage.', 'test', '2024-01-15T10:00:00Z'),
         ('GM0361', '2023Q4', 'ggz_aanmeld', 'aanbieder_b', 'Aanbieder B had een personeelstekort.', 'test', '2024-01-15T10:00:00Z');"

report --format csv
csv_columns 10	# the first ten: the original contract
assert_grep 'GM0361,2023Q4,cijfers,tevredenheid,,3.5,,green,"handmatig: Steekproef te klein, n=12 | zie ""toelichting"" (berekend: oranje)",yes' \
	"$T/stdout" "csv: an override replaces the status, says so, and is quoted by RFC 4180"
assert_grep 'GM0361,2023Q4,wachttijden,ggz_aanmeld,aanbieder_b,6.5,,red,"6,5 wk > 6 (Treeknorm 4 wk)",yes' \
	"$T/stdout" "csv: the review mark covers the indicator's categories"
assert_grep 'GM0361,2023Q4,cijfers,maatwerk,,2660,provisional,amber,+60 binnen -100..100 t.o.v. 2023 Q3,' \
	"$T/stdout" "csv: an indicator nobody reviewed has an empty reviewed column"

# --- text ------------------------------------------------------------------
report
assert_status 0 "report (text) exits 0"
assert_stdout "text: the aligned table with header, marks and reasons" <<'OUT'
Rapporttest · Proefstad (GM0361) · 2023 Q4 · levering 4 (voorlopig)
● 2  ▲ 3  ■ 3  ○ 3 · beoordeeld 1/6 signalen · verschil t.o.v. 2023 Q3

Cijfers
Indicator                              Waarde  Verschil    Norm  Status        Reden
Jeugdigen met een maatwerkvoorziening   2.660       +60          ▲ oranje      +60 binnen -100..100 t.o.v. 2023 Q3
Nieuwe hulpvragen                         440       +40          ● groen   *   +10,0 % binnen -10..10 t.o.v. 2023 Q3
Instroom jeugdhulp                        222       -28          ■ rood        +11,0 % > 10 t.o.v. 2022 Q4
Aandeel jeugdigen met maatwerk         11,6 %                    ■ rood        +16,0 % > 15 t.o.v. Vergelijkbare gemeenten (gemiddeld 10,0 %), +1,6 pp
Indicaties per verwijzer               geheim
  Huisarts                                120
  Jeugdarts                               <10
  Gemeente                                 45
Cliënttevredenheid                        3,5      -0,3       4  ● groen   ✓   handmatig: Steekproef te klein, n=12 | zie "toelichting" (berekend: oranje)

Wachttijden
Indicator                              Waarde  Verschil    Norm  Status        Reden
Aanmeldwachttijd jeugd-GGZ             5,2 wk   +0,9 wk    4 wk  ▲ oranje  ✓   5,2 wk <= 6 (Treeknorm 4 wk)
  Aanbieder A                          3,9 wk   -0,1 wk          ● groen   ✓   3,9 wk <= 4 (Treeknorm 4 wk)
  Aanbieder B                          6,5 wk   +1,9 wk          ■ rood    ✓✎  6,5 wk > 6 (Treeknorm 4 wk)
Start raadsonderzoek                   16 dgn            10 dgn  ■ rood        1,60 × Wettelijke termijn > 1,5 (16 dgn; Wettelijke termijn 10 dgn)
Verblijfsduur crisisopvang             geheim            28 dgn  ○ grijs       geheim

Toelichting
  Aanmeldwachttijd jeugd-GGZ — Aanbieder B
    Aanbieder B had een personeelstekort.

Klachten en bezwaar
Indicator                              Waarde  Verschil    Norm  Status        Reden
Ingediende klachten                        11        +5          ▲ oranje  ✎   11 <= 20
  Bejegening                                6                    ● groen       6 <= 10
  Werkwijze                                 5                    ● groen       5 <= 10
  Privacy                                   0                    ● groen       0 <= 10
Ingediende bezwaarschriften               <10                    ○ grijs       aantal <10, niet getoond (privacy)

Toelichting
  Ingediende klachten
    Elf klachten, vooral over bejegening.
    Met twee teams zijn afspraken gemaakt | zie bijlage.

✓ beoordeeld  ↻ beoordeeld bij een andere waarde  ✎ toelichting  * herzien door de nieuwste levering
OUT
# The value column ends at one display column on every row, the row with
# the two-byte "ë" included: count characters (wc -m), not bytes.
end_of() { grep -F -- "$1" "$T/stdout" | sed "s/\\($2\\) .*/\\1/" | tr -d '\n' | wc -m; }
assert_eq "$(end_of 'Cliënttevredenheid' '3,5')" "$(end_of 'Nieuwe hulpvragen' '440')" \
	"text: a UTF-8 label does not shift the columns"

run env LC_ALL=C "$JMON" report --config "$CFG" --db "$DB" --chapter klachten_bezwaar
assert_grep '^ oranje  a  11 <= 20' "$T/stdout" "text: ASCII glyphs and marks outside a UTF-8 locale"
assert_grep 'Rapporttest - Proefstad (GM0361) - 2023 Q4' "$T/stdout" "text: an ASCII header outside UTF-8"

# --- Markdown --------------------------------------------------------------
report --format md --chapter klachten_bezwaar
assert_stdout "md: heading, table, the chapter's explanation, legend" <<'OUT'
# Rapporttest

**Proefstad (GM0361) · 2023 Q4** · levering 4 · beoordeeld 0/1 signalen

## Klachten en bezwaar

| Indicator | Waarde | Verschil t.o.v. 2023 Q3 | Norm | Status | Reden |
|:--|--:|--:|--:|:--|:--|
| Ingediende klachten | 11 | +5 |  | ▲ oranje | 11 <= 20 |
| Ingediende klachten — Bejegening | 6 |  |  | ● groen | 6 <= 10 |
| Ingediende klachten — Werkwijze | 5 |  |  | ● groen | 5 <= 10 |
| Ingediende klachten — Privacy | 0 |  |  | ● groen | 0 <= 10 |
| Ingediende bezwaarschriften | <10 |  |  | ○ grijs | aantal <10, niet getoond (privacy) |

### Toelichting

**Ingediende klachten**

Elf klachten, vooral over bejegening.
Met twee teams zijn afspraken gemaakt | zie bijlage.

## Legenda

- ■ rood: Er is een extra maatregel nodig.
- ▲ oranje: Er is extra aandacht nodig.
- ● groen: Het proces loopt zoals gepland.
OUT

report --format md
assert_grep '| Cliënttevredenheid | 3,5 | -0,3 | Streefwaarde 4 | ● groen | handmatig: Steekproef te klein, n=12 \| zie "toelichting" (berekend: oranje) |' \
	"$T/stdout" "md: a pipe in a cell is escaped"
assert_grep '| Indicaties per verwijzer — Jeugdarts | <10 |  |  |  |  |' "$T/stdout" \
	"md: a category row names its indicator; a row without a rule has no status"
assert_grep '**Aanmeldwachttijd jeugd-GGZ — Aanbieder B**' "$T/stdout" \
	"md: a category's explanation is under its chapter"
assert_grep '**Proefstad (GM0361) · 2023 Q4** · levering 4 (voorlopig) · beoordeeld 1/6 signalen' \
	"$T/stdout" "md: region, period, delivery and progress under the title"

# --- JSON, parsed back ----------------------------------------------------
report --format json
assert_status 0 "report --format json exits 0"
if jq -e . "$T/stdout" >/dev/null 2>&1; then ok "json: parses"; else not_ok "json: does not parse"; fi
j() { jq -c "$1" "$T/stdout" 2>&1; }
assert_eq "$(j '[.region, .region_name, .period, .label, .delivery, .provisional]')" \
	'["GM0361","Proefstad","2023Q4","2023 Q4",4,true]' "json: region, period, delivery"
assert_eq "$(j '[.chapters[].id]')" '["cijfers","wachttijden","klachten_bezwaar"]' \
	"json: the chapters in configuration order"
assert_eq "$(j '[.chapters[].indicators[] | [.id, .status]]')" \
	'[["maatwerk","amber"],["hulpvragen","green"],["instroom","red"],["aandeel","red"],["verwijzingen","grey"],["tevredenheid","green"],["ggz_aanmeld","amber"],["rvdk_start","red"],["crisis","grey"],["klachten","amber"],["bezwaren","grey"]]' \
	"json: the same statuses as the CSV"
assert_eq "$(j '.chapters[0].indicators[0] | [.value, .flag, .change, .unit, .norm]')" \
	'[2660,"provisional",60,"aantal",null]' "json: numbers as numbers, a missing norm as null"
assert_eq "$(j '.chapters[0].indicators[4] | [.value, .flag, (.categories | map([.id, .value, .flag]))]')" \
	'[null,"suppressed",[["huisarts",120,""],["jeugdarts",null,"suppressed"],["gemeente",45,""]]]' \
	"json: withheld values are null with flag suppressed"
assert_eq "$(j '.chapters[0].indicators[5] | [.overridden, .reviewed, .status, .norm]')" \
	'[true,true,"green",{"value":4,"label":"Streefwaarde"}]' "json: override, review mark, norm"
assert_eq "$(j '.chapters[2].indicators[0].annotation')" \
	'"Elf klachten, vooral over bejegening.\nMet twee teams zijn afspraken gemaakt | zie bijlage."' \
	"json: the explanation with its newline escaped"
assert_eq "$(j '.chapters[1].indicators[0].categories[1] | [.label, .value, .status, .annotation]')" \
	'["Aanbieder B",6.5,"red","Aanbieder B had een personeelstekort."]' "json: a category's figures"
assert_eq "$(j '[.status_count.green, .status_count.amber, .status_count.red, .status_count.grey, .indicator_count, .reviewed_count]')" \
	'[2,3,3,3,11,2]' "json: the counts of the header"
assert_eq "$(j '.chapters[0].indicators[3].value')" '11.6' "json: a decimal value in machine form"

# --- errors ------------------------------------------------------------------
report --format xml
assert_status 64 "a bad --format exits 64"
assert_grep "jmon: report: unknown --format 'xml' (expected text, csv, json, md or xlsx)" "$T/stderr" \
	"a bad --format names the choices"
report --chapter wachttijd
assert_status 64 "an unknown --chapter exits 64"
assert_grep "jmon: report: unknown chapter 'wachttijd'; did you mean 'wachttijden'? (chapters: cijfers, wachttijden, klachten_bezwaar)" \
	"$T/stderr" "an unknown --chapter names the chapters"
report --period 2023Q5
assert_status 64 "a period that does not parse exits 64"
report extra
assert_status 64 "an operand exits 64"
run "$JMON" report --config "$CFG" --db "$T/nothing.db"
assert_status 66 "a missing database exits 66"
assert_stderr "a missing database says how to make one" <<OUT
jmon: $T/nothing.db: no database here; make one with: jmon import --config $CFG --db $T/nothing.db FILE...
OUT
if [ -e "$T/nothing.db" ]; then not_ok "report creates no database"; else ok "report creates no database"; fi
report --region GM0363
assert_status 65 "an unknown region exits 65"
assert_stderr "an unknown region names the nearest known codes" <<OUT
jmon: report: unknown region 'GM0363'; nearest known: GM0361 (Proefstad), GM0392 (Vergelijkstad), GM0546 (Spiegelstad)
OUT
report --region gm0392
assert_status 65 "a code in lower case is unknown too"
assert_grep "unknown region 'gm0392'; nearest known: GM0392 (Vergelijkstad)," "$T/stderr" \
	"a code in lower case is nearest to its upper case"
printf 'monitor: {title: Elders, region: GM0999}\nchapters: []\n' >"$T/elders.yaml"
run "$JMON" report --config "$T/elders.yaml" --db "$DB"
assert_status 65 "an unknown monitor.region exits 65"
assert_grep "unknown region 'GM0999' in monitor.region of $T/elders.yaml; nearest known: " \
	"$T/stderr" "an unknown monitor.region says where it came from"
mkdir -p "$T/map"
run "$JMON" report --config "$CFG" --db "$T/map"
assert_status 66 "a folder as --db exits 66"
assert_stderr "a folder as --db is called one" <<OUT
jmon: $T/map is a folder, not a database: name the database file in it (--db $T/map/jmon.db)
OUT
: >"$T/leeg.db"
run "$JMON" report --config "$CFG" --db "$T/leeg.db"
assert_status 66 "an empty file as --db exits 66"
assert_stderr "an empty file as --db is called one, with the line that fills it" <<OUT
jmon: $T/leeg.db is an empty file (0 bytes), not a jmon database yet; fill it with: jmon import --config $CFG --db $T/leeg.db FILE...
OUT
run "$JMON" import --config "$CFG" --db "$T/leeg.db" "$FIX/report/00-regions.csv"
assert_status 0 "jmon import fills an empty file"
run "$JMON" report --config "$CFG" --db "$T/leeg.db" --region GM0392
assert_status 65 "a known region without data exits 65"
assert_stderr "a known region without data says so" <<OUT
jmon: report: $T/leeg.db holds no data for region GM0392 (load data with: jmon import FILE)
OUT
report --period "2023 Q4" --format csv
assert_status 0 "--period as the screen writes it"
assert_grep "GM0361,2023Q4,cijfers," "$T/stdout" "--period 2023 Q4 is the report of 2023Q4"
report --period "KW04-2023" --format csv
assert_grep "GM0361,2023Q4,cijfers," "$T/stdout" "--period KW04-2023 is the report of 2023Q4"
report --period "2023 Q5"
assert_status 64 "--period 2023 Q5 exits 64"
assert_grep "jmon: report: '2023 Q5' is not a period (write it as 2023 Q3, Q3 2023, 2023KW03, 2023 H1, 2023, maart 2023, 1-1-2023 or 2023-01-01)" \
	"$T/stderr" "--period 2023 Q5 says which forms are periods"
# fuzzing found it: a number of ten digits overflowed while it was read
report --period "1-1z9999999023"
assert_status 64 "--period with a number of ten digits exits 64"
assert_grep "jmon: report: '1-1z9999999023' is not a period" "$T/stderr" \
	"--period with a number of ten digits is not a period"
report --period 2024Q1
assert_status 65 "a period without data exits 65"
assert_stderr "a period without data names the newest one" <<'OUT'
jmon: report: no data for Proefstad (GM0361) in 2024 Q1; the newest period with data is 2023Q4
OUT

# --- the columns added after the first ten ---------------------------------
# field INDICATOR CATEGORY COLUMN: one field of the CSV report, by name
field() {
	python3 -B -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="")):
    if r["indicator"] == sys.argv[2] and r["category"] == sys.argv[3]:
        print(r[sys.argv[4]])' "$T/full.csv" "$1" "$2" "$3"
}
report --format csv
cp "$T/stdout" "$T/full.csv"
assert_eq "$(head -1 "$T/full.csv")" \
	"region,period,chapter,indicator,category,value,flag,status,reason,reviewed,label,unit,change,norm,value_period,source_status,reviewed_by,reviewed_at,explanation,formula,baseline_period,baseline_change" \
	"csv: the header has the added columns after the first ten"
assert_eq "$(field maatwerk '' label)|$(field maatwerk '' unit)|$(field maatwerk '' change)" \
	"Jeugdigen met een maatwerkvoorziening|aantal|60" "csv: label, unit and the change (2660 - 2600)"
assert_eq "$(field tevredenheid '' norm)|$(field maatwerk '' norm)" "4|" "csv: the norm where there is one"
assert_eq "$(field verwijzingen huisarts label)|$(field verwijzingen '' change)" "Huisarts|" \
	"csv: a category's own label; no change of a withheld total"
assert_eq "$(field maatwerk '' value_period)" "2023Q4" "csv: value_period is the period itself"
assert_eq "$(field tevredenheid '' reviewed_by)|$(field tevredenheid '' reviewed_at)" \
	"test|2024-01-15T10:00:00Z" "csv: who reviewed, and when (UTC)"
assert_eq "$(field maatwerk '' reviewed_by)" "" "csv: no reviewer where nothing is reviewed"
assert_eq "$(field ggz_aanmeld aanbieder_b explanation)" "Aanbieder B had een personeelstekort." \
	"csv: the explanation of the cell"
assert_grep "Met twee teams zijn afspraken gemaakt" "$T/full.csv" "csv: an explanation of two lines stays one field"
