# SPDX-License-Identifier: EUPL-1.2
# The browser on a small monitor with data (tests/fixtures/browse): every
# view, the keys of the key table, the analyst's writes and what the report
# then says, a read-only database, narrow and wide terminals.
. "$TOP/tests/lib.sh"
cfg="$FIX/browse/monitor.yaml"
db="$T/monitor.db"
import_each "$cfg" "$db" "$FIX"/browse/*.csv
# deliveries show when they arrived: make that a fixed moment
sqlite3 "$db" "UPDATE delivery SET imported_at = '2020-04-1' || id || 'T09:00:00Z'" ||
	not_ok "fix the delivery times"
args="--db $db --config $cfg"

keys <<'EOF'
:dump start.txt
EOF
expect start.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ○ Inwoners 0-17 jaar: geen regel
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
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
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










 Cijfers › Verwijzingen        Enter: uitsplitsen  r: signaal  q: terug  ?: help
 ■ Verwijzingen: +37 > 30 t.o.v. 2019 Q4
EOF
expect series.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Verwijzingen › Huisarts
 2019 Q3   ██████████████████████████████████▎                   200 ○ grijs
 2019 Q4   ████████████████████████████████████                  210 ● groen
 2020 Q1   ██████████████████████████████████████████▊           250 ■ rood
















 Cijfers › Verwijzingen › Huisarts       r: signaal  spatie: beoordeeld  ?: help
 ■ Huisarts: +40 > 30 t.o.v. 2019 Q4
EOF
expect back.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
▸Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ■ Verwijzingen: +37 > 30 t.o.v. 2019 Q4
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
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Aanmeldwachttijd jeugd-ggz       2019 Q2      2019 Q3      2019 Q4      2020 Q1
▸Totaal                               –       5,0 wk ▲     5,5 wk ▲     6,5 wk ■

 Status totaal: ■ rood, 6,5 wk > 6 (Treeknorm 4 wk)
 Weken tussen aanmelding en intake.
 eenheid: weken
 Norm: Treeknorm 4 wk (Treeknorm GGZ)
 Regel: value: groen <= 4, oranje <= 6, rood > 6
 Geen toelichting (a: schrijven)











 Wachttijden › Aanmeldwachttijd jeugd-ggz            Enter: uitsplitsen  ?: help
 ■ Aanmeldwachttijd jeugd-ggz: 6,5 wk > 6 (Treeknorm 4 wk)
EOF
expect vorige.txt <<'EOF'
 Alkmaar (GM0361) · 2019 Q4 · levering 3             ■0 ▲1 ●3 ○3 0/1 beoordeeld
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2019 Q4  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      5,5 wk  +0,5 wk        ▁█     4 wk ▲ oranje


















 Wachttijden         Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ▲ Aanmeldwachttijd jeugd-ggz: 5,5 wk <= 6 (Treeknorm 4 wk)
EOF
expect bt.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
  1 Cijfers   2 Wachttijden  [3 Beschermingstafel]  4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldingen bescherming…      geheim                 ▄           ○ grijs


















 Beschermingstafel       Enter: uitsplitsen  r: signaal  a: toelichting  ?: help
 ○ Aanmeldingen beschermingstafel: geen regel
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
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
▸Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
■ Verwijzingen: +37 > 30 t.o.v. 2019 Q4
EOF
expect r2.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      6,5 wk  +1,0 wk       ▁▃█     4 wk ■ rood


















 Wachttijden         Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
■ Aanmeldwachttijd jeugd-ggz: 6,5 wk > 6 (Treeknorm 4 wk)
EOF
expect r3.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      6,5 wk  +1,0 wk       ▁▃█     4 wk ■ rood


















 Wachttijden         Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
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
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Jeugdigen met maatwerk, 2020 Q1                 waarde  status         verschil
Deze regio
  Alkmaar (GM0361)                                2.660  ● groen
Vergelijkbare gemeenten
  Haarlem (GM0392)                                3.150  ● groen         -15,6 %
  Leiden (GM0546)                                 2.800  ● groen          -5,0 %
  gemiddelde (2 van 2)                            2.975                  -10,6 %
Nederland
  Nederland (NL01)                        geen gegevens











 Cijfers › Vergelijken                             r: signaal  q: terug  ?: help

EOF
expect revisions.txt <<'EOF'
 Alkmaar (GM0361) · 2019 Q4 · levering 3             ■0 ▲1 ●3 ○3 0/1 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Inwoners 0-17 jaar, 2019 Q4: waarde per levering
  levering 3    2020-04-13 20-levering-2020Q1.csv             23.410         +4
  levering 2    2020-04-12 10-levering-2019.csv               23.406

 Gewijzigd in levering 3 (t.o.v. eerdere leveringen): 1 (Enter: indicator)
 2019 Q4  Inwoners 0-17 jaar                 23.406 → 23.410             +4














 Cijfers › Revisies            Enter: uitsplitsen  r: signaal  q: terug  ?: help

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
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Regio   (Enter: tonen en openen, h: omhoog, /: filter)
   NL01       nl        Nederland  ›
▸●   GM0361     gemeente  Alkmaar  ›
     GM0392     gemeente  Haarlem
     GM0546     gemeente  Leiden















 Cijfers › Regio's                                 r: signaal  q: terug  ?: help

EOF
expect parts.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Regio   (Enter: tonen en openen, h: omhoog, /: filter)
▸● GM0361     gemeente  Alkmaar  ›
     WK036101   wijk      Centrum
     WK036102   wijk      Oudorp
















 Cijfers › Regio's                                 r: signaal  q: terug  ?: help
regio Alkmaar (GM0361)
EOF
expect centrum.txt <<'EOF'
 Centrum (WK036101) · 2020 Q1 · levering 3   ■ 0  ▲ 0  ● 0  ○ 7  beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Regio   (Enter: tonen en openen, h: omhoog, /: filter)
   GM0361     gemeente  Alkmaar  ›
▸●   WK036101   wijk      Centrum
     WK036102   wijk      Oudorp
















 Cijfers › Regio's                                             q: terug  ?: help
regio Centrum (WK036101)
EOF
expect up.txt <<'EOF'
 Centrum (WK036101) · 2020 Q1 · levering 3   ■ 0  ▲ 0  ● 0  ○ 7  beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Regio   (Enter: tonen en openen, h: omhoog, /: filter)
  Alle regio's
▸    NL01       nl        Nederland  ›

















 Cijfers › Regio's                                             q: terug  ?: help

EOF
expect wijk.txt <<'EOF'
 Centrum (WK036101) · 2020 Q1 · levering 3   ■ 0  ▲ 0  ● 0  ○ 7  beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar                                                ○ grijs
 Jeugdigen met maatwerk          1.200                  ▄          ○ grijs
 Verwijzingen                                                      ○ grijs
 Cliënttevredenheid                                                ○ grijs















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
expect unknown.txt <<'EOF'
 Centrum (WK036101) · 2020 Q1 · levering 3   ■ 0  ▲ 0  ● 0  ○ 7  beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar                                                ○ grijs
 Jeugdigen met maatwerk          1.200                  ▄          ○ grijs
 Verwijzingen                                                      ○ grijs
 Cliënttevredenheid                                                ○ grijs















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
onbekende regio 'GM9999'; dichtstbij: GM0392 (Haarlem), GM0361 (Alkmaar), GM054…
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
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      6,5 wk  +1,0 wk       ▁▃█     4 wk ■ rood


















 Wachttijden         Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ■ Aanmeldwachttijd jeugd-ggz: 6,5 wk > 6 (Treeknorm 4 wk)
EOF
expect next.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
expect prev.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
  1 Cijfers   2 Wachttijden   3 Beschermingstafel  [4 Klachten/bezwaar]
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Klachten ingediend                <10                             ○ grijs


















 Klachten/bezwaar    Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ○ Klachten ingediend: aantal <10, niet getoond (privacy)
EOF
expect last.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
▸Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ● Cliënttevredenheid: 4,2 >= 4
EOF
expect first.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
screen "search and movement" $args

# The analyst's writes, each its own short transaction: reviewed (Space),
# an explanation (a: the editor, or :annotate TEXT), an override (o, which
# asks a colour and a reason).  Then `jmon report` carries them.
for ext in "" -wal -shm; do [ -f "$db$ext" ] && cp "$db$ext" "$T/review.db$ext"; done
keys <<'EOF'
j
j
<Space>
:annotate Meer verwijzingen door de huisarts; zie de toelichting van de GGD.
o
o
r
a
n
j
e
<Enter>
t
i
j
d
e
l
i
j
k
<Enter>
:dump reviewed.txt
<Enter>
:dump explained.txt
<Escape>
2
a
L
a
n
g
<Enter>
w
a
c
h
t
e
n
:dump editor.txt
<C-x>
j
a
x
<Escape>
j
:dump edited.txt
EOF
expect reviewed.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■1 ▲1 ●2 ○3 1/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
▸Verwijzingen                      412      +37       ▂▁█          ▲ oranje ✓✎!
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
Verwijzingen: oranje (handmatig)
EOF
expect explained.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■1 ▲1 ●2 ○3 1/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Verwijzingen                     2019 Q2      2019 Q3      2019 Q4      2020 Q1
▸Totaal                 ✓✎!           –          380 ○        375 ●        412 ▲
   Huisarts             ✓             –          200 ○        210 ●        250 ■
   Gemeente             ✓             –          150 ○        140 ●        140 ●
   Jeugdarts            ✓             –           30 ○         25 ●         22 ●

 Status totaal: ▲ oranje, handmatig: tijdelijk (berekend: rood) (beoordeeld)
 Beoordeeld (<login>, <vandaag>)
 eenheid: aantal
 Regel: change: groen <= 10, oranje <= 30, anders rood
 Toelichting (<login>, <vandaag>):
  Meer verwijzingen door de huisarts; zie de toelichting van de GGD.








 Cijfers › Verwijzingen        Enter: uitsplitsen  r: signaal  q: terug  ?: help
 ▲ Verwijzingen: handmatig: tijdelijk (berekend: rood)
EOF
expect editor.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■1 ▲1 ●2 ○3 1/2 beoordeeld
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
Toelichting Aanmeldwachttijd jeugd-ggz, 2020 Q1
 Lang
 wachten

















 Ctrl-X: opslaan   Esc: annuleren   Enter: nieuwe regel
 ■ Aanmeldwachttijd jeugd-ggz: 6,5 wk > 6 (Treeknorm 4 wk)
EOF
expect edited.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■1 ▲1 ●2 ○3 1/2 beoordeeld
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      6,5 wk  +1,0 wk       ▁▃█     4 wk ■ rood    ✎


















 Wachttijden         Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
toelichting niet gewijzigd
EOF
# $USER is not who wrote it: the login name is ("<login>")
USER=iemand-anders screen "review, explain, override" --db "$T/review.db" --config "$cfg"

run "$JMON" report --db "$T/review.db" --config "$cfg" --format csv
assert_grep 'GM0361,2020Q1,cijfers,verwijzingen,,412,provisional,amber,handmatig: tijdelijk (berekend: rood),yes' \
	"$T/stdout" "the report has the override with its reason and the reviewed mark"
assert_grep 'GM0361,2020Q1,wachttijden,ggz_aanmeldwachttijd,,6.5,,red,"6,5 wk > 6 (Treeknorm 4 wk)",' \
	"$T/stdout" "an explanation alone does not mark reviewed"
run "$JMON" report --db "$T/review.db" --config "$cfg" --format md
assert_grep 'Meer verwijzingen door de huisarts; zie de toelichting van de GGD.' "$T/stdout" \
	"the Markdown report has the explanation"
assert_grep 'Lang' "$T/stdout" "the editor's text is saved"
assert_grep 'wachten' "$T/stdout" "with its second line"
assert_no_grep 'jax' "$T/stdout" "Esc in the editor throws the new text away"

# Space again takes the mark away; the header counts follow.
keys <<'EOF'
j
j
<Space>
:dump unreviewed.txt
EOF
expect unreviewed.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■1 ▲1 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
▸Verwijzingen                      412      +37       ▂▁█          ▲ oranje  ✎!
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
Verwijzingen: niet meer beoordeeld (beoordeeld 0/2 signalen)
EOF
screen "Space toggles reviewed" --db "$T/review.db" --config "$cfg"

# Export what is on screen.
keys <<'EOF'
e
:dump exported.txt
:export hoofdstuk.md
EOF
expect exported.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■1 ▲1 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ▲ oranje  ✎!
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
Cijfers geëxporteerd naar jmon-GM0361-2020Q1-cijfers.csv
EOF
screen "e exports the chapter" --db "$T/review.db" --config "$cfg"
assert_grep 'region,period,chapter,indicator,category,value,flag,status,reason,reviewed' \
	"$T/jmon-GM0361-2020Q1-cijfers.csv" "the export has the report's CSV columns"
assert_grep '| Verwijzingen | 412 |' "$T/hoofdstuk.md" ":export FILE.md writes Markdown"

# Narrow and wide terminals; NO_COLOR; without UTF-8.
keys <<'EOF'
:dump narrow.txt
EOF
expect narrow.txt <<'EOF'
 Alkmaar · 2020 Q1 (voorlopig)       ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/…
 Indicator                        2020 Q1  Δ vorig  status
▸Inwoners 0-17 jaar                24.364     +954 ○ grijs
 Jeugdigen met maatwerk             2.660      +60 ● groen
 Verwijzingen                         412      +37 ■ rood
 Cliënttevredenheid                   4,2     +0,1 ● groen







 Cijfers                 Enter: uitsplitsen  r: signaal  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
COLUMNS=64 LINES=16 screen "a narrow terminal drops trend and norm" $args
keys <<'EOF'
:dump wide.txt
EOF
expect wide.txt <<'EOF'
 Testmonitor · Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3                      ■ 2  ▲ 0  ● 2  ○ 3  beoordeeld 0/2 signalen
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                                                                         2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar                                                                 24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk                                                              2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                                                                          412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                                                                    4,2     +0,1        ▁█          ● groen



 Cijfers                                                 Enter: uitsplitsen  r: signaal  spatie: beoordeeld  a: toelichting  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
COLUMNS=132 LINES=12 screen "a wide terminal gives labels room" $args
keys <<'EOF'
j
j
:dump ascii.txt
EOF
expect ascii.txt <<'EOF'
 Alkmaar (GM0361) | 2020 Q1 (voorlopig) | levering 3 #2 ^0 o2 -3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1    vorig  trend 8      norm  status
 Inwoners 0-17 jaar             24.364     +954     __..#          - grijs
 Jeugdigen met maatwerk          2.660      +60     _:==#          o groen
>Verwijzingen                      412      +37       ._#          # rood
 Clienttevredenheid                4,2     +0,1        _#          o groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 # Verwijzingen: +37 > 30 t.o.v. 2019 Q4
EOF
LC_ALL=C NO_COLOR=1 screen "ASCII glyphs and sparklines without UTF-8, NO_COLOR" $args

# A database this user may only read: browsing works, a write says so and
# changes nothing.  As root every file is writable, so the check runs as
# nobody; as another user, on a copy without write permission.  nobody may
# not be able to reach the checkout (a home of mode 700), so as root the
# program, the monitor and the database go to a folder of their own.
as_nobody=
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1; then
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	saved_T=$T saved_JMON=$JMON saved_cfg=$cfg
	T=$(mktemp -d /tmp/jmon-readonly.XXXXXX)
	chmod 755 "$T"
	cp "$JMON" "$T/jmon"
	cp "$cfg" "$T/monitor.yaml"
	JMON="$T/jmon" cfg="$T/monitor.yaml"
fi
ro="$T/ro"
mkdir -p "$ro"
for ext in "" -wal -shm; do [ -f "$db$ext" ] && cp "$db$ext" "$ro/monitor.db$ext"; done
chmod 755 "$ro"
chmod 644 "$ro"/monitor.db*
keys <<'EOF'
<Space>
:dump readonly.txt
EOF
chmod 644 "$T/script"
# the message names the file as given (relative: the screen test runs in
# $T) and the login name of the user who cannot write it
login=$(${as_nobody:-} id -un)
expect readonly.txt <<EOF
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs
 Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen
 Verwijzingen                      412      +37       ▂▁█          ■ rood
 Cliënttevredenheid                4,2     +0,1        ▁█          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
alleen lezen: ro/monitor.db is niet schrijfbaar voor $login
EOF
before=$(cksum <"$ro/monitor.db")
if [ -n "$as_nobody" ]; then
	chmod 777 "$T"
	JMON_AS="$as_nobody" USER=nobody \
		screen "a read-only database: browsing works, writing says so" \
		--db ro/monitor.db --config "$cfg"
	JMON_AS=
else
	chmod 555 "$ro"
	chmod 444 "$ro"/monitor.db*
	USER=nobody screen "a read-only database: browsing works, writing says so" \
		--db ro/monitor.db --config "$cfg"
fi
[ "$before" = "$(cksum <"$ro/monitor.db")" ] && ok "the read-only database is unchanged" ||
	not_ok "the read-only database is unchanged"
if [ -n "$as_nobody" ]; then
	rm -rf "$T"
	T=$saved_T JMON=$saved_JMON cfg=$saved_cfg
fi

# The remaining keys of the table: p lists the periods (a CBS code typed
# there leaves its period, Enter opens it), l and → drill down
# like Enter, Ctrl-F / Ctrl-B page, Ctrl-L redraws, :quit ends.
keys <<'EOF'
p
2
0
1
9
K
W
0
4
<Enter>
:dump p.txt
l
:dump l.txt
<Escape>
<Right>
<C-l>
:dump right.txt
<Escape>
<C-f>
<C-b>
:dump page.txt
:quit
j
:dump never.txt
EOF
expect l.txt <<'EOF'
 Alkmaar (GM0361) · 2019 Q4 · levering 3             ■0 ▲1 ●3 ○3 0/1 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Inwoners 0-17 jaar               2019 Q1      2019 Q2      2019 Q3      2019 Q4
▸Totaal                    *     23.300       23.350       23.380       23.410

 Status totaal: ○ grijs, geen regel
 Inwoners van 0 tot en met 17 jaar op de laatste dag van het kwartaal.
 Bron: BRP · eenheid: aantal
 Regel: geen (status altijd grijs, of handmatig)
 Geen toelichting (a: schrijven)












 Cijfers › Inwoners 0-17 jaar            Enter: uitsplitsen  r: signaal  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
expect p.txt <<'EOF'
 Alkmaar (GM0361) · 2019 Q4 · levering 3             ■0 ▲1 ●3 ○3 0/1 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2019 Q4  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             23.410      +30      ▁▄▆█          ○ grijs     *
 Jeugdigen met maatwerk          2.600      +20      ▁▄▇█          ● groen
 Verwijzingen                      375       -5        █▁          ● groen
 Cliënttevredenheid                4,1                  ▄          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
periode 2019 Q4
EOF
expect page.txt <<'EOF'
 Alkmaar (GM0361) · 2019 Q4 · levering 3             ■0 ▲1 ●3 ○3 0/1 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2019 Q4  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             23.410      +30      ▁▄▆█          ○ grijs     *
 Jeugdigen met maatwerk          2.600      +20      ▁▄▇█          ● groen
 Verwijzingen                      375       -5        █▁          ● groen
 Cliënttevredenheid                4,1                  ▄          ● groen















 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
expect right.txt <<'EOF'
 Alkmaar (GM0361) · 2019 Q4 · levering 3             ■0 ▲1 ●3 ○3 0/1 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Inwoners 0-17 jaar               2019 Q1      2019 Q2      2019 Q3      2019 Q4
▸Totaal                    *     23.300       23.350       23.380       23.410

 Status totaal: ○ grijs, geen regel
 Inwoners van 0 tot en met 17 jaar op de laatste dag van het kwartaal.
 Bron: BRP · eenheid: aantal
 Regel: geen (status altijd grijs, of handmatig)
 Geen toelichting (a: schrijven)












 Cijfers › Inwoners 0-17 jaar            Enter: uitsplitsen  r: signaal  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
screen "p, l, →, Ctrl-F/B/L and :quit" $args
[ -f "$T/never.txt" ] && not_ok ":quit ends the script run" || ok ":quit ends the script run"
