"""Metrics written in the spec (KPI-CATALOG.md section 9) on the demo
data: a spec with aggregates (count, filtered count, sum, mean,
percentile, count_distinct), a ratio, an expression, a running total, a
table by column and a series by day, run by vigie for October 2026; every
figure recomputed here from crm.sqlite (sqlite3) and web_events.csv, with
the rules of docs/kpis.md section 9 (nearest-rank percentile, periods in
Europe/Paris). Also `vigie validate` on a metric with a mistake."""

import collections
import csv
import datetime
import decimal
import json
import math
import sqlite3
import unittest

import kpi_crosscheck as xcheck
import vigie_testlib as lib
import web_crosscheck as web

SPEC = """\
report:
  id: metrics
  title: "Metrics"
  locale: en_GB
  time_zone: Europe/Paris
  period: month
  comparison: previous
  series: 3

sources:
  - id: orders
    connector: crm_sql
    dataset: orders
    config: {url: "sqlite3://db=${VIGIE_DEMO_DATA}/crm.sqlite", table: orders}
  - id: web
    connector: csv
    dataset: web_events
    config: {path: "${VIGIE_DEMO_DATA}/web_events.csv"}

kpis:
  - id: order_lines
    metric: {aggregate: count, dataset: orders}
  - id: big_lines
    metric: {aggregate: count, dataset: orders, filter: {amount: {">=": 100}}}
  - id: amount_total
    label: "Amount"
    metric: {aggregate: sum, dataset: orders, column: amount}
  - id: amount_mean
    metric: {aggregate: mean, dataset: orders, column: amount}
  - id: amount_p90
    metric: {aggregate: percentile, percentile: 90, dataset: orders, column: amount}
  - id: handheld_views
    metric:
      aggregate: count
      dataset: web_events
      filter: {event_type: page_view, device: [mobile, tablet]}
  - id: visitors
    metric: {aggregate: count_distinct, dataset: web_events, column: visitor_id}
  - id: amount_per_line
    metric: {ratio: [amount_total, order_lines], unit: currency}
  - id: views_per_visitor
    metric: {expression: "handheld_views / visitors * 100"}
  - id: lines_running
    metric: {cumulative: order_lines}
  - id: amount_by_channel
    metric: {aggregate: sum, dataset: orders, column: amount, by: channel}
  - id: daily_lines
    metric: {aggregate: count, dataset: orders, series: day}

sections:
  - title: "Metrics"
    blocks:
      - tiles: [order_lines, amount_total, amount_per_line, views_per_visitor]
      - line_chart: lines_running
      - table: amount_by_channel
      - bar_chart: {kpi: daily_lines, label: period, value: value}
"""

# The first KPI filters on a column orders does not have (line 22).
BAD_SPEC = SPEC.replace(
    "    metric: {aggregate: count, dataset: orders}\n",
    "    metric: {aggregate: count, dataset: orders, filter: {chanel: web}}\n",
    1)


def months(year, month, count):
    """`count` consecutive Periods ending with (year, month), oldest first."""
    out = []
    for back in range(count - 1, -1, -1):
        y, m = divmod(year * 12 + month - 1 - back, 12)
        out.append(xcheck.Period(y, m + 1))
    return out


def nearest_rank(values, p):
    values = sorted(values)
    if not values:
        return None
    rank = max(1, math.ceil(p * len(values) / 100))
    return values[rank - 1]


class MetricsDemoTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("metrics")
        cls.data = lib.make_demo_data(cls.dir / "data")
        cls.env = lib.clean_environment(VIGIE_DEMO_DATA=cls.data)
        cls.spec = lib.write_spec(cls.dir / "metrics.yaml", SPEC)
        cls.result = lib.run_vigie(["run", cls.spec, "--period",
                                    lib.DEMO_PERIOD, "--out",
                                    cls.dir / "out"], env=cls.env)
        with sqlite3.connect(cls.data / "crm.sqlite") as db:
            # (UTC time, amount, channel)
            cls.orders = [(xcheck.instant(t), decimal.Decimal(a), c)
                          for t, a, c in db.execute(
                              "SELECT ordered_at, amount, channel "
                              "FROM orders")]
        cls.events = []  # (µs, visitor, event type, device)
        with open(cls.data / "web_events.csv", newline="",
                  encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["ts"]:
                    cls.events.append((web.micros(row["ts"]),
                                       row["visitor_id"], row["event_type"],
                                       row["device"]))

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        with open(self.dir / "out" / "kpis.json", encoding="utf-8") as f:
            report = json.load(f)
        self.assertEqual(report["data_quality"]["rows_rejected"], 0)
        return {k["id"]: k for k in report["kpis"]}

    def amounts(self, period):
        return [a for t, a, _ in self.orders if t in period]

    def views(self, period):
        start, end = web.bounds(period)
        return [e for e in self.events if start <= e[0] < end]

    def test_aggregates_match_the_recomputation(self):
        kpis = self.kpis()
        august, september, october = months(2026, 10, 3)
        for kpi in kpis.values():
            self.assertEqual(kpi["indicator"], "metric")
        for period, key in ((october, "value"), (september, "previous")):
            amounts = self.amounts(period)
            self.assertTrue(amounts)
            self.assertEqual(kpis["order_lines"][key], len(amounts))
            self.assertEqual(kpis["big_lines"][key],
                             sum(1 for a in amounts if a >= 100))
            self.assertAlmostEqual(kpis["amount_total"][key],
                                   float(sum(amounts)), places=6)
            self.assertAlmostEqual(kpis["amount_mean"][key],
                                   float(sum(amounts) / len(amounts)),
                                   places=6)
            self.assertAlmostEqual(kpis["amount_p90"][key],
                                   float(nearest_rank(amounts, 90)), places=6)
            events = self.views(period)
            handheld = sum(1 for _, _, kind, device in events
                           if kind == "page_view"
                           and device in ("mobile", "tablet"))
            visitors = len({v for _, v, _, _ in events})
            self.assertEqual(kpis["handheld_views"][key], handheld)
            self.assertEqual(kpis["visitors"][key], visitors)
            self.assertAlmostEqual(kpis["amount_per_line"][key],
                                   float(sum(amounts)) / len(amounts),
                                   places=6)
            self.assertAlmostEqual(kpis["views_per_visitor"][key],
                                   handheld / visitors * 100, places=9)
        self.assertEqual(kpis["amount_total"]["label"], "Amount")
        self.assertEqual(kpis["amount_total"]["unit"], "currency")
        self.assertEqual(kpis["order_lines"]["unit"], "count")
        self.assertEqual(kpis["amount_per_line"]["unit"], "currency")
        self.assertEqual(kpis["lines_running"]["unit"], "count")
        # The running total over the trend's three months.
        counts = [len(self.amounts(p)) for p in (august, september, october)]
        self.assertEqual(kpis["lines_running"]["value"], sum(counts))
        self.assertEqual(kpis["lines_running"]["previous"], sum(counts[:2]))
        self.assertEqual(len(kpis["order_lines"]["series"]), 3)

    def rows(self, kpi):
        columns = [c["name"] for c in kpi["columns"]]
        return [dict(zip(columns, row)) for row in kpi["rows"]]

    def test_a_table_by_channel_and_a_series_by_day(self):
        kpis = self.kpis()
        _, september, october = months(2026, 10, 3)
        by = collections.defaultdict(lambda: [decimal.Decimal(0)] * 2)
        for t, a, channel in self.orders:
            if not channel:
                continue
            for i, period in enumerate((october, september)):
                if t in period:
                    pair = by[channel]
                    by[channel] = [pair[0] + a, pair[1]] if i == 0 else \
                        [pair[0], pair[1] + a]
        expected = sorted(by.items(), key=lambda kv: (-kv[1][0], kv[0]))
        rows = self.rows(kpis["amount_by_channel"])
        self.assertEqual([r["channel"] for r in rows],
                         [k for k, _ in expected])
        for row, (_, (value, previous)) in zip(rows, expected):
            self.assertAlmostEqual(row["value"], float(value), places=6)
            self.assertAlmostEqual(row["previous"], float(previous), places=6)
            self.assertAlmostEqual(row["change"], float(value - previous),
                                   places=6)
        daily = self.rows(kpis["daily_lines"])
        self.assertEqual(len(daily), 31)
        by_day = collections.Counter(
            t.astimezone(xcheck.PARIS).date().isoformat()
            for t, _, _ in self.orders if t in october)
        for row in daily:
            self.assertEqual(row["value"], by_day.get(row["period"], 0),
                             row["period"])

    def test_validate_says_where_a_metric_is_wrong(self):
        spec = lib.write_spec(self.dir / "bad.yaml", BAD_SPEC)
        result = lib.run_vigie(["validate", spec], env=self.env)
        self.assertEqual(result.returncode, 2, lib.describe(result))
        # Line 22; "    metric: {aggregate: count, dataset: orders, filter: {"
        # is 57 characters.
        self.assertIn(
            f"{spec}:22:58: kpis[0].metric.filter.chanel: 'chanel' is not a "
            "column of dataset 'orders'; did you mean 'channel'?",
            result.stdout + result.stderr)


if __name__ == "__main__":
    lib.main()
