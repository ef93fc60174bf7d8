# SPDX-License-Identifier: EUPL-1.2
# jmon report --regions and --peers (jmon(1), REPORT): regions side by
# side in every format, the mean of a peer group (region code mean:ID)
# without the region and without a withheld member ("3 van 4"), the
# difference against the reference (pp, %, weeks), and the errors: an
# unknown code (65), an unknown peer group (64), a bad list (64); and
# compare: in the configuration (check-config).
. "$TOP/tests/lib.sh"
CFG="$FIX/benchmark/monitor.yaml"
DB="$T/monitor.db"
import_each "$CFG" "$DB" "$FIX"/benchmark/*.csv

report --chapter gebruik --regions GM0484,GM0505,NL01
assert_status 0 "--regions: a text report"
assert_stdout "--regions: the regions side by side, a withheld count is <10 and has no difference" <<'EOF'
Benchmarktest · Alphen aan den Rijn (GM0484) · 2016
verschil t.o.v. Nederland (NL01): pp bij percentages, % bij aantallen en bedragen, anders in de eenheid

Gebruik
Indicator          Alphen aan den Rijn  Dordrecht  Nederland
                                GM0484     GM0505       NL01
Jeugdhulp                     13,9 % ▲   12,9 % ●   11,1 % ●
Jeugdhulp, aantal                2.780        <10    410.000
Verwijzingen                       220        155
  Huisarts                         130        110
  Gemeente                          90         45
Wachttijd                     6,5 wk ■   3,0 wk ●   5,1 wk ▲

Gebruik: verschil t.o.v. Nederland
Indicator          Alphen aan den Rijn  Dordrecht  Nederland
                                GM0484     GM0505       NL01
Jeugdhulp                    +2,8 pp ▲  +1,8 pp ●   11,1 % ●
Jeugdhulp, aantal              -99,3 %               410.000
Verwijzingen
  Huisarts
  Gemeente
Wachttijd                    +1,4 wk ■  -2,1 wk ●   5,1 wk ▲

● groen  ▲ oranje  ■ rood  ○ grijs (de kleur van elke regio volgens haar eigen regel)
EOF

report --chapter gebruik --peers vergelijkbaar --format md
assert_status 0 "--peers: a Markdown report"
assert_grep "| Jeugdhulp, aantal | 2.780 | 3.300 | <10 | 2.100 | 3.050 | 2.817 (3 van 4) |" "$T/stdout" \
	"--peers: the members and their mean, of the shown members only, without the region"
assert_grep "### Verschil t.o.v. gem. Vergelijkbare gemeenten" "$T/stdout" \
	"--peers without NL: differences against the group's mean"
assert_grep "| Wachttijd | +1,5 wk ■ | -0,5 wk ▲ | -2,0 wk ● | +2,0 wk ■ | +0,5 wk ▲ | 5,0 wk (4 van 4) |" \
	"$T/stdout" "a waiting time differs in weeks"

report --peers vergelijkbaar --regions GM0484,NL01 --format csv
assert_status 0 "--peers and --regions: CSV"
head -1 "$T/stdout" >"$T/header"
assert_file "$T/header" "CSV: the contract's columns, then the comparison's" <<'EOF'
region,period,chapter,indicator,category,value,flag,status,reason,reviewed,label,unit,change,norm,value_period,source_status,reviewed_by,reviewed_at,explanation,formula,baseline_period,baseline_change,region_name,reference,difference,difference_unit,mean_n,mean_of
EOF
grep '^GM0505,2016,gebruik,jeugdhulp,' "$T/stdout" >"$T/row"
assert_file "$T/row" "CSV: a withheld count is empty and suppressed, without a difference" <<'EOF'
GM0505,2016,gebruik,jeugdhulp,,,suppressed,grey,geen regel,,"Jeugdhulp, aantal",aantal,,,2016,,,,,,,,Dordrecht,NL01,,,,
EOF
grep '^mean:vergelijkbaar,2016,gebruik,jeugdhulp_pct,' "$T/stdout" >"$T/row"
assert_file "$T/row" "CSV: the mean as region mean:ID, with mean_n of mean_of" <<'EOF'
mean:vergelijkbaar,2016,gebruik,jeugdhulp_pct,,12.125,,,,,Jeugdhulp,procent,,,2016,,,,,,,,gem. Vergelijkbare gemeenten,NL01,1.025,pp,4,4
EOF
grep '^GM0484,2016,kosten,kosten,' "$T/stdout" | cut -d, -f1-6,23- >"$T/row"
assert_file "$T/row" "CSV: no difference against a reference without a value (NL has no costs)" <<'EOF'
GM0484,2016,kosten,kosten,,32600000,Alphen aan den Rijn,NL01,,,,
EOF
n=$(grep -c '^GM0' "$T/stdout")
assert_eq "$n" 35 "CSV: one row per region × indicator × category (5 gemeenten × 7 rows)"

report --chapter kosten --peers vergelijkbaar --format csv
grep '^GM0484,2016,kosten,kosten,' "$T/stdout" | cut -d, -f1,6,24- >"$T/row"
assert_file "$T/row" "CSV: an amount differs in % of the reference, here the group's mean" <<'EOF'
GM0484,32600000,mean:vergelijkbaar,-1.95488721805,%,,
EOF

report --chapter gebruik --regions GM0484,GM0505 --format json
assert_status 0 "--regions: JSON"
python3 -B - "$T/stdout" >"$T/json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))
print(r["region"], r["period"], r["reference"], [c["code"] for c in r["columns"]])
ind = r["chapters"][0]["indicators"][1]
for v in ind["values"]:
    print(ind["id"], v["region"], v["value"], v["flag"], v["difference"])
cat = r["chapters"][0]["indicators"][2]["categories"][0]
print(cat["id"], [v["value"] for v in cat["values"]])
EOF
assert_file "$T/json" "JSON: nested, a withheld value null with flag suppressed" <<'EOF'
GM0484 2016 GM0484 ['GM0484', 'GM0505']
jeugdhulp GM0484 2780  None
jeugdhulp GM0505 None suppressed None
huisarts [130, 110]
EOF

report --regions GM0484,GM9999
assert_status 65 "--regions with an unknown code: exit 65"
assert_grep "report: unknown region 'GM9999' in --regions; nearest known:" "$T/stderr" \
	"the unknown code is named, with the nearest known"
report --regions GM0484,mean:nergens
assert_status 65 "--regions with the mean of an unknown group: exit 65"
assert_grep "unknown code 'mean:nergens' in --regions" "$T/stderr" "the unknown mean is named"
report --peers nergens
assert_status 64 "--peers with an unknown group: exit 64"
assert_grep "unknown peer group 'nergens' (peer groups: vergelijkbaar, landelijk)" "$T/stderr" \
	"the groups are named"
report --regions GM0484,,NL01
assert_status 64 "--regions with an empty code: exit 64"

# compare: in the configuration
sed 's/^compare: .*/compare: [vergelijkbar, JZ05, nl]/' "$CFG" >"$T/typo.yaml"
run "$JMON" check-config "$T/typo.yaml"
assert_status 78 "check-config: a compare entry that is no group, code or nl"
assert_grep "typo.yaml:18:" "$T/stderr" "at its position"
assert_grep "did you mean 'vergelijkbaar'?" "$T/stderr" "with the group it meant"
sed 's/^compare: .*/compare: [mean:vergelijkbaar, GM0307, nl]/' "$CFG" >"$T/ok.yaml"
run "$JMON" check-config "$T/ok.yaml"
assert_status 0 "check-config: a mean, a region code and nl are compare entries"

# Seed 001, table "Gebruik jeugdhulp" (L1411-1455): NL | A | B | C | D,
# the shares and their N, as the verschillenanalyse-2015q1 sample has them.
# The seed prints C's share with stay as "1 %", jmon as 1,0 %.
sdb="$T/verschillen.db"
(cd "$TOP" && tools/build-sample.sh "$JMON" verschillenanalyse-2015q1 "$sdb") >/dev/null 2>&1 ||
	not_ok "build the verschillenanalyse-2015q1 sample"
run "$JMON" report --db "$sdb" --config "$TOP/sample-data/verschillenanalyse-2015q1/monitor.yaml" \
	--regions NL01,GM9901,GM9902,GM9903,GM9904 --chapter gebruik
assert_status 0 "seed 001: the regions side by side"
sed -n '5,10p' "$T/stdout" >"$T/table"
assert_file "$T/table" "seed 001: the table Gebruik jeugdhulp as the study prints it" <<'EOF'
Indicator                                 Nederland  Gemeente A  Gemeente B  Gemeente C  Gemeente D
                                               NL01      GM9901      GM9902      GM9903      GM9904
Jongeren met jeugdhulp                      6,2 % ○     8,9 % ■     6,6 % ●     6,7 % ●     6,4 % ●
Jeugdhulp, aantal                           214.000         635         528         710         595
Jongeren met verblijf                       0,9 % ○     1,5 % ■     1,1 % ▲     1,0 % ▲     1,2 % ▲
Verblijf, aantal                                            107          88         106         112
EOF
