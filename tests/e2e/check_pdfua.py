#!/usr/bin/env python3
"""Read a PDF's structure back (qpdf --json=2) and check the PDF/UA-1 and
PDF/A-2 clauses listed in docs/accessibility.md. Prints one line per
finding; exit status 1 when there is any.

    check_pdfua.py FILE.pdf              check the file
    check_pdfua.py --self-test FILE.pdf  check it, then check deliberately
                                         broken copies of its structure (the
                                         positive controls): each must fail
"""
import base64
import copy
import json
import re
import subprocess
import sys

LANG_RE = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")


def load(path):
    out = subprocess.run(["qpdf", "--json=2", path], check=True, capture_output=True).stdout
    objs = json.loads(out)["qpdf"][1]
    with open(path, "rb") as f:
        raw = f.read()
    return objs, raw


class Doc:
    def __init__(self, objs):
        self.o = objs

    def get(self, v):
        """Follow an indirect reference to its value (or stream dict)."""
        seen = 0
        while isinstance(v, str) and v.endswith(" R") and seen < 50:
            e = self.o.get("obj:" + v)
            if e is None:
                return None
            v = e["value"] if "value" in e else e["stream"]["dict"]
            seen += 1
        return v


def text(v):
    """A PDF string from qpdf's JSON ("u:..." or "b:hex") as Python text."""
    if not isinstance(v, str):
        return None
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        return bytes.fromhex(v[2:]).decode("latin-1")
    return None


def check(objs, raw):
    d = Doc(objs)
    f = []
    trailer = objs["trailer"]["value"]
    root = d.get(trailer.get("/Root"))
    if root is None:
        return ["no document catalog"]
    # Document level.
    lang = text(root.get("/Lang"))
    if not lang or not LANG_RE.match(lang):
        f.append("catalog /Lang missing or malformed (PDF/UA-1 7.2)")
    mi = d.get(root.get("/MarkInfo")) or {}
    if mi.get("/Marked") is not True:
        f.append("catalog /MarkInfo /Marked is not true (PDF/UA-1 7.1)")
    if mi.get("/Suspects") is True:
        f.append("/MarkInfo /Suspects is true (PDF/UA-1 7.1)")
    vp = d.get(root.get("/ViewerPreferences")) or {}
    if vp.get("/DisplayDocTitle") is not True:
        f.append("/ViewerPreferences /DisplayDocTitle is not true (PDF/UA-1 7.1)")
    if "/Metadata" not in root:
        f.append("no XMP metadata stream in the catalog (PDF/UA-1 5, PDF/A-2 6.6)")
    for needle, clause in ((b"<pdfuaid:part>1</pdfuaid:part>", "PDF/UA-1 5"),
                           (b"<pdfaid:part>2</pdfaid:part>", "PDF/A-2 6.6.4"),
                           (b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>", "PDF/A-2 6.6.2.3"),
                           (b"<dc:title>", "PDF/UA-1 7.1")):
        if needle not in raw:
            f.append("XMP lacks %s (%s)" % (needle.decode(), clause))
    ois = d.get(root.get("/OutputIntents")) or []
    if not any((d.get(oi) or {}).get("/S") == "/GTS_PDFA1" and
               "/DestOutputProfile" in (d.get(oi) or {}) for oi in ois):
        f.append("no GTS_PDFA1 output intent with a profile (PDF/A-2 6.2.3)")
    if "/Encrypt" in trailer:
        f.append("the file is encrypted (PDF/A-2 6.1.3)")
    if not trailer.get("/ID"):
        f.append("no trailer /ID (PDF/A-2 6.1.3)")
    info = d.get(trailer.get("/Info")) or {}
    if not text(info.get("/Title")):
        f.append("no document title in /Info (PDF/UA-1 7.1)")
    for k in ("/CreationDate", "/ModDate"):
        if k in info and not (text(info[k]) or "").startswith("D:"):
            f.append("/Info %s is not a PDF date (ISO 32000-1 7.9.4)" % k)

    # Structure tree, in pre-order.
    str_root = d.get(root.get("/StructTreeRoot"))
    if str_root is None:
        f.append("no structure tree (PDF/UA-1 7.1)")
        return f
    heads, figures, links = [], 0, 0
    annots_in_tree = set()

    def walk(k, depth, parent_s=None):
        nonlocal figures, links
        if depth > 200:
            f.append("structure tree too deep (a cycle?)")
            return
        ref = k if isinstance(k, str) else None
        v = d.get(k)
        if isinstance(v, list):
            for x in v:
                walk(x, depth + 1, parent_s)
            return
        if not isinstance(v, dict):
            return  # an MCID
        if v.get("/Type") == "/OBJR":
            annots_in_tree.add(v.get("/Obj"))
            return
        if v.get("/Type") == "/MCR":
            return
        s = v.get("/S")
        if s == "/Figure":
            figures += 1
            if not (text(v.get("/Alt")) or "").strip():
                f.append("Figure %s has no /Alt (PDF/UA-1 7.3)" % (ref or "?"))
        m = re.match(r"^/H([1-6])$", s or "")
        if m:
            heads.append(int(m.group(1)))
        if s == "/H":
            f.append("an H element: use H1-H6 only (PDF/UA-1 7.4.4)")
        if s == "/Link":
            links += 1
        if s == "/TH":
            a = d.get(v.get("/A")) or {}
            if d.get(a.get("/Scope")) not in ("/Row", "/Column", "/Both") \
                    and "/Headers" not in v:
                f.append("TH %s has no /Scope (PDF/UA-1 7.5)" % (ref or "?"))
        if s in ("/TH", "/TD") and parent_s != "/TR":
            f.append("%s %s is not in a TR (PDF/UA-1 7.2, ISO 32000-1 14.8.4.3.4)"
                     % (s, ref or "?"))
        if s == "/TR" and parent_s not in ("/Table", "/THead", "/TBody", "/TFoot"):
            f.append("TR %s is not in a table (ISO 32000-1 14.8.4.3.4)" % (ref or "?"))
        if s == "/LI" and parent_s != "/L":
            f.append("LI %s is not in an L (ISO 32000-1 14.8.4.3.3)" % (ref or "?"))
        if "/K" in v:
            walk(v["/K"], depth + 1, s)

    walk(str_root.get("/K"), 0)
    prev = 0
    for i, h in enumerate(heads):
        if h > prev + 1:
            f.append("heading %d is H%d after H%d: a level is skipped (PDF/UA-1 7.4.2)"
                     % (i + 1, h, prev))
        prev = h

    # The outline matches the H1-H3 headings, level for level.
    outline = []
    ol = d.get(root.get("/Outlines")) or {}

    def walk_ol(item, level, n=0):
        while item and n < 10000:
            it = d.get(item)
            outline.append(level)
            if "/First" in it:
                walk_ol(it["/First"], level + 1)
            item = it.get("/Next")
            n += 1

    if "/First" in ol:
        walk_ol(ol["/First"], 1)
    h3 = [h for h in heads if h <= 3]
    o3 = [lv for lv in outline if lv <= 3]
    if h3 != o3:
        f.append("outline levels %s... do not match headings H1-H3 %s... (%d vs %d entries)"
                 % (o3[:12], h3[:12], len(o3), len(h3)))

    # Pages and annotations.
    pages = d.get(d.get(root["/Pages"]).get("/Kids"))
    n_annots = 0

    def page_list(kids, out):
        for k in kids:
            p = d.get(k)
            if p.get("/Type") == "/Pages":
                page_list(d.get(p["/Kids"]), out)
            else:
                out.append(p)
        return out

    for i, p in enumerate(page_list(pages, [])):
        annots = d.get(p.get("/Annots")) or []
        if annots and p.get("/Tabs") != "/S":
            f.append("page %d has annotations but no /Tabs /S (PDF/UA-1 7.18.3)" % (i + 1))
        for a in annots:
            av = d.get(a)
            if av.get("/Subtype") != "/Link":
                continue
            n_annots += 1
            if not (text(av.get("/Contents")) or "").strip():
                f.append("page %d: a link without /Contents (PDF/UA-1 7.18.5)" % (i + 1))
            if a not in annots_in_tree:
                f.append("page %d: a link annotation outside the structure tree "
                         "(PDF/UA-1 7.18.5)" % (i + 1))
            if av.get("/F") != 4:
                f.append("page %d: a link annotation not flagged Print (PDF/A-2 6.3.2)"
                         % (i + 1))
        res = d.get(p.get("/Resources")) or {}
        for fk, fr in (d.get(res.get("/Font")) or {}).items():
            font = d.get(fr) or {}
            for df in d.get(font.get("/DescendantFonts")) or []:
                dv = d.get(df)
                if dv.get("/Subtype") == "/CIDFontType2" and "/CIDToGIDMap" not in dv:
                    f.append("font %s: CIDFontType2 without /CIDToGIDMap (PDF/UA-1 7.21.3.2)"
                             % fk)
    print("checked: %d headings, %d figures, %d links, %d outline entries"
          % (len(heads), figures, n_annots, len(outline)), file=sys.stderr)
    return sorted(set(f))


PAINT = {b"Tj", b"TJ", b"'", b'"', b"Do", b"sh", b"S", b"s", b"f", b"F", b"f*", b"B",
         b"B*", b"b", b"b*", b"BI"}
WS = b" \t\r\n\f\0"
DELIM = b"()<>[]{}/%"


def content_findings(data, page):
    """Painting operators outside any MCID or Artifact sequence, and MCID
    sequences inside an Artifact (PDF/UA-1 7.1), in one page's content."""
    f, stack, operands, i, n = [], [], [], 0, len(data)
    untagged = 0
    while i < n:
        c = data[i:i + 1]
        if c in (b" ", b"\t", b"\r", b"\n", b"\f", b"\0"):
            i += 1
        elif c == b"%":
            while i < n and data[i:i + 1] not in (b"\r", b"\n"):
                i += 1
        elif c == b"(":
            depth, j = 0, i
            while j < n:
                ch = data[j:j + 1]
                if ch == b"\\":
                    j += 2
                    continue
                depth += ch == b"("
                depth -= ch == b")"
                j += 1
                if depth == 0:
                    break
            operands.append(data[i:j])
            i = j
        elif data[i:i + 2] in (b"<<", b">>"):
            operands.append(data[i:i + 2])
            i += 2
        elif c == b"<":
            j = data.index(b">", i) + 1
            operands.append(data[i:j])
            i = j
        elif c in (b"[", b"]", b"{", b"}", b">"):
            i += 1
        else:
            j = i + 1 if c == b"/" else i
            while j < n and data[j] not in WS and data[j] not in DELIM:
                j += 1
            tok = data[i:j]
            i = max(j, i + 1)
            if c == b"/" or re.match(rb"^[+-]?[0-9.]+$", tok):
                operands.append(tok)
                continue
            if tok == b"BI":
                k = data.find(b"EI", i)
                while k > 0 and not (data[k - 1:k] in (b" ", b"\n", b"\r")):
                    k = data.find(b"EI", k + 1)
                i = k + 2 if k > 0 else n
            if tok in (b"BDC", b"BMC"):
                tag = operands[0] if operands else b""
                props = b" ".join(operands[1:])
                kind = "artifact" if tag == b"/Artifact" else \
                    "mcid" if b"/MCID" in props else "other"
                if kind == "mcid" and "artifact" in stack:
                    f.append("page %d: tagged content inside an artifact (PDF/UA-1 7.1)" % page)
                stack.append(kind)
            elif tok == b"EMC":
                if stack:
                    stack.pop()
            elif tok in PAINT and "mcid" not in stack and "artifact" not in stack:
                untagged += 1
            operands = []
    if untagged:
        f.append("page %d: %d painting operators neither tagged nor artifacts (PDF/UA-1 7.1)"
                 % (page, untagged))
    return f


def check_content(path):
    out = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                          "--decode-level=generalized", path],
                         check=True, capture_output=True).stdout
    objs = json.loads(out)["qpdf"][1]
    d = Doc(objs)
    root = d.get(objs["trailer"]["value"]["/Root"])
    f, pages, todo = [], [], [root["/Pages"]]
    while todo:
        p = d.get(todo.pop(0))
        if p.get("/Type") == "/Pages":
            todo = list(d.get(p["/Kids"])) + todo
        else:
            pages.append(p)
    for i, p in enumerate(pages):
        cs = p.get("/Contents")
        refs = cs if isinstance(cs, list) else [cs]
        data = b""
        for r in refs:
            e = objs.get("obj:" + r, {}).get("stream", {})
            data += base64.b64decode(e.get("data", "")) + b"\n"
        f += content_findings(data, i + 1)
    return f


def broken_copies(objs):
    """Deliberately broken structures: (what, objs) each checker must catch."""
    def find(pred):
        for k, e in objs.items():
            v = e.get("value")
            if isinstance(v, dict) and pred(v):
                return k
        return None

    out = []
    c = copy.deepcopy(objs)
    k = find(lambda v: v.get("/S") == "/Figure" and "/Alt" in v)
    if k:
        del c[k]["value"]["/Alt"]
        out.append(("a Figure without /Alt", c))
    c = copy.deepcopy(objs)
    k = find(lambda v: v.get("/S") == "/H2")
    if k:
        c[k]["value"]["/S"] = "/H3"
        out.append(("an H2 turned into H3 (skipped level)", c))
    c = copy.deepcopy(objs)
    k = find(lambda v: v.get("/S") == "/TH" and "/A" in v)
    if k:
        del c[k]["value"]["/A"]
        out.append(("a TH without /Scope", c))
    c = copy.deepcopy(objs)
    root = objs["trailer"]["value"]["/Root"]
    del c["obj:" + root]["value"]["/Lang"]
    out.append(("no /Lang", c))
    c = copy.deepcopy(objs)
    k = find(lambda v: v.get("/Subtype") == "/Link" and "/Contents" in v)
    if k:
        del c[k]["value"]["/Contents"]
        out.append(("a link without /Contents", c))
    c = copy.deepcopy(objs)
    c["obj:" + root]["value"]["/ViewerPreferences"] = {}
    out.append(("no DisplayDocTitle", c))
    return out


def main(argv):
    self_test = "--self-test" in argv
    paths = [a for a in argv[1:] if a != "--self-test"]
    if len(paths) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    objs, raw = load(paths[0])
    findings = check(objs, raw) + check_content(paths[0])
    for x in findings:
        print("%s: %s" % (paths[0], x))
    rc = 1 if findings else 0
    if self_test:
        controls = broken_copies(objs)
        if len(controls) < 4:
            print("self-test: only %d broken copies could be made" % len(controls))
            rc = 1
        for what, c in controls:
            got = check(c, raw)
            if not got:
                print("self-test: the checker missed %s" % what)
                rc = 1
            else:
                print("self-test: %s -> %s" % (what, got[0]), file=sys.stderr)
        # Content: a running head left unmarked, and tagged content
        # inside an artifact.
        bad = b"/Artifact BMC\nBT (page 2) Tj ET\nEMC\nBT (Titre courant) Tj ET\n" \
              b"/Artifact BMC /P <</MCID 0>> BDC BT (x) Tj ET EMC EMC\n"
        got = content_findings(bad, 1)
        if len(got) != 2:
            print("self-test: the content check found %s in a broken page" % got)
            rc = 1
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv))
