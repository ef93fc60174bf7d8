# SPDX-License-Identifier: EUPL-1.2
# The WAL stays bounded while others have the database open: after each
# import's commit jmon checkpoints and empties the WAL.  Only the last
# connection to close would do it otherwise, and with a browser open the
# importer is never the last.  A reader that keeps its snapshot does not
# make an import fail; the next import after it empties the WAL.  A
# writer waits for another writer (the busy timeout, 5 s), then says why it
# gave up.
. "$TOP/tests/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	ok "the WAL stays bounded # SKIP no sqlite3"
	skip_exit
fi
DB="$T/monitor.db" CFG="$T/monitor.yaml"
wal() { stat -c %s "$DB-wal"; }

{
	echo 'monitor: {title: "WAL", region: GM0001}'
	echo 'chapters:'
	echo '  - id: wal'
	echo '    label: "WAL"'
	echo '    indicators:'
	for i in 0 1 2 3 4; do
		echo "      - {id: indicator_$i, label: \"Indicator $i\", unit: aantal," \
			"categories: [{id: a, label: A}, {id: b, label: B}]}"
	done
} >"$CFG"
# delivery K: the same 6000 cells, every value different from delivery K-1
for k in 1 2 3 4 5 6 7 8; do
	awk -v k="$k" 'BEGIN {
		print "region,period,indicator,category,value,flag"
		split(",a,b", cats, ",")
		for (g = 1; g <= 20; g++)
			for (y = 2015; y < 2025; y++)
				for (q = 1; q <= 4; q++)
					for (i = 0; i < 5; i++)
						for (c = 1; c <= 3; c++)
							printf "GM%04d,%dQ%d,indicator_%d,%s,%d,\n", g, y, q,
								i, cats[c], (g * 7919 + y * 31 + q + i * 3 + c + k) % 1000
	}' >"$T/delivery$k.csv"
done

run "$JMON" import --config "$CFG" --db "$DB" "$T/delivery1.csv"
assert_status 0 "the first delivery imports"

# The reader: sqlite3 with the database open from a fifo, between queries
# in no transaction, as a browser between keys.
mkfifo "$T/fifo"
sqlite3 "$DB" <"$T/fifo" >"$T/reader.out" 2>&1 &
reader=$!
exec 3>"$T/fifo"
trap 'exec 3>&-; kill $reader 2>/dev/null' EXIT
ask() {		# ask SQL: the reader runs it; wait for its answer
	n=$(wc -l <"$T/reader.out")
	echo "$1" >&3
	for _ in $(seq 100); do
		[ "$(wc -l <"$T/reader.out")" -gt "$n" ] && return
		sleep 0.05
	done
}
ask "SELECT count(*) FROM delivery;"
assert_eq "$(tail -1 "$T/reader.out")" 1 "the reader has the database open"

for k in 2 3 4 5; do
	run "$JMON" import --config "$CFG" --db "$DB" "$T/delivery$k.csv"
	assert_status 0 "delivery $k imports with a reader open"
	assert_eq "$(wal)" 0 "after delivery $k the WAL is empty again"
	ask "SELECT count(*) FROM delivery;"
done
assert_eq "$(tail -1 "$T/reader.out")" 5 "the reader sees every delivery"

# A reader inside a transaction keeps its snapshot: the import still
# succeeds, and the WAL holds the delivery until the next import after it.
ask "BEGIN; SELECT count(*) FROM delivery;"
run "$JMON" import --config "$CFG" --db "$DB" "$T/delivery6.csv"
assert_status 0 "an import succeeds while a reader keeps an older snapshot"
[ "$(wal)" -gt 0 ] && ok "... and the WAL keeps what that reader may still need" ||
	not_ok "... and the WAL keeps what that reader may still need"
ask "COMMIT; SELECT count(*) FROM delivery;"
run "$JMON" import --config "$CFG" --db "$DB" "$T/delivery7.csv"
assert_status 0 "the next delivery imports"
assert_eq "$(wal)" 0 "... and empties the WAL again"

# Another writer: an import waits for it, and gives up after the wait
# ($JMON_WRITE_WAIT, 5 s here instead of ten minutes).
ask "BEGIN IMMEDIATE; SELECT 'writing';"
run env JMON_WRITE_WAIT=5 "$JMON" import --config "$CFG" --db "$DB" "$T/delivery8.csv"
assert_status 74 "an import that waited 5 s for another writer gives up"
assert_stderr "... and says why" <<EOF
jmon: $DB: another writer (an import?) kept the database for 5 s; try again when it is done
EOF
ask "COMMIT; SELECT 'committed';"
ask "BEGIN IMMEDIATE; SELECT 'writing';"
(sleep 1 && echo "COMMIT; SELECT 'committed';" >&3) &
committer=$!
run "$JMON" import --config "$CFG" --db "$DB" "$T/delivery8.csv"
assert_status 0 "an import waits for a writer that takes a second, then imports"
wait $committer
exec 3>&-
wait $reader
trap - EXIT
assert_eq "$(sqlite3 "$DB" 'SELECT count(*) FROM delivery')" 8 "every delivery is in the database"
