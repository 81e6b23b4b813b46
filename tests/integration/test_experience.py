"""The experience KPIs (KPI-CATALOG.md section 7) of the demo data, checked
against figures recomputed here from the raw demo files with the standard
library, following the catalog and docs/kpi-choices.md "Experience
(section 7)": nps and csat of October 2026 (P) and September (P'), and the
touchpoint matrix of October with its volume (web sessions, inbound
calls, purchases). Times in the demo files are local Europe/Paris text,
and the report's periods are Paris months: a time is in October when its
text starts with 2026-10."""

import collections
import csv
import datetime
import json
import math
import re
import sqlite3
import unittest
import zoneinfo

import vigie_testlib as lib

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
SESSION_GAP = datetime.timedelta(minutes=30)

# The step mapping of the spec below, as the controller reads it.
STEPS = ["discover", "subscribe", "onboarding", "usage", "support", "renewal"]
STEP_PAGES = {
    "discover": "/|/offres|/produits/*",
    "subscribe": "/inscription|/panier|/commande|/commande/*",
    "usage": "/espace-client|/espace-client/*",
    "support": "/aide|/aide/*|/contact",
}
STEP_ACTIONS = {"support": "*"}
STEP_CALL_REASONS = {"support": "*"}
STEP_ORDER_CHANNELS = {"subscribe": "*"}

SPEC = """\
report:
  id: experience
  title: "Experience"
  locale: en_GB
  time_zone: Europe/Paris
  period: month
  comparison: previous
  series: 3
sources:
  - {{id: surveys, connector: crm_sql, dataset: surveys,
     config: {{url: "sqlite3://db={data}/crm.sqlite", table: surveys}}}}
  - {{id: orders, connector: crm_sql, dataset: orders,
     config: {{url: "sqlite3://db={data}/crm.sqlite", table: orders}}}}
  - {{id: calls, connector: csv, dataset: calls,
     config: {{path: "{data}/calls.csv"}}}}
  - {{id: web, connector: csv, dataset: web_events,
     config: {{path: "{data}/web_events.csv"}}}}
parameters:
  journey_steps: [{steps}]
  step_pages: {{{pages}}}
  step_actions: {{support: "*"}}
  step_call_reasons: {{support: "*"}}
  step_order_channels: {{subscribe: "*"}}
kpis:
  - {{id: nps, indicator: experience}}
  - {{id: csat, indicator: experience}}
  - {{id: touchpoints, indicator: experience}}
  - {{id: irritants, indicator: experience}}
  - {{id: journey_curve, indicator: experience}}
sections:
  - title: "Experience"
    blocks:
      - tiles: [nps, csat]
      - table: {{kpi: touchpoints}}
      - table: {{kpi: journey_curve}}
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""


def pattern_key(patterns, text):
    """The step of `text` by a map step -> "alt|alt": the matching
    alternative without * first, then the one with more literal
    characters, then the step name; None when none matches."""
    best = None
    for step, pattern in patterns.items():
        for alternative in pattern.split("|"):
            regex = ".*".join(re.escape(p) for p in alternative.split("*"))
            if re.fullmatch(regex, text):
                key = ("*" in alternative, -len(alternative.replace("*", "")),
                       step)
                if best is None or key < best:
                    best = key
    return None if best is None else best[2]


def month_of(text):
    return text[:7]


def instant(local_text):
    local = datetime.datetime.fromisoformat(local_text.replace(" ", "T"))
    return local.replace(tzinfo=PARIS).astimezone(datetime.timezone.utc)


class Tally:
    def __init__(self):
        self.answers = self.csat_answers = self.satisfied = 0
        self.nps_answers = self.promoters = self.detractors = 0

    def add(self, csat, nps):
        csat = csat if csat is not None and 1 <= csat <= 5 else None
        nps = nps if nps is not None and 0 <= nps <= 10 else None
        if csat is None and nps is None:
            return
        self.answers += 1
        if csat is not None:
            self.csat_answers += 1
            self.satisfied += csat >= 4
        if nps is not None:
            self.nps_answers += 1
            self.promoters += nps >= 9
            self.detractors += nps <= 6

    def csat(self):
        return self.satisfied / self.csat_answers if self.csat_answers else None

    def nps(self):
        if not self.nps_answers:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.nps_answers


def number(text):
    return int(text) if text not in (None, "") else None


def recompute(data, month):
    """By month: the overall Tally; for `month`: the cells' Tally and
    volume."""
    overall = collections.defaultdict(Tally)
    cells = collections.defaultdict(Tally)
    volume = collections.Counter()
    db = sqlite3.connect(data / "crm.sqlite")
    for ts, step, channel, csat, nps in db.execute(
            "SELECT ts, step, channel, csat, nps FROM surveys"):
        overall[month_of(ts)].add(csat, nps)
        if month_of(ts) == month and step and channel:
            cells[(step, channel)].add(csat, nps)
    with open(data / "calls.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row.get("direction", "") not in ("", "inbound"):
                continue
            when = month_of(row["started_at"])
            csat = number(row["csat"])
            if csat is not None:
                overall[when].add(csat, None)
                if when == month:
                    cells[("support", "phone")].add(csat, None)
            if when == month:
                step = pattern_key(STEP_CALL_REASONS, row["reason"]) \
                    if row["reason"] else None
                if step:
                    volume[(step, "phone")] += 1
    orders = {}
    for order_id, ordered_at, amount, channel in db.execute(
            "SELECT order_id, ordered_at, amount, channel FROM orders "
            "ORDER BY rowid"):
        o = orders.setdefault(order_id, {"time": ordered_at, "total": 0,
                                         "channel": None, "channel_time": None})
        o["time"] = min(o["time"], ordered_at)
        o["total"] += round(float(amount) * 100)
        if channel and (o["channel_time"] is None
                        or ordered_at < o["channel_time"]):
            o["channel"], o["channel_time"] = channel, ordered_at
    for o in orders.values():
        if o["total"] > 0 and month_of(o["time"]) == month and o["channel"]:
            step = pattern_key(STEP_ORDER_CHANNELS, o["channel"])
            if step:
                volume[(step, o["channel"])] += 1
    # Sessions: a visitor's events in time order, a new session after a gap
    # longer than 30 minutes, in the month of its first event.
    events = collections.defaultdict(list)
    with open(data / "web_events.csv", newline="", encoding="utf-8") as f:
        for n, row in enumerate(csv.DictReader(f)):
            events[row["visitor_id"]].append(
                (instant(row["ts"]), n, row["ts"], row["page"],
                 row["action"], row["device"]))
    for visitor_events in events.values():
        visitor_events.sort()
        sessions, last = [], None
        for e in visitor_events:
            if last is None or e[0] - last > SESSION_GAP:
                sessions.append([])
            sessions[-1].append(e)
            last = e[0]
        for s in sessions:
            if month_of(s[0][2]) != month:
                continue
            channel = "app" if s[0][5] == "app" else "web"
            steps = set()
            for _, _, _, page, action, _ in s:
                if page:
                    steps.add(pattern_key(STEP_PAGES, page))
                if action:
                    steps.add(pattern_key(STEP_ACTIONS, action))
            for step in steps - {None}:
                volume[(step, channel)] += 1
    return overall, cells, volume


class ExperienceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("experience")
        cls.data = lib.make_demo_data(cls.dir / "data")
        spec = lib.write_spec(cls.dir / "experience.yaml", SPEC.format(
            data=cls.data, steps=", ".join(STEPS),
            pages=", ".join(f'{k}: "{v}"' for k, v in STEP_PAGES.items())))
        cls.out = cls.dir / "out"
        cls.result = lib.run_vigie(["run", spec, "--period", lib.DEMO_PERIOD,
                                    "--out", cls.out],
                                   env=lib.clean_environment())
        cls.expected = recompute(cls.data, lib.DEMO_PERIOD)

    @classmethod
    def tearDownClass(cls):
        lib.remove_temp_dir(cls.dir)

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        return json.loads((self.out / "kpis.json").read_text(encoding="utf-8"))

    def assert_close(self, got, expected, what):
        if expected is None:
            self.assertIsNone(got, what)
            return
        self.assertIsNotNone(got, what)
        self.assertTrue(math.isclose(got, expected, rel_tol=1e-9,
                                     abs_tol=1e-9),
                        f"{what}: kpis.json {got!r}, recomputed {expected!r}")

    def test_nps_and_csat_of_p_and_p_prime(self):
        values = lib.value_kpis(self.kpis())
        overall = self.expected[0]
        for key, month in (("value", "2026-10"), ("previous", "2026-09")):
            self.assertGreater(overall[month].nps_answers, 0)
            self.assert_close(values["nps"][key], overall[month].nps(),
                              f"nps {month}")
            self.assert_close(values["csat"][key], overall[month].csat(),
                              f"csat {month}")

    def test_touchpoint_matrix_with_volume(self):
        doc = {k["id"]: k for k in self.kpis()["kpis"]}
        table = doc["touchpoints"]
        names = [c["name"] for c in table["columns"]]
        rows = {(r["step"], r["channel"]): r
                for r in (dict(zip(names, row)) for row in table["rows"])}
        _, cells, volume = self.expected
        keys = {k for k, t in cells.items() if t.answers} | \
            {k for k, v in volume.items() if v}
        self.assertEqual(set(rows), keys)
        for key, row in rows.items():
            tally = cells.get(key, Tally())
            with self.subTest(cell=key):
                self.assertEqual(row["volume"], volume.get(key, 0))
                self.assertEqual(row["answers"], tally.answers)
                self.assertEqual(row["csat_answers"], tally.csat_answers)
                self.assert_close(row["csat"], tally.csat(), f"csat {key}")
                self.assert_close(row["nps"], tally.nps(), f"nps {key}")
        # The spec's step order, then channel names.
        order = [(row[names.index("step")], row[names.index("channel")])
                 for row in table["rows"]]
        self.assertEqual(order, sorted(order, key=lambda k: (
            STEPS.index(k[0]) if k[0] in STEPS else len(STEPS), k)))
        # Irritants are cells of the matrix under both limits.
        irritants = doc["irritants"]
        inames = [c["name"] for c in irritants["columns"]]
        got = {(r["step"], r["channel"]) for r in
               (dict(zip(inames, row)) for row in irritants["rows"])}
        want = {k for k, t in cells.items() if t.csat_answers >= 30
                and t.satisfied * 10000 < 7000 * t.csat_answers}
        self.assertEqual(got, want)


if __name__ == "__main__":
    lib.main()
