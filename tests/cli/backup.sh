# SPDX-License-Identifier: EUPL-1.2
# jmon backup FILE: one file with everything committed, also what still
# sits in the WAL; never over an existing file (73); the database's mode
# less every bit for other users; the usage errors.
. "$TOP/tests/lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	ok "jmon backup # SKIP no sqlite3"
	skip_exit
fi
CFG="$FIX/import/monitor.yaml"
DB="$T/monitor.db"
mode() { stat -c %a "$1"; }

import_each "$CFG" "$DB" "$FIX/import/regions.csv" "$FIX/import/long.csv"

# A reader inside a transaction keeps the WAL from being checkpointed;
# then a review is written beside it, so the review is in the WAL only.
mkfifo "$T/fifo"
sqlite3 "$DB" <"$T/fifo" >"$T/reader.out" 2>&1 &
reader=$!
exec 3>"$T/fifo"
trap 'exec 3>&-; kill $reader 2>/dev/null' EXIT
echo "BEGIN; SELECT count(*) FROM review;" >&3
for _ in $(seq 100); do [ -s "$T/reader.out" ] && break; sleep 0.05; done
assert_eq "$(cat "$T/reader.out")" 0 "a reader holds a snapshot without the review"
sqlite3 "$DB" "INSERT INTO review (region, period, indicator, reviewed, author, at)
	VALUES ('GM0361', '2020Q1', 'jeugdigen_maatwerk', 1, 'analist', '2020-04-15T10:00:00Z');
	INSERT INTO annotation (region, period, indicator, text, author, at)
	VALUES ('GM0361', '2020Q1', 'jeugdigen_maatwerk', 'Stijging door instroom', 'analist',
		'2020-04-15T10:00:00Z')"
[ "$(stat -c %s "$DB-wal")" -gt 0 ] && ok "the review sits in the WAL" ||
	not_ok "the review sits in the WAL"
# read the database file alone, as if the WAL were not there
assert_eq "$(sqlite3 "file:$DB?immutable=1" 'SELECT count(*) FROM review')" 0 \
	"... and not in the database file"

chmod 640 "$DB"
run "$JMON" backup --config "$CFG" --db "$DB" "$T/copy.db"
assert_status 0 "a backup is written while a reader keeps the WAL"
if [ -s "$T/stdout" ] || [ -s "$T/stderr" ]; then not_ok "a backup is silent"; else
	ok "a backup is silent"; fi
exec 3>&-
wait $reader
trap - EXIT
assert_eq "$(sqlite3 "file:$T/copy.db?immutable=1" 'SELECT indicator, author FROM review;
	SELECT text FROM annotation; SELECT count(*) FROM delivery')" \
	"jeugdigen_maatwerk|analist
Stijging door instroom
2" "the copy holds the review and the explanation from the WAL, and every delivery"
if [ -e "$T/copy.db-wal" ] || [ -e "$T/copy.db-journal" ]; then
	not_ok "the copy is one file"
else
	ok "the copy is one file"
fi
assert_eq "$(sqlite3 "$T/copy.db" 'PRAGMA journal_mode; PRAGMA integrity_check')" "delete
ok" "the copy is a whole database, not one that needs a WAL"
assert_eq "$(mode "$T/copy.db")" 640 "the copy has the database's mode"
assert_eq "$(stat -c %g "$T/copy.db")" "$(stat -c %g "$DB")" "... and its group"
run "$JMON" report --config "$CFG" --db "$DB" --period 2020Q1 --format json
mv "$T/stdout" "$T/report.json"
run "$JMON" report --config "$CFG" --db "$T/copy.db" --period 2020Q1 --format json
assert_status 0 "jmon reads the copy"
assert_file "$T/stdout" "... and reports from it what it reports from the database" <"$T/report.json"

# Never over an existing file.
cp "$T/copy.db" "$T/before.db"
echo "not a database" >"$T/other"
run "$JMON" backup --config "$CFG" --db "$DB" "$T/other"
assert_status 73 "a backup onto an existing file exits 73"
assert_stderr "... and says so" <<EOF
jmon: $T/other exists: a backup never replaces a file; name a new one
EOF
assert_eq "$(cat "$T/other")" "not a database" "... and leaves the file as it was"
run "$JMON" backup --config "$CFG" --db "$DB" "$T/copy.db"
assert_status 73 "a backup onto an earlier backup exits 73 too"
cmp -s "$T/copy.db" "$T/before.db" && ok "... and leaves the earlier backup as it was" ||
	not_ok "... and leaves the earlier backup as it was"

# Never a bit for other users, whatever the database's mode or the umask.
chmod 666 "$DB"
(umask 000 && "$JMON" backup --config "$CFG" --db "$DB" "$T/open.db" 2>"$T/stderr")
assert_eq "$(mode "$T/open.db")" 660 "a database every user may write gives a copy only the group may"
assert_grep "jmon: warning: $DB is writable by every user: chmod o-w $DB" "$T/stderr" \
	"... and a warning"
chmod 600 "$DB"
(umask 077 && "$JMON" backup --config "$CFG" --db "$DB" "$T/private.db")
assert_eq "$(mode "$T/private.db")" 600 "a private database gives a private copy"
chmod 660 "$DB"
(umask 077 && "$JMON" backup --config "$CFG" --db "$DB" "$T/group.db")
assert_eq "$(mode "$T/group.db")" 660 "the umask does not take the group's bits from the copy"

run "$JMON" backup --config "$CFG" --db "$DB" "$T/nofolder/copy.db"
assert_status 73 "a copy in a folder that is not there exits 73"
assert_stderr "... and says why" <<EOF
jmon: cannot create $T/nofolder/copy.db: No such file or directory
EOF
run "$JMON" backup --config "$CFG" --db "$T/missing.db" "$T/x.db"
assert_status 66 "a backup of a database that is not there exits 66"
[ -e "$T/x.db" ] && not_ok "... and writes no file" || ok "... and writes no file"
run "$JMON" backup --config "$CFG" --db "$DB"
assert_status 64 "a backup without FILE is a usage error"
assert_grep "jmon: backup: no FILE to write the copy to (jmon backup FILE)" "$T/stderr" \
	"... that says what is missing"
run "$JMON" backup --config "$CFG" --db "$DB" "$T/a.db" "$T/b.db"
assert_status 64 "a backup with two FILEs is a usage error"
[ -e "$T/a.db" ] || [ -e "$T/b.db" ] && not_ok "... and writes neither" ||
	ok "... and writes neither"
