# SPDX-License-Identifier: EUPL-1.2
# What `jmon report` writes stays whole (issue 14): a line break in a name
# or label does not break a text or Markdown report's lines, the workbook's
# document properties carry no control character, and -o FILE is written
# to a temporary file beside FILE and renamed over it only when the whole
# report is on disk -- a failed write names the file and the reason (exit
# 74) and leaves an existing FILE as it was, a symbolic link at FILE is
# refused, and libxlsxwriter's own [ERROR] lines never reach the terminal.
. "$TOP/tests/lib.sh"

CFG="$T/monitor.yaml"
DB="$T/monitor.db"
# a label with a line break, as a YAML "\n" writes it
sed 's/label: "Cliënttevredenheid"/label: "Cliënt\\ntevredenheid"/' \
	"$FIX/import/monitor.yaml" >"$CFG"
printf 'region,name,kind,parent\nGM0361,"Alk\nmaar",gemeente,\nGM0363,"Amster\033]0;x\007dam",gemeente,\n' \
	>"$T/regions.csv"
# three explanations of 30 000 characters (a cell of Excel holds 32 767)
# that deflate cannot make small: a report, and a workbook, larger than
# the file size limit below
python3 -B -c 'import base64, random
random.seed(14)
print("region,period,indicator,category,status,reason,text")
for ind, cat in (("jeugdigen_maatwerk", ""), ("verwijzingen", "huisarts"), ("tevredenheid", "")):
    text = base64.b64encode(random.randbytes(22500)).decode()
    print("GM0361,2020Q1,%s,%s,,,%s" % (ind, cat, text))' >"$T/reviews.csv"
import_each "$CFG" "$DB" "$T/regions.csv" "$FIX/import/long.csv" "$T/reviews.csv"

# --- a line break in a name or label (text and Markdown) --------------------
report --region GM0361 --period 2020Q1 --format text
assert_status 0 "text: the report is written"
assert_eq "$(head -1 "$T/stdout")" "Importtest · Alk maar (GM0361) · 2020 Q1 · levering 2" \
	"text: a line break in the region's name is a space, the title one line"
assert_grep "Cliënt tevredenheid" "$T/stdout" "text: a line break in a label is a space"
if grep -q '^tevredenheid' "$T/stdout"; then
	not_ok "text: the label's row is one line"
else ok "text: the label's row is one line"; fi

report --region GM0361 --period 2020Q1 --format md
assert_status 0 "md: the report is written"
assert_grep "**Alk maar (GM0361) · 2020 Q1**" "$T/stdout" \
	"md: the bold heading of the region stays one line"
if grep -q '^maar' "$T/stdout"; then not_ok "md: no line starts with the rest of the name"
else ok "md: no line starts with the rest of the name"; fi

# the regions side by side go through the same escaping
report --region GM0361 --regions GM0361,GM0363 --period 2020Q1 --format text
assert_status 0 "text --regions: the report is written"
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/stdout"; then
	not_ok "text --regions: no control character of a name reaches the terminal"
else ok "text --regions: no control character of a name reaches the terminal"; fi
if grep -q '^maar' "$T/stdout"; then not_ok "text --regions: the name's line break is a space"
else ok "text --regions: the name's line break is a space"; fi
report --region GM0361 --regions GM0361,GM0363 --period 2020Q1 --format md
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/stdout" || grep -q '^maar' "$T/stdout"; then
	not_ok "md --regions: no control character or line break of a name"
else ok "md --regions: no control character or line break of a name"; fi

# --- the workbook's document properties ---------------------------------------
printf 'region,name,kind,parent\nGM0361,"Alk\033]0;x\007maar",gemeente,\n' >"$T/renamed.csv"
import_each "$CFG" "$DB" "$T/renamed.csv"
report --region GM0361 --period 2020Q1 --format xlsx -o "$T/r.xlsx"
assert_status 0 "xlsx: the workbook is written"
python3 -B - "$T/r.xlsx" >"$T/core.out" 2>&1 <<'PY'
import sys, zipfile, xml.dom.minidom
core = zipfile.ZipFile(sys.argv[1]).read('docProps/core.xml')
title = xml.dom.minidom.parseString(core).getElementsByTagName('dc:title')[0].firstChild.data
print(title)
PY
assert_grep "Importtest · Alk?]0;x?maar (GM0361) · 2020 Q1" "$T/core.out" \
	"xlsx: docProps/core.xml is well-formed, the title's controls as '?'"

# --- -o FILE: a temporary file, renamed when whole -------------------------------
printf 'precious\n' >"$T/keep.json"
# 48 KiB: room for the database's shared memory (32 KiB), not for the report
with_limits "$T/stdout" 49152 "$JMON" report --config "$CFG" --db "$DB" --region GM0361 \
	--period 2020Q1 --format json -o "$T/keep.json"
assert_status 74 "-o FILE: a write that fails (a file size limit) exits 74"
assert_eq "$(cat "$T/stderr")" "jmon: report: $T/keep.json: File too large" \
	"-o FILE: the message names the file and says why"
assert_eq "$(cat "$T/keep.json")" "precious" "-o FILE: the existing file is as it was"
assert_eq "$(ls "$T" | grep -c '^keep\.json.')" "0" "-o FILE: no temporary file is left behind"

report --region GM0361 --period 2020Q1 --format json -o "$T/keep.json"
assert_status 0 "-o FILE: an existing file is replaced"
assert_grep '"region": "GM0361"' "$T/keep.json" "-o FILE: by the whole report"

printf 'mine\n' >"$T/target.txt"
ln -s "$T/target.txt" "$T/link.txt"
report --region GM0361 --period 2020Q1 -o "$T/link.txt"
assert_status 73 "-o LINK: a symbolic link is not followed (exit 73)"
assert_eq "$(cat "$T/stderr")" "jmon: report: $T/link.txt: it is a symbolic link" \
	"-o LINK: the message says why"
assert_eq "$(cat "$T/target.txt")" "mine" "-o LINK: the file it points to is as it was"
assert_eq "$(ls "$T" | grep -c '^link\.txt.')" "0" "-o LINK: no temporary file is left behind"

printf 'old workbook\n' >"$T/keep.xlsx"
with_limits "$T/stdout" 49152 "$JMON" report --config "$CFG" --db "$DB" --region GM0361 \
	--period 2020Q1 --format xlsx -o "$T/keep.xlsx"
assert_status 74 "-o FILE.xlsx: a workbook that cannot be written whole exits 74"
assert_eq "$(cat "$T/keep.xlsx")" "old workbook" "-o FILE.xlsx: the existing file is as it was"
assert_eq "$(ls "$T" | grep -c '^keep\.xlsx.')" "0" "-o FILE.xlsx: no temporary file is left behind"
assert_grep "jmon: report: $T/keep.xlsx: " "$T/stderr" "-o FILE.xlsx: the message names the file"
assert_no_grep "[ERROR]" "$T/stderr" "-o FILE.xlsx: libxlsxwriter's own lines stay off the terminal"

report --region GM0361 --period 2020Q1 --format xlsx -o /nonexistent/x.xlsx
assert_status 73 "-o /nonexistent/x.xlsx exits 73"
assert_eq "$(cat "$T/stderr")" "jmon: report: /nonexistent/x.xlsx: No such file or directory" \
	"-o /nonexistent/x.xlsx: jmon's own message, with the reason, and nothing else"

# a file name with controls is escaped in the message
report --region GM0361 --period 2020Q1 -o "$(printf '%s/no\033]0;x\007where/r.txt' "$T")"
assert_status 73 "-o in a folder that is not there exits 73"
assert_eq "$(cat "$T/stderr")" "jmon: report: $T/no?]0;x?where/r.txt: No such file or directory" \
	"the file name's controls are shown as '?' in the message"

# and so in an import's summary and its messages
odd="$(printf '%s/lo\033]0;x\007ng.csv' "$T")"
printf 'region,period,indicator,category,value,flag\nGM0361,2021Q1,jeugdigen_maatwerk,,2700,\n' >"$odd"
run "$JMON" import --config "$CFG" --db "$DB" "$odd"
assert_status 0 "a file whose name holds controls is imported"
assert_grep "$T/lo?]0;x?ng.csv: delivery " "$T/stdout" "the summary shows its name's controls as '?'"
run "$JMON" import --config "$CFG" --db "$DB" "$odd"
assert_grep "$T/lo?]0;x?ng.csv: already imported as delivery " "$T/stderr" \
	"and so does the message that it was imported already"
