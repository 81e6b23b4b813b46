"""How a run fails: each kind of failure has its exit code, a message that
names the culprit (source, plugin, spec position, variable), and leaves
the previous report alone."""

import csv
import json
import unittest

import vigie_testlib as lib

# A report of one tile over one CSV source of canonical orders.
CSV_SPEC = """\
report:
  id: failures
  title: "Rapport de test"
  time_zone: Europe/Paris
  reject_threshold: 0.01
sources:
  - id: shop_orders
    connector: csv
    dataset: orders
    config: {{path: "{path}"}}
kpis:
  - {{id: revenue, indicator: customer_base, label: "Chiffre d'affaires"}}
  - {{id: orders, indicator: customer_base, label: "Commandes"}}
sections:
  - title: "Ventes"
    blocks:
      - tiles: [revenue, orders]
outputs: {{pdf: true, svg: false, json: true, lists: false}}
"""


def write_orders(path, rows, bad_every):
    """`rows` canonical order lines in October 2026, one in `bad_every`
    with an amount that is no number. Returns the file lines of the bad
    rows (line 1 is the header, so data row i is on line i + 2)."""
    bad_lines = []
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["order_id", "customer_id", "ordered_at", "amount"])
        for i in range(rows):
            amount = "12.50"
            if i % bad_every == bad_every - 1:
                amount = "12,50 EUR"
                bad_lines.append(i + 2)
            day = 1 + i % 28
            out.writerow([f"O{i:05d}", f"K{i % 40:03d}",
                          f"2026-10-{day:02d}T10:00:00", amount])
    return bad_lines


class FailureTest(unittest.TestCase):

    def setUp(self):
        self.dir = lib.make_temp_dir("failures")
        self.addCleanup(lib.remove_temp_dir, self.dir)
        self.out = self.dir / "out"

    def run_spec(self, spec, *extra, env=None):
        return lib.run_vigie(["run", spec, "--period", "2026-10", "--out",
                              self.out, "-q"] + list(extra), env=env)

    def csv_spec(self, csv_path, name="spec.yaml"):
        return lib.write_spec(self.dir / name, CSV_SPEC.format(path=csv_path))

    def plugin_path(self):
        return ["--plugin-path", lib.PATHS.test_plugins]

    # ---- rejected rows -------------------------------------------------

    def test_too_many_rejects_fail_and_keep_the_previous_report(self):
        # 200 rows, one in 20 bad: 10 rejects = 5%, over the 1% threshold.
        orders = self.dir / "orders.csv"
        bad_lines = write_orders(orders, 200, 20)
        self.assertEqual(len(bad_lines), 10)
        # A report folder of a version before the .vigie-report marker.
        self.out.mkdir()
        previous = b"%PDF-1.5 the previous report"
        (self.out / "report.pdf").write_bytes(previous)

        result = self.run_spec(self.csv_spec(orders))
        self.assertEqual(result.returncode, 3, lib.describe(result))
        self.assertIn("shop_orders", result.stderr)
        self.assertIn("10 of 200", result.stderr)
        # The folder keeps its report, whole; the rejected rows are beside.
        self.assertEqual([p.name for p in self.out.iterdir()], ["report.pdf"])
        self.assertEqual((self.out / "report.pdf").read_bytes(), previous)
        evidence = self.dir / "out.rejects.csv"
        self.assertIn(str(evidence), result.stderr)

        with open(evidence, newline="", encoding="utf-8") as f:
            rejects = list(csv.DictReader(f))
        self.assertEqual(len(rejects), 10)
        self.assertEqual([int(r["line"]) for r in rejects], bad_lines)
        for reject in rejects:
            self.assertEqual(reject["source"], "shop_orders")
            self.assertIn("amount", reject["reason"])
            self.assertIn("12,50 EUR", reject["reason"])

    def test_too_many_rejects_in_an_empty_folder_leave_only_rejects(self):
        orders = self.dir / "orders.csv"
        write_orders(orders, 200, 20)
        result = self.run_spec(self.csv_spec(orders))
        self.assertEqual(result.returncode, 3, lib.describe(result))
        self.assertFalse(self.out.exists())
        self.assertEqual(sorted(p.name for p in self.dir.iterdir()
                                if p.name.startswith((".out", "out"))),
                         [".out.vigie-lock", "out.rejects.csv"])

    def test_few_rejects_are_reported_in_the_pdf(self):
        # 400 rows, one in 200 bad: 2 rejects = 0.5%, under the 1%.
        orders = self.dir / "orders.csv"
        bad_lines = write_orders(orders, 400, 200)
        self.assertEqual(bad_lines, [201, 401])

        result = self.run_spec(self.csv_spec(orders))
        self.assertEqual(result.returncode, 0, lib.describe(result))
        raw = (self.out / "rejects.csv").read_bytes()
        # RFC 4180 line ends, like every CSV Vigie writes.
        self.assertEqual(raw.count(b"\r\n"), 3)
        self.assertEqual(raw.count(b"\n"), 3)
        with open(self.out / "rejects.csv", newline="", encoding="utf-8") as f:
            rejects = list(csv.DictReader(f))
        self.assertEqual([int(r["line"]) for r in rejects], bad_lines)
        self.assertIn("rejet", lib.pdf_text(self.out / "report.pdf").lower())
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(doc["data_quality"]["rows_rejected"], 2)
        values = lib.value_kpis(doc)
        # The 398 good lines at 12.50 each: 4975.00; each line is an order.
        self.assertAlmostEqual(values["revenue"]["value"], 4975.00, places=6)
        self.assertEqual(values["orders"]["value"], 398)

    # ---- sources and plugins -------------------------------------------

    def test_a_missing_file_is_a_source_error(self):
        missing = self.dir / "no-such-orders.csv"
        result = self.run_spec(self.csv_spec(missing))
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("shop_orders", result.stderr)
        self.assertIn(str(missing), result.stderr)
        self.assertFalse((self.out / "report.pdf").exists())

    def test_a_connector_sending_a_bad_batch_is_named(self):
        spec = lib.write_spec(self.dir / "failing.yaml", """\
report: {id: failing, title: "F"}
sources:
  - id: broken_feed
    connector: failing
    dataset: orders
    config: {mode: bad_batch}
    mapping: {order_id: a, customer_id: b, ordered_at: "'2026-10-02T10:00:00'", amount: "1"}
kpis:
  - {id: revenue, indicator: customer_base}
sections:
  - title: "S"
    blocks:
      - tiles: [revenue]
outputs: {pdf: false, svg: false, html: false}
""")
        result = self.run_spec(spec, *self.plugin_path())
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("plugin 'failing'", result.stderr)
        self.assertIn("broken_feed", result.stderr)
        self.assertFalse((self.out / "kpis.json").exists())

    def test_an_indicator_that_throws_is_named(self):
        orders = self.dir / "orders.csv"
        write_orders(orders, 10, 1000)
        spec = lib.write_spec(self.dir / "throwing.yaml", f"""\
report: {{id: throwing, title: "T"}}
sources:
  - {{id: shop_orders, connector: csv, dataset: orders, config: {{path: "{orders}"}}}}
kpis:
  - {{id: answer, indicator: throwing, parameters: {{mode: throw}}}}
sections:
  - title: "S"
    blocks:
      - tiles: [answer]
outputs: {{pdf: false, svg: false, html: false}}
""")
        result = self.run_spec(spec, *self.plugin_path())
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn("plugin 'throwing'", result.stderr)
        self.assertIn("division by zero in the test indicator", result.stderr)
        self.assertFalse((self.out / "kpis.json").exists())

    # ---- spec and environment ------------------------------------------

    def test_a_spec_error_is_a_usage_error_at_its_position(self):
        orders = self.dir / "orders.csv"
        write_orders(orders, 10, 1000)
        text = CSV_SPEC.format(path=orders).replace(
            "reject_threshold: 0.01", "reject_threshold: 1.5")
        spec = lib.write_spec(self.dir / "bad.yaml", text)
        result = self.run_spec(spec)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        # `reject_threshold: 1.5` is line 5, its value at column 21.
        self.assertIn("bad.yaml:5:21: report.reject_threshold", result.stderr)
        self.assertFalse((self.out / "report.pdf").exists())

    def test_lists_without_their_key_name_the_variable(self):
        data = lib.make_demo_data(self.dir / "data")
        spec = lib.source_path("report-specs", "operational.yaml")
        env = lib.clean_environment(VIGIE_DEMO_DATA=data)
        result = self.run_spec(spec, env=env)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("VIGIE_LIST_KEY", result.stderr)
        self.assertFalse((self.out / "lists").exists())


if __name__ == "__main__":
    lib.main()
