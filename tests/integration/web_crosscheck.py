"""The web-analytics KPIs (KPI-CATALOG.md section 3) recomputed from a raw
web_events.csv, the way a finance controller would check them: straight
from the text of the catalog and of docs/kpi-choices.md ("Web analytics
(section 3)"), with the standard library only.

Times are local Europe/Paris ISO text in the file. Each is turned into an
integer count of microseconds since 1970-01-01 UTC (exact, and cheap to
compare), with the same rule as kpi_crosscheck.instant(): in the hour
repeated at the change back to winter time, the first (summer time)
occurrence. A window of N days is N * 86400 real seconds.

The file is read once into one record a visitor (its events sorted by time,
file order between equal times, and its sessions); every figure of a
period is then computed from those records with dicts and counters, so
that a scale-1 demo file (about a million events) is checked in seconds.
"""

import bisect
import collections
import csv
import datetime
import gc
import sys
import zoneinfo

from kpi_crosscheck import Period

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
UTC = datetime.timezone.utc
SECOND = 1_000_000                       # microseconds
DAY = 86400 * SECOND
_EPOCH = datetime.datetime(1970, 1, 1)
_MICROSECOND = datetime.timedelta(microseconds=1)

# The parameters of the web section of report-specs/management.yaml,
# copied from it (no YAML parser in the standard library).
DEMO_PARAMETERS = {
    "session_gap_minutes": 30,
    "life_moment_days": 14,
    "page_groups": {
        "accueil": "/",
        "produits": "/produits/*|/offres",
        "achat": "/panier|/commande|/commande/confirmation",
        "espace-client": "/espace-client|/espace-client/*",
        "aide": "/aide|/aide/*|/contact",
        "inscription": "/inscription",
    },
    "life_moments": {
        "moving": "/espace-client/demenagement|/aide/demenagement",
        "termination": "/espace-client/resiliation",
    },
    "life_moment_actions": {
        "moving": "Proposer le transfert du contrat à la nouvelle adresse",
        "termination": "Appeler pour proposer une offre de fidélité",
    },
}

ENDING_EVENTS = ("action", "conversion")
NO_DEVICE = "(none)"
PATH_LENGTH = 4
TOP_PATHS = 10


# ---- time ---------------------------------------------------------------

_offsets = {}   # "YYYY-MM-DDTHH" -> UTC offset of that local hour, in µs


def micros(local_text):
    """A local Europe/Paris ISO text as µs since the epoch, UTC.

    Paris changes its offset only on the hour, so the offset is looked up
    once a local hour and cached (a million events, a few thousand
    hours). fold=0, as in kpi_crosscheck.instant()."""
    local = datetime.datetime.fromisoformat(local_text)
    hour = local_text[:13]
    offset = _offsets.get(hour)
    if offset is None:
        aware = local.replace(minute=0, second=0, microsecond=0, tzinfo=PARIS)
        offset = aware.utcoffset() // _MICROSECOND
        _offsets[hour] = offset
    return (local - _EPOCH) // _MICROSECOND - offset


def from_micros(t):
    """µs since the epoch as an aware UTC datetime."""
    return datetime.datetime.fromtimestamp(0, UTC) + t * _MICROSECOND


def local_text(t):
    """µs since the epoch as local Europe/Paris ISO text (the files'
    form), for a report a person reads."""
    return from_micros(t).astimezone(PARIS).replace(tzinfo=None).isoformat()


def to_micros(aware):
    """An aware datetime as µs since the epoch."""
    return (aware - from_micros(0)) // _MICROSECOND


def bounds(period):
    """A kpi_crosscheck.Period's [start, end) in µs since the epoch."""
    return to_micros(period.start), to_micros(period.end)


# ---- page patterns --------------------------------------------------------

def _alternative_matches(alternative, page):
    """Whether one `|`-free pattern covers the whole page: `*` is any run
    of characters (slashes included, or none), every other character is
    literal. Pieces are matched left to right, each at its leftmost
    place, which is exact for `*`-only wildcards."""
    pieces = alternative.split("*")
    if len(pieces) == 1:
        return page == alternative
    first, last = pieces[0], pieces[-1]
    if len(page) < len(first) + len(last) or not page.startswith(first) \
            or not page.endswith(last):
        return False
    position, limit = len(first), len(page) - len(last)
    for piece in pieces[1:-1]:
        found = page.find(piece, position, limit)
        if found < 0:
            return False
        position = found + len(piece)
    return True


class PatternMap:
    """A spec map name -> pattern ("a|b*|..."). `matching(page)` gives the
    names whose pattern covers the page (life moments: a page may be in
    several); `best(page)` gives the one name a page belongs to (page
    groups: the most specific matching alternative wins, see
    docs/kpi-choices.md), or None. Both are cached a page."""

    def __init__(self, patterns):
        self.alternatives = [(name, alternative)
                             for name, pattern in patterns.items()
                             for alternative in pattern.split("|")]
        self._best = {}
        self._matching = {}

    def matching(self, page):
        names = self._matching.get(page)
        if names is None:
            names = tuple(sorted({name for name, alternative
                                  in self.alternatives
                                  if _alternative_matches(alternative, page)},
                                 key=str.encode))
            self._matching[page] = names
        return names

    def best(self, page):
        if page in self._best:
            return self._best[page]
        candidates = [specificity(name, alternative)
                      for name, alternative in self.alternatives
                      if _alternative_matches(alternative, page)]
        name = min(candidates)[2].decode() if candidates else None
        self._best[page] = name
        return name


def specificity(name, alternative):
    """The sort key of a matching (group, alternative), most specific
    first: no `*` before any `*`; then more literal characters; then the
    group name in byte order."""
    return ("*" in alternative, -len(alternative.replace("*", "")),
            name.encode())


# ---- percentiles ----------------------------------------------------------

def nearest_rank(sorted_values, p):
    """The p-th percentile by nearest rank of ascending values: the value
    at 1-based rank ceil(p/100 * n), computed with integers; None for no
    value."""
    n = len(sorted_values)
    if n == 0:
        return None
    rank = (p * n + 99) // 100
    return sorted_values[max(rank, 1) - 1]


def ratio(numerator, denominator):
    return numerator / denominator if denominator else None


# ---- the events -----------------------------------------------------------

class Visitor:
    """One visitor's events, sorted by time (file order between equal
    times), and its sessions."""

    __slots__ = ("times", "events", "sessions", "session_starts")

    def __init__(self):
        # An event: (t, customer_id or None, event_type, page, device,
        # load_time_ms or None).
        self.events = []

    def finish(self, gap):
        # list.sort is stable: equal times keep their file order.
        self.events.sort(key=lambda e: e[0])
        self.times = [e[0] for e in self.events]
        # A session: [first, last] indexes into events. A new one at the
        # first event and after a gap > gap (exactly gap does not split).
        self.sessions = []
        first = 0
        for i in range(1, len(self.times)):
            if self.times[i] - self.times[i - 1] > gap:
                self.sessions.append((first, i - 1))
                first = i
        if self.events:
            self.sessions.append((first, len(self.events) - 1))
        self.session_starts = [self.times[s] for s, _ in self.sessions]

    def person(self, as_of):
        """The stitched customer at as_of: the most frequent customer_id of
        the events with t < as_of, ties the smallest id in byte order; None
        when there is none (the person is then the visitor itself)."""
        counts = collections.Counter(
            e[1] for e in self.events[:bisect.bisect_left(self.times, as_of)]
            if e[1] is not None)
        if not counts:
            return None
        return min(counts, key=lambda c: (-counts[c], c.encode()))

    def events_in(self, start, end):
        return self.events[bisect.bisect_left(self.times, start):
                           bisect.bisect_left(self.times, end)]

    def sessions_in(self, start, end):
        """The sessions whose first event is in [start, end), as lists of
        events (their later events may fall after end)."""
        return [self.events[first:last + 1] for first, last in
                self.sessions[bisect.bisect_left(self.session_starts, start):
                              bisect.bisect_left(self.session_starts, end)]]


class WebLog:
    """web_events.csv read once: visitor_id -> Visitor."""

    def __init__(self, path, session_gap_minutes=30):
        self.visitors = {}
        # A million new tuples would set off the cyclic garbage collector
        # again and again (each pass walks every object still alive: the
        # read took ten times longer); none of them can form a cycle.
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._read(path)
        finally:
            if collecting:
                gc.enable()
        gap = session_gap_minutes * 60 * SECOND
        for record in self.visitors.values():
            record.finish(gap)

    def _read(self, path):
        # Texts are interned: a million events hold a few thousand
        # distinct pages and ids.
        text = sys.intern
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            column = {name: i for i, name in enumerate(header)}
            ts, visitor, customer, event_type, page, device, load = (
                column[c] for c in ("ts", "visitor_id", "customer_id",
                                    "event_type", "page", "device",
                                    "load_time_ms"))
            for row in reader:
                if not row or not row[ts]:
                    continue
                record = self.visitors.get(row[visitor])
                if record is None:
                    record = self.visitors[text(row[visitor])] = Visitor()
                record.events.append((
                    micros(row[ts]), text(row[customer]) or None,
                    text(row[event_type]), text(row[page]),
                    text(row[device]),
                    int(row[load]) if row[load] else None))


# ---- the figures of one period ------------------------------------------

def figures(log, period, parameters=DEMO_PARAMETERS):
    """Every section-3 figure of one period (a kpi_crosscheck.Period), with
    as_of = its end: a dict of the value KPIs, the tables and the
    life-moment list."""
    start, as_of = bounds(period)
    groups = PatternMap(parameters["page_groups"])
    moments = PatternMap(parameters["life_moments"])
    actions = parameters["life_moment_actions"]
    moment_window_start = as_of - parameters["life_moment_days"] * DAY

    visits = bounces = page_views_in_sessions = 0
    duration_total = 0
    device_visits = collections.Counter()
    path_sessions = collections.Counter()
    path_endings = collections.Counter()
    unique_visitors = 0
    people = set()
    load_times = []
    group_load_times = collections.defaultdict(list)
    customer_devices = collections.defaultdict(set)   # customers of P
    moment_customers = collections.defaultdict(set)
    moment_last_view = {}                             # (customer, moment)

    for visitor_id, record in log.visitors.items():
        # Sessions of P (first event in P).
        for session in record.sessions_in(start, as_of):
            visits += 1
            first, last = session[0], session[-1]
            if len(session) == 1 and first[2] == "page_view":
                bounces += 1
            duration_total += last[0] - first[0]
            device_visits[first[4] or NO_DEVICE] += 1
            path = []
            for event in session:
                if event[2] != "page_view":
                    continue
                page_views_in_sessions += 1
                group = groups.best(event[3])
                if group is not None and (not path or path[-1] != group):
                    path.append(group)
            if path:
                text = " > ".join(path[:PATH_LENGTH])
                path_sessions[text] += 1
                path_endings[text] += last[2] in ENDING_EVENTS

        # Events of P. The person is stitched at as_of, once a visitor.
        events = record.events_in(start, as_of)
        window = record.events_in(moment_window_start, as_of)
        customer = record.person(as_of) if events or window else None
        if events:
            unique_visitors += 1
            people.add(("customer", customer) if customer is not None
                       else ("visitor", visitor_id))
        for t, _, event_type, page, device, load in events:
            if customer is not None:
                devices = customer_devices[customer]
                if device:
                    devices.add(device)
            if event_type != "page_view":
                continue
            if load is not None:
                load_times.append(load)
                group = groups.best(page)
                if group is not None:
                    group_load_times[group].append(load)
            if customer is not None:
                for moment in moments.matching(page):
                    moment_customers[moment].add(customer)

        # Page views of the life-moment window [as_of - 14 d, as_of),
        # which may begin before P.
        if customer is not None:
            for t, _, event_type, page, _, _ in window:
                if event_type != "page_view":
                    continue
                for moment in moments.matching(page):
                    key = (customer, moment)
                    if moment_last_view.get(key, t) <= t:
                        moment_last_view[key] = t

    load_times.sort()
    ranked_paths = sorted(path_sessions.items(),
                          key=lambda item: (-item[1], item[0].encode()))
    device_rows = sorted(device_visits.items(),
                         key=lambda item: (-item[1], item[0].encode()))
    cross_device = sum(len(d) >= 2 for d in customer_devices.values())
    by_group = []
    for group in sorted(group_load_times, key=str.encode):
        values = sorted(group_load_times[group])
        by_group.append({"group": group, "page_views": len(values),
                         "p50": nearest_rank(values, 50),
                         "p95": nearest_rank(values, 95)})
    return {
        "visits": visits,
        "unique_visitors": unique_visitors,
        "unique_people": len(people),
        "bounce_rate": ratio(bounces, visits),
        "pages_per_visit": ratio(page_views_in_sessions, visits),
        "avg_visit_duration": (duration_total / (SECOND * visits)
                               if visits else None),
        "load_time_p50": nearest_rank(load_times, 50),
        "load_time_p95": nearest_rank(load_times, 95),
        "cross_device_customers": cross_device,
        "cross_device_share": ratio(cross_device, len(customer_devices)),
        "load_time_by_group": by_group,
        "visits_by_device": [{"device": device, "visits": count,
                              "share": count / visits}
                             for device, count in device_rows],
        "life_moment_customers": {
            moment: len(moment_customers[moment])
            for moment in sorted(parameters["life_moments"], key=str.encode)},
        "life_moment_list": [
            {"customer_id": customer, "moment": moment,
             "last_visit": from_micros(t),
             "suggested_action": actions.get(moment)}
            for (customer, moment), t in sorted(
                moment_last_view.items(),
                key=lambda item: (item[0][0].encode(), item[0][1].encode()))],
        "top_paths": [{"path": text, "sessions": count,
                       "share": count / visits,
                       "ending_share": path_endings[text] / count}
                      for text, count in ranked_paths[:TOP_PATHS]],
    }


VALUE_KPIS = ("visits", "unique_visitors", "unique_people", "bounce_rate",
              "pages_per_visit", "avg_visit_duration", "load_time_p50",
              "load_time_p95", "cross_device_customers", "cross_device_share")


def web_analytics(log, period, previous, parameters=DEMO_PARAMETERS):
    """Section 3 for a report period and its comparison period:
    {"value": figures(P), "previous": figures(P'), "life_moments": the
    table (moment, customers, previous_customers) in moment name order}."""
    value = figures(log, period, parameters)
    before = figures(log, previous, parameters)
    return {
        "value": value,
        "previous": before,
        "life_moments": [
            {"moment": moment, "customers": count,
             "previous_customers": before["life_moment_customers"][moment]}
            for moment, count in value["life_moment_customers"].items()],
    }


def main():
    """python3 web_crosscheck.py WEB_EVENTS.CSV YYYY-MM: the figures of
    that month and the month before, and the time taken."""
    import json
    import time
    began = time.monotonic()
    year, month = (int(x) for x in sys.argv[2].split("-"))
    previous = (year, month - 1) if month > 1 else (year - 1, 12)
    log = WebLog(sys.argv[1], DEMO_PARAMETERS["session_gap_minutes"])
    read = time.monotonic()
    result = web_analytics(log, Period(year, month), Period(*previous))
    done = time.monotonic()
    json.dump(result, sys.stdout, indent=1, ensure_ascii=False,
              default=lambda t: local_text(to_micros(t)))
    print(f"\nread {read - began:.2f} s, figures {done - read:.2f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
