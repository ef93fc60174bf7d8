# SPDX-License-Identifier: EUPL-1.2
# An analyst's own configuration changes nothing shared: browsing with a
# configuration of two indicators, and writing a review from it, leaves
# the database's indicators and categories as the import made them.
. "$TOP/tests/lib.sh"

CFG="$FIX/browse/monitor.yaml"
DB="$T/shared.db"
import_each "$CFG" "$DB" "$FIX"/browse/*.csv
cat >"$T/mine.yaml" <<'YAML'
monitor: {title: "Mijn monitor", region: GM0361}
chapters:
  - id: cijfers
    label: "Cijfers"
    indicators:
      - {id: inwoners_0_17, label: "Inwoners", unit: aantal, counts: true}
      - {id: jeugdigen_maatwerk, label: "Maatwerk", unit: aantal, counts: true}
YAML
master() { sqlite3 "$DB" "SELECT * FROM indicator ORDER BY id; SELECT * FROM category ORDER BY indicator, id"; }
master >"$T/before"
printf '%s\n' '<Space>' '<Down>' ':annotate Mijn toelichting.' ':quit' >"$T/script"
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" --db "$DB" --config "$T/mine.yaml") >"$T/stdout" 2>"$T/stderr"
status=$?
assert_status 0 "a review and an explanation from an analyst's own configuration"
assert_eq "$(sqlite3 "$DB" "SELECT indicator || ':' || reviewed FROM review")" "inwoners_0_17:1" \
	"the review is written"
assert_eq "$(sqlite3 "$DB" "SELECT count(*) FROM annotation WHERE indicator = 'jeugdigen_maatwerk'")" 1 \
	"the explanation is written"
master >"$T/after"
if cmp -s "$T/before" "$T/after"; then
	ok "the shared indicators and categories are as the import left them"
else
	not_ok "the shared indicators and categories changed"
	diff "$T/before" "$T/after" | sed 's/^/#   /' | head -20
fi
