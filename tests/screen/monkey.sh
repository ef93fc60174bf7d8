# SPDX-License-Identifier: EUPL-1.2
# Monkey test: deterministic random key scripts (fixed seeds) of a few
# hundred keys each — every key of the key table, :commands with odd
# arguments, resizes down to 1x1 and up to 200x300, text typed into the
# prompts and the editor (multi-byte too) — run headless under the
# sanitizer build against the browse fixture, every sample monitor, an
# empty database, no database, a monitor of very long UTF-8 labels, and a
# database holding values no importer writes.  The bar: jmon never
# crashes: exit status 0 and nothing on stderr (no sanitizer report).
. "$TOP/tests/lib.sh"

# monkey SEED N: N random script lines on stdout.  awk's srand(seed) is
# deterministic for one awk; the failing script is kept in $T to replay.
monkey() {
	awk -v seed="$1" -v n="$2" -v dir="$T" '
	BEGIN {
		srand(seed)
		# every key of the key table (src/keys.c), q left out: it ends the run
		nk = split("j <Down> k <Up> <PageDown> <C-f> <PageUp> <C-b> g <Home> G <End> " \
			"<Tab> <BackTab> 1 2 3 4 5 6 7 8 9 [ ] <Enter> l <Right> <Escape> " \
			"<Backspace> h <Left> / n N r R <Space> a o c v w p e ? : <C-l>", keys, " ")
		# keys bound to nothing, and the editor and prompt keys
		no = split("x z 0 é 漢 😀 <Delete> <C-x> <C-d> <C-u> <C-c> <C-g> <C-@> " \
			"<C-a> <C-z> # ~", other, " ")
		# typed text: ASCII, accents, wide, emoji, combining and zero-width
		nt = split("a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 " \
			"8 9 - . , ; ( ) ë é ï 漢 字 😀 \xcc\x81 \xe2\x80\x8b € ─ 𝐀 Q", text, " ")
		cmds = "period 1999Q1|period x|period 2020Q1|period 2019Q4|period 2020|" \
			"period 2020H1|period 2020M03|period 2023-01-01|period 9999Q4|" \
			"period 0001Q1|period 2020Q5|period |period 2020KW01|region|" \
			"region GM0361|region GM0001|region NL01|region WK036101|" \
			"region XX|region 漢字|chapter 0|chapter 1|chapter 2|chapter 4|" \
			"chapter 12|chapter 99|chapter -1|chapter x|chapter wachttijden|" \
			"chapter|resize 5x5|resize 200x300|resize 12x60|resize 24x80|" \
			"resize 1x1|resize 60x250|resize 11x59|resize 13x61|resize 24x1|" \
			"resize 1x80|resize 0x0|resize x|resize 99999x99999|" \
			"resize 24x80x|resize -1x-1|export " dir "/x.csv|export " dir "/x.md|" \
			"export /nonexistent/x.csv|export|dump " dir "/d.txt|dump|" \
			"search é|search|search 漢字|search zzz|search a|annotate tekst é 漢 😀|" \
			"annotate|override|review|compare|revisions|help|prompt|redraw|" \
			"enter|back|first|last|page-down|page-up|down|up|next-chapter|" \
			"prev-chapter|next-period|prev-period|next-attention|" \
			"prev-attention|search-next|search-prev|foo|down x|:|" \
			"period 2020Q1 extra"
		nc = split(cmds, cmd, "|")
		for (i = 0; i < n; i++) {
			r = rand()
			if (r < 0.55)
				print keys[int(rand() * nk) + 1]
			else if (r < 0.65)
				print other[int(rand() * no) + 1]
			else if (r < 0.85)
				print text[int(rand() * nt) + 1]
			else
				print ":" cmd[int(rand() * nc) + 1]
		}
	}'
}

# run_monkey DESC SEED N ARGS...: run one script, keep it when it fails
run_monkey() {
	desc=$1 seed=$2 nkeys=$3
	shift 3
	if [ "${ascii:-}" ]; then
		monkey "$seed" "$nkeys" | LC_ALL=C grep -v '[^ -~]' >"$T/script"
	else
		monkey "$seed" "$nkeys" >"$T/script"
	fi
	(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" "$@") >"$T/stdout" 2>"$T/stderr"
	status=$?
	if [ "$status" -eq 0 ] && [ ! -s "$T/stderr" ]; then
		ok "$desc (seed $seed)"
	else
		not_ok "$desc (seed $seed): status $status"
		cp "$T/script" "$T/failed-$seed.script"
		sed 's/^/#   /' "$T/stderr" | head -30
	fi
}

run_monkey_ascii() {	# the same with the lines that are not ASCII left out
	ascii=1
	run_monkey "$@"
	ascii=
}

# import_all DB CONFIG FILE...: a database from fixture files
import_all() {
	db=$1 config=$2
	shift 2
	rm -f "$db" "$db-wal" "$db-shm"
	for f in "$@"; do
		"$JMON" import --db "$db" --config "$config" "$f" >/dev/null 2>"$T/import.err" ||
			{ not_ok "import $f"; sed 's/^/#   /' "$T/import.err"; }
	done
}

# The browse fixture, at the sizes a user may have.
cfg="$FIX/browse/monitor.yaml"
import_all "$T/browse.db" "$cfg" "$FIX"/browse/*.csv
for seed in 1 2 3 4 5 6; do
	cp "$T/browse.db" "$T/b.db"
	run_monkey "browse fixture" $seed 400 --db "$T/b.db" --config "$cfg"
done
for size in 1x1 12x60 24x80 60x250 5x300 200x20; do
	cp "$T/browse.db" "$T/b.db"
	LINES=${size%x*} COLUMNS=${size#*x} \
		run_monkey "browse fixture at ${size}" 7 300 --db "$T/b.db" --config "$cfg"
done

# Other terminals and colour settings.
cp "$T/browse.db" "$T/b.db"
TERM=vt100 run_monkey "browse fixture, TERM=vt100, --color always" 8 300 --db "$T/b.db" \
	--config "$cfg" --color always
cp "$T/browse.db" "$T/b.db"
TERM=linux NO_COLOR=1 run_monkey "browse fixture, TERM=linux, NO_COLOR" 9 300 --db "$T/b.db" \
	--config "$cfg"

# Every sample monitor, built as tests/screen/samples.sh builds them.
for dir in "$TOP"/sample-data/*/; do
	name=$(basename "$dir")
	config=$TOP/config/jmon.yaml
	[ -f "$dir/monitor.yaml" ] && config=$dir/monitor.yaml
	import_all "$T/$name.db" "$config" $(find "$dir" -maxdepth 1 -name '*.csv' | LC_ALL=C sort)
	run_monkey "sample $name" 11 400 --db "$T/$name.db" --config "$config"
done

# An empty database (regions only), and one without regions; no database
# at all the browser refuses (tests/cli/mistakes.sh).
import_all "$T/empty.db" "$cfg" "$FIX/browse/00-regions.csv"
run_monkey "empty database" 21 400 --db "$T/empty.db" --config "$cfg"
empty_db "$T/leeg.db" "$cfg"
run_monkey "no regions" 22 400 --db "$T/leeg.db" --config "$cfg"
run_monkey "no regions, default monitor" 23 300 --db "$T/leeg.db"

# A monitor without chapters (check-config accepts it) over data.
printf 'monitor:\n  title: Leeg\nchapters: []\n' >"$T/empty.yaml"
cp "$T/browse.db" "$T/b.db"
run_monkey "no chapters" 24 300 --db "$T/b.db" --config "$T/empty.yaml" --region GM0361

# Very long labels: accents, CJK and emoji, combining and zero-width
# characters; 12 chapters, 40 categories, 79 peers, 40 quarters.
long="$FIX/long/monitor.yaml"
import_all "$T/long.db" "$long" "$FIX"/long/*.csv
for seed in 31 32 33 34; do
	cp "$T/long.db" "$T/l.db"
	run_monkey "long labels" $seed 400 --db "$T/l.db" --config "$long"
done
cp "$T/long.db" "$T/l.db"
LINES=60 COLUMNS=250 run_monkey "long labels at 60x250" 35 300 --db "$T/l.db" --config "$long"
cp "$T/long.db" "$T/l.db"
LINES=12 COLUMNS=60 run_monkey "long labels at 12x60" 36 300 --db "$T/l.db" --config "$long"

# Values no importer writes (a database filled by other means): the
# largest doubles of both signs side by side, and all equal, in the trends
# and bar charts.
cp "$T/long.db" "$T/x.db"
sqlite3 "$T/x.db" "UPDATE observation SET value = CASE WHEN period LIKE '%Q1' OR period LIKE '%Q3'
	THEN 1e308 ELSE -1e308 END
	WHERE indicator IN ('euro_groot', 'negatief', 'peer')" || not_ok "extreme values"
run_monkey "extreme values" 41 400 --db "$T/x.db" --config "$long"

# Without UTF-8 the browser falls back to ASCII.
# (a C-locale script can only hold ASCII keys: the terminal could not send others)
cp "$T/long.db" "$T/l.db"
LC_ALL=C run_monkey_ascii "long labels, C locale" 42 300 --db "$T/l.db" --config "$long"
