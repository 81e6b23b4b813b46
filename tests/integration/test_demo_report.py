"""Both shipped report specs on the demo data, end to end: the files, the
PDF (pages, fonts, French text), kpis.json, the operational lists
(pseudonymised, consenting customers only, no personal data anywhere), the
customer-base and self-care KPIs recomputed from the raw demo files
(kpi_crosscheck.py), the web-analytics ones too (web_crosscheck.py), and
reruns."""

import datetime
import decimal
import json
import math
import os
import re
import sqlite3
import unittest

import kpi_crosscheck as xcheck
import vigie_testlib as lib
import web_crosscheck as webcheck
import xlsx_reader

LIST_KEY = "integration-test-list-key"
MANAGEMENT = "management"
OPERATIONAL = "operational"
# The columns of customer_profiles joined to every list of customers.
PROFILE_COLUMNS = ["value_segment", "rfm_score", "experience_profile",
                   "consumption_profile", "preferred_channel"]


class DemoReportTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("demo")
        cls.data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(VIGIE_DEMO_DATA=cls.data,
                                        VIGIE_LIST_KEY=LIST_KEY)
        cls.runs = {}
        cls.started = datetime.datetime.now(datetime.timezone.utc)
        for name in (MANAGEMENT, OPERATIONAL):
            out = cls.dir / f"out-{name}"
            result = cls.run_spec(name, out)
            cls.runs[name] = (result, out)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    @classmethod
    def run_spec(cls, name, out):
        spec = lib.source_path("report-specs", f"{name}.yaml")
        return lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                              "--out", out], env=cls.env)

    def output(self, name):
        result, out = self.runs[name]
        self.assertEqual(result.returncode, 0, lib.describe(result))
        return out

    def kpis(self, name):
        with open(self.output(name) / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def spec_kpi_ids(self, name):
        # The ids under `kpis:` of the shipped spec, read from its text
        # (one `- {id: ...` or `- id: ...` a KPI), so that a KPI added
        # there is checked.
        text = lib.source_path("report-specs", f"{name}.yaml").read_text()
        kpis = text.split("\nkpis:")[1].split("\nsections:")[0]
        return re.findall(r"-\s*\{?id:\s*(\w+)", kpis)

    # ---- files ---------------------------------------------------------

    def test_every_file_is_written_and_no_staging_is_left(self):
        for name in (MANAGEMENT, OPERATIONAL):
            with self.subTest(spec=name):
                out = self.output(name)
                for file in ["report.pdf", "page-1.svg", "report.html",
                             "kpis.json"]:
                    self.assertTrue((out / file).is_file(), file)
                self.assertFalse((out / "rejects.csv").exists())
                # The one hidden file is the marker that lists the files;
                # no staging folder is left beside the report either.
                hidden = [p.name for p in out.iterdir()
                          if p.name.startswith(".")]
                self.assertEqual(hidden, [".vigie-report"])
                self.assertEqual([p.name for p in out.parent.iterdir()
                                  if ".vigie-staging-" in p.name], [])
                pages = lib.pdf_page_count(out / "report.pdf")
                svgs = sorted(out.glob("page-*.svg"))
                self.assertEqual(len(svgs), pages)
                for svg in svgs:
                    self.assertIn("<svg", svg.read_text(encoding="utf-8"))
                # stdout says what was written: every file, and the pages.
                files = [p for p in out.rglob("*")
                         if p.is_file() and p.name != ".vigie-report"]
                result, _ = self.runs[name]
                self.assertIn(f"{out}: {len(files)} file(s), report.pdf of "
                              f"{pages} page(s)", result.stdout)

    def test_one_run_id_ties_the_folder_kpis_json_and_stdout_to_the_run(self):
        # 20261201T024936.512Z-9c1f0e4b7a2d6c83: start (UTC, ms), 64 bits.
        shape = re.compile(
            r"(\d{8}T\d{6}\.\d{3}Z)-[0-9a-f]{16}")
        ids = []
        for name in (MANAGEMENT, OPERATIONAL):
            with self.subTest(spec=name):
                out = self.output(name)
                result, _ = self.runs[name]
                line = re.search(r", run (\S+)\n$", result.stdout)
                self.assertIsNotNone(line, result.stdout)
                run_id = line.group(1)
                started = shape.fullmatch(run_id)
                self.assertIsNotNone(started, run_id)
                self.assertEqual(self.kpis(name)["report"]["run_id"], run_id)
                marker = (out / ".vigie-report").read_text(encoding="utf-8")
                self.assertIn(f"\n# run-id: {run_id}\n", marker)
                # When this run started, between the test's start and now.
                when = datetime.datetime.strptime(
                    started.group(1), "%Y%m%dT%H%M%S.%fZ").replace(
                        tzinfo=datetime.timezone.utc)
                self.assertLessEqual(
                    self.started - datetime.timedelta(milliseconds=1), when)
                self.assertLessEqual(
                    when, datetime.datetime.now(datetime.timezone.utc))
                ids.append(run_id)
        # Each run its own id; the one started first sorts first.
        self.assertLess(ids[0], ids[1])

    def test_operational_lists_are_exported(self):
        # As CSV and XLSX (their cells: test_list_files.py).
        out = self.output(OPERATIONAL)
        names = sorted(p.name for p in (out / "lists").iterdir())
        self.assertEqual(names,
                         [f"{kpi}.{suffix}"
                          for kpi in ["alert_1m", "alert_2m", "failed_journeys",
                                      "life_moment_list"]
                          for suffix in ["csv", "xlsx"]])

    # ---- PDF -----------------------------------------------------------

    def test_management_pdf_has_its_sections_on_four_pages_or_more(self):
        pdf = self.output(MANAGEMENT) / "report.pdf"
        self.assertGreaterEqual(lib.pdf_page_count(pdf), 4)

    def test_every_font_is_embedded(self):
        for name in (MANAGEMENT, OPERATIONAL):
            fonts = lib.pdf_fonts(self.output(name) / "report.pdf")
            self.assertTrue(fonts)
            for font in fonts:
                self.assertEqual(font["emb"], "yes", font)

    def test_pdf_text_is_french(self):
        text = lib.pdf_text(self.output(MANAGEMENT) / "report.pdf")
        self.assertIn("Relation client : tableau de bord mensuel", text)
        self.assertIn("octobre 2026", text)
        self.assertIn("septembre 2026", text)
        self.assertIn("Économies", text)
        self.assertIn("Récence", text)

    def test_pdf_shows_the_revenue_of_kpis_json_in_french(self):
        revenue = lib.value_kpis(self.kpis(MANAGEMENT))["revenue"]["value"]
        expected = lib.french_currency(revenue)
        # e.g. 100140.02 -> "100 140,02 €"
        self.assertRegex(expected, r"^\d{1,3}( \d{3})*,\d\d €$")
        text = lib.pdf_text(self.output(MANAGEMENT) / "report.pdf")
        self.assertIn(expected, text)

    # ---- kpis.json -----------------------------------------------------

    def test_kpis_json_has_every_kpi_of_the_spec(self):
        for name in (MANAGEMENT, OPERATIONAL):
            with self.subTest(spec=name):
                doc = self.kpis(name)
                self.assertEqual(doc["schema"], "vigie.kpis/1")
                self.assertEqual(doc["report"]["id"], name)
                self.assertEqual(doc["report"]["period"]["id"], "2026-10")
                self.assertEqual(doc["report"]["period"]["label"],
                                 "octobre 2026")
                self.assertEqual(doc["report"]["comparison"]["id"], "2026-09")
                # Europe/Paris: October starts in summer time, November
                # after the change back.
                self.assertEqual(doc["report"]["period"]["start"],
                                 "2026-10-01T00:00:00+02:00")
                self.assertEqual(doc["report"]["period"]["end"],
                                 "2026-11-01T00:00:00+01:00")
                ids = [k["id"] for k in doc["kpis"]]
                self.assertEqual(sorted(ids), sorted(self.spec_kpi_ids(name)))

    def test_value_kpis_carry_value_previous_and_a_year_of_series(self):
        doc = self.kpis(MANAGEMENT)
        values = lib.value_kpis(doc)
        self.assertGreater(len(values), 15)
        # 12 months ending with the report month: 2025-11 .. 2026-10.
        months = [f"2025-{m:02d}" for m in (11, 12)] + \
                 [f"2026-{m:02d}" for m in range(1, 11)]
        for kpi_id, kpi in values.items():
            with self.subTest(kpi=kpi_id):
                for key in ["value", "previous", "series", "unit", "label"]:
                    self.assertIn(key, kpi)
                self.assertEqual([p["period"] for p in kpi["series"]], months)
                self.assertEqual(kpi["series"][-1]["value"], kpi["value"])
                self.assertEqual(kpi["series"][-2]["value"], kpi["previous"])
        # On the demo data these always have a figure.
        for kpi_id in ["revenue", "orders", "buyers", "active_customers",
                       "self_care_savings"]:
            self.assertIsNotNone(values[kpi_id]["value"], kpi_id)
            self.assertGreater(values[kpi_id]["value"], 0, kpi_id)

    def test_revenue_and_orders_match_the_database(self):
        values = lib.value_kpis(self.kpis(MANAGEMENT))
        revenue, orders = self.october_revenue_and_orders()
        self.assertEqual(
            decimal.Decimal(str(values["revenue"]["value"])).quantize(
                decimal.Decimal("0.01")), revenue)
        self.assertEqual(values["orders"]["value"], orders)

    def october_revenue_and_orders(self):
        """Recomputed from crm.sqlite with Python's exact decimals.

        Times in the database are local (Europe/Paris) ISO text, so October
        is the text range ['2026-10-01', '2026-11-01'). revenue = the sum of
        the amounts of the lines in October; orders = the order_ids whose
        earliest line is in October and whose total over all their lines
        (returns included, whenever dated) is > 0.
        """
        with sqlite3.connect(self.data / "crm.sqlite") as db:
            lines = db.execute(
                "SELECT order_id, ordered_at, amount FROM orders").fetchall()
        revenue = decimal.Decimal(0)
        first, total = {}, {}
        for order_id, ordered_at, amount in lines:
            amount = decimal.Decimal(amount)
            if "2026-10-01" <= ordered_at < "2026-11-01":
                revenue += amount
            first[order_id] = min(first.get(order_id, ordered_at), ordered_at)
            total[order_id] = total.get(order_id, 0) + amount
        orders = sum(1 for o in first
                     if "2026-10-01" <= first[o] < "2026-11-01" and total[o] > 0)
        self.assertGreater(orders, 0)
        return revenue, orders

    def test_a_kpi_the_spec_leaves_unlabelled_is_named_in_the_reports_language(self):
        # The shipped spec with two labels taken off: a built-in KPI is
        # then named from the locale catalog, in the report's language.
        text = lib.source_path("report-specs", f"{MANAGEMENT}.yaml").read_text()
        text = text.replace('label: "Chiffre d\'affaires",', "")
        text = text.replace(', label: "Commandes"}', "}")
        text = re.sub(r"(?m)^outputs:.*$",
                      "outputs: {pdf: false, svg: false, html: false, json: true, "
                      "lists: false}", text)
        expected = {"fr_FR": ("Chiffre d'affaires", "Commandes"),
                    "en_GB": ("Revenue", "Orders")}
        for locale, (revenue, orders) in expected.items():
            with self.subTest(locale=locale):
                spec = lib.write_spec(
                    self.dir / f"unlabelled-{locale}.yaml",
                    text.replace("locale: fr_FR", f"locale: {locale}"))
                out = self.dir / f"out-unlabelled-{locale}"
                result = lib.run_vigie(["run", spec, "--period",
                                        lib.DEMO_PERIOD, "--out", out],
                                       env=self.env)
                self.assertEqual(result.returncode, 0, lib.describe(result))
                with open(out / "kpis.json", encoding="utf-8") as f:
                    values = lib.value_kpis(json.load(f))
                self.assertEqual(values["revenue"]["label"], revenue)
                self.assertEqual(values["orders"]["label"], orders)
                # A label the spec gives is kept.
                self.assertEqual(values["buyers"]["label"], "Acheteurs")

    # ---- the controller's cross-check ----------------------------------
    # kpi_crosscheck.py recomputes the KPIs from crm.sqlite, web_events.csv
    # and calls.csv for October (value) and September (previous).

    PERIODS = {"value": xcheck.Period(2026, 10),
               "previous": xcheck.Period(2026, 9)}

    def assert_close(self, got, expected, what):
        """Rates, means and quotients of money: kpis.json carries doubles,
        and the engine and Python may divide or add in another order (e.g.
        a sum of recencies in days), so the last bits can differ. A relative
        1e-9 is far below any figure the report prints (for a value under
        10 million, finer than a cent)."""
        if expected is None:
            self.assertIsNone(got, what)
            return
        self.assertIsNotNone(got, what)
        self.assertTrue(math.isclose(got, expected, rel_tol=1e-9),
                        f"{what}: kpis.json {got!r}, recomputed {expected!r}")

    def assert_money(self, got, expected, what):
        """A sum of money is exact: the JSON number (or decimal text) to the
        cent equals the exact decimal sum."""
        cents = decimal.Decimal("0.01")
        self.assertEqual(decimal.Decimal(str(got)).quantize(cents),
                         expected.quantize(cents), what)

    def test_customer_base_kpis_match_the_controllers_recomputation(self):
        values = lib.value_kpis(self.kpis(MANAGEMENT))
        book = xcheck.OrderBook(self.data / "crm.sqlite")
        for key, period in self.PERIODS.items():
            expected = xcheck.customer_base(book, period)
            # The demo data must exercise every figure.
            self.assertGreater(expected["new_customers"], 0)
            self.assertGreater(expected["lost_customers"], 0)
            for kpi in ["buyers", "new_customers", "active_customers",
                        "lost_customers", "net_customer_growth", "orders"]:
                with self.subTest(kpi=kpi, period=period.month):
                    self.assertEqual(values[kpi][key], expected[kpi])
            with self.subTest(kpi="revenue", period=period.month):
                self.assert_money(values["revenue"][key], expected["revenue"],
                                  "revenue")
            for kpi in ["churn_rate", "mean_recency_days", "clv_historic",
                        "margin_rate", "avg_basket", "cac"]:
                with self.subTest(kpi=kpi, period=period.month):
                    self.assert_close(values[kpi][key], expected[kpi],
                                      f"{kpi} {period.month}")

    def test_value_segments_match_the_controllers_recomputation(self):
        table = {k["id"]: k for k in self.kpis(MANAGEMENT)["kpis"]}[
            "value_segments"]
        names = [c["name"] for c in table["columns"]]
        rows = [dict(zip(names, row)) for row in table["rows"]]
        book = xcheck.OrderBook(self.data / "crm.sqlite")
        expected = xcheck.value_segments(book, self.PERIODS["value"])
        self.assertEqual([r["segment"] for r in rows], xcheck.SEGMENT_NAMES)
        for row in rows:
            want = expected[row["segment"]]
            with self.subTest(segment=row["segment"]):
                self.assertGreater(want["customers"], 0)
                self.assertEqual(row["customers"], want["customers"])
                # A Decimal column: exact decimal text in kpis.json.
                self.assertEqual(decimal.Decimal(row["revenue"]),
                                 want["revenue"])
                for column in ["revenue_share", "mean_frequency",
                               "mean_basket", "mean_recency_days"]:
                    self.assert_close(row[column], want[column], column)

    def test_self_care_kpis_match_the_controllers_recomputation(self):
        doc = self.kpis(MANAGEMENT)
        values = lib.value_kpis(doc)
        table = {k["id"]: k for k in doc["kpis"]}["self_care_by_action"]
        names = [c["name"] for c in table["columns"]]
        by_action = {row[0]: dict(zip(names, row)) for row in table["rows"]}
        contacts = xcheck.Contacts(self.data / "web_events.csv",
                                   self.data / "calls.csv")
        for key, period in self.PERIODS.items():
            expected = xcheck.self_care(contacts, period)
            self.assertGreater(expected["rebound_rate"], 0)
            # Rebound pairs are those of the stitched person: the demo has
            # topic events with no customer_id of linked visitors.
            self.assertGreater(expected["linked_anonymous_topic_events"], 0)
            with self.subTest(kpi="avoidable_calls", period=period.month):
                self.assertEqual(values["avoidable_calls"][key],
                                 expected["avoidable_calls"])
            for kpi in ["self_care_savings", "avoidable_cost"]:
                with self.subTest(kpi=kpi, period=period.month):
                    self.assert_money(values[kpi][key], expected[kpi], kpi)
            for kpi in ["digital_adoption", "identified_call_share",
                        "rebound_rate"]:
                with self.subTest(kpi=kpi, period=period.month):
                    self.assert_close(values[kpi][key], expected[kpi],
                                      f"{kpi} {period.month}")
        # The per-action table (report period only): online_actions is the
        # sum of its online column, and the rebound counts behind the rate.
        expected = xcheck.self_care(contacts, self.PERIODS["value"])
        self.assertEqual(sorted(by_action), sorted(xcheck.ACTION_COSTS))
        self.assertEqual(sum(r["online"] for r in by_action.values()),
                         expected["online_actions"])
        for action, want in expected["by_action"].items():
            with self.subTest(action=action):
                row = by_action[action]
                for column in ["online", "offline", "pairs", "rebounded"]:
                    self.assertEqual(row[column], want[column], column)

    def web_figures(self):
        """web_crosscheck's figures of October (value) and September
        (previous), read once for the tests that compare them."""
        cls = type(self)
        if not hasattr(cls, "_web_figures"):
            log = webcheck.WebLog(self.data / "web_events.csv",
                                  webcheck.DEMO_PARAMETERS[
                                      "session_gap_minutes"])
            cls._web_figures = webcheck.web_analytics(
                log, self.PERIODS["value"], self.PERIODS["previous"])
        return cls._web_figures

    @staticmethod
    def table_rows(doc, kpi):
        table = {k["id"]: k for k in doc["kpis"]}[kpi]
        names = [c["name"] for c in table["columns"]]
        return [dict(zip(names, row)) for row in table["rows"]]

    def test_web_value_kpis_match_the_controllers_recomputation(self):
        values = lib.value_kpis(self.kpis(MANAGEMENT))
        expected = self.web_figures()
        counts = {"visits", "unique_visitors", "unique_people",
                  "cross_device_customers", "load_time_p50", "load_time_p95"}
        for key in ("value", "previous"):
            # The demo data must exercise every figure.
            self.assertGreater(expected[key]["cross_device_customers"], 0)
            for kpi in webcheck.VALUE_KPIS:
                with self.subTest(kpi=kpi, period=key):
                    want = expected[key][kpi]
                    if kpi in counts:
                        self.assertEqual(values[kpi][key], want)
                    else:
                        self.assert_close(values[kpi][key], want,
                                          f"{kpi} {key}")

    def test_web_tables_match_the_controllers_recomputation(self):
        doc = self.kpis(MANAGEMENT)
        expected = self.web_figures()
        october = expected["value"]
        exact_and_close = {
            "load_time_by_group": (["group", "page_views", "p50", "p95"], []),
            "visits_by_device": (["device", "visits"], ["share"]),
            "top_paths": (["path", "sessions"], ["share", "ending_share"]),
        }
        for kpi, (exact, close) in exact_and_close.items():
            with self.subTest(kpi=kpi):
                rows = self.table_rows(doc, kpi)
                want = october[kpi]
                self.assertGreater(len(want), 1)
                self.assertEqual([[r[c] for c in exact] for r in rows],
                                 [[w[c] for c in exact] for w in want])
                for row, wanted in zip(rows, want):
                    for column in close:
                        self.assert_close(row[column], wanted[column],
                                          f"{kpi}.{column}")
        moments = self.table_rows(doc, "life_moments")
        self.assertEqual(moments, expected["life_moments"])
        self.assertGreater(sum(m["customers"] for m in moments), 0)

    def test_life_moment_list_matches_the_controllers_recomputation(self):
        """The operational list: web_crosscheck's rows of the consenting
        customers, each under its pseudonym, in the same order, with the
        same last visit (an instant) and suggested action."""
        with sqlite3.connect(self.data / "crm.sqlite") as db:
            consenting = {c for c, flag in db.execute(
                "SELECT customer_id, consent_marketing FROM customers")
                if flag == 1}
        expected = [
            [lib.pseudonym(LIST_KEY, row["customer_id"]), row["moment"],
             row["last_visit"], row["suggested_action"]]
            for row in self.web_figures()["value"]["life_moment_list"]
            if row["customer_id"] in consenting]
        self.assertGreater(len(expected), 0)
        path = self.output(OPERATIONAL) / "lists" / "life_moment_list.csv"
        listed = lib.read_list_csv(path)
        # The list's own columns, then the customer's profile (8b).
        self.assertEqual(listed.header, ["customer_key", "moment",
                                         "last_visit", "suggested_action"]
                         + PROFILE_COLUMNS)
        got = [[key, moment, datetime.datetime.fromisoformat(at), action]
               for key, moment, at, action, *_ in listed.rows]
        self.assertEqual(got, expected)

    # ---- operational lists ---------------------------------------------

    def consenting_keys(self):
        with sqlite3.connect(self.data / "crm.sqlite") as db:
            rows = db.execute("SELECT customer_id, consent_marketing "
                              "FROM customers").fetchall()
        consenting = {lib.pseudonym(LIST_KEY, c) for c, flag in rows if flag == 1}
        refusing = {lib.pseudonym(LIST_KEY, c) for c, flag in rows if flag != 1}
        self.assertTrue(consenting and refusing)
        return consenting, refusing

    def test_lists_hold_keys_of_consenting_customers_only(self):
        consenting, refusing = self.consenting_keys()
        listed = 0
        for path in sorted((self.output(OPERATIONAL) / "lists").glob("*.csv")):
            with self.subTest(list=path.name):
                csv_list = lib.read_list_csv(path)
                header = csv_list.header
                self.assertEqual(header[0], "customer_key")
                self.assertNotIn("customer_id", header)
                self.assertNotIn("email", header)
                self.assertNotIn("consent_marketing", header)
                for row in csv_list.rows:
                    self.assertRegex(row[0], r"^[0-9a-f]{32}$")
                    self.assertIn(row[0], consenting)
                    self.assertNotIn(row[0], refusing)
                    listed += 1
                # The XLSX beside it: the same header and keys.
                cells = xlsx_reader.Workbook(path.with_suffix(".xlsx")).cells()
                self.assertEqual([cells[0, i].value for i in range(len(header))],
                                 header)
                self.assertEqual([cells[r + 1, 0].value
                                  for r in range(len(csv_list.rows))],
                                 [row[0] for row in csv_list.rows])
                self.assertNotIn((len(csv_list.rows) + 1, 0), cells)
        self.assertGreater(listed, 0)

    def test_no_customer_id_nor_email_in_any_output(self):
        with sqlite3.connect(self.data / "crm.sqlite") as db:
            emails = [e for (e,) in db.execute(
                "SELECT email FROM customers WHERE email IS NOT NULL")]
        self.assertTrue(emails)
        for name in (MANAGEMENT, OPERATIONAL):
            for path in lib.files_under(self.output(name)):
                with self.subTest(file=f"{name}/{path.name}"):
                    text = lib.readable_text(path)
                    self.assertNotRegex(text, r"\bC\d{6}\b")
                    self.assertNotIn("@example.", text)
                    leaked = [e for e in emails if e in text]
                    self.assertEqual(leaked, [])

    def test_the_key_changes_every_pseudonym(self):
        # Same data, another key: no key of the first run may appear.
        out = self.dir / "out-other-key"
        env = dict(self.env, VIGIE_LIST_KEY="another-key")
        spec = lib.source_path("report-specs", "operational.yaml")
        result = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                "--out", out, "-q"], env=env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        first = (self.output(OPERATIONAL) / "lists/alert_1m.csv").read_text()
        second = (out / "lists/alert_1m.csv").read_text()
        first_keys = set(re.findall(r"^[0-9a-f]{32}", first, re.MULTILINE))
        second_keys = set(re.findall(r"^[0-9a-f]{32}", second, re.MULTILINE))
        self.assertEqual(len(first_keys), len(second_keys))
        self.assertTrue(first_keys)
        self.assertFalse(first_keys & second_keys)
        # "another-key" is 11 characters: too short, and the run says so
        # (the 25-character key of the other runs gives no warning).
        self.assertIn("VIGIE_LIST_KEY is 11 characters long", result.stderr)
        first_result, _ = self.runs[OPERATIONAL]
        self.assertNotIn("characters long", first_result.stderr)

    # ---- reruns --------------------------------------------------------

    def test_a_fixed_generation_time_gives_the_same_bytes(self):
        # --generated-at, or SOURCE_DATE_EPOCH as reproducible builds set
        # it, at the same instant; with the scheduler's run id given too,
        # every file of the folder is the same, byte for byte.
        run_id = "20261101T050000.000Z-0123456789abcdef"
        for name in (MANAGEMENT, OPERATIONAL):
            spec = lib.source_path("report-specs", f"{name}.yaml")
            outs = [self.dir / f"out-fixed-{name}-{i}" for i in (1, 2)]
            first = lib.run_vigie(
                ["run", spec, "--period", lib.DEMO_PERIOD, "--out", outs[0],
                 "--run-id", run_id, "--generated-at",
                 "2026-11-01T06:00:00+01:00", "-q"], env=self.env)
            self.assertEqual(first.returncode, 0, lib.describe(first))
            env = dict(self.env, SOURCE_DATE_EPOCH="1793509200")
            second = lib.run_vigie(
                ["run", spec, "--period", lib.DEMO_PERIOD, "--out", outs[1],
                 "--run-id", run_id, "-q"], env=env)
            self.assertEqual(second.returncode, 0, lib.describe(second))
            files = [p.relative_to(outs[0]).as_posix()
                     for p in lib.files_under(outs[0])]
            self.assertEqual(files, [p.relative_to(outs[1]).as_posix()
                                     for p in lib.files_under(outs[1])])
            self.assertIn("report.pdf", files)
            for f in files:
                self.assertEqual((outs[0] / f).read_bytes(),
                                 (outs[1] / f).read_bytes(), f"{name}: {f}")
            with open(outs[0] / "kpis.json", encoding="utf-8") as f:
                self.assertEqual(json.load(f)["report"]["generated_at"][:19],
                                 "2026-11-01T06:00:00")
            self.assertIn("Généré le 2026-11-01 06:00",
                          lib.pdf_text(outs[0] / "report.pdf"))
            info = lib.run_tool(["pdfinfo", "-isodates",
                                 outs[0] / "report.pdf"])
            self.assertRegex(info, r"CreationDate:\s+2026-11-01T0[56]:00")

    def test_a_generation_time_that_is_not_one_is_refused(self):
        spec = lib.source_path("report-specs", f"{MANAGEMENT}.yaml")
        for args, env, said in (
                (["--generated-at", "the first of November"], self.env,
                 "--generated-at 'the first of November' is not a time"),
                ([], dict(self.env, SOURCE_DATE_EPOCH="17e8"),
                 "SOURCE_DATE_EPOCH='17e8' is not a count of seconds")):
            out = self.dir / "out-bad-time"
            bad = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                 "--out", out, "-q"] + args, env=env)
            self.assertEqual(bad.returncode, 2, lib.describe(bad))
            self.assertIn(said, bad.stderr)
            self.assertFalse((out / "report.pdf").exists())

    def test_a_rerun_gives_the_same_pdf_but_for_its_time(self):
        first_out = self.output(MANAGEMENT)
        out = self.dir / "out-rerun"
        result = self.run_spec(MANAGEMENT, out)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        # The generation time is printed to the minute: on the cover
        # ("Généré le 2026-11-24 21:51 Europe/Paris") and, by the management
        # template, in every page's footer. A rerun in another minute
        # prints another; with it written as the first run's, everything
        # else is the same.
        with open(out / "kpis.json", encoding="utf-8") as f:
            second_time = json.load(f)["report"]["generated_at"]
        first_time = self.kpis(MANAGEMENT)["report"]["generated_at"]
        printed = [t[:10] + " " + t[11:16] for t in (first_time, second_time)]

        def as_first(text):
            return text.replace(printed[1], printed[0])

        # Every SVG page the same bytes, though Cairo numbers its surfaces
        # process-wide and the PDF is drawn on another thread at the same
        # time (the page group's id used to differ from run to run).
        svgs = sorted(p.name for p in first_out.glob("page-*.svg"))
        self.assertEqual(svgs, sorted(p.name for p in out.glob("page-*.svg")))
        self.assertGreater(len(svgs), 1)
        for name in svgs:
            self.assertEqual(
                (first_out / name).read_text(encoding="utf-8"),
                as_first((out / name).read_text(encoding="utf-8")), name)
        first = (first_out / "report.pdf").read_bytes()
        second = (out / "report.pdf").read_bytes()
        # The PDF's dates, in its info dictionary, are the generation time.
        dates = re.compile(rb"/(CreationDate|ModDate) \([^)]*\)")
        if printed[0] == printed[1]:
            self.assertEqual(dates.sub(b"", first), dates.sub(b"", second))
        else:
            # Its glyphs are other glyphs: its text is the same but for the
            # time.
            self.assertEqual(lib.pdf_text(first_out / "report.pdf"),
                             as_first(lib.pdf_text(out / "report.pdf")))

    def test_a_rerun_into_the_same_folder_replaces_the_files(self):
        out = self.dir / "out-replaced"
        result = self.run_spec(MANAGEMENT, out)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        for file in ["report.pdf", "kpis.json", "page-1.svg"]:
            (out / file).write_text("stale")
        before = {f: os.stat(out / f).st_ino for f in ["report.pdf", "kpis.json"]}
        result = self.run_spec(MANAGEMENT, out)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertTrue((out / "report.pdf").read_bytes().startswith(b"%PDF"))
        self.assertIn("<svg", (out / "page-1.svg").read_text())
        with open(out / "kpis.json", encoding="utf-8") as f:
            self.assertEqual(json.load(f)["report"]["id"], MANAGEMENT)
        # Each file was renamed into place, not rewritten in place.
        for file, inode in before.items():
            self.assertNotEqual(os.stat(out / file).st_ino, inode, file)
        self.assertEqual([p.name for p in out.iterdir()
                          if p.name.startswith(".")], [".vigie-report"])

    def test_one_output_under_two_ids_keeps_each_ones_parameters(self):
        """Active customers with a 30-day and a 90-day activity window, side
        by side: each KPI is computed with its own parameters and checked
        against the controller's count."""
        spec = lib.write_spec(self.dir / "two-windows.yaml", f"""\
report: {{id: windows, title: Windows, time_zone: Europe/Paris}}
sources:
  - {{id: orders, connector: crm_sql, dataset: orders,
     config: {{url: "sqlite3://db={self.data}/crm.sqlite", table: orders}}}}
kpis:
  - {{id: active_30, output: active_customers, indicator: customer_base,
     parameters: {{activity_window: "30"}}}}
  - {{id: active_90, output: active_customers, indicator: customer_base,
     parameters: {{activity_window: "90"}}}}
sections:
  - title: Base
    blocks:
      - tiles: [active_30, active_90]
""")
        out = self.dir / "out-windows"
        result = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                "--out", out], env=self.env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        values = lib.value_kpis(json.loads(
            (out / "kpis.json").read_text(encoding="utf-8")))
        book = xcheck.OrderBook(self.data / "crm.sqlite")
        as_of = xcheck.Period(2026, 10).end
        for days in (30, 90):
            expected = len(book.active(as_of, datetime.timedelta(days=days)))
            self.assertEqual(values[f"active_{days}"]["value"], expected)
        self.assertLess(values["active_30"]["value"],
                        values["active_90"]["value"])

    def test_a_rerun_carries_a_new_run_id(self):
        out = self.dir / "out-rerun-id"
        ids = []
        for _ in range(2):
            result = self.run_spec(MANAGEMENT, out)
            self.assertEqual(result.returncode, 0, lib.describe(result))
            ids.append(re.search(r", run (\S+)\n$", result.stdout).group(1))
            # The folder names the run that wrote it, not an earlier one.
            with open(out / "kpis.json", encoding="utf-8") as f:
                self.assertEqual(json.load(f)["report"]["run_id"], ids[-1])
            self.assertIn(f"# run-id: {ids[-1]}\n",
                          (out / ".vigie-report").read_text(encoding="utf-8"))
        self.assertLess(ids[0], ids[1])


if __name__ == "__main__":
    lib.main()
