#!/usr/bin/env bash
# The private first-name guard compares names, not bytes: « Hélène » written
# with combining accents (NFD, as some QDA exports and macOS write it) in an
# excerpt stops `check` and `build` when the private list has it precomposed
# (NFC), and the other way round; so does a different case or an accent left
# out. The name itself is never printed, in any spelling.
. "$(dirname "$0")/lib.sh"

NFC=$(printf 'H\xc3\xa9l\xc3\xa8ne')        # U+00E9, U+00E8
NFD=$(printf 'He\xcc\x81le\xcc\x80ne')      # e + U+0301, e + U+0300
check "the two spellings differ in bytes" [ "$NFC" != "$NFD" ]

# inputs with the name in excerpt E08-2, spelled $1.
make_inputs() { # make_inputs DIR NAME
  mkdir -p "$1" && cp -r "$SRC/inputs/." "$1/"
  python3 - "$1/entretiens/entretiens.xml" "$2" <<'PY'
import sys
path, name = sys.argv[1], sys.argv[2].encode("utf-8", "surrogateescape").decode("utf-8")
text = open(path, encoding="utf-8").read()
old = "Avec Odile, une coopérante"
assert old in text
open(path, "w", encoding="utf-8").write(text.replace(old, "Avec " + name + ", une coopérante", 1))
PY
}

no_name() { # no_name FILE: no spelling of the name in FILE
  for n in "$NFC" "$NFD" "Helene" "helene" "HELENE" "h\xc3\xa9l\xc3\xa8ne"; do
    expect_not_contains "$1" "$(printf "$n")"
  done
}

# excerpt spelling, list spelling
for pair in "nfd:$NFD:$NFC" "nfc:$NFC:$NFD" "nfc2:$NFC:$NFC" "upper:HE$(printf '\xcc\x81')LE$(printf '\xcc\x80')NE:$NFC" "plain:Helene:$NFC"; do
  IFS=: read -r tag in_text in_list <<<"$pair"
  make_inputs "$WORK/$tag" "$in_text"
  printf '# prénoms réels\n%s\n' "$in_list" >"$WORK/$tag.txt"
  expect_status 1 "$tag: check stops" "$RECIT" check --inputs "$WORK/$tag" --prenoms-prives "$WORK/$tag.txt" >"$WORK/$tag.check.out" 2>"$WORK/$tag.check.err"
  expect_contains "$WORK/$tag.check.err" 'error: "extrait": excerpt E08-2 of interview E08 contains a first name from the private list (entry on line 2 of'
  no_name "$WORK/$tag.check.err"
  no_name "$WORK/$tag.check.out"
  expect_status 1 "$tag: build stops" "$RECIT" build --inputs "$WORK/$tag" --prenoms-prives "$WORK/$tag.txt" -o "$WORK/$tag.out" >"$WORK/$tag.build.out" 2>"$WORK/$tag.build.err"
  expect_contains "$WORK/$tag.build.err" "excerpt E08-2 of interview E08 contains a first name from the private list"
  no_name "$WORK/$tag.build.err"
  check "$tag: no report written" [ ! -e "$WORK/$tag.out/rapport.pdf" ]
done

# Positive control: the same inputs without a list build, and a name that
# only contains the private one ("Hélènette") is not refused.
make_inputs "$WORK/other" "$(printf 'H\xc3\xa9l\xc3\xa8nette')"
printf '%s\n' "$NFD" >"$WORK/other.txt"
expect_status 0 "a longer name is another name" "$RECIT" check --inputs "$WORK/other" --prenoms-prives "$WORK/other.txt" >/dev/null 2>"$WORK/other.err"

finish
