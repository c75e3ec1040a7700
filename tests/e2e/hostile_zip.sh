#!/usr/bin/env bash
# Hostile REFI-QDA archives given to `recit import-qdpx`: each is refused
# before anything is inflated or written, with a message that names the
# entry and the rule, and exit status 1. The archives are made here (python3
# zipfile, headers patched by hand), not committed. docs/robustness.md.
. "$(dirname "$0")/lib.sh"
# Seconds allowed per run (scripts/valgrind.sh raises RECIT_TIME_FACTOR).
LIMIT=$((30 * ${RECIT_TIME_FACTOR:-1}))
FIX="$SRC/tests/fixtures/interviews-qdpx"
cd "$WORK"
python3 - "$FIX" <<'PY'
import os, struct, sys, zipfile
fix = sys.argv[1]
guid = os.listdir(os.path.join(fix, "sources"))[0]
def base(z, skip_source=False):
    z.write(os.path.join(fix, "project.qde"), "project.qde")
    if not skip_source:
        z.write(os.path.join(fix, "sources", guid), "sources/" + guid)
def patch_size(path, name, size):
    """Rewrite the uncompressed size of entry name in both headers."""
    data = bytearray(open(path, "rb").read())
    for sig, off, noff, hl in ((b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)):
        pos = data.find(sig)
        while pos >= 0:
            n = struct.unpack_from("<H", data, pos + noff)[0]
            if data[pos + hl:pos + hl + n] == name.encode():
                struct.pack_into("<I", data, pos + off, size)
            pos = data.find(sig, pos + 4)
    open(path, "wb").write(data)
with zipfile.ZipFile("dotdot.qdpx", "w") as z:
    base(z); z.writestr("../../evil.txt", "x")
with zipfile.ZipFile("absolute.qdpx", "w") as z:
    base(z); z.writestr(zipfile.ZipInfo("/tmp/evil.txt"), "x")
with zipfile.ZipFile("drive.qdpx", "w") as z:
    base(z); z.writestr(zipfile.ZipInfo("C:\\evil.txt"), "x")
# 10 MB of zeros deflate to about 10 KB: ratio 1000:1, under the entry cap.
with zipfile.ZipFile("bomb.qdpx", "w", zipfile.ZIP_DEFLATED) as z:
    base(z); z.writestr("sources/bomb.txt", b"\0" * (10 << 20))
# Declared sizes: 4 GB for five bytes; three bytes for the real source text.
with zipfile.ZipFile("huge.qdpx", "w", zipfile.ZIP_DEFLATED) as z:
    base(z); z.writestr("sources/huge.txt", b"hello")
patch_size("huge.qdpx", "sources/huge.txt", 0xFFFFFFF0)
with zipfile.ZipFile("liar.qdpx", "w", zipfile.ZIP_DEFLATED) as z:
    base(z)
patch_size("liar.qdpx", "sources/" + guid, 3)
with zipfile.ZipFile("many.qdpx", "w") as z:
    base(z)
    for i in range(1001):
        z.writestr("sources/e%d.txt" % i, "")
open("notzip.qdpx", "w").write("project.qde\n")
PY

# refused NAME MESSAGE: import exits 1, says MESSAGE, writes nothing.
refused() {
  expect_status 1 "import $1" timeout "$LIMIT" "$RECIT" import-qdpx "$1.qdpx" -o "out-$1" 2>"$1.err"
  expect_contains "$1.err" "$2"
  check "$1: nothing written" test ! -e "out-$1"
}
refused dotdot 'refused: entry "../../evil.txt" has an absolute path or a ".." component'
refused absolute 'refused: entry "/tmp/evil.txt" has an absolute path or a ".." component'
refused drive 'refused: entry "C:\evil.txt" has an absolute path or a ".." component'
refused bomb 'refused: entry "sources/bomb.txt" inflates'
expect_contains bomb.err "(ratio over 100:1, a zip bomb?)"
refused huge 'refused: entry "sources/huge.txt" would inflate to 4294967280 bytes, the limit is 16777216'
refused liar "holds more than the 3 bytes it declares"
refused many "expected at most 1000 entries in the archive, found 1003"
refused notzip "expected a REFI-QDA project (.qdpx, a zip archive), cannot open it: Not a zip archive"
check "no file escaped the work folder" test ! -e "$WORK/../evil.txt" -a ! -e /tmp/evil.txt
finish
