# The browser on a small monitor with data (tests/fixtures/browse): every
# view, the keys of the key table, the analyst's writes and what the report
# then says, a read-only database, narrow and wide terminals.
. "$TOP/tests/lib.sh"
cfg="$FIX/browse/monitor.yaml"
db="$T/monitor.db"
for f in "$FIX"/browse/*.csv; do
	"$JMON" import --db "$db" --config "$cfg" "$f" >/dev/null 2>&1 || not_ok "import $f"
done
# deliveries show when they arrived: make that a fixed moment
sqlite3 "$db" "UPDATE delivery SET imported_at = '2020-04-1' || id || 'T09:00:00Z'" ||
	not_ok "fix the delivery times"
args="--db $db --config $cfg"

keys <<'EOF'
:dump start.txt
EOF
expect start.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
screen "the chapter view" $args

# Drill down: Enter on a row, Enter on a category, back with Esc, h and Backspace.
keys <<'EOF'
j
j
<Enter>
:dump indicator.txt
j
<Enter>
:dump series.txt
<Escape>
h
:dump back.txt
EOF
expect indicator.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Verwijzingen                     2019 Q2      2019 Q3      2019 Q4      2020 Q1
▸Totaal                               –          380 ○        375 ●        412 ■
   Huisarts                           –          200 ○        210 ●        250 ■
   Gemeente                           –          150 ○        140 ●        140 ●
   Jeugdarts                          –           30 ○         25 ●         22 ●

 Status totaal: ■ rood, +37 > 30 t.o.v. 2019 Q4
 eenheid: aantal
 Regel: change: groen <= 10, oranje <= 30, anders rood
 Geen toelichting (a: schrijven)










 Cijfers › Verwijzingen
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect series.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Verwijzingen › Huisarts
 2019 Q3   ██████████████████████████████████▎                   200 ○ grijs
 2019 Q4   ████████████████████████████████████                  210 ● groen
 2020 Q1   ██████████████████████████████████████████▊           250 ■ rood
















 Cijfers › Verwijzingen › Huisarts
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect back.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
▸Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
screen "drill down and back" $args

# Chapters, periods and the waiting time against its norm.
keys <<'EOF'
2
<Enter>
:dump wachttijd.txt
<Backspace>
[
:dump vorige.txt
]
3
:dump bt.txt
EOF
expect wachttijd.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Aanmeldwachttijd jeugd-ggz       2019 Q2      2019 Q3      2019 Q4      2020 Q1
▸Totaal                               –       5,0 wk ▲     5,5 wk ▲     6,5 wk ■

 Status totaal: ■ rood, 6,5 wk > 6 (Treeknorm 4 wk)
 Weken tussen aanmelding en intake.
 eenheid: weken
 Norm: Treeknorm 4 wk (Treeknorm GGZ)
 Regel: value: groen <= 4, oranje <= 6, rood > 6
 Geen toelichting (a: schrijven)











 Wachttijden › Aanmeldwachttijd jeugd-ggz
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect vorige.txt <<'EOF'
 Alkmaar (GM0361) · 2019 Q4 · levering 3    ■ 0  ▲ 1  ● 3  ○ 3   beoordeeld 0/7
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2019 Q4  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      5,5 wk  +0,5 wk        ▁█     4 wk ▲ oranje


















 Wachttijden
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect bt.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
  1 Cijfers   2 Wachttijden  [3 Beschermingstafel]  4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldingen bescherming…      geheim                 ▄           ○ grijs


















 Beschermingstafel
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
screen "chapters, periods, small counts" $args

# r / R walk the red and amber indicators across chapters.
keys <<'EOF'
r
:dump r1.txt
r
:dump r2.txt
r
R
:dump r3.txt
EOF
expect r1.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
▸Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers
■ Verwijzingen: +37 > 30 t.o.v. 2019 Q4
EOF
expect r2.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      6,5 wk  +1,0 wk       ▁▃█     4 wk ■ rood


















 Wachttijden
■ Aanmeldwachttijd jeugd-ggz: 6,5 wk > 6 (Treeknorm 4 wk)
EOF
expect r3.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      6,5 wk  +1,0 wk       ▁▃█     4 wk ■ rood


















 Wachttijden
■ Aanmeldwachttijd jeugd-ggz: 6,5 wk > 6 (Treeknorm 4 wk)
EOF
screen "r and R jump to the next and previous red or amber" $args

# Compare with the peer group and NL; revisions of the revised quarter.
keys <<'EOF'
j
c
:dump compare.txt
<Escape>
k
[
v
:dump revisions.txt
EOF
expect compare.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Jeugdigen met maatwerk, 2020 Q1                            waarde      verschil
Deze regio
  Alkmaar (GM0361)                                           2.660
Vergelijkbare gemeenten
  Haarlem (GM0392)                                           3.150       -15,6 %
  Leiden (GM0546)                                            2.800        -5,0 %
  gemiddelde (2 van 2)                                     2.975,0       -10,6 %
Nederland
  Nederland (NL01)                                   geen gegevens











 Cijfers › Vergelijken
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect revisions.txt <<'EOF'
 Alkmaar (GM0361) · 2019 Q4 · levering 3    ■ 0  ▲ 1  ● 3  ○ 3   beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Inwoners 0-17 jaar, 2019 Q4: waarde per levering
  levering 3    2020-04-13 20-levering-2020Q1.csv             23.410         +4
  levering 2    2020-04-12 10-levering-2019.csv               23.406

 Gewijzigd in levering 3 (t.o.v. eerdere leveringen): 1
  Inwoners 0-17 jaar                           23.406 → 23.410             +4














 Cijfers › Revisies
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
screen "compare and revisions" $args

# Regions: the picker, a wijk, and :region.
keys <<'EOF'
w
:dump regions.txt
<Enter>
:dump parts.txt
j
<Enter>
:dump centrum.txt
h
h
:dump up.txt
<Escape>
<Escape>
:region WK036101
:dump wijk.txt
:region GM9999
:dump unknown.txt
EOF
expect regions.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Regio   (Enter: tonen en openen, h: omhoog, /: filter)
   NL01       nl        Nederland  ›
▸●   GM0361     gemeente  Alkmaar  ›
     GM0392     gemeente  Haarlem
     GM0546     gemeente  Leiden















 Cijfers › Regio's
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect parts.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Regio   (Enter: tonen en openen, h: omhoog, /: filter)
▸● GM0361     gemeente  Alkmaar  ›
     WK036101   wijk      Centrum
     WK036102   wijk      Oudorp
















 Cijfers › Regio's
regio Alkmaar (GM0361)
EOF
expect centrum.txt <<'EOF'
 Centrum (WK036101) · 2020 Q1 · levering 3  ■ 0  ▲ 0  ● 0  ○ 7   beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Regio   (Enter: tonen en openen, h: omhoog, /: filter)
   GM0361     gemeente  Alkmaar  ›
▸●   WK036101   wijk      Centrum
     WK036102   wijk      Oudorp
















 Cijfers › Regio's
regio Centrum (WK036101)
EOF
expect up.txt <<'EOF'
 Centrum (WK036101) · 2020 Q1 · levering 3  ■ 0  ▲ 0  ● 0  ○ 7   beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar                                                ○ grijs
 Jeugdigen met maatwerk          1.200                  ▄          ○ grijs
 Verwijzingen                                                      ○ grijs
 Cliënttevredenheid                                                ○ grijs















 Cijfers
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect wijk.txt <<'EOF'
 Centrum (WK036101) · 2020 Q1 · levering 3  ■ 0  ▲ 0  ● 0  ○ 7   beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar                                                ○ grijs
 Jeugdigen met maatwerk          1.200                  ▄          ○ grijs
 Verwijzingen                                                      ○ grijs
 Cliënttevredenheid                                                ○ grijs















 Cijfers
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect unknown.txt <<'EOF'
 Centrum (WK036101) · 2020 Q1 · levering 3  ■ 0  ▲ 0  ● 0  ○ 7   beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar                                                ○ grijs
 Jeugdigen met maatwerk          1.200                  ▄          ○ grijs
 Verwijzingen                                                      ○ grijs
 Cliënttevredenheid                                                ○ grijs















 Cijfers
onbekende regio 'GM9999'
EOF
screen "regions" $args

# Search with / n N, and the movement keys.
keys <<'EOF'
/
w
a
c
h
t
<Enter>
:dump search.txt
/
i
n
<Enter>
n
n
:dump next.txt
N
:dump prev.txt
1
G
:dump last.txt
g
<PageDown>
<PageUp>
<Down>
<Up>
k
:dump first.txt
EOF
expect search.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      6,5 wk  +1,0 wk       ▁▃█     4 wk ■ rood


















 Wachttijden
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect next.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect prev.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
  1 Cijfers   2 Wachttijden   3 Beschermingstafel  [4 Klachten/bezwaar]
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Klachten ingediend                <10                             ○ grijs


















 Klachten/bezwaar
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect last.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
▸Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
expect first.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers
 Enter: uitsplitsen  r: rood/oranje  spatie: beoordeeld  a: toelichting  ?: help
EOF
screen "search and movement" $args
