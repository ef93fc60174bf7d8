# SPDX-License-Identifier: EUPL-1.2
# The explanation editor in a real terminal (tmux, a server of the test's
# own): Ctrl-C is a key that asks and never ends jmon, keys typed while the
# screen is too small do nothing, and what the editor holds when the
# terminal is lost (the session killed: SIGHUP), when jmon is told to end
# (SIGTERM) or when SIGHUP is ignored and the reads fail, is kept as a
# draft that the next `a` on the same figure opens with.
. "$TOP/tests/lib.sh"
unset LINES COLUMNS	# the size must come from the terminal, not the environment

if ! command -v tmux >/dev/null 2>&1; then
	not_ok "tmux is installed (make check installs it)"
	skip_exit
fi
cfg="$FIX/browse/monitor.yaml"
db="$T/monitor.db"
import_each "$cfg" "$db" "$FIX"/browse/*.csv
state="$T/state"
draft="$state/jmon/drafts/GM0361.2020Q1.verwijzingen.txt"

# jmon [SHELL-PREFIX]: jmon itself in a fresh session (exec: the pane's
# process, which the terminal's hangup reaches), its pid in $T/pid
jmon() {
	rm -f "$T/pid"
	tmux_session "${1:-} echo \$\$ >$T/pid; exec env TERM=xterm-256color LC_ALL=C.UTF-8 \
XDG_STATE_HOME=$state $JMON --db $db --config $cfg"
	wait_for "beoordeeld 0/2 signalen" "${1:+$1 }jmon starts"
}
# gone DESC: jmon's process has ended (5 s at most)
gone() {
	i=0
	while kill -0 "$(cat "$T/pid")" 2>/dev/null && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	kill -0 "$(cat "$T/pid")" 2>/dev/null && not_ok "$1" || ok "$1"
}
# editor TEXT: open the explanation of Verwijzingen and type TEXT
editor() {
	tm send-keys -t t j j a
	wait_for "Toelichting Verwijzingen, 2020 Q1" "a opens the editor"
	tm send-keys -t t -l "$1"
	wait_for "$1" "the text is typed"
}

# Ctrl-C: the question, n goes on with the text, j throws it away; in the
# chapter view it is a key like any other.  jmon never ends.
jmon
editor "Wachtlijst bij de huisarts"
tm send-keys -t t C-c
wait_for "Wijzigingen weggooien? (j/n)" "Ctrl-C with changed text asks"
tm send-keys -t t n
wait_for "Verwijzingen: +37 > 30" "n answers the question"
assert_grep " Wachtlijst bij de huisarts" "$T/pane" "n keeps the text"
tm send-keys -t t C-c
wait_for "Wijzigingen weggooien? (j/n)" "Ctrl-C asks again"
tm send-keys -t t j
wait_for "toelichting niet gewijzigd" "j throws the text away"
tm send-keys -t t C-c
wait_for "toets Ctrl-C doet niets" "Ctrl-C in the chapter view does not end jmon"
kill -0 "$(cat "$T/pid")" 2>/dev/null && ok "jmon still runs" || not_ok "jmon still runs"

# Too small while editing: what is typed blind does nothing, Ctrl-X, Esc
# and Q included; grown back, the editor shows the same text.
tm send-keys -t t a
wait_for "Toelichting Verwijzingen, 2020 Q1" "the editor opens again"
tm send-keys -t t -l "Tekst"
wait_for " Tekst" "text typed"
tm resize-window -t t -x 50 -y 10
wait_for "terminal te klein" "too small: says so in the editor"
tm send-keys -t t x y z Enter C-x Escape Q q
sleep 0.3
tm resize-window -t t -x 100 -y 30
wait_for "Ctrl-X: opslaan" "grown back: the editor is there again"
assert_grep " Tekst" "$T/pane" "with its text"
assert_no_grep "Tekstxyz" "$T/pane" "and nothing typed blind"
tm send-keys -t t Escape j q
gone "q quits"
[ ! -e "$draft" ] && ok "no draft after text thrown away" || not_ok "no draft after text thrown away"

# The terminal is lost: the session killed while the editor holds text.
jmon
editor "Lang wachten door personeelstekort."
tm send-keys -t t Enter
tm send-keys -t t -l "Tweede regel."
wait_for " Tweede regel." "a second line"
tm kill-session -t t
gone "a lost terminal ends jmon"
printf 'Lang wachten door personeelstekort.\nTweede regel.' >"$T/want"
if cmp -s "$T/want" "$draft"; then ok "the draft holds the text"; else
	not_ok "the draft holds the text"
	ls -lR "$state" 2>&1 | sed 's/^/#   /'
fi
assert_eq "$(stat -c %a "$draft" 2>/dev/null)" 600 "the draft is the user's alone (0600)"
assert_eq "$(stat -c %a "$state/jmon/drafts")" 700 "so is its folder (0700)"
assert_eq "$(stat -c %a "$state/jmon")" 700 "and the folder above (0700)"

# Started again, `a` on the same figure opens with the draft; saving
# stores it and the draft goes.
jmon
tm send-keys -t t j j a
wait_for "concept van " "the editor says a draft is restored"
assert_grep " Lang wachten door personeelstekort." "$T/pane" "the draft's first line is back"
assert_grep " Tweede regel." "$T/pane" "and its second"
tm send-keys -t t C-x
wait_for "toelichting opgeslagen" "Ctrl-X saves it"
[ ! -e "$draft" ] && ok "saving removes the draft" || not_ok "saving removes the draft"
run "$JMON" report --db "$db" --config "$cfg" --format md
assert_grep "Tweede regel." "$T/stdout" "the report has the text"

# Told to end (SIGTERM), and a lost terminal while SIGHUP is ignored
# (nohup): the reads fail.  Both keep the draft.
jmon
editor "Na SIGTERM."
kill -TERM "$(cat "$T/pid")"
gone "SIGTERM ends jmon"
assert_eq "$(cat "$draft" 2>/dev/null)" "Lang wachten door personeelstekort.
Tweede regel.Na SIGTERM." "SIGTERM keeps the draft"
rm -f "$draft"
jmon "trap '' HUP;"
tm send-keys -t t j j a
wait_for "Toelichting Verwijzingen" "a opens the editor (SIGHUP ignored)"
tm send-keys -t t -l " Zonder SIGHUP."
wait_for "Zonder SIGHUP." "text typed (SIGHUP ignored)"
tm kill-session -t t
gone "a terminal lost while SIGHUP is ignored ends jmon"
assert_grep "Zonder SIGHUP." "$draft" "failing reads keep the draft"
