# SPDX-License-Identifier: EUPL-1.2
# The quarterly review on the voorbeeldstad sample, as an analyst does it:
# a signal under a green total is marked and visited by r, a review made
# outdated by a new delivery counts as not done and says for what it was
# given, the filters show what is left, q closes a view and Q quits, Tab
# from a sub-view changes the chapter, o on a category says it is the
# indicator's, compare and revisions speak in percentage points.
. "$TOP/tests/lib.sh"
dir=$TOP/sample-data/voorbeeldstad
db=$T/v.db
args="--db $db"
line() { sed -n "${2}p" "$T/$1"; }	# line FILE N: row N of a dump

# Up to 2023 Q3: the analyst reviews "Aandeel jeugdigen met een
# maatwerkvoorziening" (10,7 %, oranje).
for f in 00-regions 10-levering-2021Q1-2023Q2 20-levering-2023Q3; do
	run "$JMON" import --db "$db" "$dir/$f.csv"
	assert_status 0 "imports $f"
done
keys <<'EOF'
:period 2023Q3
<Down>
<Down>
<Space>
:dump marked.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep "1/9 beoordeeld" "$T/marked.txt" "the header counts the review among the 9 signals"
assert_grep "▸Aandeel jeugdigen met ee…      10,7 %" "$T/marked.txt" "the reviewed figure is 10,7 %"
assert_grep "▲ oranje ✓" "$T/marked.txt" "and marked ✓"

# The 2023 Q4 delivery revises 2023 Q3 to 11,1 %: the review is outdated.
run "$JMON" import --db "$db" "$dir/30-levering-2023Q4.csv"
assert_status 0 "imports the 2023 Q4 delivery"
keys <<'EOF'
:period 2023Q3
<Down>
<Down>
:dump outdated.txt
<Enter>
:dump outdated-detail.txt
q
:dump after-q.txt
g
r
:dump r.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep "0/9 beoordeeld" "$T/outdated.txt" "an outdated review counts as not done"
assert_grep "▲ oranje ↻  *" "$T/outdated.txt" "and has its own marker, with the revision's"
assert_grep "▲ Aandeel jeugdigen met een maatwerkvoorziening: beoordeling verouderd" "$T/outdated.txt" \
	"the status line says first that the review is outdated"
assert_grep "Beoordeling verouderd: gegeven bij 10,7 % (oranje)" "$T/outdated-detail.txt" \
	"so does the indicator view"
assert_grep "▸Aandeel jeugdigen met ee…      11,1 %" "$T/after-q.txt" \
	"q closes the indicator view: back on the chapter row"
assert_grep "▸Aandeel jeugdigen met ee" "$T/r.txt" "r visits the outdated review again"

# 2023 Q4: a signal under a green total ("Afgegeven indicaties per
# verwijzer" is green, its category Gemeente amber).
keys <<'EOF'
:dump q4.txt
r
r
r
r
r
r
:dump below.txt
<Tab>
:dump tab.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep "+1 cat. 0/22 beoordeeld" "$T/q4.txt" "the header counts the signal below and all 22 signals"
assert_grep " Afgegeven indicaties per…         754      +53  ▃▁▄▃▂▄▄█          ● groen ▲" "$T/q4.txt" \
	"the green row shows the amber glyph of its category"
assert_grep "▸  Gemeente (Jeugd- & …             299 ●        322 ●        320 ●        380 ▲" \
	"$T/below.txt" "r lands on the amber category in the indicator view"
assert_grep "▲ Afgegeven indicaties per verwijzer › Gemeente (Jeugd- & Gezinscoaches): +17,3" \
	"$T/below.txt" "and the status line names it with its reason"
assert_eq "$(line tab.txt 2)" "  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten en bezwaar" \
	"Tab from the indicator view changes the chapter"
assert_grep " Indicator                     2023 Q4" "$T/tab.txt" "and shows that chapter's view"

# Filters: signals, what is left, what the delivery changed.
keys <<'EOF'
f
:dump signals.txt
<Down>
<Space>
:filter open
:dump open.txt
:filter gewijzigd
:dump changed.txt
:filter alle
:dump all.txt
:filter nonsense
:dump bad.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep " [signalen 9/17]" "$T/signals.txt" "f shows the signals of the chapter, said in the header"
assert_no_grep "Inwoners 0-17 jaar" "$T/signals.txt" "a grey row without a signal is not shown"
assert_grep "Afgegeven indicaties per" "$T/signals.txt" "the signal below a green total is"
assert_grep " [te beoordelen 8/17]" "$T/open.txt" "open: the signals not reviewed yet"
assert_grep "1/22 beoordeeld" "$T/open.txt" "the review counts"
assert_grep " [gewijzigd " "$T/changed.txt" "gewijzigd: what the newest delivery changed"
assert_grep " Indicator                     2023 Q4" "$T/all.txt" "alle: no filter in the header"
assert_grep "onbekend filter 'nonsense'" "$T/bad.txt" "an unknown filter is said"

# o on a category, Q, unknown keys, revisions and compare.
keys <<'EOF'
<Down>
<Down>
c
:dump compare.txt
q
v
:dump revisions.txt
<Down>
<Down>
<Down>
<Down>
<Down>
<Down>
<Enter>
:dump rev-enter.txt
<Down>
o
:dump o-category.txt
Q
:dump never.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep "Vergelijkstad (GM0392)                          9,7 %  ● groen         +1,1 pp" \
	"$T/compare.txt" "compare: a percentage against another in percentage points, with the peer's status"
assert_grep "gemiddelde (2 van 5)                            9,9 %" "$T/compare.txt" \
	"the mean in the precision of its values"
assert_eq "$(grep -c "Nederland (NL01)" "$T/compare.txt")" 1 "the Netherlands once"
assert_grep " 2023 Q3  Aandeel jeugdigen met een maa…     10,7 % → 11,1 %        +0,4 pp" \
	"$T/revisions.txt" "revisions at 2023 Q4 list the 2023 Q3 revision, with its period, in pp"
assert_grep "Afgegeven indicaties per v…      2023 Q1" "$T/rev-enter.txt" "Enter on a revision opens its indicator"
assert_grep "een eigen kleur geldt voor de hele indicator" "$T/o-category.txt" \
	"o on a category says the colour is the indicator's"
[ ! -f "$T/never.txt" ] && ok "Q quits at once, from a sub-view" || not_ok "Q quits at once, from a sub-view"
assert_eq "$(sqlite3 "$db" "SELECT count(*) FROM review WHERE status_override IS NOT NULL")" 0 \
	"o on a category wrote nothing"

# A region typed that does not exist: said, with the nearest known codes.
keys <<'EOF'
:region GM0362
:dump region.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >/dev/null 2>&1
assert_grep "onbekende regio 'GM0362'; dichtstbij: GM0361 (Voorbeeldstad)" "$T/region.txt" \
	":region names the nearest known codes"
