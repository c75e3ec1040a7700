#!/usr/bin/env bash
# The interviews: `recit check` validates inputs/entretiens, `recit stats
# --interviews` prints the effect figures of the sample, the private
# first-name guard refuses excerpts without printing the name, and
# `recit import-qdpx` turns the hand-made REFI-QDA fixture into files that
# check cleanly (and refuses a '..' entry).
. "$(dirname "$0")/lib.sh"

expect_status 0 "recit check" "$RECIT" check --inputs "$SRC/inputs" 2>"$WORK/check.err"
expect_contains "$WORK/check.err" "entretiens: 30 interviews, 150 excerpts, 16 codes: no errors"

expect_status 0 "recit stats --interviews" "$RECIT" stats --inputs "$SRC/inputs" --interviews >"$WORK/iv.csv" 2>"$WORK/iv.err"
# id value base percent, as the rows print them ('-' = not checked).
while read -r id value base percent; do
  line=$(awk -F, -v id="$id" '$1==id { n=NF; print $(n-5), $(n-3), $n }' "$WORK/iv.csv")
  if [ -z "$line" ]; then fail "no figure $id"; continue; fi
  read -r gv gb gp <<<"$line"
  [ "$value" = "-" ] || [ "$value" = "$gv" ] || { fail "$id value $gv, expected $value"; continue; }
  [ "$base" = "-" ] || [ "$base" = "$gb" ] || { fail "$id base $gb, expected $base"; continue; }
  [ "$percent" = "-" ] || [ "$percent" = "$gp" ] || { fail "$id percent $gp, expected $percent"; continue; }
  ok
done <<'FIGURES'
entretiens.total                          30    -   -
entretiens.extraits                       150   -   -
entretiens.extraits-citables              135   150 90
effet.psychosociales.entretiens           30    30  100
effet.lien-social.entretiens              19    30  63
effet.isolement.entretiens                17    30  57
effet.confiance.entretiens                26    30  87
effet.confiance.extraits                  26    150 17
effet.projection.entretiens               18    30  60
effet.entrepreneuriales.entretiens        18    30  60
effet.bien-etre.entretiens                12    30  40
segment.femmes-40.entretiens              10    -   -
segment.femmes-40.bien-etre.entretiens    10    10  100
segment.femmes-40.bien-etre.ratio         2.50  -   -
segment.femmes-40.situation.ecart         46.7  -   -
segment.moins-30.entretiens               13    -   -
segment.moins-30.projection.entretiens    13    13  100
carte.joker.tirages                       -     -   -
FIGURES
# Over-represented effects come first in each segment.
first=$(awk -F, '$2=="segment.femmes-40" && $5=="ratio" { print $1; exit }' "$WORK/iv.csv")
check "women over 40: well-being first ($first)" [ "$first" = "segment.femmes-40.bien-etre.ratio" ]

# The private first-name guard: "Odile" appears in excerpt E08-2.
printf '# prénoms réels\nOdile\n' >"$WORK/prenoms.txt"
expect_status 1 "check with a private name" "$RECIT" check --inputs "$SRC/inputs" --prenoms-prives "$WORK/prenoms.txt" 2>"$WORK/names.err"
expect_contains "$WORK/names.err" 'error: "extrait": excerpt E08-2 of interview E08 contains a first name from the private list (entry on line 2 of'
expect_not_contains "$WORK/names.err" "Odile"
RECIT_PRENOMS_PRIVES="$WORK/prenoms.txt" expect_status 1 "stats with RECIT_PRENOMS_PRIVES" "$RECIT" stats --inputs "$SRC/inputs" --interviews >/dev/null 2>"$WORK/names2.err"
expect_contains "$WORK/names2.err" "excerpt E08-2 of interview E08"

# A typo in a code is located and a fix suggested.
mkdir -p "$WORK/typo" && cp -r "$SRC/inputs/." "$WORK/typo/"
sed -i '0,/codes="confiance"/s//codes="confience"/' "$WORK/typo/entretiens/entretiens.xml"
expect_status 1 "check with an unknown code" "$RECIT" check --inputs "$WORK/typo" 2>"$WORK/typo.err"
expect_contains "$WORK/typo.err" '"codes": expected a code id from grille.xml, found "confience" (no such code) (did you mean "confiance"?)'

# REFI-QDA import of the hand-made fixture, zipped here.
FIX="$SRC/tests/fixtures/interviews-qdpx"
python3 - "$FIX" "$WORK/essai.qdpx" "$WORK/evil.qdpx" <<'PY'
import sys, zipfile, os
fix, good, evil = sys.argv[1:]
with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as z:
    z.write(os.path.join(fix, "project.qde"), "project.qde")
    for f in os.listdir(os.path.join(fix, "sources")):
        z.write(os.path.join(fix, "sources", f), "sources/" + f)
with zipfile.ZipFile(evil, "w") as z:
    z.write(os.path.join(fix, "project.qde"), "project.qde")
    z.writestr(zipfile.ZipInfo("sources/../../evil.txt"), "x")
PY
mkdir -p "$WORK/imp" && cp -r "$SRC/inputs/." "$WORK/imp/" && rm -rf "$WORK/imp/entretiens"
expect_status 0 "import-qdpx" "$RECIT" import-qdpx "$WORK/essai.qdpx" -o "$WORK/imp/entretiens" 2>"$WORK/imp.err"
expect_contains "$WORK/imp.err" "1 interviews, 3 excerpts, 4 codes written to"
expect_contains "$WORK/imp/entretiens/entretiens.xml" 'consentement="non"'
expect_status 0 "check after import" "$RECIT" check --inputs "$WORK/imp" 2>"$WORK/imp-check.err"
expect_status 1 "import-qdpx does not overwrite" "$RECIT" import-qdpx "$WORK/essai.qdpx" -o "$WORK/imp/entretiens" 2>"$WORK/imp2.err"
expect_contains "$WORK/imp2.err" "already exists: not overwritten (use --force to replace it)"
expect_status 0 "import-qdpx --force" "$RECIT" import-qdpx "$WORK/essai.qdpx" -o "$WORK/imp/entretiens" --force 2>/dev/null
expect_status 1 "import-qdpx refuses '..'" "$RECIT" import-qdpx "$WORK/evil.qdpx" -o "$WORK/evil" 2>"$WORK/evil.err"
expect_contains "$WORK/evil.err" 'refused: entry "sources/../../evil.txt" has an absolute path or a ".." component'
check "nothing written for a refused archive" [ ! -e "$WORK/evil" ]
expect_status 2 "import-qdpx without a file" "$RECIT" import-qdpx 2>/dev/null
finish
