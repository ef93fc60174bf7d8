#!/bin/sh
# tools/bench.sh JMON — import throughput (make bench; a benchmark, not a test).
#
# Generates a long CSV of $BENCH_ROWS rows (default 1 000 000: 500
# gemeenten x 40 quarters x 10 indicators x 5 cells) under build/bench/,
# imports it with jmon into a fresh database (validation, indexes, the
# delivery bookkeeping, all of it), and loads the same file with
# `sqlite3 .import` into a bare table of a fresh database, in one run.
# Prints both times and the ratio; the target is a ratio of at most 1.5.
set -eu
jmon=${1:?usage: tools/bench.sh JMON}
rows=${BENCH_ROWS:-1000000}
dir=build/bench
mkdir -p "$dir"
cfg=$dir/bench.yaml
csv=$dir/long-$rows.csv

# Ten indicators of four categories each: with the total, five cells per
# indicator, region and period.
{
	echo "monitor: {title: \"Benchmark\", region: GM0001}"
	echo "chapters:"
	echo "  - id: bench"
	echo "    label: \"Benchmark\""
	echo "    indicators:"
	for i in 0 1 2 3 4 5 6 7 8 9; do
		echo "      - id: indicator_$i"
		echo "        label: \"Indicator $i\""
		echo "        unit: aantal"
		echo "        categories: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}, {id: d, label: D}]"
	done
} >"$cfg"

if [ ! -f "$csv" ]; then
	echo "bench: writing $rows rows to $csv" >&2
	awk -v rows="$rows" 'BEGIN {
		print "region,period,indicator,category,value,flag"
		split(",a,b,c,d", cats, ",")
		n = 0
		for (g = 1; n < rows; g++)
			for (y = 2015; y < 2025 && n < rows; y++)
				for (q = 1; q <= 4 && n < rows; q++)
					for (i = 0; i < 10 && n < rows; i++)
						for (c = 1; c <= 5 && n < rows; c++) {
							n++
							if (n % 97 == 0)
								v = ",suppressed"
							else if (n % 13 == 0)
								v = sprintf("%d.%d,provisional", n % 1000, n % 10)
							else
								v = sprintf("%d,", (n * 7919) % 100000)
							printf "GM%04d,%dQ%d,indicator_%d,%s,%s\n", g, y, q, i, cats[c], v
						}
	}' >"$csv"
fi

now() { date +%s.%N; }
rm -f "$dir"/jmon.db* "$dir"/bare.db*

t0=$(now)
"$jmon" import --config "$cfg" --db "$dir/jmon.db" "$csv" >"$dir/jmon.out"
t1=$(now)
sqlite3 "$dir/bare.db" ".mode csv" ".import $csv observation"
t2=$(now)

# A second delivery of the same cells with a tenth of the values revised:
# every row is now compared with the value it may replace.
awk -F, 'NR > 1 && NR % 10 == 0 && $5 != "" { $5 = $5 + 1 } { print }' OFS=, "$csv" >"$dir/revision.csv"
t3=$(now)
"$jmon" import --config "$cfg" --db "$dir/jmon.db" "$dir/revision.csv" >>"$dir/jmon.out"
t4=$(now)

cat "$dir/jmon.out"
awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v e="$t4" -v rows="$rows" 'BEGIN {
	j = b - a; s = c - b; r = e - d
	printf "jmon import:     %6.2f s  (%.0f rows/s)\n", j, rows / j
	printf "sqlite3 .import: %6.2f s  (%.0f rows/s)\n", s, rows / s
	printf "ratio:           %6.2f    (target <= 1.5)\n", j / s
	printf "jmon import of a revision (every row compared): %.2f s\n", r
}'

# The browser: time to the first screen and per key, on the big database
# (500 gemeenten x 40 quarters, two deliveries) against a small one of the
# same monitor (one gemeente), in the same run.  Headless (JMON_SCRIPT), so
# it measures jmon, not a terminal.
head -n 2001 "$csv" >"$dir/small.csv"
rm -f "$dir"/small.db*
"$jmon" import --config "$cfg" --db "$dir/small.db" "$dir/small.csv" >/dev/null
printf ':dump /dev/null\n' >"$dir/first.keys"
awk 'BEGIN { for (i = 0; i < 50; i++) print "j\nk\n[\n]" }' >"$dir/keys.keys"

# run DB SCRIPT TIMES: seconds for TIMES runs
run() {
	s=$(now)
	i=0
	while [ $i -lt "$3" ]; do
		JMON_SCRIPT="$2" "$jmon" --config "$cfg" --db "$1" --region GM0001 >/dev/null
		i=$((i + 1))
	done
	e=$(now)
	awk -v s="$s" -v e="$e" -v n="$3" 'BEGIN { printf "%.4f", (e - s) / n }'
}
big_first=$(run "$dir/jmon.db" "$dir/first.keys" 10)
small_first=$(run "$dir/small.db" "$dir/first.keys" 10)
big_keys=$(run "$dir/jmon.db" "$dir/keys.keys" 3)
small_keys=$(run "$dir/small.db" "$dir/keys.keys" 3)
awk -v bf="$big_first" -v sf="$small_first" -v bk="$big_keys" -v sk="$small_keys" 'BEGIN {
	printf "first screen:    %6.1f ms big, %6.1f ms small  (ratio %.2f)\n", bf * 1000, sf * 1000, bf / sf
	printf "per key:         %6.2f ms big, %6.2f ms small  (200 keys: j k [ ])\n", \
		(bk - bf) / 200 * 1000, (sk - sf) / 200 * 1000
}'
