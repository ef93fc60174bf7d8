#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tools/bench-national.sh JMON GEN — the whole country at wijk level (make
# bench; a benchmark, not a test).
#
# GEN (build/gen-national, tools/gen-national.c) writes the national
# scenario for the default monitor: 342 gemeenten, 3 300 wijken, 14 000
# buurten (for the CBS figures), 40 quarters, years and reference dates,
# and a second delivery revising the last quarter: 22M cells.
# BENCH_NATIONAL=1m takes its first 8 gemeenten (1M cells), BENCH_NATIONAL=0
# skips all of it; BENCH_REUSE=1 keeps the database of the last run and its
# import figures (a change of the browser measured without the import).
# Against it, in the same run, a database of one gemeente
# and one wijk of the same monitor (10 000 cells).  Every line says the
# measured figure, the target and whether it is met:
#
#   import          jmon import of the first delivery against sqlite3
#                   .import of the same file into a bare table (and
#                   VisiData's batch load when vd is installed)
#   first screen    the browser to its first screen (JMON_SCRIPT, a dump)
#   per key         a 2 000-key script through every view, each key timed
#                   by the browser itself (JMON_KEY_TIMES): mean and worst
#   browse RSS      peak memory of that browser
#   bytes per move  what the browser writes to a pty (TERM=xterm, 80x24)
#                   per cursor move in the chapter view
#   report          jmon report of every gemeente for one period: one
#                   command with --regions of all of them
#
# The generated files stay under build/bench/ for the next run (about
# 1 GB; the database about 3 GB).
set -eu
jmon=${1:?usage: tools/bench-national.sh JMON GEN}
gen=${2:?usage: tools/bench-national.sh JMON GEN}
scale=${BENCH_NATIONAL:-full}
case $scale in
0) exit 0 ;;
1m) gargs="-g 8" ;;
full) gargs="" ;;
*) echo "bench-national: BENCH_NATIONAL is 0, 1m or full, not '$scale'" >&2; exit 64 ;;
esac
dir=build/bench/national-$scale
small=build/bench/national-small
mkdir -p "$dir" "$small"
period=2024Q4
region=GM0361

# generated again when the generator changed
if [ ! -f "$dir/delivery-2.csv" ] || [ "$gen" -nt "$dir/delivery-2.csv" ]; then
	echo "bench-national: writing the $scale scenario to $dir" >&2
	# shellcheck disable=SC2086 # gargs is a list of words
	"$gen" $gargs "$dir" >"$dir/gen.out"
	"$gen" -g 1 -w 1 -n "$small" >"$small/gen.out"
fi
cells=$(($(wc -l <"$dir/delivery-1.csv") + $(wc -l <"$dir/delivery-2.csv") - 2))
scells=$(($(wc -l <"$small/delivery-1.csv") + $(wc -l <"$small/delivery-2.csv") - 2))

# verdict VALUE OP TARGET: met or not met
verdict() {
	awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
		ok = op == "<=" ? v <= t : op == "<" ? v < t : 0
		print ok ? "met" : "NOT MET"
	}'
}
now() { date +%s.%N; }
measure() {
	out=$1
	shift
	/usr/bin/time -f '%e %M' -o "$out" "$@"
}

echo "national ($scale): $(cat "$dir/gen.out")"
echo "small: $(cat "$small/gen.out")"

# --- import ------------------------------------------------------------------
# BENCH_REUSE=1 keeps the national database of the last run and prints its
# import figures again (the browser's changes need no 5 minutes of import)
reuse=${BENCH_REUSE:-0}
[ -f "$dir/jmon.db" ] && [ -f "$dir/import.time" ] && [ -f "$dir/revision.time" ] || reuse=0
rm -f "$small"/jmon.db*
"$jmon" import --db "$small/jmon.db" "$small/regions.csv" "$small/delivery-1.csv" \
	"$small/delivery-2.csv" >/dev/null
if [ "$reuse" = 1 ]; then
	echo "bench-national: the database and import figures of the last run (BENCH_REUSE=1)" >&2
else
	rm -f "$dir"/jmon.db* "$dir"/bare.db*
	"$jmon" import --db "$dir/jmon.db" "$dir/regions.csv" >/dev/null
	measure "$dir/import.time" "$jmon" import --db "$dir/jmon.db" "$dir/delivery-1.csv" >"$dir/import.out"
	measure "$dir/bare.time" sqlite3 "$dir/bare.db" ".mode csv" ".import $dir/delivery-1.csv observation"
	rm -f "$dir"/bare.db*
	measure "$dir/revision.time" "$jmon" import --db "$dir/jmon.db" "$dir/delivery-2.csv" >>"$dir/import.out"
fi
if [ "$reuse" = 0 ] && command -v vd >/dev/null 2>&1; then
	measure "$dir/vd.time" vd --batch -f csv "$dir/delivery-1.csv" -o "$dir/vd.tsv" >/dev/null 2>&1 ||
		echo "0 0" >"$dir/vd.time"
	rm -f "$dir/vd.tsv"
fi
cat "$dir/import.out"
set -- $(cat "$dir/import.time") $(cat "$dir/bare.time")
ratio=$(awk -v a="$1" -v b="$3" 'BEGIN { printf "%.2f", a / b }')
mib=$(awk -v k="$2" 'BEGIN { printf "%.1f", k / 1024 }')
printf "  import:          %7.2f s jmon, %.2f s sqlite3 .import (peak %.1f MiB)\n" "$1" "$3" \
	"$(awk -v k="$4" 'BEGIN { print k / 1024 }')"
printf "    ratio          %7s      target <= 1.0    %s\n" "$ratio" "$(verdict "$ratio" "<=" 1.0)"
printf "    peak RSS       %7s MiB  target <= 64     %s\n" "$mib" "$(verdict "$mib" "<=" 64)"
if [ -f "$dir/vd.time" ]; then
	set -- $(cat "$dir/vd.time")
	printf "    vd --batch     %7.2f s (peak %.1f MiB)\n" "$1" "$(awk -v k="$2" 'BEGIN { print k / 1024 }')"
else
	echo "    vd --batch     (VisiData is not installed)"
fi
set -- $(cat "$dir/revision.time")
printf "  the revision:    %7.2f s, peak %.1f MiB (%s)\n" "$1" \
	"$(awk -v k="$2" 'BEGIN { print k / 1024 }')" "$(wc -l <"$dir/delivery-2.csv") rows"

# --- the browser -------------------------------------------------------------
printf ':dump /dev/null\n' >"$dir/first.keys"
# run DB SCRIPT TIMES: mean seconds of TIMES runs
run() {
	s=$(now)
	i=0
	while [ "$i" -lt "$3" ]; do
		JMON_SCRIPT="$2" "$jmon" --db "$1" --region $region >/dev/null
		i=$((i + 1))
	done
	e=$(now)
	awk -v s="$s" -v e="$e" -v n="$3" 'BEGIN { printf "%.2f", (e - s) / n * 1000 }'
}
run "$dir/jmon.db" "$dir/first.keys" 1 >/dev/null	# the page cache, as after any first use
big=$(run "$dir/jmon.db" "$dir/first.keys" 10)
little=$(run "$small/jmon.db" "$dir/first.keys" 10)
ratio=$(awk -v a="$big" -v b="$little" 'BEGIN { printf "%.2f", a / b }')
printf "  first screen:    %7s ms national, %s ms small\n" "$big" "$little"
printf "    national       %7s ms   target <= 30     %s\n" "$big" "$(verdict "$big" "<=" 30)"
printf "    ratio          %7s      target <= 1.3    %s\n" "$ratio" "$(verdict "$ratio" "<=" 1.3)"

# A cycle of 100 keys through every view, 20 times: the chapter view
# (rows, chapters, periods), the indicator view and a category's series,
# compare, the benchmark over every gemeente of Noord-Holland, revisions
# and a cell's history (v on a category), the period list, the region list
# down to the wijken and up.  No key writes.
peers=$(cat "$dir/peers.txt")
awk -v peers="$peers" 'BEGIN {
	n = split("j j j j j k k <Tab> j j j [ ] <Tab> j k <Tab> j <BackTab> 1 " \
		"j j j j j j j <Enter> j j [ ] <Enter> [ ] k <Esc> v j j <Esc> <Esc> " \
		"c j k <Esc> b j j j j k > < ] [ <Esc> " \
		"v j j j j k <Esc> p j j j k k <Esc> w j k <Enter> j j j k h k <Esc> " \
		"g G g j j k <PageDown> <PageUp> j 3 j k 1 g " \
		"j j <Enter> <Esc>", keys, " ")
	if (n != 100) { print "bench-national: the key cycle has " n " keys, not 100" > "/dev/stderr"; exit 1 }
	for (r = 0; r < 20; r++) {
		for (i = 1; i <= n; i++) {
			print keys[i]
			# the benchmark of the province, once it is open
			if (r == 0 && keys[i] == "b" && keys[i - 1] == "<Esc>")
				print ":peers " peers
		}
	}
}' >"$dir/keys.keys"
# keys DB OUT: the per-key times of the script into OUT, peak RSS (KiB) printed
keys() {
	JMON_KEY_TIMES="$2" JMON_SCRIPT="$dir/keys.keys" /usr/bin/time -f '%M' -o "$2.rss" \
		"$jmon" --db "$1" --region $region >/dev/null
	cat "$2.rss"
}
rss=$(keys "$dir/jmon.db" "$dir/keys.times")
srss=$(keys "$small/jmon.db" "$small/keys.times")
# summary FILE: count mean max and the worst key
summary() {
	awk '{ n++; s += $1; if ($1 > m) { m = $1; $1 = ""; w = $0 } }
		END { printf "%d %.3f %.1f%s\n", n, s / n, m, w }' "$1"
}
set -- $(summary "$dir/keys.times")
n=$1 mean=$2 max=$3
shift 3
worst=$*
set -- $(summary "$small/keys.times")
printf "  per key:         %d keys through every view; small: mean %s ms, worst %s ms\n" "$n" "$2" "$3"
printf "    mean           %7s ms   target <= 1      %s\n" "$mean" "$(verdict "$mean" "<=" 1)"
printf "    worst          %7s ms   target <= 50     %s (%s)\n" "$max" "$(verdict "$max" "<=" 50)" "$worst"
mib=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
printf "  browse RSS:      %7s MiB  target <= 16     %s (small: %.1f MiB)\n" "$mib" \
	"$(verdict "$mib" "<=" 16)" "$(awk -v k="$srss" 'BEGIN { print k / 1024 }')"

# Bytes to a terminal per cursor move: the chapter view under a pty at
# 80x24, TERM=xterm; after each key, what the browser writes until it is
# quiet.
bytes=$(JMON="$jmon" DB="$dir/jmon.db" REGION=$region python3 - <<'EOF'
import os, pty, select, struct, fcntl, termios, time
pid, fd = pty.fork()
if pid == 0:
    os.environ["TERM"] = "xterm"
    os.environ.pop("NO_COLOR", None)
    os.execvp(os.environ["JMON"], [os.environ["JMON"], "--db", os.environ["DB"],
                                    "--region", os.environ["REGION"]])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
def drain(quiet=0.3):
    got = 0
    while True:
        r, _, _ = select.select([fd], [], [], quiet)
        if not r:
            return got
        try:
            got += len(os.read(fd, 65536))
        except OSError:
            return got
drain(1.0)
total = moves = 0
for key in b"jjjjjjjjjjkkkkkkkkkk" * 2:
    os.write(fd, bytes([key]))
    total += drain()
    moves += 1
os.write(fd, b"Q")
drain()
os.waitpid(pid, 0)
print("%.0f" % (total / moves))
EOF
)
printf "  bytes per move:  %7s      target <= 200    %s (j and k in the chapter view, 80x24)\n" \
	"$bytes" "$(verdict "$bytes" "<=" 200)"

# --- jmon report of every gemeente -------------------------------------------
all=$(awk -F, '$3 == "gemeente" { printf "%s%s", n++ ? "," : "", $1 }' "$dir/regions.csv")
ngem=$(awk -F, '$3 == "gemeente"' "$dir/regions.csv" | wc -l)
measure "$dir/report.time" "$jmon" report --db "$dir/jmon.db" --period $period --regions "$all" \
	--format csv -o "$dir/report.csv"
set -- $(cat "$dir/report.time")
printf "  report:          %d gemeenten side by side, %s, one command (--regions), %s lines of CSV\n" \
	"$ngem" $period "$(wc -l <"$dir/report.csv")"
printf "    time           %7s s    target < 10      %s (peak %.1f MiB)\n" "$1" "$(verdict "$1" "<" 10)" \
	"$(awk -v k="$2" 'BEGIN { print k / 1024 }')"
echo "  (national: $cells cells; small: $scells cells)"
