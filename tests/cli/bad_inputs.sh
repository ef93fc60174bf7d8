# SPDX-License-Identifier: EUPL-1.2
# The bad-input catalogue (tests/bad/README): every delivery, configuration
# and key script in it is refused with exactly its expected messages and
# exit status, and the database is byte for byte as before.
# JMON_BLESS=1 writes the .err of an entry that has none (to be read
# before it is committed).
. "$TOP/tests/lib.sh"

BAD="$TOP/tests/bad"
CFG="$FIX/import/monitor.yaml"
DB="$T/monitor.db"
import_each "$CFG" "$DB" "$FIX/import/long.csv" "$FIX/import/regions.csv"
mkdir -p "$T/gen"
count=0

unchanged() {	# unchanged DESC: the database is as before the entry
	if cmp -s "$DB" "$T/before.db" && [ ! -s "$DB-wal" ]; then ok "$1"; else
		not_ok "$1: the database changed"; fi
}
# input KIND NAME EXT: the entry's input as a path relative to the folder
# to run in ($dir): the file of the catalogue, or what NAME.gen writes
input() {
	if [ -f "$BAD/$1/$2.gen" ]; then
		dir="$T/gen"
		sh "$BAD/$1/$2.gen" "$dir/$2.$3"
		file="$2.$3"
	else
		dir="$BAD/$1"
		file=$(cd "$dir" && ls "$2".* | grep -v '\.\(err\|args\|status\|gen\)$' | head -1)
	fi
}
# expect_err KIND NAME DESC: stderr is NAME.err, exactly
expect_err() {
	if [ ! -f "$BAD/$1/$2.err" ] && [ "${JMON_BLESS:-}" = 1 ]; then
		cp "$T/stderr" "$BAD/$1/$2.err"
	fi
	assert_file "$T/stderr" "$3" <"$BAD/$1/$2.err"
}
# names KIND: every entry of the kind, once
names() {
	(cd "$BAD/$1" && ls | grep -v '^README$' | sed 's/\.[^.]*$//' | sort -u)
}

for name in $(names import); do
	input import "$name" csv
	status_want=$(cat "$BAD/import/$name.status" 2>/dev/null || echo 65)
	args=$(cat "$BAD/import/$name.args" 2>/dev/null || true)
	cp "$DB" "$T/before.db"
	# shellcheck disable=SC2086 # the arguments of NAME.args are words
	(cd "$dir" && "$JMON" import --config "$CFG" --db "$DB" $args "$file") \
		>"$T/stdout" 2>"$T/stderr"
	status=$?
	assert_status "$status_want" "import/$name: exit status $status_want"
	expect_err import "$name" "import/$name: the messages"
	unchanged "import/$name: the database is byte for byte as before"
	rm -f "$T/gen/$file"
	count=$((count + 1))
done

for name in $(names config); do
	input config "$name" yaml
	status_want=$(cat "$BAD/config/$name.status" 2>/dev/null || echo 78)
	(cd "$dir" && "$JMON" check-config "$file") >"$T/stdout" 2>"$T/stderr"
	status=$?
	assert_status "$status_want" "config/$name: check-config exits $status_want"
	expect_err config "$name" "config/$name: the messages"
	cp "$DB" "$T/before.db"
	(cd "$dir" && "$JMON" import --config "$file" --db "$DB" "$FIX/import/long_revision.csv") \
		>"$T/stdout" 2>"$T/stderr"
	status=$?
	assert_status "$status_want" "config/$name: import with it exits $status_want"
	unchanged "config/$name: an import with it changes nothing"
	rm -f "$T/gen/$file"
	count=$((count + 1))
done

for name in $(names keys); do
	input keys "$name" keys
	cp "$DB" "$T/before.db"
	(cd "$dir" && JMON_SCRIPT="$file" "$JMON" --config "$CFG" --db "$DB") \
		>"$T/stdout" 2>"$T/stderr"
	status=$?
	assert_status 65 "keys/$name: the browser exits 65"
	expect_err keys "$name" "keys/$name: the message"
	unchanged "keys/$name: the database is as before"
	rm -f "$T/gen/$file"
	count=$((count + 1))
done

if [ "$count" -ge 60 ]; then ok "the catalogue has $count entries"; else
	not_ok "the catalogue has $count entries, fewer than 60"; fi
