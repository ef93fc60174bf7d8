# SPDX-License-Identifier: EUPL-1.2
"""An adversary for jmon's privacy promise (tests/cli/privacy.sh).

jmon promises that a withheld cell (a count above 0 and below the privacy
minimum, a value the source suppressed, a `total: sum` total that would
give its one withheld part away) can never be worked out from what it
prints.  This program reads everything jmon printed about the monitor of
tests/fixtures/privacy -- reports in every format, the browser's export and
a dump of every screen -- turns every printed number into an equation
about the cells, adds what any reader knows beforehand (the parts of a
`total: sum` indicator add up to its total, the wijken of a gemeente add up
to the gemeente, counts are whole numbers, "<10" is 1 to 9), and solves.
A withheld cell is given away when the solver pins it to one whole number
(or an interval narrower than 1) that holds its true value.

    adversary.py plan  --fixtures DIR --db FILE --out DIR
        write the key scripts of the screens to dump and OUT/plan.txt
    adversary.py solve --fixtures DIR --db FILE --out DIR
        read every output under OUT, solve, print TAP lines
    adversary.py --selftest
        hand-made outputs a sound solver must (and must not) see through

Only python3's standard library is used.  Printed numbers are rounded, so
each is an interval of half its last digit either side.  The solver is
exact Gauss-Jordan elimination over Fractions (an equation's rounding is
carried along as an error bound), followed by interval propagation over
every constraint: linear ones, the multiplicative ones of percentages,
the alternatives of a peer mean, whole numbers and prior bounds.
"""

import csv
import json
import math
import os
import re
import sqlite3
import sys
from fractions import Fraction

BIG = 1e9           # a priori bound of any value
EPS = 1e-7

# --- TAP -------------------------------------------------------------------

OUT = sys.stdout


def tap(ok, desc, details=()):
    OUT.write(("ok - " if ok else "not ok - ") + desc + "\n")
    for d in details:
        OUT.write("#   " + d + "\n")


def note(text):
    OUT.write("# " + text + "\n")


# --- numbers as jmon prints them ---------------------------------------------

SCALES = {"dzd": 10 ** 3, "mln": 10 ** 6, "mld": 10 ** 9, "bln": 10 ** 12}
NL_NUMBER = re.compile(
    r"^(?P<euro>€ )?(?P<sign>[+\-−])?(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?"
    r"(?: (?P<scale>dzd|mln|mld|bln))?(?: ?(?P<unit>%|pp|wk|dgn))?$")


def parse_nl(text):
    """A number in Dutch notation ("2.660", "-4,2", "+10,0 pp", "€ 1,2 mln",
    "80,0 %") as (midpoint, half width) in Fractions, or None."""
    m = NL_NUMBER.match(text.strip())
    if not m:
        return None
    digits = m.group("int").replace(".", "")
    frac = m.group("frac") or ""
    mid = Fraction(int(digits + frac), 10 ** len(frac))
    half = Fraction(1, 2 * 10 ** len(frac))
    scale = SCALES.get(m.group("scale"), 1)
    mid, half = mid * scale, half * scale
    if m.group("sign") in ("-", "−"):
        mid = -mid
    return mid, half


MACHINE = re.compile(r"^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$")


def parse_machine(text):
    """A number as CSV and JSON carry it ("2660", "4.2"): exact."""
    text = str(text).strip()
    if not MACHINE.match(text):
        return None
    return Fraction(text), Fraction(0)


NOT_A_NUMBER = {"", "geheim", "–", "-", "~", "…", "geen gegevens", "onbekend", "n.v.t.",
                "suppressed", "unknown", "na", "provisional", "geen waarde"}


def fmt_num(x):
    x = float(x)
    if abs(x - round(x)) < 1e-9:
        return str(int(round(x)))
    return ("%.6f" % x).rstrip("0").rstrip(".")


# --- periods -------------------------------------------------------------------

def period_parse(code):
    m = re.match(r"^(\d{4})(?:([QHM])(\d{1,2}))?$", code)
    if not m:
        return None
    return (m.group(2) or "Y", int(m.group(1)), int(m.group(3) or 0))


def period_code(p):
    kind, y, n = p
    return "%d" % y if kind == "Y" else "%d%s%02d" % (y, kind, n) if kind == "M" else "%d%s%d" % (y, kind, n)


def period_prev(code):
    kind, y, n = period_parse(code)
    per_year = {"Y": 1, "H": 2, "Q": 4, "M": 12}[kind]
    if kind == "Y":
        return period_code((kind, y - 1, 0))
    return period_code((kind, y - 1, per_year) if n == 1 else (kind, y, n - 1))


def period_year_ago(code):
    kind, y, n = period_parse(code)
    return period_code((kind, y - 1, n))


def period_label(code):
    kind, y, n = period_parse(code)
    return {"Y": "%d" % y, "H": "%d H%d" % (y, n), "Q": "%d Q%d" % (y, n)}.get(kind, code)


def period_from_label(label):
    m = re.match(r"^(\d{4})(?: ([QH])(\d))?$", label.strip())
    if not m:
        return None
    return m.group(1) + (m.group(2) + m.group(3) if m.group(2) else "")


PERIOD_LABEL = re.compile(r"\d{4} [QH]\d")

# --- the monitor, its data and the truth ---------------------------------------


def read_commented(path):
    """A fixture file without its comment lines (# ...)."""
    with open(path, encoding="utf-8") as f:
        return "".join(line for line in f if not line.startswith("#"))


class Indicator:
    def __init__(self, d, chapter, min_count):
        self.id = d["id"]
        self.label = d.get("label", self.id)
        self.unit = d.get("unit", "aantal")
        self.decimals = d.get("decimals", 0)
        self.counts = bool(d.get("counts", False))
        self.total = d.get("total", "sum")
        self.cats = [(c["id"], c.get("label", c["id"])) for c in d.get("categories", [])]
        self.rule = d.get("stoplight")
        self.peers = d.get("peers")
        self.min_count = d.get("privacy", {}).get("min_count", min_count)
        self.chapter = chapter
        # the nulmeting (the monitor's unless its own): Model sets it
        self.baseline = d.get("baseline")
        # compute: {ratio|difference|sum|share: [inputs], scale}: made by
        # jmon from the same cell of each input
        comp = d.get("compute") or {}
        self.formula = next((k for k in ("ratio", "difference", "sum", "share") if k in comp), None)
        self.inputs = list(comp.get(self.formula, [])) if self.formula else []
        self.scale = Fraction(100) if self.formula == "share" else Fraction(str(comp.get("scale", 1)))
        if self.formula:
            self.total = "none"         # computed from the inputs' totals

    def cat_label(self, cat):
        for cid, label in self.cats:
            if cid == cat:
                return label
        return None

    def cat_by_label(self, label):
        label = label.strip()
        for cid, lab in self.cats:
            if lab == label or (label.endswith("…") and lab.startswith(label[:-1])):
                return cid
        return None

    def rows(self):
        return [""] + [c for c, _ in self.cats]

    def small(self, value):
        return self.counts and value is not None and 0 < value < self.min_count


class Model:
    """What the fixture holds: the configuration, the regions, every
    observation of every delivery, and the true values of suppressed cells."""

    def __init__(self, fixtures, db):
        self.dir = fixtures
        cfg = json.loads(read_commented(os.path.join(fixtures, "monitor.yaml")))
        mon = cfg.get("monitor", {})
        self.min_count = mon.get("privacy", {}).get("min_count", 10)
        self.title = mon.get("title", "Monitor jeugdhulp")
        self.peers = {g["id"]: (g.get("label", g["id"]), list(g["regions"])) for g in cfg.get("peers", [])}
        self.chapters = []
        self.ind = {}
        for ch in cfg["chapters"]:
            inds = [Indicator(i, ch["id"], self.min_count) for i in ch.get("indicators", [])]
            self.chapters.append((ch["id"], ch.get("label", ch["id"]), inds))
            for i in inds:
                self.ind[i.id] = i
                i.baseline = i.baseline or mon.get("baseline")
        self.by_label = {i.label: i for i in self.ind.values()}
        self.regions = {}
        self.deliveries = {}
        if db and os.path.exists(db):
            con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
            for did, source in con.execute("SELECT id, source FROM delivery"):
                self.deliveries[os.path.basename(source)] = did
            con.close()
        self.obs = {}           # (ind, region, period, cat) -> {delivery: (value, flag)}
        self.files = []
        truth = {}
        tpath = os.path.join(fixtures, "truth.csv")
        if os.path.exists(tpath):
            for r in csv.DictReader(read_commented(tpath).splitlines()):
                truth[(r["file"], r["region"], r["period"], r["indicator"], r["category"])] = Fraction(r["value"])
        self.truth_suppressed = {}
        for name in sorted(os.listdir(fixtures)):
            if not name.endswith(".csv") or name == "truth.csv":
                continue
            text = read_commented(os.path.join(fixtures, name))
            rows = list(csv.DictReader(text.splitlines()))
            if rows and "kind" in rows[0]:
                for r in rows:
                    self.regions[r["region"]] = (r["name"], r["kind"], r.get("parent", ""))
                continue
            self.files.append(name)
            did = self.deliveries.get(name, len(self.files) + 1000)
            for r in rows:
                key = (r["indicator"], r["region"], r["period"], r.get("category", ""))
                value = Fraction(r["value"].replace(",", ".")) if r["value"].strip() else None
                flag = r.get("flag", "")
                self.obs.setdefault(key, {})[did] = (value, flag)
                if value is None and flag == "suppressed":
                    t = truth.get((name, r["region"], r["period"], r["indicator"], key[3]))
                    if t is not None:
                        self.truth_suppressed[key + (did,)] = t
                if r["region"] not in self.regions:
                    self.regions[r["region"]] = (r["region"], "", "")
        self.periods = sorted({k[2] for k in self.obs})

    # -- cells and their variables --

    def versions(self, ind, region, period, cat):
        return sorted(self.obs.get((ind, region, period, cat), {}))

    def derivable(self, ind, region, period):
        i = self.ind[ind]
        if i.total != "sum" or not i.cats:
            return False
        for c, _ in i.cats:
            vs = self.versions(ind, region, period, c)
            if not vs or self.obs[(ind, region, period, c)][vs[-1]][0] is None:
                return False
        return True

    def current(self, ind, region, period, cat):
        """The variable of what jmon shows for a cell now, or None."""
        if ind not in self.ind:
            return None
        if self.ind[ind].formula:
            ins = [self.current(i, region, period, cat) for i in self.ind[ind].inputs]
            return None if None in ins else ("x", ind, region, period, cat, "calc")
        vs = self.versions(ind, region, period, cat)
        if vs:
            return ("x", ind, region, period, cat, vs[-1])
        if cat == "" and self.derivable(ind, region, period):
            return ("x", ind, region, period, "", "sum")
        return None

    def at(self, ind, region, period, cat, delivery):
        """The variable of a cell as delivery `delivery` left it."""
        vs = [d for d in self.versions(ind, region, period, cat) if d <= delivery]
        return ("x", ind, region, period, cat, vs[-1]) if vs else None

    def exact(self, ind, region, period, cat, delivery):
        return ("x", ind, region, period, cat, delivery) if delivery in self.obs.get((ind, region, period, cat), {}) else None

    def truth(self, var):
        if var[0] != "x":
            return None
        _, ind, region, period, cat, ver = var
        if ver == "calc":
            i = self.ind[ind]
            ins = [self.truth(self.current(x, region, period, cat)) for x in i.inputs]
            if None in ins:
                return None
            if i.formula == "sum":
                return sum(ins, Fraction(0))
            if i.formula == "difference":
                return ins[0] - ins[1]
            return ins[0] / ins[1] * i.scale if ins[1] else None
        if ver == "sum":
            total = Fraction(0)
            for c, _ in self.ind[ind].cats:
                t = self.truth(self.current(ind, region, period, c))
                if t is None:
                    return None
                total += t
            return total
        value, flag = self.obs[(ind, region, period, cat)][ver]
        if value is None:
            return self.truth_suppressed.get((ind, region, period, cat, ver))
        return value

    def is_integer(self, var):
        return var[0] == "x" and self.ind[var[1]].counts

    def name(self, var):
        if var[0] == "x":
            _, ind, region, period, cat, ver = var
            i = self.ind[ind]
            rname = self.regions.get(region, (region,))[0]
            s = "%s › %s" % (i.label, i.cat_label(cat)) if cat else "%s (totaal)" % i.label
            s += ", %s (%s), %s" % (rname, region, period_label(period))
            if ver == "sum":
                s += ", som van de categorieën"
            elif ver == "calc":
                s += ", berekend (%s)" % i.formula
            elif ver != self.versions(ind, region, period, cat)[-1]:
                s += ", levering %d (herzien)" % ver
            else:
                s += ", levering %d" % ver
            return s
        return "%s %s" % (var[1], " ".join(str(p) for p in var[2:]))

    def short(self, var):
        if var[0] == "x":
            _, ind, region, period, cat, ver = var
            return "x[%s %s %s %s@%s]" % (ind, region, period, cat or "totaal", ver)
        return "%s[%s]" % ("mean", " ".join(str(p) if p != "" else "totaal" for p in var[1:] if p is not None))

    # -- what jmon must withhold --

    def withheld_obs(self, i, value, flag):
        return flag == "suppressed" or i.small(value)

    def shown_obs(self, i, value, flag):
        return value is not None and flag not in ("suppressed", "unknown", "na") and not i.small(value)

    def hidden(self):
        """Every cell jmon must withhold: {var: why}."""
        out = {}
        for (ind, region, period, cat), versions in self.obs.items():
            i = self.ind.get(ind)
            if not i:
                continue
            for d, (value, flag) in versions.items():
                if flag == "suppressed":
                    out[("x", ind, region, period, cat, d)] = "door de bron geheim"
                elif i.small(value):
                    out[("x", ind, region, period, cat, d)] = "<%d" % i.min_count
        for ind, region, period in sorted({(k[0], k[1], k[2]) for k in self.obs}):
            i = self.ind.get(ind)
            if not i or i.total != "sum" or not i.cats:
                continue
            for d in self.snapshots([(ind, region, period, c) for c in i.rows()]):
                parts = []
                for c, _ in i.cats:
                    v = self.at(ind, region, period, c, d)
                    parts.append(self.obs[v[1:5]][v[5]] if v else (None, ""))
                unshown = sum(1 for value, flag in parts if not self.shown_obs(i, value, flag))
                withheld = sum(1 for value, flag in parts if self.withheld_obs(i, value, flag))
                if unshown == 1 and withheld == 1:
                    t = self.at(ind, region, period, "", d)
                    if t is None and d == self.last_delivery([(ind, region, period, c) for c in i.rows()]):
                        t = self.current(ind, region, period, "")
                    if t is not None and t not in out:
                        out[t] = "totaal van één geheime categorie"
        # a computed count below the minimum is withheld like a delivered one
        for i in self.ind.values():
            if not i.formula or not i.counts:
                continue
            for region in self.regions:
                for period in self.periods:
                    for cat in i.rows():
                        v = self.current(i.id, region, period, cat)
                        if v is not None and i.small(self.truth(v)):
                            out[v] = "<%d (berekend)" % i.min_count
        return out

    def snapshots(self, cells):
        ds = set()
        for c in cells:
            ds.update(self.obs.get(c, {}))
        return sorted(ds)

    def last_delivery(self, cells):
        s = self.snapshots(cells)
        return s[-1] if s else None

    def children(self, region):
        return sorted(r for r, (_, _, parent) in self.regions.items() if parent == region)


# --- equations -----------------------------------------------------------------


class Source:
    __slots__ = ("family", "file", "line", "text")

    def __init__(self, family, file, line, text):
        self.family, self.file, self.line, self.text = family, file, line, text

    def __str__(self):
        text = re.sub(r"\s+", " ", self.text.strip())
        if len(text) > 70:
            text = text[:67] + "..."
        return "%s:%s: %s" % (self.file, self.line, text)


class Constraint:
    """One thing the adversary knows.  kind 'lin': sum(coeffs * x) = c +- h.
    kind 'ratio': y = x * (1 + p/100) with p = c +- h (x > 0; with
    absbase, (y - x) / |x|).  kind 'quot': z = y / x * c, exact (a
    computed ratio or share of jmon's).  kind 'alt': one of several linear
    ones holds (options: list of (coeffs, c, h, label))."""

    def __init__(self, kind, path, coeffs=None, c=Fraction(0), h=Fraction(0), y=None, x=None,
                 absbase=True, options=None, z=None):
        self.kind, self.path = kind, path
        self.coeffs = coeffs or {}
        self.c, self.h = Fraction(c), Fraction(h)
        self.y, self.x, self.z, self.absbase = y, x, z, absbase
        self.options = options or []
        self.sources = []
        self.id = None

    def key(self):
        if self.kind == "lin":
            return ("lin", self.path, tuple(sorted(self.coeffs.items())), self.c, self.h)
        if self.kind == "ratio":
            return ("ratio", self.path, self.y, self.x, self.c, self.h, self.absbase)
        if self.kind == "quot":
            return ("quot", self.path, self.z, self.y, self.x, self.c)
        return ("alt", self.path, tuple((tuple(sorted(o[0].items())), o[1], o[2], o[3]) for o in self.options))

    def vars(self):
        if self.kind == "lin":
            return set(self.coeffs)
        if self.kind == "ratio":
            return {self.y, self.x}
        if self.kind == "quot":
            return {self.z, self.y, self.x}
        out = set()
        for o in self.options:
            out.update(o[0])
        return out

    def holds(self, truth):
        """Whether it holds for the true values (None: cannot tell)."""
        def lin_holds(coeffs, c, h):
            total = Fraction(0)
            for v, a in coeffs.items():
                t = truth(v)
                if t is None:
                    return None
                total += a * t
            return abs(total - c) <= h + Fraction(1, 10 ** 6)
        if self.kind == "lin":
            return lin_holds(self.coeffs, self.c, self.h)
        if self.kind == "ratio":
            ty, tx = truth(self.y), truth(self.x)
            if ty is None or tx is None or tx == 0:
                return None
            p = (ty - tx) * 100 / (abs(tx) if self.absbase else tx)
            return abs(p - self.c) <= self.h + Fraction(1, 10 ** 6)
        if self.kind == "quot":
            tz, ty, tx = truth(self.z), truth(self.y), truth(self.x)
            if tz is None or ty is None or tx is None or tx == 0:
                return None
            return abs(tz - ty / tx * self.c) <= Fraction(1, 10 ** 6)
        results = [lin_holds(*o[:3]) for o in self.options]
        if any(r is True for r in results):
            return True
        return None if any(r is None for r in results) else False

    def describe(self, name):
        if self.kind == "lin":
            terms = []
            for v, a in sorted(self.coeffs.items(), key=lambda t: str(t[0])):
                sign = "-" if a < 0 else "+"
                mag = abs(a)
                terms.append("%s %s%s" % (sign, "" if mag == 1 else fmt_num(mag) + "·", name(v)))
            lhs = " ".join(terms)
            lhs = lhs[2:] if lhs.startswith("+ ") else lhs
            return "%s = %s%s" % (lhs, fmt_num(self.c), " ± " + fmt_num(self.h) if self.h else "")
        if self.kind == "ratio":
            return "%s = %s × (1 %s (%s%s) %%)" % (name(self.y), name(self.x), "+", fmt_num(self.c),
                                                  " ± " + fmt_num(self.h) if self.h else "")
        if self.kind == "quot":
            return "%s = %s / %s × %s" % (name(self.z), name(self.y), name(self.x), fmt_num(self.c))
        return "one of: " + " | ".join("%s: %s" % (o[3], Constraint("lin", "", o[0], o[1], o[2]).describe(name))
                                       for o in self.options)


A_PRIORI = "a priori"


class Store:
    """Every constraint collected, deduplicated, with every place it was
    printed; and the lines with numbers that no parser understood."""

    def __init__(self, model):
        self.model = model
        self.cons = {}
        self.unparsed = []
        self.numbers_lines = 0
        self.means = []         # (aux var, ind, region, period, cat, group, path, source)
        self.problems = []      # screens that did not show what the plan asked for
        self.used = set()       # (file, line) of screen lines read

    def src(self, family, file, line, text):
        """The source of a number on a screen line, marking the line read."""
        self.used.add((file, line))
        return Source(family, file, line, text)

    def add(self, con, source):
        k = con.key()
        have = self.cons.get(k)
        if have is None:
            con.id = len(self.cons)
            self.cons[k] = have = con
        if source is not None and len(have.sources) < 50:
            have.sources.append(source)
        return have

    def lin(self, coeffs, c, h, path, source):
        coeffs = {v: Fraction(a) for v, a in coeffs.items() if a}
        if not coeffs or any(v is None for v in coeffs):
            return None
        return self.add(Constraint("lin", path, coeffs, c, h), source)

    def value(self, var, text, path, source, exact=False):
        """A printed value of var: a number, "<10", or a word that says nothing."""
        text = text.strip()
        if var is None:
            if text and text not in NOT_A_NUMBER:
                self.unparsed.append((source, "a number for a cell without data: " + text))
            return
        m = re.match(r"^<(\d+)$", text)
        if m:
            bound = int(m.group(1))
            # "<10": above zero, below the bound
            self.lin({var: 1}, Fraction(bound, 2), Fraction(bound - 1, 2) if self.model.is_integer(var)
                     else Fraction(bound, 2), "mask", source)
            return
        if text in NOT_A_NUMBER:
            return
        num = parse_machine(text) if exact else parse_nl(text)
        if num is None:
            self.unparsed.append((source, "not a number: " + text))
            return
        self.lin({var: 1}, num[0], num[1], path, source)

    def difference(self, new, old, text, path, source, exact=False):
        """A printed difference new - old."""
        text = text.strip()
        if text in NOT_A_NUMBER or text in ("definitief",):
            return
        num = parse_machine(text) if exact else parse_nl(text)
        if num is None:
            self.unparsed.append((source, "not a difference: " + text))
            return
        if new is None or old is None:
            self.unparsed.append((source, "a difference of a cell without data: " + text))
            return
        self.lin({new: 1, old: -1}, num[0], num[1], path, source)

    def since_baseline(self, var, ind, region, cat, text, source, exact=False, base=None):
        """A printed change since the nulmeting: var - the cell of the
        indicator's baseline period (base: as the output names it)."""
        base = base or ind.baseline
        if not text.strip() or not base:
            return
        self.difference(var, self.model.current(ind.id, region, base, cat), text, "baseline", source,
                        exact=exact)

    def ratio(self, y, x, text, path, source, absbase=True):
        num = parse_nl(text)
        if num is None or y is None or x is None:
            self.unparsed.append((source, "a percentage of cells without data: " + text))
            return
        self.add(Constraint("ratio", path, c=num[0], h=num[1], y=y, x=x, absbase=absbase), source)


# --- reasons -------------------------------------------------------------------

STATIC_REASONS = {
    "geen regel", "geen stoplichtregel", "geen regel voor deze categorie",
    "geen stoplicht voor deze uitsplitsing", "geheim", "onbekend", "niet van toepassing",
    "geen waarde", "zonder cijfer: de status zet een analist", "geen norm om mee te vergelijken",
    "onbekende soort vergelijking",
}
NUMTXT = r"(?:€ )?[+\-−]?\d[\d.]*(?:,\d+)?(?: (?:dzd|mln|mld|bln))?(?: ?(?:%|pp|wk|dgn))?"
COND = r"(?:binnen|buiten) -?[\d.,]+\.\.-?[\d.,]+|(?:<=|>=|<|>|=|≠) -?[\d.,]+"
MEASURE = re.compile(r"^(?P<before>.+?) (?P<cond>%s)(?: (?P<after>.*))?$" % COND)


def no_figures(ind, text):
    """Whether a reason holds no number but period labels, "<10" and the
    rule's own constants (its bands, min_n): then it says nothing of a cell."""
    rest = PERIOD_LABEL.sub("", text)
    rest = re.sub(r"<\d+\b", "", rest)
    rest = re.sub(COND, "", rest)
    rest = re.sub(r"\b(minimum|min_n|n =) \d+", "", rest)
    return not re.search(r"\d", rest)


def parse_reason(st, ind, cat, region, period, text, source):
    """The numbers of a stoplight reason, as constraints on the cells."""
    m = st.model
    text = text.strip()
    if not text or text in STATIC_REASONS:
        return
    cell = m.current(ind.id, region, period, cat)
    mm = re.match(r"^handmatig(?:: .*)? \(berekend: \w+\)$|^handmatig: .*$", text)
    if mm:
        return          # an analyst's words
    mm = re.match(r"^slechtste categorie, (.+?): (.*)$", text)
    if mm:
        c2 = ind.cat_by_label(mm.group(1))
        if c2 is None:
            st.unparsed.append((source, "unknown category in reason: " + text))
            return
        parse_reason(st, ind, c2, region, period, mm.group(2), source)
        return
    mm = re.match(r"^aantal <(\d+), niet getoond \(privacy\)$", text)
    if mm:
        st.value(cell, "<" + mm.group(1), "mask", source)
        return
    mm = re.match(r"^te klein om te beoordelen: (.+), minimum \d+$", text)
    if mm:
        if ind.counts:
            st.value(cell, mm.group(1), "reason:count_from", source)
        else:
            frm = ind.rule.get("count_from") if ind.rule else None
            st.value(m.current(frm, region, period, cat) if frm else None, mm.group(1),
                     "reason:count_from", source)
        return

    def base_period(label):
        p = period_from_label(label) if label else None
        if p:
            return p
        on = (ind.rule or {}).get("on", "value")
        return period_year_ago(period) if on == "yoy_pct" else period_prev(period)

    mm = re.match(r"^geen vergelijking: (.+) is <(\d+) \(privacy\)$", text)
    if mm:
        st.value(m.current(ind.id, region, base_period(mm.group(1)), cat), "<" + mm.group(2), "mask", source)
        return
    if re.match(r"^geen vergelijking: .+ voor .+$", text) or re.match(r"^geen vergelijking: geen waarden van .+$", text):
        return
    mm = re.match(r"^te klein om mee te vergelijken: (.+) is (.+), minimum \d+$", text)
    if mm:
        st.value(m.current(ind.id, region, base_period(mm.group(1)), cat), mm.group(2), "reason:base", source)
        return
    mm = re.match(r"^deling door nul: (.+) is 0$", text)
    if mm:
        if period_from_label(mm.group(1)):
            st.value(m.current(ind.id, region, period_from_label(mm.group(1)), cat), "0", "reason:base", source)
        return
    mm = re.match(r"^(.+) valt buiten alle grenzen$", text)
    before, after = (mm.group(1), "") if mm else (None, None)
    if not mm:
        mm = MEASURE.match(text)
        if not mm:
            if no_figures(ind, text):
                return      # words about the figure, no number of it
            st.unparsed.append((source, "reason not understood: " + text))
            return
        before, after = mm.group("before"), mm.group("after") or ""
    on = (ind.rule or {}).get("on", "value")
    label = None
    ma = re.match(r"^t\.o\.v\. (.+?)(?: \(gemiddeld (%s)(?:[,;] .*?(\d+) van (\d+).*)?\))?$" % NUMTXT, after)
    if ma:
        label = ma.group(1)
    if on == "value":
        st.value(cell, before, "reason:value", source)
    elif on == "change":
        st.difference(cell, m.current(ind.id, region, base_period(label), cat), before, "reason:change", source)
    elif on in ("change_pct", "yoy_pct"):
        st.ratio(cell, m.current(ind.id, region, base_period(label), cat), before, "reason:pct", source)
    elif on == "norm_ratio":
        mn = re.match(r"^\((.+?); .+\)$", after)
        if mn:
            st.value(cell, mn.group(1), "reason:value", source)
    elif on == "peer_pct":
        if not ma or not ma.group(2):
            st.unparsed.append((source, "peer reason without a mean: " + text))
            return
        aux = ("m", "peer_pct", ind.id, region, period, cat)
        st.value(aux, ma.group(2), "reason:peer", source)
        st.ratio(cell, aux, before, "reason:peer", source)
        size = int(ma.group(3)) if ma.group(3) else None
        st.means.append((aux, ind, region, period, cat, ind.peers, "reason:peer", source, size))
    else:
        st.unparsed.append((source, "unknown rule kind %s: %s" % (on, text)))


# --- reports and exports ---------------------------------------------------------


def report_csv(st, path, rel, family, region, period):
    m = st.model
    with open(path, encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header = None
        for row in reader:
            if header is None:
                header = row
                continue
            r = dict(zip(header, row))
            line = reader.line_num
            src = Source(family, rel, line, ",".join(row))
            ind = m.ind.get(r.get("indicator"))
            if ind is None:
                st.unparsed.append((src, "unknown indicator"))
                continue
            cat = r.get("category", "")
            reg, per = r.get("region", region), r.get("period", period)
            vper = r.get("value_period") or per
            var = m.current(ind.id, reg, vper, cat)
            st.numbers_lines += 1
            if r.get("value", ""):
                st.value(var, r["value"], "value", src, exact=True)
            if r.get("change", ""):
                st.difference(var, m.current(ind.id, reg, period_prev(vper), cat), r["change"], "change",
                              src, exact=True)
            st.since_baseline(var, ind, reg, cat, r.get("baseline_change", ""), src, exact=True,
                              base=r.get("baseline_period"))
            parse_reason(st, ind, cat, reg, vper, r.get("reason", ""), src)


class JsonLines:
    """Line numbers of the objects of a JSON document, in document order."""

    def __init__(self, text):
        self.text, self.pos = text, 0

    def line_of(self, ident):
        i = self.text.find('"id": "%s"' % ident, self.pos)
        if i < 0:
            i = self.text.find('"id":"%s"' % ident, self.pos)
        if i < 0:
            return 0
        self.pos = i + 1
        return self.text.count("\n", 0, i) + 1


def report_json(st, path, rel, family, region, period):
    m = st.model
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.strip():
        return
    doc = json.loads(text, parse_float=str, parse_int=str)
    lines = JsonLines(text)
    reg, per = doc.get("region", region), doc.get("period", period)

    def one(ind, cat, obj):
        line = lines.line_of(obj.get("id"))
        src = Source(family, rel, line, json.dumps({k: obj.get(k) for k in ("id", "value", "change", "reason")},
                                                   ensure_ascii=False))
        vper = obj.get("value_period") or per
        var = m.current(ind.id, reg, vper, cat)
        st.numbers_lines += 1
        if obj.get("value") is not None:
            st.value(var, obj["value"], "value", src, exact=True)
        if obj.get("change") is not None:
            st.difference(var, m.current(ind.id, reg, period_prev(vper), cat), obj["change"], "change", src,
                          exact=True)
        if obj.get("baseline_change") is not None:
            st.since_baseline(var, ind, reg, cat, obj["baseline_change"], src, exact=True,
                              base=obj.get("baseline_period"))
        parse_reason(st, ind, cat, reg, vper, obj.get("reason") or "", src)

    for ch in doc.get("chapters", []):
        for o in ch.get("indicators", []):
            ind = m.ind.get(o.get("id"))
            if ind is None:
                st.unparsed.append((Source(family, rel, 0, str(o.get("id"))), "unknown indicator"))
                continue
            one(ind, "", o)
            for c in o.get("categories", []):
                one(ind, c.get("id", ""), c)


def columns(header, names):
    """Start and end (exclusive) of each heading in a header line."""
    out = {}
    for name in names:
        i = header.find(name)
        if i >= 0:
            out[name] = (i, i + len(name))
    return out


def right_cell(row, end):
    """The right-aligned cell that ends at column end (a number, "<10",
    "geheim", "80,0 %"): what is left of end after the last double space."""
    if len(row) < end or row[end - 1] == " ":
        return ""
    part = row[:end]
    cell = re.split(r"\s{2,}", part)[-1]
    if part.lstrip() == cell.lstrip() or part.rfind(cell) <= 1:
        return ""       # only the label
    return cell.strip()


def rows_in_order(model, chapter_id, with_cats=True):
    for cid, _, inds in model.chapters:
        if cid != chapter_id:
            continue
        for ind in inds:
            yield ind, ""
            if with_cats:
                for c, _ in ind.cats:
                    yield ind, c


def report_text(st, path, rel, family, region, period):
    m = st.model
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    chapter = None
    expect = iter(())
    cols = {}
    for n, line in enumerate(lines, 1):
        src = Source(family, rel, n, line)
        if n <= 2 or not line.strip():
            if n <= 2 and line.strip():
                check_report_header(st, line, src, region, period, n)
            continue
        ch = [c for c in m.chapters if c[1] == line.strip()]
        if ch:
            chapter = ch[0][0]
            expect = rows_in_order(m, chapter)
            continue
        if line.startswith("Indicator"):
            cols = columns(line, ["Waarde", "Verschil", "t.o.v. nulmeting", "Norm", "Status", "Reden"])
            continue
        if line.startswith("✓") or line.startswith("v beoordeeld"):
            continue
        if known_formula(m, line, "Berekend: "):
            continue
        if chapter is None or "Waarde" not in cols:
            if re.search(r"\d", line):
                st.unparsed.append((src, "line outside a table"))
            continue
        try:
            ind, cat = next(expect)
        except StopIteration:
            st.unparsed.append((src, "more rows than the chapter has"))
            continue
        label = ind.cat_label(cat) if cat else ind.label
        if not line.strip().startswith(label):
            st.problems.append("%s: expected the row of %s" % (src, label))
            continue
        st.numbers_lines += 1
        var = m.current(ind.id, region, period, cat)
        st.value(var, right_cell(line, cols["Waarde"][1]), "value", src)
        if "Verschil" in cols:
            st.difference(var, m.current(ind.id, region, period_prev(period), cat),
                          line[cols["Waarde"][1]:cols["Verschil"][1]].strip(), "change", src)
        if "Verschil" in cols and "t.o.v. nulmeting" in cols:
            st.since_baseline(var, ind, region, cat,
                              line[cols["Verschil"][1]:cols["t.o.v. nulmeting"][1]].strip(), src)
        if "Reden" in cols:
            parse_reason(st, ind, cat, region, period, line[cols["Reden"][0]:], src)


def formula_text(m, ind):
    """A computed indicator's formula as jmon prints it for a reader."""
    op = {"sum": " + ", "difference": " \u2212 "}.get(ind.formula, " / ")
    text = op.join(m.ind[i].label for i in ind.inputs)
    if ind.formula in ("ratio", "share") and ind.scale != 1:
        text += " \u00d7 " + fmt_num(ind.scale).replace(".", ",")
    return text


def known_formula(m, line, lead):
    """Whether line is the formula line of a computed indicator: its
    numbers are the configuration's, not data."""
    return any(line == "%s%s = %s" % (lead, i.label, formula_text(m, i))
               for i in m.ind.values() if i.formula)


def check_report_header(st, line, src, region, period, n):
    if n == 1 and ("(%s)" % region not in line or period_label(period) not in line):
        st.problems.append("%s: not the report of %s %s" % (src, region, period))


def md_cells(line):
    cells = re.split(r"(?<!\\)\|", line.strip())
    return [c.strip().replace("\\|", "|") for c in cells[1:-1]]


def report_md(st, path, rel, family, region, period):
    m = st.model
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    chapter = None
    header = None
    for n, line in enumerate(lines, 1):
        src = Source(family, rel, n, line)
        if line.startswith("## "):
            ch = [c for c in m.chapters if c[1] == line[3:].strip()]
            chapter = ch[0] if ch else None
            header = None
            continue
        if line.startswith("**") and "(" in line:
            if "(%s)" % region not in line or period_label(period) not in line:
                st.problems.append("%s: not the report of %s %s" % (src, region, period))
            continue
        if known_formula(m, line, "*Berekend:* "):
            continue
        if not line.startswith("|"):
            if re.search(r"\d", line) and not line.startswith("# "):
                st.unparsed.append((src, "line outside a table"))
            continue
        cells = md_cells(line)
        if header is None:
            header = cells
            continue
        if all(re.match(r"^:?-+:?$", c) for c in cells):
            continue
        if chapter is None:
            st.unparsed.append((src, "table outside a chapter"))
            continue
        r = dict(zip([h.split(" t.o.v.")[0] for h in header], cells))
        label = r.get("Indicator", "")
        ind_label, _, cat_label = label.partition(" — ")
        ind = m.by_label.get(ind_label)
        cat = ind.cat_by_label(cat_label) if ind and cat_label else ""
        if ind is None or cat is None:
            st.unparsed.append((src, "unknown row " + label))
            continue
        st.numbers_lines += 1
        var = m.current(ind.id, region, period, cat)
        st.value(var, r.get("Waarde", ""), "value", src)
        st.difference(var, m.current(ind.id, region, period_prev(period), cat), r.get("Verschil", ""),
                      "change", src)
        st.since_baseline(var, ind, region, cat, r.get("t.o.v. nulmeting", ""), src)
        parse_reason(st, ind, cat, region, period, r.get("Reden", ""), src)


# --- screens -----------------------------------------------------------------------

GLYPHS = "●▲■○"
BAR_CHARS = set("█▏▎▍▌▋▊▉│┆#|:")


def screen_header_ok(st, lines, rel, family, region, period):
    if not lines or "(%s)" % region not in lines[0] or period_label(period) not in lines[0]:
        st.problems.append("%s:1: the screen is not of %s %s: %s" % (rel, region, period,
                                                                       lines[0].strip() if lines else "empty"))
        return False
    return True


def screen_chapter(st, lines, rel, family, region, period, chapter_id):
    m = st.model
    header = lines[2]
    cols = columns(header, [period_label(period), "Δ vorig", "vorig", "Δ nulm."])
    vend = cols.get(period_label(period), (0, 0))[1]
    since = "Δ nulm." in cols       # B: the change since the nulmeting
    cend = cols.get("Δ nulm.", cols.get("Δ vorig", cols.get("vorig", (0, 0))))[1]
    inds = [i for cid, _, inds in m.chapters if cid == chapter_id for i in inds]
    for k, ind in enumerate(inds):
        n = 4 + k
        line = lines[n - 1] if n - 1 < len(lines) else ""
        src = st.src(family, rel, n, line)
        label = line[1:].split("  ")[0].strip()
        if not (ind.label.startswith(label.rstrip("…")) and label):
            st.problems.append("%s: expected the row of %s" % (src, ind.label))
            continue
        st.numbers_lines += 1
        var = m.current(ind.id, region, period, "")
        st.value(var, right_cell(line, vend), "value", src)
        if since:
            st.since_baseline(var, ind, region, "", line[vend:cend].strip(), src)
            continue
        st.difference(var, m.current(ind.id, region, period_prev(period), ""), line[vend:cend].strip(),
                      "change", src)


def screen_indicator(st, lines, rel, family, region, period, ind, row):
    m = st.model
    header = lines[2]
    labels = list(PERIOD_LABEL.finditer(header))
    if not labels or not header[1:].startswith(ind.label):
        st.problems.append("%s:3: not the indicator view of %s" % (rel, ind.label))
        return
    ends = [x.end() for x in labels]
    width = ends[1] - ends[0] if len(ends) > 1 else 13
    pers = [period_from_label(x.group(0)) for x in labels]
    n = 4
    for k, cat in enumerate(ind.rows()):
        line = lines[n - 1]
        src = st.src(family, rel, n, line)
        want = ind.cat_label(cat) if cat else "Totaal"
        if line[1:].strip() != want and not line[1:].strip().startswith(want):
            st.problems.append("%s: expected the row %s" % (src, want))
            n += 1
            continue
        st.numbers_lines += 1
        for p, end in zip(pers, ends):
            cell = line[end - width:end].strip()
            if cell and cell[-1] in GLYPHS:
                cell = cell[:-1].strip()
            st.value(m.current(ind.id, region, p, cat), cell, "value", src)
        n += 1
    # the status of the selected row, its reason wrapped over lines
    cat = ind.rows()[row]
    for i in range(n, len(lines)):
        mm = re.match(r"^ Status (.+?): [%s] \w+, (.*)$" % GLYPHS, lines[i - 1])
        if not mm:
            continue
        want = ind.cat_label(cat) if cat else "totaal"
        if mm.group(1) != want:
            st.problems.append("%s:%d: the status line is of %s, not %s" % (rel, i, mm.group(1), want))
            return
        text = mm.group(2)
        j = i
        while j < len(lines) and lines[j].startswith(" ") and lines[j].strip() and not re.match(
                r"^ (eenheid|Bron|Norm|Regel|Toelichting|Geen toelichting)\b", lines[j]):
            text += " " + lines[j].strip()
            st.used.add((rel, j + 1))
            j += 1
        text = re.sub(r" \(beoordeeld\)$", "", text)
        parse_reason(st, ind, cat, region, period, text, st.src(family, rel, i, lines[i - 1]))
        return


def screen_series(st, lines, rel, family, region, period, ind, row):
    m = st.model
    cat = ind.rows()[row]
    title = ind.label + (" › " + ind.cat_label(cat) if cat else "")
    if lines[2].strip() != title:
        st.problems.append("%s:3: not the series of %s: %s" % (rel, title, lines[2].strip()))
        return
    for n in range(4, len(lines) - 1):
        line = lines[n - 1]
        mm = re.match(r"^ (\d{4}(?: [QH]\d)?)\s", line)
        if not mm:
            continue
        src = st.src(family, rel, n, line)
        st.numbers_lines += 1
        # a signal below a lighter total: its glyph after the status word
        rest = re.sub(r"(groen|oranje|rood|grijs)\s+\S\s*$", r"\1", line[10:])
        g = max(rest.rfind(c) for c in GLYPHS)
        if g >= 0:
            rest = rest[:g]
        value = "".join(ch for ch in rest if ch not in BAR_CHARS).strip()
        st.value(m.current(ind.id, region, period_from_label(mm.group(1)), cat), value, "value", src)


def screen_compare(st, lines, rel, family, region, period, ind, row):
    m = st.model
    cat = ind.rows()[row]
    header = lines[2]
    title = ind.label + (" › " + ind.cat_label(cat) if cat else "") + ", " + period_label(period)
    if not header[1:].startswith(title):
        st.problems.append("%s:3: not the comparison of %s" % (rel, title))
        return
    cols = columns(header, ["waarde", "verschil", "Δ nulm."])
    since = "Δ nulm." in cols       # B: each row since its own nulmeting
    wend, vend = cols["waarde"][1], cols["Δ nulm." if since else "verschil"][1]
    group = None
    self_var = None
    rows = []           # (group, code, var, text, diff, source)
    for n in range(4, len(lines) - 1):
        line = lines[n - 1]
        if not line.strip() or line.startswith(" Δ nulm.: ") or line.startswith(" Deze indicator "):
            continue
        src = st.src(family, rel, n, line)
        if not line.startswith("  "):
            group = line.strip()
            continue
        value = right_cell(line, wend)
        # the status of the row (each region by its own rule) sits between
        # the value and the difference: words, no number
        diff = re.sub(r"^\S+ (groen|oranje|rood|grijs)\b", "", line[wend:vend].strip()).strip()
        name = line[:wend]
        name = name[:len(name) - len(value)] if value and name.endswith(value) else name
        mm = re.match(r"^\s+gemiddelde \((\d+) van (\d+)\)\s*$", name)
        if mm:
            rows.append((group, "mean", int(mm.group(1)), value, diff, src))
            continue
        mc = re.search(r"\((\w+)\)\s*$", name)
        code = mc.group(1) if mc else name.strip()
        var = m.current(ind.id, code, period, cat)
        st.numbers_lines += 1
        st.value(var, value, "value", src)
        if group == "Deze regio":
            self_var = var if parse_nl(value) else None
        rows.append((group, code, var, value, diff, src))
    labels = {lab: gid for gid, (lab, _) in m.peers.items()}
    for grp, code, var, value, diff, src in rows:
        if since:
            # a mean since the mean of the nulmeting, which that period's
            # compare view prints
            if code == "mean":
                aux = ("m", "compare", labels.get(grp), ind.id, region, period, cat)
                st.value(aux, value, "compare", src)
                if diff and ind.baseline:
                    st.difference(aux, ("m", "compare", labels.get(grp), ind.id, region, ind.baseline, cat),
                                  diff, "baseline", src)
            elif diff:
                st.since_baseline(var, ind, code, cat, diff, src)
            continue
        if code == "mean":
            gid = labels.get(grp)
            aux = ("m", "compare", gid, ind.id, region, period, cat)
            st.value(aux, value, "compare", src)
            members = [r for r in rows if r[0] == grp and r[1] != "mean"]
            shown = [r[2] for r in members if parse_nl(r[3])]
            present = [r[2] for r in members if r[2] is not None]
            k = var     # the n of "gemiddelde (n van k)"
            for cand in (shown, present):
                if len(cand) == k and k > 0:
                    coeffs = {aux: k}
                    for v in cand:
                        coeffs[v] = coeffs.get(v, 0) - 1
                    st.lin(coeffs, 0, 0, "compare", src)
                    break
            if diff and self_var is not None:
                compare_diff(st, self_var, aux, diff, src)
            continue
        if diff and self_var is not None and var is not None:
            compare_diff(st, self_var, var, diff, src)


def compare_diff(st, self_var, var, diff, src):
    """A count or an amount differs in % of the other; a percentage in
    points, any other unit (weeks, a score) in the unit: self - other."""
    if diff.endswith("%") and not diff.endswith("pp"):
        st.ratio(self_var, var, diff, "compare", src, absbase=False)
    else:
        st.difference(self_var, var, diff, "compare", src)


def bench_mean(st, aux, n, members, src):
    """A mean printed as "(n van k)": n times it is the sum of the n members
    it is of; which they are, the adversary guesses as the compare view's
    parser does: the members shown beside it, or every member with data."""
    shown = [v for v, text in members if v is not None and parse_nl(text) or
             (v is not None and parse_machine(text))]
    present = [v for v, _ in members if v is not None]
    for cand in (shown, present):
        if len(cand) == n and n > 0:
            st.lin(mean_coeffs(aux, cand), 0, 0, "bench", src)
            return


def bench_diff(st, var, ref, text, unit, src):
    """A difference against the reference: pp and the unit's own are
    var - ref, % is in % of the reference."""
    if var is None or ref is None or not text:
        return
    if unit == "%":
        # a machine number (CSV: "-40.625") is written as the screen
        # writes it; read as Dutch its point would be a thousands separator
        st.ratio(var, ref, text.replace(".", ",") if MACHINE.match(text) else text, "bench", src,
                 absbase=True)
    else:
        st.difference(var, ref, text, "bench", src, exact=parse_machine(text) is not None)


def bench_csv(st, path, rel, family, region, period):
    """jmon report --regions in CSV: the region rows as the report's, a
    mean (region mean:ID) with mean_n of mean_of, every difference against
    the reference."""
    m = st.model
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    shown = {}
    for r in rows:
        if not r["region"].startswith("mean:"):
            shown[(r["region"], r["indicator"], r["category"])] = r["value"]
    for line, r in enumerate(rows, 2):
        src = Source(family, rel, line, ",".join(r.values()))
        ind = m.ind.get(r["indicator"])
        if ind is None:
            st.unparsed.append((src, "unknown indicator"))
            continue
        cat, reg = r["category"], r["region"]
        st.numbers_lines += 1
        ref = m.current(ind.id, r["reference"], period, cat)
        if reg.startswith("mean:"):
            gid = reg[len("mean:"):]
            aux = ("m", "bench", gid, ind.id, region, period, cat)
            if r["value"]:
                st.value(aux, r["value"], "bench", src, exact=True)
                members = [(m.current(ind.id, g, period, cat), shown.get((g, ind.id, cat), ""))
                           for g in m.peers.get(gid, ("", []))[1] if g != region]
                bench_mean(st, aux, int(r["mean_n"] or 0), members, src)
            if r["difference"]:
                bench_diff(st, aux, ref, r["difference"], r["difference_unit"], src)
            if r.get("baseline_change") and r.get("baseline_period"):
                st.difference(aux, ("m", "bench", gid, ind.id, region, r["baseline_period"], cat),
                              r["baseline_change"], "baseline", src, exact=True)
            continue
        var = m.current(ind.id, reg, r.get("value_period") or period, cat)
        if r["value"]:
            st.value(var, r["value"], "value", src, exact=True)
        if r["change"]:
            st.difference(var, m.current(ind.id, reg, period_prev(r.get("value_period") or period), cat),
                          r["change"], "change", src, exact=True)
        parse_reason(st, ind, cat, reg, r.get("value_period") or period, r["reason"], src)
        st.since_baseline(var, ind, reg, cat, r.get("baseline_change", ""), src, exact=True,
                          base=r.get("baseline_period"))
        if r["difference"]:
            bench_diff(st, var, ref, r["difference"], r["difference_unit"], src)


BENCH_GLYPH = re.compile(r"\s*[■▲●○]$")


def screen_benchmark(st, lines, rel, family, region, period, chapter_id, mode):
    """The benchmark view at a width that shows every column: line 4 the
    names ("=" before the reference), line 5 the codes ("gemiddelde" for a
    mean, right-aligned where its cells end), then a row per indicator and
    category in configuration order.  mode: v values, d differences
    against the reference, b (B) each cell since its nulmeting."""
    m = st.model
    diffs = mode == "d"
    names, codes = lines[3], lines[4]
    st.used.update({(rel, 4), (rel, 5)})
    ends = [mm.end() for mm in re.finditer(r"\S+", codes)]
    labels = [mm.group(0) for mm in re.finditer(r"\S+", codes)]
    if not ends:
        return
    starts = [0] + ends[:-1]
    first = codes.find(labels[0])
    cols = []
    for k, (a, e, code) in enumerate(zip(starts, ends, labels)):
        name = names[a:e + 2].strip() if k else names[first - 8:e + 2].strip()
        cols.append((a if k else first - 8, e, code, name.startswith("=")))
    # the label of a mean column is its group's, on line 4
    groups = {lab: gid for gid, (lab, _) in m.peers.items()}
    ref_code = next((c for _, _, c, r in cols if r), None)
    rows = list(rows_in_order(m, chapter_id))
    cells = []
    for k, (ind, cat) in enumerate(rows):
        n = 6 + k
        line = lines[n - 1] if n - 1 < len(lines) else ""
        src = st.src(family, rel, n, line)
        label = line[:cols[0][0]].strip().lstrip("▸▾+- ").strip()
        want = ind.cat_label(cat) if cat else ind.label
        if not label or not want.startswith(label.rstrip("…")):
            st.problems.append("%s: expected the row of %s" % (src, want))
            continue
        st.numbers_lines += 1
        row = []
        for a, e, code, _ in cols:
            text = BENCH_GLYPH.sub("", line[a:e + 2].rstrip()).strip()
            mm = re.match(r"^(.*?) ?\((\d+) van (\d+)\)$", text)
            row.append((code, text if not mm else mm.group(1).strip(), int(mm.group(2)) if mm else None))
        cells.append((ind, cat, row, src))
    for ind, cat, row, src in cells:
        vals = {}
        mean_col = None
        for k, (code, text, n) in enumerate(row):
            if code == "gemiddelde":
                name = names[cols[k][0]:cols[k][1] + 2].strip().lstrip("=")
                gid = next((g for lab, g in groups.items()
                            if name.startswith("gem. ") and lab.startswith(name[5:].rstrip("…"))), None)
                var = ("m", "bench", gid, ind.id, region, period, cat)
                mean_col = (var, text, n, gid)
            else:
                var = m.current(ind.id, code, period, cat)
            vals[code if code != "gemiddelde" else "mean"] = (var, text)
        ref = vals.get("mean" if ref_code == "gemiddelde" else ref_code, (None, ""))[0]
        if mode == "b":
            for code, (var, text) in vals.items():
                if text and code == "mean" and ind.baseline:
                    st.difference(var, var[:5] + (ind.baseline, cat), text, "baseline", src)
                elif text and code != "mean":
                    st.since_baseline(var, ind, code, cat, text, src)
            continue
        for code, (var, text) in vals.items():
            is_ref = (code == "mean" and ref_code == "gemiddelde") or code == ref_code
            if not diffs or is_ref:
                st.value(var, text, "value" if code != "mean" else "bench", src)
            elif text:
                unit = "%" if text.endswith("%") and not text.endswith(" pp") else ""
                bench_diff(st, var, ref, text, unit, src)
        if mean_col and not diffs and mean_col[2]:
            var, text, n, gid = mean_col
            members = [(m.current(ind.id, g, period, cat), vals.get(g, (None, ""))[1])
                       for g in m.peers.get(gid, ("", []))[1] if g != region]
            bench_mean(st, var, n, members, src)


def period_code_of_label(label):
    """The period code of a label as the screen writes it: "2023 Q3" is 2023Q3."""
    dm = re.match(r"^(\d{1,2})-(\d{1,2})-(\d{4})$", label)
    if dm:
        return "%s-%02d-%02d" % (dm.group(3), int(dm.group(2)), int(dm.group(1)))
    return label.replace(" ", "")


def screen_revisions(st, lines, rel, family, region, period, ind, row):
    m = st.model
    cat = ind.rows()[row]
    title = ind.label + (" › " + ind.cat_label(cat) if cat else "") + ", " + period_label(period)
    if not lines[2][1:].startswith(title + ": waarde per levering"):
        st.problems.append("%s:3: not the revisions of %s" % (rel, title))
        return
    history = []
    n = 4
    while n <= len(lines) and lines[n - 1].startswith("  levering "):
        line = lines[n - 1]
        src = st.src(family, rel, n, line)
        mm = re.match(r"^  levering (\d+)\s+(?:\d{4}-\d\d-\d\d(?:T\S*)?)?\s*(\S+)?\s+(.*)$", line)
        if not mm:
            st.unparsed.append((src, "history line not understood"))
            n += 1
            continue
        parts = re.split(r"\s{2,}", mm.group(3).strip())
        value = parts[0] if parts else ""
        diff = parts[1] if len(parts) > 1 else ""
        d = int(mm.group(1))
        var = m.exact(ind.id, region, period, cat, d)
        st.numbers_lines += 1
        st.value(var, value, "revision:value", src)
        history.append((d, var, diff, src))
        n += 1
    for (d, var, diff, src), (d2, var2, _, _) in zip(history, history[1:]):
        if diff:
            st.difference(var, var2, diff, "revision:diff", src)
    if history and history[-1][2]:
        st.unparsed.append((history[-1][3], "a difference with no older delivery"))
    compared = None
    for k in range(n, len(lines) - 1):
        line = lines[k - 1]
        src = st.src(family, rel, k, line)
        mm = re.match(r"^ Gewijzigd in levering (\d+) \(t\.o\.v\. eerdere leveringen\): \d+\+?"
                      r"( \(Enter: indicator\))?$", line)
        if mm:
            compared = int(mm.group(1))
            continue
        if (not line.strip() or line.startswith(" Gewijzigd in de nieuwste") or "geen waarden van" in line
                or "geen eerder geleverde waarden" in line):
            continue
        if compared is None or ("→" not in line and " > " not in line):
            if re.search(r"\d", line):
                st.unparsed.append((src, "line not understood"))
            continue
        # each change names its own period: "▸2023 Q3  Label  old → new  diff"
        pm = re.match(r"^[ ▸>](\d{4}(?: [QH]\d| M\d\d)?|\d{1,2}-\d{1,2}-\d{4})\s+(.*)$", line)
        if not pm:
            st.unparsed.append((src, "a change without its period"))
            continue
        cperiod = period_code_of_label(pm.group(1))
        line = " " + pm.group(2)
        left, _, right = line.partition("→") if "→" in line else line.partition(" > ")
        lparts = re.split(r"\s{2,}", left.strip())
        label, old = (" ".join(lparts[:-1]), lparts[-1]) if len(lparts) > 1 else (lparts[0], "")
        rparts = re.split(r"\s{2,}", right.strip())
        new = rparts[0] if rparts else ""
        diff = rparts[1] if len(rparts) > 1 else ""
        ind_label, _, cat_label = label.partition(" › ")
        ind2 = m.by_label.get(ind_label) or next((i for i in m.ind.values()
                                                   if ind_label.endswith("…") and i.label.startswith(ind_label[:-1])), None)
        cat2 = ind2.cat_by_label(cat_label) if ind2 and cat_label else ""
        if ind2 is None or cat2 is None:
            st.unparsed.append((src, "unknown cell " + label))
            continue
        now_var = m.exact(ind2.id, region, cperiod, cat2, compared)
        old_var = m.at(ind2.id, region, cperiod, cat2, compared - 1)
        st.numbers_lines += 1
        st.value(old_var, old, "revision:change", src)
        st.value(now_var, new, "revision:change", src)
        st.difference(now_var, old_var, diff, "revision:diff", src)


# --- a priori knowledge -----------------------------------------------------------


def a_priori(st):
    """What every reader knows without jmon printing it: the categories of a
    `total: sum` indicator add up to its total, in every delivery's state;
    the wijken of a gemeente add up to it for a count that is summed."""
    m = st.model
    groups = {(k[0], k[1], k[2]) for k in m.obs}
    for ind_id, region, period in sorted(groups):
        ind = m.ind.get(ind_id)
        if not ind or ind.total != "sum" or not ind.cats:
            continue
        cells = [(ind_id, region, period, c) for c in ind.rows()]
        last = m.last_delivery(cells)
        for d in m.snapshots(cells):
            total = m.at(ind_id, region, period, "", d)
            if total is None and d == last:
                total = m.current(ind_id, region, period, "")
            parts = [m.at(ind_id, region, period, c, d) for c, _ in ind.cats]
            if total is None or None in parts:
                continue
            coeffs = {total: 1}
            for p in parts:
                coeffs[p] = coeffs.get(p, 0) - 1
            st.lin(coeffs, 0, 0, "sum:categories", None)
    for parent in sorted(m.regions):
        kids = m.children(parent)
        if not kids:
            continue
        for ind in m.ind.values():
            if not ind.counts or ind.total != "sum":
                continue
            for period in m.periods:
                for cat in ind.rows():
                    cells = [(ind.id, r, period, cat) for r in [parent] + kids]
                    last = m.last_delivery(cells)
                    for d in m.snapshots(cells):
                        vs = [m.at(ind.id, r, period, cat, d) for r in [parent] + kids]
                        if d == last:
                            vs = [v or m.current(ind.id, r, period, cat) for v, r in zip(vs, [parent] + kids)]
                        if None in vs:
                            continue
                        coeffs = {vs[0]: 1}
                        for v in vs[1:]:
                            coeffs[v] = coeffs.get(v, 0) - 1
                        st.lin(coeffs, 0, 0, "sum:wijken", None)


def formulas(st):
    """What every reader knows of a computed figure: its formula (the
    indicator view and every report print it), exact, over the same cells
    of its inputs."""
    m = st.model
    for ind in m.ind.values():
        if not ind.formula:
            continue
        for region in sorted(m.regions):
            for period in m.periods:
                for cat in ind.rows():
                    z = m.current(ind.id, region, period, cat)
                    if z is None:
                        continue
                    ins = [m.current(i, region, period, cat) for i in ind.inputs]
                    if ind.formula in ("sum", "difference"):
                        coeffs = {z: Fraction(1)}
                        for k, v in enumerate(ins):
                            sign = -1 if ind.formula == "sum" or k == 0 else 1
                            coeffs[v] = coeffs.get(v, 0) + sign
                        st.lin(coeffs, 0, 0, "formula", None)
                    else:
                        st.add(Constraint("quot", "formula", c=ind.scale, y=ins[0], x=ins[1], z=z), None)


def resolve_means(st):
    """The mean of a peer_pct reason: over the peers the outputs show, or
    over every peer but the region itself.  Both stay possible; the solver
    keeps whichever the printed numbers allow."""
    m = st.model
    shown = set()
    for con in st.cons.values():
        if con.kind == "lin" and con.path == "value" and len(con.coeffs) == 1:
            shown.add(next(iter(con.coeffs)))
    for aux, ind, region, period, cat, gid, path, src, size in st.means:
        if gid not in m.peers:
            continue
        others = [r for r in m.peers[gid][1] if r != region]
        present = [m.current(ind.id, r, period, cat) for r in others]
        present = [v for v in present if v is not None]
        seen = [v for v in present if v in shown]
        options = []
        for label, members in (("over de getoonde", seen), ("over alle andere", present)):
            if not members or (size is not None and len(members) != size) or any(sorted(o[0].items(), key=str) == sorted(mean_coeffs(aux, members).items(), key=str)
                                  for o in options):
                continue
            options.append((mean_coeffs(aux, members), Fraction(0), Fraction(0), label))
        if options:
            st.add(Constraint("alt", path, options=options), src)


def mean_coeffs(aux, members):
    coeffs = {aux: Fraction(len(members))}
    for v in members:
        coeffs[v] = coeffs.get(v, 0) - 1
    return coeffs


# --- the solver ----------------------------------------------------------------------


class Solver:
    """Gauss-Jordan over Fractions on the linear constraints (errors of
    rounded ones carried along), then interval propagation over all of
    them.  Every bound remembers the constraints it came from."""

    def __init__(self, model, cons, mode="either", hidden=None):
        self.model = model
        self.mode = mode
        self.hidden = hidden or {}
        self.cons = []
        for c in cons:
            if c.kind == "alt" and mode != "either":
                want = "over de getoonde" if mode == "shown" else "over alle andere"
                opts = [o for o in c.options if o[3] == want] or (c.options if len(c.options) == 1 else [])
                if not opts:
                    continue
                o = opts[0]
                lc = Constraint("lin", c.path, o[0], o[1], o[2])
                lc.id, lc.sources = c.id, c.sources
                self.cons.append(lc)
            else:
                self.cons.append(c)
        self.lo, self.hi, self.rlo, self.rhi = {}, {}, {}, {}
        self.contradictions = []

    def prior(self, v):
        m = self.model
        if v[0] == "x":
            ind = m.ind[v[1]]
            if v in self.hidden and self.hidden[v].startswith("<"):
                return 1.0, float(ind.min_count - 1)
            return (0.0, BIG) if ind.counts else (-BIG, BIG)
        return -BIG, BIG

    def run(self):
        parent = {}

        def find(a):
            while parent.setdefault(a, a) != a:
                parent[a] = parent[parent[a]]
                a = parent[a]
            return a
        for c in self.cons:
            vs = list(c.vars())
            for v in vs[1:]:
                ra, rb = find(vs[0]), find(v)
                if ra != rb:
                    parent[ra] = rb
        comps = {}
        for c in self.cons:
            vs = list(c.vars())
            if vs:
                comps.setdefault(find(vs[0]), []).append(c)
        for v in list(parent):
            lo, hi = self.prior(v)
            self.lo[v], self.hi[v] = lo, hi
            self.rlo[v] = self.rhi[v] = frozenset()
        for cs in comps.values():
            self.component(cs)
        return self

    # -- exact elimination --

    def eliminate(self, cs):
        lin = sorted([c for c in cs if c.kind == "lin"], key=lambda c: (c.h, c.id))
        rows, pivots, out = [], {}, []
        herr = {c.id: c.h for c in lin}
        for c in lin:
            co, k, prov = dict(c.coeffs), c.c, {c.id: Fraction(1)}
            for v in [v for v in co if v in pivots]:
                if v not in co:
                    continue
                f = co[v]
                rco, rk, rprov = rows[pivots[v]]
                for w, a in rco.items():
                    co[w] = co.get(w, 0) - f * a
                    if co[w] == 0:
                        del co[w]
                k -= f * rk
                for e, a in rprov.items():
                    prov[e] = prov.get(e, 0) - f * a
                    if prov[e] == 0:
                        del prov[e]
            if not co:
                err = sum(abs(a) * herr[e] for e, a in prov.items())
                if abs(k) > err + Fraction(1, 10 ** 6):
                    self.contradictions.append(("the printed numbers contradict each other", set(prov)))
                continue
            p = max(co, key=lambda v: (v in self.hidden, str(v)))
            f = co[p]
            co = {w: a / f for w, a in co.items()}
            k /= f
            prov = {e: a / f for e, a in prov.items()}
            for i, (rco, rk, rprov) in enumerate(rows):
                if p in rco:
                    g = rco[p]
                    for w, a in co.items():
                        rco[w] = rco.get(w, 0) - g * a
                        if rco[w] == 0:
                            del rco[w]
                    rows[i] = (rco, rk - g * k, rprov)
                    for e, a in prov.items():
                        rprov[e] = rprov.get(e, 0) - g * a
                        if rprov[e] == 0:
                            del rprov[e]
            pivots[p] = len(rows)
            rows.append((co, k, prov))
        for co, k, prov in rows:
            err = sum(abs(a) * herr[e] for e, a in prov.items())
            out.append(({v: float(a) for v, a in co.items()}, float(k - err), float(k + err), frozenset(prov)))
        return out

    # -- bounds --

    def set_lo(self, v, x, why):
        if self.model.is_integer(v):
            x = math.ceil(x - 1e-6)
        if x > self.lo[v] + 1e-9 * max(1.0, abs(x)):
            self.lo[v], self.rlo[v] = x, why
            if x > self.hi[v] + 1e-6 * max(1.0, abs(x)):
                raise ValueError(v)
            return True
        return False

    def set_hi(self, v, x, why):
        if self.model.is_integer(v):
            x = math.floor(x + 1e-6)
        if x < self.hi[v] - 1e-9 * max(1.0, abs(x)):
            self.hi[v], self.rhi[v] = x, why
            if self.lo[v] > x + 1e-6 * max(1.0, abs(x)):
                raise ValueError(v)
            return True
        return False

    def linear(self, co, L, U, prov, lo=None, hi=None):
        """Narrow the bounds by L <= sum(co * x) <= U; returns changed vars.
        With lo/hi given, works on those dicts instead (no provenance)."""
        lo = self.lo if lo is None else lo
        hi = self.hi if hi is None else hi
        changed = []
        mins, maxs = {}, {}
        for v, a in co.items():
            mins[v] = a * lo[v] if a > 0 else a * hi[v]
            maxs[v] = a * hi[v] if a > 0 else a * lo[v]
        smin, smax = sum(mins.values()), sum(maxs.values())
        for v, a in co.items():
            rest_max, rest_min = smax - maxs[v], smin - mins[v]
            nlo, nhi = (L - rest_max) / a, (U - rest_min) / a
            if a < 0:
                nlo, nhi = nhi, nlo
            if lo is self.lo:
                def reasons():
                    why = set(prov)
                    for w in co:
                        if w != v:
                            why |= self.rlo[w] | self.rhi[w]
                    return frozenset(why)
                if nlo > self.lo[v] + 1e-9 * max(1.0, abs(nlo)) and self.set_lo(v, nlo, reasons()):
                    changed.append(v)
                if nhi < self.hi[v] - 1e-9 * max(1.0, abs(nhi)) and self.set_hi(v, nhi, reasons()):
                    changed.append(v)
            else:
                if self.model.is_integer(v):
                    nlo, nhi = math.ceil(nlo - 1e-6), math.floor(nhi + 1e-6)
                lo[v], hi[v] = max(lo[v], nlo), min(hi[v], nhi)
                if lo[v] > hi[v] + 1e-6 * max(1.0, abs(lo[v])):
                    raise ValueError(v)
        return changed

    def ratio(self, c):
        y, x = c.y, c.x
        plo, phi = float(c.c - c.h), float(c.c + c.h)
        if self.lo[x] >= 0 or not c.absbase:
            rlo, rhi = 1 + plo / 100, 1 + phi / 100
            if not c.absbase and not (self.lo[x] > 0 or self.hi[x] < 0):
                return []
        elif self.hi[x] <= 0:
            rlo, rhi = 1 - phi / 100, 1 - plo / 100
        else:
            return []
        changed = []
        why_y = frozenset({c.id}) | self.rlo[x] | self.rhi[x]
        prods = [self.lo[x] * rlo, self.lo[x] * rhi, self.hi[x] * rlo, self.hi[x] * rhi]
        if self.set_lo(y, min(prods), why_y):
            changed.append(y)
        if self.set_hi(y, max(prods), why_y):
            changed.append(y)
        if rlo > 0 or rhi < 0:
            why_x = frozenset({c.id}) | self.rlo[y] | self.rhi[y]
            qs = [self.lo[y] / rlo, self.lo[y] / rhi, self.hi[y] / rlo, self.hi[y] / rhi]
            if self.set_lo(x, min(qs), why_x):
                changed.append(x)
            if self.set_hi(x, max(qs), why_x):
                changed.append(x)
        return changed

    def quot(self, c):
        """z = y / x * k: each of the three from the other two, where the
        divisor's interval keeps clear of 0."""
        z, y, x, k = c.z, c.y, c.x, float(c.c)
        changed = []

        def hull(a, b):
            ps = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]
            return min(ps), max(ps)

        def inv(a):
            return (1 / a[1], 1 / a[0]) if a[0] > 0 or a[1] < 0 else None

        def narrow(v, lohi, why):
            if lohi is None:
                return
            if self.set_lo(v, lohi[0], why):
                changed.append(v)
            if self.set_hi(v, lohi[1], why):
                changed.append(v)
        iv = {v: (self.lo[v], self.hi[v]) for v in (z, y, x)}
        why = {v: frozenset({c.id}) | self.rlo[v] | self.rhi[v] for v in (z, y, x)}
        ix = inv(iv[x])
        if ix is not None:      # z from y and x
            lo, hi = hull(iv[y], ix)
            narrow(z, (lo * k, hi * k) if k > 0 else (hi * k, lo * k), why[y] | why[x])
        lo, hi = hull(iv[z], iv[x])     # y = z * x / k
        narrow(y, (lo / k, hi / k) if k > 0 else (hi / k, lo / k), why[z] | why[x])
        iz = inv(iv[z])
        if iz is not None:      # x = y * k / z
            lo, hi = hull(iv[y], iz)
            narrow(x, (lo * k, hi * k) if k > 0 else (hi * k, lo * k), why[y] | why[z])
        return changed

    def alternatives(self, c, alive):
        """Keep the options the bounds allow; narrow to the hull of what
        each allows."""
        vs = c.vars()
        boxes = []
        for i, o in enumerate(c.options):
            if i not in alive[c.id]:
                continue
            lo = {v: self.lo[v] for v in vs}
            hi = {v: self.hi[v] for v in vs}
            co = {v: float(a) for v, a in o[0].items()}
            try:
                for _ in range(4):
                    self.linear(co, float(o[1] - o[2]), float(o[1] + o[2]), (), lo, hi)
                boxes.append((lo, hi))
            except ValueError:
                alive[c.id].discard(i)
        if not boxes:
            raise ValueError(next(iter(vs)))
        why = frozenset({c.id})
        for v in vs:
            why |= self.rlo[v] | self.rhi[v]
        changed = []
        for v in vs:
            if self.set_lo(v, min(b[0][v] for b in boxes), why):
                changed.append(v)
            if self.set_hi(v, max(b[1][v] for b in boxes), why):
                changed.append(v)
        return changed

    def component(self, cs):
        props = []
        for co, L, U, prov in self.eliminate(cs):
            props.append(("lin", co, L, U, prov))
        for c in cs:
            if c.kind == "lin":
                props.append(("lin", {v: float(a) for v, a in c.coeffs.items()}, float(c.c - c.h),
                              float(c.c + c.h), frozenset({c.id})))
            elif c.kind == "ratio":
                props.append(("ratio", c))
            elif c.kind == "quot":
                props.append(("quot", c))
            else:
                props.append(("alt", c))
        alive = {c.id: set(range(len(c.options))) for c in cs if c.kind == "alt"}
        by_var = {}
        for i, p in enumerate(props):
            vs = p[1].keys() if p[0] == "lin" else p[1].vars()
            for v in vs:
                by_var.setdefault(v, []).append(i)
        queue = list(range(len(props)))
        queued = set(queue)
        steps = 0
        try:
            while queue and steps < 200000:
                steps += 1
                i = queue.pop(0)
                queued.discard(i)
                p = props[i]
                if p[0] == "lin":
                    changed = self.linear(p[1], p[2], p[3], p[4])
                elif p[0] == "ratio":
                    changed = self.ratio(p[1])
                elif p[0] == "quot":
                    changed = self.quot(p[1])
                else:
                    changed = self.alternatives(p[1], alive)
                for v in changed:
                    for j in by_var.get(v, ()):
                        if j not in queued and j != i:
                            queued.add(j)
                            queue.append(j)
        except ValueError as e:
            v = e.args[0]
            self.contradictions.append(("no value of %s fits every printed number" % self.model.short(v),
                                        set(self.rlo.get(v, ())) | set(self.rhi.get(v, ()))))

    def derived(self, v):
        """(value, reasons) when the bounds pin v down, else None."""
        if v not in self.lo:
            return None
        lo, hi = self.lo[v], self.hi[v]
        if self.model.is_integer(v):
            lo, hi = math.ceil(lo - 1e-6), math.floor(hi + 1e-6)
            if lo == hi:
                return lo, self.rlo[v] | self.rhi[v]
        elif hi - lo < 1:
            return (lo + hi) / 2, self.rlo[v] | self.rhi[v]
        return None


def find_leaks(model, cons, hidden):
    """Every withheld cell some reading of the outputs pins to its true
    value: {var: (value, reasons, mode)}; and the refuted readings."""
    leaks, refuted, wrong = {}, [], []
    modes = ["either"]
    if any(c.kind == "alt" and len(c.options) > 1 for c in cons):
        modes += ["shown", "all"]
    for mode in modes:
        s = Solver(model, cons, mode, hidden).run()
        if s.contradictions:
            # a reading the printed numbers refute proves nothing; the
            # reading that keeps both means open must not be refuted
            # (solve() says so when it is)
            refuted.append((mode, s.contradictions))
            if mode != "either":
                continue
        for v in hidden:
            d = s.derived(v)
            if d is None:
                continue
            truth = model.truth(v)
            if truth is not None and abs(float(truth) - d[0]) < 0.5 + 1e-6 and v not in leaks:
                leaks[v] = (d[0], d[1], mode)
            elif truth is not None and abs(float(truth) - d[0]) >= 0.5 + 1e-6 and mode == "either":
                wrong.append((v, d[0], truth))
    return leaks, refuted, wrong


MODE_WORDS = {"either": "", "shown": " (peer mean over the peers shown)",
              "all": " (peer mean over every other peer)"}

# --- the plan: what to run -----------------------------------------------------------


def plan(args):
    m = Model(args["--fixtures"], args["--db"])
    out = args["--out"]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "plan.txt"), "w") as f:
        for region in sorted(m.regions):
            has = {k[0] for k in m.obs if k[1] == region}
            for period in m.periods:
                f.write("%s %s\n" % (region, period))
                d = os.path.join(out, "screens", "%s-%s" % (region, period))
                os.makedirs(d, exist_ok=True)
                keys = []
                for c, (cid, _, inds) in enumerate(m.chapters, 1):
                    keys += [str(c), ":dump ch-%s.txt" % cid, ":export export-%s.csv" % cid,
                             "B", ":dump chb-%s.txt" % cid, "B"]
                    for k, ind in enumerate(inds):
                        if ind.id not in has:
                            continue
                        keys += ["g"] + ["j"] * k + ["<Enter>"]
                        for r, cat in enumerate(ind.rows()):
                            keys += ["g"] + ["j"] * r
                            keys += [":dump ind-%s-%d.txt" % (ind.id, r),
                                     "<Enter>", ":dump ser-%s-%d.txt" % (ind.id, r), "<Escape>",
                                     "c", ":dump cmp-%s-%d.txt" % (ind.id, r),
                                     "B", ":dump cmpb-%s-%d.txt" % (ind.id, r), "B", "<Escape>",
                                     "v", ":dump rev-%s-%d.txt" % (ind.id, r), "<Escape>"]
                        keys += ["<Escape>"]
                # the benchmark view (b) of every chapter, wide enough to show
                # every column, categories open (the last first, so the rows
                # above keep their place), values and then differences
                keys.append(":resize 40x400")
                for c, (cid, _, inds) in enumerate(m.chapters, 1):
                    keys += [str(c), "b"]
                    for k in reversed(range(len(inds))):
                        if inds[k].cats:
                            keys += ["g"] + ["j"] * k + ["<Enter>"]
                    keys += [":dump bch-%s-v.txt" % cid, "d", ":dump bch-%s-d.txt" % cid, "d",
                             "B", ":dump bch-%s-b.txt" % cid, "B", "<Escape>"]
                keys.append(":quit")
                with open(os.path.join(d, "keys"), "w") as k:
                    k.write("\n".join(keys) + "\n")
    return 0


# --- solve: read everything, report -----------------------------------------------------

FAMILIES = ["report-text", "report-csv", "report-json", "report-md", "export-csv",
            "screen-chapter", "screen-indicator", "screen-series", "screen-compare", "screen-revisions",
            "bench-csv", "screen-benchmark"]
SUPPORT = {"value", "mask", "sum:categories"}
LEAK_PATHS = {"change", "baseline", "reason:change", "reason:pct", "reason:peer", "reason:count_from", "reason:base",
              "reason:value", "compare", "bench", "revision:value", "revision:diff", "revision:change", "sum:wijken"}


def collect(m, out):
    st = Store(m)
    files = {f: 0 for f in FAMILIES}
    with open(os.path.join(out, "plan.txt")) as f:
        todo = [line.split() for line in f if line.strip()]
    for region, period in todo:
        base = "%s-%s" % (region, period)
        for fmt, fn in (("text", report_text), ("csv", report_csv), ("json", report_json), ("md", report_md)):
            p = os.path.join(out, "report", "%s.%s" % (base, fmt))
            if os.path.exists(p) and os.path.getsize(p):
                files["report-" + fmt] += 1
                fn(st, p, os.path.relpath(p, out), "report-" + fmt, region, period)
        p = os.path.join(out, "bench", "%s.csv" % base)
        if os.path.exists(p) and os.path.getsize(p):
            files["bench-csv"] += 1
            bench_csv(st, p, os.path.relpath(p, out), "bench-csv", region, period)
        d = os.path.join(out, "screens", base)
        if not os.path.isdir(d):
            continue
        with open(os.path.join(d, "keys")) as f:
            dumps = [line.split()[1] for line in f if line.startswith(":dump") or line.startswith(":export")]
        for name in dumps:
            p = os.path.join(d, name)
            rel = os.path.relpath(p, out)
            if not os.path.exists(p):
                st.problems.append("%s was not written" % rel)
                continue
            if name.startswith("export-"):
                files["export-csv"] += 1
                report_csv(st, p, rel, "export-csv", region, period)
                continue
            with open(p, encoding="utf-8") as f:
                lines = f.read().split("\n")
            kind, rest = name[:-4].split("-", 1)
            family = {"ch": "screen-chapter", "chb": "screen-chapter", "ind": "screen-indicator",
                      "ser": "screen-series", "cmp": "screen-compare", "cmpb": "screen-compare",
                      "rev": "screen-revisions", "bch": "screen-benchmark"}[kind]
            files[family] += 1
            if not screen_header_ok(st, lines, rel, family, region, period):
                continue
            if kind == "bch":
                chapter_id, mode = rest.rsplit("-", 1)
                screen_benchmark(st, lines, rel, family, region, period, chapter_id, mode)
                unread(st, lines, rel)
                continue
            if kind in ("ch", "chb"):
                screen_chapter(st, lines, rel, family, region, period, rest)
                unread(st, lines, rel)
                continue
            ind_id, row = rest.rsplit("-", 1)
            fn = {"ind": screen_indicator, "ser": screen_series, "cmp": screen_compare,
                  "cmpb": screen_compare, "rev": screen_revisions}[kind]
            fn(st, lines, rel, family, region, period, m.ind[ind_id], int(row))
            unread(st, lines, rel)
    a_priori(st)
    formulas(st)
    resolve_means(st)
    return st, files


# lines of a screen whose numbers are the configuration's, or no figure's
KNOWN_LINES = re.compile(
    r"^ *(Regel|eenheid|Bron|Norm|Berekend: |Toelichting \(|Geen toelichting)|^ *[│|┆:] (norm|grenzen):"
    r"|^ *(│ norm: .*)?( *┆ grenzen:.*)?$|^ Gewijzigd in "
    r"|^ Δ nulm\.: elke rij t\.o\.v\. haar eigen nulmeting \d{4}(?: [QH]\d)? \(B: t\.o\.v\. deze regio\)$")


def unread(st, lines, rel):
    """Every screen line with a digit must have been read, or be one whose
    numbers are known constants: the header, the tabs and the title (lines
    1 to 3), the rule, the norm, the bounds, the crumb and the key hints
    (the last two)."""
    last = len(lines)
    while last > 0 and not lines[last - 1].strip():
        last -= 1
    for n, line in enumerate(lines, 1):
        # lines 1 to 3: the header, the tabs and the title each view checked
        if n <= 3 or n >= last - 1 or not re.search(r"\d", line) or (rel, n) in st.used:
            continue
        if KNOWN_LINES.match(line):
            continue
        st.unparsed.append((Source("screen", rel, n, line), "screen line not read"))


def chain_lines(m, st, reasons, limit=14):
    by_id = {c.id: c for c in st.cons.values()}
    cons = sorted((by_id[i] for i in reasons if i in by_id),
                  key=lambda c: (c.path in ("value", "mask", "sum:categories", "sum:wijken"), c.path, c.id))
    out = []
    for c in cons[:limit]:
        where = str(c.sources[0]) if c.sources else A_PRIORI
        more = " (+%d more)" % (len(c.sources) - 1) if len(c.sources) > 1 else ""
        out.append("[%s] %s   <- %s%s" % (c.path, c.describe(m.short), where, more))
    if len(cons) > limit:
        out.append("... and %d more equations" % (len(cons) - limit))
    return out


def solve(args):
    m = Model(args["--fixtures"], args["--db"])
    st, files = collect(m, args["--out"])
    hidden = m.hidden()
    cons = list(st.cons.values())
    note("the files named below are under %s" % args["--out"])

    tap(not st.problems, "every screen and report shows what was asked for (%d problems)" % len(st.problems),
        st.problems[:15])
    tap(not st.unparsed, "the adversary read every number printed (%d rows with numbers, %d not understood)"
        % (st.numbers_lines, len(st.unparsed)), ["%s: %s" % (why, src) for src, why in st.unparsed[:15]])
    wrong = []
    for c in cons:
        h = c.holds(m.truth)
        if h is False:
            wrong.append(c)
    tap(not wrong, "every equation read from the outputs holds for the true values (%d equations)" % len(cons),
        ["%s   <- %s" % (c.describe(m.short), c.sources[0] if c.sources else A_PRIORI) for c in wrong[:10]])

    # one line per output family: what it gives away alone
    apriori = [c for c in cons if not c.sources]
    for fam in FAMILIES:
        mine = [c for c in cons if any(s.family == fam for s in c.sources)]
        if not files.get(fam):
            tap(False, "output family %s: no output was read" % fam)
            continue
        leaks, _, _ = find_leaks(m, mine + apriori, hidden)
        desc = "output family %s (%d files, %d equations)" % (fam, files[fam], len(mine))
        if leaks:
            tap(False, "%s alone gives away %d withheld cells: %s" % (desc, len(leaks), "; ".join(
                "%s = %s" % (m.short(v), fmt_num(leaks[v][0])) for v in sorted(leaks, key=str))))
        else:
            tap(True, "%s: no withheld cell follows from it (with what is known beforehand)" % desc)

    # each path alone: its equations that touch a withheld cell, with every
    # equation that touches none (shown values, in whatever output) and the
    # sums of categories
    alone = {}
    support = [c for c in cons if c.path in SUPPORT or not (c.vars() & set(hidden))]
    for path in sorted({c.path for c in cons} & LEAK_PATHS):
        mine = support + [c for c in cons if c.path == path and c not in support]
        pl, _, _ = find_leaks(m, mine, hidden)
        for v in pl:
            alone.setdefault(v, []).append((path, pl[v][1]))
        note("path %s (%d equations) gives away %d withheld cells%s" % (
            path, sum(1 for c in cons if c.path == path), len(pl),
            ": " + ", ".join(m.short(v) for v in sorted(pl, key=str)) if pl else ""))

    # everything together
    leaks, refuted, wrong_vals = find_leaks(m, cons, hidden)
    for mode, contr in refuted:
        note("reading%s contradicts the printed numbers: %s" % (MODE_WORDS[mode] or " (either mean)", contr[0][0]))
    either_refuted = [r for r in refuted if r[0] == "either"]
    tap(not either_refuted, "the equations of all outputs together are consistent",
        [r[1][0][0] for r in either_refuted] + (chain_lines(m, st, either_refuted[0][1][0][1]) if either_refuted else []))
    tap(not wrong_vals, "the solver never pins a withheld cell to a wrong value",
        ["%s = %s, true %s" % (m.name(v), fmt_num(x), fmt_num(t)) for v, x, t in wrong_vals[:10]])
    by_id = {c.id: c for c in cons}
    for v in sorted(hidden, key=lambda v: (v[1], v[2], v[3], v[5] if isinstance(v[5], int) else 0, v[4])):
        truth = m.truth(v)
        if v in leaks:
            value, reasons, mode = leaks[v]
            paths = sorted({by_id[i].path for i in reasons if i in by_id} & LEAK_PATHS)
            support = sorted({by_id[i].path for i in reasons if i in by_id} - LEAK_PATHS)
            each = alone.get(v, [])
            details = []
            for path, why in each:
                details.append("through %s alone:" % path)
                details += ["  " + line for line in chain_lines(m, st, why, 8)]
            if not each:
                details = ["through the paths together:"] + ["  " + line for line in chain_lines(m, st, reasons)]
            tap(False, "withheld cell given away: %s = %s (true %s; %s) via %s%s%s%s" % (
                m.name(v), fmt_num(value), fmt_num(truth) if truth is not None else "?", hidden[v],
                " + ".join(paths) or "values", " with " + ", ".join(support) if support else "", MODE_WORDS[mode],
                "; each alone: " + ", ".join(p for p, _ in each) if each else "; only paths together"),
                details)
        else:
            tap(True, "withheld cell stays hidden: %s (%s)" % (m.name(v), hidden[v]))
    note("%d withheld cells tried, %d given away" % (len(hidden), len(leaks)))
    per_path = {}
    for c in cons:
        per_path[c.path] = per_path.get(c.path, 0) + 1
    note("equations per path: " + ", ".join("%s %d" % kv for kv in sorted(per_path.items())))
    note("outputs read: " + ", ".join("%s %d" % (f, files[f]) for f in FAMILIES))
    return 0


# --- self-test ------------------------------------------------------------------------

SELFTEST_CONFIG = {
    "monitor": {"privacy": {"min_count": 10}},
    "peers": [{"id": "g", "label": "G", "regions": ["GM0001", "GM0002", "GM0003", "GM0004"]}],
    "chapters": [{"id": "c", "indicators": [
        {"id": "t", "label": "T", "counts": True, "total": "sum", "baseline": "2023Q3",
         "categories": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}]},
        {"id": "p", "label": "P", "counts": True, "peers": "g", "total": "sum",
         "categories": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
         "stoplight": {"on": "peer_pct", "green": "-5..5"}},
        {"id": "q", "label": "Q", "counts": True, "stoplight": {"on": "change_pct", "green": "-5..5"}},
        {"id": "r", "label": "R", "unit": "procent", "decimals": 1,
         "stoplight": {"on": "value", "green": ">= 75", "min_n": 15, "count_from": "n"}},
        {"id": "n", "label": "N", "counts": True},
        {"id": "m", "label": "M", "counts": True},
        {"id": "per", "label": "Per", "unit": "procent", "decimals": 1,
         "compute": {"ratio": ["n", "m"], "scale": 100}},
        {"id": "min", "label": "Min", "counts": True, "compute": {"difference": ["m", "n"]}},
    ]}],
}


class FakeModel(Model):
    """A model from a dict and a list of cells, for the self-test."""

    def __init__(self, cells):
        cfg = SELFTEST_CONFIG
        self.min_count = 10
        self.peers = {g["id"]: (g["label"], g["regions"]) for g in cfg["peers"]}
        self.chapters, self.ind = [], {}
        for ch in cfg["chapters"]:
            inds = [Indicator(i, ch["id"], 10) for i in ch["indicators"]]
            self.chapters.append((ch["id"], ch["id"], inds))
            for i in inds:
                self.ind[i.id] = i
        self.by_label = {i.label: i for i in self.ind.values()}
        self.regions = {r: (r, "gemeente", "") for r in ("GM0001", "GM0002", "GM0003", "GM0004")}
        self.obs, self.truth_suppressed = {}, {}
        for ind, region, period, cat, d, value in cells:
            self.obs.setdefault((ind, region, period, cat), {})[d] = (Fraction(value), "")
        self.periods = sorted({k[2] for k in self.obs})


def selftest(_args):
    failures = []

    def case(desc, cells, lines, expect):
        """lines: (kind, region, period, ind, cat, text) as a report shows
        them; expect: {(ind, region, period, cat): value or None}."""
        m = FakeModel(cells)
        st = Store(m)
        for n, (kind, region, period, ind, cat, text) in enumerate(lines, 1):
            src = Source("selftest", desc, n, text)
            var = m.current(ind, region, period, cat)
            if kind == "value":
                st.value(var, text, "value", src)
            elif kind == "change":
                st.difference(var, m.current(ind, region, period_prev(period), cat), text, "change", src)
            elif kind == "baseline":
                st.since_baseline(var, m.ind[ind], region, cat, text, src)
            elif kind == "reason":
                parse_reason(st, m.ind[ind], cat, region, period, text, src)
            elif kind == "revision":
                d, value = text
                st.value(m.exact(ind, region, period, cat, d), value, "revision:value", src)
        a_priori(st)
        formulas(st)
        resolve_means(st)
        hidden = m.hidden()
        leaks, _, _ = find_leaks(m, list(st.cons.values()), hidden)
        got = {v[1:5]: fmt_num(x[0]) for v, x in leaks.items()}
        want = {k: fmt_num(v) for k, v in expect.items() if v is not None}
        ok = got == want
        tap(ok, "selftest: " + desc, [] if ok else ["derived %s, expected %s" % (got, want)])

    q = "2023Q4"
    # total 100 and A 95 printed, B <10: B = 5 (and C = 0 shown)
    case("total 100, A 95 and C 0 printed give B = 5",
         [("t", "GM0001", q, "", 1, 100), ("t", "GM0001", q, "a", 1, 95), ("t", "GM0001", q, "b", 1, 5),
          ("t", "GM0001", q, "c", 1, 0)],
         [("value", "GM0001", q, "t", "", "100"), ("value", "GM0001", q, "t", "a", "95"),
          ("value", "GM0001", q, "t", "b", "<10"), ("value", "GM0001", q, "t", "c", "0")],
         {("t", "GM0001", q, "b"): 5, ("t", "GM0001", q, ""): 100})
    # two hidden parts: their sum 9 names neither
    case("total 100 and A 91 printed, B and C <10: neither is given away",
         [("t", "GM0001", q, "", 1, 100), ("t", "GM0001", q, "a", 1, 91), ("t", "GM0001", q, "b", 1, 4),
          ("t", "GM0001", q, "c", 1, 5)],
         [("value", "GM0001", q, "t", "", "100"), ("value", "GM0001", q, "t", "a", "91"),
          ("value", "GM0001", q, "t", "b", "<10"), ("value", "GM0001", q, "t", "c", "<10")], {})
    # a change against a withheld total: total minus parts then gives the part
    case("change +50 against a withheld total gives the total and its hidden part",
         [("t", "GM0001", "2023Q3", "", 1, 100), ("t", "GM0001", "2023Q3", "a", 1, 60),
          ("t", "GM0001", "2023Q3", "b", 1, 7), ("t", "GM0001", "2023Q3", "c", 1, 33),
          ("t", "GM0001", q, "", 2, 150)],
         [("value", "GM0001", "2023Q3", "t", "a", "60"), ("value", "GM0001", "2023Q3", "t", "b", "<10"),
          ("value", "GM0001", "2023Q3", "t", "c", "33"), ("value", "GM0001", "2023Q3", "t", "", "geheim"),
          ("value", "GM0001", q, "t", "", "150"), ("change", "GM0001", q, "t", "", "+50")],
         {("t", "GM0001", "2023Q3", ""): 100, ("t", "GM0001", "2023Q3", "b"): 7})
    # the same through the change since the nulmeting (baseline 2023 Q3)
    base_cells = [("t", "GM0001", "2023Q3", "", 1, 100), ("t", "GM0001", "2023Q3", "a", 1, 60),
                  ("t", "GM0001", "2023Q3", "b", 1, 7), ("t", "GM0001", "2023Q3", "c", 1, 33),
                  ("t", "GM0001", q, "", 2, 150)]
    base_shown = [("value", "GM0001", "2023Q3", "t", "a", "60"), ("value", "GM0001", "2023Q3", "t", "b", "<10"),
                  ("value", "GM0001", "2023Q3", "t", "c", "33"), ("value", "GM0001", "2023Q3", "t", "", "geheim"),
                  ("value", "GM0001", q, "t", "", "150")]
    case("a change since the nulmeting +50 against a withheld total gives the total and its hidden part",
         base_cells, base_shown + [("baseline", "GM0001", q, "t", "", "+50")],
         {("t", "GM0001", "2023Q3", ""): 100, ("t", "GM0001", "2023Q3", "b"): 7})
    case("no change since a withheld nulmeting gives nothing",
         base_cells, base_shown + [("baseline", "GM0001", q, "t", "", "")], {})
    # peer means: GM0004's total is withheld (its part B is <10)
    def peers(t4, a4):
        return [("p", "GM0001", q, "", 1, 0), ("p", "GM0002", q, "", 1, 140), ("p", "GM0003", q, "", 1, 160),
                ("p", "GM0004", q, "", 1, t4), ("p", "GM0004", q, "a", 1, a4), ("p", "GM0004", q, "b", 1, t4 - a4)]

    def shown(self_value, a4):
        return [("value", "GM0001", q, "p", "", self_value), ("value", "GM0002", q, "p", "", "140"),
                ("value", "GM0003", q, "p", "", "160"), ("value", "GM0004", q, "p", "", "geheim"),
                ("value", "GM0004", q, "p", "a", a4), ("value", "GM0004", q, "p", "b", "<10")]
    cells = peers(150, 145)
    cells[0] = ("p", "GM0001", q, "", 1, 165)
    case("peer mean 150 of 3, peers 140 and 160 shown: the third is 150 (mean over every other peer)",
         cells, shown("165", "145") + [("reason", "GM0001", q, "p", "", "+10,0 % buiten -5..5 t.o.v. G (gemiddeld 150)")],
         {("p", "GM0004", q, ""): 150, ("p", "GM0004", q, "b"): 5})
    cells = peers(170, 164)
    cells[0] = ("p", "GM0001", q, "", 1, 180)
    case("peer mean 157 and +14,9 %: the hidden peer is 170, its part 6",
         cells, shown("180", "164") + [("reason", "GM0001", q, "p", "", "+14,9 % binnen -20..20 t.o.v. G (gemiddeld 157)")],
         {("p", "GM0004", q, ""): 170, ("p", "GM0004", q, "b"): 6})
    case("peer mean 157 printed alone leaves the hidden peer among 3 values",
         cells, shown("180", "164") + [("reason", "GM0001", q, "p", "", "valt buiten alle grenzen")]
         + [("value", "GM0001", q, "p", "", "180")], {})
    # value 10 and +100,0 %: the previous value is 5
    case("value 10 and +100,0 % give the previous value 5",
         [("q", "GM0001", "2023Q3", "", 1, 5), ("q", "GM0001", q, "", 2, 10)],
         [("value", "GM0001", "2023Q3", "q", "", "<10"), ("value", "GM0001", q, "q", "", "10"),
          ("reason", "GM0001", q, "q", "", "+100,0 % buiten -5..5 t.o.v. 2023 Q3")],
         {("q", "GM0001", "2023Q3", ""): 5})
    # a change of a total whose two hidden parts keep it shown gives neither
    case("change +20 of a total with two hidden parts gives neither part",
         [("t", "GM0001", "2023Q3", "", 1, 20), ("t", "GM0001", "2023Q3", "a", 1, 11),
          ("t", "GM0001", "2023Q3", "b", 1, 4), ("t", "GM0001", "2023Q3", "c", 1, 5),
          ("t", "GM0001", q, "", 2, 40), ("t", "GM0001", q, "a", 2, 20), ("t", "GM0001", q, "b", 2, 10),
          ("t", "GM0001", q, "c", 2, 10)],
         [("value", "GM0001", "2023Q3", "t", "", "20"), ("value", "GM0001", "2023Q3", "t", "a", "11"),
          ("value", "GM0001", "2023Q3", "t", "b", "<10"), ("value", "GM0001", "2023Q3", "t", "c", "<10"),
          ("value", "GM0001", q, "t", "", "40"), ("change", "GM0001", q, "t", "", "+20"),
          ("value", "GM0001", q, "t", "a", "20"), ("change", "GM0001", q, "t", "a", "+9")], {})
    # the count_from n printed in the reason
    case("te klein om te beoordelen: 7 gives the hidden n",
         [("r", "GM0001", q, "", 1, 80), ("n", "GM0001", q, "", 1, 7)],
         [("value", "GM0001", q, "n", "", "<10"),
          ("reason", "GM0001", q, "r", "", "te klein om te beoordelen: 7, minimum 15")],
         {("n", "GM0001", q, ""): 7})
    case("te klein om te beoordelen: <10 gives nothing",
         [("r", "GM0001", q, "", 1, 80), ("n", "GM0001", q, "", 1, 7)],
         [("value", "GM0001", q, "n", "", "<10"),
          ("reason", "GM0001", q, "r", "", "te klein om te beoordelen: <10, minimum 15")], {})
    # two deliveries: a withheld total shown in the older one
    case("a withheld total shown per delivery gives its hidden part",
         [("t", "GM0001", q, "", 1, 157), ("t", "GM0001", q, "a", 1, 100), ("t", "GM0001", q, "b", 1, 50),
          ("t", "GM0001", q, "c", 1, 7), ("t", "GM0001", q, "", 2, 117), ("t", "GM0001", q, "b", 2, 5),
          ("t", "GM0001", q, "c", 2, 12)],
         [("revision", "GM0001", q, "t", "", (1, "157")), ("revision", "GM0001", q, "t", "a", (1, "100")),
          ("revision", "GM0001", q, "t", "b", (1, "50")), ("revision", "GM0001", q, "t", "c", (1, "<10")),
          ("revision", "GM0001", q, "t", "c", (2, "12")), ("revision", "GM0001", q, "t", "b", (2, "<10")),
          ("revision", "GM0001", q, "t", "", (2, "geheim"))],
         {("t", "GM0001", q, ""): 157, ("t", "GM0001", q, "c"): 7})
    # computed figures: a ratio or a difference printed beside a shown input
    nm = [("n", "GM0001", q, "", 1, 7), ("m", "GM0001", q, "", 1, 40)]
    seen = [("value", "GM0001", q, "n", "", "<10"), ("value", "GM0001", q, "m", "", "40")]
    case("a computed ratio 17,5 % beside its shown divisor 40 gives the hidden dividend 7",
         nm, seen + [("value", "GM0001", q, "per", "", "17,5 %")], {("n", "GM0001", q, ""): 7})
    case("a computed difference 33 beside its shown input 40 gives the hidden one 7",
         nm, seen + [("value", "GM0001", q, "min", "", "33")], {("n", "GM0001", q, ""): 7})
    case("computed figures withheld beside their shown input give nothing",
         nm, seen + [("value", "GM0001", q, "per", "", "geheim"), ("value", "GM0001", q, "min", "", "geheim")],
         {})
    # the number formats
    for text, mid, half in (("2.660", 2660, Fraction(1, 2)), ("-4,2", Fraction(-42, 10), Fraction(1, 20)),
                            ("+10,0 pp", 10, Fraction(1, 20)), ("€ 1,2 mln", 1200000, 50000),
                            ("80,0 %", 80, Fraction(1, 20)), ("12.345.678", 12345678, Fraction(1, 2))):
        got = parse_nl(text)
        tap(got == (Fraction(mid), Fraction(half)), "selftest: %s reads as %s ± %s" % (text, fmt_num(mid),
                                                                                      fmt_num(half)),
            [] if got == (Fraction(mid), Fraction(half)) else ["got %s" % (got,)])
    tap(parse_nl("geheim") is None and parse_nl("<10") is None and parse_nl("2023 Q3") is None,
        "selftest: words, masks and periods are not numbers")
    return 0


def main(argv):
    if "--selftest" in argv:
        return selftest(None)
    if len(argv) < 2 or argv[1] not in ("plan", "solve"):
        sys.stderr.write(__doc__)
        return 64
    args = {}
    it = iter(argv[2:])
    for a in it:
        args[a] = next(it, None)
    for need in ("--fixtures", "--db", "--out"):
        if not args.get(need):
            sys.stderr.write("adversary.py: %s is needed\n" % need)
            return 64
    return plan(args) if argv[1] == "plan" else solve(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
