# SPDX-License-Identifier: EUPL-1.2
# Regression checks of the robustness pass (tests/screen/monkey.sh found
# most of these): each screen here came out wrong, or jmon crashed, before
# the fix it guards.  Headless at 80x24 unless said otherwise.
. "$TOP/tests/lib.sh"
empty_db "$T/leeg.db" "$FIX/screen.yaml"

# Control characters in labels and data (YAML "\t", "\n", "\x01" and a
# region name imported with a tab): curses would expand the tab, end the
# row at the line break and draw "^A" in two columns, so everything after
# them shifted.  They show as a space or '?', one column each.
cat >"$T/control.yaml" <<'YAML'
monitor:
  title: "Titel\tmet tab"
  region: GM0361
chapters:
  - id: a
    label: "Hoofd\nstuk"
    indicators:
      - id: x
        label: "Met\ttab,\nregel, \x01 bel, \x7f del, \u0085 nel"
        unit: aantal
      - id: y
        label: "Tweede"
        unit: aantal
YAML
printf 'region,name,kind,parent\nGM0361,"Alk\001maar\tX",gemeente,\n' >"$T/control.csv"
"$JMON" import --db "$T/control.db" --config "$T/control.yaml" "$T/control.csv" >/dev/null ||
	not_ok "import control.csv"
keys <<'KEYS'
:dump control.txt
KEYS
expect control.txt <<'SCREEN'
 Titel met tab · Alk?maar X (GM0361) · geen gegevens
 [1 Hoofd stuk]
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Met tab, regel, ? bel, ?…
 Tweede

















 Hoofd stuk      Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
geen gegevens voor Alk?maar X: laad gegevens met 'jmon import'
SCREEN
screen "control characters in labels keep their columns" --db "$T/control.db" \
	--config "$T/control.yaml"

# The monitor of very long labels (tests/fixtures/long).
long="$FIX/long/monitor.yaml"
import_each "$long" "$T/long.db" "$FIX"/long/*.csv
args="--db $T/long.db --config $long"

# Tabs: one long chapter label took the whole row (and its "]"), and the
# twelfth chapter was off screen while active.  A label is cut to a third
# of the row and the tabs scroll to the active one ("‹").  Numbers that do
# not fit their column show as "…": "€ 1.000.…" read as another number.
# The breadcrumb cuts its longest parts, so the deepest level still shows.
# Enter on a series said nothing and stacked its breakdown on top again.
keys <<'KEYS'
:dump first.txt
<BackTab>
:dump last.txt
1
<Enter>
j
j
<Enter>
<Enter>
:dump series.txt
KEYS
expect first.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënt…
 [1 é́́ 𝐀𝐁 cliënttevredenheid …]  2 Hoofdstuk 2    3 Hoofdstuk 3 漢字テスト ​ n…  …
 Indicator                     2019 Q4  Δ vorig  trend 8      norm  status
▸Jeugdigen met een maatwe…         960      -20  ▁█▂▅▃▁▄▂          ● groen
 Kosten 漢字テスト ​ naïef…  € 12,3 mld        …  ▅▅▅█▁▅▅▅        … ▲ oranje
 Alles negatief ​ naïef ë …     -23,5 %  -7,5 pp  ▄▃▂▁█▇▆▅          ▲ oranje
 Alles gelijk                    3,000    0,000  ▄▄▄▄▄▄▄▄        0 ● groen
 Kleine aantallen                  <10           ▄   ▄             ○ grijs
 ── Jeugdigen met een maa…                       1-1-2019          ○ grijs
 Per maand 𝐀𝐁 cliënttevre…      13 dgn   -4 dgn  dec 2019          ■ rood
 Tegen peers naïef ë é́́ 𝐀𝐁…         139       +1  ▁▂▃▄▅▆▇█          ● groen
 Per jaar cliënttevredenh…      5,1 wk  +0,7 wk  2019         4 wk ▲ oranje










 é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een maatwerkvoorziening …
 ● Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënttevrede…
SCREEN
expect last.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënt…
‹ 10 Hoofdstuk 10    11 Hoofdstuk 11   [12 Hoofdstuk 12 ë é́́ 𝐀𝐁 cliën…]
 Indicator                     2019 Q4  Δ vorig  trend 8      norm  status
▸ë é́́ 𝐀𝐁 cliënttevredenhei…                                         ○ grijs


















 Hoofdstuk 12 ë é́́ 𝐀𝐁 cliënttevredenheid              Enter: uitsplitsen  ?: help
 ○ ë é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een maatwerkvoorziening 漢字テ…
SCREEN
expect series.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënt…
 [1 é́́ 𝐀𝐁 cliënttevredenheid …]  2 Hoofdstuk 2    3 Hoofdstuk 3 漢字テスト ​ n…  …
 Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënttevredenh…
 2015 Q4   ██████████████████████▊                                24 ● groen
 2016 Q1   █████████████████████████████▌                         31 ● groen
 2016 Q2   ████████████████████████████████████▏                  38 ● groen
 2016 Q3   ██████████████████████████████████████████▊            45 ● groen
 2016 Q4                                                         <10 ○ grijs
 2017 Q1                                                         <10 ○ grijs
 2017 Q2   ███████████████▏                                       16 ○ grijs
 2017 Q3   █████████████████████▉                                 23 ● groen
 2017 Q4   ████████████████████████████▌                          30 ● groen
 2018 Q1   ███████████████████████████████████▏                   37 ● groen
 2018 Q2   █████████████████████████████████████████▉             44 ● groen
 2018 Q3                                                         <10 ○ grijs
 2018 Q4                                                         <10 ○ grijs
 2019 Q1   ██████████████▎                                        15 ○ grijs
 2019 Q2   ████████████████████▉                                  22 ● groen
 2019 Q3   ███████████████████████████▌                           29 ● groen
 2019 Q4   ██████████████████████████████████▎                    36 ● groen


 é́́ 𝐀𝐁 cliënttevredenh… › Jeugdigen met een ma… › cliënttevredenheid …    ?: help
dieper gaat niet: dit is de reeks van één cijfer (Esc: terug)
SCREEN
screen "long labels: tabs, number columns, breadcrumb" $args

# Compare with 79 peer regions: the view held 64 rows and could not
# scroll, so the mean and the Netherlands were never seen.
keys <<'KEYS'
j
j
j
j
j
j
j
c
G
:dump peers.txt
KEYS
expect peers.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënt…
 [1 é́́ 𝐀𝐁 cliënttevredenheid …]  2 Hoofdstuk 2    3 Hoofdstuk 3 漢字テスト ​ n…  …
 Tegen peers naïef ë é́́ 𝐀𝐁 cliënttevred…          waarde  status         verschil
  Peer 65 é́́ 𝐀𝐁 cliënttevredenheid 😀 ─…             155  ▲ oranje        -10,3 %
  Peer 66 ​ naïef ë é́́ 𝐀𝐁 cliënttevreden…   geen gegevens
  Peer 67 ── Jeugdigen met een maatwer…             157  ■ rood          -11,5 %
  Peer 68 𝐀𝐁 cliënttevredenheid 😀 ── …             158  ■ rood          -12,0 %
  Peer 69 naïef ë é́́ 𝐀𝐁 cliënttevredenh…   geen gegevens
  Peer 70 Jeugdigen met een maatwerkvo…             160  ■ rood          -13,1 %
  Peer 71 cliënttevredenheid 😀 ── Jeu…             161  ■ rood          -13,7 %
  Peer 72 ë é́́ 𝐀𝐁 cliënttevredenheid 😀…   geen gegevens
  Peer 73 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cli…             163  ■ rood          -14,7 %
  Peer 74 😀 ── Jeugdigen met een maat…             164  ■ rood          -15,2 %
  Peer 75 é́́ 𝐀𝐁 cliënttevredenheid 😀 ─…   geen gegevens
  Peer 76 ​ naïef ë é́́ 𝐀𝐁 cliënttevreden…             166  ■ rood          -16,3 %
  Peer 77 ── Jeugdigen met een maatwer…             167  ■ rood          -16,8 %
  Peer 78 𝐀𝐁 cliënttevredenheid 😀 ── …   geen gegevens
  Peer 79 naïef ë é́́ 𝐀𝐁 cliënttevredenh…             169  ■ rood          -17,8 %
  Peer 80 Jeugdigen met een maatwerkvo…             170  ■ rood          -18,2 %
  gemiddelde (53 van 79)                            131                   +5,9 %
Nederland
  Nederland (NL01)                        geen gegevens
 é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een maatwe… › Vergelijken

SCREEN
screen "compare scrolls through a large peer group" $args

# Help and the region picker are raised, not stacked once per key press:
# one Esc goes back.
keys <<'KEYS'
?
w
?
w
?
:dump help.txt
<Escape>
:dump back.txt
KEYS
expect help.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënt…
 [1 é́́ 𝐀𝐁 cliënttevredenheid …]  2 Hoofdstuk 2    3 Hoofdstuk 3 漢字テスト ​ n…  …
Bewegen
  j ↓              :down            volgende regel
  k ↑              :up              vorige regel
  PgDn Ctrl-F      :page-down       pagina omlaag
  PgUp Ctrl-B      :page-up         pagina omhoog
  g Home           :first           eerste regel
  G End            :last            laatste regel
  Tab              :next-chapter    volgend hoofdstuk
  S-Tab            :prev-chapter    vorig hoofdstuk
  1-9              :chapter         hoofdstuk N (of :chapter ID)
  [                :prev-period     vorige periode
  ]                :next-period     volgende periode
  Enter l →        :enter           uitsplitsen (dieper)
  Esc Bksp h ←     :back            terug

Zoeken
  /                :search          zoeken
  n                :search-next     volgende treffer
  N                :search-prev     vorige treffer

 é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een maatwerkvoorz… › Hulp

SCREEN
cp "$T/first.txt" "$T/first.saved"
screen "help and regions open once" $args
assert_file "$T/back.txt" "help and regions open once: one Esc is back at the start" \
	<"$T/first.saved"

# A screen grown taller shows the rows above the cursor again; it kept
# the offset of the small screen, with empty rows below.
keys <<'KEYS'
:resize 12x60
G
:resize 24x80
:dump taller.txt
KEYS
expect taller.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënt…
 [1 é́́ 𝐀𝐁 cliënttevredenheid …]  2 Hoofdstuk 2    3 Hoofdstuk 3 漢字テスト ​ n…  …
 Indicator                     2019 Q4  Δ vorig  trend 8      norm  status
 Jeugdigen met een maatwe…         960      -20  ▁█▂▅▃▁▄▂          ● groen
 Kosten 漢字テスト ​ naïef…  € 12,3 mld        …  ▅▅▅█▁▅▅▅        … ▲ oranje
 Alles negatief ​ naïef ë …     -23,5 %  -7,5 pp  ▄▃▂▁█▇▆▅          ▲ oranje
 Alles gelijk                    3,000    0,000  ▄▄▄▄▄▄▄▄        0 ● groen
 Kleine aantallen                  <10           ▄   ▄             ○ grijs
 ── Jeugdigen met een maa…                       1-1-2019          ○ grijs
 Per maand 𝐀𝐁 cliënttevre…      13 dgn   -4 dgn  dec 2019          ■ rood
 Tegen peers naïef ë é́́ 𝐀𝐁…         139       +1  ▁▂▃▄▅▆▇█          ● groen
▸Per jaar cliënttevredenh…      5,1 wk  +0,7 wk  2019         4 wk ▲ oranje










 é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een maatwerkvoorziening …
 ▲ Per jaar cliënttevredenheid 😀 ── Jeugdigen met een maatwerkvoorziening 漢字…
SCREEN
screen "a taller screen fills with rows" $args

# :resize with odd sizes: 99999x99999 made curses allocate every cell of
# it and crash in the next refresh; "24x80x" was taken as 24x80.
keys <<'KEYS'
:resize 99999x99999
:dump huge.txt
:resize 24x80x
:dump trailing.txt
:resize 12x60
:dump small.txt
KEYS
expect huge.txt <<'SCREEN'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwe…
 Cliënttevredenheid
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
gebruik: :resize RIJENxKOLOMMEN (elk 1 tot 1000)
SCREEN
expect small.txt <<'SCREEN'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klach…
 Indicator                     waarde  Δ vorig  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatw…
 Cliënttevredenheid




 Cijfers     Enter: uitsplitsen  spatie: beoordeeld  ?: help

SCREEN
screen ":resize refuses sizes no terminal has" --config "$FIX/screen.yaml" --db $T/leeg.db
assert_file "$T/trailing.txt" ":resize 24x80x is refused the same way" <"$T/huge.txt"

# The prompt shows the end of a long input, where the cursor is; it showed
# the start and cut the end, so what was typed last was never seen.  A
# control character (the C1 code NEL, U+0085) is not typed in: it drew as
# "~E" and went into the database.
{
	echo /
	for i in 1 2 3 4 5 6 7 8 9; do
		printf '%s\n' a b c d e f g h i j | sed "s/a/$i/"
	done
	printf '\302\205\n'
	echo ë
	echo 漢
	echo ':dump prompt.txt'
	echo '<Escape>'
} >"$T/script"
rm -f "$T/prompt.txt"
screen "the prompt shows what was typed last" --config "$FIX/screen.yaml" --db $T/leeg.db
tail -n 1 "$T/prompt.txt" >"$T/prompt.line"
assert_file "$T/prompt.line" "the prompt shows what was typed last: the status line" <<'SCREEN'
/…ghij3bcdefghij4bcdefghij5bcdefghij6bcdefghij7bcdefghij8bcdefghij9bcdefghijë漢
SCREEN

# Revisions: the source column was cut by printf's bytes ("%-28.28s"),
# inside a character of a UTF-8 file name, and "€" (three bytes, one
# column) pushed the value columns out of line.
cat >"$T/rev.yaml" <<'YAML'
monitor:
  title: "Revisies"
  region: GM0361
chapters:
  - id: kosten
    label: "Kosten"
    indicators:
      - id: kosten
        label: "Kosten jeugdhulp"
        unit: euro
      - id: aantal
        label: "Aantal"
        unit: aantal
YAML
printf 'region,name,kind,parent\nGM0361,Alkmaar,gemeente,\n' >"$T/regio.csv"
printf 'region,period,indicator,category,value,flag\nGM0361,2020Q1,kosten,,1234567,\nGM0361,2020Q1,aantal,,40,\n' \
	>"$T/Levering één — kosten 漢字.csv"
printf 'region,period,indicator,category,value,flag\nGM0361,2020Q1,kosten,,1334567.5,\nGM0361,2020Q1,aantal,,41,\n' \
	>"$T/Levering twee — ééééééééé.csv"
for f in "$T/regio.csv" "$T/Levering één — kosten 漢字.csv" "$T/Levering twee — ééééééééé.csv"; do
	"$JMON" import --db "$T/rev.db" --config "$T/rev.yaml" "$f" >/dev/null || not_ok "import $f"
done
sqlite3 "$T/rev.db" "UPDATE delivery SET imported_at = '2020-04-1' || id || 'T09:00:00Z',
	source = replace(source, '$T/', '')" || not_ok "fix the deliveries"
keys <<'KEYS'
v
:dump revisions.txt
KEYS
expect revisions.txt <<'SCREEN'
 Alkmaar (GM0361) · 2020 Q1 · levering 3     ■ 0  ▲ 0  ● 0  ○ 2  beoordeeld 0/2
 [1 Kosten]
 Kosten jeugdhulp, 2020 Q1: waarde per levering
  levering 3    2020-04-13 Levering twee — ééééééééé.c…  € 1.334.568 € +100.001
  levering 2    2020-04-12 Levering één — kosten 漢字.…  € 1.234.567

 Gewijzigd in levering 3 (t.o.v. eerdere leveringen): 2 (Enter: indicator)
 2020 Q1  Kosten jeugdhulp                € 1,2 mln → € 1,3 mln  € +100.001
 2020 Q1  Aantal                                 40 → 41                 +1













 Kosten › Revisies                         Enter: uitsplitsen  q: terug  ?: help

SCREEN
screen "revisions: columns by display width" --db "$T/rev.db" --config "$T/rev.yaml"

# Values no importer writes, from a database filled by other means: the
# largest doubles of both signs.  The trend's scale overflowed to
# infinity / infinity, and the level of a sparkline came out as
# -2147483648 (UBSan: index out of bounds); the bar chart the same.
cp "$T/long.db" "$T/extreme.db"
sqlite3 "$T/extreme.db" "UPDATE observation SET value = CASE WHEN period LIKE '%Q1' OR period LIKE '%Q3'
	THEN 1e308 ELSE -1e308 END WHERE indicator IN ('euro_groot', 'peer')" || not_ok "extreme values"
keys <<'KEYS'
j
:dump extreme.txt
<Enter>
<Enter>
:dump bars.txt
KEYS
expect extreme.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënt…
 [1 é́́ 𝐀𝐁 cliënttevredenheid …]  2 Hoofdstuk 2    3 Hoofdstuk 3 漢字テスト ​ n…  …
 Indicator                     2019 Q4  Δ vorig  trend 8      norm  status
 Jeugdigen met een maatwe…         960      -20  ▁█▂▅▃▁▄▂          ● groen
▸Kosten 漢字テスト ​ naïef…           …      € ?  █▁█▁█▁█▁        … ▲ oranje
 Alles negatief ​ naïef ë …     -23,5 %  -7,5 pp  ▄▃▂▁█▇▆▅          ▲ oranje
 Alles gelijk                    3,000    0,000  ▄▄▄▄▄▄▄▄        0 ● groen
 Kleine aantallen                  <10           ▄   ▄             ○ grijs
 ── Jeugdigen met een maa…                       1-1-2019          ○ grijs
 Per maand 𝐀𝐁 cliënttevre…      13 dgn   -4 dgn  dec 2019          ■ rood
 Tegen peers naïef ë é́́ 𝐀𝐁…           …        ?  █▁█▁█▁█▁          ■ rood
 Per jaar cliënttevredenh…      5,1 wk  +0,7 wk  2019         4 wk ▲ oranje










 é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een maatwerkvoorziening …
 ▲ Kosten 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een m…
SCREEN
expect bars.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënt…
 [1 é́́ 𝐀𝐁 cliënttevredenheid …]  2 Hoofdstuk 2    3 Hoofdstuk 3 漢字テスト ​ n…  …
 Kosten 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een maa…
 2015 Q4   │                                                       … ▲ oranje
 2016 Q1   ██████████████████████████████████████████▊             … ■ rood
 2016 Q2   │                                                       … ▲ oranje
 2016 Q3   ██████████████████████████████████████████▊             … ■ rood
 2016 Q4   │                                                       … ▲ oranje
 2017 Q1   ██████████████████████████████████████████▊             … ■ rood
 2017 Q2   │                                                       … ▲ oranje
 2017 Q3   ██████████████████████████████████████████▊             … ■ rood
 2017 Q4   │                                                       … ▲ oranje
 2018 Q1   ██████████████████████████████████████████▊             … ■ rood
 2018 Q2   │                                                       … ▲ oranje
 2018 Q3   ██████████████████████████████████████████▊             … ■ rood
 2018 Q4   │                                                       … ▲ oranje
 2019 Q1   ██████████████████████████████████████████▊             … ■ rood
 2019 Q2   │                                                       … ▲ oranje
 2019 Q3   ██████████████████████████████████████████▊             … ■ rood
 2019 Q4   │                                                       … ▲ oranje

 │ norm: 😀 ── Jeugdigen met een maatwerkvoorziening 漢字テスト ​ naïef ë é́́ 𝐀𝐁 c…
 é́́ 𝐀𝐁 cliënttevredenheid 😀 … › Kosten 漢字テスト ​ naïef ë … › totaal    ?: help
 ▲ Kosten 漢字テスト ​ naïef ë é́́ 𝐀𝐁 cliënttevredenheid 😀 ── Jeugdigen met een m…
SCREEN
screen "the largest doubles in trends and bars" --db "$T/extreme.db" --config "$long"

# A monitor without chapters (check-config accepts it) over a database
# with data: e exported "chapter 0" past the end of the array.
cat >"$T/empty.yaml" <<'YAML'
monitor:
  title: "Leeg"
chapters: []
YAML
"$JMON" import --db "$T/nochapters.db" --config "$FIX/browse/monitor.yaml" \
	"$FIX"/browse/*.csv >/dev/null 2>&1 || not_ok "import the browse fixture"
keys <<'KEYS'
e
:dump nochapters.txt
KEYS
expect nochapters.txt <<'SCREEN'
 Leeg · Alkmaar (GM0361) · 2020 Q1 · levering 3

 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status

 Dit hoofdstuk heeft geen indicatoren.

















                 Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
geen gegevens om te exporteren
SCREEN
screen "no chapters: nothing to export" --db "$T/nochapters.db" --config "$T/empty.yaml" \
	--region GM0361
if ls "$T"/jmon-*.csv >/dev/null 2>&1; then not_ok "no chapters: no file exported"
else ok "no chapters: no file exported"; fi

# Without a UTF-8 locale the labels are still UTF-8: a character is one
# ASCII column on screen, so it must measure one column, not one per byte
# (the tabs were padded with a space per byte).
keys <<'KEYS'
:dump ascii.txt
KEYS
expect ascii.txt <<'SCREEN'
 Gemeente Jeugdigen met een maatwerkvoorziening ?????  naief e e ?? clienttevre~
 [1 e ?? clienttevredenheid ?~]  2 Hoofdstuk 2    3 Hoofdstuk 3 ?????  naief ~
 Indicator                     2019 Q4    vorig  trend 8      norm  status
>Jeugdigen met een maatwe~         960      -20  _#.=:_-.          o groen
 Kosten ?????  naief e e ~  ? 12,3 mld        ~  ===#_===        ~ ^ oranje
 Alles negatief  naief e ~     -23,5 %  -7,5 pp  -:._#*+=          ^ oranje
 Alles gelijk                    3,000    0,000  --------        0 o groen
 Kleine aantallen                  <10           -   -             - grijs
 ?? Jeugdigen met een maa~                       1-1-2019          - grijs
 Per maand ?? clienttevre~      13 dgn   -4 dgn  dec 2019          # rood
 Tegen peers naief e e ??~         139       +1  _.:-=+*#          o groen
 Per jaar clienttevredenh~      5,1 wk  +0,7 wk  2019         4 wk ^ oranje










 e ?? clienttevredenheid ? ?? Jeugdigen met een maatwerkvoorziening ?~
 o Jeugdigen met een maatwerkvoorziening ?????  naief e e ?? clienttevredenheid~
SCREEN
LC_ALL=C screen "C locale: labels measured in characters" $args

# A wide terminal: a chapter tab was cut at 255 bytes (inside a character,
# and without its "]"); the help's legend at 255 bytes.
keys <<'KEYS'
:dump wide.txt
?
G
:dump widehelp.txt
KEYS
LINES=40 COLUMNS=250 screen "a wide terminal" $args
sed -n 2p "$T/wide.txt" >"$T/tabs"
assert_grep "…]  2 Hoofdstuk 2" "$T/tabs" "250 columns: the long tab is cut by width and closed"
assert_grep "met een maatwerkvoorzienin…" "$T/widehelp.txt" \
	"250 columns: the legend is cut by width, not at 255 bytes"

# A key script line has no length limit: 4 KiB and more of explanation
# was split into a command and a line that is not a key (exit 65).
text=$(awk 'BEGIN { for (i = 0; i < 700; i++) printf "woord%d ", i }')
printf ':annotate %s\n' "$text" >"$T/script"
cp "$T/long.db" "$T/annotate.db"
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" --db "$T/annotate.db" --config "$long") \
	>"$T/stdout" 2>"$T/stderr"
status=$?
assert_status 0 "a 5 KiB script line runs"
sqlite3 "$T/annotate.db" "SELECT length(text) FROM annotation" >"$T/length"
assert_grep "${#text}" "$T/length" "the whole explanation is stored"

# A terminal that goes away (the SSH connection drops) while SIGHUP is
# ignored (nohup, some session managers): every read then fails at once,
# and jmon spun on them at full CPU for ever.  It ends as at a script's end.
if command -v tmux >/dev/null 2>&1; then
	sock="jmon-robust-$$"
	tmux -L "$sock" new-session -d -s t -x 80 -y 24 "sh -c 'trap \"\" HUP; echo \$\$ >$T/pid; \
		env TERM=xterm LC_ALL=C.UTF-8 $JMON --config $FIX/screen.yaml --db $T/leeg.db; \
		echo \$? >$T/exit'"
	i=0
	while [ ! -s "$T/pid" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	sleep 0.5	# jmon draws and waits for a key
	tmux -L "$sock" kill-server
	i=0
	while [ ! -f "$T/exit" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	if [ -f "$T/exit" ]; then
		ok "a lost terminal ends jmon"
	else
		not_ok "a lost terminal ends jmon: still running after 3 s"
		for pid in $(ps -o pid= --ppid "$(cat "$T/pid")"); do kill "$pid"; done
	fi
else
	not_ok "tmux is installed (make check installs it)"
fi
