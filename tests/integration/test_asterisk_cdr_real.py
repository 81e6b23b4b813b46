"""Real Asterisk CDR files read by the asterisk_cdr connector into the
canonical `calls` dataset, and the call_centre KPIs (docs/kpis.md section
6) of the month checked against figures computed here, independently, from
the raw file with the standard csv module.

The production file (shared/realdata/asterisk/prod_21col_Master.csv: 84
rows of cdr_csv's 21 fields, January 2024; its uniqueids are the epoch of
the start times read as UTC, so the report's zone is UTC) is recomputed as
docs/connectors.md ("asterisk_cdr") says a call is made: the rows sharing
a linkedid (field 20) are one call, started at its earliest start;
answered when a row is ANSWERED with an answer time, then waiting until the
earliest such answer and handled for the billsec of those rows; else
abandoned, after waiting until its latest end. The queue is the dst of the
caller's row (the one whose uniqueid is the linkedid): `queue_from: dst`.
The cdr_custom file is checked the same way, grouped by uniqueid, through a
spec giving its column order as a list."""

import collections
import csv
import datetime
import json
import pathlib
import unittest

import vigie_testlib as lib

SPEC = """\
report:
  id: pbx
  title: "PBX calls, monthly"
  locale: en_GB
  time_zone: UTC
  # Both files are clean: any reject would be a bug.
  reject_threshold: 0.001
sources:
  - id: pbx
    connector: asterisk_cdr
    dataset: calls
    config:
      path: "{path}"
      queue_from: dst
{extra}
parameters:
  service_level_seconds: 5
kpis:
  - {{id: offered, indicator: call_centre}}
  - {{id: answered, indicator: call_centre}}
  - {{id: abandoned, indicator: call_centre}}
  - {{id: abandonment_rate, indicator: call_centre}}
  - {{id: service_level, indicator: call_centre}}
  - {{id: asa, indicator: call_centre}}
  - {{id: aht, indicator: call_centre}}
  - {{id: calls_by_queue, indicator: call_centre}}
sections:
  - title: "Calls"
    blocks:
      - tiles: [offered, answered, abandonment_rate, service_level, asa, aht]
      - table: calls_by_queue
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""

CUSTOM_COLUMNS = """\
      columns: [clid, src, dst, dcontext, channel, dstchannel, lastapp,
                lastdata, start, answer, end, duration, billsec, disposition,
                amaflags, accountcode, uniqueid, userfield, sequence]"""

CDR_CSV_21 = ["accountcode", "src", "dst", "dcontext", "clid", "channel",
              "dstchannel", "lastapp", "lastdata", "start", "answer", "end",
              "duration", "billsec", "disposition", "amaflags", "uniqueid",
              "userfield", "peeraccount", "linkedid", "sequence"]
CUSTOM_19 = ["clid", "src", "dst", "dcontext", "channel", "dstchannel",
             "lastapp", "lastdata", "start", "answer", "end", "duration",
             "billsec", "disposition", "amaflags", "accountcode", "uniqueid",
             "userfield", "sequence"]
SERVICE_LEVEL_SECONDS = 5


def read_rows(path, names):
    """The file's rows as dicts; bytes that are not UTF-8 kept as latin-1
    (only caller names hold some, and no figure reads them)."""
    text = pathlib.Path(path).read_bytes().decode("latin-1")
    return [dict(zip(names, row), line=n)
            for n, row in enumerate(csv.reader(text.splitlines()), start=1)]


def expected_calls(rows, key):
    """One dict a call, grouping the rows by the field `key`."""
    def time(text):
        return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    groups = collections.defaultdict(list)
    for row in rows:
        groups[row[key]].append(row)
    calls = []
    for call_id, legs in groups.items():
        start = min(time(leg["start"]) for leg in legs)
        answered = [leg for leg in legs
                    if leg["disposition"] == "ANSWERED" and leg["answer"]]
        if answered:
            wait = min(time(leg["answer"]) for leg in answered) - start
            handle = sum(int(leg["billsec"]) for leg in answered)
        else:
            wait = max(time(leg["end"]) for leg in legs) - start
            handle = 0
        callers = [leg for leg in legs if leg["uniqueid"] == call_id]
        first = min(callers or legs,
                    key=lambda leg: (time(leg["start"]), leg["line"]))
        calls.append({"id": call_id, "start": start,
                      "answered": bool(answered),
                      "wait": int(wait.total_seconds()), "handle": handle,
                      "queue": first["dst"]})
    return calls


class AsteriskCdrRealTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        folder = pathlib.Path(lib.PATHS.shared_dir, "realdata", "asterisk")
        cls.prod = folder / "prod_21col_Master.csv"
        cls.lab = folder / "lab_18col_Master.csv"
        cls.custom = folder / "cdr_custom_19col_Master.csv"
        if not cls.prod.is_file():
            raise unittest.SkipTest(f"{cls.prod} is not there")
        cls.dir = lib.make_temp_dir("asterisk-cdr")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)

    def run_report(self, name, path, period, extra=""):
        spec = lib.write_spec(self.dir / f"{name}.yaml",
                              SPEC.format(path=path, extra=extra))
        out = self.dir / name
        result = lib.run_vigie(["run", spec, "--period", period, "--out", out,
                                "-q"], timeout=240)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        with open(out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def check_figures(self, kpis, calls):
        """Every KPI of the spec against the calls recomputed here."""
        values = lib.value_kpis(kpis)
        answered = [c for c in calls if c["answered"]]
        self.assertEqual(values["offered"]["value"], len(calls))
        self.assertEqual(values["answered"]["value"], len(answered))
        self.assertEqual(values["abandoned"]["value"],
                         len(calls) - len(answered))
        self.assertAlmostEqual(values["abandonment_rate"]["value"],
                               (len(calls) - len(answered)) / len(calls),
                               places=12)
        self.assertAlmostEqual(
            values["service_level"]["value"],
            sum(c["wait"] <= SERVICE_LEVEL_SECONDS for c in answered)
            / len(calls), places=12)
        self.assertAlmostEqual(values["asa"]["value"],
                               sum(c["wait"] for c in answered)
                               / len(answered), places=9)
        self.assertAlmostEqual(values["aht"]["value"],
                               sum(c["handle"] for c in answered)
                               / len(answered), places=9)
        table = {k["id"]: k for k in kpis["kpis"]}["calls_by_queue"]
        names = [c["name"] for c in table["columns"]]
        rows = [dict(zip(names, row)) for row in table["rows"]]
        queues = collections.Counter(c["queue"] for c in calls)
        self.assertEqual({r["queue"]: r["calls"] for r in rows},
                         dict(queues))
        # Most calls first, ties in byte order.
        self.assertEqual([r["queue"] for r in rows],
                         [q for q, _ in sorted(queues.items(),
                                               key=lambda kv: (-kv[1], kv[0]))])

    def test_production_file_grouped_by_linkedid(self):
        kpis = self.run_report("prod", self.prod, "2024-01")
        calls = expected_calls(read_rows(self.prod, CDR_CSV_21), "linkedid")
        # The file's 84 rows are 36 calls of 27 and 28 January 2024: the
        # connector gives the engine one row a call.
        self.assertEqual(len(calls), 36)
        self.assertTrue(all(c["start"].strftime("%Y-%m") == "2024-01"
                            for c in calls))
        # Every call read; the time range found is the calls' first and
        # last start (UTC, the report's zone); the values repaired are the
        # fields whose bytes are not UTF-8 (some caller names), counted here
        # with Python's decoder.
        rows = read_rows(self.prod, CDR_CSV_21)
        bad_utf8 = 0
        for row in rows:
            for name in CDR_CSV_21:
                try:
                    row[name].encode("latin-1").decode("utf-8")
                except UnicodeDecodeError:
                    bad_utf8 += 1
        self.assertGreater(bad_utf8, 0)
        self.assertEqual(kpis["data_quality"]["sources"],
                         [{"source": "pbx", "rows_read": 36,
                           "rows_rejected": 0,
                           "first": min(c["start"] for c in calls).isoformat()
                           + "+00:00",
                           "last": max(c["start"] for c in calls).isoformat()
                           + "+00:00",
                           "repaired_values": bad_utf8}])
        self.check_figures(kpis, calls)
        # Not a figure that could pass by accident: both queues (the two
        # numbers dialled), answered and abandoned calls are there.
        self.assertEqual(set(c["queue"] for c in calls), {"211553", "211474"})
        self.assertEqual(sum(not c["answered"] for c in calls), 5)

    def test_production_file_gzip_gives_the_same_report(self):
        import gzip
        packed = self.dir / "Master.csv.gz"
        packed.write_bytes(gzip.compress(self.prod.read_bytes()))
        plain = self.run_report("plain", self.prod, "2024-01")
        from_gzip = self.run_report("gzip", packed, "2024-01")
        self.assertEqual(lib.value_kpis(from_gzip), lib.value_kpis(plain))

    def test_cdr_custom_file_with_its_column_order(self):
        kpis = self.run_report("custom", self.custom, "2023-07",
                               extra=CUSTOM_COLUMNS)
        calls = expected_calls(read_rows(self.custom, CUSTOM_19), "uniqueid")
        self.assertEqual(len(calls), 14)
        self.check_figures(kpis, calls)

    def test_a_wrong_layout_fails_naming_the_file_and_line(self):
        spec = lib.write_spec(
            self.dir / "wrong.yaml",
            SPEC.format(path=self.lab, extra='      layout: "21"'))
        result = lib.run_vigie(["run", spec, "--period", "2015-04", "--out",
                                self.dir / "wrong", "-q"], timeout=240)
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn(f"{self.lab}:1: expected 21 fields (cdr_csv (21 "
                      "fields)), found 18", result.stderr)

    def test_a_misspelt_column_is_a_spec_error(self):
        spec = lib.write_spec(
            self.dir / "misspelt.yaml",
            SPEC.format(path=self.custom,
                        extra=CUSTOM_COLUMNS.replace("dstchannel",
                                                     "dstchanel")))
        result = lib.run_vigie(["validate", spec])
        self.assertEqual(result.returncode, 2, lib.describe(result))
        # Line 15 of the spec is `columns: [...]`; column 52 is the sixth
        # name's first letter.
        self.assertIn("misspelt.yaml:15:52: sources[0].config.columns[5]: "
                      "expected one of accountcode, src,", result.stderr)
        self.assertIn("got 'dstchanel'", result.stderr)

    def test_bad_rows_are_rejects_with_their_line(self):
        # A copy of the production file with line 83's start damaged: that
        # row (a call of its own, BUSY) is a reject; the 35 others read.
        lines = self.prod.read_bytes().split(b"\n")
        lines[82] = lines[82].replace(b'"2024-01-28 11:57:38",', b'"soon",',
                                      1)
        damaged = self.dir / "damaged.csv"
        damaged.write_bytes(b"\n".join(lines))
        spec = lib.write_spec(
            self.dir / "damaged.yaml",
            SPEC.format(path=damaged, extra="").replace(
                "reject_threshold: 0.001", "reject_threshold: 0.05"))
        out = self.dir / "damaged"
        result = lib.run_vigie(["run", spec, "--period", "2024-01", "--out",
                                out, "-q"], timeout=240)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        with open(out / "rejects.csv", newline="", encoding="utf-8") as f:
            rejects = list(csv.DictReader(f))
        self.assertEqual(len(rejects), 1)
        self.assertEqual(rejects[0]["source"], "pbx")
        self.assertEqual(rejects[0]["line"], "83")
        self.assertEqual(rejects[0]["reason"],
                         "start 'soon' is not a time YYYY-MM-DD HH:MM:SS")
        with open(out / "kpis.json", encoding="utf-8") as f:
            values = lib.value_kpis(json.load(f))
        self.assertEqual(values["offered"]["value"], 35)


if __name__ == "__main__":
    lib.main()
