# SPDX-License-Identifier: EUPL-1.2
# JMON_KEY_TIMES: the browser writes a line per key or command it handled,
# the milliseconds to the screen after it and the key's name (make bench
# reads them; the numbers themselves are not asserted: speed is the
# benchmark's, not a test's).
. "$TOP/tests/lib.sh"
cfg="$FIX/screen.yaml"
empty_db "$T/leeg.db" "$cfg"

keys <<'EOF2'
j
<Tab>
<Enter>
:chapter wachttijden
:dump end.txt
EOF2
JMON_KEY_TIMES="$T/times" screen "a script with JMON_KEY_TIMES" --config "$cfg" --db leeg.db
sed 's/^[0-9][0-9]*\.[0-9][0-9][0-9] /MS /' "$T/times" >"$T/names"
assert_file "$T/names" "a line per key and command, in order, each with its milliseconds" <<'EOF2'
MS j
MS Tab
MS Enter
MS :chapter wachttijden
MS :dump end.txt
EOF2
rm -f "$T/times"
unset JMON_KEY_TIMES
screen "a script without JMON_KEY_TIMES" --config "$cfg" --db leeg.db
[ ! -e "$T/times" ] && ok "without JMON_KEY_TIMES no times are written" ||
	not_ok "without JMON_KEY_TIMES no times are written"
