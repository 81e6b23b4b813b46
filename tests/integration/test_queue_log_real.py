"""A real queue_log: the PBXware (Asterisk-based) call centre export of
../shared/realdata/asterisk/pbxware_queue_log_export.csv (1,000 events of
2018-11-29 to 2018-12-04, one queue, IT), read by the asterisk_queue_log
connector with no mapping, and the call_centre KPIs of December 2018 (and
of November, the month compared) checked against figures computed here,
independently, from the raw CSV with the standard csv module.

The recomputation reads the events in file order and counts:
- a call: a callid with an ENTERQUEUE row; its queue is that row's
  queue_name and its month the UTC month of that row's date_time (the
  epoch);
- answered: the calls whose callid later has COMPLETECALLER,
  COMPLETEAGENT, ATTENDEDTRANSFER, BLINDTRANSFER or TRANSFER;
  abandoned: those whose callid later has ABANDON, EXITWITHTIMEOUT,
  EXITEMPTY or EXITWITHKEY; offered: both;
- the calls with an ENTERQUEUE and none of those ends are not offered:
  the connector reports them as rejected rows, each at the line of its
  ENTERQUEUE (checked in rejects.csv);
- ASA: the mean of the CONNECT rows' htime (holdtime) over the answered
  calls; AHT: the mean of the ending rows' ttime (calltime) over them;
  service level: answered calls whose CONNECT htime is at most 20 s over
  the offered calls.
Rows of callid NONE, agent bookkeeping (ADDMEMBER, ...), RINGNOANSWER and
PBXware's outbound OUT* events count for nothing.

Answered and abandoned calls per queue are two metrics of the spec
(`count` of calls with an outcome filter, `by: queue`); offered per queue
is call_centre's calls_by_queue."""

import collections
import csv
import datetime
import json
import pathlib
import unittest

import vigie_testlib as lib

SPEC = """\
report:
  id: pbxware
  title: "PBXware queues, monthly"
  locale: en_GB
  time_zone: UTC
  # 4 of 108 calls never end before the export stops: reported, not read.
  reject_threshold: 0.05
sources:
  - id: pbx
    connector: asterisk_queue_log
    dataset: calls
    config: {{path: "{path}", format: export}}
parameters:
  service_level_seconds: 20
kpis:
  - {{id: offered, indicator: call_centre}}
  - {{id: answered, indicator: call_centre}}
  - {{id: abandoned, indicator: call_centre}}
  - {{id: abandonment_rate, indicator: call_centre}}
  - {{id: service_level, indicator: call_centre}}
  - {{id: asa, indicator: call_centre}}
  - {{id: aht, indicator: call_centre}}
  - {{id: calls_by_queue, indicator: call_centre}}
  - id: answered_by_queue
    metric: {{aggregate: count, dataset: calls, filter: {{outcome: answered}},
              by: queue}}
  - id: abandoned_by_queue
    metric: {{aggregate: count, dataset: calls, filter: {{outcome: abandoned}},
              by: queue}}
sections:
  - title: "Calls"
    blocks:
      - tiles: [offered, answered, abandoned, abandonment_rate, service_level,
                asa, aht]
      - table: calls_by_queue
      - table: answered_by_queue
      - table: abandoned_by_queue
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""

MONTH = "2018-12"
PREVIOUS = "2018-11"
ANSWERED_ENDS = {"COMPLETECALLER", "COMPLETEAGENT", "ATTENDEDTRANSFER",
                 "BLINDTRANSFER", "TRANSFER"}
ABANDONED_ENDS = {"ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY", "EXITWITHKEY"}


def utc_month(epoch):
    return datetime.datetime.fromtimestamp(
        int(epoch), datetime.timezone.utc).strftime("%Y-%m")


def expected_figures(path):
    """Per month and queue: offered, answered, abandoned, the answered
    calls' waits and talk times; and the line of every call never ended."""
    calls = {}  # callid -> its record, while in the file
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            callid, event = row["callid"], row["event"]
            if event == "ENTERQUEUE":
                calls[callid] = {"line": reader.line_num,
                                 "month": utc_month(row["date_time"]),
                                 "queue": row["queue_name"],
                                 "hold": None, "outcome": None}
            elif callid not in calls or calls[callid]["outcome"]:
                continue
            elif event == "CONNECT":
                calls[callid]["hold"] = int(row["htime"])
            elif event in ANSWERED_ENDS:
                calls[callid].update(outcome="answered",
                                     talk=int(row["ttime"]))
            elif event in ABANDONED_ENDS:
                calls[callid]["outcome"] = "abandoned"
    months = collections.defaultdict(lambda: {
        "queues": collections.defaultdict(collections.Counter),
        "holds": [], "talks": []})
    never_ended = []
    for call in calls.values():
        if call["outcome"] is None:
            never_ended.append(call["line"])
            continue
        m = months[call["month"]]
        counts = m["queues"][call["queue"]]
        counts["offered"] += 1
        counts[call["outcome"]] += 1
        if call["outcome"] == "answered":
            m["holds"].append(call["hold"])
            m["talks"].append(call["talk"])
    return months, sorted(never_ended)


def total(month, key):
    return sum(q[key] for q in month["queues"].values())


class QueueLogRealTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.data = pathlib.Path(lib.PATHS.shared_dir, "realdata", "asterisk",
                                "pbxware_queue_log_export.csv")
        if not cls.data.is_file():
            raise unittest.SkipTest(f"{cls.data} is not there")
        cls.dir = lib.make_temp_dir("queue-log")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        spec = lib.write_spec(cls.dir / "pbxware.yaml",
                              SPEC.format(path=cls.data))
        cls.out = cls.dir / "out"
        cls.result = lib.run_vigie(["run", spec, "--period", MONTH, "--out",
                                    cls.out, "-q"], timeout=240)
        cls.months, cls.never_ended = expected_figures(cls.data)

    def kpis(self):
        self.assertEqual(self.result.returncode, 0, lib.describe(self.result))
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def table(self, kpi):
        table = {k["id"]: k for k in self.kpis()["kpis"]}[kpi]
        names = [c["name"] for c in table["columns"]]
        return [dict(zip(names, row)) for row in table["rows"]]

    def test_the_recomputation_covers_both_months(self):
        # The file's own shape, so that the checks below compare something:
        # calls in both months, answered and abandoned ones in December.
        dec, nov = self.months[MONTH], self.months[PREVIOUS]
        self.assertEqual(set(self.months), {MONTH, PREVIOUS})
        self.assertGreater(total(dec, "answered"), 0)
        self.assertGreater(total(dec, "abandoned"), 0)
        self.assertGreater(total(nov, "offered"), 0)
        self.assertEqual(len(self.never_ended), 4)

    def test_offered_answered_abandoned_of_both_months(self):
        values = lib.value_kpis(self.kpis())
        for month, key in [(MONTH, "value"), (PREVIOUS, "previous")]:
            m = self.months[month]
            for kpi in ["offered", "answered", "abandoned"]:
                with self.subTest(kpi=kpi, month=month):
                    self.assertEqual(values[kpi][key], total(m, kpi))
            with self.subTest(kpi="abandonment_rate", month=month):
                self.assertAlmostEqual(
                    values["abandonment_rate"][key],
                    total(m, "abandoned") / total(m, "offered"), places=12)

    def test_per_queue(self):
        queues = self.months[MONTH]["queues"]
        offered = {r["queue"]: r["calls"] for r in self.table("calls_by_queue")}
        self.assertEqual(offered,
                         {q: c["offered"] for q, c in queues.items()})
        for kpi in ["answered", "abandoned"]:
            with self.subTest(kpi=kpi):
                rows = self.table(f"{kpi}_by_queue")
                self.assertEqual(
                    {r["queue"]: r["value"] for r in rows},
                    {q: c[kpi] for q, c in queues.items() if c[kpi]})
                previous = self.months[PREVIOUS]["queues"]
                self.assertEqual(
                    {r["queue"]: r["previous"] for r in rows
                     if r["previous"]},
                    {q: c[kpi] for q, c in previous.items() if c[kpi]})

    def test_waits_talk_times_and_service_level(self):
        values = lib.value_kpis(self.kpis())
        for month, key in [(MONTH, "value"), (PREVIOUS, "previous")]:
            m = self.months[month]
            with self.subTest(month=month):
                self.assertAlmostEqual(values["asa"][key],
                                       sum(m["holds"]) / len(m["holds"]),
                                       places=9)
                self.assertAlmostEqual(values["aht"][key],
                                       sum(m["talks"]) / len(m["talks"]),
                                       places=9)
                within = sum(1 for h in m["holds"] if h <= 20)
                self.assertAlmostEqual(values["service_level"][key],
                                       within / total(m, "offered"),
                                       places=12)

    def test_calls_never_ended_are_rejects_at_their_line(self):
        quality = self.kpis()["data_quality"]
        offered = sum(total(m, "offered") for m in self.months.values())
        self.assertEqual([{k: s[k] for k in ("source", "rows_read",
                                              "rows_rejected")}
                          for s in quality["sources"]],
                         [{"source": "pbx",
                           "rows_read": offered + len(self.never_ended),
                           "rows_rejected": len(self.never_ended)}])
        with open(self.out / "rejects.csv", encoding="utf-8",
                  newline="") as f:
            rejects = list(csv.DictReader(f))
        self.assertEqual([int(r["line"]) for r in rejects], self.never_ended)
        for r in rejects:
            self.assertEqual(r["source"], "pbx")
            self.assertEqual(r["origin"], str(self.data))
            self.assertRegex(r["reason"],
                             r"^call still open at the end of the file: "
                             r"last event [A-Z]+ at line \d+ \(callid ")


if __name__ == "__main__":
    lib.main()
