#!/usr/bin/env bash
# The message catalogue is complete (docs/messages.md):
#   check_catalogue.sh SOURCE_DIR WORK_DIR
# - every message extracted from src/ (po/update-pot.sh --pot, so a new
#   message fails here before anyone runs the script) is in each po/LANG.po,
#   translated and not fuzzy (msgcmp);
# - each translation's printf format matches its message (msgfmt --check);
# - the French follows French typography: « » around quoted names, a
#   no-break space before ":" and inside « », a narrow one before ; ! ?;
# - no place is written as a compound literal, (src_loc){...}, in the files
#   messages are taken from: xgettext would miss the message after it.
set -u
SRC="$1"
WORK="$2"
rm -rf "$WORK" && mkdir -p "$WORK"
cd "$SRC"
FAILED=0
fail() { FAILED=1; echo "FAIL: $*" >&2; }

po/update-pot.sh --pot "$WORK/recit.pot" || fail "xgettext could not extract the messages"
while IFS= read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  po="po/$lang.po"
  # msgcmp counts untranslated and fuzzy entries as missing.
  msgcmp "$po" "$WORK/recit.pot" 2>"$WORK/msgcmp-$lang.txt" ||
    { fail "$po lacks translations (new or changed messages: run po/update-pot.sh and translate):"
      grep -o 'recit\.pot:[0-9]*: this message is used but not defined' "$WORK/msgcmp-$lang.txt" |
        cut -d: -f2 | while read -r n; do
          awk -v n="$n" '/^msgid /{buf=""} {buf=buf $0 "\n"} NR==n-1{printf "%s", buf; exit}' "$WORK/recit.pot"
        done >&2
      cat "$WORK/msgcmp-$lang.txt" >&2; }
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  [ "$fuzzy" -eq 0 ] || fail "$po has $fuzzy fuzzy entries: check and unmark them"
  msgfmt --check -o /dev/null "$po" 2>"$WORK/msgfmt-$lang.txt" ||
    { fail "msgfmt --check refuses $po:"; cat "$WORK/msgfmt-$lang.txt" >&2; }
done < po/LINGUAS

# French typography, on the translations (msgstr) of po/fr.po.
msgattrib --no-obsolete --no-wrap po/fr.po | python3 -c '
import re, sys
text, bad, last = sys.stdin.read(), [], None
for m in re.finditer(r"^(msgid|msgstr(?:\[\d\])?) \"(.*)\"$", text, re.M):
    if m.group(1) == "msgid":
        last = m.group(2)
        continue
    s = m.group(2).replace("\\n", "\n")
    why = []
    if re.search(r" [:;!?](?=[ \n)»]|$)", s):
        why.append("a plain space before : ; ! or ? (no-break spaces)")
    words = re.sub(r"&[#%\w.]*;", "", s)  # entities such as &amp; and &%s;
    if last and re.search(r"(?<![ \u00a0\u202f(«\n])[:;!?](?=[ \n)»]|$)", words):
        why.append("no space before : ; ! or ?")
    if "« " in s or " »" in s:
        why.append("a plain space inside « »")
    if re.search(r"(^|[ (])\\\"%[-.*0-9]*[a-z]+\\\"", s):
        why.append("\"%s\" where French writes « %s »")
    if why:
        bad.append("  msgid \"%s\": %s" % (last, "; ".join(why)))
if bad:
    print("po/fr.po: French typography:\n" + "\n".join(bad), file=sys.stderr)
    sys.exit(1)
' || fail "po/fr.po does not follow French typography"

# Places as SRC_LOC(...), not (src_loc){...}, where messages are extracted.
po/update-pot.sh --files >"$WORK/files.txt"
grep -v '^src/core/diag\.h$' "$WORK/files.txt" | xargs grep -n '(src_loc){' >"$WORK/literals.txt"
if [ -s "$WORK/literals.txt" ]; then
  fail "write places as SRC_LOC(file, line, col) (core/diag.h), or xgettext misses the message:"
  cat "$WORK/literals.txt" >&2
fi

[ "$FAILED" -eq 0 ] && echo "the catalogue is complete"
exit "$FAILED"
