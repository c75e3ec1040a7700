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

# --- .xlsx and .ods workbooks of the sample ------------------------------------------
"$RECIT" build -q -i "$SRC/inputs" -o "$WORK/ref-out" -l "$SRC/layouts"
for kind in xlsx ods; do
  rm -rf "$WORK/$kind" && cp -r "$SRC/inputs" "$WORK/$kind"
  python3 "$SRC/tests/e2e/make_workbooks.py" "$kind" "$SRC/inputs" "$WORK/$kind"
  check "$kind: no CSV table left" test ! -e "$WORK/$kind/activite.csv" -a -e "$WORK/$kind/activite.$kind"
  same_figures "$kind" "$WORK/$kind"
  expect_status 0 "$kind: build" "$RECIT" build -q -i "$WORK/$kind" -o "$WORK/$kind-out" -l "$SRC/layouts"
  check "$kind: a PDF" test -s "$WORK/$kind-out/rapport.pdf"
  # The same inputs give the same bytes, whatever file holds them.
  check "$kind: the PDF is the CSV build's, byte for byte" cmp -s "$WORK/ref-out/rapport.pdf" "$WORK/$kind-out/rapport.pdf"
done

# Messages name the cell as the spreadsheet does: file:sheet!C14.
for kind in xlsx ods; do
  rm -rf "$WORK/src-bad" "$WORK/bad-$kind" && cp -r "$SRC/inputs" "$WORK/src-bad"
  sed -i '14s/^\([^;]*;[^;]*;\)[FH];/\1X;/' "$WORK/src-bad/activite.csv"
  cp -r "$WORK/src-bad" "$WORK/bad-$kind"
  python3 "$SRC/tests/e2e/make_workbooks.py" "$kind" "$WORK/src-bad" "$WORK/bad-$kind"
  expect_status 1 "$kind: a bad cell" "$RECIT" check -i "$WORK/bad-$kind" 2>"$WORK/bad-$kind.err"
  expect_contains "$WORK/bad-$kind.err" "bad-$kind/activite.$kind:Activité!C14: error: \"sexe\": expected F or H"
done

# Two files for one table: which one is meant?
cp "$SRC/inputs/activite.csv" "$WORK/xlsx/activite.csv"
expect_status 1 "csv and xlsx together" "$RECIT" check -i "$WORK/xlsx" 2>"$WORK/both.err"
expect_contains "$WORK/both.err" "xlsx/activite.xlsx: error: both $WORK/xlsx/activite.csv and $WORK/xlsx/activite.xlsx are present: keep only one of them"
rm "$WORK/xlsx/activite.csv"

# --- hostile workbooks: located errors, never a crash or a huge allocation ------------
hostile() { # hostile NAME EXPECTED-TEXT: DIR $WORK/h-NAME holds the workbook
  "$RECIT" check -i "$WORK/h-$1" >/dev/null 2>"$WORK/h-$1.err"
  local rc=$?
  if [ "$rc" -ge 1 ] && [ "$rc" -le 3 ]; then ok; else fail "hostile $1: exit $rc"; fi
  expect_contains "$WORK/h-$1.err" "$2"
}
mkhostile() { # mkhostile NAME EXT PYTHON-BODY (writes activite.EXT from z, a ZipFile)
  rm -rf "$WORK/h-$1" && cp -r "$SRC/inputs" "$WORK/h-$1" && rm "$WORK/h-$1/activite.csv"
  python3 - "$WORK/h-$1/activite.$2" <<PY
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED)
ODS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
def ods(rows):
    z.writestr("content.xml", f'<office:document-content {ODS}><office:body><office:spreadsheet><table:table table:name="Feuille1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>')
def xlsx(sheet, sheets='<sheet name="Feuille1" sheetId="1" r:id="rId1"/>', part="xl/worksheets/sheet1.xml"):
    R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    z.writestr("xl/workbook.xml", f'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{R}"><sheets>{sheets}</sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    if sheet is not None:
        z.writestr(part, f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>')
$3
z.close()
PY
}
# A value repeated two billion times across the row.
mkhostile repeat ods 'ods("<table:table-row><table:table-cell office:value-type=\"string\" table:number-columns-repeated=\"2000000000\"><text:p>id</text:p></table:table-cell></table:table-row>")'
hostile repeat "h-repeat/activite.ods:Feuille1!A1: error: a value repeated 2000000000 times (number-columns-repeated) from column A, beyond the 1024 columns Récit reads"
# A row with values repeated a billion times.
mkhostile rows ods 'ods("<table:table-row><table:table-cell><text:p>id</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated=\"1000000000\"><table:table-cell><text:p>x</text:p></table:table-cell></table:table-row>")'
hostile rows "h-rows/activite.ods:Feuille1!2:2: error: a row repeated 1000000000 times (number-rows-repeated), beyond row 1048576"
# .xlsx has no repeats, but a row may claim to span two billion columns:
# the claim is ignored, only cells count.
mkhostile spans xlsx 'xlsx("<row r=\"1\" spans=\"1:2000000000\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>")'
hostile spans "h-spans/activite.xlsx:Feuille1!1:1: error: \"kpa\": required column is missing from the header"
# An .xlsx cell far to the right.
mkhostile far xlsx 'xlsx("<row r=\"1\"><c r=\"XFD1\" t=\"inlineStr\"><is><t>id</t></is></c></row>")'
hostile far "h-far/activite.xlsx:Feuille1!XFD1: error: a value in column XFD, beyond the 1024 columns Récit reads"
# A sheet listed in the workbook whose part is missing.
mkhostile missing xlsx 'xlsx(None)'
hostile missing "h-missing/activite.xlsx: error: the sheet \"Feuille1\" is listed in the workbook but its part xl/worksheets/sheet1.xml is missing"
# No sheet at all.
mkhostile nosheet xlsx 'xlsx("", sheets="")'
hostile nosheet "h-nosheet/activite.xlsx: error: the workbook lists no sheet in xl/workbook.xml"
# A zip bomb: 200 MB of spaces in one sheet part.
mkhostile bomb xlsx 'xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + " " * 200_000_000 + "</t></is></c></row>")'
hostile bomb "h-bomb/activite.xlsx"
check "bomb: refused by the zip limits" grep -qiE "limit|ratio" "$WORK/h-bomb.err"
# A DTD (entity expansion) in a sheet part.
mkhostile dtd xlsx 'xlsx(None); z.writestr("xl/worksheets/sheet1.xml", "<!DOCTYPE w [<!ENTITY a \"aaaa\">]><worksheet><sheetData/></worksheet>")'
hostile dtd "h-dtd/activite.xlsx:xl/worksheets/sheet1.xml:1"
# Not a zip at all: a CSV file renamed .xlsx.
rm -rf "$WORK/h-fake" && cp -r "$SRC/inputs" "$WORK/h-fake" && mv "$WORK/h-fake/activite.csv" "$WORK/h-fake/activite.xlsx"
hostile fake "h-fake/activite.xlsx"
finish
