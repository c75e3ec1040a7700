#!/usr/bin/env python3
"""Synthetic networks for benchmarks: the sample year scaled ×N.

    tests/bench/gen_network.py SCALE OUT_DIR [--from inputs]

Copies the inputs folder to OUT_DIR and replicates its data SCALE times:
every KPA becomes SCALE KPAs ("<id>-r2", "<name> 2", ...), every coopérant·e
and financial row is repeated for each copy with ids made unique, and each
identity sheet inputs/fiches/<id>.xml is copied as fiches/<id>-rN.xml with its
kpa="..." attribute renamed. Other files (settings, narrative...) are copied
as they are. Deterministic: the same
SCALE gives the same bytes, so benchmark runs compare like with like. ×100 is
1,500 KPAs and 26,700 coopérant·es. Standard library only.
"""

import csv
import io
import os
import shutil
import sys


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    sep = ";" if text.split("\n", 1)[0].count(";") >= text.split("\n", 1)[0].count(",") else ","
    rows = list(csv.reader(io.StringIO(text), delimiter=sep))
    return sep, rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]


def write_csv(path, sep, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=sep, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def suffix(copy):
    return "" if copy == 1 else f"-r{copy}"


def main():
    args = sys.argv[1:]
    src = "inputs"
    if "--from" in args:
        i = args.index("--from")
        src = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2 or not args[0].isdigit() or int(args[0]) < 1:
        sys.exit("usage: gen_network.py SCALE OUT_DIR [--from inputs]")
    scale, out = int(args[0]), args[1]
    if os.path.exists(out):
        shutil.rmtree(out)
    shutil.copytree(src, out)

    sep, head, kpas = read_csv(os.path.join(src, "kpa.csv"))
    ci, cn = head.index("id"), head.index("nom")
    rows = []
    for c in range(1, scale + 1):
        for r in kpas:
            r = list(r)
            r[ci] += suffix(c)
            if c > 1:
                r[cn] = f"{r[cn]} {c}"
            rows.append(r)
    write_csv(os.path.join(out, "kpa.csv"), sep, head, rows)

    for name, id_col in (("activite.csv", "id"), ("finances.csv", None)):
        path = os.path.join(src, name)
        if not os.path.exists(path):
            continue
        sep, head, data = read_csv(path)
        ki = head.index("kpa")
        ii = head.index(id_col) if id_col else None
        rows = []
        for c in range(1, scale + 1):
            for r in data:
                r = list(r)
                r[ki] += suffix(c)
                if ii is not None:
                    r[ii] += suffix(c)
                rows.append(r)
        write_csv(os.path.join(out, name), sep, head, rows)

    # Identity sheets (docs/fiches.md): one per KPA copy.
    sheets = os.path.join(src, "fiches")
    if os.path.isdir(sheets):
        for r in kpas:
            path = os.path.join(sheets, r[ci] + ".xml")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for c in range(2, scale + 1):
                kid = r[ci] + suffix(c)
                copy = text.replace(f'kpa="{r[ci]}"', f'kpa="{kid}"', 1)
                with open(os.path.join(out, "fiches", kid + ".xml"), "w", encoding="utf-8") as f:
                    f.write(copy)
    print(f"{out}: {len(kpas) * scale} KPA, scale ×{scale}")


if __name__ == "__main__":
    main()
