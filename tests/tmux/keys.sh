# SPDX-License-Identifier: EUPL-1.2
# Keys from a terminal whose TERM does not match it: PuTTY sends the VT220
# sequences ("Esc [ 1 ~" for Home, "Esc [ 1 1 ~" for F1) whatever TERM
# says, xterm its own ("Esc O H"), the Linux console "Esc [ [ A" for F1.
# Each is one key: Home, End, F1 and Delete do what they mean, an unknown
# one says so, and none of them reaches jmon byte by byte ("[" would step
# the period back, a digit open another chapter).
. "$TOP/tests/lib.sh"
unset LINES COLUMNS

if ! command -v tmux >/dev/null 2>&1; then
	not_ok "tmux is installed (make check installs it)"
	skip_exit
fi
CFG="$FIX/browse/monitor.yaml"
DB="$T/keys.db"
import_each "$CFG" "$DB" "$FIX"/browse/*.csv

# seq NAME BYTES...: send an escape sequence as a terminal does, in one go
seq() { name=$1; shift; tm send-keys -t t -H "$@"; }
# still: the period and the chapter are what they were
still() {
	tm capture-pane -p -t t >"$T/pane"
	if grep -qF "2020 Q1" "$T/pane" && grep -qF "[1 Cijfers]" "$T/pane" &&
	   ! grep -qF "2019 Q4 ·" "$T/pane"; then
		ok "$1: the period and the chapter are unchanged"
	else
		not_ok "$1: the period or the chapter changed"
		sed 's/^/#   /' "$T/pane"
	fi
}

for term in xterm xterm-256color screen tmux-256color vt100 linux; do
	tmux_session "env TERM=$term LC_ALL=C.UTF-8 $JMON --db $DB --config $CFG; echo jmon-exited-\$?; sleep 30"
	wait_for "[1 Cijfers]" "TERM=$term: jmon starts"
	tm send-keys -t t Down Down
	wait_for "▸Verwijzingen" "TERM=$term: on the third row"

	seq Home 1b 5b 31 7e			# PuTTY's Home: Esc [ 1 ~
	wait_for "▸Inwoners 0-17 jaar" "TERM=$term: PuTTY's Home goes to the first row"
	still "TERM=$term: PuTTY's Home"
	seq End 1b 5b 34 7e			# PuTTY's End: Esc [ 4 ~
	wait_for "▸Cliënttevredenheid" "TERM=$term: PuTTY's End goes to the last row"
	still "TERM=$term: PuTTY's End"
	seq Home 1b 4f 48			# xterm's Home: Esc O H
	wait_for "▸Inwoners 0-17 jaar" "TERM=$term: xterm's Home"
	seq End 1b 4f 46			# xterm's End: Esc O F
	wait_for "▸Cliënttevredenheid" "TERM=$term: xterm's End"
	still "TERM=$term: xterm's Home and End"

	seq Delete 1b 5b 33 7e			# Delete: Esc [ 3 ~
	wait_for "toets Del doet niets" "TERM=$term: Delete is one key, that does nothing here"
	still "TERM=$term: Delete"

	seq F1 1b 5b 31 31 7e			# PuTTY's F1: Esc [ 1 1 ~
	wait_for "Bewegen" "TERM=$term: PuTTY's F1 opens the help"
	tm send-keys -t t q
	wait_for "▸Cliënttevredenheid" "TERM=$term: q closes the help"
	seq F1 1b 4f 50				# xterm's F1: Esc O P
	wait_for "Bewegen" "TERM=$term: xterm's F1 opens the help"
	tm send-keys -t t q
	seq F1 1b 5b 5b 41			# the Linux console's F1: Esc [ [ A
	wait_for "Bewegen" "TERM=$term: the Linux console's F1 opens the help"
	tm send-keys -t t q
	wait_for "▸Cliënttevredenheid" "TERM=$term: back in the chapter view"
	still "TERM=$term: F1"

	seq F12 1b 5b 32 34 7e			# F12, which jmon does not use: Esc [ 2 4 ~
	wait_for "onbekende toets" "TERM=$term: an unknown sequence is one key, and said"
	still "TERM=$term: an unknown sequence"

	tm send-keys -t t Q
	wait_for "jmon-exited-0" "TERM=$term: Q quits"
done
