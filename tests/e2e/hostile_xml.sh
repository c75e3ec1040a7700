#!/usr/bin/env bash
# Hostile XML in every place Récit reads XML (recit.xml, a layout template, a
# narrative file, entretiens.xml): entity bombs ("billion laughs"), external
# entities, a DOCTYPE hidden behind a processing instruction, deep nesting;
# and template paths that try to leave their folder (.., absolute paths,
# symbolic links). Each is refused quickly with a message naming the file,
# exit status 1, nothing written, and no byte of /etc/passwd in any output.
# Everything is generated here. docs/robustness.md lists the cases.
. "$(dirname "$0")/lib.sh"
# Seconds allowed per run (scripts/valgrind.sh raises RECIT_TIME_FACTOR).
LIMIT=$((30 * ${RECIT_TIME_FACTOR:-1}))
cd "$SRC"

# fresh NAME: a copy of the sample inputs and layouts in $WORK/NAME/{in,lay}.
fresh() {
  rm -rf "${WORK:?}/$1" && mkdir -p "$WORK/$1"
  cp -r "$SRC/inputs" "$WORK/$1/in" && cp -r "$SRC/layouts" "$WORK/$1/lay"
}
# bomb ROOT: a DOCTYPE whose entity &j; expands to 10^10 bytes.
bomb() {
  printf '<!DOCTYPE %s [<!ENTITY a "aaaaaaaaaa">' "$1"
  local prev=a e
  for e in b c d e f g h i j; do
    printf '<!ENTITY %s "%s">' "$e" "$(printf "&$prev;%.0s" 1 2 3 4 5 6 7 8 9 10)"
    prev=$e
  done
  printf ']>\n'
}
xxe() { printf '<!DOCTYPE %s [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n' "$1"; }
# hidden ROOT: the DOCTYPE after a processing instruction that holds "<!--",
# with a 10 KB entity referenced 20,000 times (200 MB when read).
hidden() {
  printf '<?x <!-- ?>\n<!DOCTYPE %s [<!ENTITY a "%s">]>\n' "$1" "$(head -c 10000 /dev/zero | tr '\0' a)"
}
REFS=$(printf '&a;%.0s' $(seq 20000))
# inject FILE ROOT KIND BODY: FILE becomes its XML declaration, KIND's DOCTYPE
# and BODY (which may use &j;, &x; or &a;).
inject() {
  { echo '<?xml version="1.0" encoding="UTF-8"?>'; "$3" "$2"; printf '%s\n' "$4"; } >"$1"
}
# refused NAME WHAT MESSAGE ARGS...: `recit ARGS` exits 1 within 30 s, says
# MESSAGE, prints nothing of /etc/passwd and writes no PDF. "build DIR ..."
# builds $WORK/DIR/in with the layouts of $WORK/DIR/lay into $WORK/DIR/out.
refused() {
  local name="$1" what="$2" msg="$3"; shift 3
  if [ "$1" = build ]; then
    local dir="$WORK/$2"; shift 2
    set -- build -i "$dir/in" -l "$dir/lay" -o "$dir/out" "$@"
  fi
  expect_status 1 "$what" timeout "$LIMIT" "$RECIT" "$@" 2>"$WORK/$name.err" >"$WORK/$name.out"
  expect_contains "$WORK/$name.err" "$msg"
  check "$what: nothing of /etc/passwd printed" bash -c "! grep -q 'root:' '$WORK/$name.err' '$WORK/$name.out'"
  check "$what: no PDF" test ! -e "$WORK/$name/out/rapport.pdf"
}
DTD="document type declarations (<!DOCTYPE ...>) are not allowed"
TDTD="error: <!DOCTYPE> declarations are not allowed in templates"
SETTINGS='<recit version="1"><rapport titre="&j;" date="2024-01-15"/><periode debut="2022-03-01" fin="2023-12-31"/></recit>'
TEMPLATE='<modele><p>&j;</p></modele>'
NARRATIVE='<texte><p>&j;</p></texte>'
ITEMS=$(sed '1d; s|Avant, mes journées|&j; Avant|' "$SRC/inputs/entretiens/entretiens.xml")

for kind in bomb xxe hidden; do
  ref=j; [ $kind = xxe ] && ref=x; [ $kind = hidden ] && ref=a
  body() { local s="${1//&j;/&$ref;}"; [ $kind = hidden ] && s="${s//&a;/$REFS}"; printf '%s' "$s"; }

  fresh "$kind-settings"
  inject "$WORK/$kind-settings/in/recit.xml" recit $kind "$(body "$SETTINGS")"
  refused "$kind-settings" "$kind in recit.xml" "$kind-settings/in/recit.xml:" build "$kind-settings"
  expect_contains "$WORK/$kind-settings.err" "$DTD"

  fresh "$kind-layout"
  inject "$WORK/$kind-layout/lay/rapport.xml" modele $kind "$(body "$TEMPLATE")"
  refused "$kind-layout" "$kind in a layout template" "$kind-layout/lay/rapport.xml: $TDTD" build "$kind-layout"

  fresh "$kind-narrative"
  inject "$WORK/$kind-narrative/in/narratif/recit.xml" texte $kind "$(body "$NARRATIVE")"
  refused "$kind-narrative" "$kind in a narrative file" "$kind-narrative/in/narratif/recit.xml: $TDTD" build "$kind-narrative"

  fresh "$kind-interviews"
  inject "$WORK/$kind-interviews/in/entretiens/entretiens.xml" entretiens $kind "$(body "$ITEMS")"
  refused "$kind-interviews" "$kind in entretiens.xml" "$kind-interviews/in/entretiens/entretiens.xml:" check -i "$WORK/$kind-interviews/in"
  expect_contains "$WORK/$kind-interviews.err" "$DTD"
  expect_status 1 "$kind in entretiens.xml (stats --interviews)" timeout "$LIMIT" "$RECIT" stats --interviews -i "$WORK/$kind-interviews/in" >/dev/null 2>&1
done

# Deep nesting: libxml2's depth limit (256) is kept (XML_PARSE_HUGE is never set).
deep() { printf "<$1>%.0s" $(seq 5000); }
fresh deep
{ echo '<?xml version="1.0"?>'; echo '<recit version="1">'; deep x; echo '</recit>'; } >"$WORK/deep/in/recit.xml"
refused deep "deep nesting in recit.xml" "not well-formed XML: Excessive depth in document: 256" build deep
fresh deep-layout
{ echo '<?xml version="1.0"?>'; echo '<modele>'; deep ensemble; echo '</modele>'; } >"$WORK/deep-layout/lay/rapport.xml"
refused deep-layout "deep nesting in a template" "rapport.xml:3:" build deep-layout
expect_contains "$WORK/deep-layout.err" "Excessive depth in document: 256"
fresh deep-interviews
{ echo '<?xml version="1.0"?>'; echo '<entretiens version="1">'; deep entretien; echo '</entretiens>'; } >"$WORK/deep-interviews/in/entretiens/entretiens.xml"
refused deep-interviews "deep nesting in entretiens.xml" "Excessive depth in document: 256" check -i "$WORK/deep-interviews/in"

# Template paths that leave their folder.
fresh paths
cat >"$WORK/paths/lay/evasion.xml" <<'XML'
<?xml version="1.0"?>
<modele>
  <inclure modele="../../etc/passwd"/>
  <inclure modele="/etc/passwd"/>
  <texte fichier="/etc/passwd"/>
  <texte fichier="../../../../etc/passwd"/>
</modele>
XML
refused paths "include and text outside their folder" '"modele": "../../etc/passwd" is a path with "..": name a file inside the layouts folder' build paths -t evasion.xml
expect_contains "$WORK/paths.err" 'evasion.xml:4: error: "modele": "/etc/passwd" is an absolute path: name a file inside the layouts folder'
expect_contains "$WORK/paths.err" 'evasion.xml:5: error: "fichier": "/etc/passwd" is an absolute path: name a file inside the inputs folder'
expect_contains "$WORK/paths.err" 'evasion.xml:6: error: "fichier": "../../../../etc/passwd" is a path with "..": name a file inside the inputs folder'

# Symbolic links in layouts/ (a file, a folder) and in narratif/ that lead outside.
fresh links
ln -s /etc/passwd "$WORK/links/lay/lien.xml"
ln -s /etc "$WORK/links/lay/etc"
ln -sf /etc/passwd "$WORK/links/in/narratif/recit.xml"
printf '<?xml version="1.0"?>\n<modele>\n<inclure modele="lien.xml"/>\n<inclure modele="etc/passwd"/>\n</modele>\n' >"$WORK/links/lay/liens.xml"
refused links "symbolic links out of layouts/" "liens.xml:3: error: \"modele\": $WORK/links/lay/lien.xml leads outside the layouts folder ($WORK/links/lay/) through a symbolic link" build links -t liens.xml
expect_contains "$WORK/links.err" "leads outside the layouts folder ($WORK/links/lay/) through a symbolic link"
expect_contains "$WORK/links.err" "$WORK/links/lay/etc/passwd leads outside"
refused links-main "main template is a link out" "lien.xml leads outside the layouts folder" build links -t lien.xml
refused links-narrative "narrative file is a link out" "$WORK/links/in/narratif/recit.xml leads outside the inputs folder ($WORK/links/in/) through a symbolic link" build links
finish
