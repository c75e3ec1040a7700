#!/usr/bin/env python3
"""check_links.py - who calls whom, read from the object files.

usage: check_links.py LAYERS_TXT OBJECTS_TXT

OBJECTS_TXT is written by CMake (one line a compiled file: "STAGE OBJECT").
nm tells which global symbols each object defines and which it needs; that
gives the real graph of files, whatever the headers say:

- a file may only need symbols of its own stage or of the stages it uses
  (the same table as check_layers.py), so no lower stage calls up;
- the files form no cycle: two files that need each other, or a longer
  circle, belong in one file or want a table or a callback between them
  (docs/architecture.md). Stages listed with --allow-cycles STAGE may keep
  theirs, and the circles are printed.

Prints one line per problem and exits 1 if any.
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from check_layers import closure, read_layers  # noqa: E402


def symbols(obj):
    out = subprocess.run(["nm", "-P", obj], check=True, capture_output=True, text=True).stdout
    defined, needed = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        name, kind = parts[0], parts[1]
        if kind == "U":
            needed.add(name)
        elif kind in ("T", "D", "B", "R", "C", "V", "W", "G", "S"):
            defined.add(name)
    return defined, needed


def short(obj):
    # .../CMakeFiles/recit_model.dir/src/model/model.c.o -> src/model/model.c
    i = obj.find("/src/")
    name = obj[i + 1:] if i >= 0 else os.path.basename(obj)
    return name[:-2] if name.endswith(".o") else name


def cycles(graph):
    """Strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def main():
    args = sys.argv[1:]
    allow = set()
    while "--allow-cycles" in args:
        i = args.index("--allow-cycles")
        allow.add(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    stages = read_layers(args[0])
    objs = []
    for line in open(args[1], encoding="utf-8"):
        if line.strip():
            stage, obj = line.split(None, 1)
            objs.append((stage, obj.strip()))
    owner, info = {}, {}
    for stage, obj in objs:
        defined, needed = symbols(obj)
        info[obj] = (stage, needed)
        for s in defined:
            owner[s] = obj
    problems = []
    graph = {obj: set() for _, obj in objs}
    for obj, (stage, needed) in info.items():
        visible = closure(stages, stage)
        for s in sorted(needed):
            target = owner.get(s)
            if target is None or target == obj:
                continue
            graph[obj].add(target)
            t_stage = info[target][0]
            if t_stage not in visible:
                problems.append(f"{short(obj)}: stage {stage} calls {s} of stage {t_stage}, "
                                "which it does not use")
    for comp in cycles(graph):
        comp_stages = sorted({info[o][0] for o in comp})
        names = ", ".join(short(o) for o in comp)
        if len(comp_stages) > 1:
            problems.append(f"a cycle between stages {' and '.join(comp_stages)}: {names}")
        elif comp_stages[0] in allow:
            print(f"allowed for now: a cycle in stage {comp_stages[0]}: {names}")
        else:
            problems.append(f"a cycle in stage {comp_stages[0]}: {names}")
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"{len(objs)} object files: no call goes up or sideways, no cycle of files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
