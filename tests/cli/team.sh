# SPDX-License-Identifier: EUPL-1.2
# A team on one server, set up as README.md and jmon(1) (A TEAM ON ONE
# SERVER) say: a group, a folder for the database owned root:GROUP with
# mode 2770, a system-wide configuration naming the database in it, two
# analysts in the group and an outsider who is not.  The folder stands for
# /var/lib/jmon, the configuration for /etc/jmon/jmon.yaml (JMON_CONFIG).
# Needs root: it makes the group and the users, and removes them again.
. "$TOP/tests/lib.sh"

if [ "$(id -u)" -ne 0 ]; then
	ok "a team on one server # SKIP not root"
	skip_exit
fi
for tool in groupadd useradd userdel groupdel setpriv sqlite3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		ok "a team on one server # SKIP no $tool"
		skip_exit
	fi
done

# names of this checkout's own (from $T): two checkouts testing at once on
# one machine do not remove each other's users
sfx=$(printf %s "$T" | cksum | cut -c1-6)
G=jmt$sfx A=jmt${sfx}_a B=jmt${sfx}_b X=jmt${sfx}_x
S=
cleanup() {
	for u in $A $B $X; do
		getent passwd $u >/dev/null && userdel $u 2>/dev/null
		getent group $u >/dev/null && groupdel $u 2>/dev/null
	done
	getent group $G >/dev/null && groupdel $G 2>/dev/null
	[ -n "$S" ] && rm -rf "$S"
	return 0
}
cleanup	# what a run that was killed left behind
trap cleanup EXIT

# The server.  Its scratch root is reachable by every user, as / is.
S=$(mktemp -d /tmp/jmon-team.XXXXXX)
chmod 755 "$S"
LIB="$S/var/lib/jmon" BACKUPS="$S/var/backups/jmon" ETC="$S/etc/jmon"
DB="$LIB/monitor.db" CFG="$ETC/jmon.yaml"
mkdir -p "$S/bin" "$S/data" "$S/home" "$S/tmp" "$ETC" "$S/var/lib" "$S/var/backups"
chmod 1777 "$S/tmp"
cp "$JMON" "$S/bin/jmon"
jmon="$S/bin/jmon"
cp "$FIX/import/regions.csv" "$FIX/import/long.csv" "$FIX/import/long_revision.csv" "$S/data/"
chmod -R a+rX "$S/bin" "$S/data" "$S/etc" "$S/var"

# 1. the group; 2. the analysts in it, and someone who is not
groupadd $G
for u in $A $B $X; do
	useradd --no-create-home --user-group --shell /usr/sbin/nologin --home-dir "$S/home/$u" $u
	mkdir -m 700 "$S/home/$u"
	chown $u:$u "$S/home/$u"
done
usermod -a -G $G $A
usermod -a -G $G $B
# 3. the folder: the group's, setgid, so what is made in it gets the group
install -d -o root -g $G -m 2770 "$LIB"
install -d -o root -g $G -m 2750 "$BACKUPS"
# 4. the configuration every analyst reads and only root changes
sed "s|^monitor:|monitor:\\n  database: $DB|" "$FIX/import/monitor.yaml" >"$CFG"
chmod 644 "$CFG"
export JMON_CONFIG="$CFG"

# as_A, as_B, as_X: a prefix that runs a command as that user, with the
# user's groups, as after a login
as_A="env HOME=$S/home/$A USER=$A setpriv --reuid=$A --regid=$A --init-groups"
as_B="env HOME=$S/home/$B USER=$B setpriv --reuid=$B --regid=$B --init-groups"
as_X="env HOME=$S/home/$X USER=$X setpriv --reuid=$X --regid=$X --init-groups"
# screen_as_B NAME DESC ARGS... <<EOF: B runs jmon ARGS in B's home and
# dumps the first screen to NAME, which must be the text on stdin
screen_as_B() {
	_name=$1 _desc=$2
	shift 2
	saved_T=$T
	T="$S/home/$B"
	printf ':dump %s\n' "$_name" | keys
	expect "$_name"
	JMON="$jmon" JMON_AS="$as_B" screen "$_desc" "$@"
	T=$saved_T
}
modes() {	# the mode and group of the database, its -wal and its -shm
	for f in "$DB" "$DB-wal" "$DB-shm"; do
		if [ -e "$f" ]; then stat -c '%a %G' "$f"; else echo "no $f"; fi
	done | sort -u
}

# 5. analyst A imports first (umask 007, as advised) and so makes the database
mask=$(umask)
umask 007
run $as_A "$jmon" import "$S/data/regions.csv" "$S/data/long.csv"
umask "$mask"
[ -f "$DB" ] || status=1
assert_status 0 "analyst A imports into the team's folder"
assert_eq "$(modes)" "660 $G" "the database, its -wal and its -shm are 0660 and the team's"

# B browses: a report and a screen
run $as_B "$jmon" report --period 2020Q1 --format csv
assert_status 0 "analyst B reports from the shared database"
assert_grep "GM0361,2020Q1,cijfers,jeugdigen_maatwerk,,2660," "$T/stdout" "... with A's figures"
screen_as_B team.txt "analyst B browses the shared database" --period 2020Q1 <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 · levering 2     ■ 0  ▲ 0  ● 0  ○ 7  beoordeeld 0/7
 [1 Cijfers]  2 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Jeugdigen met een maatwe…       2.660      +60        ▁█          ○ grijs
 Afgegeven indicaties per…                                         ○ grijs
 Cliënttevredenheid                4,2                  ▄          ○ grijs
 Jongeren met jeugdzorg i…                                         ○ grijs
 Percentage jongeren met …                                         ○ grijs
 Bevolking naar leeftijd                                           ○ grijs













 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
 ○ Jeugdigen met een maatwerkvoorziening: geen regel
EOF

# B imports as well, under the umask most accounts have (022): the files
# keep their mode, the group keeps writing.
umask 022
run $as_B "$jmon" import "$S/data/long_revision.csv"
umask "$mask"
assert_status 0 "analyst B imports into the shared database"
assert_eq "$(modes)" "660 $G" "... and the files stay 0660 and the team's"

# The outsider reads nothing.
run $as_X "$jmon" report --period 2020Q1
assert_status 77 "the outsider's report exits 77"
assert_stderr "... with a message that says what to do" <<EOF
jmon: cannot read $DB: ask for membership of its group ($G)
EOF
run $as_X "$jmon" import "$S/data/long.csv"
assert_status 77 "the outsider's import exits 77"
assert_stderr "... with a message that says what to do" <<EOF
jmon: cannot write $DB: ask for membership of its group ($G), or open read-only by browsing
EOF
run $as_X sqlite3 "$DB" "SELECT count(*) FROM observation"
[ "$status" -ne 0 ] && [ ! -s "$T/stdout" ] && ok "the outsider's sqlite3 cannot open the database" ||
	not_ok "the outsider's sqlite3 cannot open the database: status $status, $(cat "$T/stdout")"

# A configuration every user may write is warned about.
chmod o+w "$CFG"
run $as_B "$jmon" report --period 2020Q1 --format csv
assert_status 0 "a report with a configuration every user may write still runs"
assert_stderr "... and warns" <<EOF
jmon: warning: $CFG is writable by every user: chmod o-w $CFG
EOF
chmod o-w "$CFG"

# B's own configuration, with fewer indicators, used for browsing changes
# nothing in the shared database.
cat >"$S/home/$B/mine.yaml" <<EOF
monitor:
  database: $DB
  title: "Mijn monitor"
  region: GM0361
chapters:
  - id: cijfers
    label: "Cijfers"
    indicators:
      - id: jeugdigen_maatwerk
        label: "Jeugdigen met een maatwerkvoorziening"
        unit: aantal
        counts: true
EOF
chown $B "$S/home/$B/mine.yaml"
# sqlite3 read-only: a read-write sqlite3 that closes last removes the
# -wal and -shm (jmon keeps them, see jmon(1)).
tables() { sqlite3 -readonly "$DB" "SELECT * FROM indicator; SELECT * FROM category"; }
before=$(tables)
run $as_B "$jmon" report --config "$S/home/$B/mine.yaml" --period 2020Q1 --format csv
assert_status 0 "B reports with a configuration of their own"
screen_as_B mine.txt "B browses with a configuration of their own, which is on the screen" \
	--config mine.yaml --period 2020Q1 <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 · levering 3     ■ 0  ▲ 0  ● 0  ○ 1  beoordeeld 0/1
 [1 Cijfers]
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Jeugdigen met een maatwe…       2.675      +75        ▁█          ○ grijs     *


















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
 ○ Jeugdigen met een maatwerkvoorziening: geen regel
EOF
assert_eq "$(tables)" "$before" \
	"B's own configuration, used for browsing, leaves the shared indicators and categories as they were"

# A backup made by A: B may read it, the outsider may not, also in a
# folder every user may enter.
run $as_A "$jmon" backup "$S/tmp/monitor-a.db"
assert_status 0 "analyst A makes a backup"
assert_eq "$(stat -c '%a %G' "$S/tmp/monitor-a.db")" "660 $G" "the backup is 0660 and the team's"
run $as_B sqlite3 "$S/tmp/monitor-a.db" "SELECT count(*) FROM delivery"
assert_eq "$status $(cat "$T/stdout")" "0 3" "analyst B reads A's backup, with every delivery"
run $as_X sqlite3 "$S/tmp/monitor-a.db" "SELECT count(*) FROM delivery"
[ "$status" -ne 0 ] && [ ! -s "$T/stdout" ] && ok "the outsider cannot read A's backup" ||
	not_ok "the outsider cannot read A's backup: status $status, $(cat "$T/stdout")"
run $as_X "$jmon" report --db "$S/tmp/monitor-a.db" --period 2020Q1
assert_status 77 "... and jmon says why"
# the cron line of README.md, as root
day=$(date +%F)
run "$jmon" backup "$BACKUPS/monitor-$day.db"
assert_status 0 "the nightly backup runs"
assert_eq "$(stat -c '%a %G' "$BACKUPS/monitor-$day.db")" "660 $G" "... and is the team's too"
run $as_B sqlite3 "$BACKUPS/monitor-$day.db" "SELECT count(*) FROM delivery"
assert_eq "$status $(cat "$T/stdout")" "0 3" "analyst B reads the nightly backup"

# A long import by A; meanwhile B writes a review (sqlite3, waiting as
# long as it takes) and imports an explanation (jmon: the busy timeout).
awk 'BEGIN {
	print "region,period,indicator,category,value,flag"
	split(",huisarts,gemeente", cats, ",")
	n = 0
	for (g = 1; n < 300000; g++)
		for (y = 2000; y < 2025 && n < 300000; y++)
			for (q = 1; q <= 4 && n < 300000; q++)
				for (c = 1; c <= 3 && n < 300000; c++) {
					n++
					printf "GM%04d,%dQ%d,verwijzingen,%s,%d,\n", g, y, q, cats[c], n % 1000
				}
}' >"$S/data/big.csv"
cat >"$S/data/explanation.csv" <<'EOF'
region,period,indicator,category,status,reason,text
GM0361,2020Q1,jeugdigen_maatwerk,,,,Toelichting van analist B
EOF
chmod 644 "$S/data/big.csv" "$S/data/explanation.csv"
(umask 007 && $as_A "$jmon" import "$S/data/big.csv" >"$T/big.out" 2>&1; echo $? >"$T/big.status") &
importer=$!
locked() { ! sqlite3 "$DB" "BEGIN IMMEDIATE; ROLLBACK" >/dev/null 2>&1; }
# the import's transaction: the write lock held over two looks, not the
# moment the configuration sync takes
for _ in $(seq 200); do
	locked && sleep 0.1 && locked && break
	sleep 0.02
done
[ -s "$T/big.status" ] && not_ok "the long import was still running when B wrote" ||
	ok "the long import was still running when B wrote"
$as_B sqlite3 -cmd ".timeout 60000" "$DB" \
	"INSERT INTO review (region, period, indicator, reviewed, author, at)
	 VALUES ('GM0361', '2020Q1', 'tevredenheid', 1, '$B', '2020-04-15T10:00:00Z');
	 SELECT count(*) FROM delivery WHERE source = 'big.csv'" >"$T/review.out" 2>&1 &
writer=$!
$as_B "$jmon" import "$S/data/explanation.csv" >"$T/explain.out" 2>&1 &
explainer=$!
wait $writer
writer_status=$?
wait $explainer
explainer_status=$?
wait $importer
assert_eq "$(cat "$T/big.status")" 0 "A's long import succeeds"
assert_grep "300000 rows" "$T/big.out" "... with all its rows"
assert_eq "$writer_status $(cat "$T/review.out")" "0 1" \
	"B's review waits for the import, then is written (it sees the import's delivery)"
assert_eq "$explainer_status" 0 "B's jmon import waits for the long import (busy timeout) and succeeds"
[ "$explainer_status" -ne 0 ] && sed 's/^/#   /' "$T/explain.out"
assert_eq "$(sqlite3 -readonly "$DB" "SELECT author FROM review WHERE indicator = 'tevredenheid';
	SELECT text FROM annotation WHERE indicator = 'jeugdigen_maatwerk'")" \
	"$B
Toelichting van analist B" "both of B's writes are in the database"
# B's sqlite3 may have closed last and removed the -wal and -shm: a
# browser makes them again, with the database's mode.
run $as_B "$jmon" report --period 2020Q1 --format csv
assert_status 0 "B reports after it all"
assert_eq "$(modes)" "660 $G" "... and all the files are still 0660 and the team's"
