"""Shared pieces of the pandas peer: reading the CSV files, local times,
the periods of a request, page patterns, exact money, JSON cells.

Conventions used by every module:
- times are int64 nanoseconds since the epoch, UTC (a CSV time is local
  wall-clock time of report.time_zone, read as Vigie reads it:
  docs/data-model.md "Timestamps": an ambiguous time is the earlier
  instant, a nonexistent one is moved forward by the gap);
- money (decimal columns) is int64 in 1/10000 units, summed exactly, and
  turned into a float only at the end (docs/data-model.md "Decimals are
  exact");
- customer ids are int codes into one sorted array of every id of the run
  (Ctx.customer_ids), so that "smallest id in byte order" is "smallest
  code" and -1 is "no customer";
- a visitor is its code in the order of first appearance in web_events
  (the engine's visitor dictionary order, which orders sessions).
"""
import calendar
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

NS_PER_S = 1_000_000_000
NS_PER_DAY = 86_400 * NS_PER_S
SCALE = 10_000  # decimals are kept as int64 in 1/10000 units

# The columns each dataset is read with (the canonical datasets of
# docs/data-model.md); times are converted after reading.
TIME_COLUMN = {
    "customers": "created_at",
    "orders": "ordered_at",
    "web_events": "ts",
    "calls": "started_at",
    "surveys": "ts",
}
DTYPES = {
    "customers": {"customer_id": str, "created_at": str,
                  "acquisition_channel": str, "region": str,
                  "birth_year": "Int64", "consent_marketing": str,
                  "email": str},
    "orders": {"order_id": str, "customer_id": str, "ordered_at": str,
               "amount": float, "margin": float, "quantity": "Int64",
               "product_id": str, "category": str, "channel": str},
    "web_events": {"ts": str, "visitor_id": str, "customer_id": str,
                   "event_type": "category", "page": "category",
                   "action": "category", "device": "category",
                   "source": "category", "load_time_ms": "Int64"},
    "calls": {"call_id": str, "started_at": str, "customer_id": str,
              "direction": str, "queue": str, "reason": str, "outcome": str,
              "wait_s": "Int64", "handle_s": "Int64", "csat": "Int64"},
    "surveys": {"customer_id": str, "ts": str, "step": str, "channel": str,
                "csat": "Int64", "nps": "Int64"},
    "marketing_spend": {"month": str, "channel": str, "spend": float},
}
MONEY = {"orders": ["amount", "margin"], "marketing_spend": ["spend"]}


def local_to_utc_ns(text, tz):
    """Local wall-clock texts (ISO, no offset) to int64 ns UTC."""
    t = pd.to_datetime(text, format="%Y-%m-%dT%H:%M:%S", errors="coerce")
    if t.isna().any():  # another accepted shape (a space, no seconds...)
        t = t.fillna(pd.to_datetime(text[t.isna()], errors="coerce"))
    local = t.dt.tz_localize(tz, ambiguous=np.ones(len(t), dtype=bool),
                             nonexistent=pd.Timedelta(hours=1))
    return local.dt.tz_convert("UTC").view("int64")


def to_scaled(values):
    """Decimal values (read as float) to exact int64 in 1/10000 units."""
    return np.round(values.to_numpy(dtype=float) * SCALE).astype(np.int64)


def read_dataset(path, dataset, tz):
    df = pd.read_csv(path, dtype=DTYPES.get(dataset), keep_default_na=False,
                     na_values=[""])
    time_col = TIME_COLUMN.get(dataset)
    if time_col is not None:
        # a row without its (required) time is rejected, as Vigie does
        df = df[df[time_col].notna()].reset_index(drop=True)
        df[time_col] = local_to_utc_ns(df[time_col], tz)
    for col in MONEY.get(dataset, []):
        if col in df:
            df[col] = to_scaled(df[col].fillna(0))
    if dataset == "customers" and "consent_marketing" in df:
        df["consent_marketing"] = df["consent_marketing"].str.lower().isin(
            ["1", "true", "yes"])
    return df


# ---- periods --------------------------------------------------------------

@dataclass
class Period:
    id: str
    start: int  # ns UTC, local midnight of the 1st
    end: int


def month_period(year, month, tz):
    start = pd.Timestamp(year=year, month=month, day=1, tz=tz)
    end = start + pd.DateOffset(months=1)
    end = pd.Timestamp(year=end.year, month=end.month, day=1, tz=tz)
    return Period(f"{year:04d}-{month:02d}", start.value, end.value)


def add_months(year, month, k):
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def plan_periods(period_id, series, comparison, tz):
    """The periods a request computes (compute/kpi_runner.cpp plan_periods):
    the trend (max(series, 2) months ending with P) and P'. Returns the
    periods in time order, the index of P, of P', and of the series."""
    year, month = int(period_id[:4]), int(period_id[5:7])
    trend = max(series, 2)
    months = [add_months(year, month, -back) for back in range(trend - 1, -1, -1)]
    compared = (add_months(year, month, -12) if comparison == "year"
                else add_months(year, month, -1))
    if compared not in months:
        months.append(compared)
    months.sort()
    periods = [month_period(y, m, tz) for y, m in months]
    ids = [p.id for p in periods]
    current = ids.index(period_id)
    previous = ids.index(f"{compared[0]:04d}-{compared[1]:02d}")
    shown = [ids.index(f"{y:04d}-{m:02d}") for y, m in
             months_back(year, month, series)]
    return periods, current, previous, shown


def months_back(year, month, n):
    return [add_months(year, month, -back) for back in range(n - 1, -1, -1)]


def period_index(times, periods):
    """The index of the period holding each time, -1 for none."""
    starts = np.array([p.start for p in periods], dtype=np.int64)
    ends = np.array([p.end for p in periods], dtype=np.int64)
    t = np.asarray(times, dtype=np.int64)
    i = np.searchsorted(starts, t, side="right") - 1
    ok = (i >= 0) & (t < ends[np.clip(i, 0, None)])
    return np.where(ok, i, -1)


def twelve_months_to(as_of, tz):
    """customer_base's LocalMonths::twelve_months_to for an as_of that is a
    local midnight of a 1st (monthly reports): the 13 boundaries."""
    local = pd.Timestamp(as_of, tz="UTC").tz_convert(tz)
    out = []
    for k in range(12, 0, -1):
        y, m = add_months(local.year, local.month, -k)
        day = min(local.day, calendar.monthrange(y, m)[1])
        naive = pd.Timestamp(year=y, month=m, day=day, hour=local.hour,
                             minute=local.minute, second=local.second)
        out.append(naive.tz_localize(tz, ambiguous=True,
                                     nonexistent="shift_forward").value)
    out.append(as_of)
    return out


# ---- page patterns (plugins/common/page_patterns) --------------------------

class Pattern:
    """`*` any run of characters (slashes too), every other character
    literal, the whole text must match; `|` separates alternatives."""

    def __init__(self, text):
        self.alternatives = []
        for alt in str(text).split("|"):
            regex = re.compile(".*".join(re.escape(p) for p in alt.split("*")),
                               re.DOTALL)
            # specificity: no star beats star, then more literal characters
            self.alternatives.append(
                (regex, ("*" in alt, -len(alt.replace("*", "")))))

    def matches(self, text):
        return any(r.fullmatch(text) for r, _ in self.alternatives)

    def best(self, text):
        found = [s for r, s in self.alternatives if r.fullmatch(text)]
        return min(found) if found else None


class PatternMap:
    """name -> Pattern, names in byte order (pattern_map.cpp)."""

    def __init__(self, mapping):
        self.names = sorted((mapping or {}).keys())
        self.patterns = [Pattern(mapping[n]) for n in self.names]

    def best(self, text):
        """The name whose most specific matching alternative is the most
        specific; ties: the first name in byte order; None."""
        best, best_spec = None, None
        for name, pattern in zip(self.names, self.patterns):
            spec = pattern.best(text)
            if spec is not None and (best_spec is None or spec < best_spec):
                best, best_spec = name, spec
        return best

    def matching(self, text):
        return [n for n, p in zip(self.names, self.patterns) if p.matches(text)]


def map_values(values, fn):
    """Applies fn once a distinct value (pages, reasons...) of a Series."""
    uniques = pd.unique(values.dropna())
    table = {u: fn(u) for u in uniques}
    return values.map(table)


# ---- ratios and cells -----------------------------------------------------

def ratio(num, den):
    """A rate with a zero denominator has no value (None)."""
    if num is None or den is None or den == 0:
        return None
    return float(num) / float(den)


def dec_text(scaled):
    """An exact decimal cell ("1590.68") from an int in 1/10000 units."""
    scaled = int(scaled)
    sign = "-" if scaled < 0 else ""
    whole, frac = divmod(abs(scaled), SCALE)
    text = f"{sign}{whole}"
    if frac:
        text += "." + f"{frac:04d}".rstrip("0")
    return text


def iso_utc(ns):
    if ns is None:
        return None
    return pd.Timestamp(int(ns), tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_cost(value):
    """A cost of the spec to 1/10000 units (rounded to 4 decimals)."""
    return int(round(float(value) * SCALE))
