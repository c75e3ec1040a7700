#!/usr/bin/env python3
"""A year folder that makes the report's figures grow: many KPAs, revenue
split by calendar year for each of them, and a long effects codebook.

    tests/e2e/gen_big_year.py SRC_INPUTS OUT_DIR [--scale N] [--codes N]

Starts from the sample scaled xN (tests/bench/gen_network.py: 15 KPAs x 3 =
45 by default), then
  - rewrites finances.csv with two rows per KPA, one per calendar year of
    the period, so that the revenue chart has two bars per KPA (the tallest
    case: 45 KPAs are 90 bars);
  - with --codes N, adds leaf codes under « Compétences professionnelles »
    in entretiens/grille.xml until the codebook holds N codes, and codes
    one excerpt of each interview with a few of them, so that the effects
    chart of that category has one bar per code.
Deterministic (no clock, no randomness); standard library only.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "bench", "gen_network.py")


def euros(cents):
    whole, c = divmod(cents, 100)
    s = f"{whole:,}".replace(",", " ")
    return f"{s},{c:02d} €"


def finances(out):
    with open(os.path.join(out, "kpa.csv"), encoding="utf-8") as f:
        ids = [line.split(";")[0] for line in f.read().splitlines()[1:] if line.strip()]
    rows = ["kpa;debut;fin;chiffre_affaires_ht;remunerations;charges;epargne"]
    for i, kpa in enumerate(ids):
        # Amounts spread over two orders of magnitude, none equal.
        y1 = 150_000 + (i * 7_919_31) % 9_000_000
        y2 = 400_000 + (i * 5_303_17) % 12_000_000
        for (start, end, ca) in (("01/03/2022", "31/12/2022", y1),
                                 ("01/01/2023", "31/12/2023", y2)):
            rows.append(f"{kpa};{start};{end};{euros(ca)};{euros(ca * 45 // 100)};"
                        f"{euros(ca * 30 // 100)};")
    with open(os.path.join(out, "finances.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


def codebook(out, total):
    path = os.path.join(out, "entretiens", "grille.xml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    have = len(re.findall(r"<code\b", text))
    extra = max(0, total - have)
    codes = "".join(
        f'\n      <code id="savoir-{k:03d}" libelle="Savoir-faire n° {k} : '
        f'{["accueil", "cuisine", "couture", "réparation", "jardin", "vente"][k % 6]} '
        f'et organisation du poste"/>'
        for k in range(1, extra + 1))
    anchor = '<code id="entrepreneuriales"'
    i = text.index(anchor)
    j = text.index("</code>", i) + len("</code>")
    text = text[:j] + codes + text[j:]
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    # One excerpt per interview also carries three of the new codes, so
    # that their bars have different lengths.
    path = os.path.join(out, "entretiens", "entretiens.xml")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    n = [0]

    def add(m):
        n[0] += 1
        k = n[0]
        more = " ".join(f"savoir-{1 + (k * s) % extra:03d}" for s in (1, 3, 7))
        return f'{m.group(1)}{m.group(2)} {more}"'
    if extra:
        text = re.sub(r'(<extrait id="E\d+-1" codes=")([^"]*)"', add, text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    args = sys.argv[1:]
    opts = {"--scale": 3, "--codes": 0}
    for o in list(opts):
        if o in args:
            i = args.index(o)
            opts[o] = int(args[i + 1])
            del args[i:i + 2]
    if len(args) != 2:
        sys.exit("usage: gen_big_year.py SRC_INPUTS OUT_DIR [--scale N] [--codes N]")
    src, out = args
    subprocess.run([sys.executable, GEN, str(opts["--scale"]), out, "--from", src],
                   check=True, stdout=subprocess.DEVNULL)
    finances(out)
    if opts["--codes"]:
        codebook(out, opts["--codes"])


if __name__ == "__main__":
    main()
