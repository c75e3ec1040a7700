#!/usr/bin/env bash
# The coded interviews in the report (`recit build`, tmpl_interviews.c):
#  1. consent: no excerpt marked consentement="non" reaches the PDF text,
#     while the consented quotes the document holds do (same normalisation,
#     so the check cannot pass by failing to find anything);
#  2. the private first-name guard stops the build (exit 1, no PDF written,
#     the previous PDF intact), by option and by environment variable;
#  3. the effects chapter and the segment page print the figures that
#     `recit stats --interviews` computes;
#  4. annex 1 has the 17 cards of grille.xml (3 JOKER), one per grid cell.
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1
OUT="$WORK/out"
XML=inputs/entretiens/entretiens.xml

expect_status 0 "build sample" "$RECIT" build -i inputs -o "$OUT" -q 2>"$WORK/build.err"
PDF="$OUT/rapport.pdf"
check "PDF written" test -s "$PDF"
expect_status 0 "doc dump" "$RECIT" build -i inputs --dump doc >"$WORK/doc.txt" 2>/dev/null

# Text of the PDF (or of some pages) with every kind of space and the soft
# hyphens of line ends removed: what is left can be searched for a passage
# whatever the line breaks.
flat_pdf() { pdftotext -enc UTF-8 "$@" "$PDF" - | python3 -c '
import sys, re
t = sys.stdin.read()
t = t.replace("\u2019", chr(39))        # the typesetter writes U+2019 for an apostrophe
t = re.sub("\u00ad\\s*", "", t)          # soft hyphen at a line end
t = re.sub("-\n", "-", t)                # hard hyphen at a line end: keep it
print(re.sub(r"[\s\u00a0\u202f]+", "", t))'; }
flat_pdf >"$WORK/flat.txt"
# has TEXT: the flattened PDF text contains TEXT (spaces removed from TEXT).
has() {
  local want; want=$(printf '%s' "$1" | tr -d ' ')
  if grep -qF -- "$want" "$WORK/flat.txt"; then ok; else fail "the PDF text lacks: $1"; fi
}

# 1. Consent.
python3 - "$XML" >"$WORK/refused.txt" <<'PY'
import sys, re, xml.etree.ElementTree as ET
for e in ET.parse(sys.argv[1]).getroot().iter("extrait"):
    if e.get("consentement") != "oui":
        print(e.get("id") + "\t" + re.sub(r"[\s\u00a0\u202f]+", "", e.text or ""))
PY
n_refused=$(wc -l <"$WORK/refused.txt")
check "the sample has excerpts without consent ($n_refused)" test "$n_refused" -ge 10
while IFS=$'\t' read -r id words; do
  # The whole passage, and its first 30 characters (a cut quote would
  # still be a leak).
  head30=$(python3 -c 'import sys; print(sys.argv[1][:30])' "$words")
  if grep -qF -- "$words" "$WORK/flat.txt" || grep -qF -- "$head30" "$WORK/flat.txt"; then
    fail "excerpt $id (consentement=non) is printed in the PDF"
  else ok; fi
done <"$WORK/refused.txt"
# Nor in the document tree (`--dump doc`).
python3 - "$WORK/refused.txt" "$WORK/doc.txt" <<'PY' || fail "an excerpt without consent is in the doc tree"
import sys, re
doc = open(sys.argv[2]).read().replace("\\u00A0", "").replace("\\u202F", "")
doc = re.sub(r"[\s\u00a0\u202f]+", "", doc)
refused = [l.rstrip("\n").split("\t", 1)[1] for l in open(sys.argv[1]) if "\t" in l]
sys.exit(1 if any(w[:30] in doc for w in refused) else 0)
PY
ok
# The consented quotes of the document are found by the same search.
grep -E '^[0-9]+ quote origin=layouts/effets.xml:' "$WORK/doc.txt" | sed -E 's/.* text="(.*)" subtitle=.*/\1/' |
  sed 's/\\u00A0//g; s/\\u202F//g; s/&lt;/</g; s/&gt;/>/g; s/&amp;/\&/g; s/&quot;/"/g' |
  python3 -c '
import sys, re
for l in sys.stdin:
    print(re.sub(r"[\s\u00a0\u202f]+", "", l))' >"$WORK/quotes.txt"
n_quotes=$(wc -l <"$WORK/quotes.txt")
check "the report prints at least 20 interview quotes ($n_quotes)" test "$n_quotes" -ge 20
missing=0
while read -r q; do grep -qF -- "$q" "$WORK/flat.txt" || missing=$((missing + 1)); done <"$WORK/quotes.txt"
check "every quote of the doc tree is in the PDF text ($missing missing)" test "$missing" -eq 0
# Each printed quote is one of the consented excerpts.
python3 - "$XML" "$WORK/quotes.txt" <<'PY' || fail "a printed quote is not a consented excerpt"
import sys, re, xml.etree.ElementTree as ET
ok = {re.sub(r"[\s\u00a0\u202f]+", "", e.text or "")
      for e in ET.parse(sys.argv[1]).getroot().iter("extrait") if e.get("consentement") == "oui"}
quotes = [l.strip() for l in open(sys.argv[2]) if l.strip()]
bad = [q for q in quotes if q not in ok]
sys.exit(1 if bad else 0)
PY
ok
# Attributions never carry a pseudonym (the quotes of the interview chapter).
python3 - "$XML" "$WORK/doc.txt" <<'PY' || fail "a pseudonym is printed in an attribution"
import sys, re, xml.etree.ElementTree as ET
names = {e.get("pseudonyme") for e in ET.parse(sys.argv[1]).getroot().iter("entretien") if e.get("pseudonyme")}
subs = re.findall(r'^\d+ quote origin=layouts/effets.xml:.* subtitle="([^"]*)"', open(sys.argv[2]).read(), re.M)
sys.exit(1 if any(n in s for s in subs for n in names) or not subs else 0)
PY
ok

# 2. The private first-name guard: the build stops, nothing is written.
cp "$PDF" "$WORK/before.pdf"
printf '# prénoms réels\nOdile\n' >"$WORK/prenoms.txt"
expect_status 1 "build with a private name" "$RECIT" build -i inputs -o "$OUT" --prenoms-prives "$WORK/prenoms.txt" 2>"$WORK/names.err"
expect_contains "$WORK/names.err" "contains a first name from the private list"
expect_contains "$WORK/names.err" "nothing was written"
expect_not_contains "$WORK/names.err" "Odile"
check "the previous PDF is intact" cmp -s "$PDF" "$WORK/before.pdf"
RECIT_PRENOMS_PRIVES="$WORK/prenoms.txt" expect_status 1 "build with RECIT_PRENOMS_PRIVES" "$RECIT" build -i inputs -o "$WORK/out2" 2>/dev/null
check "no PDF written with RECIT_PRENOMS_PRIVES" test ! -e "$WORK/out2/rapport.pdf"
RECIT_PRENOMS_PRIVES="$WORK/prenoms.txt" expect_status 1 "dump doc stops too" "$RECIT" build -i inputs --dump doc >"$WORK/guard-dump.txt" 2>/dev/null
check "nothing dumped" test ! -s "$WORK/guard-dump.txt"

# 3. Figures: the chapter and the segment print what the statistics say.
"$RECIT" stats -i inputs --interviews >"$WORK/iv.csv"
# fig ID [COLUMN]: a column of the figure's row (value by default).
fig() { python3 - "$WORK/iv.csv" "$1" "${2:-value}" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["id"] == sys.argv[2]:
        print(r[sys.argv[3]])
PY
}
total=$(fig entretiens.total)
for code in confiance isolement metier entrepreneuriales bien-etre; do
  n=$(fig "effet.$code.entretiens"); p=$(fig "effet.$code.entretiens" percent)
  has "cité dans ${n} entretiens sur ${total} (${p} %)"
done
seg=$(fig segment.femmes-40.entretiens)
check "the segment has 10 interviews ($seg)" test "$seg" = 10
has "les ${seg} entretiens menés auprès de femmes de 40 ans et plus"
ratio=$(fig segment.femmes-40.bien-etre.ratio | awk '{printf "%.1f", $1}' | tr . ,)
pseg=$(fig segment.femmes-40.bien-etre.entretiens percent)
pall=$(fig effet.bien-etre.entretiens percent)
nall=$(fig effet.bien-etre.entretiens)
has "Bien-être général ${seg} ${pseg} % ${pall} % (${nall}) ×${ratio}"
has "bien-être général (${pseg} % contre ${pall} %)"
for s in "Les effets sur les coopérant·es, par catégorie" "Compétences psychosociales" \
         "Compétences professionnelles" "Les effets cités par les femmes de plus de 40 ans" \
         "Part des entretiens qui citent chaque effet" "coopérante, 40-54 ans, Coop Manau" \
         "Base : entretiens menés auprès de femmes de 40 ans et plus (n = 10)"; do
  has "$s"
done

# 4. The cards: 17 cells, each label of grille.xml, three JOKER.
pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
: >"$WORK/cards.txt"
for p in $(seq 1 "$pages"); do
  t=$(pdftotext -enc UTF-8 -f "$p" -l "$p" "$PDF" - | sed "s/\xe2\x80\x99/'/g")
  if grep -qF "d'entretien · KPA-Cité" <<<"$t"; then printf '%s\n' "$t" >>"$WORK/cards.txt"; fi
done
# (the mention is letter-spaced: pdftotext may split « Kit »)
check "17 cards (one mention each)" test "$(grep -cF "d'entretien · KPA-Cité" "$WORK/cards.txt")" -eq 17
check "3 JOKER cards" test "$(grep -cx 'JOKER' "$WORK/cards.txt")" -eq 3
python3 - inputs/entretiens/grille.xml "$WORK/cards.txt" <<'PY' || fail "a card label is missing from the card pages"
import sys, re, xml.etree.ElementTree as ET
text = re.sub(r"\s+", "", open(sys.argv[2]).read())
labels = [c.get("libelle") for c in ET.parse(sys.argv[1]).getroot().iter("carte")]
sys.exit(0 if len(labels) == 15 and all(re.sub(r"\s+", "", l) in text for l in labels) else 1)
PY
ok
check "the doc tree has one cards block of 17" test "$(grep -E '^[0-9]+ cards ' -A17 "$WORK/doc.txt" | grep -c '^  item ')" -eq 17
finish
