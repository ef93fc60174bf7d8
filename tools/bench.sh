#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tools/bench.sh JMON — import throughput (make bench; a benchmark, not a test).
#
# Generates long CSVs of $BENCH_SIZES rows (default 1 000 000 and
# 10 000 000: gemeenten x 40 quarters x 10 indicators x 5 cells) under
# build/bench/, sorted as exports come and shuffled, imports each with jmon
# into a fresh database (validation, indexes, the delivery bookkeeping,
# the checkpoint, all of it), then a revision of the shuffled one into
# that database, and loads each same file with `sqlite3 .import` into a
# bare table of a fresh database, in one run.  Prints both times, both
# peak memories (RSS, from /usr/bin/time) and the ratio; the targets are a
# ratio of at most 1.0 and a peak of at most 64 MiB for any size and any
# order (the import reads streaming; rows out of order are sorted on disk).
# Then, on the first size, a revision, the browser on that database, and a
# delivery at wijk level (see below) that measures the privacy gate over a
# gemeente's wijken and buurten.  BENCH_ROWS=N runs one size only.
set -eu
jmon=${1:?usage: tools/bench.sh JMON}
sizes=${BENCH_ROWS:-${BENCH_SIZES:-1000000 10000000}}
dir=build/bench
mkdir -p "$dir"
cfg=$dir/bench.yaml

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

# long ROWS: the long CSV of ROWS rows (written once, then kept)
long() {
	f=$dir/long-$1.csv
	if [ ! -f "$f" ]; then
		echo "bench: writing $1 rows to $f" >&2
		awk -v rows="$1" 'BEGIN {
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
		}' >"$f.tmp"
		mv "$f.tmp" "$f"
	fi
	echo "$f"
}

now() { date +%s.%N; }
# measure OUT CMD...: CMD's seconds and peak RSS (KiB) as "S KIB" into OUT
measure() {
	out=$1
	shift
	/usr/bin/time -f '%e %M' -o "$out" "$@"
}

# shuffled IN OUT: the rows of IN (not its header) in no helpful order, a
# fixed pseudo-random one (so every run imports the same file)
shuffled() {
	if [ ! -f "$2" ]; then
		echo "bench: shuffling $1 into $2" >&2
		{
			head -n 1 "$1"
			awk 'BEGIN { seed = 20261202 }
			NR > 1 { seed = (seed * 16807) % 2147483647; print seed "," $0 }' "$1" |
				sort -t, -k1,1n | cut -d, -f2-
		} >"$2.tmp"
		mv "$2.tmp" "$2"
	fi
}

# revised IN OUT: a second delivery of IN's cells, a tenth of the values
# revised: every row is compared with the value it may replace
revised() {
	[ -f "$2" ] || awk -F, 'NR > 1 && NR % 10 == 0 && $5 != "" { $5 = $5 + 1 } { print }' \
		OFS=, "$1" >"$2"
}

# against WHAT CSV DB: jmon imports CSV into DB, then sqlite3 .import loads
# the same file into a bare table of a fresh database, in the same run;
# both times and peak memories, and the ratio
against() {
	measure "$dir/jmon.time" "$jmon" import --config "$cfg" --db "$3" "$2" >"$dir/jmon.out"
	rm -f "$dir"/bare.db*
	measure "$dir/bare.time" sqlite3 "$dir/bare.db" ".mode csv" ".import $2 observation"
	rm -f "$dir"/bare.db*
	cat "$dir/jmon.out"
	awk -v what="$1" -v bytes="$(wc -c <"$2")" \
		-v j="$(cat "$dir/jmon.time")" -v s="$(cat "$dir/bare.time")" 'BEGIN {
		split(j, a, " "); split(s, b, " ")
		printf "%s (%.0f MB):\n", what, bytes / 1e6
		printf "  jmon import:     %6.2f s, peak %6.1f MiB\n", a[1], a[2] / 1024
		printf "  sqlite3 .import: %6.2f s, peak %6.1f MiB\n", b[1], b[2] / 1024
		printf "  ratio:           %6.2f    (target <= 1.0), jmon peak target <= 64 MiB\n", a[1] / b[1]
	}'
}

# Each size in the order exports come (sorted by region, period,
# indicator, category), then shuffled (no helpful order: every region on
# every few rows), then a revision of the shuffled delivery, shuffled too.
first=""
for rows in $sizes; do
	csv=$(long "$rows")
	shuffled "$csv" "$dir/shuffled-$rows.csv"
	revised "$dir/shuffled-$rows.csv" "$dir/shuffled-revision-$rows.csv"
	rm -f "$dir"/jmon-"$rows".db* "$dir"/shuffled-"$rows".db*
	against "$rows rows, sorted" "$csv" "$dir/jmon-$rows.db"
	against "$rows rows, shuffled" "$dir/shuffled-$rows.csv" "$dir/shuffled-$rows.db"
	against "$rows rows, shuffled, a revision of them" "$dir/shuffled-revision-$rows.csv" \
		"$dir/shuffled-$rows.db"
	rm -f "$dir"/shuffled-"$rows".db*
	[ -n "$first" ] || first=$rows
done
rows=$first
csv=$dir/long-$rows.csv
mv "$dir/jmon-$rows.db" "$dir/jmon.db"
rm -f "$dir/jmon-$rows.db-wal" "$dir/jmon-$rows.db-shm" "$dir"/jmon-*.db*

# A second delivery of the same cells with a tenth of the values revised:
# every row is now compared with the value it may replace.
revised "$csv" "$dir/revision-$rows.csv"
measure "$dir/rev.time" "$jmon" import --config "$cfg" --db "$dir/jmon.db" "$dir/revision-$rows.csv" \
	>>"$dir/jmon.out"
awk -v r="$(cat "$dir/rev.time")" 'BEGIN {
	split(r, a, " ")
	printf "jmon import of a revision (every row compared): %.2f s, peak %.1f MiB\n", a[1], a[2] / 1024
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

# A delivery at wijk level, the shape the privacy gate works hardest on:
# ten counts (counts: true, total: sum, four categories, min_count 10 for
# the monitor) for one big gemeente with $BENCH_WIJKEN wijken (40) and
# $BENCH_BUURTEN buurten (300), and $BENCH_GEMEENTEN gemeenten (50) without
# wijken, over $BENCH_WIJK_QUARTERS quarters (40).  Every wijk is the sum
# of its buurten and the gemeente of its wijken; one count in 25 is below
# the minimum, so complementary suppression runs over the categories and
# the regions.  The rows are shuffled (a fixed pseudo-random key), the
# regions CSV comes first, and a second delivery revises a tenth of the
# values.  Then, in the same run: the first screen and the time per key of
# the big gemeente (its family: 1 + wijken + buurten regions) against a
# gemeente without wijken, and `jmon report --format csv` of both.
#
# BENCH_BASELINE=/path/to/another/jmon runs the same scenario with that
# program too, in a database of its own (an older jmon may read an older
# schema), and prints both sets of numbers side by side: what the gate
# costs.  BENCH_WIJK_KEYS (10) is the number of "j k [ ]" in the key script.
nwijk=${BENCH_WIJKEN:-40}
nbuurt=${BENCH_BUURTEN:-300}
ngem=${BENCH_GEMEENTEN:-50}
nq=${BENCH_WIJK_QUARTERS:-40}
nkeys=${BENCH_WIJK_KEYS:-10}
baseline=${BENCH_BASELINE:-}
wcfg=$dir/wijk.yaml
wtag=$nwijk-$nbuurt-$ngem-$nq
wregions=$dir/wijk-regions-$wtag.csv
wcsv=$dir/wijk-$wtag.csv
wrev=$dir/wijk-revision-$wtag.csv

{
	echo "monitor: {title: \"Benchmark wijken\", region: GM0001, privacy: {min_count: 10}}"
	echo "chapters:"
	echo "  - id: wijk"
	echo "    label: \"Wijken\""
	echo "    indicators:"
	for i in 0 1 2 3 4 5 6 7 8 9; do
		echo "      - id: indicator_$i"
		echo "        label: \"Telling $i\""
		echo "        unit: aantal"
		echo "        counts: true"
		echo "        total: sum"
		echo "        categories: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}, {id: d, label: D}]"
		echo "        stoplight: {on: change_pct, green: \"-10..10\", amber: \"-25..25\"}"
	done
} >"$wcfg"

if [ ! -f "$wcsv" ] || [ ! -f "$wregions" ]; then
	echo "bench: writing the wijk-level delivery to $wcsv" >&2
	# Codes as CBS writes them: GM0001, WK000101, BU00010101.  indicator_9
	# has no total delivered (jmon adds the parts); the key before the
	# first comma is the shuffle's.
	awk -v nw="$nwijk" -v nb="$nbuurt" -v ng="$ngem" -v nq="$nq" -v regions="$wregions" '
	function rnd() { seed = (seed * 16807) % 2147483647; return seed }
	function count() { return rnd() % 25 == 0 ? 1 + rnd() % 9 : 10 + rnd() % 120 }
	function emit(region, p, i, c, v) { printf "%d,%s,%s,indicator_%d,%s,%d,\n", rnd(), region, p, i, c, v }
	BEGIN {
		seed = 20261122
		split("a,b,c,d", cats, ",")
		print "region,name,kind,parent" >regions
		print "GM0001,Grootstad,gemeente," >regions
		for (w = 1; w <= nw; w++) {
			wk[w] = sprintf("WK0001%02d", w)
			printf "%s,Wijk %d,wijk,GM0001\n", wk[w], w >regions
		}
		for (b = 1; b <= nb; b++) {
			w = 1 + (b - 1) % nw
			bu[b] = sprintf("BU0001%02d%02d", w, int((b - 1) / nw) + 1)
			of[b] = w
			printf "%s,Buurt %d,buurt,%s\n", bu[b], b, wk[w] >regions
		}
		for (g = 2; g <= ng + 1; g++)
			printf "GM%04d,Gemeente %d,gemeente,\n", g, g >regions
		close(regions)
		for (q = 0; q < nq; q++) {
			p = sprintf("%dQ%d", 2015 + int(q / 4), q % 4 + 1)
			for (i = 0; i < 10; i++) {
				for (w = 1; w <= nw; w++)
					for (c = 0; c <= 4; c++)
						ws[w, c] = 0
				for (b = 1; b <= nb; b++) {
					t = 0
					for (c = 1; c <= 4; c++) {
						v = count()
						t += v
						ws[of[b], c] += v
						emit(bu[b], p, i, cats[c], v)
					}
					ws[of[b], 0] += t
					if (i != 9)
						emit(bu[b], p, i, "", t)
				}
				for (c = 0; c <= 4; c++)
					gs[c] = 0
				for (w = 1; w <= nw; w++)
					for (c = 0; c <= 4; c++) {
						gs[c] += ws[w, c]
						if (c || i != 9)
							emit(wk[w], p, i, c ? cats[c] : "", ws[w, c])
					}
				for (c = 0; c <= 4; c++)
					if (c || i != 9)
						emit("GM0001", p, i, c ? cats[c] : "", gs[c])
				for (g = 2; g <= ng + 1; g++) {
					t = 0
					for (c = 1; c <= 4; c++) {
						v = rnd() % 40 == 0 ? 1 + rnd() % 9 : 20 * count()
						t += v
						emit(sprintf("GM%04d", g), p, i, cats[c], v)
					}
					if (i != 9)
						emit(sprintf("GM%04d", g), p, i, "", t)
				}
			}
		}
	}' | {
		echo "region,period,indicator,category,value,flag"
		sort -t, -k1,1n | cut -d, -f2-
	} >"$wcsv.tmp"
	mv "$wcsv.tmp" "$wcsv"
	rm -f "$wrev"
fi
# the second delivery: the same cells, a tenth of the values revised
if [ ! -f "$wrev" ]; then
	awk -F, 'NR > 1 && NR % 10 == 0 && $5 != "" { $5 = $5 + 1 } { print }' OFS=, "$wcsv" >"$wrev.tmp"
	mv "$wrev.tmp" "$wrev"
fi
wrows=$(($(wc -l <"$wcsv") - 1))

awk -v n="$nkeys" 'BEGIN { for (i = 0; i < n; i++) print "j\nk\n[\n]" }' >"$dir/wijk-keys.keys"
awk 'BEGIN { for (i = 0; i < 10; i++) print "<Enter>\n<Esc>" }' >"$dir/wijk-enter.keys"

# wrun JMON DB REGION SCRIPT TIMES: seconds for TIMES runs of the browser
wrun() {
	s=$(now)
	i=0
	while [ $i -lt "$5" ]; do
		JMON_SCRIPT="$4" "$1" --config "$wcfg" --db "$2" --region "$3" >/dev/null
		i=$((i + 1))
	done
	e=$(now)
	awk -v s="$s" -v e="$e" -v n="$5" 'BEGIN { printf "%.5f", (e - s) / n }'
}
# wreport JMON DB REGION TIMES: seconds for TIMES reports
wreport() {
	s=$(now)
	i=0
	while [ $i -lt "$4" ]; do
		"$1" report --config "$wcfg" --db "$2" --region "$3" --format csv >/dev/null
		i=$((i + 1))
	done
	e=$(now)
	awk -v s="$s" -v e="$e" -v n="$4" 'BEGIN { printf "%.5f", (e - s) / n }'
}

# wijk JMON DB: import the scenario into a fresh DB with JMON and time it;
# prints one line of numbers (seconds): import revision first_big
# first_small keys_big keys_small enter_big enter_small report_big
# report_small
wijk() {
	rm -f "$2" "$2-wal" "$2-shm"
	a=$(now)
	measure "$2.itime" "$1" import --config "$wcfg" --db "$2" "$wregions" "$wcsv" >"$2.out"
	b=$(now)
	"$1" import --config "$wcfg" --db "$2" "$wrev" >>"$2.out"
	c=$(now)
	fb=$(wrun "$1" "$2" GM0001 "$dir/first.keys" 10)
	fs=$(wrun "$1" "$2" GM0002 "$dir/first.keys" 10)
	kb=$(wrun "$1" "$2" GM0001 "$dir/wijk-keys.keys" 3)
	ks=$(wrun "$1" "$2" GM0002 "$dir/wijk-keys.keys" 3)
	eb=$(wrun "$1" "$2" GM0001 "$dir/wijk-enter.keys" 3)
	es=$(wrun "$1" "$2" GM0002 "$dir/wijk-enter.keys" 3)
	rb=$(wreport "$1" "$2" GM0001 10)
	rs=$(wreport "$1" "$2" GM0002 10)
	awk -v a="$a" -v b="$b" -v c="$c" 'BEGIN { printf "%.3f %.3f", b - a, c - b }'
	echo " $fb $fs $kb $ks $eb $es $rb $rs"
}

# wprint LABEL NUMBERS...: the lines of one program
wprint() {
	label=$1
	shift
	awk -v label="$label" -v rows="$wrows" -v nk="$nkeys" -v n="$*" 'BEGIN {
		split(n, x, " ")
		printf "wijken, %s:\n", label
		printf "  import:          %6.2f s  (%.0f rows/s), the revision %.2f s\n", x[1], rows / x[1], x[2]
		printf "  first screen:    %6.1f ms big, %6.1f ms small  (ratio %.2f)\n", \
			x[3] * 1000, x[4] * 1000, x[3] / x[4]
		printf "  per key:         %6.2f ms big, %6.2f ms small  (%d keys: j k [ ])\n", \
			(x[5] - x[3]) / (4 * nk) * 1000, (x[6] - x[4]) / (4 * nk) * 1000, 4 * nk
		printf "  per key:         %6.2f ms big, %6.2f ms small  (20 keys: <Enter> <Esc>)\n", \
			(x[7] - x[3]) / 20 * 1000, (x[8] - x[4]) / 20 * 1000
		printf "  report csv:      %6.1f ms big, %6.1f ms small  (ratio %.2f)\n", \
			x[9] * 1000, x[10] * 1000, x[9] / x[10]
	}'
}

echo "wijken: GM0001 with $nwijk wijken and $nbuurt buurten (big) against GM0002, one of $ngem" \
	"gemeenten without wijken (small); $nq quarters, 10 counts of 4 categories, $wrows rows," \
	"shuffled, and a revision of a tenth"
new=$(wijk "$jmon" "$dir/wijk.db")
cat "$dir/wijk.db.out"
wprint "$jmon" $new
# shuffled rows: every key is kept to find a repeated one (import_seen)
awk -v t="$(cat "$dir/wijk.db.itime")" 'BEGIN { split(t, a, " ")
	printf "  import peak:     %6.1f MiB (rows out of order: sorted on disk)\n", a[2] / 1024 }'
if [ -n "$baseline" ]; then
	old=$(wijk "$baseline" "$dir/wijk-baseline.db")
	cat "$dir/wijk-baseline.db.out"
	wprint "$baseline (BENCH_BASELINE)" $old
	awk -v n="$new" -v o="$old" -v nk="$nkeys" -v prog="$jmon" '
	function times(a, b) { return b > 0 ? sprintf("x%.1f", a / b) : "x?" }
	BEGIN {
		split(n, x, " "); split(o, y, " ")
		printf "wijken, %s against BENCH_BASELINE (ms, this / baseline = times as many):\n", prog
		printf "  first screen:      big %7.1f / %6.1f = %-7s small %6.1f / %6.1f = %s\n", \
			x[3] * 1000, y[3] * 1000, times(x[3], y[3]), x[4] * 1000, y[4] * 1000, times(x[4], y[4])
		kx = (x[5] - x[3]) / (4 * nk) * 1000; ky = (y[5] - y[3]) / (4 * nk) * 1000
		sx = (x[6] - x[4]) / (4 * nk) * 1000; sy = (y[6] - y[4]) / (4 * nk) * 1000
		printf "  per key j k [ ]:   big %7.2f / %6.2f = %-7s small %6.2f / %6.2f = %s\n", \
			kx, ky, times(kx, ky), sx, sy, times(sx, sy)
		kx = (x[7] - x[3]) / 20 * 1000; ky = (y[7] - y[3]) / 20 * 1000
		sx = (x[8] - x[4]) / 20 * 1000; sy = (y[8] - y[4]) / 20 * 1000
		printf "  per key Enter Esc: big %7.2f / %6.2f = %-7s small %6.2f / %6.2f = %s\n", \
			kx, ky, times(kx, ky), sx, sy, times(sx, sy)
		printf "  report csv:        big %7.1f / %6.1f = %-7s small %6.1f / %6.1f = %s\n", \
			x[9] * 1000, y[9] * 1000, times(x[9], y[9]), x[10] * 1000, y[10] * 1000, times(x[10], y[10])
	}'
fi

# The whole country at wijk level (BENCH_NATIONAL=0 skips it, =1m is small).
tools/bench-national.sh "$jmon" build/gen-national
