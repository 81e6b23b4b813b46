"""The report plan's projection in real runs: an indicator is lent only the
columns its requested KPIs declare (plugins/testing/column_probe lists the
columns it received), columns no KPI reads are still checked at ingest so
that the rejects stay the same, and the demo reports' figures do not move.

How a projected run is compared with an unprojected one without a switch
the engine would carry for tests: a KPI that declares no reads is lent
every column of every dataset its indicator takes (the safe fallback), and
column_probe's `everything` takes every canonical dataset. Adding that one
KPI to a spec therefore makes the run read, type and intern every column,
and the figures of the spec's own KPIs must be the same as without it.
"""

import csv
import json
import re

import unittest

import vigie_testlib as lib

ORDERS_HEADER = ["order_id", "customer_id", "ordered_at", "amount", "margin",
                 "quantity", "product_id", "category", "channel"]


def probe_spec(source_lines, kpis):
    kpi_lines = "\n".join(f"  - {{id: {k}, indicator: column_probe}}"
                          for k in kpis)
    return f"""\
report: {{id: projection, title: "Projection", time_zone: UTC,
         reject_threshold: 0.5}}
sources:
{source_lines}
kpis:
{kpi_lines}
sections:
  - title: "S"
    blocks:
      - table: {kpis[0]}
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""


def with_probe(spec_text):
    """The spec with column_probe's `everything` added to its KPIs."""
    probe = "  - {id: everything, indicator: column_probe}\n"
    text, count = re.subn(r"(?m)^kpis:\n", "kpis:\n" + probe, spec_text)
    assert count == 1
    return text


class ProjectionTest(unittest.TestCase):

    def setUp(self):
        self.dir = lib.make_temp_dir("projection")
        self.addCleanup(lib.remove_temp_dir, self.dir)

    def write_orders(self, rows):
        path = self.dir / "orders.csv"
        with open(path, "w", newline="", encoding="utf-8",
                  errors="surrogateescape") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(ORDERS_HEADER)
            out.writerows(rows)
        return path

    def run_spec(self, name, text, env=None):
        spec = lib.write_spec(self.dir / f"{name}.yaml", text)
        out = self.dir / f"out-{name}"
        result = lib.run_vigie(["run", spec, "--period", "2026-10", "--out",
                                out, "--quiet", "--plugin-path",
                                lib.PATHS.test_plugins], env=env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        with open(out / "kpis.json", encoding="utf-8") as f:
            return result, out, json.load(f)

    @staticmethod
    def received(kpis_json, kpi):
        table = next(k for k in kpis_json["kpis"] if k["id"] == kpi)
        return [tuple(r) for r in table["rows"]]

    def orders_source(self, path):
        return (f"  - {{id: orders, connector: csv, dataset: orders, "
                f"config: {{path: \"{path}\"}}}}")

    def test_a_kpi_gets_the_columns_it_declares_only(self):
        path = self.write_orders([
            ["o1", "K1", "2026-10-02T10:00:00", "12.50", "3.00", "1", "p1",
             "c1", "web"]])
        _, _, kpis = self.run_spec(
            "declared", probe_spec(self.orders_source(path),
                                   ["order_amounts"]))
        # In the dataset's canonical order, whatever the declaration's.
        self.assertEqual(self.received(kpis, "order_amounts"),
                         [("orders", "ordered_at"), ("orders", "amount")])

    def test_a_kpi_without_reads_gets_every_column(self):
        path = self.write_orders([
            ["o1", "K1", "2026-10-02T10:00:00", "12.50", "3.00", "1", "p1",
             "c1", "web"]])
        _, _, kpis = self.run_spec(
            "fallback", probe_spec(self.orders_source(path),
                                   ["order_amounts", "everything"]))
        every = [("orders", c) for c in ORDERS_HEADER]
        self.assertEqual(self.received(kpis, "everything"), every)
        # One instance for both KPIs: the union is lent to it.
        self.assertEqual(self.received(kpis, "order_amounts"), every)

    def test_rejects_are_the_same_whatever_is_read(self):
        good = ["o1", "K1", "2026-10-02T10:00:00", "12.50", "3.00", "1",
                "p1", "c1", "web"]
        rows = [good] * 8 + [
            # Unread by order_amounts: a required id left empty, an id
            # that is not UTF-8, a NUL in a category, a quantity that is
            # not a number.
            ["", "K2", "2026-10-03T10:00:00", "1.00", "", "", "", "", ""],
            ["o\udce9", "K3", "2026-10-03T11:00:00", "1.00", "", "", "", "",
             ""],
            ["o4", "K4", "2026-10-03T12:00:00", "1.00", "", "", "", "c\0",
             ""],
            ["o5", "K5", "2026-10-03T13:00:00", "1.00", "", "x", "", "", ""],
            # Read: an amount that is not a number.
            ["o6", "K6", "2026-10-03T14:00:00", "abc", "", "", "", "", ""],
        ]
        path = self.write_orders(rows)
        source = self.orders_source(path)
        projected, _, _ = self.run_spec(
            "projected", probe_spec(source, ["order_amounts"]))
        full, _, _ = self.run_spec(
            "full", probe_spec(source, ["order_amounts", "everything"]))
        rejects_projected = (self.dir / "out-projected" /
                             "rejects.csv").read_text(encoding="utf-8")
        rejects_full = (self.dir / "out-full" /
                        "rejects.csv").read_text(encoding="utf-8")
        self.assertEqual(rejects_projected, rejects_full)
        self.assertEqual(rejects_projected.count("\n"), 1 + 5)
        counts = re.compile(r"(\d+) row\(s\) read, (\d+) rejected")
        self.assertEqual(counts.search(projected.stdout).groups(),
                         ("13", "5"))
        self.assertEqual(counts.search(full.stdout).groups(), ("13", "5"))

    def test_validate_builds_the_plan_a_run_builds(self):
        path = self.write_orders([])
        text = probe_spec(self.orders_source(path),
                          ["order_amounts", "misread"])
        spec = lib.write_spec(self.dir / "misread.yaml", text)
        # The KPI's entry: line 7 of the spec, after the one source.
        where = f"{spec}:7:5: kpis[1]: "
        checked = lib.run_vigie(["validate", spec, "--plugin-path",
                                 lib.PATHS.test_plugins])
        self.assertEqual(checked.returncode, 2, lib.describe(checked))
        self.assertIn(where, checked.stderr)
        self.assertIn("'orders.no_such_column'", checked.stderr)
        out = self.dir / "out-misread"
        run = lib.run_vigie(["run", spec, "--period", "2026-10", "--out", out,
                             "--quiet", "--plugin-path",
                             lib.PATHS.test_plugins])
        self.assertEqual(run.returncode, 2, lib.describe(run))
        self.assertIn(where, run.stderr)


class DemoProjectionTest(unittest.TestCase):
    """Both shipped specs, projected, against the same with every column
    read: the same figures, rejects and row counts."""

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("projection-demo")
        cls.data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(
            VIGIE_DEMO_DATA=cls.data,
            VIGIE_LIST_KEY="projection-test-key-0123456789")

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def run_text(self, name, text):
        spec = lib.write_spec(self.dir / f"{name}.yaml", text)
        out = self.dir / f"out-{name}"
        result = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                "--out", out, "--quiet", "--plugin-path",
                                lib.PATHS.test_plugins], env=self.env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        with open(out / "kpis.json", encoding="utf-8") as f:
            kpis = json.load(f)
        # Written only when some row was rejected.
        rejects = out / "rejects.csv"
        return result, kpis, (rejects.read_text(encoding="utf-8")
                              if rejects.exists() else "")

    def check(self, name):
        text = lib.source_path("report-specs",
                               f"{name}.yaml").read_text(encoding="utf-8")
        projected, kpis, rejects = self.run_text(name, text)
        full, kpis_full, rejects_full = self.run_text(f"{name}-full",
                                                      with_probe(text))
        # The probe read every column of every dataset the spec fills.
        everything = next(k for k in kpis_full["kpis"]
                          if k["id"] == "everything")
        self.assertIn(["orders", "product_id"], everything["rows"])
        figures_full = [k for k in kpis_full["kpis"]
                        if k["id"] != "everything"]
        self.assertEqual(kpis["kpis"], figures_full)
        self.assertEqual(kpis["data_quality"], kpis_full["data_quality"])
        self.assertEqual(rejects, rejects_full)
        counts = re.compile(r"(\d+) row\(s\) read, (\d+) rejected")
        self.assertEqual(counts.search(projected.stdout).groups(),
                         counts.search(full.stdout).groups())

    def test_management(self):
        self.check("management")

    def test_operational(self):
        self.check("operational")


if __name__ == "__main__":
    lib.main()
