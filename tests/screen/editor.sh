# SPDX-License-Identifier: EUPL-1.2
# What the analyst types is never lost by a key (jmon(1), THE BROWSER):
# Ctrl-C and Esc in the editor and the prompts ask before they throw
# changed text away and never end jmon; a database this user cannot write
# is said before the editor or a prompt opens; keys typed while the screen
# says "terminal te klein" do nothing; a draft comes back in the editor.
# The drafts a lost terminal writes are tests/tmux/editor.sh's; the keys
# of a line editor (cut and paste) are below.
. "$TOP/tests/lib.sh"
cfg="$FIX/browse/monitor.yaml"
db="$T/monitor.db"
import_each "$cfg" "$db" "$FIX"/browse/*.csv
export LINES=14
export XDG_STATE_HOME="$T/state"
drafts="$XDG_STATE_HOME/jmon/drafts"
# a fresh copy of the database for each screen: what one wrote does not
# change the next
fresh() {
	for ext in "" -wal -shm; do
		rm -f "$T/m.db$ext"
		[ -f "$db$ext" ] && cp "$db$ext" "$T/m.db$ext"
	done
}
args="--db m.db --config $cfg"

# The screens, 14 rows: the chapter view, the cursor on row ROW (1-4), MARK
# after the status of Verwijzingen, STATUS on the last line; the editor of
# TITLE with the LINEs of its text.
head=" Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar"
# No message: the status line says why the selected row has its colour
# ("$hints" stands for that); the key hints are beside the breadcrumb.
hints="<reason>"
crumb=" Cijfers             Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help"
reason() {	# reason ROW: the status line of the chapter view on row ROW
	case $1 in
	1) echo " ○ Inwoners 0-17 jaar: geen regel" ;;
	2) echo " ● Jeugdigen met maatwerk: +2,3 % binnen -5..5 t.o.v. 2019 Q4" ;;
	3) echo " ■ Verwijzingen: +37 > 30 t.o.v. 2019 Q4" ;;
	esac
}
ask="Wijzigingen weggooien? (j/n)"
chapter() {	# chapter ROW STATUS [MARK]
	printf '%s\n' "$head" " Indicator                     2020 Q1  Δ vorig  trend 8      norm  status"
	printf '%s\n' "Inwoners 0-17 jaar             24.364     +954     ▁▁▂▂█          ○ grijs" \
		"Jeugdigen met maatwerk          2.660      +60     ▁▃▅▅█          ● groen" \
		"Verwijzingen                      412      +37       ▂▁█          ■ rood${3:+    $3}" \
		"Cliënttevredenheid                4,2     +0,1        ▁█          ● groen" |
		awk -v row="$1" '{ print (NR == row ? "▸" : " ") $0 }'
	status=$2
	[ "$status" = "$hints" ] && status=$(reason "$1")
	printf '\n\n\n\n\n%s\n%s\n' "$crumb" "$status"
}
editor_screen() {	# editor_screen TITLE STATUS [LINE...]
	printf '%s\n%s\n' "$head" "Toelichting $1, 2020 Q1"
	status=$2 rows=0
	if [ "$status" = "$hints" ]; then
		case $1 in Inwoners*) status=$(reason 1) ;; *) status=$(reason 3) ;; esac
	fi
	shift 2
	for line in "$@"; do
		printf ' %s\n' "$line"
		rows=$((rows + 1))
	done
	while [ $rows -lt 9 ]; do
		echo
		rows=$((rows + 1))
	done
	printf '%s\n%s\n' " Ctrl-X: opslaan   Esc: annuleren   Enter: nieuwe regel" "$status"
}

# Unchanged text closes at once: the empty editor, a stored explanation,
# and one changed and changed back.
fresh
keys <<'EOF'
j
j
a
<C-c>
:dump empty-ctrl-c.txt
:annotate Bekend.
a
:dump stored.txt
<Escape>
:dump stored-esc.txt
a
x
<Backspace>
<C-c>
:dump back-to-stored.txt
EOF
chapter 3 "toelichting niet gewijzigd" | expect empty-ctrl-c.txt
editor_screen Verwijzingen "$hints" "Bekend." | expect stored.txt
chapter 3 "toelichting niet gewijzigd" ✎ | expect stored-esc.txt
chapter 3 "toelichting niet gewijzigd" ✎ | expect back-to-stored.txt
screen "unchanged text: Ctrl-C and Esc close the editor at once" $args

# Changed text: Ctrl-C asks; another key asks again; n goes on editing with
# the text as it was; Esc asks too, Ctrl-C at the question is no; j throws
# the text away.  jmon runs on: the next keys move the cursor.
fresh
keys <<'EOF'
j
j
a
T
e
k
s
t
<C-c>
:dump ctrl-c.txt
x
:dump other-key.txt
n
!
:dump kept.txt
<Escape>
:dump esc.txt
<C-c>
:dump ctrl-c-is-no.txt
<Escape>
j
:dump discarded.txt
k
:dump running.txt
j
a
:dump not-saved.txt
EOF
editor_screen Verwijzingen "$ask" "Tekst" | expect ctrl-c.txt
editor_screen Verwijzingen "$ask" "Tekst" | expect other-key.txt
editor_screen Verwijzingen "$hints" "Tekst!" | expect kept.txt
editor_screen Verwijzingen "$ask" "Tekst!" | expect esc.txt
editor_screen Verwijzingen "$hints" "Tekst!" | expect ctrl-c-is-no.txt
chapter 3 "toelichting niet gewijzigd" | expect discarded.txt
chapter 2 "$hints" | expect running.txt
editor_screen Verwijzingen "$hints" | expect not-saved.txt
screen "changed text: Ctrl-C and Esc ask, n keeps it, j throws it away" $args
run "$JMON" report --db "$T/m.db" --config "$cfg" --format md
assert_no_grep 'Tekst' "$T/stdout" "text thrown away is not stored"

# The prompts: o (colour, then reason), : and /.  Empty, Ctrl-C leaves at
# once; with text it asks, n keeps the text (Enter then uses it), j leaves.
fresh
keys <<'EOF'
o
<C-c>
:dump o-empty.txt
o
r
o
o
d
<C-c>
:dump o-ask.txt
x
n
:dump o-kept.txt
<Enter>
t
i
j
d
e
l
i
j
k
<Escape>
n
:dump reason-kept.txt
<C-g>
j
:dump reason-gone.txt
:
h
e
l
p
<C-c>
:dump colon-ask.txt
j
:dump colon-gone.txt
/
w
a
c
h
t
<Escape>
n
<Enter>
:dump searched.txt
EOF
chapter 1 "$hints" | expect o-empty.txt
chapter 1 "$ask" | expect o-ask.txt
chapter 1 "kleur (groen/oranje/rood/grijs, leeg = berekend): rood" | expect o-kept.txt
chapter 1 "reden: tijdelijk" | expect reason-kept.txt
chapter 1 "$hints" | expect reason-gone.txt
chapter 1 "$ask" | expect colon-ask.txt
chapter 1 "$hints" | expect colon-gone.txt
expect searched.txt <<'EOF'
 Alkmaar (GM0361) · 2020 Q1 (voorlopig) · levering 3 ■2 ▲0 ●2 ○3 0/2 beoordeeld
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                     2020 Q1  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…      6,5 wk  +1,0 wk       ▁▃█     4 wk ■ rood








 Wachttijden         Enter: uitsplitsen  r: signaal  spatie: beoordeeld  ?: help
 ■ Aanmeldwachttijd jeugd-ggz: 6,5 wk > 6 (Treeknorm 4 wk)
EOF
screen "the prompts ask before they throw typed text away" $args
run "$JMON" report --db "$T/m.db" --config "$cfg" --format csv
assert_grep 'GM0361,2020Q1,cijfers,inwoners_0_17,,24364,provisional,grey,geen regel,' "$T/stdout" \
	"an override thrown away at the reason writes nothing"

# Keys typed while the screen says "terminal te klein" do nothing, q
# included; after the resize the screen is as it was.  Q quits there, and
# nowhere else.
fresh
keys <<'EOF'
:resize 10x30
:dump small.txt
j
j
<Space>
a
T
<C-x>
o
:
/
2
<Tab>
<Enter>
<Escape>
q
:resize 14x80
:dump after-small.txt
Q
:dump after-q.txt
EOF
expect small.txt <<'EOF'





terminal te klein: 30×10, min…




EOF
chapter 1 "$hints" | expect after-small.txt
screen "a too small screen ignores keys" $args
# Q at a size that shows the screen quits at once, as in tig
[ ! -f "$T/after-q.txt" ] && ok "Q quits at once" || not_ok "Q quits at once"
before=$(cksum <"$T/m.db")
keys <<'EOF'
:resize 11x80
Q
:dump never.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" $args) >"$T/stdout" 2>"$T/stderr"
status=$?
assert_status 0 "Q quits a too small screen"
[ ! -f "$T/never.txt" ] && ok "nothing runs after Q" || not_ok "nothing runs after Q"
run "$JMON" report --db "$T/m.db" --config "$cfg" --format csv
assert_grep 'GM0361,2020Q1,cijfers,verwijzingen,,412,provisional,red,+37 > 30 t.o.v. 2019 Q4,' \
	"$T/stdout" "keys typed blind wrote no review or explanation"
assert_eq "$(cksum <"$T/m.db")" "$before" "the database is as it was"

# A draft (as a lost terminal leaves it, tests/tmux/editor.sh) comes back
# in the editor, with when it was written; saving stores it and removes
# the draft.
fresh
rm -rf "$XDG_STATE_HOME"
mkdir -p "$drafts"
printf 'Meer verwijzingen door de huisarts.\nZie de GGD.' \
	>"$drafts/GM0361.2020Q1.verwijzingen.txt"
touch -d '2026-11-20 14:05' "$drafts/GM0361.2020Q1.verwijzingen.txt"
keys <<'EOF'
j
j
a
:dump restored.txt
<C-x>
:dump saved.txt
EOF
editor_screen Verwijzingen "concept van 20 november 2026 14:05 hersteld" \
	"Meer verwijzingen door de huisarts." "Zie de GGD." | expect restored.txt
chapter 3 "toelichting opgeslagen" ✎ | expect saved.txt
screen "a draft comes back and is saved" $args
assert_eq "$(ls "$drafts")" "" "saving removes the draft"
run "$JMON" report --db "$T/m.db" --config "$cfg" --format md
assert_grep 'Zie de GGD.' "$T/stdout" "the draft's text is stored"

# A draft thrown away (Esc, j) is gone, and nothing is stored; a draft of a
# category has the category in its name; a draft that says what is stored
# already goes without a word; a script that ends in the editor leaves the
# draft alone (only a lost terminal writes one).
fresh
printf 'Weg ermee.' >"$drafts/GM0361.2020Q1.verwijzingen.txt"
printf 'Huisartsen verwijzen meer.' >"$drafts/GM0361.2020Q1.verwijzingen.huisarts.txt"
printf 'Bekend.' >"$drafts/GM0361.2020Q1.inwoners_0_17.txt"
touch -d '2026-11-21 09:30' "$drafts"/GM0361.*
keys <<'EOF'
:annotate Bekend.
a
:dump same.txt
<Escape>
j
j
a
<Escape>
:dump discard-ask.txt
j
<Enter>
j
a
:dump category.txt
EOF
editor_screen "Inwoners 0-17 jaar" "$hints" "Bekend." | expect same.txt
editor_screen Verwijzingen "$ask" "Weg ermee." | expect discard-ask.txt
editor_screen "Verwijzingen › Huisarts" "concept van 21 november 2026 09:30 hersteld" \
	"Huisartsen verwijzen meer." | expect category.txt
screen "drafts thrown away, of a category, already stored" $args

# A line editor (jmon(1), The editor and the prompts): the text wraps at
# word boundaries; Ctrl-A/E and Alt-B/F move; Ctrl-W/U/K and Alt-D cut,
# and Ctrl-Y pastes what they cut, so no key loses text: the changed text
# still asks before Esc throws it away, and what is saved is what the
# screen showed.  Alt in a real terminal is tests/tmux/line_editor.sh's.
fresh
typed() { printf '%s' "$1" | sed 's/./&\n/g' | sed 's/^ $/<Space>/'; }	# one key a line
{
	printf 'j\nj\na\n'
	typed "Meer verwijzingen door de huisarts sinds de praktijkondersteuner jeugd in januari vertrok"
	printf '%s\n' ":dump wrapped.txt" "<M-b>" "<M-b>" "<M-b>" "<C-w>" "<C-w>" ":dump cut.txt" \
		"<C-e>" "<Space>" "<C-y>" ":dump pasted.txt" \
		"<C-a>" "<M-f>" "<M-f>" "<M-d>" X ":dump moved.txt" "<Enter>"
	typed "Tweede regel"
	printf '%s\n' ":dump two.txt" "<C-u>" "<C-k>" "<C-w>" ":dump cutall.txt" \
		"<Escape>" ":dump ask.txt" n "<C-y>" ":dump back.txt" "<C-x>" ":dump saved.txt"
} | keys
two="Tweede regel de huisarts sinds de in januari vertrok praktijkondersteuner"
editor_screen Verwijzingen "$hints" \
	"Meer verwijzingen door de huisarts sinds de praktijkondersteuner jeugd in" \
	"januari vertrok" | expect wrapped.txt
editor_screen Verwijzingen "$hints" \
	"Meer verwijzingen door de huisarts sinds de in januari vertrok" | expect cut.txt
editor_screen Verwijzingen "$hints" "Meer verwijzingen door de huisarts sinds de in januari vertrok" \
	"praktijkondersteuner jeugd" | expect pasted.txt
editor_screen Verwijzingen "$hints" "Meer verwijzingenX de huisarts sinds de in januari vertrok" \
	"praktijkondersteuner jeugd" | expect moved.txt
editor_screen Verwijzingen "$hints" "Meer verwijzingenX" "$two" jeugd | expect two.txt
editor_screen Verwijzingen "$hints" "Meer verwijzingenX" | expect cutall.txt
editor_screen Verwijzingen "$ask" "Meer verwijzingenX" | expect ask.txt
editor_screen Verwijzingen "$hints" "Meer verwijzingenX" "$two" jeugd | expect back.txt
chapter 3 "toelichting opgeslagen" ✎ | expect saved.txt
screen "a line editor: wrapping at words, moves, cuts and Ctrl-Y" $args
run "$JMON" report --config "$cfg" --db "$T/m.db" --format csv
assert_grep '"Meer verwijzingenX' "$T/stdout" "the saved explanation starts as shown"
assert_grep "$two jeugd\"" "$T/stdout" "and Ctrl-Y brought back every cut"
assert_eq "$(ls "$drafts")" "GM0361.2020Q1.verwijzingen.huisarts.txt" \
	"the draft thrown away and the one stored are gone, the one left open stays"
run "$JMON" report --db "$T/m.db" --config "$cfg" --format md
assert_no_grep 'Weg ermee' "$T/stdout" "a draft thrown away is not stored"

# A database this user may not write: a, o and Space say so at once, and
# no editor or prompt opens.  Root writes anything, so as root this runs
# as nobody (setpriv), in a folder nobody can reach; as another user on
# files without write permission.  The message names the file, or the
# folder when the file may be written but SQLite's -wal beside it not;
# with a -wal and -shm that may be written, the folder need not be.
as_nobody=
if [ "$(id -u)" -eq 0 ]; then
	as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
	saved_T=$T saved_JMON=$JMON
	T=$(mktemp -d /tmp/jmon-editor.XXXXXX)
	chmod 755 "$T"
	cp "$JMON" "$T/jmon"
	cp "$cfg" "$T/monitor.yaml"
	JMON="$T/jmon" cfg="$T/monitor.yaml"
fi
for d in file dir wal; do
	mkdir -p "$T/$d"
	for ext in "" -wal -shm; do cp "$db$ext" "$T/$d/monitor.db$ext"; done
done
chmod 444 "$T"/file/monitor.db*
chmod 666 "$T"/dir/monitor.db "$T"/wal/monitor.db*
chmod 444 "$T"/dir/monitor.db-wal "$T"/dir/monitor.db-shm
if [ -n "$as_nobody" ]; then
	chmod 777 "$T/file"		# nobody may make files here, not write the database
	chmod 755 "$T/dir" "$T/wal"	# root's: nobody may make files here
else
	chmod 555 "$T/dir" "$T/wal"
fi
login=$(${as_nobody:-} id -un)
as_user() {	# as_user DESC ARGS...: screen as the user who may not write
	chmod 644 "$T/script"
	[ -n "$as_nobody" ] && chmod 777 "$T"
	JMON_AS="$as_nobody" XDG_STATE_HOME="$T/state" screen "$@"
	[ -n "$as_nobody" ] && chmod 755 "$T"
}
for d in file dir; do
	keys <<'EOF'
j
j
a
:dump a.txt
o
:dump o.txt
<Space>
:dump space.txt
EOF
	what=$d/monitor.db
	[ $d = dir ] && what=dir/
	for n in a o space; do
		chapter 3 "alleen lezen: $what is niet schrijfbaar voor $login" | expect $n.txt
	done
	as_user "read-only $d: said before typing" --db "$d/monitor.db" --config "$cfg"
done
keys <<'EOF'
j
j
a
:dump wal-editor.txt
O
K
<C-x>
:dump wal-saved.txt
EOF
editor_screen Verwijzingen "$hints" | expect wal-editor.txt
chapter 3 "toelichting opgeslagen" ✎ | expect wal-saved.txt
as_user "a folder not writable, a -wal and -shm that are: the editor opens and saves" \
	--db wal/monitor.db --config "$cfg"
if [ -n "$as_nobody" ]; then
	rm -rf "$T"
	T=$saved_T JMON=$saved_JMON
else
	chmod 755 "$T/dir" "$T/wal"	# so that the next run can clear $T
fi
