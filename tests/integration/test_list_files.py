"""The operational lists as files a spreadsheet opens as they are
(docs/spec-reference.md, "The list files"): report-specs/operational.yaml
on the demo data, in its own French locale and in English, each list's
XLSX read back with zipfile and xml.etree (xlsx_reader.py) and its CSV in
its dialect, both checked cell by cell against the list in kpis.json.

The spec is run with one change: the suggested action of a move holds a
';', a ',' and quotes, so that the CSV's quoting is put to the test in
both dialects."""

import datetime
import decimal
import json
import math
import os
import unittest

import vigie_testlib as lib
import xlsx_reader

LIST_KEY = "integration-test-list-key"
SHIPPED_ACTION = "Proposer le transfert du contrat à la nouvelle adresse"
ACTION = 'Proposer le transfert ; "urgent", à la nouvelle adresse'
LISTS = ["alert_1m", "alert_2m", "failed_journeys", "life_moment_list"]
# Day 0 of Excel's 1900 date system, as the days of a cell count.
EXCEL_DAY_ZERO = datetime.datetime(1899, 12, 30)
MAX_WIDTH = 60
# The number formats of the documentation's table, by kpis.json column
# type (and unit "ratio").
FORMATS = {"string": "@", "int": "0", "decimal": "#,##0.00",
           "double": "#,##0.00", "ratio": "0.0%"}


def spec_text(locale):
    text = lib.source_path("report-specs", "operational.yaml").read_text(
        encoding="utf-8")
    shipped = f'"{SHIPPED_ACTION}"'
    assert shipped in text, "operational.yaml's moving action changed"
    assert "locale: fr_FR\n" in text, "operational.yaml's locale changed"
    quoted = '"' + ACTION.replace('"', '\\"') + '"'
    return text.replace(shipped, quoted).replace(
        "locale: fr_FR\n", f"locale: {locale}\n")


def excel_day(iso):
    """The day number Excel holds for a local time written with its offset
    ("2026-10-03T14:05:09+02:00"): the wall-clock time, as days."""
    local = datetime.datetime.fromisoformat(iso).replace(tzinfo=None)
    return (local - EXCEL_DAY_ZERO) / datetime.timedelta(days=1)


def format_of(column):
    return FORMATS["ratio" if column["unit"] == "ratio" else column["type"]]


class ListFilesTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("list-files")
        data = lib.make_demo_data(cls.dir / "data")
        env = lib.clean_environment(VIGIE_DEMO_DATA=data,
                                    VIGIE_LIST_KEY=LIST_KEY)
        cls.env = env
        cls.runs = {}
        for locale in ("fr_FR", "en_GB"):
            spec = lib.write_spec(cls.dir / f"{locale}.yaml",
                                  spec_text(locale))
            out = cls.dir / f"out-{locale}"
            result = lib.run_vigie(cls.run_args(spec, out), env=env)
            cls.runs[locale] = (result, out)

    @staticmethod
    def run_args(spec, out):
        return ["run", spec, "--period", lib.DEMO_PERIOD, "--out", out, "-q"]

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def output(self, locale):
        result, out = self.runs[locale]
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return out

    def lists(self, locale):
        """{id: list KPI of kpis.json}, every list of the spec there."""
        with open(self.output(locale) / "kpis.json", encoding="utf-8") as f:
            kpis = json.load(f)["kpis"]
        lists = {k["id"]: k for k in kpis if k["kind"] == "list"}
        self.assertEqual(sorted(lists), LISTS)
        return lists

    # ---- XLSX -----------------------------------------------------------

    def test_each_list_is_a_workbook_of_typed_cells(self):
        seen = set()
        for name, kpi in self.lists("fr_FR").items():
            with self.subTest(list=name):
                book = xlsx_reader.Workbook(
                    self.output("fr_FR") / "lists" / f"{name}.xlsx")
                self.assertEqual(book.sheet_name, name)
                cells = book.cells()
                columns = kpi["columns"]
                # The header: the column names, bold.
                for i, column in enumerate(columns):
                    self.assertEqual(cells[0, i],
                                     xlsx_reader.Cell("text", column["name"],
                                                      "General", True))
                self.assertGreater(len(kpi["rows"]), 0)
                filled = {(0, i) for i in range(len(columns))}
                for r, row in enumerate(kpi["rows"]):
                    for i, (column, value) in enumerate(zip(columns, row)):
                        cell = cells.get((r + 1, i))
                        self.check_cell(column, value, cell, f"{r + 1},{i}")
                        if value is not None:
                            seen.add((column["type"], column["unit"]))
                            filled.add((r + 1, i))
                # Nothing else: a null is an empty cell, and there is no
                # cell beyond the list.
                self.assertEqual(set(cells), filled)
        # Every kind of cell the documentation promises was met.
        self.assertLessEqual({("string", ""), ("timestamp", ""),
                              ("decimal", ""), ("double", ""), ("int", "")},
                             seen)

    def check_cell(self, column, value, cell, where):
        if value is None:
            self.assertIsNone(cell, where)
            return
        self.assertIsNotNone(cell, where)
        kind = column["type"]
        if kind == "string":
            # Ids and keys stay text, whatever digits they hold.
            self.assertEqual(cell, xlsx_reader.Cell("text", value, "@",
                                                    False), where)
            return
        self.assertEqual(cell.kind, "number", where)
        if kind == "timestamp":
            self.assertIn(cell.format, ("yyyy-mm-dd hh:mm", "yyyy-mm-dd"),
                          where)
            # To the millisecond: a day is 86400 s.
            self.assertAlmostEqual(cell.value, excel_day(value),
                                   delta=0.001 / 86400, msg=where)
            return
        self.assertEqual(cell.format, format_of(column), where)
        if kind == "int":
            self.assertEqual(cell.value, value, where)
        elif kind == "decimal":
            # The exact decimal's nearest double, written to 15 digits or
            # more.
            self.assertTrue(math.isclose(cell.value,
                                         float(decimal.Decimal(value)),
                                         rel_tol=1e-15), where)
        else:
            self.assertTrue(math.isclose(cell.value, value, rel_tol=1e-15),
                            where)

    def test_the_header_is_frozen_under_a_filter_and_columns_fit(self):
        for name, kpi in self.lists("fr_FR").items():
            with self.subTest(list=name):
                book = xlsx_reader.Workbook(
                    self.output("fr_FR") / "lists" / f"{name}.xlsx")
                pane = book.frozen_pane()
                self.assertEqual(pane.get("state"), "frozen")
                self.assertEqual(pane.get("ySplit"), "1")
                self.assertEqual(pane.get("topLeftCell"), "A2")
                self.assertNotIn("xSplit", pane)
                columns = kpi["columns"]
                last = xlsx_reader.column_letters(len(columns) - 1)
                self.assertEqual(book.autofilter(),
                                 f"A1:{last}{len(kpi['rows']) + 1}")
                widths = book.column_widths()
                self.assertEqual(sorted(widths), list(range(len(columns))))
                for i, column in enumerate(columns):
                    width = widths[i]
                    self.assertLessEqual(width, MAX_WIDTH, column["name"])
                    # The header and the filter's button beside it.
                    self.assertGreaterEqual(
                        width, min(len(column["name"]) + 3, MAX_WIDTH),
                        column["name"])
                    if column["type"] == "string":
                        longest = max(len(row[i] or "")
                                      for row in kpi["rows"])
                        self.assertGreaterEqual(
                            width, min(longest, MAX_WIDTH), column["name"])

    # ---- CSV ------------------------------------------------------------

    def check_csv(self, locale, bom, separator, decimal_mark):
        marks_seen = 0
        for name, kpi in self.lists(locale).items():
            with self.subTest(locale=locale, list=name):
                listed = lib.read_list_csv(
                    self.output(locale) / "lists" / f"{name}.csv")
                self.assertEqual(listed.bom, bom)
                self.assertEqual(listed.separator, separator)
                columns = kpi["columns"]
                self.assertEqual(listed.header, [c["name"] for c in columns])
                self.assertEqual(len(listed.rows), len(kpi["rows"]))
                for got, row in zip(listed.rows, kpi["rows"]):
                    self.assertEqual(len(got), len(columns))
                    for text, column, value in zip(got, columns, row):
                        self.check_csv_text(text, column, value,
                                            decimal_mark)
                        if column["type"] in ("decimal", "double"):
                            marks_seen += decimal_mark in text
        # The decimal mark was used, not merely never needed.
        self.assertGreater(marks_seen, 0)

    def check_csv_text(self, text, column, value, decimal_mark):
        """`text` is kpis.json's `value` as a list CSV writes it."""
        where = f"{column['name']}: {text!r}"
        if value is None:
            self.assertEqual(text, "", where)
        elif column["type"] == "decimal":
            # kpis.json holds a decimal's exact text.
            self.assertEqual(text, value.replace(".", decimal_mark), where)
        elif column["type"] == "double":
            other = "," if decimal_mark == "." else "."
            self.assertNotIn(other, text, where)
            self.assertEqual(float(text.replace(decimal_mark, ".")), value,
                             where)
        elif column["type"] == "int":
            self.assertEqual(text, str(value), where)
        else:
            self.assertEqual(text, value, where)

    def test_a_french_report_writes_a_french_spreadsheets_csv(self):
        self.check_csv("fr_FR", True, ";", ",")

    def test_an_english_report_writes_rfc_4180_commas_and_dots(self):
        self.check_csv("en_GB", False, ",", ".")

    def test_a_field_holding_the_separator_is_quoted(self):
        for locale, separator in (("fr_FR", ";"), ("en_GB", ",")):
            with self.subTest(locale=locale):
                path = self.output(locale) / "lists" / "life_moment_list.csv"
                raw = path.read_text(encoding="utf-8-sig")
                self.assertIn(separator + '"' + ACTION.replace('"', '""')
                              + '"' + separator, raw)
                rows = lib.read_list_csv(path).rows
                actions = [row[3] for row in rows]
                self.assertIn(ACTION, actions)

    def test_the_xlsx_does_not_depend_on_the_locale(self):
        # The spreadsheet shows numbers and dates its own way: the cells
        # of both reports are the same.
        for name in LISTS:
            with self.subTest(list=name):
                french, english = (
                    xlsx_reader.Workbook(
                        self.output(locale) / "lists" / f"{name}.xlsx").cells()
                    for locale in ("fr_FR", "en_GB"))
                self.assertEqual(french, english)

    def test_a_full_disk_under_an_xlsx_keeps_the_previous_report(self):
        # The workbook is made in memory and written like every file of a
        # report: a write refused with ENOSPC (fail_writes.cpp) is exit 5
        # naming the file, and the folder keeps its previous report.
        if not lib.PATHS.fail_writes:
            self.skipTest("no --fail-writes library given")
        out = self.output("fr_FR")
        before = {p: lib.sha256_of(p) for p in lib.files_under(out)}
        env = dict(self.env, LD_PRELOAD=lib.PATHS.fail_writes,
                   FAIL_WRITES_TO="alert_2m.xlsx",
                   ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "")
                   + ":verify_asan_link_order=0")
        result = lib.run_vigie(self.run_args(self.dir / "fr_FR.yaml", out),
                               env=env)
        self.assertEqual(result.returncode, 5, lib.describe(result))
        self.assertRegex(result.stderr,
                         r"cannot write \S*/lists/alert_2m\.xlsx: "
                         r"No space left on device")
        self.assertEqual({p: lib.sha256_of(p) for p in lib.files_under(out)},
                         before)


if __name__ == "__main__":
    lib.main()
