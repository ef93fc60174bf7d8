# SPDX-License-Identifier: EUPL-1.2
# jmon check-config: a good file gives a one-line summary and status 0;
# every broken file in tests/fixtures/config/ is refused with status 78 and
# exactly its FILE:LINE:COLUMN: message on stderr, nothing on stdout.
. "$TOP/tests/lib.sh"
cd "$TOP" || exit 1
C=tests/fixtures/config

run "$JMON" check-config $C/good.yaml
assert_status 0 "good.yaml passes"
assert_stdout "good.yaml: the summary" <<EOF
$C/good.yaml: 2 chapters, 3 indicators, 2 rules
EOF
assert_stderr "good.yaml: nothing on stderr" </dev/null

run "$JMON" check-config config/jmon.yaml
assert_status 0 "the default monitor passes"
assert_stdout "config/jmon.yaml: the summary" <<EOF
config/jmon.yaml: 4 chapters, 44 indicators, 29 rules
EOF

# refused FILE: status 78, stdin is the expected stderr
refused() {
	run "$JMON" check-config "$C/$1"
	assert_status 78 "$1 is refused with status 78"
	assert_stderr "$1: the message"
	assert_stdout "$1: nothing on stdout" </dev/null
}

refused unknown_key.yaml <<EOF
$C/unknown_key.yaml:26:9: unknown indicator key 'lable'; did you mean 'label'?
EOF
refused wrong_type.yaml <<EOF
$C/wrong_type.yaml:28:19: 'decimals' must be a whole number from 0 to 9, not 'een'
EOF
refused duplicate_id.yaml <<EOF
$C/duplicate_id.yaml:19:13: duplicate indicator id 'jeugdigen_maatwerk' (first in chapter 'cijfers', line 14)
EOF
refused duplicate_key.yaml <<EOF
$C/duplicate_key.yaml:18:9: duplicate key 'counts' (first on line 17)
EOF
refused unknown_unit.yaml <<EOF
$C/unknown_unit.yaml:27:15: unknown unit 'uren'; expected aantal, procent, weken, dagen, euro, score, none or werkdagen
EOF
refused unknown_on.yaml <<EOF
$C/unknown_on.yaml:31:25: unknown stoplight kind 'waarde'; expected value, change, change_pct, yoy_pct, norm_ratio, peer_pct, baseline_change or baseline_pct
EOF
refused unknown_peers.yaml <<EOF
$C/unknown_peers.yaml:30:16: unknown peer group 'buuren'; did you mean 'buren'?
EOF
refused unknown_category.yaml <<EOF
$C/unknown_category.yaml:19:84: unknown category 'zni'; did you mean 'zin'?
EOF
refused bad_condition.yaml <<EOF
$C/bad_condition.yaml:31:54: 'amber': 'tot 6': condition does not parse; write < x, <= x, > x, >= x, == x or a..b
EOF
refused band_order.yaml <<EOF
$C/band_order.yaml:31:54: band 'amber' (<= 4) can never match: 'green' (<= 6) already covers it
EOF
refused peer_pct_no_peers.yaml <<EOF
$C/peer_pct_no_peers.yaml:18:25: on: peer_pct needs 'peers' (a peer group) on indicator 'jeugdigen_maatwerk'
EOF
refused norm_ratio_no_norm.yaml <<EOF
$C/norm_ratio_no_norm.yaml:30:25: on: norm_ratio needs a 'norm' on indicator 'ggz_aanmeldwachttijd'
EOF
refused yaml_syntax.yaml <<EOF
$C/yaml_syntax.yaml:27:8: YAML syntax error: did not find expected '-' indicator (while parsing a block collection that starts on line 25)
EOF

# computed figures: inputs that exist, formulas of the right size, units
# that go together, no circle; the keys a computed figure cannot have; a
# stoplight on a baseline that is not there
refused compute.yaml <<EOF
$C/compute.yaml:18:86: 'scale' belongs to a ratio; a difference has none
$C/compute.yaml:19:82: compute has one formula, not 'sum' and 'difference'
$C/compute.yaml:20:41: compute needs a formula: ratio, difference, sum or share (compute: {ratio: [a, b], scale: 100})
$C/compute.yaml:24:60: indicator 'gedeeld' is a share: the sum of its quarters is not the share of the year (rollup: last or none)
$C/compute.yaml:24:46: indicator 'gedeeld' is a share, not a count of people or cases (counts: false)
$C/compute.yaml:25:53: indicator 'geleverd' is computed (compute: sum): CBS does not deliver it
$C/compute.yaml:25:43: indicator 'geleverd' is computed: its total is computed from the totals of its inputs, so it has no 'total'
$C/compute.yaml:28:62: on: baseline_pct needs a baseline: monitor.baseline or 'baseline' on indicator 'zonder_nulmeting' (baseline: 2016)
$C/compute.yaml:14:57: unknown indicator 'prognoze'; did you mean 'prognose'?
$C/compute.yaml:15:64: compute: indicator 'eenheid' has unit weken: a ratio of euro to euro is procent (scale: 100), aantal or score
$C/compute.yaml:16:61: compute: indicator 'gemengd' has unit euro: a sum of euro and weken has no unit: give its inputs one unit
$C/compute.yaml:17:46: compute: a sum takes at least 2 indicators (sum: [a, b, ...] is a + b + ...), not 1
$C/compute.yaml:21:48: indicator 'zelf' is computed from itself
$C/compute.yaml:22:50: compute: indicator 'thema' has unit none, so it holds no number to compute with
$C/compute.yaml:23:94: compute: indicator 'begroting' has no category 'ggz' (indicator 'geen_cat' has)
$C/compute.yaml:26:50: compute: indicator 'kring_a' is computed from itself through its inputs
EOF
# the lines that are right on their own pass
grep -v -E '^      - \{id: (onbekend|eenheid|gemengd|een|schaal|twee|leeg|zelf|zonder|geen_cat|gedeeld|geleverd|kring_a|kring_b|zonder_nulmeting),' \
	$C/compute.yaml >"$T/compute_good.yaml"
run "$JMON" check-config "$T/compute_good.yaml"
assert_status 0 "ratio, ratio per case and difference pass"
assert_stdout "computed figures: the summary" <<EOF
$T/compute_good.yaml: 1 chapter, 8 indicators, 0 rules
EOF


# several problems: all of them, in one run
sed 's/unit: weken/unit: uren/' $C/unknown_key.yaml >"$T/two.yaml"
run "$JMON" check-config "$T/two.yaml"
assert_status 78 "two problems: status 78"
assert_stderr "two problems: both reported" <<EOF
$T/two.yaml:26:9: unknown indicator key 'lable'; did you mean 'label'?
$T/two.yaml:27:15: unknown unit 'uren'; expected aantal, procent, weken, dagen, euro, score, none or werkdagen
EOF

run "$JMON" check-config $C/missing.yaml
assert_status 66 "a missing file: status 66"
assert_stderr "a missing file: the message" <<EOF
jmon: $C/missing.yaml: cannot open configuration: No such file or directory
EOF

run "$JMON" check-config $C/good.yaml $C/good.yaml
assert_status 64 "two files: usage error"

# without FILE: the search order, ending in the built-in monitor
mkdir -p "$T/xdg/jmon" "$T/home"
run env HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" "$JMON" check-config
assert_status 0 "no file anywhere: the built-in monitor"
assert_stdout "the built-in monitor: the summary" <<EOF
config/jmon.yaml (built-in): 4 chapters, 44 indicators, 29 rules
EOF

cp $C/good.yaml "$T/xdg/jmon/jmon.yaml"
run env HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" "$JMON" check-config
assert_status 0 "XDG_CONFIG_HOME/jmon/jmon.yaml is found"
assert_stdout "XDG_CONFIG_HOME: the summary names the file" <<EOF
$T/xdg/jmon/jmon.yaml: 2 chapters, 3 indicators, 2 rules
EOF

run env HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" JMON_CONFIG=$C/band_order.yaml "$JMON" check-config
assert_status 78 "JMON_CONFIG comes before XDG_CONFIG_HOME"

run env HOME="$T/home" XDG_CONFIG_HOME="$T/xdg" JMON_CONFIG=$C/band_order.yaml "$JMON" --config $C/good.yaml check-config
assert_status 0 "--config comes before JMON_CONFIG"
assert_stdout "--config: the summary names the file" <<EOF
$C/good.yaml: 2 chapters, 3 indicators, 2 rules
EOF

# the complete example of jmon.yaml(5) is a valid monitor
sed -n '/^\.SH EXAMPLE/,/^\.EE/p' man/jmon.yaml.5 | sed -e '1,2d' -e '$d' -e 's/\\-/-/g' >"$T/example.yaml"
run "$JMON" check-config "$T/example.yaml"
assert_status 0 "the example in jmon.yaml(5) passes"
assert_stdout "the example in jmon.yaml(5): the summary" <<EOF
$T/example.yaml: 2 chapters, 6 indicators, 6 rules
EOF
