# SPDX-License-Identifier: EUPL-1.2
# The first screen of every sample monitor of sample-data/ at 80x24, as an
# analyst sees it after `make run SAMPLE=name`: each database built as
# tools/build-sample.sh builds it (the CSV files in file-name order, with
# the monitor's own monitor.yaml), the delivery times fixed so that the
# screens do not depend on the day.  What each screen should show is in
# the sample's README.md.
. "$TOP/tests/lib.sh"

# sample NAME: build sample-data/NAME into $T/NAME.db; sets $args
sample() {
	dir=$TOP/sample-data/$1
	db=$T/$1.db
	config=
	[ -f "$dir/monitor.yaml" ] && config="--config $dir/monitor.yaml"
	# the sample as `make run` builds it
	(cd "$TOP" && tools/build-sample.sh "$JMON" "$1" "$db") >/dev/null 2>"$T/import.err" ||
		{ not_ok "$1: build the sample"; sed 's/^/#   /' "$T/import.err"; }
	sqlite3 "$db" "UPDATE delivery SET imported_at = '2020-04-1' || id || 'T09:00:00Z'" ||
		not_ok "$1: fix the delivery times"
	args="--db $db $config"
}

keys <<'EOF'
:dump first.txt
EOF

# Voorbeeldstad (fictional): the newest quarter, provisional; the
# revised 2023 Q3 behind the changes; explanations (✎).
sample voorbeeldstad
expect first.txt <<'EOF'
 Voorbeeldstad · 2023 Q4 (voorlopig)      ■5 ▲15 ●9 ○15 +2 cat. 0/22 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten en bezwaar
 Indicator                     2023 Q4  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.307      +34  ▁▂▃▄▅▆▇█          ○ grijs
 Jeugdigen met een maatwe…       2.622      -67  ▁▃▃▃▅▇█▃          ● groen   ✎
 Aandeel jeugdigen met ee…      10,8 %  -0,3 pp  ▁▃▃▃▆▆█▁          ▲ oranje
 Jongeren met jeugdzorg i…       2.790     +275  1-1-2023          ■ rood
 Percentage jongeren met …      11,5 %  +1,0 pp  1-1-2023          ▲ oranje
 Nieuwe hulpvragen bij de…         366      -80  ▇▆▁█▇▅█▃          ▲ oranje  ✎
 Gezinnen met 1 gezin 1 p…         336      -36  ▁▂▂▂▂▆█▂          ▲ oranje
 Afgegeven indicaties per…         754      +53  ▃▁▄▃▂▄▄█          ● groen ▲
 Gebruik maatwerkvoorzien…       2.720      -66  ▁▃▃▃▅▆█▄          ● groen
 Cliënttevredenheid Jeugd…         4,1     -0,1  ▆▆▁▅▅▆█▆        4 ● groen
 Instroom jeugdhulp per z…                                         ▲ oranje
 Uitstroom jeugdhulp per …                                         ○ grijs
 Unieke jeugdigen per zor…                                         ▲ oranje
 Kosten jeugdhulp: realis…  € 32,6 mln +7,7 mln  ▁▃▅█▁▃▆█          ○ grijs
 Kosten jeugdhulp: begrot…  € 32,1 mln      € 0  ▁▁▁▁████          ○ grijs
 Kosten jeugdhulp: progno…  € 33,6 mln +541 dzd  ▃▃▁▃▅▄▇█          ○ grijs
 Prognose als percentage …     104,7 %  +1,7 pp  ▅▄▁▄▄▃▆█    100 % ● groen ■


 Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
screen "voorbeeldstad: the first screen" $args

# Alkmaar: the published levels of 2020 Q1 with their change against the
# 2019 Q4 the text implies; the changes published without their levels
# ("Verschil ..."); what the text names without a number is onbekend.
sample alkmaar-2020q1
expect first.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 · levering 3   ■ 0  ▲ 0  ● 0  ○ 47  beoordeeld 0/47
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten en bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar             24.364     +958        ▁█          ○ grijs
 Jeugdigen met een maatwe…       2.660      +60        ▁█          ○ grijs   ✎
 Aandeel jeugdigen met ee…        11 %     0 pp        ▄▄          ○ grijs
 Jongeren met jeugdzorg i…                                         ○ grijs
 Percentage jongeren met …                                         ○ grijs
 Nieuwe hulpvragen bij de…    onbekend                             ○ grijs
 Verschil hulpvragen (%)         -16 %                  ▄          ○ grijs   ✎
 Gezinnen met 1 gezin 1 p…    onbekend                             ○ grijs
 Verschil 1 gezin 1 plan           -36                  ▄          ○ grijs   ✎
 Afgegeven indicaties per…    onbekend                             ○ grijs   ✎
 Gebruik maatwerkvoorzien…    onbekend                             ○ grijs
 Verschil maatwerk PGB/ZIN                                         ○ grijs
 Cliënttevredenheid Jeugd…         4,2                  ▄          ○ grijs   ✎
 Instroom jeugdhulp per z…                                         ○ grijs
 Uitstroom jeugdhulp per …                                         ○ grijs
 Unieke jeugdigen per zor…                                         ○ grijs
 Kosten jeugdhulp: realis…    onbekend                             ○ grijs
 Kosten jeugdhulp: begrot…    onbekend                             ○ grijs
 Kosten jeugdhulp: progno…    onbekend                             ○ grijs
 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
 ○ Inwoners 0-17 jaar: geen regel
EOF
screen "alkmaar-2020q1: the first screen" $args

# Verschillenanalyse: Gemeente A against the national figure (peer_pct),
# in monitor.period 2015Q1, not the newer 2016 of the allocation model.
sample verschillenanalyse-2015q1
expect first.txt <<'EOF'
 Gemeente A (GM9901) · 2015 Q1 · levering 2 ■5 ▲2 ●2 ○13 +1 cat. 0/8 beoordeeld
 [1 Gebruik en instroom]  2 Gedwongen kader   3 Context
 Indicator                     2015 Q1  Δ vorig  trend 8      norm  status
▸Jongeren met jeugdhulp          8,9 %                  ▄          ■ rood
 Jeugdhulp, aantal                 635                  ▄          ○ grijs
 Jongeren met verblijf           1,5 %                  ▄          ■ rood
 Verblijf, aantal                  107                  ▄          ○ grijs
 Jeugdhulptrajecten                700                  ▄          ○ grijs
 Trajecten naar verblijf                                           ● groen
 Begonnen trajecten             43,6 %                  ▄          ▲ oranje
 Beëindigde trajecten           10,0 %                  ▄          ● groen ▲
 Instroom, trajecten               305                  ▄          ○ grijs
 Instroom naar verwijzer                                           ■ rood
 Ambulant op 31 maart              555          31-3-2015          ○ grijs
 Aandeel wijkteam ambulant      24,3 %          31-3-2015          ○ grijs







 Gebruik en instroom     Enter: uitsplitsen  r: signaal  a: toelichting  ?: help
 ■ Jongeren met jeugdhulp: +43,5 % buiten -35..35 t.o.v. Nederland (gemiddeld 6…
EOF
screen "verschillenanalyse-2015q1: the first screen" $args

# Alphen: the CBS shares of 2016 against NL (monitor.period 2016); the
# survey (2017 Q4) is another period.
sample alphen-nulmeting
expect first.txt <<'EOF'
 Alphen aan den Rijn (GM0484) · 2016 · levering 5  ■1 ▲2 ●1 ○216 0/3 beoordeeld
 [1 Gebruik jeugdzorg (CBS)]  2 Kwartaalcijfers regio   3 Rapportages gemeente
 Indicator                        2016  Δ vorig  trend 8      norm  status
▸Jeugdzorg totaal               14,1 %  +0,8 pp        ▁█          ▲ oranje  ✎
 Jeugdhulp                      13,9 %  +0,9 pp        ▁█          ▲ oranje  ✎
 Jeugdhulp via wijkteams         5,0 %  +1,5 pp        ▁█          ○ grijs   ✎
 Jeugdhulp met verblijf          1,3 %   0,0 pp        ▄▄          ○ grijs   ✎
 Jeugdbescherming                1,1 %  -0,1 pp        █▁          ○ grijs   ✎
 Jeugdreclassering               0,5 %  -0,1 pp        █▁          ● groen   ✎













 Gebruik jeugdzorg (CBS)                 Enter: uitsplitsen  r: signaal  ?: help
 ▲ Jeugdzorg totaal: +22,6 % <= 25 t.o.v. Nederland (gemiddeld 11,5 %), +2,6 pp
EOF
screen "alphen-nulmeting: the first screen" $args

# Noordoostpolder: the half-year 2019 H1 (monitor.period), not the
# quarter 2019 Q2 of the referrers; the costs are years (2018, 2019).
sample noordoostpolder-2019h1
expect first.txt <<'EOF'
 Noordoostpolder (GM0171) · 2019 H1 · levering 2   ■1 ▲9 ●1 ○32 0/10 beoordeeld
 [1 Algemeen]  2 Toeleiding   3 Wachttijden   4 Care, cure en 24-uurszorg   5 B…
 Indicator                     2019 H1  Δ vorig  trend 8      norm  status
▸Zorgzwaarte: uitgangspunt                                         ○ grijs
 Zorgzwaarte: werkelijk                                            ○ grijs
 Zorglasten jeugdhulp       € 14,1 mln           2018              ○ grijs
 Begroting jeugdhulp                             2019              ○ grijs
 Prognose kosten jeugdhulp                       2019              ○ grijs
 Prognose min begroting (…                       2019              ○ grijs
 Prognose als percentage …                       2019        100 % ○ grijs
 Unieke jeugdigen met jeu…    onbekend                             ○ grijs   ✎
 Aandeel jeugdigen met 24…        13 %                  ▄          ○ grijs   ✎
 Aandeel 24-uurszorg in d…        35 %                  ▄          ○ grijs
 Nieuwe instroom jeugdhul…                                         ○ grijs   ✎
 Uitstroom jeugdhulp (maa…                                         ○ grijs







 Algemeen            Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ○ Zorgzwaarte: uitgangspunt: geen regel
EOF
screen "noordoostpolder-2019h1: the first screen" $args

# Almere: the themes have no number (unit: none); the document coloured
# them, but the colours were images, so each is grey by hand with the
# reason (!) and counts as reviewed (✓).  monitor.period 2018H2, not 2018Q4.
sample almere-2018h2
expect first.txt <<'EOF'
 Almere (GM0034) · 2018 H2 · levering 2             ■1 ▲0 ●1 ○41 0/1 beoordeeld
 [1 Thema's]  2 Wachttijden en termijnen   3 Gebruik en uitgaven   4 Transforma…
 Indicator                     2018 H2  Δ vorig  trend 8      norm  status
▸Ambulante jeugdhulp                                               ○ grijs   ✎§
 Geestelijke gezondheidsz…                                         ○ grijs   ✎§
 Residentiële jeugdhulp                                            ○ grijs   ✎§
 Pleegzorg                                                         ○ grijs   ✎§
 Gesloten jeugdzorg                                                ○ grijs   ✎§
 Jeugdbescherming en jeug…                                         ○ grijs   ✎§
 Veilig Thuis Flevoland                                            ○ grijs   ✎§
 Landelijk gecontracteerd…                                         ○ grijs   ✎§
 Aanbevelingen KPMG (vori…                                         ○ grijs   ✎§










 Thema's             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ○ Ambulante jeugdhulp: rapport: Kleur niet overgenomen: het stoplicht was een …
EOF
screen "almere-2018h2: the first screen" $args


# Figures of other periods (jmon.yaml(5), FIGURES OF OTHER PERIODS).
# Voorbeeldstad at 2023 Q4: the CBS figures of 1-1-2023 with their date,
# changed and coloured against 1-1-2022; r visits the red one (after the
# amber row above it); Enter shows it over its own reference dates.
keys <<'EOF'
r
r
:dump asof.txt
<Enter>
:dump indicator.txt
<Enter>
:dump series.txt
EOF
sample voorbeeldstad
expect indicator.txt <<'EOF'
 Voorbeeldstad · 2023 Q4 (voorlopig)      ■5 ▲15 ●9 ○15 +2 cat. 0/22 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten en bezwaar
 Jongeren met jeugdzorg in …     1-1-2020     1-1-2021     1-1-2022     1-1-2023
▸Totaal                               –        2.420 ○      2.515 ●      2.790 ■

 Jongeren met jeugdzorg in natura (CBS)
 Status totaal: ■ rood, +10,9 % > 10 t.o.v. 1-1-2022
 Jongeren tot 18 jaar met jeugdzorg in natura (jeugdhulp, jeugdbescherming of
 jeugdreclassering), peildatum 1 januari. CBS rondt af op vijftallen.
 Bron: CBS, Kerncijfers wijken en buurten · eenheid: aantal
 Regel: yoy_pct: groen <= 5, oranje <= 10, anders rood
 Geen toelichting (a: schrijven)










 Cijfers › Jongeren met jeugdzorg in natura (CBS)    Enter: uitsplitsen  ?: help
 ■ Jongeren met jeugdzorg in natura (CBS): +10,9 % > 10 t.o.v. 1-1-2022
EOF
screen "voorbeeldstad at 2023 Q4: CBS figures of 1-1-2023, r visits the red one" $args
# the rest of the chapter is the first screen above
assert_eq "$(sed -n '6,8p;24p' "$T/asof.txt")" " Aandeel jeugdigen met ee…      10,8 %  -0,3 pp  ▁▃▃▃▆▆█▁          ▲ oranje
▸Jongeren met jeugdzorg i…       2.790     +275  1-1-2023          ■ rood
 Percentage jongeren met …      11,5 %  +1,0 pp  1-1-2023          ▲ oranje
■ Jongeren met jeugdzorg in natura (CBS): +10,9 % > 10 t.o.v. 1-1-2022" \
	"voorbeeldstad at 2023 Q4: r on the red CBS figure of 1-1-2023, its reason below"
# the series over the reference dates it has, not over quarters
assert_eq "$(sed -n '4,6p' "$T/series.txt" | cut -c1-10)" " 1-1-2021 
 1-1-2022 
 1-1-2023 " "voorbeeldstad at 2023 Q4: the CBS series by its own reference dates"

# Almere at 2018 H2: the 24 days of 2018 Q4, the 20 and the 5 of 2018, each
# with its period.
keys <<'EOF'
2
:dump asof.txt
EOF
sample almere-2018h2
expect asof.txt <<'EOF'
 Almere (GM0034) · 2018 H2 · levering 2             ■1 ▲0 ●1 ○41 0/1 beoordeeld
  1 Thema's  [2 Wachttijden en termijnen]  3 Gebruik en uitgaven   4 Transforma…
 Indicator                     2018 H2  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…    onbekend           2018         4 wk ○ grijs
 Behandelwachttijd jeugd-…    onbekend           2018        10 wk ○ grijs
 Totale wachttijd jeugd-g…    onbekend           2018        14 wk ○ grijs
 Contact binnen twee weke…      n.v.t.           2018         2 wk ○ grijs
 Veilig Thuis: veiligheid…        52 %                  ▄     90 % ■ rood    ✎
 Veilig Thuis: onderzoek …    onbekend                             ○ grijs
 Veilig Thuis: beoordelin…        31 %                  ▄          ○ grijs   ✎
 Wachttijd onderzoek Raad…    onbekend                             ○ grijs   ✎
 Gemiddelde doorlooptijd …      24 dgn           2018 Q4    28 dgn ● groen
 Wachtlijst pleegzorg               20           2018              ○ grijs
 Contact frontoffice JGZ …        5 wd           2018              ○ grijs








 Wachttijden en termijnen                Enter: uitsplitsen  r: signaal  ?: help
 ○ Aanmeldwachttijd jeugd-ggz: onbekend
EOF
screen "almere-2018h2 at 2018 H2: figures of 2018 Q4 and 2018 with their periods" $args

# Almere's themes (issue: structured texts): Enter on a theme shows its
# status as the report's (not reviewed) and each text field of the
# explanation under its own label.
keys <<'EOF'
<Down>
<Enter>
:dump theme.txt
EOF
sample almere-2018h2
expect theme.txt <<'EOF'
 Almere (GM0034) · 2018 H2 · levering 2             ■1 ▲0 ●1 ○41 0/1 beoordeeld
 [1 Thema's]  2 Wachttijden en termijnen   3 Gebruik en uitgaven   4 Transforma…
 Geestelijke gezondheidszor…      2017 H1      2017 H2      2018 H1      2018 H2
▸Totaal                  ✎§           –            –            –            – ○

 Geestelijke gezondheidszorg (jeugd-ggz)
 Status totaal: ○ grijs (rapport), rapport: Kleur niet overgenomen: het
 stoplicht was een afbeelding en staat niet in de tekst van de rapportage
 Status van het rapport: ○ grijs (90-toelichting.csv); geen beoordeling
 (spatie: beoordelen)
 Een thema van de rapportage: ontwikkeling, streefbeeld en conclusie staan in
 de toelichting.
 Bron: Halfjaarrapportage jeugdhulp Almere, par. 2.2 (p. 8-9) · eenheid: geen
 (zonder cijfer)
 Regel: geen (status altijd grijs, of handmatig)
 Ontwikkeling (import, <vandaag>):
  Gebruik kan nog toenemen, zorgen over wachttijden en landelijk
  personeelstekort.
 Streefbeeld (import, <vandaag>):
  Betere samenhang tussen behandeling en begeleiding thuis. Voldoende
  ggz(-expertise) beschikbaar.
 Conclusie (import, <vandaag>):
 Thema's › Geestelijke gezondheidszorg (jeugd-ggz)           r: signaal  ?: help
 ○ Geestelijke gezondheidszorg (jeugd-ggz): rapport: Kleur niet overgenomen: he…
EOF
screen "almere-2018h2: a theme's Ontwikkeling, Streefbeeld and Conclusie apart, its colour the report's" $args

# B: the change column against the nulmeting, as seed 002 compares 2016
# with 2015; a monitor without one says so.
keys <<'EOF'
B
:dump baseline.txt
B
:dump back.txt
EOF
sample alphen-nulmeting
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep " Indicator                        2016  Δ nulm." "$T/baseline.txt" "alphen: B heads the column Δ nulm."
assert_grep "Jeugdhulp via wijkteams         5,0 %  +1,5 pp" "$T/baseline.txt" \
	"alphen: 2016 against the 2015 nulmeting, +1,5 pp via the wijkteams"
assert_grep " Indicator                        2016  Δ vorig" "$T/back.txt" "a second B goes back to the previous period"
# B in the compare view: each row against its own nulmeting (2015), the
# mean of a group only when both means are of every member
keys <<'EOF'
j
j
c
B
:dump compare-base.txt
B
:dump compare-back.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep " Jeugdhulp via wijkteams, 2016                   waarde  status          Δ nulm." \
	"$T/compare-base.txt" "alphen: B heads the compare view's last column Δ nulm."
assert_grep "  Alphen aan den Rijn (GM0484)                    5,0 %  ○ grijs         +1,5 pp" \
	"$T/compare-base.txt" "alphen: the region since its nulmeting 2015"
assert_grep "  Nederland (NL01)                                1,5 %  ○ grijs         +0,6 pp" \
	"$T/compare-base.txt" "alphen: NL since its own nulmeting, not against the region"
assert_grep "  gemiddelde (1 van 1)                            1,5 %                  +0,6 pp" \
	"$T/compare-base.txt" "alphen: a mean of every member since the mean of the nulmeting"
assert_grep " Δ nulm.: elke rij t.o.v. haar eigen nulmeting 2015 (B: t.o.v. deze regio)" \
	"$T/compare-base.txt" "alphen: the compare view says what Δ nulm. is against"
assert_grep "  Nederland (NL01)                                1,5 %  ○ grijs         +3,5 pp" \
	"$T/compare-back.txt" "alphen: a second B gives the compare view its differences back"
keys <<'EOF'
B
:dump none.txt
EOF
sample voorbeeldstad
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep "geen nulmeting in de configuratie" "$T/none.txt" "voorbeeldstad: B says there is no nulmeting"
