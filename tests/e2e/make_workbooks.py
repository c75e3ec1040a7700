#!/usr/bin/env python3
"""Write the sample's CSV tables as .xlsx or .ods workbooks, the way Excel
and LibreOffice Calc store them, for tests/e2e/spreadsheets.sh.

    make_workbooks.py xlsx|ods SRC_DIR DST_DIR

Each of kpa, activite and finances becomes DST_DIR/NAME.xlsx (or .ods) and
the CSV file is removed from DST_DIR. Cells are typed as a spreadsheet types
them: numbers as numbers (amounts "26 582,00 €" as 26582 with a currency
format), dates as dates (xlsx: serial day numbers with a date style, some
built-in, some custom "dd/mm/yy"; ods: office:date-value), text as shared
strings (xlsx) or inline strings, text:p (ods). activite gets a first sheet
"Notes" before its "Activité" sheet, so the reader must pick the sheet named
like the file; the others have one sheet "Feuille1". The ods rows end with
Calc's padding (number-columns-repeated empty cells) and the sheet with a
million repeated empty rows. Standard library only.
"""
import csv
import datetime
import io
import re
import sys
import zipfile
from xml.sax.saxutils import escape

DATE = re.compile(r"^(\d\d)/(\d\d)/(\d{4})$")
AMOUNT = re.compile(r"^\d{1,3}( \d{3})*,\d\d €$")
INT = re.compile(r"^-?\d+$")


def typed(text):
    """(kind, value): 'date' datetime.date, 'num' float/int, 'str' text."""
    m = DATE.match(text)
    if m:
        return "date", datetime.date(int(m[3]), int(m[2]), int(m[1]))
    if AMOUNT.match(text):
        return "money", float(text.replace(" ", "").replace("€", "").replace(",", "."))
    if INT.match(text) and not (len(text) > 1 and text.startswith("0")):
        return "num", int(text)
    return "str", text


def read_table(path):
    raw = open(path, encoding="utf-8-sig", newline="").read()
    return list(csv.reader(io.StringIO(raw), delimiter=";"))


def col_letters(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


# --- xlsx ---------------------------------------------------------------------

def xlsx(tables, dst):
    for name, sheets in tables.items():
        strings, index = [], {}

        def sst(t):
            if t not in index:
                index[t] = len(strings)
                strings.append(t)
            return index[t]

        parts = {}
        for n, (sheet_name, rows) in enumerate(sheets, 1):
            out = []
            for r, row in enumerate(rows, 1):
                cells = []
                for c, text in enumerate(row):
                    if text == "":
                        continue
                    ref = f"{col_letters(c)}{r}"
                    kind, v = typed(text) if r > 1 else ("str", text)
                    if kind == "date":
                        serial = (v - datetime.date(1899, 12, 30)).days
                        style = 1 if c % 2 else 2  # built-in 14, custom dd/mm/yy
                        cells.append(f'<c r="{ref}" s="{style}"><v>{serial}</v></c>')
                    elif kind == "money":
                        cells.append(f'<c r="{ref}" s="3"><v>{v!r}</v></c>')
                    elif kind == "num":
                        cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                    elif r % 7 == 0:  # some inline strings, as other writers do
                        cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
                    else:
                        cells.append(f'<c r="{ref}" t="s"><v>{sst(v)}</v></c>')
                out.append(f'<row r="{r}">{"".join(cells)}</row>')
            parts[f"xl/worksheets/sheet{n}.xml"] = (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<sheetData>{"".join(out)}</sheetData></worksheet>')
        ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        sheet_list = "".join(
            f'<sheet name="{escape(s)}" sheetId="{n}" r:id="rId{n}"/>'
            for n, (s, _) in enumerate(sheets, 1))
        rels = "".join(
            f'<Relationship Id="rId{n}" Type="{ns_r}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(sheets) + 1))
        parts["xl/workbook.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{ns_r}">'
            f'<workbookPr/><sheets>{sheet_list}</sheets></workbook>')
        parts["xl/_rels/workbook.xml.rels"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'{rels}</Relationships>')
        parts["xl/sharedStrings.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}">'
            + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings) + "</sst>")
        parts["xl/styles.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yy;@"/>'
            '<numFmt numFmtId="165" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>'
            '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
            '<xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/>'
            '</cellXfs></styleSheet>')
        parts["[Content_Types].xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with zipfile.ZipFile(f"{dst}/{name}.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
            for p, text in parts.items():
                z.writestr(p, text)


# --- ods ----------------------------------------------------------------------

ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods_cell(text, header):
    if text == "":
        return "<table:table-cell/>"
    kind, v = ("str", text) if header else typed(text)
    if kind == "date":
        return (f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}">'
                f'<text:p>{v.strftime("%d/%m/%y")}</text:p></table:table-cell>')
    if kind in ("num", "money"):
        typ = "currency" if kind == "money" else "float"
        return (f'<table:table-cell office:value-type="{typ}" office:value="{v}">'
                f'<text:p>{escape(text)}</text:p></table:table-cell>')
    # Two spaces are stored as <text:s/>; keep the text whole otherwise.
    body = escape(v).replace("  ", ' <text:s/>')
    return f'<table:table-cell office:value-type="string"><text:p>{body}</text:p></table:table-cell>'


def ods(tables, dst):
    for name, sheets in tables.items():
        out = []
        for sheet_name, rows in sheets:
            xml_rows = []
            for r, row in enumerate(rows):
                cells = "".join(ods_cell(t, r == 0) for t in row)
                # Calc pads each row to the sheet's width with one repeated cell.
                cells += '<table:table-cell table:number-columns-repeated="16364"/>'
                xml_rows.append(f"<table:table-row>{cells}</table:table-row>")
            xml_rows.append('<table:table-row table:number-rows-repeated="1048000">'
                            '<table:table-cell table:number-columns-repeated="16384"/>'
                            '</table:table-row>')
            out.append(f'<table:table table:name="{escape(sheet_name)}">'
                       '<table:table-column table:number-columns-repeated="16384"/>'
                       f'{"".join(xml_rows)}</table:table>')
        content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                   f'<office:document-content {ODS_NS} office:version="1.3"><office:body>'
                   f'<office:spreadsheet>{"".join(out)}</office:spreadsheet>'
                   '</office:body></office:document-content>')
        with zipfile.ZipFile(f"{dst}/{name}.ods", "w") as z:
            z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
            z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)


def main():
    kind, src, dst = sys.argv[1:4]
    import os
    tables = {}
    for name in ("kpa", "activite", "finances"):
        rows = read_table(f"{src}/{name}.csv")
        sheets = [("Feuille1", rows)]
        if name == "activite":
            sheets = [("Notes", [["Collecteur du réseau"], ["Voir la feuille Activité"]]),
                      ("Activité", rows)]
        tables[name] = sheets
        if os.path.exists(f"{dst}/{name}.csv"):
            os.remove(f"{dst}/{name}.csv")
    (xlsx if kind == "xlsx" else ods)(tables, dst)


if __name__ == "__main__":
    main()
