#!/usr/bin/env bash
# Extract every message of src/ into po/recit.pot, then merge it into each
# po/LANG.po of po/LINGUAS (new messages arrive untranslated, changed ones
# fuzzy: translate them, see docs/messages.md).
#
#   po/update-pot.sh            update po/recit.pot and the po/*.po files
#   po/update-pot.sh --pot OUT  only write the extracted catalogue to OUT
#   po/update-pot.sh --files    only list the files messages are taken from
# (the last two for the test tests/i18n/check_catalogue.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"

# Every function that takes an English message: _() and N_() (core/i18n.h),
# ngettext, diag_emit/diag_vemit (core/diag.h) and every stage's wrapper
# that takes a printf format and ends in diag_vemit or prints to the user,
# with the position of its format argument. A new wrapper goes here too, or
# its messages are not extracted.
WRAPPERS=(
  diag_emit:5 diag_vemit:5
  err:4         # model/model_fiche.c
  lerr:7        # templates/tmpl_load.c
  serr:4        # templates/tmpl_styles.c
  tmpl_error:4 tmpl_warning:4  # templates/tmpl_diag.c
  draw_device_fail:2  # draw/draw_device.c: a device's error, shown by diag_emit
  cli_say:2     # cli/options.c: what a command says on stderr
)
ARGS=(--from-code=UTF-8 --language=C --add-comments=TRANSLATORS:
      --add-location=file --package-name=recit
      --msgid-bugs-address="see README.md"
      --keyword=_ --keyword=N_ --keyword=ngettext:1,2
      --flag=_:1:pass-c-format --flag=N_:1:pass-c-format
      --flag=ngettext:1:pass-c-format --flag=ngettext:2:pass-c-format)
for w in "${WRAPPERS[@]}"; do
  ARGS+=("--keyword=$w" "--flag=${w%%:*}:${w#*:}:c-format")
done

mapfile -t files < <(find src -name '*.[ch]' | LC_ALL=C sort)

if [ "${1:-}" = --files ]; then
  printf '%s\n' "${files[@]}"
  exit 0
fi
if [ "${1:-}" = --pot ]; then
  xgettext "${ARGS[@]}" -o "${2:?--pot OUT}" "${files[@]}"
  exit 0
fi

new=$(mktemp)
trap 'rm -f "$new"' EXIT
xgettext "${ARGS[@]}" -o "$new" "${files[@]}"
# Keep po/recit.pot as it is when only its creation date would change.
same() { cmp -s <(grep -v '^"POT-Creation-Date:' "$1") <(grep -v '^"POT-Creation-Date:' "$2"); }
if [ -f po/recit.pot ] && same "$new" po/recit.pot; then
  echo "po/recit.pot is up to date"
else
  cp "$new" po/recit.pot
  echo "po/recit.pot updated"
fi
while IFS= read -r lang; do
  case "$lang" in ''|'#'*) continue ;; esac
  msgmerge --quiet --update --backup=none --add-location=file "po/$lang.po" po/recit.pot
  msgfmt --check --statistics -o /dev/null "po/$lang.po"
done < po/LINGUAS
