"""examples/ticketing_connector/, built the way an IT team builds it.

Vigie is installed into a temporary prefix (`cmake --install`); the example
is built against that prefix alone (CMake, warnings as errors); the
prefix's `vigie` loads it (`plugins info --plugin-path`) and runs the
example's spec, tickets.yaml, from the example's folder, as its README
says.

The figures are checked against a recomputation from
sample/tickets.ndjson with Python's json module, by the connector's
documented rules (examples/ticketing_connector/README.md), not by its code:

- a line is a contact when it is a JSON object whose status is `solved`
  (answered) or `abandoned`, whose satisfaction is absent, null or a whole
  number 1..5, and whose metrics' first_response_seconds and
  handle_seconds are absent, null or whole numbers 0..31 days; any other
  line is a reject at its line number;
- a contact belongs to the month of its created_at in Europe/Paris (the
  report's zone; zoneinfo converts the instant);
- offered counts the contacts of the month, answered and abandoned those
  of each outcome, calls_by_queue the contacts of each channel.

Then the connector's own duties: a gzip copy gives the same figures; a copy
cut inside its last line rejects that line, saying it was cut; a gzip copy
cut short and files of the wrong layout (a JSON array; the real PhoneNow
CSV of ../shared/realdata) stop the run (exit 4) naming the file and line.
"""

import collections
import csv
import datetime
import gzip
import json
import pathlib
import subprocess
import sys
import unittest
import zoneinfo

import vigie_testlib as lib

ZONE = zoneinfo.ZoneInfo("Europe/Paris")
MONTH, PREVIOUS = "2026-10", "2026-09"
MAX_SECONDS = 31 * 86400


def run(args, cwd=None, env=None, timeout=600):
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env,
                          capture_output=True, text=True, errors="replace",
                          timeout=timeout)


def must(result):
    if result.returncode != 0:
        raise AssertionError(lib.describe(result))
    return result


def whole(value, low, high):
    """Absent, or a whole number (not a bool) within [low, high]."""
    return value is None or (type(value) is int and low <= value <= high)


def recompute(path):
    """(contacts by month, reject line numbers) by the README's rules."""
    months = collections.defaultdict(lambda: {
        "offered": 0, "answered": 0, "abandoned": 0,
        "channels": collections.Counter()})
    rejects = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if not line.strip():
                continue
            ticket = json.loads(line)
            metrics = ticket.get("metrics") or {}
            readable = (
                ticket.get("status") in ("solved", "abandoned")
                and whole(ticket.get("satisfaction"), 1, 5)
                and whole(metrics.get("first_response_seconds"), 0,
                          MAX_SECONDS)
                and whole(metrics.get("handle_seconds"), 0, MAX_SECONDS))
            if not readable:
                rejects.append(number)
                continue
            created = datetime.datetime.fromisoformat(ticket["created_at"])
            month = months[created.astimezone(ZONE).strftime("%Y-%m")]
            month["offered"] += 1
            month["answered" if ticket["status"] == "solved"
                  else "abandoned"] += 1
            month["channels"][ticket["channel"]] += 1
    return months, rejects


class TicketingExampleTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.dir = lib.make_temp_dir("ticketing")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        cls.example = lib.source_path("examples", "ticketing_connector")
        cls.sample = cls.example / "sample" / "tickets.ndjson"
        prefix = cls.dir / "prefix"
        must(run(["cmake", "--install", lib.PATHS.build_dir,
                  "--prefix", prefix]))
        cls.vigie_exe = prefix / "bin" / "vigie"
        cls.env = lib.clean_environment()
        build = cls.dir / "build"
        must(run(["cmake", "-S", cls.example, "-B", build,
                  f"-DCMAKE_PREFIX_PATH={prefix}",
                  "-DCMAKE_BUILD_TYPE=Release",
                  "-DCMAKE_CXX_FLAGS=-Wall -Wextra -Werror"]))
        must(run(["cmake", "--build", build, "-j2"]))
        cls.plugins = build / "plugins"
        cls.months, cls.rejects = recompute(cls.sample)

    def vigie(self, *args, cwd=None):
        """The prefix's vigie, in a clean environment."""
        return run([self.vigie_exe, *args], cwd=cwd or self.dir, env=self.env)

    def report(self, spec, out, cwd=None):
        """Runs a spec; returns (result, kpis.json or None)."""
        result = self.vigie("run", spec, "--period", MONTH, "--out", out,
                            "--plugin-path", self.plugins, "-q", cwd=cwd)
        kpis = None
        if result.returncode == 0:
            with open(pathlib.Path(out) / "kpis.json", encoding="utf-8") as f:
                kpis = json.load(f)
        return result, kpis

    def spec_reading(self, data, name, threshold=None):
        """tickets.yaml with its path option pointing at `data` (and
        another reject threshold)."""
        text = (self.example / "tickets.yaml").read_text(encoding="utf-8")
        self.assertIn("path: sample/tickets.ndjson", text)
        if threshold is not None:
            self.assertIn("reject_threshold: 0.1\n", text)
            text = text.replace("reject_threshold: 0.1\n",
                                f"reject_threshold: {threshold}\n")
        spec = self.dir / f"{name}.yaml"
        spec.write_text(text.replace("path: sample/tickets.ndjson",
                                     f'path: "{data}"'), encoding="utf-8")
        return spec

    def assert_figures(self, kpis):
        by_id = {k["id"]: k for k in kpis["kpis"]}
        for kpi in ("offered", "answered", "abandoned"):
            with self.subTest(kpi=kpi):
                self.assertEqual(by_id[kpi]["value"], self.months[MONTH][kpi])
                self.assertEqual(by_id[kpi]["previous"],
                                 self.months[PREVIOUS][kpi])
        table = by_id["calls_by_queue"]
        names = [c["name"] for c in table["columns"]]
        counts = {r[names.index("queue")]: r[names.index("calls")]
                  for r in table["rows"]}
        self.assertEqual(counts, dict(self.months[MONTH]["channels"]))

    def test_plugin_loads_from_the_build_folder(self):
        result = self.vigie("plugins", "info", "ticketing", "--plugin-path",
                            self.plugins)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertRegex(result.stdout.splitlines()[0],
                         r"^connector +ticketing +1\.0\.0 +ABI 1\.2 +"
                         + str(self.plugins / "vigie_ticketing.so"))
        self.assertRegex(result.stdout, r"path +string +required")

    def test_the_readme_report_counts_the_sample(self):
        # The recomputation itself, worked out by hand in the README.
        self.assertEqual([self.months[MONTH][k] for k in
                          ("offered", "answered", "abandoned")], [15, 11, 4])
        self.assertEqual(self.rejects, [12, 16])
        out = self.dir / "readme-out"
        result, kpis = self.report("tickets.yaml", out, cwd=self.example)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assert_figures(kpis)
        [source] = kpis["data_quality"]["sources"]
        lines = sum(1 for line in self.sample.read_text(
            encoding="utf-8").splitlines() if line.strip())
        self.assertEqual((source["rows_read"], source["rows_rejected"]),
                         (lines, len(self.rejects)))
        with open(out / "rejects.csv", encoding="utf-8", newline="") as f:
            rejects = list(csv.DictReader(f))
        self.assertEqual([int(r["line"]) for r in rejects], self.rejects)
        self.assertEqual(rejects[0]["reason"],
                         "status 'open' is neither solved nor abandoned: the "
                         "ticket is not closed (export closed tickets only)")
        self.assertEqual(rejects[1]["reason"],
                         "satisfaction is 7: expected a whole number from 1 "
                         "to 5")
        # No customer e-mail leaves in the report's files.
        for path in lib.files_under(out):
            self.assertNotIn("@example.", lib.readable_text(path), path)

    def test_gzip_gives_the_same_figures(self):
        data = self.dir / "tickets.ndjson.gz"
        data.write_bytes(gzip.compress(self.sample.read_bytes()))
        result, kpis = self.report(self.spec_reading(data, "gzip"),
                                   self.dir / "gzip-out")
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assert_figures(kpis)

    def test_a_line_cut_short_is_a_reject_saying_so(self):
        text = self.sample.read_bytes()
        data = self.dir / "cut.ndjson"
        data.write_bytes(text[:-60])  # inside the last ticket (line 23)
        # 3 rejects of 23 rows: past the spec's 10 %.
        result, kpis = self.report(self.spec_reading(data, "cut", 0.2),
                                   self.dir / "cut-out")
        self.assertEqual(result.returncode, 0, lib.describe(result))
        with open(self.dir / "cut-out" / "rejects.csv", encoding="utf-8",
                  newline="") as f:
            rejects = list(csv.DictReader(f))
        self.assertEqual([int(r["line"]) for r in rejects],
                         self.rejects + [23])
        self.assertEqual(rejects[-1]["reason"],
                         "not JSON: the file ends inside this line (cut "
                         "short by a copy?)")
        # The last ticket was a November one: October's figures stand.
        self.assert_figures(kpis)

    def test_a_gzip_cut_short_stops_the_run(self):
        packed = gzip.compress(self.sample.read_bytes())
        data = self.dir / "cut.ndjson.gz"
        data.write_bytes(packed[:len(packed) // 2])
        result, _ = self.report(self.spec_reading(data, "cut-gzip"),
                                self.dir / "cut-gzip-out")
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn(f"{data}: the gzip data ends early (truncated file?)",
                      result.stderr)

    def test_a_json_array_is_refused_at_line_one(self):
        tickets = [json.loads(line) for line in
                   self.sample.read_text(encoding="utf-8").splitlines()]
        data = self.dir / "array.json"
        data.write_text(json.dumps(tickets, indent=2), encoding="utf-8")
        result, _ = self.report(self.spec_reading(data, "array"),
                                self.dir / "array-out")
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn(f"{data}:1: a JSON array; this connector reads one "
                      "ticket a line (NDJSON)", result.stderr)

    def test_a_csv_is_refused_at_line_one(self):
        data = pathlib.Path(lib.PATHS.shared_dir, "realdata", "callcenter",
                            "phonenow_calls.csv")
        if not data.is_file():
            self.skipTest(f"{data} is not there")
        result, _ = self.report(self.spec_reading(data, "csv"),
                                self.dir / "csv-out")
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn(f"{data}:1: not a JSON object: expected one ticket a "
                      "line (NDJSON)", result.stderr)


if __name__ == "__main__":
    lib.main()
