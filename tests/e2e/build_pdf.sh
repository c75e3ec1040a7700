#!/usr/bin/env bash
# `recit build` on the sample year: the PDF exists, has the expected pages,
# metadata, figures in French formatting, contents that point at the right
# pages, only the shipped fonts, passes qpdf --check, and is byte-identical
# from one build to the next. A failed build leaves the previous PDF intact.
. "$(dirname "$0")/lib.sh"
cd "$SRC"
OUT="$WORK/out"
# pdftotext prints U+00A0 and U+202F as plain spaces or keeps them; fold both.
text() { pdftotext -enc UTF-8 "$@" - | sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g; s/\xc2\xad$//'; }

expect_status 0 "build sample" "$RECIT" build -i inputs -o "$OUT" 2>"$WORK/build.err"
expect_contains "$WORK/build.err" "wrote $OUT/rapport.pdf"
PDF="$OUT/rapport.pdf"
check "PDF written" test -s "$PDF"

pdfinfo "$PDF" >"$WORK/info.txt"
expect_contains "$WORK/info.txt" "Title:           Récit évaluatif du réseau KPA-Cité"
expect_contains "$WORK/info.txt" "Author:          Réseau KPA-Cité — coordination"
expect_contains "$WORK/info.txt" "Page size:       595.276 x 841.89 pts (A4)"
expect_contains "$WORK/info.txt" "CreationDate:    Mon Jan 15"
pages=$(awk '/^Pages:/ {print $2}' "$WORK/info.txt")
# The full report: cover, contents, six parts, two annexes (about 30-45 pages).
check "between 25 and 60 pages (got $pages)" test "$pages" -ge 25 -a "$pages" -le 60

text "$PDF" >"$WORK/all.txt"
for s in "Bilan et chiffres clés des réalisations" "Éléments financiers" \
         "267" "73 %" "de femmes" "n = 267" "Nord" "80 %" "Charente-Maritime" \
         "27 % (72)" "26 582 €" "107 457 €" "15 213 €" "39 674 €" "21 199 €" \
         "15 510 €" "48 392 €" "Base : personnes sorties (n = 98)." "CDI" "Sommaire"; do
  expect_contains "$WORK/all.txt" "$s"
done
# Privacy (threshold 3 in inputs/recit.xml): the one civic service and the two
# orientations are not printed as exact counts.
check "civic service suppressed" bash -c "grep -F 'Service civique' '$WORK/all.txt' | grep -qvF '(1)'"
# (pdftotext drops the narrow space after "<" on some lines.)
check "suppressed counts printed as < 3" grep -qE '< ?3' "$WORK/all.txt"

# Every contents entry's page number is the page where its heading lands.
toc_page=$(for p in $(seq 1 "$pages"); do text -f "$p" -l "$p" "$PDF" | grep -q "^Sommaire" && { echo "$p"; break; }; done)
check "contents page found" test -n "$toc_page"
entries=0
while IFS= read -r line; do
  # "1. Bilan et chiffres clés des réalisations ..... 3"
  num=$(sed -E 's/.*[^0-9]([0-9]+)$/\1/' <<<"$line")
  title=$(sed -E 's/[ .…]*[0-9]+$//; s/^[0-9.]+ +//' <<<"$line")
  [ -n "$title" ] || continue
  entries=$((entries + 1))
  if text -f "$num" -l "$num" "$PDF" | tr '\n' ' ' | grep -qF -- "$title"; then ok; else fail "contents: \"$title\" not on page $num"; fi
done < <(text -layout -f "$toc_page" -l "$toc_page" "$PDF" | grep -E '[^0-9][0-9]+$' | grep -v '^ *page ' | sed -E 's/^ +//; s/ +/ /g')
check "contents has entries ($entries)" test "$entries" -ge 4

# PDF structure and fonts.
if command -v qpdf >/dev/null; then check "qpdf --check" qpdf --check "$PDF" >/dev/null; fi
pdffonts "$PDF" | tail -n +3 >"$WORK/fonts.txt"
check "only shipped fonts" bash -c "! grep -vE '(Inter|LiberationSerif|DejaVuSans)' '$WORK/fonts.txt'"
check "all fonts embedded" bash -c "awk '{ if (\$(NF-4) != \"yes\") bad=1 } END { exit bad }' '$WORK/fonts.txt'"
check "outline present" bash -c "pdfinfo -dests '$PDF' | grep -q chiffres-cles"

# Reproducible: a second build is byte-identical.
expect_status 0 "second build" "$RECIT" build -q -i inputs -o "$WORK/out2"
check "byte-identical rebuild" cmp -s "$PDF" "$WORK/out2/rapport.pdf"

# A failed build leaves the previous PDF intact and says why.
cp "$PDF" "$WORK/before.pdf"
expect_status 1 "failed build" "$RECIT" build -q -i tests/fixtures/broken -o "$OUT" 2>/dev/null
check "previous PDF intact" cmp -s "$PDF" "$WORK/before.pdf"
check "no temporary file left" bash -c "! ls '$OUT' | grep -q tmp"
# An output path that cannot be a folder is a system error (3), with a message.
: >"$WORK/not-a-folder"
expect_status 3 "unusable output folder" "$RECIT" build -q -i inputs -o "$WORK/not-a-folder" 2>"$WORK/nf.err"
expect_contains "$WORK/nf.err" "expected an output folder, found a file"
finish
