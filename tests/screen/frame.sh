# SPDX-License-Identifier: EUPL-1.2
# The frame of the browser, headless: header, chapter tabs, breadcrumb,
# status line, help, chapter switching, messages, small and wide terminals.
. "$TOP/tests/lib.sh"
cfg="$FIX/screen.yaml"
empty_db "$T/leeg.db" "$cfg"
nodb="--db leeg.db"	# no regions, no data: the monitor without figures

keys <<'EOF'
:dump start.txt
<Tab>
:dump tab.txt
4
:dump four.txt
:chapter wachttijden
:dump byid.txt
<BackTab>
:dump backtab.txt
EOF
expect start.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwe…
 Cliënttevredenheid
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
geen gegevens voor GM0361: laad gegevens met 'jmon import'
EOF
expect tab.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…


















 Wachttijden     Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help

EOF
expect four.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
  1 Cijfers   2 Wachttijden   3 Beschermingstafel  [4 Klachten/bezwaar]
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Klachten ingediend


















 Klachten/bezwaar                Enter: uitsplitsen  spatie: beoordeeld  ?: help

EOF
expect byid.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
  1 Cijfers  [2 Wachttijden]  3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Aanmeldwachttijd jeugd-g…


















 Wachttijden     Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help

EOF
expect backtab.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwe…
 Cliënttevredenheid
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help

EOF
screen "chapters by Tab, number, id and Shift-Tab" --config "$cfg" $nodb

keys <<'EOF'
?
:dump help.txt
<Escape>
:dump back.txt
EOF
expect help.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
Bewegen
  j ↓              :down            volgende regel
  k ↑              :up              vorige regel
  PgDn Ctrl-F      :page-down       pagina omlaag
  PgUp Ctrl-B      :page-up         pagina omhoog
  g Home           :first           eerste regel
  G End            :last            laatste regel
  Tab              :next-chapter    volgend hoofdstuk
  S-Tab            :prev-chapter    vorig hoofdstuk
  1-9              :chapter         hoofdstuk N (of :chapter ID)
  [                :prev-period     vorige periode
  ]                :next-period     volgende periode
  Enter l →        :enter           uitsplitsen (dieper)
  Esc Bksp h ←     :back            terug

Zoeken
  /                :search          zoeken
  n                :search-next     volgende treffer
  N                :search-prev     vorige treffer

 Cijfers › Hulp                                                q: terug  ?: help

EOF
expect back.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwe…
 Cliënttevredenheid
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help

EOF
screen "help and back" --config "$cfg" $nodb

# The help scrolls: its second page shows the colour legend of the monitor.
keys <<'EOF'
?
G
:dump legend.txt
EOF
expect legend.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
  Ctrl-L           :redraw          scherm opnieuw tekenen
                   :dump            scherm als tekst opslaan (:dump FILE)
                   :resize          schermgrootte (:resize RIJENxKOLOMMEN)
  q                :close           weergave sluiten (bovenaan: afsluiten)
  Q                :quit            meteen afsluiten

Kleuren
  ■ rood    Extra maatregel nodig.
  ▲ oranje  Extra aandacht nodig.
  ● groen   Loopt zoals gepland.
  ○ grijs   Geen oordeel (geen waarde, geheim, te klein of geen vergelijking).

Tekens
  ● groen ▲  een categorie is oranje (of ■ rood) onder een groene of grijze ind…
  ✓  beoordeeld; ↻ beoordeeld bij een andere waarde (verouderd)
  ✎  toegelicht   !  kleur met de hand gezet   §  kleur van het rapport (geen b…
  *  herzien door de nieuwste levering
  3/4 kw.  waar de waarde staat: 3 van 4 kwartalen, niet opgeteld (rollup:)
  Q3 (3/4)  het jaar niet opgeteld: de waarde is die van Q3
  beoordeeld 0/0 signalen: de signalen (oranje of rood, ook in een categorie) m…
 Cijfers › Hulp                                                q: terug  ?: help

EOF
screen "the help ends with the colour legend" --config "$cfg" $nodb

keys <<'EOF'
Z
:dump key.txt
:bogus
:dump command.txt
:chapter 9
:dump chapter.txt
EOF
expect key.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwe…
 Cliënttevredenheid
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
toets Z doet niets; ? voor hulp
EOF
expect command.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwe…
 Cliënttevredenheid
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
onbekende opdracht ':bogus' (zie ?)
EOF
expect chapter.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwe…
 Cliënttevredenheid
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
geen hoofdstuk '9'
EOF
screen "unknown keys and commands say so on the status line" --config "$cfg" $nodb

# The prompt: ':' then typed keys run a command; Esc cancels.
keys <<'EOF'
:
c
h
a
p
t
e
r
 
3
<Enter>
:dump prompt.txt
EOF
expect prompt.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
  1 Cijfers   2 Wachttijden  [3 Beschermingstafel]  4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Aanmeldingen bescherming…


















 Beschermingstafel               Enter: uitsplitsen  spatie: beoordeeld  ?: help

EOF
screen "a command typed at the : prompt runs" --config "$cfg" $nodb

# Small, wide and growing terminals.
keys <<'EOF'
:resize 10x50
:dump small.txt
:resize 14x60
:dump minimum.txt
EOF
expect small.txt <<'EOF'





terminal te klein: 50×10, minimaal 60×12




EOF
expect minimum.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klach…
 Indicator                     waarde  Δ vorig  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatw…
 Cliënttevredenheid






 Cijfers     Enter: uitsplitsen  spatie: beoordeeld  ?: help

EOF
screen "below the minimum a clear message, at the minimum the screen" --config "$cfg" $nodb

keys <<'EOF'
:dump wide.txt
EOF
expect wide.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                                                              waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwerkvoorziening
 Cliënttevredenheid






 Cijfers                                                 Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
geen gegevens voor GM0361: laad gegevens met 'jmon import'
EOF
LINES=14 COLUMNS=120 screen "a wide terminal" --config "$cfg" $nodb

# Without a UTF-8 locale: ASCII separators, arrows and glyphs.
keys <<'EOF'
?
G
:dump ascii.txt
EOF
expect ascii.txt <<'EOF'
 Testmonitor | GM0361 | geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
  Ctrl-L           :redraw          scherm opnieuw tekenen
                   :dump            scherm als tekst opslaan (:dump FILE)
                   :resize          schermgrootte (:resize RIJENxKOLOMMEN)
  q                :close           weergave sluiten (bovenaan: afsluiten)
  Q                :quit            meteen afsluiten

Kleuren
  # rood    Extra maatregel nodig.
  ^ oranje  Extra aandacht nodig.
  o groen   Loopt zoals gepland.
  - grijs   Geen oordeel (geen waarde, geheim, te klein of geen vergelijking).

Tekens
  o groen ^  een categorie is oranje (of # rood) onder een groene of grijze ind~
  v  beoordeeld; ~ beoordeeld bij een andere waarde (verouderd)
  e  toegelicht   !  kleur met de hand gezet   d  kleur van het rapport (geen b~
  *  herzien door de nieuwste levering
  3/4 kw.  waar de waarde staat: 3 van 4 kwartalen, niet opgeteld (rollup:)
  Q3 (3/4)  het jaar niet opgeteld: de waarde is die van Q3
  beoordeeld 0/0 signalen: de signalen (oranje of rood, ook in een categorie) m~
 Cijfers > Hulp                                                q: terug  ?: help

EOF
LC_ALL=C screen "ASCII fallback without a UTF-8 locale" --config "$cfg" $nodb

# NO_COLOR and --color=never change attributes only: the text is the same.
keys <<'EOF'
:dump nocolor.txt
EOF
expect nocolor.txt <<'EOF'
 Testmonitor · GM0361 · geen gegevens
 [1 Cijfers]  2 Wachttijden   3 Beschermingstafel   4 Klachten/bezwaar
 Indicator                      waarde  Δ vorig  trend 8      norm  status
▸Inwoners 0-17 jaar
 Jeugdigen met een maatwe…
 Cliënttevredenheid
















 Cijfers         Enter: uitsplitsen  spatie: beoordeeld  a: toelichting  ?: help
geen gegevens voor GM0361: laad gegevens met 'jmon import'
EOF
NO_COLOR=1 screen "NO_COLOR" --config "$cfg" $nodb

# A malformed script line stops with its position (exit 65).
keys <<'EOF'
j
<Bogus>
EOF
(cd "$T" && JMON_SCRIPT="$T/script" "$JMON" --config "$cfg" $nodb) >"$T/stdout" 2>"$T/stderr"
status=$?
assert_status 65 "a bad script line exits 65"
assert_grep "script:2:1: unknown key name '<Bogus>'" "$T/stderr" "a bad script line is reported with its line"
