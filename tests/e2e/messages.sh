#!/usr/bin/env bash
# Messages in the user's language (docs/messages.md): French when the locale
# asks for it (LANGUAGE, LC_ALL, LC_MESSAGES or LANG starting with "fr"),
# English otherwise, with or without a generated fr_FR locale; the report and
# every other output stay byte-identical whatever the language.
. "$(dirname "$0")/lib.sh"
cd "$SRC"

NB=$(printf '\302\240')    # no-break space: before ":" and inside « »
NNB=$(printf '\342\200\257') # narrow no-break space: before ; ! ?
# with VAR=VALUE... -- COMMAND: run COMMAND with only these locale variables.
with() {
  local vars=()
  while [ "$1" != -- ]; do vars+=("$1"); shift; done
  shift
  env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LANG "${vars[@]}" "$@"
}
fr() { with LANG=fr_FR.UTF-8 -- "$RECIT" "$@"; }
en() { with LANG=C -- "$RECIT" "$@"; }

# 1. recit check on the broken inputs: in French, and in English exactly as
#    the reference (tests/e2e/expected/broken.diag).
expect_status 1 "check broken, French" fr check -i tests/fixtures/broken 2>"$WORK/broken.fr"
expect_contains "$WORK/broken.fr" "activite.csv:2:3: erreur$NB: «${NB}sexe$NB»$NB: attendu F ou H (ou Femme, Homme), trouvé «${NB}X$NB»"
expect_contains "$WORK/broken.fr" "activite.csv:3:2: erreur$NB: «${NB}kpa$NB»$NB: attendu l’identifiant d’un KPA listé dans kpa.csv, trouvé «${NB}la-ruchee$NB» (ce KPA n’existe pas)"
expect_contains "$WORK/broken.fr" "recit.xml:3: avertissement$NB: «${NB}couleur$NB»$NB: attribut inconnu sur <rapport>, ignoré"
expect_contains "$WORK/broken.fr" "recit: 15 erreurs, 2 avertissements"
expect_not_contains "$WORK/broken.fr" "expected"
expect_status 1 "check broken, English" en check -i tests/fixtures/broken 2>"$WORK/broken.en"
if diff -u tests/e2e/expected/broken.diag "$WORK/broken.en"; then ok; else fail "LANG=C: messages differ from tests/e2e/expected/broken.diag"; fi

# 2. A malformed XML file: libxml2's error in plain words, with its place.
mkdir -p "$WORK/badxml" && cp tests/fixtures/mini/* "$WORK/badxml/"
sed -i 's/titre="[^"]*"/titre="R \& D"/' "$WORK/badxml/recit.xml"
expect_status 1 "bare & in recit.xml, French" fr check -i "$WORK/badxml" 2>"$WORK/badxml.fr"
expect_contains "$WORK/badxml.fr" "badxml/recit.xml:3:21: erreur$NB: un & seul n’est pas permis$NB: remplacez & par &amp;"
expect_status 1 "bare & in recit.xml, English" en check -i "$WORK/badxml" 2>"$WORK/badxml.en"
expect_contains "$WORK/badxml.en" "badxml/recit.xml:3:21: error: a lone & is not allowed: write & as &amp;"
expect_not_contains "$WORK/badxml.en" "xmlParseEntityRef"

# 3. The command line (src/cli): bad options and arguments, the help.
expect_status 2 "bad option, French" fr import-qdpx --bogus 2>"$WORK/option.fr"
expect_contains "$WORK/option.fr" "recit import-qdpx: option «${NB}--bogus$NB» inconnue (voir recit import-qdpx --help)"
expect_status 2 "bad option, English" en import-qdpx --bogus 2>"$WORK/option.en"
expect_contains "$WORK/option.en" 'recit import-qdpx: unknown option "--bogus" (see recit import-qdpx --help)'
expect_status 2 "bad option of check, French" fr check --bogus 2>"$WORK/check-option.fr"
expect_contains "$WORK/check-option.fr" "recit check: option «${NB}--bogus$NB» inconnue (voir recit check --help)"
expect_status 2 "bad option of check, English" en check --bogus 2>"$WORK/check-option.en"
expect_contains "$WORK/check-option.en" 'recit check: unknown option "--bogus" (see recit check --help)'
expect_status 2 "extra argument, French" fr import-qdpx a.qdpx b.qdpx 2>"$WORK/argument.fr"
expect_contains "$WORK/argument.fr" "recit import-qdpx: argument inattendu «${NB}b.qdpx$NB» (voir recit import-qdpx --help)"
expect_status 2 "extra argument, English" en import-qdpx a.qdpx b.qdpx 2>"$WORK/argument.en"
expect_contains "$WORK/argument.en" 'recit import-qdpx: unexpected argument "b.qdpx" (see recit import-qdpx --help)'
# The help is made from the commands' tables and wrapped after translation.
expect_status 0 "help build, French" fr help build >"$WORK/help.fr"
expect_contains "$WORK/help.fr" "usage$NB: recit build [-i DOSSIER] [-o DOSSIER]"
expect_contains "$WORK/help.fr" "  -o, --outputs DOSSIER"
expect_contains "$WORK/help.fr" "dossier de sortie (par défaut$NB: outputs)"
expect_not_contains "$WORK/help.fr" "output folder"
expect_status 0 "help build, English" en help build >"$WORK/help.en"
expect_contains "$WORK/help.en" "usage: recit build [-i DIR] [-o DIR]"
expect_contains "$WORK/help.en" "output folder (default: outputs)"
check "help build: lines of at most 79 columns in French" \
  test "$(LC_ALL=C.UTF-8 wc -L <"$WORK/help.fr")" -le 79

# 4. Template errors (src/templates), found by recit check in a copy of
#    layouts/ where rapport.xml has ELEMENT after <sommaire/> (line 12):
#    template_error NAME ELEMENT FRENCH ENGLISH (the messages after the line).
template_error() {
  mkdir -p "$WORK/$1" && cp layouts/* "$WORK/$1/"
  sed -i "s|<sommaire/>|<sommaire/>$2|" "$WORK/$1/rapport.xml"
  expect_status 1 "$1, French" fr check -i inputs -l "$WORK/$1" 2>"$WORK/$1.fr"
  expect_contains "$WORK/$1.fr" "$1/rapport.xml:12: erreur$NB: $3"
  expect_status 1 "$1, English" en check -i inputs -l "$WORK/$1" 2>"$WORK/$1.en"
  expect_contains "$WORK/$1.en" "$1/rapport.xml:12: error: $4"
}
# An unknown element, found when the layouts are loaded...
template_error unknown-element "<tablaeu/>" \
  "élément <tablaeu> inconnu (vouliez-vous dire «${NB}tableau$NB»${NNB}?)" \
  'unknown element <tablaeu> (did you mean "tableau"?)'
# ... and an unknown figure, found when they are expanded (tmpl_error).
template_error unknown-figure "<p>{coop.totl}</p>" \
  "chiffre «${NB}coop.totl$NB» inconnu (vouliez-vous dire «${NB}coop.total$NB»${NNB}?)" \
  'unknown figure "coop.totl" (did you mean "coop.total"?)'

# 5. Which variable decides: LANGUAGE first (unless the locale is plain C),
#    then LC_ALL, LC_MESSAGES, LANG.
lang_of() { # lang_of VAR=VALUE...: "fr" or "en", from the summary of check
  with "$@" -- "$RECIT" check -i tests/fixtures/broken 2>&1 | tail -1 |
    sed -n 's/.*erreurs.*/fr/p; s/.*errors.*/en/p'
}
check_lang() { # check_lang WANT VAR=VALUE...
  local want="$1"; shift
  local got; got=$(lang_of "$@")
  if [ "$got" = "$want" ]; then ok; else fail "$*: messages in '$got', expected '$want'"; fi
}
check_lang fr LANGUAGE=fr LANG=C.UTF-8
check_lang fr LANGUAGE=fr_BE:en
check_lang en LANGUAGE=en:fr LANG=fr_FR.UTF-8
check_lang fr LC_ALL=fr_FR.UTF-8 LANG=en_US.UTF-8
check_lang fr LC_MESSAGES=fr_CA.UTF-8 LANG=C.UTF-8
check_lang en LC_ALL=C.UTF-8 LANG=fr_FR.UTF-8
check_lang en LC_ALL=C LANGUAGE=fr
check_lang en LANG=C LANGUAGE=fr
check_lang en LANG=de_DE.UTF-8
check_lang en

# 6. With a generated fr_FR.UTF-8 locale (compiled here into a folder of our
#    own, LOCPATH, when the machine has the locale sources).
mkdir -p "$WORK/locales"
if command -v localedef >/dev/null && [ -f /usr/share/i18n/locales/fr_FR ] &&
  localedef -i fr_FR -f UTF-8 "$WORK/locales/fr_FR.UTF-8" 2>/dev/null; then
  check_lang fr LOCPATH="$WORK/locales" LANG=fr_FR.UTF-8
  check_lang en LOCPATH="$WORK/locales" LANG=fr_FR.UTF-8 LC_MESSAGES=C
  fr_loc() { with LOCPATH="$WORK/locales" LANG=fr_FR.UTF-8 -- "$RECIT" "$@"; }
else
  echo "note: no fr_FR locale sources (locales package): tested without one only"
  fr_loc() { fr "$@"; }
fi

# 7. The outputs never follow the language: the PDF, the sheets, the figures.
#    What the build says (src/cli) does.
en build -i inputs -o "$WORK/out.en" 2>"$WORK/build.en" && ok || fail "build, English"
fr_loc build -i inputs -o "$WORK/out.fr" 2>"$WORK/build.fr" && ok || fail "build, French"
check "build, English: recit: wrote .../rapport.pdf (N pages) in M ms" \
  grep -qE "^recit: wrote $WORK/out\.en/rapport\.pdf \([0-9]+ pages\) in [0-9]+ ms\$" "$WORK/build.en"
check "build, French: recit: .../rapport.pdf écrit (N pages) en M ms" \
  grep -qE "^recit: $WORK/out\.fr/rapport\.pdf écrit \([0-9]+ pages\) en [0-9]+ ms\$" "$WORK/build.fr"
check "the report is byte-identical in French" cmp -s "$WORK/out.en/rapport.pdf" "$WORK/out.fr/rapport.pdf"
en stats -i inputs >"$WORK/stats.en" && fr_loc stats -i inputs >"$WORK/stats.fr"
check "the figures are the same in French" cmp -s "$WORK/stats.en" "$WORK/stats.fr"
en stats -i inputs --descriptions >"$WORK/desc.en" && fr_loc stats -i inputs --descriptions >"$WORK/desc.fr"
check "the chart descriptions are the same in French" cmp -s "$WORK/desc.en" "$WORK/desc.fr"
finish
