#!/usr/bin/env python3
"""Reads an .xlsx workbook with the standard library only and prints it as
JSON: {"sheets": [{"name", "frozen_rows", "rows": [[cell, ...], ...]}]},
each cell {"type": "string"|"number"|"boolean"|"empty", "value", "format"},
where format is the cell's number format code ("General" when none).
The tests read vendorcat's spreadsheets back through it."""

import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 14: "mm-dd-yy"}


def column_index(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def main(path):
    book = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in book.namelist():
        for item in ET.fromstring(book.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in item.iter("{%s}t" % NS["m"])))
    styles = ET.fromstring(book.read("xl/styles.xml"))
    codes = dict(BUILTIN_FORMATS)
    for fmt in styles.findall("m:numFmts/m:numFmt", NS):
        codes[int(fmt.get("numFmtId"))] = fmt.get("formatCode")
    cell_formats = [codes.get(int(xf.get("numFmtId", "0")), "?")
                    for xf in styles.findall("m:cellXfs/m:xf", NS)]
    relations = {rel.get("Id"): rel.get("Target")
                 for rel in ET.fromstring(book.read("xl/_rels/workbook.xml.rels")).findall("rel:Relationship", NS)}
    sheets = []
    for sheet in ET.fromstring(book.read("xl/workbook.xml")).findall("m:sheets/m:sheet", NS):
        target = relations[sheet.get("{%s}id" % NS["r"])]
        root = ET.fromstring(book.read("xl/" + target.lstrip("/").removeprefix("xl/")))
        pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
        frozen = int(float(pane.get("ySplit", "0"))) if pane is not None and pane.get("state") == "frozen" else 0
        rows = []
        for row in root.findall("m:sheetData/m:row", NS):
            cells = []
            for c in row.findall("m:c", NS):
                while len(cells) < column_index(c.get("r")):
                    cells.append({"type": "empty", "value": None, "format": "General"})
                kind = c.get("t", "n")
                raw = c.findtext("m:v", default=None, namespaces=NS)
                fmt = cell_formats[int(c.get("s", "0"))]
                if kind == "s":
                    cells.append({"type": "string", "value": strings[int(raw)], "format": fmt})
                elif kind == "b":
                    cells.append({"type": "boolean", "value": raw == "1", "format": fmt})
                elif kind in ("str", "inlineStr"):
                    text = raw if raw is not None else "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
                    cells.append({"type": "string", "value": text, "format": fmt})
                else:
                    cells.append({"type": "number", "value": float(raw), "format": fmt})
            rows.append(cells)
        sheets.append({"name": sheet.get("name"), "frozen_rows": frozen, "rows": rows})
    json.dump({"sheets": sheets}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1])
