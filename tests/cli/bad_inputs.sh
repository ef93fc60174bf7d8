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

# in_dir KIND NAME WHAT STATUS CMD...: CMD in the entry's folder, its exit
# status STATUS, and the database as before it
in_dir() {
	kind=$1 entry=$2 what=$3 want=$4
	shift 4
	cp "$DB" "$T/before.db"
	(cd "$dir" && "$@") >"$T/stdout" 2>"$T/stderr"
	status=$?
	assert_status "$want" "$kind/$entry: $what exits $want"
	unchanged "$kind/$entry: the database is byte for byte as before $what"
}
# status_of KIND NAME DEFAULT: the entry's exit status
status_of() { cat "$BAD/$1/$2.status" 2>/dev/null || echo "$3"; }

# entry KIND NAME EXT: one entry of the catalogue, as its kind is run
entry() {
	input "$1" "$2" "$3"
	case $1 in
	import)
		args=$(cat "$BAD/import/$2.args" 2>/dev/null || true)
		# shellcheck disable=SC2086 # the arguments of NAME.args are words
		in_dir import "$2" "jmon import" "$(status_of import "$2" 65)" \
			"$JMON" import --config "$CFG" --db "$DB" $args "$file" ;;
	config)
		in_dir config "$2" "check-config" "$(status_of config "$2" 78)" \
			"$JMON" check-config "$file" ;;
	keys)
		in_dir keys "$2" "the browser" "$(status_of keys "$2" 65)" \
			env JMON_SCRIPT="$file" "$JMON" --config "$CFG" --db "$DB" ;;
	esac
	expect_err "$1" "$2" "$1/$2: the messages"
	# a configuration also keeps an import from writing a thing
	[ "$1" = config ] && in_dir config "$2" "an import with it" "$(status_of config "$2" 78)" \
		"$JMON" import --config "$file" --db "$DB" "$FIX/import/long_revision.csv"
	rm -f "$T/gen/$file"
	count=$((count + 1))
}
for kind_ext in import:csv config:yaml keys:keys; do
	for name in $(names "${kind_ext%:*}"); do
		entry "${kind_ext%:*}" "$name" "${kind_ext#*:}"
	done
done

if [ "$count" -ge 60 ]; then ok "the catalogue has $count entries"; else
	not_ok "the catalogue has $count entries, fewer than 60"; fi
