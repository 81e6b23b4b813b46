"""A real Google Analytics 4 export: the GA4 BigQuery sample of
../shared/realdata/ga4 (460 events of the Google Merchandise Store, one JSON
object a line, five events a day from 1 November 2020 to 31 January 2021:
not one month but three, checked below), read by the ga4_export connector
into web_events with no mapping, and the web_analytics KPIs and a few
metrics checked against figures computed here, independently, from the raw
NDJSON with the json module.

The report is January 2021 (report.time_zone UTC, the zone of the export's
event_timestamp and of its event_date), with series: 3, so that P
(January), P' (December) and the trend's first month (November) together
hold every event of the file.

The recomputation reads each line with json.loads: ts = event_timestamp
(µs, UTC; a string of digits is read the same), visitor = user_pseudo_id,
customer = user_id, event type = event_name, page = the path of the
page_location parameter (urllib.parse.urlsplit(...).path, "/" when
empty), device = device.category. From those records:
- direct counts a month: events by name, page views, distinct users
  (user_pseudo_id), GA4 sessions (distinct (user_pseudo_id, ga_session_id)
  pairs), compared with the metrics events_by_name, page_views,
  visitors_seen and with unique_visitors;
- the section-3 figures (visits, bounce rate, pages a visit, visit
  duration, visits by device, top paths, ...) by web_crosscheck.figures(),
  the controller's text-of-the-catalogue recomputation that the demo
  report is checked with, fed with these records instead of a CSV.

Sessions. Vigie's visit (docs/kpis.md section 3, docs/kpi-choices.md) is
its own: a visitor's events in time order, a new visit after more than 30
minutes without an event (report.session_gap_minutes), the whole visit
counted in the month of its first event. GA4's session is
(user_pseudo_id, ga_session_id), ga_session_id being the session's start
in seconds; GA ends it after 30 minutes of inactivity too (the property's
default), but it counts engagement the export does not show, and a
sampled export (this one keeps five events a day) can drop events in the
middle of a session. So in general the two differ: a GA session whose
exported events are more than 30 minutes apart is two Vigie visits; two
GA sessions of a visitor (a new session id after a cookie reset, another
tab) less than 30 minutes apart are one visit; and a GA session spanning
the end of a month has events in two months, so the distinct pairs of a
month count it twice over the two, Vigie once. What the test asserts: on
this file the two partitions of the 460 events are the same (checked
here from the raw lines: every 30-minute session holds one
(user_pseudo_id, ga_session_id) and every pair one session, 130 of each,
none across a month's end), and therefore Vigie's visits of each month
equal the GA sessions that start in it, and the distinct pairs with an
event in it. A file where they part would fail on the partition check
first, saying which sessions differ.

A second run maps visitor_id to concat(visitor_id, ' ', ga_session_id)
(the connector's extra column): Vigie's unique_visitors then counts GA4's
own sessions with an event in each month, which must equal the distinct
pairs of the raw file.

A third run reads a gzip copy of the file with bad lines put in (a line
that is no JSON, a line without event_timestamp, a blank line, and a last
line cut in the middle): kpis.json must count 463 rows read and 3 rejected,
rejects.csv must name each bad line with its reason, and the KPIs must be
those of the clean file."""

import collections
import csv
import datetime
import gzip
import json
import pathlib
import unittest
import urllib.parse

import vigie_testlib as lib
import web_crosscheck as webcheck

UTC = datetime.timezone.utc

# The store's page groups (pages of the file: the home page under three
# host names, apparel, lifestyle and drinkware, shops by brand, the search
# results, the account pages); pages in none are left out of the paths.
PAGE_GROUPS = {
    "home": "/|/store.html",
    "apparel": "/Google+Redesign/Apparel|/Google+Redesign/Apparel/*",
    "lifestyle": "/Google+Redesign/Lifestyle|/Google+Redesign/Lifestyle/*"
                 "|/Google+Redesign/Drinkware/*",
    "brands": "/Google+Redesign/Shop+by+Brand/*",
    "search": "/asearch.html",
    "account": "/signin.html|/registersuccess.html|/yourinfo.html"
               "|/basket.html",
}

SPEC = """\
report:
  id: ga4_store
  title: "Google Merchandise Store, GA4 export"
  locale: en_GB
  time_zone: UTC
  series: 3
  session_gap_minutes: 30
  reject_threshold: {threshold}
sources:
  - id: ga4
    connector: ga4_export
    dataset: web_events
    config: {{path: "{path}"}}
{mapping}parameters:
  page_groups:
{groups}
kpis:
  - {{id: visits, indicator: web_analytics}}
  - {{id: unique_visitors, indicator: web_analytics}}
  - {{id: unique_people, indicator: web_analytics}}
  - {{id: bounce_rate, indicator: web_analytics}}
  - {{id: pages_per_visit, indicator: web_analytics}}
  - {{id: avg_visit_duration, indicator: web_analytics}}
  - {{id: load_time_p50, indicator: web_analytics}}
  - {{id: load_time_p95, indicator: web_analytics}}
  - {{id: cross_device_customers, indicator: web_analytics}}
  - {{id: cross_device_share, indicator: web_analytics}}
  - {{id: visits_by_device, indicator: web_analytics}}
  - {{id: top_paths, indicator: web_analytics}}
  - id: page_views
    label: "Page views"
    metric: {{aggregate: count, dataset: web_events,
              filter: {{event_type: page_view}}}}
  - id: events
    metric: {{aggregate: count, dataset: web_events}}
  - id: visitors_seen
    metric: {{aggregate: count_distinct, dataset: web_events,
              column: visitor_id}}
  - id: identified_events
    metric: {{aggregate: count, dataset: web_events, column: customer_id}}
  - id: events_by_name
    label: "Events by name"
    metric: {{aggregate: count, dataset: web_events, by: event_type}}
sections:
  - title: "Web analytics"
    blocks:
      - tiles: [visits, unique_visitors, page_views, bounce_rate,
                pages_per_visit, avg_visit_duration]
      - table: visits_by_device
      - table: events_by_name
      - table: top_paths
outputs: {{pdf: true, svg: false, json: true, lists: false}}
"""

# GA4's own sessions counted by Vigie: the connector's extra column
# ga_session_id joined to the visitor, so that a "visitor" is one GA
# session and unique_visitors counts the GA sessions with an event in P.
BY_GA_SESSION = """\
    mapping:
      visitor_id: "concat(visitor_id, ' ', ga_session_id)"
"""

PERIOD = "2021-01"
MONTHS = {"value": "2021-01", "previous": "2020-12", "first": "2020-11"}
SECOND = 1_000_000
GAP = 30 * 60 * SECOND


class UtcMonth:
    """A calendar month of UTC as web_crosscheck wants a period: start and
    end as aware datetimes."""

    def __init__(self, month):
        year, number = (int(x) for x in month.split("-"))
        self.month = month
        self.start = datetime.datetime(year, number, 1, tzinfo=UTC)
        self.end = datetime.datetime(year + number // 12, number % 12 + 1, 1,
                                     tzinfo=UTC)


def month_of(micros):
    return webcheck.from_micros(micros).strftime("%Y-%m")


def parameter(event, key):
    """The value record of an event parameter, or {}."""
    for entry in event["event_params"]:
        if entry["key"] == key:
            return entry["value"]
    return {}


def read_events(path):
    """The raw lines as records: (line, µs, visitor, customer, name, page,
    device, ga_session_id)."""
    events = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            e = json.loads(line)
            location = parameter(e, "page_location").get("string_value")
            page = None
            if location:
                page = urllib.parse.urlsplit(location).path or "/"
            events.append((number, int(e["event_timestamp"]),
                           e["user_pseudo_id"], e["user_id"],
                           e["event_name"], page,
                           (e["device"] or {}).get("category"),
                           int(parameter(e, "ga_session_id")["int_value"])))
    return events


def web_log(events):
    """web_crosscheck's per-visitor records from the raw events, in file
    order (its sort keeps the file order of equal times, as Vigie)."""
    log = webcheck.WebLog.__new__(webcheck.WebLog)
    log.visitors = {}
    for _, t, visitor, customer, name, page, device, _ in events:
        record = log.visitors.setdefault(visitor, webcheck.Visitor())
        record.events.append((t, customer, name, page or "", device or "",
                              None))
    for record in log.visitors.values():
        record.finish(GAP)
    return log


def thirty_minute_sessions(events):
    """The events' lines grouped into Vigie's sessions: per visitor, by
    time (file order on ties), a new one after a gap > 30 min."""
    by_visitor = collections.defaultdict(list)
    for number, t, visitor, *_ in events:
        by_visitor[visitor].append((t, number))
    sessions = []
    for visitor_events in by_visitor.values():
        visitor_events.sort()
        for i, (t, number) in enumerate(visitor_events):
            if i == 0 or t - visitor_events[i - 1][0] > GAP:
                sessions.append([])
            sessions[-1].append(number)
    return sessions


class Ga4RealTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.data = pathlib.Path(lib.PATHS.shared_dir, "realdata", "ga4",
                                "ga4_sample_460rows.ndjson")
        if not cls.data.is_file():
            raise unittest.SkipTest(f"{cls.data} is not there")
        cls.dir = lib.make_temp_dir("ga4")
        cls.addClassCleanup(lib.remove_temp_dir, cls.dir)
        cls.events = read_events(cls.data)
        cls.log = web_log(cls.events)
        cls.out = cls.dir / "out"
        cls.result = cls.run_report(cls.data, cls.out, threshold="0")
        cls.bad_copy = cls.write_copy_with_bad_lines()
        cls.bad_out = cls.dir / "bad"
        cls.bad_result = cls.run_report(cls.bad_copy, cls.bad_out,
                                        threshold="0.01")
        cls.by_session_out = cls.dir / "by_session"
        cls.by_session_result = cls.run_report(
            cls.data, cls.by_session_out, threshold="0",
            mapping=BY_GA_SESSION)

    @classmethod
    def run_report(cls, path, out, threshold, mapping=""):
        groups = "\n".join(f'    {name}: "{pattern}"'
                           for name, pattern in PAGE_GROUPS.items())
        spec = lib.write_spec(
            cls.dir / f"{out.name}.yaml",
            SPEC.format(path=path, groups=groups, threshold=threshold,
                        mapping=mapping))
        return lib.run_vigie(["run", spec, "--period", PERIOD, "--out", out,
                              "-q"], timeout=240)

    # Where the bad lines go in the copy: line numbers of the copy.
    NOT_JSON_LINE = 5
    NO_TIMESTAMP_LINE = 101
    BLANK_LINE = 250

    @classmethod
    def write_copy_with_bad_lines(cls):
        """A gzip copy of the file with three bad lines and a blank one:
        line 5 is no JSON, line 101 is line 1 without its event_timestamp,
        line 250 is blank, and the last line (464) is the first 300
        characters of line 1, with no line break after it: a file cut
        there. 460 + 3 rows, 3 rejected."""
        lines = cls.data.read_text(encoding="utf-8").splitlines()
        first = lines[0]
        no_timestamp = first.replace(
            '"event_timestamp": 1604192073036492, ', "")
        assert no_timestamp != first
        out = lines[:]
        out.insert(cls.NOT_JSON_LINE - 1, "event_date,event_name")
        out.insert(cls.NO_TIMESTAMP_LINE - 1, no_timestamp)
        out.insert(cls.BLANK_LINE - 1, "")
        text = "\n".join(out) + "\n" + first[:300]
        path = cls.dir / "ga4_with_bad_lines.ndjson.gz"
        with gzip.open(path, "wt", encoding="utf-8", newline="") as f:
            f.write(text)
        return path

    # ---- helpers ---------------------------------------------------------

    def kpis(self, result=None, out=None):
        result = result or self.result
        out = out or self.out
        self.assertEqual(result.returncode, 0, lib.describe(result))
        with open(out / "kpis.json", encoding="utf-8") as f:
            return json.load(f)

    def month_value(self, kpi, month):
        """A value KPI's figure of one month: value, previous or series."""
        if month == MONTHS["value"]:
            return kpi["value"]
        if month == MONTHS["previous"]:
            return kpi["previous"]
        return {s["period"]: s["value"] for s in kpi["series"]}[month]

    def table(self, doc, kpi):
        table = {k["id"]: k for k in doc["kpis"]}[kpi]
        names = [c["name"] for c in table["columns"]]
        return [dict(zip(names, row)) for row in table["rows"]]

    def assert_close(self, got, expected, what):
        """Rates and means: doubles added or divided in another order may
        differ in the last bits; a relative 1e-9 is far below what the
        report prints."""
        if expected is None:
            self.assertIsNone(got, what)
            return
        self.assertIsNotNone(got, what)
        self.assertLessEqual(abs(got - expected),
                             1e-9 * max(1.0, abs(expected)), what)

    def events_of(self, month):
        return [e for e in self.events if month_of(e[1]) == month]

    # ---- the file ----------------------------------------------------------

    def test_the_file_holds_three_months(self):
        months = collections.Counter(month_of(e[1]) for e in self.events)
        self.assertEqual(months, {"2020-11": 150, "2020-12": 155,
                                  "2021-01": 155})
        # No user_id anywhere: every visitor is its own person.
        self.assertEqual({e[3] for e in self.events}, {None})

    def test_every_event_is_read_and_none_rejected(self):
        quality = self.kpis()["data_quality"]
        # The time range found: the first and last event_timestamp, UTC,
        # to the second (kpis.json drops the microseconds).
        def utc(us):
            return datetime.datetime.fromtimestamp(
                us // 1000000, datetime.timezone.utc).strftime(
                    "%Y-%m-%dT%H:%M:%S+00:00")
        stamps = [e[1] for e in self.events]
        self.assertEqual(quality["sources"],
                         [{"source": "ga4", "rows_read": 460,
                           "rows_rejected": 0, "first": utc(min(stamps)),
                           "last": utc(max(stamps))}])
        self.assertFalse((self.out / "rejects.csv").exists())
        values = lib.value_kpis(self.kpis())
        for month in MONTHS.values():
            with self.subTest(month=month):
                self.assertEqual(self.month_value(values["events"], month),
                                 len(self.events_of(month)))
                self.assertEqual(
                    self.month_value(values["identified_events"], month), 0)

    # ---- direct counts -----------------------------------------------------

    def test_events_by_name(self):
        rows = self.table(self.kpis(), "events_by_name")
        got = {r["event_type"]: (r["value"], r["previous"]) for r in rows}
        january = collections.Counter(e[4] for e in
                                      self.events_of(MONTHS["value"]))
        december = collections.Counter(e[4] for e in
                                       self.events_of(MONTHS["previous"]))
        self.assertEqual(got, {name: (january[name], december[name])
                               for name in january | december})
        # page_view is kept as GA4 names it: the page_views metric counts it.
        values = lib.value_kpis(self.kpis())
        for month in MONTHS.values():
            with self.subTest(month=month):
                self.assertEqual(
                    self.month_value(values["page_views"], month),
                    sum(e[4] == "page_view" for e in self.events_of(month)))

    def test_distinct_users(self):
        values = lib.value_kpis(self.kpis())
        for month in MONTHS.values():
            users = len({e[2] for e in self.events_of(month)})
            with self.subTest(month=month):
                self.assertEqual(self.month_value(values["unique_visitors"],
                                                  month), users)
                self.assertEqual(self.month_value(values["visitors_seen"],
                                                  month), users)
                # No customer ids: people are the visitors.
                self.assertEqual(self.month_value(values["unique_people"],
                                                  month), users)

    def test_sessions_partition_the_events_like_ga_session_id(self):
        sessions = thirty_minute_sessions(self.events)
        session_of_line = {e[0]: (e[2], e[7]) for e in self.events}
        pairs_per_session = [{session_of_line[n] for n in s}
                             for s in sessions]
        merged = [s for s, p in zip(sessions, pairs_per_session)
                  if len(p) > 1]
        self.assertEqual(merged, [], "30-minute sessions holding several "
                                     "GA sessions (lines)")
        split = collections.Counter(next(iter(p)) for p in pairs_per_session)
        self.assertEqual([pair for pair, n in split.items() if n > 1], [],
                         "GA sessions cut into several 30-minute sessions")
        self.assertEqual(len(sessions), 130)
        self.assertEqual(len(set(session_of_line.values())), 130)
        across = [s for s in sessions
                  if len({month_of(self.events[n - 1][1]) for n in s}) > 1]
        self.assertEqual(across, [], "sessions across a month's end")

    def test_visits_equal_the_ga_sessions_of_each_month(self):
        values = lib.value_kpis(self.kpis())
        started = collections.Counter()
        first_event = {}
        for _, t, visitor, *_, session in self.events:
            key = (visitor, session)
            first_event[key] = min(first_event.get(key, t), t)
        for t in first_event.values():
            started[month_of(t)] += 1
        for month in MONTHS.values():
            active = {(e[2], e[7]) for e in self.events_of(month)}
            with self.subTest(month=month):
                self.assertEqual(self.month_value(values["visits"], month),
                                 started[month])
                self.assertEqual(started[month], len(active))
        self.assertEqual(sum(started.values()), 130)

    def test_ga_sessions_counted_through_the_ga_session_id_column(self):
        values = lib.value_kpis(self.kpis(self.by_session_result,
                                          self.by_session_out))
        for month in MONTHS.values():
            active = {(e[2], e[7]) for e in self.events_of(month)}
            with self.subTest(month=month):
                self.assertEqual(
                    self.month_value(values["unique_visitors"], month),
                    len(active))
                self.assertEqual(
                    self.month_value(values["visitors_seen"], month),
                    len(active))

    # ---- the section-3 figures ------------------------------------------

    def test_web_value_kpis_match_the_controllers_recomputation(self):
        values = lib.value_kpis(self.kpis())
        parameters = {"page_groups": PAGE_GROUPS, "life_moments": {},
                      "life_moment_actions": {}, "life_moment_days": 14}
        counts = {"visits", "unique_visitors", "unique_people",
                  "cross_device_customers", "load_time_p50", "load_time_p95"}
        for month in MONTHS.values():
            expected = webcheck.figures(self.log, UtcMonth(month), parameters)
            # The file exercises the figures: visits, bounces, durations.
            self.assertGreater(expected["visits"], 0)
            self.assertGreater(expected["avg_visit_duration"], 0)
            for kpi in webcheck.VALUE_KPIS:
                want = expected[kpi]
                got = self.month_value(values[kpi], month)
                with self.subTest(kpi=kpi, month=month):
                    if kpi in counts:
                        self.assertEqual(got, want)
                    else:
                        self.assert_close(got, want, f"{kpi} {month}")
        # No load time in the export (no load_time_param), no customer: no
        # value rather than a 0.
        self.assertIsNone(values["load_time_p50"]["value"])
        self.assertIsNone(values["cross_device_share"]["value"])
        bounces = [webcheck.figures(self.log, UtcMonth(m),
                                    parameters)["bounce_rate"]
                   for m in MONTHS.values()]
        self.assertGreater(max(bounces), 0)

    def test_web_tables_match_the_controllers_recomputation(self):
        doc = self.kpis()
        parameters = {"page_groups": PAGE_GROUPS, "life_moments": {},
                      "life_moment_actions": {}, "life_moment_days": 14}
        january = webcheck.figures(self.log, UtcMonth(MONTHS["value"]),
                                   parameters)
        for kpi, exact, close in [
                ("visits_by_device", ["device", "visits"], ["share"]),
                ("top_paths", ["path", "sessions"],
                 ["share", "ending_share"])]:
            with self.subTest(kpi=kpi):
                rows = self.table(doc, kpi)
                want = january[kpi]
                self.assertGreater(len(want), 1)
                self.assertEqual([[r[c] for c in exact] for r in rows],
                                 [[w[c] for c in exact] for w in want])
                for row, wanted in zip(rows, want):
                    for column in close:
                        self.assert_close(row[column], wanted[column],
                                          f"{kpi}.{column}")

    def test_the_web_section_is_in_the_pdf(self):
        self.kpis()  # the run went through
        text = lib.pdf_text(self.out / "report.pdf")
        self.assertIn("Google Merchandise Store, GA4 export", text)
        self.assertIn("Web analytics", text)
        self.assertIn("January 2021", text)
        # The device table's rows: the devices of January's visits, each
        # printed with the locale catalog's English label (kpis.json keeps
        # the code).
        labels = {"desktop": "Desktop", "mobile": "Mobile",
                  "tablet": "Tablet"}
        for row in self.table(self.kpis(), "visits_by_device"):
            self.assertIn(labels.get(row["device"], row["device"]), text)

    # ---- bad lines ---------------------------------------------------------

    def test_bad_lines_are_counted_and_listed_in_rejects_csv(self):
        doc = self.kpis(self.bad_result, self.bad_out)
        self.assertEqual([{k: s[k] for k in ("source", "rows_read",
                                              "rows_rejected")}
                          for s in doc["data_quality"]["sources"]],
                         [{"source": "ga4", "rows_read": 463,
                           "rows_rejected": 3}])
        self.assertEqual(doc["data_quality"]["rows_rejected"], 3)
        with open(self.bad_out / "rejects.csv", encoding="utf-8",
                  newline="") as f:
            rejects = list(csv.DictReader(f))
        self.assertEqual([r["source"] for r in rejects], ["ga4"] * 3)
        self.assertEqual({r["origin"] for r in rejects}, {str(self.bad_copy)})
        by_line = {int(r["line"]): r["reason"] for r in rejects}
        # 460 events + 3 bad lines + 1 blank: the cut line is line 464.
        self.assertEqual(sorted(by_line), [self.NOT_JSON_LINE,
                                           self.NO_TIMESTAMP_LINE, 464])
        self.assertTrue(by_line[self.NOT_JSON_LINE].startswith(
            "line is not JSON: "), by_line)
        self.assertEqual(by_line[self.NO_TIMESTAMP_LINE], "no event_timestamp")
        self.assertTrue(by_line[464].startswith("line is not JSON: "))
        self.assertIn("the file ends in the middle of this line",
                      by_line[464])

    def test_bad_lines_leave_the_figures_of_the_good_ones(self):
        clean = {k["id"]: k for k in self.kpis()["kpis"]}
        with_bad = {k["id"]: k for k in
                    self.kpis(self.bad_result, self.bad_out)["kpis"]}
        for kpi in clean:
            with self.subTest(kpi=kpi):
                for key in ("value", "previous", "series", "rows"):
                    self.assertEqual(with_bad[kpi].get(key),
                                     clean[kpi].get(key), key)


if __name__ == "__main__":
    lib.main()
