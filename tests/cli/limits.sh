# SPDX-License-Identifier: EUPL-1.2
# The limits of jmon(1), LIMITS, as a user meets them: each a clear error
# with its exit status, never a hang or memory until the machine gives
# out -- YAML aliases and nesting, a configuration too big, a device or a
# terminal as input, a FIFO nobody writes, a JSON row too wide, a wide
# first row over many short rows.
. "$TOP/tests/lib.sh"

CFG="$FIX/import/monitor.yaml"
DB="$T/monitor.db"

# "billion laughs": 30 levels of ten aliases each
python3 -B - "$T" <<'PY'
import sys
t = sys.argv[1]
lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
lines += ['a%d: &a%d [%s]' % (i, i, ', '.join(['*a%d' % (i - 1)] * 10)) for i in range(1, 30)]
open(t + '/laughs.yaml', 'w').write('\n'.join(lines) + '\nchapters: *a29\n')
open(t + '/deep.yaml', 'w').write('chapters: ' + '[' * 100000 + ']' * 100000 + '\n')
open(t + '/anchors.yaml', 'w').write(''.join('k%d: &a%d v\n' % (i, i) for i in range(1001)))
open(t + '/big.yaml', 'w').write('# ' + 'x' * (5 << 20) + '\nchapters: []\n')
PY
refused() {	# refused FILE MESSAGE DESC: check-config exits 78 with MESSAGE
	run "$JMON" check-config "$T/$1"
	assert_status 78 "$3: exit 78"
	assert_grep "$2" "$T/stderr" "$3: says why"
}
refused laughs.yaml "laughs.yaml:5:55: the configuration is more than 100000 values once its aliases are expanded" \
	"aliases that expand to billions of values"
refused deep.yaml "deep.yaml:1:74: the configuration is nested deeper than 64 levels" \
	"100000 levels of nesting"
refused anchors.yaml "anchors.yaml:1001:8: the configuration is more than 1000 anchors (&name)" \
	"1001 anchors"
refused big.yaml "big.yaml: larger than 4 MiB: not a configuration" "a 5 MiB configuration"
run "$JMON" --config "$T/laughs.yaml" report
assert_status 78 "every command that loads such a configuration refuses it (report: 78)"

# devices, a terminal, a FIFO without a writer
run "$JMON" check-config /dev/zero
assert_status 78 "/dev/zero as configuration: 78"
assert_grep "/dev/zero: is a device, not a file or a pipe; jmon reads only those" "$T/stderr" \
	"/dev/zero as configuration: says it is a device"
run "$JMON" import --config "$CFG" --db "$DB" /dev/zero
assert_status 65 "/dev/zero as delivery: 65"
assert_grep "/dev/zero: is a device, not a file or a pipe; jmon reads only those" "$T/stderr" \
	"/dev/zero as delivery: says it is a device"
if [ -e "$DB" ]; then not_ok "/dev/zero leaves no database"; else ok "/dev/zero leaves no database"; fi
# A named FIFO waits 10 s for its writer (input_open): not forever, and a
# writer that opens it a moment after jmon is not an empty file.
mkfifo "$T/fifo"
run timeout 60 "$JMON" import --config "$CFG" --db "$DB" "$T/fifo"
assert_status 66 "a FIFO without a writer is refused after a while, not a hang"
assert_grep "fifo: a FIFO that nobody wrote to in 10 s" "$T/stderr" \
	"a FIFO without a writer: says so"
run timeout 60 "$JMON" check-config "$T/fifo"
assert_status 66 "a FIFO without a writer as configuration: refused, not a hang"
assert_grep "fifo: cannot open configuration: a FIFO that nobody wrote to in 10 s" "$T/stderr" \
	"a FIFO without a writer as configuration: says so"
printf 'region,period,indicator,category,value,flag\nGM0361,2020Q1,jeugdigen_maatwerk,,7,\n' \
	>"$T/late.csv"
(sleep 1 && cat "$T/late.csv" >"$T/fifo") &
run timeout 60 "$JMON" import --config "$CFG" --db "$DB" "$T/fifo"
assert_status 0 "a FIFO whose writer comes a moment later imports"
wait
run timeout 60 env JMON_SCRIPT="$T/fifo" "$JMON" --config "$CFG" --db "$DB"
assert_status 74 "a FIFO without a writer as key script: refused, not a hang"
assert_grep "fifo: a FIFO that nobody wrote to in 10 s" "$T/stderr" \
	"a FIFO as key script: says so"
# a database is a file: SQLite would wait for the FIFO's writer forever
for cmd in "report" "import $T/late.csv" ""; do
	# shellcheck disable=SC2086 # cmd is a list of words
	run timeout 60 "$JMON" $cmd --config "$CFG" --db "$T/fifo"
	case $cmd in import*) want=73 ;; *) want=66 ;; esac
	assert_status $want "a FIFO as the database of '${cmd:-browse}': $want, not a hang"
	assert_grep "fifo: is a FIFO, not a database file" "$T/stderr" \
		"a FIFO as the database of '${cmd:-browse}': says so"
done
printf 'region,period,indicator,category,value,flag\nGM0361,2020Q1,jeugdigen_maatwerk,,7,\n' \
	>"$T/pipe.csv"
run sh -c 'cat "$1" | "$2" import --config "$3" --db "$4" /dev/stdin' _ "$T/pipe.csv" "$JMON" \
	"$CFG" "$DB"
assert_status 0 "a delivery from a pipe imports"
if command -v script >/dev/null 2>&1; then
	script -qec "$JMON import --config $CFG --db $DB /dev/stdin" /dev/null </dev/null \
		>"$T/stdout" 2>&1
	assert_grep "/dev/stdin: is a terminal, not a file or a pipe" "$T/stdout" \
		"a terminal as delivery is refused"
else
	ok "a terminal as delivery # SKIP no script(1)"
fi

# JSON: a row wider than 1000 keys; a wide first row over short rows
python3 -B - "$T" <<'PY'
import json, sys
t = sys.argv[1]
row = {'RegioS': 'GM0361', 'Perioden': '2020JJ00'}
row.update(('K%d' % i, i) for i in range(1001))
open(t + '/wide.json', 'w').write(json.dumps({'value': [row]}))
first = {'RegioS': 'GM0361', 'Perioden': '2020JJ00', 'JongerenMetJeugdzorgInNatura_1': 5}
first.update(('K%d' % i, None) for i in range(990))
rows = [first] + [{'RegioS': 'GM%04d' % (i % 9000 + 1), 'Perioden': '%dJJ00' % (1900 + i // 9000),
                   'JongerenMetJeugdzorgInNatura_1': i} for i in range(1, 20000)]
open(t + '/short.json', 'w').write(json.dumps({'value': rows}))
PY
run "$JMON" import --config "$CFG" --db "$DB" "$T/wide.json"
assert_status 65 "a JSON row of 1003 keys: 65"
assert_grep "wide.json:1:" "$T/stderr" "a JSON row of 1003 keys: at its position"
assert_grep "JSON: a row with more than 1000 keys" "$T/stderr" "a JSON row of 1003 keys: says why"
run "$JMON" import --config "$CFG" --db "$DB" "$T/short.json"
assert_status 0 "20000 short rows under a first row of 993 keys import"
assert_grep "short.json: delivery 2, 20000 rows" "$T/stdout" "every short row is read"
