#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# tools/fuzz.sh SECONDS TARGET... — run each libFuzzer target of make fuzz
# for SECONDS, one after the other, at the lowest priority (nice 19).
#
# Each target starts from its seed corpus tests/fuzz/corpus/TARGET (read,
# never written) and keeps what it finds in build/fuzz/corpus/TARGET; a
# crash is written to build/fuzz/crashes/TARGET-*.  At the end one line per
# target: executions, coverage (edges), corpus size, crashes.  A crash
# input belongs in tests/fuzz/corpus/TARGET (and, when it is a bad input a
# user could meet, in tests/bad/) once fixed.
set -u
secs=${1:?usage: tools/fuzz.sh SECONDS TARGET...}
shift
mkdir -p build/fuzz/crashes
summary=build/fuzz/summary.txt
: >"$summary"
for t in "$@"; do
	mkdir -p "build/fuzz/corpus/$t" "tests/fuzz/corpus/$t"
	log=build/fuzz/$t.log
	echo "fuzz: $t for $secs s (log $log)" >&2
	nice -n 19 "build/fuzz/$t" -max_total_time="$secs" -print_final_stats=1 \
		-timeout=10 -rss_limit_mb=1024 -artifact_prefix="build/fuzz/crashes/$t-" \
		"build/fuzz/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	crashes=$(ls build/fuzz/crashes/ 2>/dev/null | grep -c "^$t-")
	printf '%-10s %10s execs  %6s edges  %5s inputs  %s crashes\n' "$t" "${execs:-?}" \
		"${cov:-?}" "$(ls "build/fuzz/corpus/$t" | wc -l)" "$crashes" | tee -a "$summary"
done
