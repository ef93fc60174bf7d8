#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Black-box check of the configuration contract (jmon.yaml(5)),
# from the contract text alone.
#
# The promises checked here:
#  1. Search order: --config FILE, $JMON_CONFIG, $XDG_CONFIG_HOME/jmon/
#     jmon.yaml (~/.config/jmon/jmon.yaml without XDG_CONFIG_HOME, as the
#     XDG spec says), /etc/jmon/jmon.yaml, then the built-in monitor; the
#     same order for check-config, import and report.  A file named by
#     --config or $JMON_CONFIG that is missing is an error (66), not a
#     silent fall-through to another monitor.
#  2. Every error as FILE:LINE:COLUMN: message, exit 78: an unknown key
#     (with "did you mean" for a near miss), a wrong type, a duplicate id,
#     an indicator in two chapters, an unknown unit / on: / peer group /
#     category, a condition that does not parse, a band that can never
#     match (green <= 6, amber <= 4), a YAML syntax error; several errors
#     are all reported.  An amber -10..10 after a green -5..5 is fine.
#  3. import and report refuse a bad configuration with 78 too, and write
#     nothing.
#  4. Condition strings < x, <= x, > x, >= x, == x, a..b.
. "$TOP/tests/lib.sh"

GOOD="$FIX/contract/monitor.yaml"

# A configuration of one indicator whose stoplight is $1 (a YAML flow map).
one_rule() {
	cat <<EOF
monitor:
  title: "Regel"
  region: GM0202
chapters:
  - id: zorg
    label: "Zorg"
    indicators:
      - id: wachttijd
        label: "Wachttijd"
        unit: weken
        stoplight: $1
EOF
}

# --- 1: search order -----------------------------------------------------------------

mkdir -p "$T/xdg/jmon" "$T/home/.config/jmon" "$T/env"
sed 's/Contractmonitor/XDG-monitor/' "$GOOD" >"$T/xdg/jmon/jmon.yaml"
sed 's/Contractmonitor/HOME-monitor/' "$GOOD" >"$T/home/.config/jmon/jmon.yaml"
sed 's/Contractmonitor/ENV-monitor/' "$GOOD" >"$T/env/jmon.yaml"

# which monitor `jmon check-config` (no FILE) finds, by the file it names
check_found() {	# check_found EXPECTED-PATH DESC  (environment set by the caller)
	run "$JMON" check-config
	assert_status 0 "$2: check-config passes"
	assert_grep "$1: 2 chapters, 4 indicators" "$T/stdout" "$2"
}
HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" JMON_CONFIG="$T/env/jmon.yaml" \
	check_found "$T/env/jmon.yaml" "JMON_CONFIG comes before XDG_CONFIG_HOME"
HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" \
	check_found "$T/xdg/jmon/jmon.yaml" "XDG_CONFIG_HOME/jmon/jmon.yaml comes before ~/.config"
HOME="$T/home" \
	check_found "$T/home/.config/jmon/jmon.yaml" "without XDG_CONFIG_HOME: ~/.config/jmon/jmon.yaml"
HOME="$T/home" XDG_CONFIG_HOME="" \
	check_found "$T/home/.config/jmon/jmon.yaml" "an empty XDG_CONFIG_HOME counts as unset"
HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" JMON_CONFIG="$T/env/jmon.yaml" \
	run "$JMON" check-config "$GOOD"
assert_grep "$GOOD: 2 chapters" "$T/stdout" "the FILE operand comes before everything"

# The built-in monitor when nothing is found: HOME and XDG point at empty
# places.  (On a machine with /etc/jmon/jmon.yaml that one is found
# instead, so the built-in is only checked without it.)
mkdir -p "$T/empty"
if [ ! -e /etc/jmon/jmon.yaml ]; then
	HOME="$T/empty" XDG_CONFIG_HOME="$T/empty" run "$JMON" check-config
	assert_status 0 "nothing found: the built-in monitor"
	assert_grep "(built-in)" "$T/stdout" "nothing found: check-config names the built-in monitor"
fi

# /etc/jmon/jmon.yaml: only as root, only when it is not there, and it is
# removed again whatever happens (never left in /etc).
if [ "$(id -u)" -eq 0 ] && [ ! -e /etc/jmon ] && mkdir /etc/jmon 2>/dev/null; then
	trap 'rm -rf /etc/jmon' EXIT INT TERM
	sed 's/Contractmonitor/ETC-monitor/' "$GOOD" >/etc/jmon/jmon.yaml
	HOME="$T/empty" XDG_CONFIG_HOME="$T/empty" \
		check_found /etc/jmon/jmon.yaml "/etc/jmon/jmon.yaml when there is no user file"
	HOME="$T/empty" XDG_CONFIG_HOME="$T/xdg" \
		check_found "$T/xdg/jmon/jmon.yaml" "the user's file comes before /etc/jmon/jmon.yaml"
	rm -rf /etc/jmon
	trap - EXIT INT TERM
fi

# The same order for report: the title shows which monitor was read.
printf 'region,period,indicator,category,value,flag\nGM0202,2020Q1,jeugdigen,,1500,\n' >"$T/data.csv"
run "$JMON" import --db "$T/m.db" --config "$GOOD" "$T/data.csv"
assert_status 0 "import with --config"
HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" run "$JMON" report --db "$T/m.db"
assert_grep "XDG-monitor" "$T/stdout" "report reads XDG_CONFIG_HOME/jmon/jmon.yaml"
HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" JMON_CONFIG="$T/env/jmon.yaml" run "$JMON" report --db "$T/m.db"
assert_grep "ENV-monitor" "$T/stdout" "report reads \$JMON_CONFIG before XDG"
HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" JMON_CONFIG="$T/env/jmon.yaml" \
	run "$JMON" report --db "$T/m.db" --config "$GOOD"
assert_grep "Contractmonitor" "$T/stdout" "report reads --config before \$JMON_CONFIG"

# A named file that is missing is an error, not a fall-through.
HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" JMON_CONFIG="$T/nowhere.yaml" run "$JMON" report --db "$T/m.db"
assert_status 66 "a missing \$JMON_CONFIG exits 66"
assert_grep "nowhere.yaml" "$T/stderr" "a missing \$JMON_CONFIG is named"
HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" run "$JMON" report --db "$T/m.db" --config "$T/nowhere.yaml"
assert_status 66 "a missing --config exits 66"

# --- 2: every error class, with its position ------------------------------------------

# refused NAME LINE:COL MESSAGE-PART < config
refused() {
	cat >"$T/$1.yaml"
	run "$JMON" check-config "$T/$1.yaml"
	assert_status 78 "$1: exit 78"
	assert_grep "$T/$1.yaml:$2: $3" "$T/stderr" "$1: the message at $2"
	assert_no_grep "chapters," "$T/stdout" "$1: no summary"
}

sed 's/^  title:/  titel:/' "$GOOD" | refused misspelt_key 5:3 "unknown monitor key 'titel'; did you mean 'title'?"
sed 's/^        unit: weken/        unit: week/' "$GOOD" | refused unknown_unit 27:15 "unknown unit 'week'"
sed 's/counts: true/counts: ja/' "$GOOD" | refused wrong_type 15:17 "'counts' must be true or false"
sed 's/decimals: 1/decimals: een/' "$GOOD" | refused wrong_number 28:19 "'decimals' must be a whole number"
sed 's/{on: change,/{on: verschil,/' "$GOOD" | refused unknown_on 37:25 "unknown stoplight kind 'verschil'"
sed 's/green: "<= 4"/green: "kleiner dan 4"/' "$GOOD" | refused bad_condition 30:39 "'green': 'kleiner dan 4': condition does not parse"
sed 's/amber: "<= 6"/amber: "<= 3"/' "$GOOD" | refused band_never_matches 30:54 "band 'amber' (<= 3) can never match"
sed '34s/id: klachten/id: jeugdigen/' "$GOOD" | refused indicator_twice 34:13 "duplicate indicator id 'jeugdigen'"
sed 's/^  region: GM0202/  region: GM0202\n  region: GM0203/' "$GOOD" | refused duplicate_key 7:3 "duplicate key 'region'"
sed 's/^    label: "Zorg"/\tlabel: "Zorg"/' "$GOOD" | refused yaml_syntax 10:1 "YAML syntax error"
{ cat "$GOOD"; echo "        peers: vergelijkbaar"; } | refused unknown_peers 38:16 "unknown peer group 'vergelijkbaar'"

one_rule '{on: value, green: "-5..5", amber: "-10..10"}' >"$T/range_after_range.yaml"
run "$JMON" check-config "$T/range_after_range.yaml"
assert_status 0 "an amber -10..10 after a green -5..5 is fine"

for c in "< 4" "<= 4" "> 4" ">= 4" "== 4" "1..4" "-2.5..2.5"; do
	one_rule "{on: value, green: \"$c\"}" >"$T/cond.yaml"
	run "$JMON" check-config "$T/cond.yaml"
	assert_status 0 "the condition '$c' parses"
done

# several errors: all of them
sed 's/^  title:/  titel:/; s/unit: weken/unit: week/' "$GOOD" >"$T/two.yaml"
run "$JMON" check-config "$T/two.yaml"
assert_status 78 "two errors: exit 78"
assert_grep "two.yaml:5:3:" "$T/stderr" "two errors: the first"
assert_grep "two.yaml:27:15:" "$T/stderr" "two errors: the second"

# --- 3: import and report refuse a bad configuration ------------------------------------

run "$JMON" import --db "$T/bad.db" --config "$T/misspelt_key.yaml" "$T/data.csv"
assert_status 78 "import with a bad configuration exits 78"
assert_grep "misspelt_key.yaml:5:3: unknown monitor key 'titel'" "$T/stderr" "import: the message with its position"
if [ -e "$T/bad.db" ]; then not_ok "import with a bad configuration writes no database"; else
	ok "import with a bad configuration writes no database"; fi
run "$JMON" report --db "$T/m.db" --config "$T/misspelt_key.yaml"
assert_status 78 "report with a bad configuration exits 78"
assert_grep "misspelt_key.yaml:5:3:" "$T/stderr" "report: the message with its position"
