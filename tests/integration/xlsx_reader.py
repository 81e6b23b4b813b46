"""An XLSX workbook read back with the standard library only (zipfile and
xml.etree; openpyxl is not a Debian package the tests may count on): the
first worksheet's cells with their type and number format, its frozen
pane, autofilter and column widths. Enough to check what Vigie writes
(docs/spec-reference.md, "The list files"), not a general reader."""

import collections
import re
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RELATIONSHIP = ("{http://schemas.openxmlformats.org/officeDocument/2006/"
                "relationships}id")
PACKAGE_RELATIONSHIP = ("{http://schemas.openxmlformats.org/package/2006/"
                        "relationships}")

# The number formats Excel has built in, by id, among those a cell may use
# without a <numFmt> of its own (ECMA-376 part 1, 18.8.30).
BUILT_IN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0",
                    4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "mm-dd-yy",
                    22: "m/d/yy h:mm", 49: "@"}

# A cell: `kind` is "text" (shared or inline string), "number" or "bool";
# `value` a str, a float or a bool; `format` its number format code;
# `bold` whether its font is bold.
Cell = collections.namedtuple("Cell", "kind value format bold")


def column_index(letters):
    """"A" -> 0, "AA" -> 26."""
    n = 0
    for letter in letters:
        n = n * 26 + ord(letter) - ord("A") + 1
    return n - 1


def cell_position(reference):
    """"B3" -> (2, 1): the 0-based row and column."""
    letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", reference).groups()
    return int(digits) - 1, column_index(letters)


def text_of(element):
    """The text of an <si> or <is>: its <t>, or its rich-text runs' <t>."""
    return "".join(t.text or "" for t in element.iter(MAIN + "t"))


class Workbook:

    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            self.members = {name: z.read(name) for name in z.namelist()}
        workbook = ET.fromstring(self.members["xl/workbook.xml"])
        sheet = workbook.find(f"{MAIN}sheets/{MAIN}sheet")
        self.sheet_name = sheet.get("name")
        self.sheet = ET.fromstring(self.members[self._target(sheet)])
        self.shared = self._shared_strings()
        self.styles = self._styles()

    def _target(self, sheet):
        """The member of the worksheet the workbook's relationship names."""
        rels = ET.fromstring(self.members["xl/_rels/workbook.xml.rels"])
        wanted = sheet.get(RELATIONSHIP)
        for rel in rels.iter(PACKAGE_RELATIONSHIP + "Relationship"):
            if rel.get("Id") == wanted:
                target = rel.get("Target")
                return target.lstrip("/") if target.startswith("/") \
                    else "xl/" + target
        raise KeyError(wanted)

    def _shared_strings(self):
        if "xl/sharedStrings.xml" not in self.members:
            return []
        root = ET.fromstring(self.members["xl/sharedStrings.xml"])
        return [text_of(si) for si in root.iter(MAIN + "si")]

    def _styles(self):
        """(format code, bold) of each cell style, by index."""
        root = ET.fromstring(self.members["xl/styles.xml"])
        formats = dict(BUILT_IN_FORMATS)
        for f in root.iter(MAIN + "numFmt"):
            formats[int(f.get("numFmtId"))] = f.get("formatCode")
        bold = [font.find(MAIN + "b") is not None
                for font in root.find(MAIN + "fonts")]
        styles = []
        for xf in root.find(MAIN + "cellXfs"):
            styles.append((formats.get(int(xf.get("numFmtId", "0"))),
                           bold[int(xf.get("fontId", "0"))]))
        return styles

    def cells(self):
        """{(row, column): Cell}, 0-based; a cell with no value is absent."""
        out = {}
        for c in self.sheet.iter(MAIN + "c"):
            kind = c.get("t", "n")
            value = c.find(MAIN + "v")
            if kind == "inlineStr":
                cell_value, kind = text_of(c.find(MAIN + "is")), "text"
            elif value is None:
                continue
            elif kind == "s":
                cell_value, kind = self.shared[int(value.text)], "text"
            elif kind == "str":
                cell_value, kind = value.text or "", "text"
            elif kind == "b":
                cell_value, kind = value.text == "1", "bool"
            else:
                cell_value, kind = float(value.text), "number"
            code, bold = self.styles[int(c.get("s", "0"))]
            out[cell_position(c.get("r"))] = Cell(kind, cell_value, code, bold)
        return out

    def frozen_pane(self):
        """The <pane> attributes of the first sheet view, or {}."""
        pane = self.sheet.find(f"{MAIN}sheetViews/{MAIN}sheetView/{MAIN}pane")
        return dict(pane.attrib) if pane is not None else {}

    def autofilter(self):
        """The autofilter's range ("A1:F120"), or None."""
        f = self.sheet.find(MAIN + "autoFilter")
        return f.get("ref") if f is not None else None

    def column_widths(self):
        """{column index: width} of the columns given one."""
        widths = {}
        for col in self.sheet.iter(MAIN + "col"):
            for i in range(int(col.get("min")), int(col.get("max")) + 1):
                widths[i - 1] = float(col.get("width"))
        return widths

    def text(self):
        """Every XML member's text, for leak checks."""
        return "\n".join(data.decode("utf-8", errors="replace")
                         for name, data in sorted(self.members.items())
                         if name.endswith(".xml") or name.endswith(".rels"))


def column_letters(index):
    """0 -> "A", 26 -> "AA"."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
