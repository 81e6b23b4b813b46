"""The attribution indicator (KPI-CATALOG.md section 5) on the demo data,
October 2026 (Europe/Paris), against a recomputation of its `last` and
`linear` models from the raw files, with the standard library only, by
the rules of docs/kpi-choices.md ("attribution"):

- conversions: purchases of identified customers in P (kpi_crosscheck's
  OrderBook reads crm.sqlite as the controller does);
- the person of a visitor at as_of (the end of P): the most frequent
  customer_id of its events before as_of, ties the smallest id in byte
  order; sessions: a new one after a gap of more than 30 minutes, with
  the source of its first event;
- touchpoints: the person's sessions starting in [c - 30 days, c), by
  start, equal starts in the order the visitors first appear in the file.
"""

import bisect
import collections
import csv
import json
import sqlite3
import unittest

import kpi_crosscheck as xcheck
import vigie_testlib as lib
import web_crosscheck as web

SPEC = """\
report:
  id: attribution
  title: "Attribution"
  locale: en_GB
  time_zone: Europe/Paris
  period: month
sources:
  - id: customers
    connector: crm_sql
    dataset: customers
    config: {{url: "sqlite3://db={data}/crm.sqlite", table: customers}}
  - id: orders
    connector: crm_sql
    dataset: orders
    config: {{url: "sqlite3://db={data}/crm.sqlite", table: orders}}
  - id: marketing_spend
    connector: crm_sql
    dataset: marketing_spend
    config: {{url: "sqlite3://db={data}/crm.sqlite", table: marketing_spend}}
  - id: web
    connector: csv
    dataset: web_events
    config: {{path: "{data}/web_events.csv"}}
kpis:
  - {{id: conversions, indicator: attribution}}
  - {{id: attribution_by_channel, indicator: attribution}}
sections:
  - title: "Attribution"
    blocks:
      - tiles: [conversions]
      - table: attribution_by_channel
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""

GAP = 30 * 60 * web.SECOND
WINDOW = 30 * web.DAY
NO_SOURCE = "(no source)"
NO_TOUCHPOINT = "(none)"


def micros(aware):
    return web.to_micros(aware)


class Sessions:
    """web_events.csv read into each visitor's events and sessions."""

    def __init__(self, path):
        self.events = collections.defaultdict(list)  # visitor -> events
        self.rank = {}  # visitor -> order of first appearance
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            for row in reader:
                if not row["ts"]:
                    continue
                visitor = row["visitor_id"]
                self.rank.setdefault(visitor, len(self.rank))
                self.events[visitor].append(
                    (web.micros(row["ts"]), row["customer_id"] or None,
                     row["source"] or None))
        self.starts = {}  # visitor -> [(start, source)]
        for visitor, events in self.events.items():
            events.sort(key=lambda e: e[0])  # stable: file order on ties
            starts = [(events[0][0], events[0][2])]
            for before, event in zip(events, events[1:]):
                if event[0] - before[0] > GAP:
                    starts.append((event[0], event[2]))
            self.starts[visitor] = starts

    def person(self, visitor, as_of):
        counts = collections.Counter(
            c for t, c, _ in self.events[visitor] if t < as_of and c)
        if not counts:
            return None
        return min(counts, key=lambda c: (-counts[c], c.encode()))

    def by_customer(self, as_of):
        """customer -> its visitors' sessions as (start, rank, source),
        sorted."""
        out = collections.defaultdict(list)
        for visitor, starts in self.starts.items():
            customer = self.person(visitor, as_of)
            if customer is None:
                continue
            for start, source in starts:
                out[customer].append((start, self.rank[visitor], source))
        for sessions in out.values():
            sessions.sort()
        return out


def expected_credit(book, sessions, period):
    """{model: {channel: [conversions, revenue]}} for last and linear."""
    as_of = micros(period.end)
    people = sessions.by_customer(as_of)
    credit = {m: collections.defaultdict(lambda: [0.0, 0.0])
              for m in ("last", "linear")}
    for customer, time, total in book.purchases:
        if customer is None or time not in period:
            continue
        c = micros(time)
        mine = people.get(customer, [])
        lo = bisect.bisect_left(mine, (c - WINDOW,))
        hi = bisect.bisect_left(mine, (c,))
        touchpoints = [s[2] or NO_SOURCE for s in mine[lo:hi]]
        amount = float(total)
        if not touchpoints:
            for model in credit:
                credit[model][NO_TOUCHPOINT][0] += 1
                credit[model][NO_TOUCHPOINT][1] += amount
            continue
        credit["last"][touchpoints[-1]][0] += 1
        credit["last"][touchpoints[-1]][1] += amount
        for channel in touchpoints:
            credit["linear"][channel][0] += 1 / len(touchpoints)
            credit["linear"][channel][1] += amount / len(touchpoints)
    return credit


class AttributionTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("attribution")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        cls.data = lib.make_demo_data(cls.dir / "data")
        spec = lib.write_spec(cls.dir / "attribution.yaml",
                              SPEC.format(data=cls.data))
        cls.out = cls.dir / "out"
        cls.result = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                    "--out", cls.out, "-q"])
        cls.period = xcheck.Period(2026, 10)
        cls.book = xcheck.OrderBook(cls.data / "crm.sqlite")
        cls.sessions = Sessions(cls.data / "web_events.csv")

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def rows(self):
        table = {k["id"]: k for k in self.kpis()["kpis"]}[
            "attribution_by_channel"]
        names = [c["name"] for c in table["columns"]]
        return [dict(zip(names, row)) for row in table["rows"]]

    def test_conversions_are_the_purchases_of_identified_customers(self):
        values = lib.value_kpis(self.kpis())
        expected = sum(1 for customer, time, _ in self.book.purchases
                       if customer is not None and time in self.period)
        self.assertGreater(expected, 100)
        self.assertEqual(values["conversions"]["value"], expected)

    def test_last_and_linear_match_the_recomputation(self):
        rows = self.rows()
        expected = expected_credit(self.book, self.sessions, self.period)
        for model, channels in expected.items():
            got = {r["channel"]: r for r in rows if r["model"] == model}
            # The demo data must give several channels, and touchpoints.
            self.assertGreater(len(channels), 3)
            self.assertIn("direct", channels)
            for channel, (conversions, revenue) in channels.items():
                with self.subTest(model=model, channel=channel):
                    self.assertIn(channel, got)
                    self.assertAlmostEqual(got[channel]["conversions"],
                                           conversions, places=6)
                    self.assertAlmostEqual(got[channel]["revenue"], revenue,
                                           delta=1e-6 * max(1.0, revenue))
            # Channels with neither credit nor spend have no row; those
            # with spend only, 0.
            for channel, row in got.items():
                if channel not in channels:
                    self.assertEqual(row["conversions"], 0)
                    self.assertIsNotNone(row["spend"])

    def test_roas_of_a_channel_with_spend(self):
        # `direct` is both a source and a spend channel of the demo data.
        with sqlite3.connect(self.data / "crm.sqlite") as db:
            spend = sum(float(s) for (s,) in db.execute(
                "SELECT spend FROM marketing_spend WHERE month = '2026-10' "
                "AND channel = 'direct'"))
        self.assertGreater(spend, 0)
        for row in self.rows():
            if row["channel"] == "direct":
                # Decimals are exact text in kpis.json.
                self.assertAlmostEqual(float(row["spend"]), spend, places=2)
                self.assertAlmostEqual(row["roas"], row["revenue"] / spend,
                                       places=9)
            elif row["channel"] == "google/cpc":
                # No spend channel of that name: no value, not 0.
                self.assertIsNone(row["spend"])
                self.assertIsNone(row["roas"])


if __name__ == "__main__":
    lib.main()
