# SPDX-License-Identifier: EUPL-1.2
# What jmon prints of imported text is safe to print: a region name or an
# explanation with escape sequences (a window title, a cursor move, CSI as
# U+009B, a bidi override) reaches no terminal through the text and
# Markdown reports, CSV replaces them and guards what a spreadsheet would
# run as a formula, JSON escapes them -- and numbers like -3 stay numbers.
. "$TOP/tests/lib.sh"

CFG="$FIX/import/monitor.yaml"
DB="$T/monitor.db"
esc=$(printf '\033')
printf 'region,name,kind,parent\nGM0361,"Alk\033]0;pwned\007maar\033[2J",gemeente,\n' >"$T/regions.csv"
printf 'region,period,indicator,category,value,flag\nGM0361,2020Q1,tevredenheid,,-3,\n' >"$T/values.csv"
printf '%s\n%s\302\233%s\n' 'region,period,indicator,category,status,reason,text' \
	'GM0361,2020Q1,tevredenheid,,,,"=HYPERLINK(""http://x"",""klik"") ' '2J eind"' >"$T/reviews.csv"
import_each "$CFG" "$DB" "$T/regions.csv" "$T/values.csv" "$T/reviews.csv"

# no_controls FILE DESC: no byte a terminal acts on (line breaks aside)
no_controls() {
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1" ||
		grep -qF "$(printf '\302\233')" "$1"; then
		not_ok "$2"
		LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$1" | cat -v | sed 's/^/#   /' | head -5
	else
		ok "$2"
	fi
}
for format in text md; do
	report --region GM0361 --period 2020Q1 --format $format
	assert_status 0 "$format: the report is written"
	no_controls "$T/stdout" "$format: no escape sequence from the data reaches the terminal"
	assert_grep "Alk?]0;pwned?maar?[2J" "$T/stdout" "$format: the region name shows, its controls as '?'"
done
report --region GM0361 --period 2020Q1 --format md
assert_grep "=HYPERLINK(\"http://x\",\"klik\") ?" "$T/stdout" "md: the explanation shows, its CSI as '?'"

report --region GM0361 --period 2020Q1 --format csv
assert_status 0 "csv: the report is written"
no_controls "$T/stdout" "csv: no control character from the data"
assert_grep "\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\") �" "$T/stdout" \
	"csv: an explanation that starts with = is text to a spreadsheet, its CSI U+FFFD"
assert_grep "GM0361,2020Q1,cijfers,tevredenheid,,-3," "$T/stdout" "csv: -3 stays a number"

report --region GM0361 --period 2020Q1 --format json
assert_status 0 "json: the report is written"
no_controls "$T/stdout" "json: no control character from the data"
assert_grep '"=HYPERLINK(\"http://x\",\"klik\") \u009b' "$T/stdout" "json: the CSI is escaped"
assert_grep '"value": -3' "$T/stdout" "json: -3 is a number"
