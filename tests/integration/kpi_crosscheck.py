"""The management report's customer-base and self-care KPIs recomputed from
the raw demo files, the way a finance controller would check them: straight
from the text of KPI-CATALOG.md (sections 1 and 2) and docs/kpi-choices.md,
with the standard library only (sqlite3, csv, decimal, zoneinfo). The
customer of a web event is its visitor's stitched person (section 3), as
the catalog's "Time" says for every section.

Times in the demo files are local Europe/Paris ISO text. A duration in days
is real elapsed seconds / 86400, so every time is turned into an aware UTC
instant before a window of N days is applied: October 2026 holds the change
back to winter time (25 October), and "90 days before 1 November 00:00"
is 3 August 01:00 local, not 00:00.

Money is summed with exact decimals; rates and means come out as Python
floats, to be compared with the doubles of kpis.json within a tolerance.
"""

import collections
import csv
import datetime
import decimal
import re
import sqlite3
import zoneinfo

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
DAY = datetime.timedelta(days=1)

# The parameters of report-specs/management.yaml (`parameters:`), copied
# from it: a YAML parser is not in Python's standard library, and these are
# the reference data the controller checks against.
ACTIVITY_WINDOW = datetime.timedelta(days=90)     # activity_window: "90"
RFM_WINDOW = datetime.timedelta(days=365)         # catalog default
SEGMENT_NAMES = ["Très bons clients", "Bons clients",
                 "Clients occasionnels", "Clients très occasionnels"]
REBOUND_WINDOW = datetime.timedelta(hours=48)     # catalog default
ACTION_COSTS = {"change_address": "4.20", "update_payment": "3.80",
                "download_invoice": "2.10", "report_outage": "5.50",
                "cancel_contract": "6.00"}
ONLINE_COSTS = {"change_address": "0.30", "update_payment": "0.30",
                "download_invoice": "0.05", "report_outage": "0.40",
                "cancel_contract": "0.50"}
TOPIC_PAGES = {
    "change_address": "/espace-client/demenagement|/aide/demenagement",
    "update_payment": "/espace-client/paiement|/aide/paiement",
    "download_invoice": "/espace-client/facture|/aide/facture",
    "report_outage": "/espace-client/signaler-panne|/aide/panne",
    "cancel_contract": "/espace-client/resiliation",
}


def instant(local_text):
    """A local Europe/Paris ISO text as an aware UTC datetime. In the hour
    repeated at the change back to winter time, fold=0 (the first, summer
    time, occurrence) is taken."""
    local = datetime.datetime.fromisoformat(local_text)
    return local.replace(tzinfo=PARIS).astimezone(datetime.timezone.utc)


class Period:
    """[start, end) of a calendar month in Europe/Paris, as UTC instants;
    as_of = end."""

    def __init__(self, year, month):
        first = datetime.datetime(year, month, 1, tzinfo=PARIS)
        following = datetime.datetime(year + month // 12, month % 12 + 1, 1,
                                      tzinfo=PARIS)
        self.month = f"{year:04d}-{month:02d}"
        self.start = first.astimezone(datetime.timezone.utc)
        self.end = following.astimezone(datetime.timezone.utc)

    @classmethod
    def iso_week(cls, year, week):
        """The ISO week (Monday 00:00 to Monday 00:00 in Europe/Paris) of a
        weekly report; it holds no whole month of marketing spend."""
        period = cls.__new__(cls)
        monday = datetime.date.fromisocalendar(year, week, 1)
        first = datetime.datetime.combine(monday, datetime.time(),
                                          tzinfo=PARIS)
        following = first + datetime.timedelta(days=7)  # wall clock
        period.month = None
        period.start = first.astimezone(datetime.timezone.utc)
        period.end = following.astimezone(datetime.timezone.utc)
        return period

    def __contains__(self, t):
        return self.start <= t < self.end


def days(delta):
    return delta.total_seconds() / 86400


# ---- customer base (catalog section 1) ----------------------------------

class OrderBook:
    """The order lines of crm.sqlite, their orders and purchases."""

    def __init__(self, crm_path):
        with sqlite3.connect(crm_path) as db:
            # rowid order = input order, which settles an order's customer
            # when two identified lines share its earliest time.
            rows = db.execute(
                "SELECT order_id, customer_id, ordered_at, amount, margin "
                "FROM orders ORDER BY rowid").fetchall()
            self.spend = collections.defaultdict(decimal.Decimal)
            for month, spend in db.execute(
                    "SELECT month, spend FROM marketing_spend"):
                self.spend[month] += decimal.Decimal(spend)
        # A line: (customer or None, time, amount, margin).
        self.lines = []
        by_order = collections.defaultdict(list)
        for order_id, customer, ordered_at, amount, margin in rows:
            line = (customer or None, instant(ordered_at),
                    decimal.Decimal(amount),
                    decimal.Decimal(margin or 0))
            self.lines.append(line)
            by_order[order_id].append(line)
        # A purchase: (customer or None, time, total) of an order whose
        # total over all its lines, whenever dated, is > 0.
        self.purchases = []
        for order_lines in by_order.values():
            time = min(t for _, t, _, _ in order_lines)
            total = sum(a for _, _, a, _ in order_lines)
            identified = [(t, c) for c, t, _, _ in order_lines if c]
            # min() keeps the first of equal times: input order.
            customer = min(identified, key=lambda tc: tc[0])[1] \
                if identified else None
            if total > 0:
                self.purchases.append((customer, time, total))
        self.purchase_times = collections.defaultdict(list)
        for customer, time, _ in self.purchases:
            if customer:
                self.purchase_times[customer].append(time)
        for times in self.purchase_times.values():
            times.sort()

    def last_purchase_before(self, customer, t):
        before = [p for p in self.purchase_times[customer] if p < t]
        return before[-1] if before else None

    def buying_in(self, start, end):
        """Customers with a purchase in [start, end)."""
        return {c for c, times in self.purchase_times.items()
                if any(start <= p < end for p in times)}

    def active(self, t, window=ACTIVITY_WINDOW):
        return self.buying_in(t - window, t)


def customer_base(book, period):
    """The value KPIs of section 1 for one period, as a dict."""
    start, as_of = period.start, period.end
    lines = [line for line in book.lines if line[1] in period]
    revenue = sum((a for _, _, a, _ in lines), decimal.Decimal(0))
    margin = sum((m for _, _, _, m in lines), decimal.Decimal(0))
    purchases = [p for p in book.purchases if p[1] in period]
    first_purchase = {c: times[0] for c, times in book.purchase_times.items()}
    new = {c for c, first in first_purchase.items() if first in period}
    active_at_start = book.active(start)
    active_at_end = book.active(as_of)
    # Active at start, and no purchase in [end - A, end): the last purchase
    # before end is earlier than end - A.
    lost = active_at_start - active_at_end
    recencies = [days(as_of - book.last_purchase_before(c, as_of))
                 for c in active_at_end]
    historic = {c for c, times in book.purchase_times.items()
                if times[0] < as_of}
    historic_value = sum((a for c, t, a, _ in book.lines
                          if c in historic and t < as_of), decimal.Decimal(0))
    return {
        "revenue": revenue,
        "margin_rate": float(margin / revenue) if revenue else None,
        "orders": len(purchases),
        "avg_basket": float(sum(total for _, _, total in purchases)
                            / len(purchases)) if purchases else None,
        "buyers": len({c for c, _, _ in purchases if c}),
        "new_customers": len(new),
        "active_customers": len(active_at_end),
        "lost_customers": len(lost),
        "churn_rate": (len(lost) / len(active_at_start)
                       if active_at_start else None),
        "net_customer_growth": len(new) - len(lost),
        "mean_recency_days": (sum(recencies) / len(recencies)
                              if recencies else None),
        "clv_historic": (float(historic_value / len(historic))
                         if historic else None),
        "cac": (float(book.spend[period.month] / len(new))
                if new and period.month else None),
    }


class RankedCustomer:
    """One customer of the RFM ranking: R (days), F, M (exact) and the time
    of its last purchase before as_of."""

    __slots__ = ("customer", "recency", "frequency", "monetary",
                 "last_purchase")

    def __init__(self, customer, recency, frequency, monetary, last_purchase):
        self.customer = customer
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
        self.last_purchase = last_purchase


def rfm_ranking(book, as_of, window=RFM_WINDOW):
    """The customers with a purchase in [as_of - W, as_of), in the
    catalog's segment order: M descending, F descending, then customer_id
    ascending in byte order. M sums each line under its own customer_id."""
    window_start = as_of - window
    monetary = collections.defaultdict(decimal.Decimal)
    for customer, t, amount, _ in book.lines:
        if customer and window_start <= t < as_of:
            monetary[customer] += amount
    ranked = []
    for customer in book.buying_in(window_start, as_of):
        times = [p for p in book.purchase_times[customer]
                 if window_start <= p < as_of]
        ranked.append(RankedCustomer(customer, days(as_of - times[-1]),
                                     len(times), monetary[customer],
                                     times[-1]))
    ranked.sort(key=lambda r: (-r.monetary, -r.frequency,
                               r.customer.encode()))
    return ranked


def segment_of(rank, n):
    """The catalog's rank rule: the segment name of rank r of n."""
    return SEGMENT_NAMES[len(SEGMENT_NAMES) * rank // n]


def value_segments(book, period):
    """The RFM value segments at as_of: one dict a segment name, in order,
    with customers (count), revenue (exact sum of M), mean_frequency,
    mean_basket and mean_recency_days."""
    ranked = rfm_ranking(book, period.end)
    n = len(ranked)
    segments = [{"customers": 0, "revenue": decimal.Decimal(0),
                 "frequency": 0, "recency": 0.0} for _ in SEGMENT_NAMES]
    for rank, r in enumerate(ranked):
        segment = segments[len(SEGMENT_NAMES) * rank // n]
        segment["customers"] += 1
        segment["revenue"] += r.monetary
        segment["frequency"] += r.frequency
        segment["recency"] += r.recency
    total = sum(s["revenue"] for s in segments)
    rows = {}
    for name, s in zip(SEGMENT_NAMES, segments):
        count = s["customers"]
        rows[name] = {
            "customers": count,
            "revenue": s["revenue"],
            "revenue_share": float(s["revenue"] / total) if total else None,
            "mean_frequency": s["frequency"] / count if count else None,
            "mean_basket": (float(s["revenue"] / s["frequency"])
                            if count else None),
            "mean_recency_days": s["recency"] / count if count else None,
        }
    return rows


# ---- self-care (catalog section 2) --------------------------------------

def topic_matcher(pattern):
    """kpi-choices.md's page pattern: the whole path, `*` any run of
    characters, `|` between alternatives, every other character literal."""
    alternatives = [re.escape(p).replace(r"\*", ".*")
                    for p in pattern.split("|")]
    return re.compile("|".join(f"(?:{a})" for a in alternatives))


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


class Contacts:
    """web_events.csv and the inbound calls of calls.csv."""

    def __init__(self, web_path, calls_path):
        self.events = []
        # Each visitor's identified events: (time, customer_id), the
        # evidence its stitched person is read from.
        self.identified = collections.defaultdict(list)
        for e in read_csv(web_path):
            if not e["ts"]:
                continue
            t = instant(e["ts"])
            self.events.append((t, e["visitor_id"], e["customer_id"] or None,
                                e["event_type"], e["page"], e["action"]))
            if e["customer_id"]:
                self.identified[e["visitor_id"]].append((t, e["customer_id"]))
        # An empty direction is inbound (the data model's default).
        self.inbound = [(instant(c["started_at"]), c["customer_id"] or None,
                         c["reason"], c["outcome"])
                        for c in read_csv(calls_path)
                        if c["started_at"]
                        and c["direction"] in ("", "inbound")]

    def person(self, visitor, as_of):
        """The customer a visitor is stitched to at as_of (KPI-CATALOG.md
        section 3): the customer_id its events before as_of carry most
        often, ties the smallest id in byte order; None when none does."""
        counts = collections.Counter(
            customer for t, customer in self.identified.get(visitor, ())
            if t < as_of)
        if not counts:
            return None
        top = max(counts.values())
        return min((c for c, n in counts.items() if n == top),
                   key=lambda c: c.encode())


def self_care(contacts, period):
    """The value KPIs of section 2 for one period, as a dict, plus the
    per-action (online, offline, pairs, rebounded) under "by_action"."""
    matchers = {a: topic_matcher(p) for a, p in TOPIC_PAGES.items()}
    online = collections.Counter()
    offline = collections.Counter()
    topic_events = collections.defaultdict(list)   # (customer, a) -> [t]
    persons = {}   # visitor -> its customer at as_of, looked up once
    # Topic events carrying no customer_id that count for a customer all
    # the same, through their visitor's link.
    linked_anonymous = 0
    for t, visitor, own_customer, event_type, page, action in contacts.events:
        if t not in period:
            continue
        topics = set()
        if event_type == "action" and action in ACTION_COSTS:
            online[action] += 1
            topics.add(action)
        if event_type == "page_view":
            topics |= {a for a, m in matchers.items() if m.fullmatch(page)}
        if not topics:
            continue
        # The customer of a web event is its visitor's stitched person at
        # the end of the period, whether or not the event carries an id.
        if visitor not in persons:
            persons[visitor] = contacts.person(visitor, period.end)
        customer = persons[visitor]
        if customer and not own_customer:
            linked_anonymous += 1
        if customer:
            for a in topics:
                topic_events[(customer, a)].append(t)
    calls_by_pair = collections.defaultdict(list)
    inbound_in_p = identified_in_p = 0
    for t, customer, reason, outcome in contacts.inbound:
        if customer and reason in ACTION_COSTS:
            # Answered or abandoned, in P or after it: both may rebound.
            calls_by_pair[(customer, reason)].append(t)
        if t in period:
            inbound_in_p += 1
            identified_in_p += customer is not None
            if outcome == "answered" and reason in ACTION_COSTS:
                offline[reason] += 1
    rebounded = collections.Counter()
    pairs = collections.Counter()
    for (customer, a), times in topic_events.items():
        pairs[a] += 1
        calls = calls_by_pair[(customer, a)]
        if any(t < call <= t + REBOUND_WINDOW for t in times for call in calls):
            rebounded[a] += 1
    cost = {a: decimal.Decimal(c) for a, c in ACTION_COSTS.items()}
    online_cost = {a: decimal.Decimal(c) for a, c in ONLINE_COSTS.items()}
    total_online = sum(online.values())
    total_offline = sum(offline.values())
    total_pairs = sum(pairs.values())
    return {
        "online_actions": total_online,
        "avoidable_calls": total_offline,
        "digital_adoption": (total_online / (total_online + total_offline)
                             if total_online + total_offline else None),
        "self_care_savings": sum((online[a] * (cost[a] - online_cost[a])
                                  for a in cost), decimal.Decimal(0)),
        "avoidable_cost": sum((offline[a] * cost[a] for a in cost),
                              decimal.Decimal(0)),
        "identified_call_share": (identified_in_p / inbound_in_p
                                  if inbound_in_p else None),
        "rebound_rate": (sum(rebounded.values()) / total_pairs
                         if total_pairs else None),
        "linked_anonymous_topic_events": linked_anonymous,
        "by_action": {a: {"online": online[a], "offline": offline[a],
                          "pairs": pairs[a], "rebounded": rebounded[a]}
                      for a in sorted(ACTION_COSTS)},
    }
