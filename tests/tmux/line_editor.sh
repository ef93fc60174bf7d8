# SPDX-License-Identifier: EUPL-1.2
# Alt in the explanation editor, in a real terminal (tmux): a terminal sends
# Alt-B as Esc and b at once, which is one key (a word back), while Esc on
# its own still cancels and asks first.
. "$TOP/tests/lib.sh"
unset LINES COLUMNS

if ! command -v tmux >/dev/null 2>&1; then
	not_ok "tmux is installed (make check installs it)"
	skip_exit
fi
cfg="$FIX/browse/monitor.yaml"
db="$T/monitor.db"
import_each "$cfg" "$db" "$FIX"/browse/*.csv

for term in xterm-256color screen; do
	tmux_session "env TERM=$term LC_ALL=C.UTF-8 $JMON --db $db --config $cfg; echo jmon-exited-\$?; sleep 30"
	wait_for "beoordeeld 0/2 signalen" "TERM=$term: jmon starts"
	tm send-keys -t t j j a
	wait_for "Toelichting Verwijzingen, 2020 Q1" "TERM=$term: a opens the editor"
	tm send-keys -t t -l "een twee drie"
	wait_for " een twee drie" "TERM=$term: the text is typed"
	tm send-keys -t t M-b
	tm send-keys -t t -l "X"
	wait_for " een twee Xdrie" "TERM=$term: Alt-B goes back a word"
	tm send-keys -t t M-b M-b
	tm send-keys -t t -l "Y"
	wait_for " een Ytwee Xdrie" "TERM=$term: Alt-B twice goes back two words (X joined drie)"
	tm send-keys -t t M-f M-d
	tm send-keys -t t -l "!"
	wait_for " een Ytwee!" "TERM=$term: Alt-F, Alt-D cut the next word"
	tm send-keys -t t C-y
	wait_for " een Ytwee! Xdrie" "TERM=$term: Ctrl-Y pastes it back"
	tm send-keys -t t Escape
	wait_for "Wijzigingen weggooien? (j/n)" "TERM=$term: Esc alone still asks"
	tm send-keys -t t n
	wait_for "Ctrl-X: opslaan" "TERM=$term: n goes on editing"
	assert_grep " een Ytwee! Xdrie" "$T/pane" "TERM=$term: with the text"
	tm send-keys -t t Escape j
	wait_for "toelichting niet gewijzigd" "TERM=$term: Esc and j at once are Esc, then the answer"
	tm send-keys -t t q
	wait_for "jmon-exited-0" "TERM=$term: q quits"
done
