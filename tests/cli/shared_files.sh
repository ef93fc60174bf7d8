# SPDX-License-Identifier: EUPL-1.2
# Files a team can share (jmon(1), A TEAM ON ONE SERVER): a new database
# and its -wal and -shm have no bit for other users whatever the umask; a
# database or configuration every user may write is warned about, on the
# command line and on the browser's status line; a file the user may not
# read or write gets a message that names it and says what to do (77).
# The set-up with a group and its users is tests/cli/team.sh.
. "$TOP/tests/lib.sh"

CFG="$FIX/import/monitor.yaml"
LONG="$FIX/import/long.csv"
mode() { stat -c %a "$1"; }

# umask MASK, then the modes of the database, its -wal and its -shm
for case in 000:660 002:660 007:660 022:640 027:640 077:600; do
	mask=${case%%:*} want=${case#*:}
	db="$T/umask$mask.db"
	(umask "$mask" && "$JMON" import --config "$CFG" --db "$db" "$LONG" >/dev/null 2>&1)
	assert_eq "$(mode "$db") $(mode "$db-wal") $(mode "$db-shm")" "$want $want $want" \
		"under umask $mask a new database and its -wal and -shm are $want"
done

# An existing database keeps the mode its keeper gave it.
db="$T/kept.db"
"$JMON" import --config "$CFG" --db "$db" "$LONG" >/dev/null 2>&1
chmod 640 "$db"
(umask 000 && "$JMON" import --config "$CFG" --db "$db" "$FIX/import/long_revision.csv" >/dev/null 2>&1)
assert_eq "$(mode "$db")" 640 "a later import leaves the mode of an existing database alone"

# A database and a configuration every user may write: a warning on stderr
# that says what to do, and the command still does its work.
db="$T/open.db" cfg="$T/open.yaml"
cp "$CFG" "$cfg"
"$JMON" import --config "$cfg" --db "$db" "$LONG" >/dev/null 2>&1
chmod o+w "$db"
run "$JMON" report --config "$cfg" --db "$db" --period 2020Q1 --format csv
assert_status 0 "a report on a database every user may write still runs"
assert_grep "jmon: warning: $db is writable by every user: chmod o-w $db" "$T/stderr" \
	"a database every user may write is warned about"
chmod o-w "$db"
chmod o+w "$cfg"
run "$JMON" import --config "$cfg" --db "$db" "$FIX/import/long_revision.csv"
assert_status 0 "an import with a configuration every user may write still runs"
assert_stderr "a configuration every user may write is warned about, once" <<EOF
jmon: warning: $cfg is writable by every user: chmod o-w $cfg
EOF
run "$JMON" report --db "$db" --period 2020Q1 --format csv
assert_no_grep "warning" "$T/stderr" "the built-in configuration is no file to warn about"
printf ':dump status.txt\n' >"$T/script"
(cd "$T" && COLUMNS=240 JMON_SCRIPT="$T/script" "$JMON" --config "$cfg" --db "$db" --period 2020Q1) \
	>"$T/stdout" 2>"$T/stderr"
status=$?
assert_status 0 "the browser opens with a configuration every user may write"
assert_eq "$(tail -1 "$T/status.txt")" \
	"let op: iedere gebruiker mag $cfg schrijven: chmod o-w $cfg" \
	"the browser's status line gives the warning, in the browser's Dutch"
chmod o-w "$cfg"

# What the user may not read or write.  As root every file is readable and
# writable, so the checks run as nobody on files of root's; as anyone else,
# on files of their own without the permission.
if [ "$(id -u)" -eq 0 ]; then
	if ! command -v setpriv >/dev/null 2>&1; then
		ok "permission messages # SKIP no setpriv"
		skip_exit
	fi
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	dir=$(mktemp -d /tmp/jmon-perm.XXXXXX)
	chmod 755 "$dir"
	cp "$JMON" "$CFG" "$LONG" "$dir/"
	jmon="$dir/$(basename "$JMON")" cfg="$dir/monitor.yaml" long="$dir/long.csv"
	group=$(stat -c %G "$dir")
	write_hint="ask for membership of its group ($group), or open read-only by browsing"
	read_hint="ask for membership of its group ($group)"
	dir_hint=$write_hint
else
	as=
	dir="$T/perm"
	mkdir -p "$dir"
	jmon=$JMON cfg=$CFG long=$LONG
fi
db="$dir/monitor.db"
"$jmon" import --config "$cfg" --db "$db" "$long" >/dev/null 2>&1
chmod 644 "$db" "$db-wal" "$db-shm"
[ -z "$as" ] && chmod 444 "$db" && write_hint="it is yours but read-only (chmod u+w $db)"
before=$(cksum <"$db")
run $as "$jmon" import --config "$cfg" --db "$db" "$long"
assert_status 77 "importing into a database one may not write exits 77"
assert_stderr "... and says which file and what to do" <<EOF
jmon: cannot write $db: $write_hint
EOF

run $as "$jmon" report --config "$cfg" --db "$db" --period 2020Q1 --format csv
assert_status 0 "a database one may only read can still be reported on"

# No -wal yet, and a folder one may not write: it cannot be made.
rm -f "$db-wal" "$db-shm"
[ -z "$as" ] && chmod 644 "$db" && chmod 555 "$dir" &&
	dir_hint="it is yours but read-only (chmod u+w $dir)"
[ -n "$as" ] && chown 65534 "$db"
run $as "$jmon" import --config "$cfg" --db "$db" "$long"
assert_status 77 "no -wal and a folder one may not write: exit 77"
assert_stderr "... and the message names the folder" <<EOF
jmon: cannot write $dir: $dir_hint
EOF
chmod 755 "$dir"
[ "$before" = "$(cksum <"$db")" ] && ok "the refused imports changed nothing" ||
	not_ok "the refused imports changed nothing"

[ -n "$as" ] && chown 0 "$db"
chmod 600 "$db"
[ -z "$as" ] && chmod 000 "$db" && read_hint="it is yours but unreadable (chmod u+r $db)"
run $as "$jmon" report --config "$cfg" --db "$db" --period 2020Q1
assert_status 77 "a report on a database one may not read exits 77"
assert_stderr "... and says which file and what to do" <<EOF
jmon: cannot read $db: $read_hint
EOF
chmod 600 "$db"
if [ -n "$as" ]; then rm -rf "$dir"; fi
