# SPDX-License-Identifier: EUPL-1.2
# The period picker (p): the periods with data for the region, newest first,
# with kind, provisional or not, and the delivery that last changed each;
# typing filters; Enter opens one; Esc and q close it.  Headless, 80x24
# unless said otherwise, on tests/fixtures/browse (2019 Q1-Q4 in delivery
# 2, 2020 Q1 and a revised 2019 Q4 in delivery 3).
. "$TOP/tests/lib.sh"
cfg="$FIX/browse/monitor.yaml"
db="$T/monitor.db"
import_each "$cfg" "$db" "$FIX"/browse/*.csv
# deliveries show when they arrived: make that a fixed moment
sqlite3 "$db" "UPDATE delivery SET imported_at = '2020-04-1' || id || 'T09:00:00Z'" ||
	not_ok "fix the delivery times"
args="--db $db --config $cfg"

# The screens at 80x24: HEAD, the header of the period shown; the rows of
# the list (two markers, then the row); the breadcrumb after "Cijfers › "
# and the bottom line.
q1=" Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld"
q4=" Alkmaar (GM0361) · 2019 Q4 · levering 3             ■0 ▲1 ●3 ○3 0/1 beoordeeld"
r20q1="2020 Q1          kwartaal   voorlopig  levering 3 · 20-levering-2020Q1.csv ·…"
r19q4="2019 Q4          kwartaal   definitief levering 3 · 20-levering-2020Q1.csv ·…"
r19() { echo "2019 Q$1          kwartaal   definitief levering 2 · 10-levering-2019.csv · 2…"; }
hints=" Enter: openen  0-9 of /: filter  Esc/q: sluiten  ?: help"
filtering=" Enter: openen  Bksp: teken terug  Esc: filter wissen  ↑↓: kiezen"
list() {	# list HEAD CRUMB BOTTOM ROW...
	printf '%s\n%s\n%s\n' "$1" \
		" [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar" \
		"   Periode          soort      status     laatst gewijzigd door"
	crumb=$2 bottom=$3 n=0
	shift 3
	for row in "$@"; do
		printf '%s\n' "$row"
		n=$((n + 1))
	done
	while [ $n -lt 19 ]; do
		echo
		n=$((n + 1))
	done
	printf '%s\n%s\n' " Cijfers › $crumb" "$bottom"
}

# The list; a year typed filters it, a quarter after it leaves one row, and
# Enter opens it.  Backspace takes the filter back (the cursor returns to
# the period shown), / filters by any text, Esc clears and then closes.
keys <<'EOF'
p
:dump start.txt
2
0
1
9
:dump year.txt
<Space>
q
4
:dump one.txt
<Enter>
:dump opened.txt
p
2
0
<Backspace>
<Backspace>
:dump back.txt
:search Q3
:dump search.txt
<Escape>
<Escape>
:dump closed.txt
EOF
list "$q1" "Periodes (5)" "$hints" "▸● $r20q1" "   $r19q4" "   $(r19 3)" "   $(r19 2)" \
	"   $(r19 1)" | expect start.txt
list "$q1" "Periodes met '2019' (4)" "$filtering" "▸  $r19q4" "   $(r19 3)" "   $(r19 2)" \
	"   $(r19 1)" | expect year.txt
list "$q1" "Periodes met '2019 q4' (1)" "$filtering" "▸  $r19q4" | expect one.txt
list "$q4" "Periodes (5)" "$hints" "   $r20q1" "▸● $r19q4" "   $(r19 3)" "   $(r19 2)" \
	"   $(r19 1)" | expect back.txt
list "$q4" "Periodes met 'Q3' (1)" "$filtering" "▸  $(r19 3)" | expect search.txt
expect opened.txt <<'EOF'
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
expect closed.txt <<'EOF'
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
screen "the list, typing filters, Enter opens" $args

# A period the list does not hold: Enter opens it anyway, and the chapter
# view names the newest period with data.  q closes the list; another
# region lists its own periods.
keys <<'EOF'
p
2
0
3
0
<Space>
Q
1
:dump none.txt
<Enter>
:dump nodata.txt
p
q
:dump quit.txt
:region GM0392
p
:dump other.txt
EOF
list "$q1" "Periodes met '2030 Q1' (0)" "geen gegevens voor 2030 Q1; Enter opent het toch" \
	"  geen periode past bij het filter (Esc: wissen)" | expect none.txt
expect nodata.txt <<'EOF'
 Alkmaar (GM0361) · 2030 Q1 geen gegevens    ■ 0  ▲ 0  ● 0  ○ 7  beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2030 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar                                                ○ grijs
 Jeugdigen met maatwerk                                            ○ grijs
 Verwijzingen                                                      ○ grijs
 Cliënttevredenheid                                                ○ grijs















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
geen gegevens voor 2030 Q1; nieuwste periode met gegevens: 2020 Q1 (p: kiezen)
EOF
expect quit.txt <<'EOF'
 Alkmaar (GM0361) · 2030 Q1 geen gegevens    ■ 0  ▲ 0  ● 0  ○ 7  beoordeeld 0/7
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2030 Q1  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar                                                ○ grijs
 Jeugdigen met maatwerk                                            ○ grijs
 Verwijzingen                                                      ○ grijs
 Cliënttevredenheid                                                ○ grijs















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help

EOF
# Haarlem has no data for 2030 Q1: the switch opens its newest period
# (issue 14: a region switch keeps only a period the region has data for)
list " Haarlem (GM0392) · 2020 Q1 · levering 3     ■ 0  ▲ 0  ● 1  ○ 6  beoordeeld 0/7" \
	"Periodes (2)" "$hints" \
	"▸● 2020 Q1          kwartaal   definitief levering 3 · 20-levering-2020Q1.csv ·…" \
	"   2019 Q4          kwartaal   definitief levering 2 · 10-levering-2019.csv · 2…" |
	expect other.txt
screen "a period without data, q, another region" $args

# A wide terminal shows the day of each delivery; without UTF-8, ASCII.
keys <<'EOF'
p
:dump wide.txt
EOF
expect wide.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3    ■ 2  ▲ 0  ● 2  ○ 3  beoordeeld 0/2 signalen
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
   Periode          soort      status     laatst gewijzigd door
▸● 2020 Q1          kwartaal   voorlopig  levering 3 · 20-levering-2020Q1.csv · 2020-04-13
   2019 Q4          kwartaal   definitief levering 3 · 20-levering-2020Q1.csv · 2020-04-13
   2019 Q3          kwartaal   definitief levering 2 · 10-levering-2019.csv · 2020-04-12
   2019 Q2          kwartaal   definitief levering 2 · 10-levering-2019.csv · 2020-04-12
   2019 Q1          kwartaal   definitief levering 2 · 10-levering-2019.csv · 2020-04-12


 Cijfers › Periodes (5)
 Enter: openen  0-9 of /: filter  Esc/q: sluiten  ?: help
EOF
LINES=12 COLUMNS=100 screen "a wide terminal shows the day of the delivery" $args

keys <<'EOF'
p
:dump wide.txt
EOF
expect wide.txt <<'EOF'
 Alkmaar (GM0361) | 2020 Q1 (voorlopig) | levering 3 #2 ^0 o2 -3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
   Periode          soort      status     laatst gewijzigd door
>* 2020 Q1          kwartaal   voorlopig  levering 3 | 20-levering-2020Q1.csv |~
   2019 Q4          kwartaal   definitief levering 3 | 20-levering-2020Q1.csv |~
   2019 Q3          kwartaal   definitief levering 2 | 10-levering-2019.csv | 2~
   2019 Q2          kwartaal   definitief levering 2 | 10-levering-2019.csv | 2~
   2019 Q1          kwartaal   definitief levering 2 | 10-levering-2019.csv | 2~














 Cijfers > Periodes (5)
 Enter: openen  0-9 of /: filter  Esc/q: sluiten  ?: help
EOF
LC_ALL=C screen "ASCII without a UTF-8 locale" $args
