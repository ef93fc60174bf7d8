# SPDX-License-Identifier: EUPL-1.2
# Output that cannot be written is an error with a message and exit 74,
# never a signal's death without a word, and never a delivery committed
# while its summary was lost: standard output on a full disk, a closed
# pipe (jmon report | head), a file size limit (ulimit -f).
. "$TOP/tests/lib.sh"

CFG="$FIX/import/monitor.yaml"
DB="$T/monitor.db"
import_each "$CFG" "$DB" "$FIX/import/regions.csv"
cp "$DB" "$T/before.db"
unchanged() {	# unchanged DESC: the database is byte for byte as before
	if cmp -s "$DB" "$T/before.db" && [ ! -s "$DB-wal" ]; then ok "$1"; else not_ok "$1"; fi
}

"$JMON" import --config "$CFG" --db "$DB" "$FIX/import/long.csv" >/dev/full 2>"$T/stderr"
status=$?
assert_status 74 "import with standard output on a full disk exits 74"
assert_grep "long.csv: writing standard output: No space left on device; nothing imported" \
	"$T/stderr" "and says the summary could not be written and nothing was imported"
unchanged "the delivery whose summary was lost is not committed"

with_limits closed - "$JMON" import --config "$CFG" --db "$DB" "$FIX/import/long.csv"
assert_status 74 "import into a closed pipe exits 74, not 141"
assert_grep "writing standard output: Broken pipe; nothing imported" "$T/stderr" \
	"and says the pipe was closed"
unchanged "nor is it committed into a closed pipe"

import_each "$CFG" "$DB" "$FIX/import/long.csv"
with_limits closed - "$JMON" report --config "$CFG" --db "$DB"
assert_status 74 "report into a closed pipe exits 74, not 141"
assert_grep "Broken pipe" "$T/stderr" "and says the pipe was closed"

# A delivery that the file size limit stops: 74 with what happened (with
# the 256 MiB page cache of an import, at its commit or before), the
# database as before.
awk 'BEGIN { print "region,period,indicator,category,value,flag"
	for (k = 0; k < 100; k++) for (g = 1; g <= 1000; g++)
		printf "GM%04d,%dQ%d,jeugdigen_maatwerk,,%d,\n", g, 1990 + int(k / 4), k % 4 + 1, g + k }' \
	>"$T/big.csv"
cp "$DB" "$T/before.db"
size=$(stat -c %s "$DB")
with_limits "$T/out" $((size + 65536)) "$JMON" import --config "$CFG" --db "$DB" "$T/big.csv"
assert_status 74 "import beyond the file size limit exits 74, not 153"
assert_grep "disk I/O error (File too large)" "$T/stderr" \
	"and says the database could not grow"
unchanged "the database is as before the limit stopped the import"

with_limits "$T/out" 0 "$JMON" report --config "$CFG" --db "$DB"
assert_status 74 "a report beyond the file size limit exits 74"
assert_grep "File too large" "$T/stderr" "and says why"

# Rows out of order past one run (256K) go to a temporary file in
# $TMPDIR: where there is none, 74 with the file, the directory and the
# system's reason, and nothing imported.
awk 'BEGIN { print "region,period,indicator,category,value,flag"
	for (k = 0; k < 300; k++) for (g = 1000; g >= 1; g--)
		printf "GM%04d,%dQ%d,jeugdigen_maatwerk,,%d,\n", g, 1900 + int(k / 4), k % 4 + 1, g + k }' \
	>"$T/unsorted.csv"
cp "$DB" "$T/before.db"
TMPDIR="$T/no-such-dir" run "$JMON" import --config "$CFG" --db "$DB" "$T/unsorted.csv"
assert_status 74 "rows out of order without a temporary directory: exit 74"
assert_grep "unsorted.csv: staging its rows out of order in $T/no-such-dir: No such file or directory" \
	"$T/stderr" "and says which file, where and why"
unchanged "and the database is as before"
