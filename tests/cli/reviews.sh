# SPDX-License-Identifier: EUPL-1.2
# The reviews CSV (region,period,indicator,category,status,reason,text):
# explanations and analyst statuses from a document, imported like any
# delivery, all or nothing.
. "$TOP/tests/lib.sh"

db=$T/reviews.db

cat >"$T/good.csv" <<'EOF'
region,period,indicator,category,status,reason,text
GM0361,2023Q4,wachttijd_boven_termijn,,red,Stijgt drie kwartalen op rij,Veertien jeugdigen wachten te lang.
GM0361,2023Q4,wachttijd_zorgsoort,jeugd_ggz,,,"Personeelstekort, vooral bij de grootste aanbieder."
GM0361,2023KW04,vt_adviezen,,oranje,Meer adviesvragen,
EOF
run "$JMON" import --db "$db" "$T/good.csv"
assert_status 0 "a reviews file imports"
assert_grep "3 rows, cells 4 new / 0 changed / 0 unchanged" "$T/stdout" \
	"two texts and two statuses are written"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$db" "SELECT indicator, status_override, reason, reviewed FROM review ORDER BY indicator;
		SELECT indicator, category, text FROM annotation ORDER BY indicator" >"$T/rows"
	assert_file "$T/rows" "statuses (Dutch words too) go to review, texts to annotation" <<'EOF'
vt_adviezen|amber|Meer adviesvragen|1
wachttijd_boven_termijn|red|Stijgt drie kwartalen op rij|1
wachttijd_boven_termijn||Veertien jeugdigen wachten te lang.
wachttijd_zorgsoort|jeugd_ggz|Personeelstekort, vooral bij de grootste aanbieder.
EOF
fi

# A later file changes one status and repeats a text unchanged.
cat >"$T/later.csv" <<'EOF'
regio,periode,indicator,categorie,status,reden,toelichting
GM0361,2023Q4,wachttijd_boven_termijn,,amber,Afspraken over overbrugging gemaakt,Veertien jeugdigen wachten te lang.
EOF
run "$JMON" import --db "$db" "$T/later.csv"
assert_status 0 "Dutch headers are accepted"
assert_grep "cells 0 new / 1 changed / 1 unchanged" "$T/stdout" "a changed status is counted as changed"

cat >"$T/bad.csv" <<'EOF'
region,period,indicator,category,status,reason,text
GM0361,2023Q4,ggz_aanmeldwachttijd,,paars,x,t
GM0361,2023Q4,wachttijd_zorgsoort,jeugd_ggz,red,r,t
GM0361,2023Q4,hulpvragen_jgc,,,reden,
GM0361,2023Q4,gezinnen_1g1p,,,,
GM0361,2023Q4,vt_meldingen,,red,,t
GM0361,2023Q4,onbekend,,,,t
GM0361,2023Q4,vt_adviezen,,oranje,Druk,t
GM0361,2023Q4,vt_adviezen,,,,t2
EOF
cp "$db" "$T/before.db"
run "$JMON" import --db "$db" "$T/bad.csv"
assert_status 65 "a bad reviews file is rejected with status 65"
sed "s|$T/||" "$T/stderr" >"$T/messages"
assert_file "$T/messages" "every problem is reported with its position" <<'EOF'
bad.csv:2:37: unknown status 'paars' (expected green, amber, red or grey)
bad.csv:3:45: a status applies to the whole indicator: leave category 'jeugd_ggz' empty, or give only a text
bad.csv:4:32: a reason without a status
bad.csv:5:32: neither a status nor a text: nothing to import
bad.csv:6:29: status 'red' without a reason (an override needs one)
bad.csv:7:15: unknown indicator 'onbekend'
bad.csv:9:1: duplicate row: GM0361 2023Q4 vt_adviezen was given on line 8 already
jmon: bad.csv: 7 errors, nothing imported
EOF
if cmp -s "$db" "$T/before.db"; then ok "nothing of a rejected file is written"; else
	not_ok "nothing of a rejected file is written: the database changed"; fi
