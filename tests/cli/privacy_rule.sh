# SPDX-License-Identifier: EUPL-1.2
# The privacy rule on the reproductions it was written for: no change of a
# period whose previous total hides a part, no percentage of a withheld
# base, one peer mean (of the shown peers) on every screen, no hidden n in
# a count_from reason, a wijk withheld with a small one, an earlier
# delivery judged as it was, and the minimum stored with the data.
. "$TOP/tests/lib.sh"

P="$FIX/privacy_rule"
CFG="$P/monitor.yaml"
DB="$T/p.db"

json() {	# json PERIOD JQ: a field of the JSON report
	"$JMON" report --config "$CFG" --db "$DB" --period "$1" --format json | jq -r "$2"
}
field() {	# field PERIOD INDICATOR CATEGORY KEY
	if [ -z "$3" ]; then
		json "$1" ".chapters[].indicators[] | select(.id == \"$2\") | .$4"
	else
		json "$1" ".chapters[].indicators[] | select(.id == \"$2\") | .categories[] | select(.id == \"$3\") | .$4"
	fi
}

run "$JMON" import --config "$CFG" --db "$DB" "$P/00-regions.csv" "$P/10-levering.csv"
assert_status 0 "imports the reproductions"

# 2019 Q4: total withheld (B = 5 is its one hidden part).  2020 Q1: 150,
# and +50 would give 2019 Q4's 100, so B = 100 - 95.
assert_eq "$(field 2019Q4 jeugd '' value)" null "2019 Q4's total is withheld"
assert_eq "$(field 2020Q1 jeugd '' value)" 150 "2020 Q1's total is shown"
assert_eq "$(field 2020Q1 jeugd '' change)" null "no change against a withheld total"
assert_eq "$(field 2020Q1 jeugd '' reason)" "geen vergelijking: geheim voor 2019 Q4" \
	"the reason names no number of 2019 Q4"
assert_eq "$(field 2020Q1 jeugd a change)" 5 "a shown part keeps its change"
# the same for a total jmon derives from its parts, and no change_pct
assert_eq "$(field 2020Q1 afgeleid '' value)" 200 "a derived total is shown"
assert_eq "$(field 2020Q1 afgeleid '' change)" null "no change against a withheld derived total"
reason=$(field 2020Q1 afgeleid '' reason)
case "$reason" in *%*) not_ok "no percentage of a withheld base: '$reason'" ;;
*) ok "no percentage of a withheld base" ;; esac
# peer_pct: GM0004 (5) is hidden; the mean is of the two shown, and says so
assert_eq "$(field 2020Q1 peer '' reason)" \
	"0,0 % binnen -10..10 t.o.v. Buren (gemiddeld 150, 2 van 3)" \
	"peer_pct's mean leaves the hidden peer out and says of how many it is"
# count_from: n = 7 is hidden, so the reason cannot say it
assert_eq "$(field 2020Q1 pct '' reason)" "het aantal erachter is niet getoond (privacy)" \
	"count_from names no hidden n"
assert_eq "$(field 2020Q1 n '' value)" null "the n itself is withheld"

# browse PERIOD KEY...: the browser headless on the keys, then :quit
browse() {
	_period=$1
	shift
	printf '%s\n' "$@" :quit >"$T/script"
	(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" --config "$CFG" --db "$DB" --period "$_period" \
		>/dev/null 2>&1)
}

# The compare view shows the same mean as the reason.
browse 2020Q1 '<Down>' '<Down>' c ':dump compare.txt'
tr -s ' ' <"$T/compare.txt" >"$T/compare.words"
assert_grep "gemiddelde (2 van 3) 150 0,0 %" "$T/compare.words" \
	"the compare view's mean is the reason's"
assert_grep "Vier (GM0004) <10" "$T/compare.words" "the hidden peer shows as <10"
# its status is grey, and nothing follows it: no difference
grep -F "Vier (GM0004)" "$T/compare.words" | sed 's/ *$//' >"$T/vier.txt"
assert_eq "$(cat "$T/vier.txt")" " Vier (GM0004) <10 ○ grijs" "and has no difference"

# A later delivery makes B 12 and the 2019 Q4 total 107: the revisions
# view shows the earlier total as it was shown then (withheld), and no
# difference that would give it.
run "$JMON" import --config "$CFG" --db "$DB" "$P/20-revisie.csv"
assert_status 0 "imports the revision"
browse 2019Q4 '<Enter>' v ':dump revisions.txt'
assert_grep "geheim → 107" "$T/revisions.txt" "the earlier total is shown as it was: withheld"
assert_grep "<10 → 12" "$T/revisions.txt" "the earlier part is shown as it was: <10"
assert_no_grep "+7" "$T/revisions.txt" "no difference from a withheld earlier total"
assert_grep "levering 2    " "$T/revisions.txt" "the history lists the earlier delivery"

# The floor belongs to the data: a configuration with min_count 0 cannot
# print the 7 imported under min_count 10.
sed 's/min_count: 10/min_count: 0/' "$CFG" >"$T/zero.yaml"
run "$JMON" report --config "$T/zero.yaml" --db "$DB" --period 2020Q1 --format csv
assert_status 0 "reports with a lower minimum"
assert_grep "GM0001,2020Q1,c,n,,,suppressed," "$T/stdout" "the small n stays withheld"
assert_grep "GM0001,2020Q1,c,peer,,150," "$T/stdout" "the rest is reported"
assert_grep "is below the 10 its data was imported with; 10 applies" "$T/stderr" \
	"a lower minimum gets a warning"
sed 's/min_count: 10/min_count: 20/' "$CFG" >"$T/twenty.yaml"
run "$JMON" report --config "$T/twenty.yaml" --db "$DB" --period 2019Q4 --format csv
assert_grep "GM0001,2019Q4,c,jeugd,b,,suppressed," "$T/stdout" "a higher minimum applies (12 < 20)"
assert_eq "$(wc -c <"$T/stderr")" 0 "a higher minimum needs no warning"

# A database from before the stored minimum upgrades on the next import.
sqlite3 "$DB" "DROP TABLE delivery_privacy; DROP TABLE history;
	ALTER TABLE review DROP COLUMN change; ALTER TABLE annotation DROP COLUMN change;
	PRAGMA user_version = 1"
run "$JMON" report --config "$CFG" --db "$DB" --period 2020Q1
assert_status 74 "an old schema is refused for reading"
assert_grep "jmon import upgrades it" "$T/stderr" "and says how to upgrade"
run "$JMON" import --config "$CFG" --db "$DB" "$P/00-regions.csv"
assert_status 0 "import upgrades it"
assert_eq "$(sqlite3 "$DB" 'PRAGMA user_version')" 3 "to the newest schema"

# Wijken add up to their gemeente: with Oost small, Zuid is withheld too
# (the smallest wijk of at least 19), and the gemeente stays readable.
W="$T/w.db"
run "$JMON" import --config "$P/wijken.yaml" --db "$W" "$P/wijken-regions.csv" "$P/wijken-data.csv"
assert_status 0 "imports a gemeente with its wijken"
for r in GM0001 WK000101 WK000102 WK000103; do
	"$JMON" report --config "$P/wijken.yaml" --db "$W" --region "$r" --format csv |
		tail -n +2 | cut -d, -f1,5-7
done >"$T/wijken.txt"
assert_file "$T/wijken.txt" "one wijk small: one more withheld, in the total and in category a" <<'OUT'
GM0001,,200,
GM0001,a,120,
GM0001,b,80,
WK000101,,100,
WK000101,a,60,
WK000101,b,40,
WK000102,,,suppressed
WK000102,a,,suppressed
WK000102,b,40,
WK000103,,,suppressed
WK000103,a,,suppressed
WK000103,b,0,
OUT
