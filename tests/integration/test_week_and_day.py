"""Weekly and daily reports: the management report of the demo data with
`report.period: week` (and `day`), run for one ISO week (day), its ids in
kpis.json, the PDF's words, and the customer-base KPIs recomputed by hand
for that week and the one before (kpi_crosscheck.py, the same controller's
arithmetic as the monthly check, on Monday-to-Monday periods)."""

import datetime
import decimal
import json
import math
import re
import unittest

import kpi_crosscheck as xcheck
import vigie_testlib as lib

WEEK = "2026-W43"  # Monday 19 to Sunday 25 October 2026 (the clocks go back)


def spec_of_grain(grain, cron, covers):
    """report-specs/management.yaml with another grain and a schedule of
    that grain."""
    text = lib.source_path("report-specs", "management.yaml").read_text(
        encoding="utf-8")
    for old, new in [("period: month", f"period: {grain}"),
                     ('cron: "0 7 1 * *"', f'cron: "{cron}"'),
                     ("covers: previous_month", f"covers: {covers}")]:
        assert old in text, old
        text = text.replace(old, new)
    return text


class WeekAndDayTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("week")
        cls.data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(VIGIE_DEMO_DATA=cls.data,
                                        VIGIE_LIST_KEY="week-test-key")
        cls.weekly = lib.write_spec(cls.dir / "weekly.yaml", spec_of_grain(
            "week", "0 7 * * 1", "previous_week"))
        cls.daily = lib.write_spec(cls.dir / "daily.yaml", spec_of_grain(
            "day", "0 6 * * *", "previous_day"))
        cls.week_run = lib.run_vigie(
            ["run", cls.weekly, "--period", WEEK, "--out", cls.dir / "week"],
            env=cls.env)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def week_kpis(self):
        self.assertEqual(self.week_run.returncode, 0,
                         lib.describe(self.week_run))
        with open(self.dir / "week" / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def test_kpis_json_names_weeks(self):
        doc = self.week_kpis()
        period = doc["report"]["period"]
        self.assertEqual(period["id"], WEEK)
        self.assertEqual(period["start"][:10], "2026-10-19")
        self.assertEqual(period["end"][:10], "2026-10-26")
        self.assertEqual(doc["report"]["comparison"]["id"], "2026-W42")
        revenue = lib.value_kpis(doc)["revenue"]
        self.assertEqual([s["period"] for s in revenue["series"]],
                         [f"2026-W{w}" for w in range(32, 44)])

    def test_customer_base_of_a_week_matches_the_controllers_recomputation(
            self):
        values = lib.value_kpis(self.week_kpis())
        book = xcheck.OrderBook(self.data / "crm.sqlite")
        periods = {"value": xcheck.Period.iso_week(2026, 43),
                   "previous": xcheck.Period.iso_week(2026, 42)}
        for key, period in periods.items():
            expected = xcheck.customer_base(book, period)
            self.assertGreater(expected["new_customers"], 0)
            for kpi in ["buyers", "new_customers", "active_customers",
                        "lost_customers", "net_customer_growth", "orders"]:
                with self.subTest(kpi=kpi, period=key):
                    self.assertEqual(values[kpi][key], expected[kpi])
            cents = decimal.Decimal("0.01")
            self.assertEqual(
                decimal.Decimal(str(values["revenue"][key])).quantize(cents),
                expected["revenue"].quantize(cents))
            for kpi in ["churn_rate", "mean_recency_days", "clv_historic",
                        "margin_rate", "avg_basket"]:
                with self.subTest(kpi=kpi, period=key):
                    self.assertTrue(math.isclose(values[kpi][key],
                                                 expected[kpi],
                                                 rel_tol=1e-9),
                                    (kpi, values[kpi][key], expected[kpi]))

    def test_a_week_has_no_share_of_monthly_spend(self):
        values = lib.value_kpis(self.week_kpis())
        self.assertIsNone(values["cac"]["value"])
        self.assertIsNone(values["cac"]["previous"])
        self.assertTrue(any("par mois" in note
                            for note in values["cac"]["notes"]),
                        values["cac"]["notes"])

    def test_the_pdf_speaks_of_weeks(self):
        self.week_kpis()
        text = lib.pdf_text(self.dir / "week" / "report.pdf")
        self.assertIn("semaine 43 (19 – 25 oct. 2026)", text)
        self.assertIn("comparé à semaine 42", text)

    def test_a_daily_report_of_one_day(self):
        out = self.dir / "day"
        result = lib.run_vigie(["run", self.daily, "--as-of", "2026-10-26",
                                "--out", out], env=self.env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        doc = json.loads((out / "kpis.json").read_text(encoding="utf-8"))
        self.assertEqual(doc["report"]["period"]["id"], "2026-10-25")
        self.assertEqual(doc["report"]["comparison"]["id"], "2026-10-24")
        # 25 October 2026 in Paris lasts 25 hours.
        start = datetime.datetime.fromisoformat(doc["report"]["period"]["start"])
        end = datetime.datetime.fromisoformat(doc["report"]["period"]["end"])
        self.assertEqual(end - start, datetime.timedelta(hours=25))
        book = xcheck.OrderBook(self.data / "crm.sqlite")
        period = xcheck.Period.iso_week(2026, 43)
        period.start, period.end = start, end
        expected = xcheck.customer_base(book, period)
        values = lib.value_kpis(doc)
        self.assertEqual(values["orders"]["value"], expected["orders"])
        self.assertEqual(values["buyers"]["value"], expected["buyers"])

    def test_a_period_of_the_wrong_grain_is_a_usage_error(self):
        result = lib.run_vigie(["run", self.weekly, "--period", "2026-10",
                                "--out", self.dir / "wrong"], env=self.env)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        self.assertIn("--period expects YYYY-Www (this report's period is a "
                      "week), got '2026-10'", result.stderr)

    def test_vigie_schedule_lists_the_weeks_each_run_covers(self):
        result = lib.run_vigie(["schedule", self.weekly, "--count", "2",
                                "--from", "2026-10-20T00:00:00Z"],
                               env=self.env)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertRegex(result.stdout, re.compile(
            r"2026-10-26 07:00.*2026-W43.*\n.*2026-11-02 07:00.*2026-W44",
            re.S))


if __name__ == "__main__":
    lib.main()
