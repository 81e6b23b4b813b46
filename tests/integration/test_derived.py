"""The derived datasets in a real run: built once, only when an indicator
of a requested KPI reads them, timed as a stage of their own, and lent to
the indicator through the plugin ABI (plugins/testing/derived_probe,
which counts sessions and linked visitors per period)."""

import csv
import json
import re
import unittest

import vigie_testlib as lib

# UTC times, report month 2026-10 (P) and 2026-09 (P').
WEB_EVENTS = [
    # ts, visitor_id, customer_id, event_type
    # A session started in September that runs into October; v1 logs in.
    ("2026-09-30T23:50:00", "v1", "K1", "page_view"),
    ("2026-10-01T00:10:00", "v1", "", "page_view"),
    # Two October sessions of v1, 45 minutes apart (one with a 60-minute
    # gap setting).
    ("2026-10-05T10:00:00", "v1", "", "page_view"),
    ("2026-10-05T10:45:00", "v1", "", "page_view"),
    # One session of v2: a page view, then an action.
    ("2026-10-07T08:00:00", "v2", "", "page_view"),
    ("2026-10-07T08:01:00", "v2", "", "action"),
    # v3 logs in on 20 October.
    ("2026-10-20T12:00:00", "v3", "K2", "page_view"),
]

PROBE_KPIS = ["probe_sessions", "probe_page_views", "probe_session_events",
              "probe_linked_visitors"]


def spec_text(source, kpis, indicator, gap=None):
    gap_line = f"\n  session_gap_minutes: {gap}" if gap is not None else ""
    kpi_lines = "\n".join(f"  - {{id: {k}, indicator: {indicator}}}"
                          for k in kpis)
    return f"""\
report:
  id: derived
  title: "Derived datasets"
  time_zone: UTC{gap_line}
sources:
{source}
kpis:
{kpi_lines}
sections:
  - title: "S"
    blocks:
      - tiles: [{", ".join(kpis)}]
outputs: {{pdf: false, svg: false, html: false, json: true, lists: false}}
"""


class DerivedDatasetsTest(unittest.TestCase):

    def setUp(self):
        self.dir = lib.make_temp_dir("derived")
        self.addCleanup(lib.remove_temp_dir, self.dir)
        self.out = self.dir / "out"
        self.web = self.dir / "web_events.csv"
        with open(self.web, "w", newline="", encoding="utf-8") as f:
            out = csv.writer(f, lineterminator="\n")
            out.writerow(["ts", "visitor_id", "customer_id", "event_type"])
            out.writerows(WEB_EVENTS)
        self.web_source = (
            f"  - {{id: web, connector: csv, dataset: web_events, "
            f"config: {{path: \"{self.web}\"}}}}")

    def write(self, text):
        return lib.write_spec(self.dir / "spec.yaml", text)

    def run_spec(self, spec):
        # Not quiet, and stderr is no terminal: one log line a stage.
        return lib.run_vigie(["run", spec, "--period", "2026-10", "--out",
                              self.out, "--plugin-path",
                              lib.PATHS.test_plugins])

    def kpis(self):
        with open(self.out / "kpis.json", encoding="utf-8") as f:
            return lib.value_kpis(json.load(f))

    def test_an_indicator_reads_sessions_and_links_built_in_a_stage(self):
        spec = self.write(spec_text(self.web_source, PROBE_KPIS,
                                    "derived_probe"))
        result = self.run_spec(spec)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertRegex(
            result.stderr,
            r"stage deriving visitor_links, sessions, session_events: "
            r"rows 7, wall [0-9.]+ s")
        self.assertEqual(len(re.findall("stage deriving", result.stderr)), 1)
        kpis = self.kpis()
        # September: the session of 30 September (2 events, 2 page views).
        # October: v1's two sessions, v2's and v3's; 4 page views among
        # their 5 events. Linked at 1 October: v1; at 1 November: v1, v3.
        expected = {"probe_sessions": (4, 1), "probe_page_views": (4, 2),
                    "probe_session_events": (5, 2),
                    "probe_linked_visitors": (2, 1)}
        for kpi, (value, previous) in expected.items():
            self.assertEqual(kpis[kpi]["value"], value, kpi)
            self.assertEqual(kpis[kpi]["previous"], previous, kpi)

    def test_the_session_gap_is_the_specs(self):
        spec = self.write(spec_text(self.web_source, ["probe_sessions"],
                                    "derived_probe", gap=60))
        result = self.run_spec(spec)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        # v1's October visits, 45 minutes apart, are now one session.
        self.assertEqual(self.kpis()["probe_sessions"]["value"], 3)

    def test_nothing_is_derived_when_no_indicator_reads_it(self):
        spec = self.write(spec_text(self.web_source, ["answer"], "throwing")
                          .replace("indicator: throwing}",
                                   "indicator: throwing, "
                                   "parameters: {mode: ok}}"))
        result = self.run_spec(spec)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertIn("stage reading web (web_events)", result.stderr)
        self.assertIn("stage computing the KPIs", result.stderr)
        self.assertNotIn("deriving", result.stderr)

    def test_a_derived_dataset_without_web_events_names_the_source(self):
        orders = self.dir / "orders.csv"
        orders.write_text("order_id,customer_id,ordered_at,amount\n"
                          "O1,K1,2026-10-02T10:00:00,12.50\n",
                          encoding="utf-8")
        source = (f"  - {{id: shop, connector: csv, dataset: orders, "
                  f"config: {{path: \"{orders}\"}}}}")
        spec = self.write(spec_text(source, ["probe_sessions"],
                                    "derived_probe"))
        result = self.run_spec(spec)
        self.assertEqual(result.returncode, 4, lib.describe(result))
        self.assertIn(
            "plugin 'derived_probe' (indicator): needs dataset 'sessions', "
            "derived from web_events, which no source of the spec provides "
            "(add a source with `dataset: web_events`)", result.stderr)
        self.assertNotIn("stage deriving", result.stderr)

    def test_load_times_without_a_load_time_column_have_no_value(self):
        # load_time_ms is optional: these web events have none. The load
        # times have no value and say why; the visits are counted as ever.
        spec = self.write(spec_text(self.web_source,
                                    ["visits", "load_time_p50"],
                                    "web_analytics"))
        result = self.run_spec(spec)
        self.assertEqual(result.returncode, 0, lib.describe(result))
        kpis = self.kpis()
        self.assertIsNone(kpis["load_time_p50"]["value"])
        self.assertIsNone(kpis["load_time_p50"]["previous"])
        self.assertIn("Aucune source des événements web ne donne de "
                      "temps de chargement",
                      " ".join(kpis["load_time_p50"]["notes"]))
        self.assertGreater(kpis["visits"]["value"], 0)
        self.assertEqual(kpis["visits"]["notes"], [])

    def test_validate_accepts_derived_inputs(self):
        spec = self.write(spec_text(self.web_source, PROBE_KPIS,
                                    "derived_probe"))
        result = lib.run_vigie(["validate", spec, "--plugin-path",
                                lib.PATHS.test_plugins])
        self.assertEqual(result.returncode, 0, lib.describe(result))
        self.assertIn(": ok", result.stdout)


if __name__ == "__main__":
    lib.main()
