# SPDX-License-Identifier: EUPL-1.2
# Defects found by trying jmon as an attacker and a careless user would
# (issue 14), each as the user meets it: a header-only regions file, a
# number too big for an integer in the configuration, implied decimals
# above 6, a database whose schema version is negative, and a region
# switch to a region without data for the period on screen.  Under the
# sanitizer build the first two aborted.
. "$TOP/tests/lib.sh"

CFG="$FIX/import/monitor.yaml"

# A regions CSV of the header alone: a valid, empty delivery.
printf 'region,name,kind,parent\n' >"$T/regions.csv"
run "$JMON" import --config "$CFG" --db "$T/empty.db" "$T/regions.csv"
assert_status 0 "a header-only regions file imports"
assert_grep "regions.csv: delivery 1, 0 rows" "$T/stdout" "and says it had no rows"

# A whole number far out of range is refused, not cast.
sed 's/^\(        decimals:\) 1$/\1 1e300/' "$CFG" >"$T/huge.yaml"
run "$JMON" check-config "$T/huge.yaml"
assert_status 78 "decimals: 1e300 is a bad configuration"
assert_grep "'decimals' must be a whole number from 0 to 9, not '1e300'" "$T/stderr" \
	"decimals: 1e300 is named with the range"
assert_no_grep "runtime error" "$T/stderr" "decimals: 1e300 is no undefined behaviour"

# cbs.decimals 7: 97 in the file is 97 / 10^7, not 97.
sed 's/PercentageJongerenMetJeugdzorg, decimals: 1/PercentageJongerenMetJeugdzorg, decimals: 7/' \
	"$CFG" >"$T/dec7.yaml"
run "$JMON" import --config "$T/dec7.yaml" --db "$T/dec7.db" "$FIX/cbs/odata_typed.csv"
assert_status 0 "cbs.decimals 7 imports"
assert_eq "$(sqlite3 "$T/dec7.db" "SELECT printf('%.7f', value) FROM observation
	WHERE indicator = 'jeugdzorg_pct' AND region = 'GM0034'")" "0.0000097" \
	"cbs.decimals 7 divides by ten million"

# user_version -1 is a schema no jmon wrote, not "not an error".
cp "$T/empty.db" "$T/neg.db"
sqlite3 "$T/neg.db" "PRAGMA user_version = -1"
run "$JMON" import --config "$CFG" --db "$T/neg.db" "$FIX/import/long.csv"
assert_status 74 "a negative schema version is refused"
assert_grep "database schema -1 is not one jmon writes" "$T/stderr" "and said as such"
run "$JMON" report --config "$CFG" --db "$T/neg.db"
assert_status 74 "a negative schema version is refused by report"
assert_grep "database schema -1 is not one jmon writes" "$T/stderr" "report says so too"

# A region switch keeps the period only when the new region has data for
# it: Zandvoort has 2019 Q4 alone.
bcfg="$FIX/browse/monitor.yaml"
bdb="$T/browse.db"
import_each "$bcfg" "$bdb" "$FIX"/browse/*.csv
printf 'region,name,kind,parent\nGM0473,Zandvoort,gemeente,NL01\n' >"$T/zandvoort.csv"
printf 'region,period,indicator,category,value,flag\nGM0473,2019Q4,jeugdigen_maatwerk,,310,\n' \
	>"$T/zandvoort-2019.csv"
import_each "$bcfg" "$bdb" "$T/zandvoort.csv" "$T/zandvoort-2019.csv"
keys <<'EOF'
:dump alkmaar.txt
:region GM0473
:dump zandvoort.txt
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" --db "$bdb" --config "$bcfg") >"$T/stdout" 2>"$T/stderr"
status=$?
assert_status 0 "the browser ran the region switch"
assert_grep "Alkmaar (GM0361) · 2020 Q1" "$T/alkmaar.txt" "Alkmaar opens at 2020 Q1"
assert_grep "Zandvoort (GM0473) · 2019 Q4" "$T/zandvoort.txt" \
	"Zandvoort, without 2020 Q1, opens at its own newest period"

# A refused delivery leaves the database byte-identical also when it comes
# with a configuration other than the database's: the configuration's
# tables are synced inside the import's transaction, not before it.
cdb="$T/config.db"
import_each "$CFG" "$cdb" "$FIX/import/regions.csv" "$FIX/import/long.csv"
sed 's/label: "Cliënttevredenheid"/label: "Tevredenheid"/' "$CFG" >"$T/relabel.yaml"
grep -q 'label: "Tevredenheid"' "$T/relabel.yaml" || not_ok "the relabelled configuration differs"
# a second configuration with one indicator less: the import would drop it
awk '/^      - id: tevredenheid/ { skip = 1; next } skip && /^      - id:/ { skip = 0 } !skip' \
	"$T/relabel.yaml" >"$T/fewer.yaml"
printf 'region,period,indicator,category,value,flag\nGM0361,2021Q1,jeugdigen_maatwerk,,1e999,\n' \
	>"$T/bad-number.csv"
sqlite3 "$cdb" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$cdb" "$T/config-before.db"
for c in relabel fewer; do
	run "$JMON" import --config "$T/$c.yaml" --db "$cdb" "$T/bad-number.csv"
	assert_status 65 "a refused delivery with the $c configuration exits 65"
	assert_grep "nothing imported" "$T/stderr" "and says nothing was imported ($c)"
	cmp -s "$cdb" "$T/config-before.db" && ok "the database is byte-identical ($c)" ||
		not_ok "the database is byte-identical ($c)"
	assert_eq "$(sqlite3 "$cdb" "SELECT label FROM indicator WHERE id = 'tevredenheid'")" \
		"Cliënttevredenheid" "the stored label is the one before ($c)"
done
# and a delivery that is taken does sync the new configuration
printf 'region,period,indicator,category,value,flag\nGM0361,2021Q1,jeugdigen_maatwerk,,2700,\n' \
	>"$T/good.csv"
run "$JMON" import --config "$T/relabel.yaml" --db "$cdb" "$T/good.csv"
assert_status 0 "a good delivery with the relabelled configuration imports"
assert_eq "$(sqlite3 "$cdb" "SELECT label FROM indicator WHERE id = 'tevredenheid'")" \
	"Tevredenheid" "and its configuration is synced with it"

# CBS cells are stored as they are read; an empty one waits only until its
# measure has a value in its period (then it is suppressed) or the file
# ends (then CBS has not published that period: nothing).  Empty before
# the value, empty after it, and a period without any value.
cat >"$T/cbs-order.csv" <<'CSV'
ID,RegioS,Perioden,JongerenMetJeugdzorgInNatura_1,PercentageJongerenMetJeugdzorg_2,Bevolkingsdichtheid_3
0,WK003401  ,2020JJ00,,,1748
1,GM0034    ,2020JJ00,5960,97,1644
2,WK003402  ,2020JJ00,,,1700
3,GM0034    ,2021JJ00,,,1650
CSV
cdb2="$T/cbs-order.db"
import_each "$CFG" "$cdb2" "$FIX/import/regions.csv"
run "$JMON" import --config "$CFG" --db "$cdb2" "$T/cbs-order.csv"
assert_status 0 "a CBS file with empty cells before and after their values imports"
assert_eq "$(sqlite3 "$cdb2" "SELECT region || ' ' || period || ' ' || flag FROM observation
	WHERE indicator = 'jeugdzorg_in_natura' ORDER BY region, period" | tr '\n' ';')" \
	"GM0034 2020 ;WK003401 2020 suppressed;WK003402 2020 suppressed;" \
	"empty cells of a published period are suppressed, before or after the value; of an unpublished one, nothing"
