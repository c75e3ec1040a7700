#!/usr/bin/env python3
"""Check that nothing of a page's body runs past its bottom margin.

    check_overflow.py TRACE MARGIN_BOTTOM_MM [--skip-pages N,N...] [--skip-with TEXT]

TRACE is `recit build --dump pages` (Pango units, 1024 per point; a text's y
is its baseline). Below the body (page height minus the bottom margin) a
page may hold only its footer: the text « page N / M » and its small accent
mark, both near the footer's baseline (32 pt under the body). Anything else
there — a bar, a label, a line of text — is content that overflowed onto
the margin or the footer, and so is anything outside the page. Pages in
--skip-pages, and pages with a text containing the --skip-with text, are
whole-page blocks (the cover, the cut-out cards whose cut lines run into the
margin by design), drawn in page coordinates.
Prints every offending op and exits 1 when there is one.
"""

import re
import sys

U = 1024.0


def main():
    args = sys.argv[1:]
    skip = set()
    if "--skip-pages" in args:
        i = args.index("--skip-pages")
        skip = {int(p) for p in args[i + 1].split(",") if p}
        del args[i:i + 2]
    skip_with = None
    if "--skip-with" in args:
        i = args.index("--skip-with")
        skip_with = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit("usage: check_overflow.py TRACE MARGIN_BOTTOM_MM [--skip-pages N,N]")
    trace, margin_mm = args[0], float(args[1])
    margin = margin_mm * 72.0 / 25.4 * U
    bad = []
    page = 0
    width = height = 0
    footer = re.compile(r'^text \d+ (\d+) \S+ "page \d+ / \d+"$')
    with open(trace, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if skip_with:
        p = 0
        for line in lines:
            if line.startswith("page "):
                p = int(line.split()[1])
            elif line.startswith("text ") and skip_with in line:
                skip.add(p)
    for line in lines:
        w = line.split()
        if not w:
            continue
        if w[0] == "page":
            page, width, height = int(w[1]), int(w[2]), int(w[3])
            continue
        if page in skip or w[0] not in ("text", "rect", "line"):
            continue
        x, y = int(w[1]), int(w[2])
        bottom_of_body = height - margin
        foot_base = bottom_of_body + 32 * U
        if w[0] == "text":
            top, bottom = y - 8 * U, y
        else:
            dy = int(w[4])
            top, bottom = min(y, y + dy), max(y, y + dy)
        if x < 0 or x > width or top < 0 or bottom > height:
            bad.append(f"page {page}: outside the page: {line[:120]}")
            continue
        if bottom <= bottom_of_body + 0.5 * U:
            continue
        # Below the body: only the footer, on its own line.
        if footer.match(line) and abs(y - foot_base) < 1 * U:
            continue
        if w[0] == "rect" and foot_base - 10 * U <= top and bottom <= foot_base + 2 * U \
                and int(w[3]) <= 12 * U and int(w[4]) <= 3 * U:
            continue  # the footer's accent mark
        bad.append(f"page {page}: below the body ({(bottom - bottom_of_body) / U:.1f} pt "
                   f"past it): {line[:120]}")
    for b in bad[:20]:
        print(b)
    if len(bad) > 20:
        print(f"... and {len(bad) - 20} more")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
