"""A real call-centre log: the PhoneNow file (5,000 calls of January to
March 2021: Call Id, Agent, Date, Time, Topic, Answered (Y/N), Resolved,
Speed of answer in seconds, AvgTalkDuration, Satisfaction rating; UTF-8
with a BOM), read by the csv connector with a mapping onto the canonical
`calls` dataset, and the call_centre KPIs of February 2021 checked against
figures computed here, independently, from the raw file with the standard
csv module, following KPI-CATALOG.md section 6 and docs/kpi-choices.md
(call_centre).

The mapping: started_at = Date + " " + Time (local time, one-digit hours
such as 9:12:58; the report's zone is UTC), outcome = Answered Y/N recoded
to answered/abandoned, reason = Topic, wait_s = Speed of answer in seconds
(empty for unanswered calls: null), csat = Satisfaction rating (empty for
unanswered calls), handle_s = seconds(AvgTalkDuration), a duration
written H:MM:SS ("0:02:23", empty for unanswered calls). The file has no customer, direction or queue: every call
is inbound, fcr has no value, and the calls are all "without queue".

The recomputation: every row of the file whose Date is in 2021-02 is an
offered call; Answered "Y" is answered, "N" abandoned; ASA is the mean of
Speed of answer over the answered calls; AHT the mean of AvgTalkDuration
over them, each turned into seconds here with int() on its three parts;
the service level counts the
answered calls with a speed <= 20 s over the offered ones; calls by reason
count the Topic. Resolved (Y/N) is not in the canonical model and has no
KPI: it is only cross-checked against the answered calls (every resolved
call was answered, so resolved <= answered). Satisfaction has no
call_centre KPI either (it is the experience indicator's csat, section 7):
the mapping must read every rating as an int 1..5 without a reject, and
the ratings are only counted here as that cross-check."""

import collections
import csv
import datetime
import json
import pathlib
import unittest

import vigie_testlib as lib

SPEC = """\
report:
  id: phonenow
  title: "PhoneNow call centre, monthly"
  locale: en_GB
  time_zone: UTC
  # The file is clean for these columns: any reject would be a bug.
  reject_threshold: 0.001
sources:
  - id: phonenow
    connector: csv
    dataset: calls
    config: {{path: "{path}"}}
    mapping:
      call_id: "`Call Id`"
      started_at: "concat(Date, ' ', Time)"
      outcome: "recode(`Answered (Y/N)`, 'Y', 'answered', 'N', 'abandoned')"
      reason: Topic
      wait_s: "`Speed of answer in seconds`"
      csat: "`Satisfaction rating`"
      handle_s: "seconds(AvgTalkDuration)"
parameters:
  service_level_seconds: 20
  top_reasons: 3
kpis:
  - {{id: offered, indicator: call_centre}}
  - {{id: answered, indicator: call_centre}}
  - {{id: abandoned, indicator: call_centre}}
  - {{id: abandonment_rate, indicator: call_centre}}
  - {{id: service_level, indicator: call_centre}}
  - {{id: asa, indicator: call_centre}}
  - {{id: aht, indicator: call_centre}}
  - {{id: fcr, indicator: call_centre}}
  - {{id: calls_by_reason, indicator: call_centre}}
  - {{id: top_reasons, indicator: call_centre}}
sections:
  - title: "Calls"
    blocks:
      - tiles: [offered, answered, abandonment_rate, service_level, asa, fcr]
      - table: calls_by_reason
      - table: top_reasons
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""

MONTH = "2021-02"
PREVIOUS = "2021-01"


def expected_figures(path):
    """The figures of each month of the file, by the catalogue's rules."""
    months = collections.defaultdict(lambda: {
        "offered": 0, "answered": 0, "abandoned": 0, "waits": [], "talks": [],
        "within": 0, "reasons": collections.Counter(), "resolved": 0,
        "ratings": collections.Counter()})
    rows = 0
    # utf-8-sig: the file starts with a byte order mark.
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rows += 1
            m = months[row["Date"][:7]]
            m["offered"] += 1
            m["reasons"][row["Topic"]] += 1
            if row["Answered (Y/N)"] == "Y":
                m["answered"] += 1
                wait = int(row["Speed of answer in seconds"])
                m["waits"].append(wait)
                m["within"] += wait <= 20
                h, mm, ss = row["AvgTalkDuration"].split(":")
                m["talks"].append(int(h) * 3600 + int(mm) * 60 + int(ss))
            else:
                m["abandoned"] += 1
            m["resolved"] += row["Resolved"] == "Y"
            if row["Satisfaction rating"]:
                m["ratings"][int(row["Satisfaction rating"])] += 1
    return rows, months


class CallCentreRealTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.data = pathlib.Path(lib.PATHS.shared_dir, "realdata",
                                "callcenter", "phonenow_calls.csv")
        if not cls.data.is_file():
            raise unittest.SkipTest(f"{cls.data} is not there")
        cls.dir = lib.make_temp_dir("phonenow")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        spec = lib.write_spec(cls.dir / "phonenow.yaml",
                              SPEC.format(path=cls.data))
        cls.out = cls.dir / "out"
        cls.result = lib.run_vigie(["run", spec, "--period", MONTH, "--out",
                                    cls.out, "-q"], timeout=240)
        cls.rows, cls.months = expected_figures(cls.data)

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def table(self, kpi):
        table = {k["id"]: k for k in self.kpis()["kpis"]}[kpi]
        names = [c["name"] for c in table["columns"]]
        return [dict(zip(names, row)) for row in table["rows"]]

    def test_every_call_is_read_and_none_rejected(self):
        quality = self.kpis()["data_quality"]
        self.assertEqual(quality["rows_rejected"], 0)
        # The time range found: the earliest and latest Date + Time of the
        # file (one-digit hours read by strptime), in the report's zone, UTC.
        with open(self.data, encoding="utf-8-sig", newline="") as f:
            times = [datetime.datetime.strptime(
                         f"{row['Date']} {row['Time']}", "%Y-%m-%d %H:%M:%S")
                     for row in csv.DictReader(f)]
        self.assertEqual(quality["sources"],
                         [{"source": "phonenow", "rows_read": self.rows,
                           "rows_rejected": 0,
                           "first": min(times).isoformat() + "+00:00",
                           "last": max(times).isoformat() + "+00:00"}])
        self.assertEqual(self.rows, 5000)

    def test_volumes_of_the_month_and_the_previous_one(self):
        values = lib.value_kpis(self.kpis())
        for month, key in [(MONTH, "value"), (PREVIOUS, "previous")]:
            m = self.months[month]
            for kpi in ["offered", "answered", "abandoned"]:
                with self.subTest(kpi=kpi, month=month):
                    self.assertEqual(values[kpi][key], m[kpi])
            with self.subTest(kpi="abandonment_rate", month=month):
                self.assertAlmostEqual(values["abandonment_rate"][key],
                                       m["abandoned"] / m["offered"],
                                       places=12)
            # Cross-check of the raw file itself: answered and abandoned
            # make up the month, and only answered calls are resolved.
            self.assertEqual(m["answered"] + m["abandoned"], m["offered"])
            self.assertLessEqual(m["resolved"], m["answered"])

    def test_speed_of_answer_and_service_level(self):
        values = lib.value_kpis(self.kpis())
        m = self.months[MONTH]
        self.assertAlmostEqual(values["asa"]["value"],
                               sum(m["waits"]) / len(m["waits"]), places=9)
        self.assertAlmostEqual(values["service_level"]["value"],
                               m["within"] / m["offered"], places=12)

    def test_handling_time_from_h_mm_ss_durations(self):
        values = lib.value_kpis(self.kpis())
        for month, key in [(MONTH, "value"), (PREVIOUS, "previous")]:
            talks = self.months[month]["talks"]
            self.assertEqual(len(talks), self.months[month]["answered"])
            self.assertAlmostEqual(values["aht"][key], sum(talks) / len(talks),
                                   places=9)

    def test_no_customer_no_first_contact_resolution(self):
        self.assertIsNone(lib.value_kpis(self.kpis())["fcr"]["value"])

    def test_calls_by_reason_and_top_reasons(self):
        m = self.months[MONTH]
        rows = self.table("calls_by_reason")
        self.assertEqual({r["reason"]: r["calls"] for r in rows},
                         dict(m["reasons"]))
        for r in rows:
            self.assertAlmostEqual(r["share"], r["calls"] / m["offered"],
                                   places=12)
        # Most calls first, ties in byte order; the top keeps three.
        ranked = sorted(m["reasons"].items(), key=lambda kv: (-kv[1], kv[0]))
        self.assertEqual([r["reason"] for r in rows],
                         [reason for reason, _ in ranked])
        self.assertEqual([(r["rank"], r["reason"], r["calls"])
                          for r in self.table("top_reasons")],
                         [(i + 1, reason, calls)
                          for i, (reason, calls) in enumerate(ranked[:3])])

    def test_satisfaction_ratings_are_read(self):
        # No KPI of call_centre reads csat; the ratings of the month are
        # all on the 1..5 scale the mapping accepts without a reject.
        ratings = self.months[MONTH]["ratings"]
        self.assertEqual(set(ratings), {1, 2, 3, 4, 5})
        self.assertEqual(sum(ratings.values()), self.months[MONTH]["answered"])


if __name__ == "__main__":
    lib.main()
