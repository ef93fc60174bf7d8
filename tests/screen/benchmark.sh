# SPDX-License-Identifier: EUPL-1.2
# The benchmark view (b) on tests/fixtures/benchmark: a region beside four
# peers and their mean, its jeugdzorgregio and NL; the region's column
# stays while the others scroll sideways; a peer's count below the
# privacy minimum is "<10" in its column, has no difference and is not in
# the mean ("3 van 4"); differences in pp, %, weeks; two years side by
# side; the bar chart with the reference line; 80×24 and 160×40.
. "$TOP/tests/lib.sh"
cfg="$FIX/benchmark/monitor.yaml"
db="$T/monitor.db"
import_each "$cfg" "$db" "$FIX"/benchmark/*.csv
args="--db $db --config $cfg"

keys <<'EOF'
b
:dump start.txt
j
>
>
>
>
:dump scrolled.txt
EOF
expect start.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 2    ■1 ▲1 ●0 ○3 0/2 beoordeeld
 [1 Gebruik]  2 Kosten
 Gebruik · 2016 · waarden t.o.v. Nederland                      kolom 2–4 van 8
 Indicator             Alphen aan d… Amersfoort    Dordrecht     Ede
                             GM0484        GM0307        GM0505        GM0228
  Jeugdhulp                13,9 % ▲      10,8 % ●      12,9 % ●       9,9 % ●
  Jeugdhulp, aantal         2.780         3.300           <10         2.100
▸ Verwijzingen                220           230           155           130
  Wachttijd                6,5 wk ■      4,5 wk ▲      3,0 wk ●      7,0 wk ■












 < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen
 Gebruik › Benchmark
 Alphen aan den Rijn (GM0484) 2016: 13,9 %, +2,8 pp t.o.v. Nederland · ▲ oranje…
EOF
expect scrolled.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 2    ■1 ▲1 ●0 ○3 0/2 beoordeeld
 [1 Gebruik]  2 Kosten
 Gebruik · 2016 · waarden t.o.v. Nederland                      kolom 3–5 van 8
 Indicator             Alphen aan d… Dordrecht     Ede           Leiden
                             GM0484        GM0505        GM0228        GM0546
  Jeugdhulp                13,9 % ▲      12,9 % ●       9,9 % ●      14,9 % ■
  Jeugdhulp, aantal         2.780           <10         2.100         3.050
▸ Verwijzingen                220           155           130           225
  Wachttijd                6,5 wk ■      3,0 wk ●      7,0 wk ■      5,5 wk ▲












 < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen
 Gebruik › Benchmark
 Leiden (GM0546) 2016: 3.050, -99,3 % t.o.v. Nederland
EOF
screen "the benchmark at 80x24, scrolled sideways" $args

keys <<'EOF'
b
>
>
>
>
>
=
d
<
<
<
:dump differences.txt
j
j
<Enter>
:dump categories.txt
EOF
expect differences.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 2    ■1 ▲1 ●0 ○3 0/2 beoordeeld
 [1 Gebruik]  2 Kosten
 Gebruik · 2016 · verschil t.o.v. gem. Vergelijkbare gemeenten  kolom 3–5 van 8
 Indicator             Alphen aan d… Dordrecht     Ede           Leiden
                             GM0484        GM0505        GM0228        GM0546
  Jeugdhulp               +1,8 pp ▲     +0,8 pp ●     -2,2 pp ●     +2,8 pp ■
  Jeugdhulp, aantal        -1,3 %                     -25,4 %        +8,3 %
▸ Verwijzingen            +18,9 %       -16,2 %       -29,7 %       +21,6 %
  Wachttijd               +1,5 wk ■     -2,0 wk ●     +2,0 wk ■     +0,5 wk ▲












 < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen
 Gebruik › Benchmark
 Dordrecht (GM0505) 2016: 12,9 %, +0,8 pp t.o.v. gem. Vergelijkbare gemeenten ·…
EOF
expect categories.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 2    ■1 ▲1 ●0 ○3 0/2 beoordeeld
 [1 Gebruik]  2 Kosten
 Gebruik · 2016 · verschil t.o.v. gem. Vergelijkbare gemeenten  kolom 3–5 van 8
 Indicator             Alphen aan d… Dordrecht     Ede           Leiden
                             GM0484        GM0505        GM0228        GM0546
  Jeugdhulp               +1,8 pp ▲     +0,8 pp ●     -2,2 pp ●     +2,8 pp ■
  Jeugdhulp, aantal        -1,3 %                     -25,4 %        +8,3 %
▾ Verwijzingen            +18,9 %       -16,2 %       -29,7 %       +21,6 %
    Huisarts               +1,0 %       -14,6 %       -26,2 %       +16,5 %
    Gemeente              +60,0 %       -20,0 %       -37,8 %       +33,3 %
  Wachttijd               +1,5 wk ■     -2,0 wk ●     +2,0 wk ■     +0,5 wk ▲










 < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen
 Gebruik › Benchmark
 Dordrecht (GM0505) 2016: 155, -16,2 % t.o.v. gem. Vergelijkbare gemeenten
EOF
screen "differences against a reference the analyst picks, categories on Enter" $args

keys <<'EOF'
b
t
:dump years.txt
s
:dump chart.txt
<Escape>
:resize 40x160
:dump wide.txt
EOF
expect years.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 2    ■1 ▲1 ●0 ○3 0/2 beoordeeld
 [1 Gebruik]  2 Kosten
 Gebruik · 2015–2016 · waarden t.o.v. Nederland                 kolom 2–2 van 8
 Indicator             Alphen aan den Rijn         Amersfoort
 (perioden)                    2015          2016          2015          2016
  Jeugdhulp                13,0 % ▲      13,9 % ▲      10,1 % ●      10,8 % ●
  Jeugdhulp, aantal         2.600         2.780         3.100         3.300
▸ Verwijzingen                200           220           210           230
  Wachttijd                5,0 wk ▲      6,5 wk ■      4,0 wk ●      4,5 wk ▲












 < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen
 Gebruik › Benchmark
2 perioden naast elkaar
EOF
expect chart.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 2    ■1 ▲1 ●0 ○3 0/2 beoordeeld
 [1 Gebruik]  2 Kosten
 Jeugdhulp · 2015–2016
 Alphen aan den Rijn 2015     █████████████████████▌         13,0 % ▲    +2,7 pp
                     2016     ███████████████████████        13,9 % ▲    +2,8 pp
 Amersfoort          2015     ████████████████▊│             10,1 % ●    -0,2 pp
                     2016     █████████████████▉│            10,8 % ●    -0,3 pp
 Dordrecht           2015     ████████████████████▎          12,2 % ●    +1,9 pp
                     2016     █████████████████████▍         12,9 % ●    +1,8 pp
 Ede                 2015     ███████████████▌ │              9,4 % ●    -0,9 pp
                     2016     ████████████████▍ │             9,9 % ●    -1,2 pp
 Leiden              2015     ██████████████████████▍        13,5 % ▲    +3,2 pp
                     2016     ████████████████████████▊      14,9 % ■    +3,8 pp
 gem. Vergelijkbare… 2015     ██████████████████▊            11,3 %      +1,0 pp
                     2016     ████████████████████▏          12,1 %      +1,0 pp
 Holland Rijnland    2015     ███████████████████▌           11,8 % ●    +1,5 pp
                     2016     ████████████████████▌          12,4 % ●    +1,3 pp
 =Nederland          2015     █████████████████│             10,3 % ●
                     2016     ██████████████████│            11,1 % ●

 │ = Nederland: 2015 10,3 %, 2016 11,1 %

 Gebruik › Benchmark › Grafiek                     r: signaal  q: terug  ?: help

EOF
expect wide.txt <<'EOF'
 Benchmarktest · Alphen aan den Rijn (GM0484) · 2016 · levering 2                                                   ■ 1  ▲ 1  ● 0  ○ 3  beoordeeld 0/2 signalen
 [1 Gebruik]  2 Kosten
 Gebruik · 2015–2016 · waarden t.o.v. Nederland                                                                                                 kolom 2–4 van 8
 Indicator                       Alphen aan den Rijn         Amersfoort                  Dordrecht                   Ede
 (perioden)                              2015          2016          2015          2016          2015          2016          2015          2016
  Jeugdhulp                          13,0 % ▲      13,9 % ▲      10,1 % ●      10,8 % ●      12,2 % ●      12,9 % ●       9,4 % ●       9,9 % ●
  Jeugdhulp, aantal                   2.600         2.780         3.100         3.300         2.400           <10         2.000         2.100
▸ Verwijzingen                          200           220           210           230           140           155           120           130
  Wachttijd                          5,0 wk ▲      6,5 wk ■      4,0 wk ●      4,5 wk ▲      3,5 wk ●      3,0 wk ●      6,0 wk ▲      7,0 wk ■




























 < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen
 Gebruik › Benchmark
 Alphen aan den Rijn (GM0484) 2016: 13,9 %, +2,8 pp t.o.v. Nederland · ▲ oranje: +14,6 % <= 25 t.o.v. Vergelijkbare gemeenten (gemiddeld 12,1 %), +1,8 pp
EOF
screen "two years side by side, the bar chart, a wide terminal" $args

keys <<'EOF'
b
:peers landelijk
:reference GM9999
:dump unknown.txt
<Tab>
:dump kosten.txt
EOF
expect unknown.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 2    ■1 ▲1 ●0 ○3 0/2 beoordeeld
 [1 Gebruik]  2 Kosten
 Gebruik · 2016 · waarden t.o.v. Nederland
 Indicator             Alphen aan d… =Nederland
                             GM0484          NL01
  Jeugdhulp                13,9 % ▲      11,1 % ●
  Jeugdhulp, aantal         2.780       410.000
▸ Verwijzingen                220
  Wachttijd                6,5 wk ■      5,1 wk ▲












 < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen
 Gebruik › Benchmark
geen kolom 'GM9999' (een regiocode of mean:GROEP)
EOF
expect kosten.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 2    ■1 ▲1 ●0 ○3 0/2 beoordeeld
  1 Gebruik  [2 Kosten]
 Kosten · 2016 · waarden t.o.v. Nederland
 Indicator             Alphen aan d… =Nederland
                             GM0484          NL01
  Kosten jeugdhulp     € 32,6 mln















 < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen
 Kosten › Benchmark
 Alphen aan den Rijn (GM0484) 2016: € 32.600.000
EOF
screen "a peer group by :peers, an unknown reference, another chapter" $args

# Without UTF-8: "#" bars, "|" for the reference, the ASCII glyphs.
keys <<'EOF'
b
s
:dump ascii.txt
EOF
expect ascii.txt <<'EOF'
 Alphen aan den Rijn (GM0484) | 2016 | levering 2    #1 ^1 o0 -3 0/2 beoordeeld
 [1 Gebruik]  2 Kosten
 Jeugdhulp - 2016
 Alphen aan den Rijn ###############################         13,9 % ^    +2,8 pp
 Amersfoort          ########################|               10,8 % o    -0,3 pp
 Dordrecht           ############################            12,9 % o    +1,8 pp
 Ede                 ######################  |                9,9 % o    -1,2 pp
 Leiden              #################################       14,9 % #    +3,8 pp
 gem. Vergelijkbare~ ###########################             12,1 %      +1,0 pp
 Holland Rijnland    ###########################             12,4 % o    +1,3 pp
 =Nederland          ########################|               11,1 % o









 | = Nederland: 11,1 %

 Gebruik > Benchmark > Grafiek                     r: signaal  q: terug  ?: help

EOF
(export LC_ALL=C; screen "the chart without UTF-8" $args)

# Seed 002, figure 4.1 ("Aandeel jeugdigen in totaal jeugdzorg"), as the
# alphen-nulmeting sample has it: Alphen against the five benchmark
# municipalities and NL, 2015 and 2016, differences against Alphen.  The
# seed prints Alphen +2,6 pp above NL in both years and Zaanstad 4,9 pp
# below Alphen in 2016; the other benchmark values are only in the chart.
db="$T/alphen.db"
(cd "$TOP" && tools/build-sample.sh "$JMON" alphen-nulmeting "$db") >/dev/null 2>"$T/import.err" ||
	not_ok "build the alphen-nulmeting sample"
keys <<'EOF'
b
t
=
s
:dump figure41.txt
EOF
expect figure41.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 5  ■1 ▲2 ●1 ○216 0/3 beoordeeld
 [1 Gebruik jeugdzorg (CBS)]  2 Kwartaalcijfers regio   3 Rapportages gemeente
 Jeugdzorg totaal · 2015–2016
 =Alphen aan den Ri… 2015     ███████████████████████│       13,3 % ▲
                     2016     ████████████████████████│      14,1 % ▲
 Amersfoort          2015                            │     onbekend ○
                     2016                             │    onbekend ○
 Dordrecht           2015                            │     onbekend ○
                     2016                             │    onbekend ○
 Ede                 2015                            │     onbekend ○
                     2016                             │    onbekend ○
 Leiden              2015                            │     onbekend ○
                     2016                             │    onbekend ○
 Zaanstad            2015                            │     onbekend ○
                     2016     ████████████████▏       │       9,2 % ●    -4,9 pp
 gem. Benchmarkgeme… 2015                            │         geen
                     2016     ████████████████▏       │       9,2 %      -4,9 pp
 Nederland           2015     ██████████████████▊    │       10,7 % ○    -2,6 pp
                     2016     ████████████████████▏   │      11,5 % ○    -2,6 pp

 │ = Alphen aan den Rijn: 2015 13,3 %, 2016 14,1 %

 Gebruik jeugdzorg (CBS) › Benchmark › Grafiek     r: signaal  q: terug  ?: help

EOF
screen "seed 002, figure 4.1: Alphen, its benchmark and NL in 2015 and 2016" \
	--db "$db" --config "$TOP/sample-data/alphen-nulmeting/monitor.yaml"

# B in the benchmark view: every cell since its own nulmeting
keys <<'EOF'
b
B
:dump bench-base.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" --db "$db" \
	--config "$TOP/sample-data/alphen-nulmeting/monitor.yaml") >/dev/null 2>&1
assert_grep " Gebruik jeugdzorg (CBS) · 2016 · verschil t.o.v. de nulmeting  kolom 2–4 van 8" \
	"$T/bench-base.txt" "B in the benchmark view: the heading says since the nulmeting"
assert_grep "  Jeugdhulp via wijkt…    +1,5 pp" "$T/bench-base.txt" \
	"B in the benchmark view: Alphen +1,5 pp since 2015, other regions without a nulmeting empty"
# jmon report --regions with a nulmeting (monitor.baseline 2015): a table
# of each region's change since it, in text and Markdown, and the
# contract's baseline columns for every region in CSV and JSON.
alphen="--db $db --config $TOP/sample-data/alphen-nulmeting/monitor.yaml --chapter gebruik_cbs"
run "$JMON" report $alphen --regions GM0484,NL01
assert_grep "Gebruik jeugdzorg (CBS): t.o.v. nulmeting 2015 (pp bij percentages, anders in de eenheid)" \
	"$T/stdout" "report --regions: a table t.o.v. nulmeting per chapter"
assert_grep "Jeugdhulp via wijkteams              +1,5 pp    +0,6 pp" "$T/stdout" \
	"report --regions: Alphen +1,5 pp and NL +0,6 pp since 2015"
run "$JMON" report $alphen --regions GM0484,NL01 --format md
assert_grep "| Jeugdhulp via wijkteams | +1,5 pp | +0,6 pp |" "$T/stdout" \
	"report --regions --format md: the same table"
run "$JMON" report $alphen --regions GM0484,NL01 --format csv
assert_grep ",2015,0.6,Nederland,NL01,,,," "$T/stdout" \
	"report --regions --format csv: NL's baseline_period and baseline_change"
run "$JMON" report $alphen --regions GM0484,NL01 --format json
assert_grep '"baseline_change": 0.6,' "$T/stdout" "report --regions --format json: baseline_change"
