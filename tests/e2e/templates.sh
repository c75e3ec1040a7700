#!/usr/bin/env bash
# Layout templates end to end through `recit build --dump doc`: the short
# report (cover, contents, key figures, finances) gives the golden doc trees
# in tests/e2e/expected/ on two data sets and in both rounding modes, the
# full report has the outline of DOMAIN.md, and template mistakes are
# reported with file:line and a suggestion.
# Regenerate a golden tree after an intended change with
#   build/recit build -i inputs -t rapport-court.xml --dump doc > tests/e2e/expected/doc-court-inputs.txt
# (and likewise for the others, see below), then review the diff.
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1
dump() { "$RECIT" build --dump doc "$@"; }

# 1. The short report against its golden trees.
for in in inputs tests/fixtures/mini; do
  for opt in "" --largest-remainder; do
    name=$(basename "$in")$opt
    expect_status 0 "template $name" dump $opt -i "$in" -t rapport-court.xml >"$WORK/tmpl-$name.txt"
    if diff -u "tests/e2e/expected/doc-court-$name.txt" "$WORK/tmpl-$name.txt" >"$WORK/diff-$name.txt"; then ok
    else fail "rapport-court.xml on $name differs from tests/e2e/expected/doc-court-$name.txt"; head -20 "$WORK/diff-$name.txt" >&2; fi
  done
done
expect_contains "$WORK/tmpl-inputs.txt" '0 cover origin=layouts/rapport-court.xml:'
expect_contains "$WORK/tmpl-inputs.txt" 'heading origin=layouts/chiffres-cles.xml:'

# 2. The full report, with the fixture narrative files.
mkdir -p "$WORK/in" && cp inputs/*.csv inputs/recit.xml "$WORK/in/" && cp -r tests/fixtures/tmpl/narratif tests/fixtures/tmpl/images "$WORK/in/"
expect_status 0 "rapport.xml" dump -i "$WORK/in" >"$WORK/full.txt" 2>"$WORK/full.err"
for id in presentation chiffres-cles finances demarche recit effets conclusion annexe-kit-entretiens annexe-fiches-kpa; do
  expect_contains "$WORK/full.txt" "id=\"$id\""
done
expect_contains "$WORK/full.txt" 'narratif/recit.xml:5 text="73\u00A0% (n = 267) des coopérant·es sont des femmes."'
# 2b. And with the real narrative of the sample year: no error, no warning.
expect_status 0 "rapport.xml on inputs/" dump -i inputs >"$WORK/real.txt" 2>"$WORK/real.err"
check "no message building the sample report" test ! -s "$WORK/real.err"

# 3. Mistakes: file:line, the name, the nearest valid name; nothing built.
mkdir -p "$WORK/layouts"
cp layouts/*.rng "$WORK/layouts/"
cat >"$WORK/layouts/rapport.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<modele>
  <partie id="x" titre="Chiffres">
    <p>{sexe.femmes|pourcent} de femmes</p>
    <barres groupe="ages"/>
    <inclure modele="../secret.xml"/>
  </partie>
</modele>
XML
expect_status 1 "broken template" dump -i inputs -l "$WORK/layouts" >"$WORK/broken.out" 2>"$WORK/broken.err"
expect_contains "$WORK/broken.err" "recit: $WORK/layouts/rapport.xml:6: error: \"modele\": \"../secret.xml\" is a path with \"..\": name a file inside the layouts folder ($WORK/layouts/)"
sed -i '/secret/d' "$WORK/layouts/rapport.xml"
expect_status 1 "broken template" dump -i inputs -l "$WORK/layouts" >"$WORK/broken.out" 2>"$WORK/broken.err"
expect_contains "$WORK/broken.err" "recit: $WORK/layouts/rapport.xml:4: error: unknown figure \"sexe.femmes\" (did you mean \"sexe.F\"?)"
expect_contains "$WORK/broken.err" "recit: $WORK/layouts/rapport.xml:5: error: unknown group \"ages\" (did you mean \"age\"?)"
check "nothing printed for a broken template" test ! -s "$WORK/broken.out"

printf '<?xml version="1.0"?>\n<modele>\n<p>ouvert\n</modele>\n' >"$WORK/layouts/rapport.xml"
expect_status 1 "malformed template" dump -i inputs -l "$WORK/layouts" 2>"$WORK/malformed.err" >/dev/null
expect_contains "$WORK/malformed.err" "recit: $WORK/layouts/rapport.xml:4:"
finish
