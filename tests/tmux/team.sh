# SPDX-License-Identifier: EUPL-1.2
# Two analysts on one database, each in a terminal of their own (tmux):
# the second sees the first's write without a key, and a write made over
# what the other changed meanwhile asks first and then keeps both.
. "$TOP/tests/lib.sh"
unset LINES COLUMNS

if ! command -v tmux >/dev/null 2>&1; then
	not_ok "tmux is installed (make check installs it)"
	skip_exit
fi
sock="jmon-team-$$"
trap 'tm kill-server 2>/dev/null' EXIT

CFG="$FIX/browse/monitor.yaml"
DB="$T/team.db"
import_each "$CFG" "$DB" "$FIX"/browse/*.csv
open_browser() {	# open_browser NAME: an analyst's jmon at 80x24
	tm new-session -d -s "$1" -x 80 -y 24 \
		"env TERM=xterm-256color LC_ALL=C.UTF-8 $JMON --db $DB --config $CFG; echo jmon-exited-\$?; sleep 30"
}
open_browser a
open_browser b
wait_in a "0/2 beoordeeld" "analyst A's browser is open"
wait_in b "0/2 beoordeeld" "analyst B's browser is open"

# Both go to the first signal (r); A marks it reviewed; B, touching
# nothing more, sees it.
tm send-keys -t a r
tm send-keys -t b r
wait_in a "▸Verwijzingen" "r takes A to the first signal"
wait_in b "▸Verwijzingen" "r takes B to the first signal"
tm send-keys -t a Space
wait_in a "1/2 beoordeeld" "A's mark"
wait_in b "1/2 beoordeeld" "B sees A's mark without a key"

# B starts an override of the same indicator and, while B types, A takes
# the mark back.  B's colour is written over what B saw: it asks first.
tm send-keys -t b o
wait_in b "kleur (groen" "B's override asks for a colour"
tm send-keys -t a Space
wait_in a "0/2 beoordeeld" "A takes the mark back meanwhile"
tm send-keys -t b oranje Enter
wait_in b "reden:" "B gives a colour"
tm send-keys -t b "eigen oordeel" Enter
wait_in b "Toch deze kleur zetten? (j/n)" "B is asked before writing over a change made meanwhile"
wait_in b "wijzigde dit om" "and told who changed it, when"
wait_in b ": niet beoordeeld" "and what it is now"
tm send-keys -t b j
wait_in b "(handmatig)" "B's colour is written after B said yes"
run "$JMON" report --db "$DB" --config "$CFG" --format csv
row=$(grep '^GM0361,2020Q1,cijfers,verwijzingen,,' "$T/stdout")
case "$row" in
*",amber,handmatig: eigen oordeel"*",") ok "the report has B's colour and A's mark (none) both" ;;
*) not_ok "the report has B's colour and A's mark: $row" ;;
esac
wait_in a "▲ oranje" "A sees B's colour without a key"

# Both explain the same figure: B's text goes over A's only when B says
# so; no, and both texts are in B's editor, to make one.
tm send-keys -t b a
wait_in b "Ctrl-X: opslaan" "B opens the editor"
tm send-keys -t b "Tekst van B."
tm send-keys -t a a
wait_in a "Ctrl-X: opslaan" "A opens the editor too"
tm send-keys -t a "Tekst van A." C-x
wait_in a "toelichting opgeslagen" "A saves first"
tm send-keys -t b C-x
wait_in b "Uw tekst eroverheen? (j/n, n: beide bewerken)" \
	"B is asked before anything of A's is overwritten"
wait_in b "schreef intussen" "and told that someone wrote one meanwhile"
tm send-keys -t b n
wait_in b "Tekst van A." "B's editor holds A's text"
wait_in b "Tekst van B." "and B's own"
tm send-keys -t b C-x
wait_in b "toelichting opgeslagen" "B saves the two"
text=$(sqlite3 "$DB" "SELECT text FROM annotation WHERE indicator = 'verwijzingen' AND category = ''")
case "$text" in
*"Tekst van A."*"Tekst van B."*) ok "nothing is lost: the explanation holds both texts" ;;
*) not_ok "the explanation holds both texts: '$text'" ;;
esac
assert_eq "$(sqlite3 "$DB" "SELECT count(*) FROM history WHERE indicator = 'verwijzingen'")" 5 \
	"the history has all five writes (mark, unmark, colour, two explanations)"

# Both analysts quit; each jmon ends on its own (status 0).
tm send-keys -t a q
tm send-keys -t b q
wait_in a "jmon-exited-0" "A quits"
wait_in b "jmon-exited-0" "B quits"
