# SPDX-License-Identifier: EUPL-1.2
# An adversary against jmon's privacy promise: no withheld count may be
# worked out from what jmon prints.  The monitor of tests/fixtures/privacy
# hides cells in every way jmon knows (a count <10, a value the source
# suppressed, a total that would give its one hidden part away) and puts
# each next to a number that could give it away (a change, a percentage, a
# peer mean, a count_from n, a sum of wijken, a revision, a change since
# the nulmeting: baseline_change, Δ nulm. after B).  Everything jmon
# prints about it -- jmon report in every format for every region and
# period, the browser's :export and a dump of every view -- goes to
# tests/privacy/adversary.py, which turns the numbers into equations,
# solves them and prints a "not ok" for every withheld cell it derives.
# Run alone: T=/tmp/x JMON=$PWD/jmon TOP=$PWD sh tests/cli/privacy.sh
. "$TOP/tests/lib.sh"

ADV="$TOP/tests/privacy/adversary.py"
FIXP="$FIX/privacy"
CFG="$FIXP/monitor.yaml"
DB="$T/privacy.db"
OUT="$T/out"

if ! command -v python3 >/dev/null 2>&1; then
	not_ok "python3 is needed for the privacy adversary (tools/deps.sh check installs it)"
	skip_exit
fi

# The solver itself first: hand-made outputs it must see through, and ones
# it must not.
python3 -B "$ADV" --selftest || not_ok "adversary.py --selftest exited with status $?"

# The deliveries, in order; the fixtures carry a licence comment that the
# importer would take for data, so they are imported without it.
mkdir -p "$T/import"
for f in "$FIXP"/[0-9]*.csv; do
	grep -v '^#' "$f" >"$T/import/$(basename "$f")"
	run "$JMON" import --config "$CFG" --db "$DB" "$T/import/$(basename "$f")"
	assert_status 0 "privacy fixture: imports $(basename "$f")"
done
# the day of a delivery shows on the revisions screen: keep it fixed
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" "UPDATE delivery SET imported_at = '2024-02-0' || id || 'T09:00:00Z'" ||
		not_ok "fix the delivery times"
fi

run python3 -B "$ADV" plan --fixtures "$FIXP" --db "$DB" --out "$OUT"
assert_status 0 "the adversary plans the outputs to read"

# Every output for every region and period: four report formats, the
# regions side by side (--regions), and the browser walking every view
# (the benchmark too) with a key script written by the plan.
mkdir -p "$OUT/report"
bad_reports=0
bad_screens=0
all=$(cut -d' ' -f1 "$OUT/plan.txt" | sort -u | paste -sd, -)
while read -r region period; do
	for fmt in text csv json md; do
		"$JMON" report --config "$CFG" --db "$DB" --region "$region" --period "$period" \
			--format "$fmt" >"$OUT/report/$region-$period.$fmt" 2>"$T/stderr"
		st=$?
		# 65: no data for this region and period, which is an answer too
		if [ "$st" -ne 0 ] && [ "$st" -ne 65 ]; then
			bad_reports=$((bad_reports + 1))
			echo "# report $region $period $fmt: status $st: $(head -1 "$T/stderr")"
		fi
	done
	# every region side by side (--regions), the region first
	mkdir -p "$OUT/bench"
	"$JMON" report --config "$CFG" --db "$DB" --region "$region" --period "$period" \
		--regions "$all" --format csv >"$OUT/bench/$region-$period.csv" 2>"$T/stderr"
	st=$?
	if [ "$st" -ne 0 ] && [ "$st" -ne 65 ]; then
		bad_reports=$((bad_reports + 1))
		echo "# report --regions $region $period: status $st: $(head -1 "$T/stderr")"
	fi
	d="$OUT/screens/$region-$period"
	(cd "$d" && JMON_SCRIPT="$d/keys" "$JMON" --config "$CFG" --db "$DB" \
		--region "$region" --period "$period") >"$T/stdout" 2>"$T/stderr"
	st=$?
	if [ "$st" -ne 0 ]; then
		bad_screens=$((bad_screens + 1))
		echo "# browser $region $period: status $st: $(head -1 "$T/stderr")"
	fi
done <"$OUT/plan.txt"
n=$(wc -l <"$OUT/plan.txt")
if [ "$bad_reports" -eq 0 ]; then ok "jmon report ran in 4 formats for $n regions × periods"; else
	not_ok "jmon report failed $bad_reports times"; fi
if [ "$bad_screens" -eq 0 ]; then ok "the browser walked every view for $n regions × periods"; else
	not_ok "the browser failed $bad_screens times"; fi

# Read it all and solve.
python3 -B "$ADV" solve --fixtures "$FIXP" --db "$DB" --out "$OUT" ||
	not_ok "adversary.py solve exited with status $?"
