#!/usr/bin/env bash
# Spreadsheets as they are (docs/inputs.md, « Spreadsheets »): the sample's
# tables as LibreOffice Calc writes them back (two-digit years, date-times),
# and as .xlsx and .ods workbooks made here, give the same figures as the
# CSV files; hostile workbooks give located errors, not crashes.
. "$(dirname "$0")/lib.sh"

"$RECIT" stats -i "$SRC/inputs" >"$WORK/reference.csv" 2>/dev/null
same_figures() { # same_figures WHAT DIR
  if "$RECIT" stats -i "$2" >"$WORK/$1.csv" 2>"$WORK/$1.err" &&
     cmp -s "$WORK/reference.csv" "$WORK/$1.csv"; then ok; else
    fail "$1: figures differ from the CSV build"; diff "$WORK/reference.csv" "$WORK/$1.csv" | head -10 >&2; cat "$WORK/$1.err" >&2
  fi
}

# --- a Calc round trip of the CSV files -------------------------------------------
rm -rf "$WORK/calc" && cp -r "$SRC/inputs" "$WORK/calc"
python3 - "$SRC/inputs" "$WORK/calc" <<'PY'
import csv, io, re, sys
src, dst = sys.argv[1], sys.argv[2]
def calc(name, short, stamp):
    rows = list(csv.reader(io.StringIO(open(f"{src}/{name}", encoding="utf-8-sig").read()), delimiter=";"))
    head = rows[0]
    for r in rows[1:]:
        for i, h in enumerate(head):
            m = re.fullmatch(r"(\d\d)/(\d\d)/(\d\d)(\d\d)", r[i] if i < len(r) else "")
            if not m: continue
            if h in short: r[i] = f"{m[1]}/{m[2]}/{m[4]}"          # 04/10/21
            if h in stamp: r[i] = f"{m[1]}/{m[2]}/{m[3]}{m[4]} 00:00:00"  # date-time
    # Calc's defaults: no BOM, LF, ';' kept for a French locale.
    with open(f"{dst}/{name}", "w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\n").writerows(rows)
calc("activite.csv", {"date_entree"}, {"date_sortie"})
calc("finances.csv", {"debut"}, {"fin"})
PY
check "the Calc export has two-digit years" grep -q ';[0-9][0-9]/[0-9][0-9]/[0-9][0-9];' "$WORK/calc/activite.csv"
check "the Calc export has date-times" grep -q ' 00:00:00;' "$WORK/calc/activite.csv"
same_figures calc "$WORK/calc"
finish
