#!/usr/bin/env python3
"""check_layers.py - every #include of src/ against the stage table.

usage: check_layers.py LAYERS_TXT SRC_DIR

LAYERS_TXT is written by CMakeLists.txt from its recit_stage() calls (one
line a stage: "NAME: uses STAGE...; libs LIB..."), so the build and this
test read one table. For each file of src/STAGE/ it checks that:

- a project header ("x.h") belongs to the stage itself or to a stage it
  uses, directly or through the stages it uses;
- a header of another stage is not one of that stage's internals (*_int.h);
- an outside header (<x.h>) is the C library, POSIX, or a library the stage
  lists; a header this script does not know is an error too, so a new
  library is added here and to the stage table on purpose.

Prints one line per violation, "FILE:LINE: ...", and exits 1 if any.
The test of this test (tests/arch/layers_bad/) must fail.
"""
import os
import re
import sys

# Outside libraries: how their headers are spelled in an #include.
LIBRARY_HEADERS = {
    "libcsv": [r"csv\.h"],
    "libxml2": [r"libxml/"],
    "libzip": [r"zip\.h"],
    "pango": [r"pango/", r"glib\.h", r"glib/", r"fontconfig/", r"hb\.h", r"harfbuzz/"],
    # Pango's Cairo font map needs cairo_font_options_t: typeset may name
    # cairo.h for that (typeset_fonts.c); drawing is draw's.
    "pangocairo": [r"pango/pangocairo\.h", r"cairo\.h"],
    "cairo": [r"cairo\.h", r"cairo-pdf\.h", r"cairo/"],
    "libhyphen": [r"hyphen\.h"],
    "utf8proc": [r"utf8proc\.h"],
    "glpk": [r"glpk\.h"],
    "qpdf": [r"qpdf/"],
    "xlsxwriter": [r"xlsxwriter\.h", r"xlsxwriter/"],
    "microhttpd": [r"microhttpd\.h"],
    "gettext": [r"libintl\.h"],
}

# The C library and POSIX: any stage may use them.
SYSTEM_HEADERS = set("""
assert.h complex.h ctype.h errno.h fenv.h float.h inttypes.h iso646.h limits.h
locale.h setjmp.h signal.h stdalign.h stdarg.h stdatomic.h stdbool.h stddef.h
stdint.h stdio.h stdlib.h stdnoreturn.h string.h tgmath.h threads.h time.h
uchar.h wchar.h wctype.h math.h
dirent.h fcntl.h fnmatch.h glob.h grp.h langinfo.h libgen.h netdb.h poll.h
pthread.h pwd.h regex.h sched.h search.h semaphore.h spawn.h strings.h
syslog.h termios.h unistd.h utime.h wordexp.h
sys/file.h sys/ioctl.h sys/mman.h sys/poll.h sys/prctl.h sys/random.h sys/resource.h
sys/select.h sys/socket.h sys/stat.h sys/statvfs.h sys/time.h sys/types.h
sys/uio.h sys/un.h sys/wait.h sys/vfs.h netinet/in.h arpa/inet.h
""".split())

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def read_layers(path):
    stages = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, rest = line.split(":", 1)
        uses_part, libs_part = rest.split(";", 1)
        uses = uses_part.split()[1:]
        libs = libs_part.split()[1:]
        stages[name.strip()] = (uses, libs)
    return stages


def closure(stages, name):
    seen, todo = set(), [name]
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        todo.extend(stages.get(s, ([], []))[0])
    return seen


def library_of(header):
    found = []
    for lib, patterns in LIBRARY_HEADERS.items():
        if any(re.match(p, header) for p in patterns):
            found.append(lib)
    return found


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    stages = read_layers(sys.argv[1])
    src = sys.argv[2]
    owner = {}  # header file name -> stage
    for stage in stages:
        folder = os.path.join(src, stage)
        if not os.path.isdir(folder):
            print(f"{folder}: the stage table names {stage}, which has no folder")
            return 1
        for f in os.listdir(folder):
            if f.endswith(".h"):
                owner[f] = stage
    problems = []
    for stage in sorted(stages):
        visible = closure(stages, stage)
        # A stage may use the libraries it lists; those of the stages it
        # uses stay theirs.
        libs = set(stages[stage][1])
        folder = os.path.join(src, stage)
        for f in sorted(os.listdir(folder)):
            if not f.endswith((".c", ".h")):
                continue
            path = os.path.join(folder, f)
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                kind, header = m.groups()
                where = f"{path}:{n}"
                if kind == '"':
                    base = os.path.basename(header)
                    if header != base:
                        problems.append(f"{where}: include \"{base}\" by its name, not a path ({header})")
                    h_stage = owner.get(base)
                    if h_stage is None:
                        problems.append(f"{where}: \"{header}\" is not a header of any stage")
                    elif h_stage not in visible:
                        problems.append(f"{where}: stage {stage} includes \"{header}\" of stage "
                                        f"{h_stage}, which it does not use")
                    elif h_stage != stage and base.endswith("_int.h"):
                        problems.append(f"{where}: \"{header}\" is internal to stage {h_stage}")
                else:
                    if header in SYSTEM_HEADERS:
                        continue
                    owners = library_of(header)
                    if not owners:
                        problems.append(f"{where}: <{header}> is not a C or POSIX header nor one "
                                        "of a known library (tests/arch/check_layers.py)")
                    elif not libs.intersection(owners):
                        problems.append(f"{where}: stage {stage} includes <{header}> of "
                                        f"{' or '.join(owners)}, which it may not use")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} include(s) break the layering (see docs/architecture.md)")
        return 1
    print(f"{sum(1 for _ in owner)} headers in {len(stages)} stages: every include follows the layering")
    return 0


if __name__ == "__main__":
    sys.exit(main())
