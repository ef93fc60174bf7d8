#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Generate the deliveries of the sample monitor sample-data/voorbeeldstad.

    tools/gen-voorbeeldstad.py [DIR]      (default: sample-data/voorbeeldstad)

A developer's tool: its output is committed and CI never runs it.  The
figures are fictional but plausible for a municipality of about 24 000
youths (the Alkmaar monitor of 2020 Q1 is the guide: 11 % of them with a
maatwerkvoorziening).  The random generator has a fixed seed, so running
the tool again gives the same bytes.

What the files show, and why (see sample-data/voorbeeldstad/README.md):
- every indicator of config/jmon.yaml, 12 quarters 2021Q1..2023Q4, with
  the categories the configuration names;
- the CBS indicators at their CBS periods (peildatum 1 January), since CBS
  publishes no quarters;
- two peer municipalities and the Netherlands for the indicators that are
  compared (the peer group 'vergelijkbaar' of config/jmon.yaml);
- the last quarter provisional where providers declare late, and a second
  delivery that revises the quarter before it;
- small counts (complaints, objections, waiting lists), a few cells a
  provider kept secret (suppressed) and one it never sent (unknown);
- last-quarter figures chosen so that the default rules give red and amber
  as well as green;
- explanations and two analyst overrides in the reviews format.
"""
import csv
import os
import random
import sys

SEED = 20231231
REGION = "GM0361"
PEERS = {"GM0392": "Vergelijkstad", "GM0546": "Spiegelstad"}
NL = "NL01"
QUARTERS = [f"{y}Q{q}" for y in (2021, 2022, 2023) for q in (1, 2, 3, 4)]
PEILDATA = ["2021-01-01", "2022-01-01", "2023-01-01"]
LAST, PREV = QUARTERS[-1], QUARTERS[-2]

ZORGSOORTEN = ["ambulant", "jeugd_ggz", "dyslexie", "pleegzorg", "gezinshuis",
               "residentieel", "jeugdzorgplus", "crisis"]
# Indicators whose figures come from providers' declarations: these arrive
# late, so the newest quarter is provisional and the next delivery revises it.
DECLARED = {"jeugdigen_maatwerk", "aandeel_maatwerk", "indicaties_verwijzer",
            "maatwerk_pgb_zin", "instroom", "uitstroom", "jeugdigen_zorgsoort",
            "kosten_realisatie"}

rnd = random.Random(SEED)


def noisy(base, spread):
    return base + rnd.uniform(-spread, spread)


def series(start, step, spread, last=None, prev=None, digits=0):
    """A value per quarter: a trend with noise, the last two set by hand
    where the stoplight of the newest quarter must come out a given way."""
    out = {}
    for i, q in enumerate(QUARTERS):
        out[q] = round(noisy(start + step * i, spread), digits)
    if prev is not None:
        out[PREV] = prev
    if last is not None:
        out[LAST] = last
    return {q: (int(v) if digits == 0 else v) for q, v in out.items()}


class Cells:
    """The final (true) value of every cell, as a later delivery knows it."""

    def __init__(self):
        self.cells = {}        # (region, period, indicator, category) -> (value, flag)

    def put(self, region, period, indicator, category, value, flag=""):
        key = (region, period, indicator, category)
        assert key not in self.cells, key
        self.cells[key] = (value, flag)

    def put_series(self, indicator, values, category="", region=REGION):
        for q, v in values.items():
            self.put(region, q, indicator, category, v)


def build():
    c = Cells()

    # --- Cijfers ---------------------------------------------------------
    inwoners = series(23880, 40, 15)
    rate = {q: 0.106 + 0.0005 * i for i, q in enumerate(QUARTERS)}
    maatwerk = {q: int(round(inwoners[q] * noisy(rate[q], 0.0008))) for q in QUARTERS}
    maatwerk[PREV] = int(round(inwoners[PREV] * 0.1108))
    maatwerk[LAST] = int(round(inwoners[LAST] * 0.1112))
    c.put_series("inwoners_0_17", inwoners)
    c.put_series("jeugdigen_maatwerk", maatwerk)
    c.put_series("aandeel_maatwerk",
                 {q: round(100 * maatwerk[q] / inwoners[q], 1) for q in QUARTERS})

    # Peers and the Netherlands: only what the comparisons need.  The peer
    # mean of the share stays near 9,9 %, so Voorbeeldstad's 10,8 % is
    # about +9 %: amber under 'peer_pct <= 5 green, <= 15 amber'.
    for code, size, share in (("GM0392", 31500, 0.095), ("GM0546", 22100, 0.098),
                              (NL, 3380000, 0.097)):
        inw = series(size, size * 0.0012, size * 0.0004)
        mw = {q: int(round(inw[q] * noisy(share + 0.0002 * i, 0.0006)))
              for i, q in enumerate(QUARTERS)}
        c.put_series("inwoners_0_17", inw, region=code)
        if code != NL:
            c.put_series("jeugdigen_maatwerk", mw, region=code)
        c.put_series("aandeel_maatwerk",
                     {q: round(100 * mw[q] / inw[q], 1) for q in QUARTERS}, region=code)

    # CBS: youths with jeugdzorg in natura on 1 January, rounded to fives.
    # Voorbeeldstad rises 10,9 % in 2023 (yoy_pct > 10: red); its share is
    # about 18 % above the peers (amber).
    cbs = {REGION: ([2420, 2515, 2790], [10.1, 10.5, 11.5]),
           "GM0392": ([3015, 3070, 3140], [9.5, 9.7, 9.8]),
           "GM0546": ([2210, 2245, 2300], [9.9, 10.0, 10.3]),
           NL: ([355420, 362870, 371110], [10.4, 10.6, 10.9])}
    for code, (counts, pcts) in cbs.items():
        for d, n, p in zip(PEILDATA, counts, pcts):
            c.put(code, d, "jongeren_jeugdzorg_natura", "", n)
            c.put(code, d, "percentage_jongeren_jeugdzorg", "", p)

    # Seasonal: fewer new questions in the summer quarter.
    season = {1: 1.05, 2: 1.0, 3: 0.86, 4: 1.06}
    hv = {q: int(round(noisy(410, 18) * season[int(q[-1])])) for q in QUARTERS}
    hv[PREV], hv[LAST] = 446, 366                      # -17,9 %: amber
    c.put_series("hulpvragen_jgc", hv)
    c.put_series("gezinnen_1g1p", series(330, 2, 12, prev=372, last=336))   # -36: amber

    verwijzer = {"gemeente": 300, "huisarts": 245, "jeugdarts": 26,
                 "medisch_specialist": 31, "gi": 42, "overig": 17}
    for cat, base in verwijzer.items():
        vals = series(base, base * 0.004, base * 0.06)
        if cat == "gemeente":       # +14 % on a year ago in total: amber
            vals[LAST] = int(round(vals["2022Q4"] * 1.21))
        c.put_series("indicaties_verwijzer", vals, cat)

    pgb = series(232, -2, 3)
    c.put_series("maatwerk_pgb_zin", pgb, "pgb")
    c.put_series("maatwerk_pgb_zin", {q: maatwerk[q] - pgb[q] + int(noisy(90, 15))
                                      for q in QUARTERS}, "zin")

    tevreden = series(4.1, 0.0, 0.15, prev=4.2, last=4.1, digits=1)
    tevreden["2022Q3"] = 3.8                            # one amber quarter in the history
    c.put_series("clienttevredenheid", tevreden)

    instroom = {"ambulant": 318, "jeugd_ggz": 176, "dyslexie": 44, "pleegzorg": 12,
                "gezinshuis": 5, "residentieel": 17, "jeugdzorgplus": 3, "crisis": 14}
    uitstroom = {"ambulant": 305, "jeugd_ggz": 168, "dyslexie": 41, "pleegzorg": 10,
                 "gezinshuis": 4, "residentieel": 16, "jeugdzorgplus": 3, "crisis": 15}
    unieke = {"ambulant": 1640, "jeugd_ggz": 968, "dyslexie": 158, "pleegzorg": 94,
              "gezinshuis": 27, "residentieel": 70, "jeugdzorgplus": 6, "crisis": 21}
    for cat in ZORGSOORTEN:
        vals = series(instroom[cat], instroom[cat] * 0.005, max(1, instroom[cat] * 0.08))
        if cat == "jeugd_ggz":                          # +28 % on a year ago: red
            vals[LAST] = int(round(vals["2022Q4"] * 1.28))
        c.put_series("instroom", vals, cat)
        c.put_series("uitstroom", series(uitstroom[cat], uitstroom[cat] * 0.004,
                                         max(1, uitstroom[cat] * 0.08)), cat)
        vals = series(unieke[cat], unieke[cat] * 0.004, max(1, unieke[cat] * 0.02))
        if cat == "residentieel":                       # about +12 % once provisional: amber
            vals[LAST] = int(round(vals[PREV] * 1.16))
        c.put_series("jeugdigen_zorgsoort", vals, cat)

    # Costs in euro: the year's budget, spending so far in the year, and the
    # forecast for the whole year, per zorgsoort.
    begroting = {"ambulant": 11200000, "jeugd_ggz": 6100000, "dyslexie": 620000,
                 "pleegzorg": 3050000, "gezinshuis": 1980000, "residentieel": 5450000,
                 "jeugdzorgplus": 1150000, "crisis": 720000}
    # Forecast / budget in the newest quarter: ggz red (over), crisis red
    # (under: money not spent is a signal too), residentieel amber.
    ratio_last = {"ambulant": 1.031, "jeugd_ggz": 1.124, "dyslexie": 0.985,
                  "pleegzorg": 0.972, "gezinshuis": 1.012, "residentieel": 1.079,
                  "jeugdzorgplus": 1.046, "crisis": 0.88}
    for cat in ZORGSOORTEN:
        for i, q in enumerate(QUARTERS):
            year, n = int(q[:4]), int(q[-1])
            budget = int(round(begroting[cat] * (1 + 0.03 * (year - 2021)), -3))
            ratio = ratio_last[cat] if q == LAST else noisy(1.0 + 0.01 * (year - 2021), 0.03)
            prognose = int(round(budget * ratio, -3))
            realisatie = int(round(prognose * n / 4 * noisy(1.0, 0.02), -3))
            c.put(REGION, q, "kosten_begroting", cat, budget)
            c.put(REGION, q, "kosten_prognose", cat, prognose)
            c.put(REGION, q, "kosten_realisatie", cat, realisatie)
            # prognose_begroting_pct is not delivered: jmon computes it
            # from these two (compute: ratio in config/jmon.yaml)

    # --- Wachttijden -----------------------------------------------------
    boven = {q: 0 for q in QUARTERS}
    boven.update({"2023Q2": 3, PREV: 6, LAST: 14})      # 14: amber; analyst sets red
    c.put_series("wachttijd_boven_termijn", boven)
    wt = {"ambulant": (5.0, 0.0), "jeugd_ggz": (7.6, 0.1), "dyslexie": (7.0, 0.0),
          "pleegzorg": (10.0, 0.05), "residentieel": (13.0, 0.05)}
    for cat, (base, step) in wt.items():
        vals = series(base, step, 0.6, digits=1)
        if cat == "jeugd_ggz":
            vals[PREV], vals[LAST] = 9.0, 12.5          # +3,5 weeks: red
        c.put_series("wachttijd_zorgsoort", vals, cat)
    c.put_series("ggz_aanmeldwachttijd", series(3.4, 0.05, 0.3, prev=4.3, last=5.2, digits=1))
    c.put_series("ggz_behandelwachttijd", series(8.2, 0.02, 0.5, prev=8.8, last=9.1, digits=1))
    c.put_series("ggz_totale_wachttijd", series(11.8, 0.08, 0.5, prev=13.1, last=14.3, digits=1))
    c.put_series("vt_veiligheidsbeoordeling_tijdig", series(91, 0, 2, prev=86, last=74))
    c.put_series("vt_onderzoek_tijdig", series(80, 0, 3, prev=77, last=71))
    c.put_series("rvdk_start_onderzoek", series(24, 0.4, 3, prev=33, last=38))
    c.put_series("wachtlijst_pleegzorg", series(8, 0.2, 2, prev=12, last=17))
    c.put_series("crisis_verblijfsduur", series(31, -0.2, 3, prev=27, last=24))
    c.put_series("beslistermijn_aanvraag", series(6.2, 0, 0.6, prev=6.8, last=6.5, digits=1))

    # --- Beschermingstafel -----------------------------------------------
    vt = series(212, 2, 10)
    vt[LAST] = int(round(vt["2022Q4"] * 1.22))          # +22 % on a year ago: amber
    c.put_series("vt_meldingen", vt)
    c.put_series("vt_adviezen", series(255, 1, 15))
    c.put_series("vt_afgesloten", series(196, 1, 12))
    bt = {"jgc": (7, 2), "veilig_thuis": (15, 3), "gi": (5, 2), "jeugdhulpverlener": (3, 2)}
    for cat, (base, spread) in bt.items():
        vals = series(base, 0, spread)
        if cat == "jgc":
            vals[LAST] = 7
        c.put_series("bt_aanmeldingen", {q: max(0, v) for q, v in vals.items()}, cat)
    c.put_series("bt_terugverwezen", series(9, 0, 3))
    c.put_series("drangtrajecten", series(12, 0, 3), "gi")
    c.put_series("drangtrajecten", series(6, 0.1, 2), "vast")
    c.put_series("raadsonderzoeken", series(30, 0, 4, prev=36, last=28))   # -22 %: amber
    maatregel = {"ots": (148, 0.3, 5), "voogdij": (34, 0.1, 2), "jeugdreclassering": (27, 0, 3)}
    for cat, (base, step, spread) in maatregel.items():
        vals = series(base, step, spread)
        if cat == "jeugdreclassering":                  # -18 % on a year ago: amber
            vals[LAST] = int(round(vals["2022Q4"] * 0.82))
        c.put_series("jeugdigen_maatregel", vals, cat)

    # --- Klachten en bezwaar: small numbers, every quarter ---------------
    for i, q in enumerate(QUARTERS):
        k = 9 if q == LAST else rnd.randint(2, 8)
        c.put(REGION, q, "klachten_ingediend", "", k)
        # A complaint is often about more than one subject.
        werkwijze = max(1, k - rnd.randint(0, 2))
        c.put(REGION, q, "klachten_onderwerp", "werkwijze", werkwijze)
        c.put(REGION, q, "klachten_onderwerp", "bejegening", rnd.randint(0, k))
        c.put(REGION, q, "klachten_onderwerp", "privacy", rnd.randint(0, 2))
        c.put(REGION, q, "klachten_onderwerp", "overig", rnd.randint(0, 1))
        # Most complaints end in a mediation talk (as in Alkmaar 2020 Q1).
        bemiddeling = max(0, k - rnd.randint(0, 2))
        gegrond = rnd.randint(0, k - bemiddeling)
        ongegrond = k - bemiddeling - gegrond
        for cat, n in (("bemiddeling", bemiddeling), ("gegrond", gegrond),
                       ("ongegrond", ongegrond), ("ingetrokken", 0), ("in_behandeling", 0)):
            c.put(REGION, q, "klachten_afhandeling", cat, n)
        c.put(REGION, q, "klachten_afhandeltermijn", "",
              7.5 if q == LAST else round(noisy(5.0, 1.2), 1))
        b = 6 if q == LAST else rnd.randint(2, 6)
        c.put(REGION, q, "bezwaarschriften", "", b)
        parts = [rnd.randint(0, b)]
        parts.append(rnd.randint(0, b - parts[0]))
        parts.append(rnd.randint(0, b - sum(parts)))
        parts.append(b - sum(parts))
        for cat, n in zip(("afwijzing_pgb", "ingangsdatum", "afwijzing_begeleiding", "overig"),
                          parts):
            c.put(REGION, q, "bezwaar_onderwerp", cat, n)
        open_now = rnd.randint(0, 2) if q != LAST else 3
        rest = b - open_now
        toe = rnd.randint(0, rest)
        intr = rnd.randint(0, rest - toe)
        geg = rnd.randint(0, rest - toe - intr)
        for cat, n in (("in_behandeling", open_now), ("tegemoetgekomen", toe),
                       ("ingetrokken", intr), ("gegrond", geg),
                       ("ongegrond", rest - toe - intr - geg)):
            c.put(REGION, q, "bezwaar_status", cat, n)
        c.put(REGION, q, "bezwaar_beslistermijn", "",
              13.0 if q == LAST else round(noisy(8.5, 1.5), 1))   # 13/6 = 2,2: red

    # --- What providers did not give ------------------------------------
    # JeugdzorgPlus: the provider keeps counts of one or two youths secret.
    for q in ("2021Q3", "2022Q2", "2023Q1"):
        c.cells[(REGION, q, "instroom", "jeugdzorgplus")] = (None, "suppressed")
        c.cells[(REGION, q, "uitstroom", "jeugdzorgplus")] = (None, "suppressed")
    # One quarter the residential provider sent no waiting time at all.
    c.cells[(REGION, "2022Q2", "wachttijd_zorgsoort", "residentieel")] = (None, "unknown")
    return c


# --- deliveries ----------------------------------------------------------

def provisional(value):
    """What a delivery knows of a declared figure one quarter early: most
    declarations are in, about three in a hundred are still to come."""
    if isinstance(value, float):
        return round(value * 0.97, 1)
    return int(round(value * 0.97))


def delivery_rows(c, periods, early=(), revised=()):
    """Rows of the cells in periods.  Declared cells of a period in early
    are given as a provisional estimate; cells in revised are the final
    value of a period an earlier delivery gave as provisional."""
    rows = []
    for (region, period, ind, cat), (value, flag) in sorted(c.cells.items(), key=order):
        if period in periods:
            if period in early and ind in DECLARED and region == REGION and value is not None:
                flag = "provisional"
                if ind == "aandeel_maatwerk":
                    # The provisional share follows from the provisional count.
                    mw = provisional(c.cells[(region, period, "jeugdigen_maatwerk", "")][0])
                    value = round(100 * mw / c.cells[(region, period, "inwoners_0_17", "")][0], 1)
                else:
                    value = provisional(value)
            rows.append([region, period, ind, cat, value, flag])
        elif (region, period, ind, cat) in revised:
            rows.append([region, period, ind, cat, value, flag])
    return rows


INDICATOR_ORDER = []


def order(item):
    """Voorbeeldstad first, then the indicators as the monitor lists them;
    categories keep the order they were made in (the configuration's),
    since sorted() is stable."""
    (region, period, ind, _cat), _ = item
    return (region != REGION, region, INDICATOR_ORDER.index(ind), period)


def load_indicator_order(config):
    """Indicator ids in the order of config/jmon.yaml, so the files read like
    the monitor.  A line scan is enough for this file's regular layout."""
    with open(config, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if s.startswith("- id:") and line.startswith("      - id:"):
                INDICATOR_ORDER.append(s.split(":", 1)[1].strip())


def fmt(value):
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([fmt(x) if i == 4 and len(header) == 6 else x for i, x in enumerate(r)])


REGIONS = [
    ["NL01", "Nederland", "nl", ""],
    ["GM0361", "Voorbeeldstad", "gemeente", ""],
    ["GM0392", "Vergelijkstad", "gemeente", ""],
    ["GM0546", "Spiegelstad", "gemeente", ""],
]

# Explanations and analyst statuses: region,period,indicator,category,status,reason,text
TOELICHTING = [
    [REGION, PREV, "jeugdigen_maatwerk", "", "", "",
     "Met de levering van januari zijn de cijfers over het derde kwartaal definitief. Door "
     "nagekomen declaraties ligt het aantal ongeveer 3 % hoger dan in de vorige rapportage."],
    [REGION, LAST, "jeugdigen_maatwerk", "", "", "",
     "Het vierde kwartaal is voorlopig: aanbieders declareren met terugwerkende kracht. De "
     "lichte daling ten opzichte van het derde kwartaal komt vooral daardoor."],
    [REGION, LAST, "hulpvragen_jgc", "", "", "",
     "Na de piek in het derde kwartaal (start schooljaar) komen er minder nieuwe hulpvragen "
     "binnen. De daling is groter dan in eerdere jaren; we volgen dit het komende kwartaal."],
    [REGION, LAST, "wachttijd_boven_termijn", "", "red",
     "Stijgt drie kwartalen op rij; elke jeugdige boven de termijn is er een te veel",
     "Veertien jeugdigen wachten langer dan de wettelijke termijn, vooral op jeugd-ggz. Met "
     "twee aanbieders zijn afspraken gemaakt over overbruggingszorg."],
    [REGION, LAST, "wachttijd_zorgsoort", "jeugd_ggz", "", "",
     "De wachttijd loopt op bij de grootste aanbieder door personeelstekort; bij de andere "
     "aanbieders is de wachttijd korter dan acht weken."],
    [REGION, LAST, "ggz_aanmeldwachttijd", "", "", "",
     "Boven de Treeknorm van 4 weken. De regio onderzoekt een centrale aanmelding."],
    [REGION, LAST, "vt_veiligheidsbeoordeling_tijdig", "", "", "",
     "Veilig Thuis kreeg meer meldingen dan verwacht (nieuwe meldcode) en heeft vacatures. "
     "Een verbeterplan is in voorbereiding."],
    [REGION, LAST, "rvdk_start_onderzoek", "", "amber",
     "Landelijk probleem buiten onze invloed; bestuurlijke afspraken met de Raad lopen",
     "De Raad voor de Kinderbescherming start onderzoeken gemiddeld na 38 dagen. In het "
     "regionale overleg is afgesproken dat spoedzaken voorrang krijgen."],
    [REGION, LAST, "prognose_begroting_pct", "jeugd_ggz", "", "",
     "De prognose voor jeugd-ggz ligt 12 % boven de begroting door meer instroom via de "
     "huisarts. Een voorstel voor bijsturing volgt in de voorjaarsnota."],
    [REGION, LAST, "prognose_begroting_pct", "crisis", "", "",
     "Minder crisisplaatsingen dan begroot, mede door de inzet van ambulante spoedhulp."],
    [REGION, LAST, "klachten_ingediend", "", "", "",
     "De meeste klachten gaan over de werkwijze, vaak in combinatie met bejegening. Alle "
     "klachten zijn binnen de termijn in behandeling genomen."],
]


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(top, "sample-data", "voorbeeldstad")
    load_indicator_order(os.path.join(top, "config", "jmon.yaml"))
    c = build()
    os.makedirs(out, exist_ok=True)
    header = ["region", "period", "indicator", "category", "value", "flag"]

    write_csv(os.path.join(out, "00-regions.csv"), ["region", "name", "kind", "parent"], REGIONS)
    history = set(QUARTERS[:-2]) | set(PEILDATA)
    write_csv(os.path.join(out, "10-levering-2021Q1-2023Q2.csv"), header,
              delivery_rows(c, history))
    write_csv(os.path.join(out, "20-levering-2023Q3.csv"), header,
              delivery_rows(c, {PREV}, early={PREV}))
    revised = {k for k in c.cells if k[0] == REGION and k[1] == PREV and k[2] in DECLARED}
    write_csv(os.path.join(out, "30-levering-2023Q4.csv"), header,
              delivery_rows(c, {LAST}, early={LAST}, revised=revised))
    write_csv(os.path.join(out, "90-toelichting.csv"),
              ["region", "period", "indicator", "category", "status", "reason", "text"],
              TOELICHTING)


if __name__ == "__main__":
    main()
