# SPDX-License-Identifier: EUPL-1.2
# Mistakes get words: a --db that is not there, a folder or an empty file;
# an unknown --region; a --period in the form the screen writes it, or
# without data.  The browser runs headless (JMON_SCRIPT) where it opens.
. "$TOP/tests/lib.sh"
CFG="$FIX/browse/monitor.yaml"
DB="$T/browse.db"
import_each "$CFG" "$DB" "$FIX/browse/00-regions.csv" "$FIX/browse/10-levering-2019.csv" \
	"$FIX/browse/20-levering-2020Q1.csv"
printf ':dump first.txt\n' >"$T/script"

# browse ARGS...: the browser on the script, from $T
browse() {
	rm -f "$T/first.txt"
	(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" "$@") >"$T/stdout" 2>"$T/stderr"
	status=$?
}

# A --db with a typo: an error with the command line that makes one, and
# no new file; for the report as well.
browse --config "$CFG" --db "$T/typo.db"
assert_status 66 "the browser on a database that is not there exits 66"
assert_stderr "it says how to make one" <<EOF
jmon: $T/typo.db: no database here; make one with: jmon import --config $CFG --db $T/typo.db FILE...
EOF
if [ -e "$T/typo.db" ]; then not_ok "the browser makes no database"; else ok "the browser makes no database"; fi
run "$JMON" report --db "$T/typo.db"
assert_status 66 "the report on a database that is not there exits 66"
assert_stderr "without --config the line has none" <<EOF
jmon: $T/typo.db: no database here; make one with: jmon import --db $T/typo.db FILE...
EOF
mkdir -p "$T/met spatie"
run "$JMON" report --db "$T/met spatie/it's.db"
assert_grep "make one with: jmon import --db '$T/met spatie/it'\\''s.db' FILE..." "$T/stderr" \
	"a path with a space and a quote is quoted for the shell"
JMON_DB="$T/env.db" browse --config "$CFG"
assert_status 66 "a \$JMON_DB that is not there exits 66"
assert_grep "jmon import --config $CFG --db $T/env.db FILE..." "$T/stderr" \
	"the line names the database of \$JMON_DB"
run "$JMON" import --config "$CFG" --db "$T/typo.db" "$FIX/browse/00-regions.csv"
assert_status 0 "jmon import still makes a new database"
browse --config "$CFG" --db "$T/typo.db"
assert_status 0 "the browser opens the new database"

# A folder, an empty file: what they are, not "disk I/O error" or "schema 0".
browse --config "$CFG" --db "$T"
assert_status 66 "a folder as --db exits 66"
assert_stderr "a folder is called one" <<EOF
jmon: $T is a folder, not a database: name the database file in it (--db $T/jmon.db)
EOF
: >"$T/leeg.db"
browse --config "$CFG" --db "$T/leeg.db"
assert_status 66 "an empty file as --db exits 66"
assert_stderr "an empty file is called one" <<EOF
jmon: $T/leeg.db is an empty file (0 bytes), not a jmon database yet; fill it with: jmon import --config $CFG --db $T/leeg.db FILE...
EOF
if [ -s "$T/leeg.db" ]; then not_ok "the empty file stays empty"; else ok "the empty file stays empty"; fi
run "$JMON" import --config "$CFG" --db "$T" "$FIX/browse/00-regions.csv"
assert_status 73 "an import into a folder exits 73"
assert_grep "$T is a folder, not a database file" "$T/stderr" "an import into a folder says so"

# An unknown region: the nearest known codes, for --region and monitor.region.
browse --config "$CFG" --db "$DB" --region GM9361
assert_status 65 "an unknown --region exits 65"
assert_stderr "an unknown --region names the nearest known codes" <<EOF
jmon: unknown region 'GM9361'; nearest known: GM0361 (Alkmaar), GM0392 (Haarlem), GM0546 (Leiden)
EOF
browse --config "$CFG" --db "$DB" --region WK036109
assert_grep "nearest known: WK036101 (Centrum), WK036102 (Oudorp)" "$T/stderr" \
	"a wijk code is near the wijken"
sed 's/region: GM0361/region: GM0999/' "$CFG" >"$T/elders.yaml"
browse --config "$T/elders.yaml" --db "$DB"
assert_status 65 "an unknown monitor.region exits 65"
assert_grep "jmon: unknown region 'GM0999' in monitor.region of $T/elders.yaml; nearest known: GM0392 (Haarlem), GM0361 (Alkmaar)" \
	"$T/stderr" "an unknown monitor.region says where it came from"

# --period as the screen and CBS write it.
for form in "2020 Q1" "Q1 2020" "2020-Q1" "2020KW01" "2020q1" "1e kwartaal 2020"; do
	browse --config "$CFG" --db "$DB" --period "$form"
	assert_status 0 "--period '$form' opens"
	assert_grep " · 2020 Q1 (voorlopig)" "$T/first.txt" "--period '$form' is 2020 Q1"
done
browse --config "$CFG" --db "$DB" --period "2020 Q5"
assert_status 64 "--period 2020 Q5 exits 64"
assert_grep "jmon: '2020 Q5' is not a period (write it as 2023 Q3, Q3 2023, 2023KW03, 2023 H1, 2023, maart 2023, 1-1-2023 or 2023-01-01)" \
	"$T/stderr" "--period 2020 Q5 names the forms"

# A period without data opens, and says where the data is.
browse --config "$CFG" --db "$DB" --period 2030Q1
assert_status 0 "a --period without data opens"
assert_eq "$(tail -1 "$T/first.txt")" \
	"geen gegevens voor 2030 Q1; nieuwste periode met gegevens: 2020 Q1 (p: kiezen)" \
	"a --period without data names the newest period with data"
browse --config "$CFG" --db "$T/typo.db"
assert_eq "$(tail -1 "$T/first.txt")" "geen gegevens voor Alkmaar: laad gegevens met 'jmon import'" \
	"a database without data says how to load it"
