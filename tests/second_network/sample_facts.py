#!/usr/bin/env python3
"""Find the sample network's facts in a report's text (issue 12).

    tests/second_network/sample_facts.py SAMPLE_INPUTS REPORT.txt

The forbidden list is derived from the sample year folder (KPA names,
cities and neighbourhoods of kpa.csv, the network's name, its history's
labels and years and the workshops' years of recit.xml, the interview
pseudonyms of entretiens.xml, the identity sheets' host structures) plus a
hand list of facts stated in its narrative. REPORT.txt is pdftotext's output
of another network's report. Prints each fact found with its context and
exits 1 if any; 0 when the text is clean. Standard library only.
"""

import csv
import io
import re
import sys
import xml.etree.ElementTree as ET

HAND = ["KPA-Cité", "ANIS", "Territoires zéro chômeur", "100 % Inclusion", "dix-sept",
        "Optéos", "La Filature", "Épeule", "Pas-de-Calais", "Boulogne-sur-Mer", "Roubaix"]


def drop_axes(text):
    """A timeline's axis prints a run of evenly spaced years (2008 2010 2014
    …, a tick hidden under a label leaving a gap): generated ticks, not
    facts. Runs of four or more increasing years whose steps are multiples
    of the smallest are removed before years are looked for."""
    def repl(m):
        ys = [int(y) for y in m.group(0).split()]
        steps = [b - a for a, b in zip(ys, ys[1:])]
        if len(ys) < 4 or min(steps) <= 0:
            return m.group(0)
        return " " if all(d % min(steps) == 0 for d in steps) else m.group(0)
    return re.sub(r"\b(?:(?:19|20)\d\d )+(?:19|20)\d\d\b", repl, text)


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def forbidden(inputs):
    facts = set(HAND)
    for r in read_csv(f"{inputs}/kpa.csv"):
        for col in ("nom", "ville", "quartier"):
            if r.get(col):
                facts.add(r[col].strip())
    recit = ET.parse(f"{inputs}/recit.xml").getroot()
    years = set()
    for el in recit.iter():
        if el.tag == "reseau" and el.get("nom"):
            facts.add(el.get("nom"))
        if el.tag in ("evenement", "atelier"):
            facts.add(el.get("libelle"))
            years.add(el.get("date")[:4])
        if el.tag == "rapport":
            for a in ("titre", "organisation", "auteur"):
                if el.get(a):
                    facts.add(el.get(a))
            years.add(el.get("date")[:4])
        if el.tag == "periode":
            years.add(el.get("debut")[:4])
            years.add(el.get("fin")[:4])
    # The sample's headcount, as the report states it (« 267 coopérant·es »).
    n_people = len(read_csv(f"{inputs}/activite.csv"))
    facts.add(f"{n_people} coopérant")
    try:
        iv = ET.parse(f"{inputs}/entretiens/entretiens.xml").getroot()
        for e in iv.iter("entretien"):
            if e.get("pseudonyme"):
                facts.add(e.get("pseudonyme"))
    except FileNotFoundError:
        pass
    return sorted(f for f in facts if f), sorted(years)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: sample_facts.py SAMPLE_INPUTS REPORT.txt")
    facts, years = forbidden(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as f:
        raw = f.read()
    # pdftotext breaks lines and hyphenates: look at the text joined both
    # ways (« Boulogne-\nsur-Mer », « Rou-\nbaix »), spaces of any kind as one.
    variants = []
    for joiner in ("-", ""):
        t = re.sub(r"-\n", joiner, raw)
        t = re.sub(r"[\s\u00a0\u202f]+", " ", t)
        variants.append(t)
    year_variants = [drop_axes(t) for t in variants]
    found = []
    for fact in facts + years:
        norm = re.sub(r"[\s\u00a0\u202f]+", " ", fact)
        tail = "" if norm.endswith("coopérant") else r"(?![\w])"
        pat = re.compile(r"(?<![\w-])" + re.escape(norm) + tail)
        for t in (year_variants if fact in years else variants):
            m = pat.search(t)
            if m:
                found.append(f"{fact!r}: …{t[max(0, m.start() - 40):m.end() + 40]}…")
                break
    for line in found:
        print(line)
    print(f"{len(found)} sample facts found ({len(facts)} names, {len(years)} years checked)")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
