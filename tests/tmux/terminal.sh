# SPDX-License-Identifier: EUPL-1.2
# jmon in a real terminal (tmux): start, keys, resize, TERM variants, quit.
. "$TOP/tests/lib.sh"
unset LINES COLUMNS	# the size must come from the terminal, not the environment

if ! command -v tmux >/dev/null 2>&1; then
	not_ok "tmux is installed (make check installs it)"
	skip_exit
fi
empty_db "$T/leeg.db" "$FIX/screen.yaml"
start() {	# start TERM [ARGS...]: jmon in a fresh 100x30 session
	term=$1; shift
	tmux_session "env TERM=$term LC_ALL=C.UTF-8 $JMON $*; echo jmon-exited-\$?; sleep 30"
}

start screen --config "$FIX/screen.yaml" --db "$T/leeg.db"
wait_for "Testmonitor" "TERM=screen: the header shows the monitor title"
wait_for "[1 Cijfers]" "TERM=screen: the first chapter tab is active"
tm send-keys -t t Tab
wait_for "[2 Wachttijden]" "Tab moves to the next chapter"
tm send-keys -t t '?'
wait_for "Bewegen" "? opens the help"
tm send-keys -t t Escape
wait_for "Aanmeldwachttijd jeugd-ggz" "Esc goes back to the chapter"
tm resize-window -t t -x 50 -y 10
wait_for "terminal te klein" "a terminal below the minimum says so"
tm resize-window -t t -x 80 -y 24
wait_for "[2 Wachttijden]" "after growing back the chapter shows again"
tm send-keys -t t q
wait_for "jmon-exited-0" "q quits with status 0"

for term in vt100 linux; do
	start $term --config "$FIX/screen.yaml" --db "$T/leeg.db"
	wait_for "[1 Cijfers]" "TERM=$term: the chapter view shows"
	tm send-keys -t t q
	wait_for "jmon-exited-0" "TERM=$term: q quits"
done

# With data: drill down, walk the reds, mark one reviewed, resize, quit.
db="$T/monitor.db"
import_each "$FIX/browse/monitor.yaml" "$db" "$FIX"/browse/*.csv
start xterm-256color --db "$db" --config "$FIX/browse/monitor.yaml"
wait_for "beoordeeld 0/2 signalen" "with data: the header counts the signals"
tm send-keys -t t r
wait_for "▸Verwijzingen" "r puts the cursor on the first red indicator"
tm send-keys -t t Enter
wait_for "Status totaal: ■ rood, +37 > 30 t.o.v. 2019 Q4" "Enter shows the breakdown and the reason"
tm send-keys -t t Escape Space
wait_for "beoordeeld 1/2 signalen" "Space marks it reviewed"
tm resize-window -t t -x 64 -y 16
wait_for "Δ vorig  status" "at 64 columns the trend and norm columns give way"
tm send-keys -t t q
wait_for "jmon-exited-0" "q quits"

# A terminal that cannot place the cursor, or one terminfo does not know:
# a clear message and a non-zero status, never a garbled screen.
start dumb --db "$T/leeg.db" --config "$FIX/screen.yaml"
wait_for "TERM=dumb cannot place the cursor" "TERM=dumb: says the browser cannot draw there"
wait_for "jmon-exited-74" "TERM=dumb: exits 74"
start no-such-terminal --db "$T/leeg.db" --config "$FIX/screen.yaml"
wait_for "is not a known terminal type" "an unknown TERM is named"
