#!/usr/bin/env python3
"""Generate the sample inputs of Récit for the KPA-Cité network.

Writes, into inputs/ (or the folder given as the only argument):
  kpa.csv        the 15 KPAs of the network
  activite.csv   267 anonymous coopérant·es (reporting period 01/03/2022-31/12/2023)
  finances.csv   revenue and optional pay/expenses/savings per KPA and period

The data are invented but reproduce every key figure of the network's
evaluative report (January 2024): each published percentage is obtained from an
integer count (see TARGETS), and the people are built so that the counts come
out exactly while staying plausible (départements follow the KPA, youth-only
KPAs, mission locale only for 16-24 year-olds, durations within the KPA's
maximum, exits spread over the period...).

At the end the script reads back the files it wrote, recomputes every figure
from them (an independent path: no generator state is used), asserts them and
prints a table "figure -> count/base -> rounded percent".

Deterministic: fixed seed, no clock, no set/dict-order dependence; stdlib only.
"""

import csv
import io
import os
import random
import sys

SEED = 20240115

PERIOD_START = (2022, 3, 1)
PERIOD_END = (2023, 12, 31)

# ---------------------------------------------------------------------------
# Target counts. Each share is round-half-up(100 * count / base); where several
# integer counts give the printed percent, the ones chosen minimise the sum of
# squared differences between exact and printed shares, under the constraint
# that the categories add up to their base.

N = 267
TARGETS = {
    "women": 195,
    "age": {"16-24": 59, "25-39": 92, "40-54": 94, "55+": 22},
    "departement": {"59": 213, "17": 27, "37": 19, "62": 8},
    "qpv": 187,
    "parent_isole": 45,
    "protection_internationale": 5,
    "rqth": 24,
    "niveau_formation": {"infra-cap": 51, "cap-bep": 62, "bac": 45,
                         "bac+2-4": 29, "bac+5": 8, "inconnu": 72},
    "inscrit_pe_avant": 72,
    "anciennete_pe": {"moins-6-mois": 24, "6-12-mois": 8, "13-24-mois": 11,
                      "2-5-ans": 18, "plus-5-ans": 11},
    "mission_locale": 13,
    "inscrit_pe_pendant": 18,
    "duree_prevue": {"<12": 17, "12": 91, "13-23": 35, "24": 124},
    "present": 169,
    "tenure": {"<6": 32, "6-12": 58, "13-21": 78, "22+": 1},
    "left": 98,
    "stay": {"<6": 34, "6-12": 40, "13-21": 24, "22+": 0},
    "situation_sortie": {
        "cdi": 29, "cdd-6-mois-et-plus": 8, "cdd-moins-6-mois": 9,
        "interim": 3, "formation-qualifiante": 9,
        "formation-non-qualifiante": 6, "creation-entreprise": 8,
        "autre-dispositif": 2, "sans-emploi-ni-formation": 3,
        "service-civique": 1, "inconnue": 20,
    },
}

# Percentages printed in the report (DOMAIN.md), checked against the counts.
PRINTED = {
    "women": 73,
    "age": {"16-24": 22, "25-39": 34, "40-54": 35, "55+": 8},
    "departement": {"59": 80, "17": 10, "37": 7, "62": 3},
    "qpv": 70, "parent_isole": 17, "protection_internationale": 2, "rqth": 9,
    "niveau_formation": {"infra-cap": 19, "cap-bep": 23, "bac": 17,
                         "bac+2-4": 11, "bac+5": 3, "inconnu": 27},
    "inscrit_pe_avant": 27,
    "anciennete_pe": {"moins-6-mois": 33, "6-12-mois": 11, "13-24-mois": 15,
                      "2-5-ans": 25, "plus-5-ans": 15},
    "mission_locale": 5, "inscrit_pe_pendant": 7,
    "duree_prevue": {"<12": 6, "12": 34, "13-23": 13, "24": 46},
    "present": 63,
    "tenure": {"<6": 19, "6-12": 34, "13-21": 46},
    "left": 37,
    "stay": {"<6": 35, "6-12": 41, "13-21": 24},
    "employment": 50, "training": 15, "creation": 8,
}

# ---------------------------------------------------------------------------
# The network. (id, name, city, neighbourhood, département, year founded)

KPAS = [
    ("la-cape", "La Cape", "Roubaix", "L'Épeule", "59", 2017),
    ("coop-manau", "Coop Manau", "Roubaix", "Le Pile", "59", 2019),
    ("moulins-coop", "Moulins Coop", "Lille", "Moulins", "59", 2018),
    ("la-fourmiliere", "La Fourmilière", "Boulogne-sur-Mer", "Transition", "62", 2019),
    ("kpa-valenciennes", "KPA Valenciennes", "Valenciennes", "Chasse Royale", "59", 2020),
    ("kpa-touraine", "KPA Touraine", "Tours", "Sanitas", "37", 2020),
    ("kpa-la-rochelle", "KPA La Rochelle", "La Rochelle", "Villeneuve-les-Salines", "17", 2019),
    ("coopains-a-bord", "Les Coopains à Bord", "Grande-Synthe", "Europe", "59", 2020),
    ("rhizome", "Rhizome", "Coudekerque-Branche", "Degroote", "59", 2021),
    ("kpa-arras", "KPA Arras", "Arras", "Les Blancs-Monts", "62", 2022),
    ("kpa-onnaing", "KPA Onnaing", "Onnaing", "Cité du Rivage", "59", 2022),
    ("kpa-nogent", "KPA Nogent", "Nogent-sur-Oise", "Les Rochers", "60", 2022),
    ("kpa-lille-sud", "KPA Lille-Sud", "Lille", "Lille-Sud", "59", 2021),
    ("kpa-tourcoing", "KPA Tourcoing", "Tourcoing", "La Bourgogne", "59", 2022),
    ("kpa-wattrelos", "KPA Wattrelos", "Wattrelos", "Le Beck", "59", 2022),
]
KPA_ORDER = [k[0] for k in KPAS]
KPA_DEPT = {k[0]: k[4] for k in KPAS}
KPA_FOUNDED = {k[0]: k[5] for k in KPAS}

# People per KPA (KPA Arras, Onnaing, Nogent and Wattrelos had nobody in the
# period), and how many of them are women.
SIZES = {
    "coop-manau": (62, 58), "kpa-valenciennes": (38, 27), "la-cape": (36, 27),
    "moulins-coop": (34, 26), "coopains-a-bord": (16, 10), "rhizome": (14, 10),
    "kpa-lille-sud": (7, 5), "kpa-tourcoing": (6, 4), "la-fourmiliere": (8, 6),
    "kpa-la-rochelle": (27, 13), "kpa-touraine": (19, 9),
}
YOUTH_ONLY = ("kpa-touraine", "kpa-la-rochelle")
MAX_12_MONTHS = ("coopains-a-bord",)  # paths of at most one year
# 16-24 year-olds outside the youth-only KPAs (59 - 46 = 13).
OTHER_YOUTH = {"coopains-a-bord": 5, "moulins-coop": 3, "kpa-valenciennes": 2,
               "la-fourmiliere": 1, "rhizome": 1, "la-cape": 1}

# Revenue excl. VAT in whole euros; the first six are the report's figures,
# the others are invented. (kpa, start, end, revenue, pay%, expenses%, savings%)
# None = column left empty (optional).
FINANCES = [
    ("la-fourmiliere", (2022, 3, 1), (2023, 12, 31), 26582, 0.52, 0.31, 0.06),
    ("coop-manau", (2022, 3, 1), (2023, 12, 31), 107457, 0.57, 0.27, 0.08),
    ("la-cape", (2022, 3, 1), (2023, 12, 31), 15213, 0.46, 0.38, 0.05),
    ("kpa-valenciennes", (2022, 3, 1), (2023, 12, 31), 39674, 0.49, 0.33, 0.07),
    ("moulins-coop", (2022, 3, 1), (2023, 12, 31), 21199, 0.44, 0.36, None),
    ("kpa-touraine", (2022, 3, 1), (2022, 12, 31), 15510, 0.41, 0.42, 0.04),
    ("kpa-touraine", (2023, 1, 1), (2023, 12, 31), 48392, 0.55, 0.29, 0.09),
    ("kpa-la-rochelle", (2022, 3, 1), (2023, 12, 31), 31846, 0.48, 0.34, 0.06),
    ("coopains-a-bord", (2022, 3, 1), (2023, 12, 31), 17935, 0.51, 0.30, 0.05),
    ("rhizome", (2022, 3, 1), (2023, 12, 31), 12468, 0.43, None, None),
    ("kpa-lille-sud", (2022, 3, 1), (2023, 12, 31), 5730, 0.40, None, None),
    ("kpa-tourcoing", (2022, 3, 1), (2023, 12, 31), 3912, 0.45, None, None),
]
REPORTED_REVENUE = {  # euros, checked on the written file
    ("la-fourmiliere", None): 26582, ("coop-manau", None): 107457,
    ("la-cape", None): 15213, ("kpa-valenciennes", None): 39674,
    ("moulins-coop", None): 21199, ("kpa-touraine", 2022): 15510,
    ("kpa-touraine", 2023): 48392,
}

ACTIVITE_COLUMNS = [
    "id", "kpa", "sexe", "tranche_age", "annee_naissance", "departement", "qpv",
    "parent_isole", "protection_internationale", "rqth", "niveau_formation",
    "inscrit_pe_avant", "anciennete_pe", "inscrit_pe_pendant", "mission_locale",
    "date_entree", "duree_prevue_mois", "date_sortie", "situation_sortie",
]


# ---------------------------------------------------------------------------
# Dates and months

def month_index(y, m):
    return y * 12 + (m - 1)


def from_month_index(i):
    return i // 12, i % 12 + 1


def months_between(a, b):
    """Whole months from a to b, the rule Récit uses for its bands."""
    (ya, ma, da), (yb, mb, db) = a, b
    return (yb - ya) * 12 + (mb - ma) - (1 if db < da else 0)


def days_in_month(y, m):
    if m == 2:
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def fmt_date(d):
    return "%02d/%02d/%04d" % (d[2], d[1], d[0])


def parse_date(s):
    d, m, y = s.split("/")
    return int(y), int(m), int(d)


def band(months):
    if months < 6:
        return "<6"
    if months <= 12:
        return "6-12"
    if months <= 21:
        return "13-21"
    return "22+"


def duration_band(months):
    if months < 12:
        return "<12"
    if months == 12:
        return "12"
    if months < 24:
        return "13-23"
    return "24"


def pct(count, base):
    """round-half-up(100 * count / base), exact in integers."""
    return (200 * count + base) // (2 * base)


# ---------------------------------------------------------------------------
# Generation

class Person:
    def __init__(self, kpa):
        self.kpa = kpa
        self.sex = "H"
        self.age = None
        self.qpv = self.single_parent = self.intl = self.rqth = False
        self.edu = None
        self.pe_before = False
        self.pe_duration = ""
        self.pe_during = False
        self.ml = False
        self.entry = None
        self.planned = None
        self.exit = None
        self.situation = ""
        self.slot = None  # ("P"|"L", band)


def pick(rng, people, k, weight):
    """Choose exactly k people, without replacement, with probability growing
    with weight(p) (weight 0 = never): Efraimidis-Spirakis keys u^(1/w)."""
    keyed = []
    for i, p in enumerate(people):
        w = weight(p)
        if w > 0:
            keyed.append((rng.random() ** (1.0 / w), i))
    assert len(keyed) >= k, "not enough candidates: %d < %d" % (len(keyed), k)
    keyed.sort(reverse=True)
    chosen = sorted(i for _, i in keyed[:k])
    return [people[i] for i in chosen]


def generate(rng):
    people = []
    for kpa in KPA_ORDER:
        if kpa not in SIZES:
            continue
        size, women = SIZES[kpa]
        group = [Person(kpa) for _ in range(size)]
        for p in pick(rng, group, women, lambda p: 1):
            p.sex = "F"
        people.extend(group)
    assert len(people) == N

    # --- age bands
    for p in people:
        if p.kpa in YOUTH_ONLY:
            p.age = "16-24"
    for kpa, n in OTHER_YOUTH.items():
        group = [p for p in people if p.kpa == kpa]
        for p in pick(rng, group, n, lambda p: 1):
            p.age = "16-24"
    rest = [p for p in people if p.age is None]
    for p in pick(rng, rest, TARGETS["age"]["55+"], lambda p: 1):
        p.age = "55+"
    rest = [p for p in people if p.age is None]
    # Women over 40 are one of the report's segments: slightly more of them.
    for p in pick(rng, rest, TARGETS["age"]["40-54"],
                  lambda p: 1.3 if p.sex == "F" else 1.0):
        p.age = "40-54"
    for p in people:
        if p.age is None:
            p.age = "25-39"

    # --- planned duration (months)
    def set_planned(group, n, values):
        for p in pick(rng, group, n, lambda p: 1):
            p.planned = values[int(rng.random() * len(values))]

    short_values = [6, 6, 8, 9, 10]
    mid_values = [15, 18, 18, 18, 20, 21]
    plan = {  # kpa: (<12, ==12); the rest get 13-23 or 24
        "coopains-a-bord": (6, 10), "kpa-touraine": (2, 17),
        "kpa-la-rochelle": (7, 20),
    }
    for kpa, (n_short, n_year) in plan.items():
        group = [p for p in people if p.kpa == kpa]
        assert n_short + n_year == len(group)
        set_planned(group, n_short, short_values)
        for p in group:
            if p.planned is None:
                p.planned = 12
    others = [p for p in people if p.planned is None]
    d = TARGETS["duree_prevue"]
    n_short = d["<12"] - sum(v[0] for v in plan.values())
    n_year = d["12"] - sum(v[1] for v in plan.values())
    set_planned(others, n_short, short_values)
    others = [p for p in people if p.planned is None]
    set_planned(others, n_year, [12])
    others = [p for p in people if p.planned is None]
    set_planned(others, d["13-23"], mid_values)
    for p in people:
        if p.planned is None:
            p.planned = 24

    # --- still present or left, and the band of tenure / stay.
    # The one person present for 26 months: La Cape, entered October 2021.
    veteran = [p for p in people if p.kpa == "la-cape" and p.planned == 24][0]
    veteran.slot = ("P", "22+")
    veteran.entry = (2021, 10, 4)
    long_ok = [p for p in people if p.slot is None and p.planned >= 13]
    chosen = pick(rng, long_ok, TARGETS["tenure"]["13-21"] + TARGETS["stay"]["13-21"],
                  lambda p: 1)
    for p in pick(rng, chosen, TARGETS["stay"]["13-21"], lambda p: 1):
        p.slot = ("L", "13-21")
    for p in chosen:
        if p.slot is None:
            p.slot = ("P", "13-21")
    rest = [p for p in people if p.slot is None]
    # Short slots; people with a planned stay under 6 months are only
    # "present < 6" or "left < 6" or just past 6.
    for p in pick(rng, rest, TARGETS["tenure"]["<6"], lambda p: 1):
        p.slot = ("P", "<6")
    rest = [p for p in people if p.slot is None]
    for p in pick(rng, rest, TARGETS["stay"]["<6"], lambda p: 1):
        p.slot = ("L", "<6")
    rest = [p for p in people if p.slot is None]
    for p in pick(rng, rest, TARGETS["stay"]["6-12"], lambda p: 1):
        p.slot = ("L", "6-12")
    for p in people:
        if p.slot is None:
            p.slot = ("P", "6-12")

    # --- dates
    bounds = {"<6": (0, 5), "6-12": (6, 12), "13-21": (13, 21)}
    end_i = month_index(*PERIOD_END[:2])
    start_i = month_index(*PERIOD_START[:2])
    for p in people:
        kind, b = p.slot
        if b == "22+":
            continue
        lo, hi = bounds[b]
        earliest = max(month_index(2021, 1), month_index(KPA_FOUNDED[p.kpa], 1))
        if kind == "P":
            hi = min(hi, max(p.planned, lo))
            t = lo + int(rng.random() * (hi - lo + 1))
            y, m = from_month_index(end_i - t)
            p.entry = (y, m, 1 + int(rng.random() * 28))
        else:
            lo = max(lo, 1)
            hi = min(hi, max(p.planned + 1, lo))
            s = lo + int(rng.random() * (hi - lo + 1))
            first_exit = max(start_i, earliest + s)
            e = first_exit + int(rng.random() * (end_i - first_exit + 1))
            y, m = from_month_index(e - s)
            ed = 1 + int(rng.random() * 28)
            p.entry = (y, m, ed)
            y2, m2 = from_month_index(e)
            xd = ed + int(rng.random() * (days_in_month(y2, m2) - ed + 1))
            p.exit = (y2, m2, xd)

    # --- situation
    def sel(k, weight, pool=None):
        return pick(rng, people if pool is None else pool, k, weight)

    for p in sel(TARGETS["mission_locale"],
                 lambda p: 0 if p.age != "16-24" else (3 if p.kpa in YOUTH_ONLY else 1)):
        p.ml = True
    qpv_w = {"coop-manau": 5, "la-cape": 5, "moulins-coop": 5, "kpa-valenciennes": 4,
             "kpa-la-rochelle": 1.2, "kpa-touraine": 1.5}
    for p in sel(TARGETS["qpv"], lambda p: qpv_w.get(p.kpa, 2.5)):
        p.qpv = True
    sp_w = {("F", "25-39"): 6, ("F", "40-54"): 4, ("F", "16-24"): 0.6, ("F", "55+"): 0.4,
            ("H", "25-39"): 0.5, ("H", "40-54"): 0.5, ("H", "55+"): 0.1, ("H", "16-24"): 0}
    for p in sel(TARGETS["parent_isole"],
                 lambda p: sp_w[(p.sex, p.age)] * (2 if p.kpa == "coop-manau" else 1)):
        p.single_parent = True
    intl_w = {"coop-manau": 3, "la-cape": 2}
    for p in sel(TARGETS["protection_internationale"],
                 lambda p: 0 if p.age == "55+" else intl_w.get(p.kpa, 1)):
        p.intl = True
    rqth_w = {"16-24": 0.6, "25-39": 1, "40-54": 1.6, "55+": 2}
    for p in sel(TARGETS["rqth"], lambda p: rqth_w[p.age]):
        p.rqth = True

    # Education: unknown first (more often for people who left), then the
    # rarer levels, CAP-BEP takes the rest.
    e = TARGETS["niveau_formation"]
    for p in sel(e["inconnu"], lambda p: 1.3 if p.exit else 1):
        p.edu = "inconnu"
    free = lambda: [p for p in people if p.edu is None]
    b5 = {"16-24": 0.05, "25-39": 2, "40-54": 1.5, "55+": 1}
    for p in sel(e["bac+5"], lambda p: b5[p.age] * (3 if p.intl else 1), free()):
        p.edu = "bac+5"
    for p in sel(e["bac+2-4"], lambda p: 0.5 if p.age == "16-24" else 1, free()):
        p.edu = "bac+2-4"
    for p in sel(e["bac"], lambda p: 1.6 if p.age == "16-24" else 1, free()):
        p.edu = "bac"
    infra = {"16-24": 1.4, "25-39": 1, "40-54": 1.1, "55+": 1.8}
    for p in sel(e["infra-cap"], lambda p: infra[p.age], free()):
        p.edu = "infra-cap"
    for p in free():
        p.edu = "cap-bep"

    # Pôle emploi before entry, and for how long.
    pe_w = {"16-24": 0.5, "25-39": 1.2, "40-54": 1.3, "55+": 1}
    for p in sel(TARGETS["inscrit_pe_avant"], lambda p: pe_w[p.age] * (0.3 if p.ml else 1)):
        p.pe_before = True
    a = TARGETS["anciennete_pe"]
    reg = lambda: [p for p in people if p.pe_before and not p.pe_duration]
    g5 = {"16-24": 0, "25-39": 0.7, "40-54": 1.5, "55+": 2}
    for p in sel(a["plus-5-ans"], lambda p: g5[p.age], reg()):
        p.pe_duration = "plus-5-ans"
    for p in sel(a["2-5-ans"], lambda p: 0.2 if p.age == "16-24" else 1, reg()):
        p.pe_duration = "2-5-ans"
    for p in sel(a["13-24-mois"], lambda p: 1, reg()):
        p.pe_duration = "13-24-mois"
    for p in sel(a["6-12-mois"], lambda p: 1, reg()):
        p.pe_duration = "6-12-mois"
    for p in reg():
        p.pe_duration = "moins-6-mois"
    # Registered during the path: people who were not registered before,
    # more often those who then left.
    for p in sel(TARGETS["inscrit_pe_pendant"],
                 lambda p: 0 if p.pe_before else (2 if p.exit else 1)):
        p.pe_during = True

    # Situation at exit.
    leavers = [p for p in people if p.exit]
    s = TARGETS["situation_sortie"]
    stay = lambda p: months_between(p.entry, p.exit)
    order = [
        ("service-civique", lambda p: 1 if p.age == "16-24" else 0),
        ("formation-qualifiante", lambda p: {"16-24": 3, "25-39": 1.5, "40-54": 1, "55+": 0.3}[p.age]),
        ("formation-non-qualifiante", lambda p: {"16-24": 3, "25-39": 1.5, "40-54": 1, "55+": 0.3}[p.age]),
        ("creation-entreprise", lambda p: (0.3 if p.age == "16-24" else 1.5) * (2 if stay(p) >= 6 else 1)),
        ("inconnue", lambda p: 2 if stay(p) < 6 else 1),
        ("autre-dispositif", lambda p: 1),
        ("sans-emploi-ni-formation", lambda p: 1),
        ("interim", lambda p: 2 if p.sex == "H" else 1),
        ("cdd-6-mois-et-plus", lambda p: 0.5 if p.age == "55+" else 1),
        ("cdd-moins-6-mois", lambda p: 1),
    ]
    for code, w in order:
        for p in sel(s[code], w, [q for q in leavers if not q.situation]):
            p.situation = code
    for p in leavers:
        if not p.situation:
            p.situation = "cdi"

    # Export order: by KPA, then date of entry.
    people.sort(key=lambda p: (KPA_ORDER.index(p.kpa), p.entry))
    return people


# ---------------------------------------------------------------------------
# Writing

def yn(b):
    return "oui" if b else "non"


def fmt_amount(cents):
    euros, c = divmod(cents, 100)
    s = str(euros)
    groups = []
    while len(s) > 3:
        groups.insert(0, s[-3:])
        s = s[:-3]
    groups.insert(0, s)
    return "%s,%02d €" % (" ".join(groups), c)


def write_csv(path, rows, bom, crlf):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n" if crlf else "\n")
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        f.write(buf.getvalue())


def write_all(folder, people):
    os.makedirs(folder, exist_ok=True)
    rows = [["id", "nom", "ville", "quartier", "departement", "annee_creation"]]
    rows += [[k[0], k[1], k[2], k[3], k[4], str(k[5])] for k in KPAS]
    write_csv(os.path.join(folder, "kpa.csv"), rows, bom=False, crlf=False)

    rows = [ACTIVITE_COLUMNS]
    for i, p in enumerate(people, 1):
        rows.append([
            "C%04d" % i, p.kpa, p.sex, p.age, "", KPA_DEPT[p.kpa], yn(p.qpv),
            yn(p.single_parent), yn(p.intl), yn(p.rqth), p.edu, yn(p.pe_before),
            p.pe_duration, yn(p.pe_during), yn(p.ml), fmt_date(p.entry),
            str(p.planned), fmt_date(p.exit) if p.exit else "", p.situation,
        ])
    write_csv(os.path.join(folder, "activite.csv"), rows, bom=True, crlf=True)

    rows = [["kpa", "debut", "fin", "chiffre_affaires_ht", "remunerations",
             "charges", "epargne"]]
    for kpa, start, end, revenue, pay, exp, sav in FINANCES:
        cents = revenue * 100
        opt = lambda r: "" if r is None else fmt_amount(int(round(cents * r)))
        rows.append([kpa, fmt_date(start), fmt_date(end), fmt_amount(cents),
                     opt(pay), opt(exp), opt(sav)])
    write_csv(os.path.join(folder, "finances.csv"), rows, bom=False, crlf=True)


# ---------------------------------------------------------------------------
# Independent cross-check: read the files back and recompute every figure.

def read_csv(path, expect_bom, expect_crlf):
    raw = open(path, "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf") == expect_bom, path + ": BOM"
    body = raw.decode("utf-8-sig")
    if expect_crlf:
        assert body.count("\r\n") == body.count("\n"), path + ": CRLF"
    else:
        assert "\r" not in body, path + ": LF"
    rows = list(csv.reader(io.StringIO(body, newline=""), delimiter=";"))
    header, data = rows[0], rows[1:]
    return [dict(zip(header, r)) for r in data], header


def parse_amount(s):
    s = s.replace("€", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    euros, _, cents = s.partition(",")
    return int(euros) * 100 + int((cents + "00")[:2])


def check(folder):
    kpas, _ = read_csv(os.path.join(folder, "kpa.csv"), False, False)
    acts, header = read_csv(os.path.join(folder, "activite.csv"), True, True)
    fins, _ = read_csv(os.path.join(folder, "finances.csv"), False, True)
    assert header == ACTIVITE_COLUMNS
    kpa_ids = [k["id"] for k in kpas]
    kdept = {k["id"]: k["departement"] for k in kpas}
    assert len(kpa_ids) == 15 and len(set(kpa_ids)) == 15
    for k in kpas:
        assert 2017 <= int(k["annee_creation"]) <= 2022

    table = []

    def fig(label, count, base, expect_count, expect_pct=None):
        p = pct(count, base)
        table.append((label, count, base, p))
        assert count == expect_count, "%s: %d != %d" % (label, count, expect_count)
        if expect_pct is not None:
            assert p == expect_pct, "%s: %d%% != %d%%" % (label, p, expect_pct)

    ps, pe = PERIOD_START, PERIOD_END
    n = len(acts)
    assert n == N
    ids = [a["id"] for a in acts]
    assert ids == ["C%04d" % i for i in range(1, n + 1)]
    T, P = TARGETS, PRINTED
    yes = lambda col: sum(1 for a in acts if a[col] == "oui")
    cnt = lambda col, v, rows=acts: sum(1 for a in rows if a[col] == v)

    fig("coopérant·es", n, n, N)
    fig("women", cnt("sexe", "F"), n, T["women"], P["women"])
    assert cnt("sexe", "F") + cnt("sexe", "H") == n
    for v in T["age"]:
        fig("age " + v, cnt("tranche_age", v), n, T["age"][v], P["age"][v])
    for v in T["departement"]:
        fig("département " + v, cnt("departement", v), n, T["departement"][v],
            P["departement"][v])
    for col in ("qpv", "parent_isole", "protection_internationale", "rqth"):
        fig(col, yes(col), n, T[col], P[col])
    for v in T["niveau_formation"]:
        fig("formation " + v, cnt("niveau_formation", v), n,
            T["niveau_formation"][v], P["niveau_formation"][v])
    reg = [a for a in acts if a["inscrit_pe_avant"] == "oui"]
    fig("inscrit PE avant", len(reg), n, T["inscrit_pe_avant"], P["inscrit_pe_avant"])
    for v in T["anciennete_pe"]:
        fig("  depuis " + v, cnt("anciennete_pe", v, reg), len(reg),
            T["anciennete_pe"][v], P["anciennete_pe"][v])
    fig("mission locale", yes("mission_locale"), n, T["mission_locale"], P["mission_locale"])
    fig("inscrit PE pendant", yes("inscrit_pe_pendant"), n,
        T["inscrit_pe_pendant"], P["inscrit_pe_pendant"])
    for v in T["duree_prevue"]:
        c = sum(1 for a in acts if duration_band(int(a["duree_prevue_mois"])) == v)
        fig("durée prévue " + v, c, n, T["duree_prevue"][v], P["duree_prevue"][v])
    present = [a for a in acts if not a["date_sortie"]]
    left = [a for a in acts if a["date_sortie"]]
    fig("présent·es", len(present), n, T["present"], P["present"])
    for v in T["tenure"]:
        c = sum(1 for a in present
                if band(months_between(parse_date(a["date_entree"]), pe)) == v)
        fig("  depuis " + v + " mois", c, len(present), T["tenure"][v], P["tenure"].get(v))
    fig("sorti·es", len(left), n, T["left"], P["left"])
    for v in T["stay"]:
        c = sum(1 for a in left if band(months_between(parse_date(a["date_entree"]),
                                                        parse_date(a["date_sortie"]))) == v)
        fig("  resté·es " + v + " mois", c, len(left), T["stay"][v], P["stay"].get(v))
    for v in T["situation_sortie"]:
        fig("  sortie " + v, cnt("situation_sortie", v, left), len(left),
            T["situation_sortie"][v])
    emp = sum(cnt("situation_sortie", v, left)
              for v in ("cdi", "cdd-6-mois-et-plus", "cdd-moins-6-mois", "interim"))
    fig("  en emploi", emp, len(left), 49, P["employment"])
    fig("  en formation", sum(cnt("situation_sortie", v, left) for v in
                              ("formation-qualifiante", "formation-non-qualifiante")),
        len(left), 15, P["training"])
    fig("  création d'entreprise", cnt("situation_sortie", "creation-entreprise", left),
        len(left), 8, P["creation"])
    veteran = [a for a in present
               if months_between(parse_date(a["date_entree"]), pe) >= 22]
    assert len(veteran) == 1
    vd = parse_date(veteran[0]["date_entree"])
    assert vd[:2] == (2021, 10) and months_between(vd, pe) == 26

    # Row rules and plausibility.
    codes = {
        "sexe": ("F", "H"), "tranche_age": tuple(T["age"]),
        "departement": tuple(T["departement"]),
        "niveau_formation": tuple(T["niveau_formation"]),
    }
    used = []
    for a in acts:
        where = a["id"]
        for col, vals in codes.items():
            assert a[col] in vals, (where, col)
        for col in ("qpv", "parent_isole", "protection_internationale", "rqth",
                    "inscrit_pe_avant", "inscrit_pe_pendant", "mission_locale"):
            assert a[col] in ("oui", "non"), (where, col)
        assert a["annee_naissance"] == ""
        assert a["kpa"] in kpa_ids, where
        if a["kpa"] not in used:
            used.append(a["kpa"])
        assert a["departement"] == kdept[a["kpa"]], where
        if a["inscrit_pe_avant"] == "oui":
            assert a["anciennete_pe"] in T["anciennete_pe"], where
            assert a["inscrit_pe_pendant"] == "non", where
        else:
            assert a["anciennete_pe"] == "", where
        if a["mission_locale"] == "oui":
            assert a["tranche_age"] == "16-24", where
        if a["kpa"] in YOUTH_ONLY:
            assert a["tranche_age"] == "16-24", where
        if a["protection_internationale"] == "oui":
            assert a["tranche_age"] != "55+", where
        planned = int(a["duree_prevue_mois"])
        assert 1 <= planned <= (12 if a["kpa"] in MAX_12_MONTHS else 24), where
        entry = parse_date(a["date_entree"])
        assert entry <= pe and entry >= (2021, 1, 1), where
        assert entry[0] >= int([k for k in kpas if k["id"] == a["kpa"]][0]["annee_creation"])
        if a["date_sortie"]:
            ex = parse_date(a["date_sortie"])
            assert ps <= ex <= pe and ex > entry, where
            assert a["situation_sortie"] in T["situation_sortie"], where
            assert months_between(entry, ex) <= planned + 1, where
            if a["situation_sortie"] == "service-civique":
                assert a["tranche_age"] == "16-24", where
        else:
            assert a["situation_sortie"] == "", where
            t = months_between(entry, pe)
            assert t <= planned or t == 26, where
    assert len(used) == 11, used
    manau = [a for a in acts if a["kpa"] == "coop-manau"]
    assert cnt("sexe", "F", manau) >= 0.85 * len(manau)
    big = sorted(used, key=lambda k: -sum(1 for a in acts if a["kpa"] == k))[:4]
    assert sorted(big) == sorted(["coop-manau", "la-cape", "moulins-coop",
                                  "kpa-valenciennes"]), big
    years = [parse_date(a["date_entree"])[0] for a in acts]
    assert years.count(2021) >= 20 and all(years.count(y) >= 80 for y in (2022, 2023))
    exit_years = [parse_date(a["date_sortie"])[0] for a in left]
    assert all(exit_years.count(y) >= 25 for y in (2022, 2023))

    # Finances.
    assert sum(1 for f in fins if not f["charges"] and not f["epargne"]) >= 2
    seen = {}
    for f in fins:
        assert f["kpa"] in used, f["kpa"]
        start, end = parse_date(f["debut"]), parse_date(f["fin"])
        assert ps <= start < end <= pe
        rev = parse_amount(f["chiffre_affaires_ht"])
        pay = parse_amount(f["remunerations"])
        assert 0.4 * rev <= pay <= 0.6 * rev
        total = pay + sum(parse_amount(f[c]) for c in ("charges", "epargne") if f[c])
        assert total <= rev
        key = (f["kpa"], start[0] if f["kpa"] == "kpa-touraine" else None)
        if f["kpa"] != "kpa-touraine":
            assert (start, end) == (ps, pe)
        seen[key] = seen.get(key, 0) + rev
    assert sorted(set(k[0] for k in seen)) == sorted(used)
    for key, euros in REPORTED_REVENUE.items():
        assert seen[key] == euros * 100, key
        label = "CA HT " + key[0] + ("" if key[1] is None else " %d" % key[1])
        table.append((label, euros, None, None))
    return table


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "inputs")
    folder = os.path.normpath(folder)
    rng = random.Random(SEED)
    people = generate(rng)
    write_all(folder, people)
    table = check(folder)
    w = max(len(r[0]) for r in table)
    print("%-*s  %9s  %s" % (w, "figure", "count/base", "rounded"))
    for label, count, base, p in table:
        if base is None:
            print("%-*s  %11s €" % (w, label, "{:,}".format(count).replace(",", " ")))
        else:
            print("%-*s  %5d/%-4d  %3d %%" % (w, label, count, base, p))
    print("all figures checked: %s" % folder)


if __name__ == "__main__":
    main()
