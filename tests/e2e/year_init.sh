#!/usr/bin/env bash
# `recit init DIR [--from PREVIOUS]` (issue 12): a documented year folder;
# with --from, what stays is carried over and what must be new is left
# out; check warns for each narrative file still identical to last year's
# and for years outside the period; the year's own styles.xml replaces the
# layouts' palette; a year made this way, with new activity and finances,
# builds with the shipped layouts.
. "$(dirname "$0")/lib.sh"
cd "$SRC" || exit 1

# An empty year: every file to fill, and a French README saying what.
expect_status 0 "init an empty year" "$RECIT" init "$WORK/vide" 2>"$WORK/init1.err"
for f in README.txt recit.xml kpa.csv activite.csv finances.csv narratif/presentation.xml \
         narratif/demarche.xml narratif/recit.xml narratif/conclusion.xml \
         narratif/kit-entretien.xml; do
  check "empty year has $f" test -s "$WORK/vide/$f"
done
check "empty year has fiches/ and entretiens/" test -d "$WORK/vide/fiches" -a -d "$WORK/vide/entretiens"
expect_contains "$WORK/vide/README.txt" "recit check -i CE_DOSSIER"
expect_contains "$WORK/vide/README.txt" "activite.csv : une ligne anonyme par coopérant·e"
# A folder that is not empty is refused, and left as it was.
expect_status 1 "init refuses a non-empty folder" "$RECIT" init "$WORK/vide" 2>"$WORK/init2.err"
expect_contains "$WORK/init2.err" "vide: error: the folder is not empty"
check "README untouched" cmp -s "$WORK/vide/README.txt" "$WORK/vide/README.txt"

# The next year from the sample.
Y="$WORK/an2"
expect_status 0 "init --from inputs" "$RECIT" init "$Y" --from inputs 2>"$WORK/init3.err"
for f in kpa.csv entretiens/grille.xml images/reseau.png fiches/la-cape.xml narratif/recit.xml; do
  check "carried over: $f" cmp -s "inputs/$f" "$Y/$f"
done
check "interviews left out" test ! -e "$Y/entretiens/entretiens.xml"
check "activity: header only" test "$(wc -l <"$Y/activite.csv")" -eq 1
check "finances: header only" test "$(wc -l <"$Y/finances.csv")" -eq 1
expect_contains "$Y/recit.xml" '<periode debut="2024-01-01" fin="2025-10-31"/>'
expect_contains "$Y/recit.xml" '<reseau nom="KPA-Cité"/>'
expect_not_contains "$Y/recit.xml" "<ateliers>"
expect_contains "$Y/reprise.txt" "narratif/presentation.xml "
expect_contains "$Y/README.txt" "Laissés vides, car ils doivent être"

# The new year's data, generated for its period.
python3 - "$Y" <<'PY'
import csv, random, sys
y = sys.argv[1]
rnd = random.Random(2024)
kpas = [r["id"] for r in csv.DictReader(open(y + "/kpa.csv", encoding="utf-8-sig"), delimiter=";")]
head = open(y + "/activite.csv", encoding="utf-8-sig").read().strip()
rows = []
for i in range(150):
    left = i % 3 == 0
    rows.append(f"N{i:04d};{kpas[i % len(kpas)]};{'FH'[i % 2]};25-39;;59;oui;non;non;non;bac;"
                f"non;;non;non;{rnd.randint(1, 28):02d}/{rnd.randint(1, 12):02d}/2024;12;"
                f"{'15/06/2025' if left else ''};{'cdi' if left else ''}")
open(y + "/activite.csv", "w", encoding="utf-8").write(head + "\n" + "\n".join(rows) + "\n")
head = open(y + "/finances.csv", encoding="utf-8-sig").read().strip()
fin = [f"{k};01/01/2024;31/10/2025;{20000 + 1000 * i};;;" for i, k in enumerate(kpas)]
open(y + "/finances.csv", "w", encoding="utf-8").write(head + "\n" + "\n".join(fin) + "\n")
PY

expect_status 0 "check the new year" "$RECIT" check -i "$Y" 2>"$WORK/check.err"
for f in presentation demarche recit conclusion kit-entretien; do
  expect_contains "$WORK/check.err" "narratif/$f.xml: warning: unchanged since last year (reprise.txt)"
done
expect_contains "$WORK/check.err" "narratif/demarche.xml:4: warning: mentions 2022, outside the period 2024-2025"
expect_contains "$WORK/check.err" "recit.xml: warning: \"sous-titre\": mentions 2023, outside the period 2024-2025"
# A rewritten text is no longer flagged (and its stale year goes with it).
sed -i 's/2022/2024/g' "$Y/narratif/demarche.xml"
"$RECIT" check -i "$Y" 2>"$WORK/check2.err"
expect_not_contains "$WORK/check2.err" "narratif/demarche.xml: warning: unchanged"
expect_not_contains "$WORK/check2.err" "narratif/demarche.xml:4: warning: mentions 2022"
expect_contains "$WORK/check2.err" "narratif/conclusion.xml: warning: unchanged since last year"

expect_status 0 "the new year builds with the shipped layouts" \
  "$RECIT" build -i "$Y" -o "$WORK/out" 2>"$WORK/build.err"
pdftotext "$WORK/out/rapport.pdf" - | tr '\n' ' ' >"$WORK/an2.txt"
expect_contains "$WORK/an2.txt" "150 coopérant·es ont été accompagné·es"
expect_not_contains "$WORK/an2.txt" "ateliers de la démarche"

# The year's own palette replaces the layouts' one.
sed 's/<couleur nom="primaire" valeur="#0B4F6C"\/>/<couleur nom="primaire" valeur="#7A1F5C"\/>/' \
  layouts/styles.xml >"$Y/styles.xml"
"$RECIT" build -i "$Y" -o "$WORK/out2" --dump pages >"$WORK/pages.txt" 2>/dev/null
# The cover band is drawn in the primary colour.
expect_contains "$WORK/pages.txt" "rect 0 0 609563 358400 fill=#7A1F5C"
expect_not_contains "$WORK/pages.txt" "rect 0 0 609563 358400 fill=#0B4F6C"
# A cover picture of the year folder goes on the cover.
cp inputs/images/reseau.png "$Y/images/couverture.png"
"$RECIT" build -i "$Y" -o "$WORK/out3" --dump pages >"$WORK/pages3.txt" 2>/dev/null
expect_contains "$WORK/pages3.txt" "image \"$Y/images/couverture.png\""
expect_not_contains "$WORK/pages.txt" "couverture.png"
# Palette and picture are carried over to the year after.
expect_status 0 "init --from a year with its palette" "$RECIT" init "$WORK/an3" --from "$Y" 2>/dev/null
check "palette carried over" cmp -s "$Y/styles.xml" "$WORK/an3/styles.xml"
check "cover picture carried over" cmp -s "$Y/images/couverture.png" "$WORK/an3/images/couverture.png"
finish
