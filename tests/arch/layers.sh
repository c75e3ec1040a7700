#!/usr/bin/env bash
# The layering of src/ (docs/architecture.md): every #include follows the
# stage table that CMakeLists.txt writes to layers.txt. Then the test of the
# test: a small tree with one violation of each kind must fail, naming each.
# usage: layers.sh LAYERS_TXT SRC_DIR
set -uo pipefail
here="$(dirname "$0")"
python3 "$here/check_layers.py" "$1" "$2" || exit 1

out="$(python3 "$here/check_layers.py" "$here/layers_bad/layers.txt" "$here/layers_bad/src")"
rc=$?
[ "$rc" -eq 1 ] || { echo "FAIL: the violating tree gave exit $rc, expected 1"; exit 1; }
expect() {
  grep -qF -- "$1" <<<"$out" || { echo "FAIL: the checker did not report: $1"; echo "$out"; exit 1; }
}
expect 'model.c:3: stage model includes <cairo.h> of pangocairo or cairo, which it may not use'
expect 'stats.c:2: stage stats includes "typeset.h" of stage typeset, which it does not use'
expect 'stats.c:3: "model_int.h" is internal to stage model'
expect 'stats.c:4: include "core.h" by its name, not a path (../core/core.h)'
expect 'stats.c:5: <mystery.h> is not a C or POSIX header nor one of a known library'
expect 'stats.c:6: "nowhere.h" is not a header of any stage'
n="$(grep -c 'src/' <<<"$out")"
[ "$n" -eq 6 ] || { echo "FAIL: expected 6 violations, found $n"; echo "$out"; exit 1; }
echo "ok: the layering holds, and a tree that breaks it is caught (6 of 6)"
