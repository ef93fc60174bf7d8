# SPDX-License-Identifier: EUPL-1.2
# Months inside quarters and years of only some of their quarters, at
# 80x24, on tests/fixtures/months: Hulpvragen has 2023 Q3 as its three
# months (rolled up into the quarter, rollup: sum), Instroom three quarters
# of 2024 and no figure to stand in for the year (as_of: none).
. "$TOP/tests/lib.sh"
cfg="$FIX/months/monitor.yaml"
db="$T/months.db"
import_each "$cfg" "$db" "$FIX"/months/*.csv
args="--db $db --config $cfg"

# A year of three of its four quarters is not summed: where its value
# would be it says how many there are, dimmed, in the chapter view and in
# every cell of the indicator view; one whose last quarter stands in for
# it says which quarter of how many, Q3 (3/4).
keys <<'KEYS'
:dump year.txt
j
<Enter>
:dump year-ind.txt
KEYS
expect year.txt <<'SCREEN'
 Maanden · Maandstad (GM0001) · 2024         ■ 0  ▲ 0  ● 0  ○ 3  beoordeeld 0/3
 [1 Cijfers]
 Indicator                        2024  Δ vorig  trend 8      norm  status
▸Hulpvragen                        505          som Q1–Q4          ○ grijs
 Instroom                      3/4 kw.                             ○ grijs
 Wachtenden                         45       +3  Q3 (3/4)          ○ grijs
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
geen gegevens voor 2024; nieuwste periode met gegevens: 2024 Q4 (p: kiezen)
SCREEN
expect year-ind.txt <<'SCREEN'
 Maanden · Maandstad (GM0001) · 2024         ■ 0  ▲ 0  ● 0  ○ 3  beoordeeld 0/3
 [1 Cijfers]
 Instroom                            2021         2022         2023         2024
▸Totaal                               –            –            –      3/4 kw.
   Ambulant                           –            –            –      3/4 kw.
   Verblijf                           –            –            –      3/4 kw.

 Status totaal: ○ grijs, geen regel
 eenheid: aantal
 Regel: geen (status altijd grijs, of handmatig)
 Geen toelichting (a: schrijven)











 Cijfers › Instroom    Enter: uitsplitsen  spatie: beoordeeld  q: terug  ?: help

SCREEN
screen "a year of 3 of its 4 quarters shows 3/4 kw. where its value would be" $args --period 2024
run "$JMON" report $args --period 2024
assert_grep "Instroom    3/4 kw." "$T/stdout" "the text report shows 3/4 kw. too"
run "$JMON" report $args --period 2024 --format csv
assert_grep "GM0001,2024,cijfers,instroom,,,,grey,geen regel; niet opgeteld: 3 van 4 kwartalen geleverd," \
	"$T/stdout" "the CSV reason says why the year is empty"
run "$JMON" report $args --period 2024 --format json
assert_grep '"incomplete": "3 van 4 kwartalen"' "$T/stdout" "JSON says which parts there are"

# < and > choose a column of the indicator view (in brackets); Enter on a
# quarter with monthly figures shows its months, the current period
# staying last; Enter on a month closes them; on a quarter without months
# it says so and drills down as on any row.
keys <<'KEYS'
<Enter>
<
<
<
:dump chosen.txt
<Enter>
:dump months.txt
<Enter>
:dump closed.txt
>
>
<Enter>
:dump none.txt
KEYS
expect months.txt <<'SCREEN'
 Maandstad (GM0001) · 2024 Q1 · levering 2   ■ 0  ▲ 0  ● 0  ○ 3  beoordeeld 0/3
 [1 Cijfers]
 Hulpvragen                    [jul 2023]     aug 2023     sep 2023      2024 Q1
▸Totaal                              40           35           45          120

 Status totaal: ○ grijs, geen regel
 eenheid: aantal
 Regel: geen (status altijd grijs, of handmatig)
 Geen toelichting (a: schrijven)













 Cijfers › Hulpvragen            Enter: uitsplitsen  spatie: beoordeeld  ?: help
maanden van 2023 Q3 (Enter: dicht)
SCREEN
screen "Enter on a quarter column shows its months" $args --period 2024Q1
assert_grep " Hulpvragen                       2023 Q2    [2023 Q3]      2023 Q4      2024 Q1" "$T/chosen.txt" "< chooses a column: its heading in brackets"
assert_grep " Hulpvragen                       2023 Q2    [2023 Q3]      2023 Q4      2024 Q1" "$T/closed.txt" "Enter on a month closes the months again"
assert_grep " 2023 Q3   ███████████████████████████████████████▌              120 ○ grijs" "$T/none.txt" \
	"a quarter without monthly figures: Enter opens the series as on any row, a rolled-up quarter by its own label"
assert_grep "2023 Q3 zonder maanden" "$T/closed.txt" "closing says so"
assert_grep "geen maandcijfers in 2024 Q1" "$T/none.txt" "a quarter without months says so"
