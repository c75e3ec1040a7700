#!/usr/bin/env bash
# Text safety (issue 14, item 4; docs/robustness.md, docs/inputs.md
# « Caractères refusés »): bidirectional controls and control characters in
# data are refused with their place; characters no shipped font has are a
# located warning, an error under --strict; messages never pass an escape
# sequence to the terminal. Each guard next to its clean control.
. "$(dirname "$0")/lib.sh"
cd "$SRC"
MINI="$SRC/tests/fixtures/mini"
ESC=$'\x1b'
RLO=$'\u202e'
fresh() { rm -rf "${WORK:?}/$1" && mkdir -p "$WORK/$1" && cp "$MINI"/* "$WORK/$1/"; }

# 0. Control: the mini fixture passes, and says nothing about characters.
fresh clean
expect_status 0 "clean mini" "$RECIT" check -t rapport-court.xml -i "$WORK/clean" 2>"$WORK/clean.err"
expect_not_contains "$WORK/clean.err" "U+"

# 1. A right-to-left override in a CSV cell: refused at its cell.
fresh rlo
sed -i "2s/La Ruche/La ${RLO}evil/" "$WORK/rlo/kpa.csv"
expect_status 1 "RLO in a cell" "$RECIT" check -t rapport-court.xml -i "$WORK/rlo" 2>"$WORK/rlo.err"
expect_contains "$WORK/rlo.err" "rlo/kpa.csv:2:1: error: U+202E (RIGHT-TO-LEFT OVERRIDE) is not allowed in data"
# ... and the message itself shows it escaped, not acting on the terminal.
check "RLO never printed raw" bash -c "! grep -q \$'\u202e' '$WORK/rlo.err'"

# 2. An ANSI escape in a cell: refused, and every message quoting the cell
#    shows \x1b, never the byte.
fresh ansi
sed -i "2s/,59,/,5${ESC}[31m9,/" "$WORK/ansi/kpa.csv"
expect_status 1 "ESC in a cell" "$RECIT" check -t rapport-court.xml -i "$WORK/ansi" 2>"$WORK/ansi.err"
expect_contains "$WORK/ansi.err" "ansi/kpa.csv:2:4: error: U+001B (ESCAPE) is not allowed in data"
expect_contains "$WORK/ansi.err" 'found "5\x1b[31m9"'
check "no raw ESC in the messages" bash -c "! grep -q \$'\x1b' '$WORK/ansi.err'"
# A file name holding an escape is escaped too.
mkdir -p "$WORK/a${ESC}[2Jb" && cp "$MINI"/* "$WORK/a${ESC}[2Jb/"
printf 'id,nom\n' >"$WORK/a${ESC}[2Jb/kpa.csv"
"$RECIT" check -t rapport-court.xml -i "$WORK/a${ESC}[2Jb" 2>"$WORK/name.err"
expect_contains "$WORK/name.err" 'a\x1b[2Jb/kpa.csv'
check "no raw ESC from a file name" bash -c "! grep -q \$'\x1b' '$WORK/name.err'"

# 3. Narrative: an isolate is refused at its line and column; a Chinese
#    word and an emoji are a warning each at the paragraph's line (the PDF
#    is written), an error under --strict (exit 1, nothing written).
mkdir -p "$WORK/full" && cp -r inputs/. "$WORK/full/"
f="$WORK/full/narratif/demarche.xml"
line=$(grep -n '<p>' "$f" | head -1 | cut -d: -f1)
sed -i "${line}s/<p>/<p>Bonjour 你好 🎉 /" "$f"
expect_status 0 "glyphs missing: a warning" "$RECIT" build -i "$WORK/full" -o "$WORK/out" 2>"$WORK/glyph.err"
expect_contains "$WORK/glyph.err" "full/narratif/demarche.xml:$line: warning: U+4F60 (\"你\"), in \"Bonjour 你好 🎉 "
expect_contains "$WORK/glyph.err" "is in none of the shipped fonts (fonts/): it prints as a box"
expect_contains "$WORK/glyph.err" "full/narratif/demarche.xml:$line: warning: U+1F389"
check "the PDF is written" test -s "$WORK/out/rapport.pdf"
expect_status 1 "glyphs missing under --strict" "$RECIT" build --strict -i "$WORK/full" -o "$WORK/out-strict" 2>"$WORK/strict.err"
expect_contains "$WORK/strict.err" "full/narratif/demarche.xml:$line: error: U+597D (\"好\")"
check "--strict: nothing written" test ! -e "$WORK/out-strict/rapport.pdf"
# Control: the French of the sample (« », narrow spaces, ·, œ) is in the fonts.
expect_not_contains "$WORK/glyph.err" "U+00"
expect_not_contains "$WORK/glyph.err" "U+20"
cp inputs/narratif/demarche.xml "$f"
sed -i "${line}s/<p>/<p>un\n  deux \xe2\x81\xa7trois /" "$f"
expect_status 1 "isolate in the narrative" "$RECIT" build -i "$WORK/full" -o "$WORK/out-iso" 2>"$WORK/iso.err"
expect_contains "$WORK/iso.err" "full/narratif/demarche.xml:$((line + 1)):8: error: U+2067 (RIGHT-TO-LEFT ISOLATE)"
cp inputs/narratif/demarche.xml "$f"

# 4. fiches --strict: a sheet's text no font can show fails its sheet.
sed -i '0,/<presentation>/s//<presentation>你好 /' "$WORK/full/fiches/la-cape.xml"
expect_status 0 "fiches: a warning" "$RECIT" fiches --kpa la-cape -i "$WORK/full" -o "$WORK/fi" 2>"$WORK/fi.err"
expect_contains "$WORK/fi.err" "warning: U+4F60"
expect_status 1 "fiches --strict" "$RECIT" fiches --strict --kpa la-cape -i "$WORK/full" -o "$WORK/fi2" 2>"$WORK/fi2.err"
expect_contains "$WORK/fi2.err" "error: U+4F60"
check "fiches --strict: no sheet" test ! -e "$WORK/fi2/fiches/la-cape.pdf"
finish
