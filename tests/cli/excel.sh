# SPDX-License-Identifier: EUPL-1.2
# Excel for the council: jmon report --format xlsx -o FILE and :export
# FILE.xlsx write a workbook that a real reader (openpyxl) opens with a
# sheet per chapter, the header frozen, values as numbers with their
# unit's format, the stoplight as glyph and word on its colour, reason,
# explanation and reviewer, each the same as the CSV report says; never a
# withheld number.  --csv-dialect excel-nl: ';', decimal comma, BOM.
. "$TOP/tests/lib.sh"

CFG="$FIX/report/monitor.yaml"
DB="$T/report.db"
import_each "$CFG" "$DB" "$FIX"/report/*.csv
sqlite3 "$DB" "INSERT INTO review (region, period, indicator, status_override, reason, reviewed, author, at)
  VALUES ('GM0361', '2023Q4', 'tevredenheid', 'green', 'Steekproef te klein', 1, 'analist', '2024-01-15T10:00:00Z');
INSERT INTO annotation (region, period, indicator, category, text, author, at)
  VALUES ('GM0361', '2023Q4', 'ggz_aanmeld', 'aanbieder_b', 'Aanbieder B had een personeelstekort.', 'analist', '2024-01-15T10:00:00Z');"

PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import openpyxl' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
	not_ok "a python3 with openpyxl reads the workbook (python3-openpyxl; tools/deps.sh check installs it)"
	exit 0
fi

report() { run "$JMON" report --config "$CFG" --db "$DB" "$@"; }
report --format csv
cp "$T/stdout" "$T/report.csv"
report --format xlsx -o "$T/raad.xlsx"
assert_status 0 "report --format xlsx -o FILE"
assert_eq "$(head -c 2 "$T/raad.xlsx")" "PK" "the file is a workbook (a zip archive), not CSV"

# The reader: every row of the CSV report is a row of its chapter's sheet.
"$PY" -B - "$T/raad.xlsx" "$T/report.csv" "$CFG" >"$T/check.out" 2>&1 <<'PY'
import csv, sys
import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
rows = list(csv.DictReader(open(sys.argv[2], newline="", encoding="utf-8")))
words = {"green": "● groen", "amber": "▲ oranje", "red": "■ rood", "grey": "○ grijs"}
fills = {"green": "FFC6EFCE", "amber": "FFFFEB9C", "red": "FFFFC7CE", "grey": "FFD9D9D9"}
formats = {"aantal": "#,##0", "procent": '#,##0.0" %"', "weken": '#,##0.0" wk"',
           "dagen": '#,##0" dgn"', "euro": '"€ "#,##0', "score": "#,##0.0"}

def say(ok, what):
    print(("ok - " if ok else "not ok - ") + what)

# chapter id -> label, from the report's own chapters in order
import re
labels = {}
chapter = None
for line in open(sys.argv[3], encoding="utf-8"):
    m = re.match(r"  - id: (\S+)", line)
    if m:
        chapter = m.group(1)
    m = re.match(r'    label: "(.*)"', line)
    if m and chapter and chapter not in labels:
        labels[chapter] = m.group(1)
say(book.sheetnames == [labels[c] for c in dict.fromkeys(r["chapter"] for r in rows)],
    "one sheet per chapter, named after it: %s" % book.sheetnames)
sheet = book[book.sheetnames[0]]
say(sheet.freeze_panes == "A2", "the header row is frozen (%s)" % sheet.freeze_panes)
header = [c.value for c in sheet[1]]
say(header[:3] == ["Indicator", "Categorie", "Waarde 2023 Q4"] and header[5:10] ==
    ["Status", "Reden", "Toelichting", "Beoordeeld door", "Beoordeeld op"],
    "the header names the columns: %s" % header)

problems, numbers, statuses = [], 0, set()
for r in rows:
    ws = book[labels[r["chapter"]]]
    # a total row has no category; a category row is found by its label
    # (the CSV's label of a category row is the category's)
    if r["category"]:
        found = [x for x in ws.iter_rows(min_row=2) if x[1].value == r["label"]]
    else:
        found = [x for x in ws.iter_rows(min_row=2) if not x[1].value and x[0].value == r["label"]]
    if not found:
        problems.append("no row for %s %s" % (r["indicator"], r["category"]))
        continue
    x = found[0]
    what = "%s/%s" % (r["indicator"], r["category"] or "totaal")
    value, change = x[2], x[3]
    if r["value"]:
        numbers += 1
        if not isinstance(value.value, (int, float)) or abs(value.value - float(r["value"])) > 1e-9:
            problems.append("%s: value %r, the CSV says %s" % (what, value.value, r["value"]))
        if r["unit"] in formats and value.number_format != formats[r["unit"]] \
                and not value.number_format.startswith(formats[r["unit"]].split('"')[0]):
            problems.append("%s: format %r for unit %s" % (what, value.number_format, r["unit"]))
    elif isinstance(value.value, (int, float)):
        problems.append("%s: a number %r where the CSV has none (flag %s)" % (what, value.value, r["flag"]))
    if r["change"]:
        if not isinstance(change.value, (int, float)) or abs(change.value - float(r["change"])) > 1e-9:
            problems.append("%s: change %r, the CSV says %s" % (what, change.value, r["change"]))
        if not change.number_format.startswith("+"):
            problems.append("%s: the change has no sign in its format %r" % (what, change.number_format))
    elif change.value is not None:
        problems.append("%s: a change %r where the CSV has none" % (what, change.value))
    status = x[5]
    if status.value:
        statuses.add(r["status"])
        if status.value != words[r["status"]]:
            problems.append("%s: status %r, the CSV says %s" % (what, status.value, r["status"]))
        if status.fill.fgColor.rgb != fills[r["status"]]:
            problems.append("%s: fill %s for %s" % (what, status.fill.fgColor.rgb, r["status"]))
        if x[6].value != r["reason"]:
            problems.append("%s: reason %r, the CSV says %r" % (what, x[6].value, r["reason"]))
    if (x[7].value or "") != r["explanation"]:
        problems.append("%s: explanation %r, the CSV says %r" % (what, x[7].value, r["explanation"]))
    if (x[8].value or "") != r["reviewed_by"] or (x[9].value or "") != r["reviewed_at"]:
        problems.append("%s: reviewed %r %r, the CSV says %r %r" % (what, x[8].value, x[9].value,
                                                                   r["reviewed_by"], r["reviewed_at"]))
for p in problems:
    print("#   " + p)
say(not problems, "every row of the CSV report is in the workbook, the same (%d rows, %d numbers)"
    % (len(rows), numbers))
say(statuses >= {"green", "amber", "red"}, "the statuses green, amber and red are there: %s" % sorted(statuses))
PY
cat "$T/check.out"
grep -q '^not ok\|Traceback' "$T/check.out" && sed 's/^/#   /' "$T/check.out" | grep Traceback -A5

# Spot checks a reader can see, worked out in tests/cli/report.sh.
"$PY" -B - "$T/raad.xlsx" >"$T/spots" <<'PY'
import sys, openpyxl
b = openpyxl.load_workbook(sys.argv[1])
w = b["Wachttijden"]
for x in w.iter_rows(min_row=2):
    print("|".join("" if c.value is None else str(c.value) for c in x[:7]))
PY
assert_grep "Aanmeldwachttijd jeugd-GGZ||5.2|0.9|4|▲ oranje|5,2 wk <= 6 (Treeknorm 4 wk)" "$T/spots" \
	"the waiting time is 5.2 weeks, 0.9 more (numbers), amber, with its reason"
assert_grep "Aanmeldwachttijd jeugd-GGZ|Aanbieder B|6.5|1.9||■ rood|6,5 wk > 6 (Treeknorm 4 wk)" "$T/spots" \
	"a provider's row: 6.5, red"
assert_grep "Verblijfsduur crisisopvang||geheim||28|○ grijs|geheim" "$T/spots" \
	"a suppressed figure is the word geheim, no number"

report --format xlsx
assert_status 64 "xlsx without -o exits 64"
assert_grep "report: --format xlsx needs -o FILE" "$T/stderr" "and says -o is needed"
report --format xlsx -o "$T/nergens/raad.xlsx"
assert_status 73 "an -o file that cannot be made exits 73"

# --- :export FILE.xlsx in the browser -------------------------------------
printf '2\n:export %s\n' "$T/wacht.xlsx" >"$T/script"
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" --config "$CFG" --db "$DB") >"$T/stdout" 2>"$T/stderr"
status=$?
assert_status 0 "the browser exports"
assert_eq "$(head -c 2 "$T/wacht.xlsx" 2>/dev/null)" "PK" ":export x.xlsx writes a workbook, not CSV"
assert_eq "$("$PY" -c 'import sys, openpyxl; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)' "$T/wacht.xlsx")" \
	"['Wachttijden']" "the export holds the chapter on screen"

# --- CSV for Dutch Excel ----------------------------------------------------
report --format csv --csv-dialect excel-nl -o "$T/nl.csv"
assert_status 0 "--csv-dialect excel-nl"
assert_eq "$(head -c 3 "$T/nl.csv" | od -An -tx1 | tr -d ' ')" "efbbbf" "it starts with the UTF-8 byte-order mark"
"$PY" -B - "$T/nl.csv" "$T/report.csv" >"$T/dialect" <<'PY'
import csv, sys
nl = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"), delimiter=";"))
machine = list(csv.reader(open(sys.argv[2], newline="", encoding="utf-8")))
numeric = {"value", "change", "norm"}
head = machine[0]
bad = []
for a, b in zip(nl, machine):
    for name, x, y in zip(head, a, b):
        want = y.replace(".", ",") if name in numeric else y
        if x != want:
            bad.append("%s: %r, expected %r" % (name, x, want))
print("rows", len(nl), len(machine))
print("commas", sum(1 for r in nl[1:] if "," in r[5]))
for p in bad[:5]:
    print("bad", p)
PY
assert_grep "rows $(wc -l <"$T/report.csv" | tr -d ' ') " "$T/dialect" "the same rows as the machine CSV"
assert_no_grep "bad" "$T/dialect" "the same fields, separated by ';', numbers with a decimal comma"
assert_no_grep "commas 0" "$T/dialect" "some values have a decimal comma"
report --format md --csv-dialect excel-nl
assert_status 64 "--csv-dialect with another format exits 64"
report --format csv --csv-dialect excel-be
assert_status 64 "an unknown dialect exits 64"
assert_grep "unknown --csv-dialect 'excel-be' (expected excel-nl)" "$T/stderr" "the dialect is named"
