"""What several KPI groups share, each worked out once a run (Ctx.lazy):

- customer codes (one sorted id array for every dataset);
- the order book (KPI-CATALOG.md section 1, DATA-MODEL.md "order" and
  "purchase"; docs/kpi-choices.md "Orders and purchases"): an order is the
  lines of one order_id, at its earliest line's time, for the sum of all
  its lines; its customer is that of its earliest identified line (first
  in input order on a tie); a purchase is an order whose total is > 0;
- web sessions (section 3, engine/src/derive/sessions.cpp): per visitor,
  events by ts (input order on ties), a new session after a gap > 30 min;
- stitching (section 3, derive/visitor_links.cpp): the person of a visitor
  at as_of is the most frequent customer_id of its events with ts < as_of,
  ties the smallest id;
- the RFM ranking (section 1 "Value segments", sdk/kernels/rfm.hpp);
- customer profiles (section 8b, derive/customer_profiles.cpp).
"""
import numpy as np
import pandas as pd

from common import NS_PER_DAY, NS_PER_S, period_index

DEFAULT_SEGMENTS = ["Très bons clients", "Bons clients",
                    "Clients occasionnels", "Clients très occasionnels"]


class Ctx:
    """A run: the spec, the request's periods, the data, and caches."""

    def __init__(self, spec, data, periods, current, previous, shown):
        self.spec = spec
        self.report = spec["report"]
        self.tz = self.report.get("time_zone", "Europe/Paris")
        self.data = data
        self.periods = periods
        self.current = current
        self.previous = previous
        self.shown = shown
        self._cache = {}
        self._prepare()

    def lazy(self, key, build):
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]

    @property
    def P(self):
        return self.periods[self.current]

    @property
    def Pprev(self):
        return self.periods[self.previous]

    @property
    def before(self):
        """The period just before P in the request: what the previous_*
        columns of the funnel, experience and products tables show (those
        plugins read the period before P, whatever report.comparison)."""
        return self.current - 1

    def _prepare(self):
        """Customer codes in every dataset: `cust`, -1 for none."""
        ids = [df["customer_id"].dropna().unique()
               for df in self.data.values() if "customer_id" in df]
        self.customer_ids = np.unique(np.concatenate(ids)) if ids else \
            np.array([], dtype=object)
        for df in self.data.values():
            if "customer_id" in df:
                df["cust"] = pd.Categorical(
                    df["customer_id"], categories=self.customer_ids).codes \
                    .astype(np.int64)
        if "web_events" in self.data:
            web = self.data["web_events"]
            web["vcode"] = pd.factorize(web["visitor_id"])[0]
            web["period"] = period_index(web["ts"].to_numpy(), self.periods)


# ---- orders ----------------------------------------------------------------

def order_book(ctx):
    """orders: one row an order (index order_id, in first-appearance
    order): time, total, margin (1/10000), buyer (customer code or -1),
    channel (of its earliest line that has one), purchase (total > 0)."""
    def build():
        lines = ctx.data["orders"]
        lines = lines[lines["ordered_at"].notna()]
        key = lines["order_id"].fillna(
            pd.Series("\x00" + lines.index.astype(str), index=lines.index))
        lines = lines.assign(order_key=key)
        g = lines.groupby("order_key", sort=False)
        orders = pd.DataFrame({"time": g["ordered_at"].min(),
                               "total": g["amount"].sum()})
        if "margin" in lines:
            orders["margin"] = g["margin"].sum()
        by_time = lines.sort_values("ordered_at", kind="stable")
        first_buyer = (by_time[by_time["cust"] >= 0]
                       .drop_duplicates("order_key")
                       .set_index("order_key")["cust"])
        orders["buyer"] = first_buyer.reindex(orders.index).fillna(-1) \
            .astype(np.int64)
        if "channel" in lines:
            first_channel = (by_time[by_time["channel"].notna()]
                             .drop_duplicates("order_key")
                             .set_index("order_key")["channel"])
            orders["channel"] = first_channel.reindex(orders.index)
        orders["purchase"] = orders["total"] > 0
        return orders
    return ctx.lazy("order_book", build)


def purchases(ctx):
    """Purchases of identified customers, by time: buyer, time, total."""
    def build():
        o = order_book(ctx)
        p = o[o["purchase"] & (o["buyer"] >= 0)]
        return p.sort_values("time", kind="stable")
    return ctx.lazy("purchases", build)


def first_purchase(ctx):
    """Each customer's first purchase time (Series by customer code)."""
    return ctx.lazy("first_purchase",
                    lambda: purchases(ctx).groupby("buyer")["time"].min())


def identified_lines(ctx):
    """Order lines with a customer and a time (each keeps its own
    customer_id: line-level sums are per line customer)."""
    def build():
        lines = ctx.data["orders"]
        return lines[(lines["cust"] >= 0) & lines["ordered_at"].notna()]
    return ctx.lazy("identified_lines", build)


# ---- web: sessions and stitching --------------------------------------------

def session_events(ctx):
    """web_events in session order (visitor, ts, row) with `session`."""
    def build():
        web = ctx.data["web_events"]
        order = np.lexsort((np.arange(len(web)), web["ts"].to_numpy(),
                            web["vcode"].to_numpy()))
        ev = web.iloc[order]
        gap = int(ctx.report.get("session_gap_minutes", 30)) * 60 * NS_PER_S
        v = ev["vcode"].to_numpy()
        ts = ev["ts"].to_numpy()
        new = np.ones(len(ev), dtype=bool)
        new[1:] = (v[1:] != v[:-1]) | (ts[1:] - ts[:-1] > gap)
        return ev.assign(session=np.cumsum(new) - 1, session_start=new)
    return ctx.lazy("session_events", build)


def sessions(ctx):
    """One row a session: visitor (vcode), started_at, ended_at, events,
    page_views, device, source, first_type, last_type, period."""
    def build():
        ev = session_events(ctx)
        first = np.flatnonzero(ev["session_start"].to_numpy())
        last = np.append(first[1:], len(ev)) - 1
        ts = ev["ts"].to_numpy()
        is_pv = (ev["event_type"] == "page_view").to_numpy()
        s = pd.DataFrame({
            "vcode": ev["vcode"].to_numpy()[first],
            "started_at": ts[first],
            "ended_at": ts[last],
            "events": last - first + 1,
            "page_views": np.add.reduceat(is_pv.astype(np.int64), first),
            "device": ev["device"].to_numpy()[first],
            "source": ev["source"].to_numpy()[first],
            "first_type": ev["event_type"].to_numpy()[first],
            "last_type": ev["event_type"].to_numpy()[last],
        })
        s["period"] = period_index(s["started_at"].to_numpy(), ctx.periods)
        return s
    return ctx.lazy("sessions", build)


def persons_at(ctx, as_of):
    """The customer code each visitor code is linked to at as_of, -1 for a
    visitor linked to no customer (numpy array by vcode)."""
    def build():
        web = ctx.data["web_events"]
        ident = ctx.lazy("identified_events",
                         lambda: web.loc[web["cust"] >= 0,
                                         ["vcode", "cust", "ts"]])
        seen = ident[ident["ts"] < as_of]
        counts = seen.groupby(["vcode", "cust"]).size().reset_index(name="n")
        leaders = counts.sort_values(["vcode", "n", "cust"],
                                     ascending=[True, False, True]) \
            .drop_duplicates("vcode")
        out = np.full(int(web["vcode"].max()) + 1, -1, dtype=np.int64)
        out[leaders["vcode"].to_numpy()] = leaders["cust"].to_numpy()
        return out
    return ctx.lazy(("persons_at", as_of), build)


def event_customers(ctx):
    """The stitched customer of every web event at the end of the event's
    own period (-1: anonymous or in no period)."""
    def build():
        web = ctx.data["web_events"]
        period = web["period"].to_numpy()
        vcode = web["vcode"].to_numpy()
        out = np.full(len(web), -1, dtype=np.int64)
        for p, per in enumerate(ctx.periods):
            rows = period == p
            out[rows] = persons_at(ctx, per.end)[vcode[rows]]
        return out
    return ctx.lazy("event_customers", build)


def event_person_keys(ctx):
    """Person key of every event (customer code, or n_customers + vcode
    for an unlinked visitor), stitched at the end of its period."""
    def build():
        web = ctx.data["web_events"]
        cust = event_customers(ctx)
        return np.where(cust >= 0, cust,
                        len(ctx.customer_ids) + web["vcode"].to_numpy())
    return ctx.lazy("event_person_keys", build)


# ---- RFM ranking -------------------------------------------------------------

def customer_base_parameters(ctx):
    """rfm_window_days and segment_names as customer_base reads them (the
    report-wide parameters, or the first customer_base KPI's own)."""
    params = dict(ctx.spec.get("parameters") or {})
    for k in ctx.spec.get("kpis", []):
        if k.get("indicator") == "customer_base":
            params.update(k.get("parameters") or {})
            break
    return params


def rfm_ranking(ctx, as_of, window_days=None, names=None):
    """Customers with a purchase in [as_of - W, as_of), ranked by M desc,
    F desc, customer id: columns cust, last, recency_days, frequency,
    monetary (1/10000), rank, segment (index), r/f/m scores."""
    params = customer_base_parameters(ctx)
    if window_days is None:
        window_days = int(params.get("rfm_window_days", 365))
    if names is None:
        names = list(params.get("segment_names") or DEFAULT_SEGMENTS)

    def build():
        p = purchases(ctx)
        start = as_of - window_days * NS_PER_DAY
        w = p[(p["time"] >= start) & (p["time"] < as_of)]
        g = w.groupby("buyer")["time"]
        r = pd.DataFrame({"frequency": g.size(), "last": g.max()})
        lines = identified_lines(ctx)
        lw = lines[(lines["ordered_at"] >= start) & (lines["ordered_at"] < as_of)]
        r["monetary"] = lw.groupby("cust")["amount"].sum() \
            .reindex(r.index).fillna(0).astype(np.int64)
        r = r.rename_axis("cust").reset_index()
        r["recency_days"] = (as_of - r["last"]) / NS_PER_DAY
        r = r.sort_values(["monetary", "frequency", "cust"],
                          ascending=[False, False, True], kind="stable") \
            .reset_index(drop=True)
        n = len(r)
        rank = np.arange(n)
        r["segment"] = (len(names) * rank) // max(n, 1)
        r["segment_name"] = [names[s] for s in r["segment"]]
        # classic scores: each dimension ranked alone, ties in segment order
        r["m_score"] = 5 - (5 * rank) // max(n, 1)
        for col, key in (("r_score", "last"), ("f_score", "frequency")):
            by = r.sort_values(key, ascending=False, kind="stable").index
            score = np.empty(n, dtype=np.int64)
            score[by.to_numpy()] = 5 - (5 * rank) // max(n, 1)
            r[col] = score
        return r
    return ctx.lazy(("rfm", as_of, window_days, tuple(names)), build)


# ---- customer profiles (section 8b) -------------------------------------------

def inbound_calls(ctx):
    def build():
        calls = ctx.data["calls"]
        if "direction" not in calls:
            return calls
        return calls[calls["direction"].isna() | (calls["direction"] == "inbound")]
    return ctx.lazy("inbound_calls", build)


def experience_label(mean):
    if mean >= 4.5:
        return "very positive"
    if mean >= 3.5:
        return "positive"
    if mean >= 2.5:
        return "not very positive"
    return "very negative"


def customer_profiles(ctx):
    """One row a customer code (index), at as_of = the end of P:
    value_segment, rfm_score, experience_profile, consumption_profile,
    preferred_channel (derive/customer_profiles.cpp)."""
    as_of = ctx.P.end

    def build():
        n = len(ctx.customer_ids)
        out = pd.DataFrame(index=pd.RangeIndex(n, name="cust"))
        year = 365 * NS_PER_DAY
        # value segment and RFM score
        r = rfm_ranking(ctx, as_of).set_index("cust")
        out["value_segment"] = r["segment_name"]
        out["rfm_score"] = (r["r_score"].astype(str) + r["f_score"].astype(str)
                            + r["m_score"].astype(str))
        # experience: mean csat (1..5) of survey answers and inbound calls'
        # ratings in the year before as_of
        answers = []
        for df, col in ((ctx.data.get("surveys"), "ts"),
                        (inbound_calls(ctx) if "calls" in ctx.data else None,
                         "started_at")):
            if df is None or "csat" not in df:
                continue
            a = df[(df["cust"] >= 0) & (df[col] >= as_of - year)
                   & (df[col] < as_of) & df["csat"].between(1, 5)]
            answers.append(a[["cust", "csat"]])
        mean = pd.concat(answers).groupby("cust")["csat"].mean() \
            if answers else pd.Series(dtype=float)
        out["experience_profile"] = mean.map(experience_label) \
            .reindex(out.index).fillna("unknown")
        # consumption: the category of largest net amount (> 0) in the year
        lines = identified_lines(ctx)
        lw = lines[(lines["ordered_at"] >= as_of - year)
                   & (lines["ordered_at"] < as_of) & lines["category"].notna()]
        net = lw.groupby(["cust", "category"])["amount"].sum().reset_index()
        net = net[net["amount"] > 0].sort_values(
            ["cust", "amount", "category"], ascending=[True, False, True])
        best = net.drop_duplicates("cust").set_index("cust")["category"]
        out["consumption_profile"] = best.reindex(out.index).fillna("none")
        # preferred channel: interactions of the 90 days before as_of
        quarter = as_of - 90 * NS_PER_DAY
        counted = []
        if "web_events" in ctx.data:
            s = sessions(ctx)
            s = s[(s["started_at"] >= quarter) & (s["started_at"] < as_of)]
            who = persons_at(ctx, as_of)[s["vcode"].to_numpy()]
            ch = np.where(s["device"].to_numpy() == "app", "app", "web")
            counted.append(pd.DataFrame({"cust": who, "channel": ch}))
        if "calls" in ctx.data:
            c = inbound_calls(ctx)
            c = c[(c["started_at"] >= quarter) & (c["started_at"] < as_of)]
            counted.append(pd.DataFrame({"cust": c["cust"].to_numpy(),
                                         "channel": "phone"}))
        o = order_book(ctx)
        if "channel" in o:
            o = o[o["purchase"] & (o["buyer"] >= 0) & o["channel"].notna()
                  & (o["time"] >= quarter) & (o["time"] < as_of)]
            counted.append(pd.DataFrame({"cust": o["buyer"].to_numpy(),
                                         "channel": o["channel"].to_numpy()}))
        inter = pd.concat(counted)
        inter = inter[inter["cust"] >= 0]
        n_by = inter.groupby(["cust", "channel"]).size().reset_index(name="n")
        n_by = n_by.sort_values(["cust", "n", "channel"],
                                ascending=[True, False, True])
        pref = n_by.drop_duplicates("cust").set_index("cust")["channel"]
        out["preferred_channel"] = pref.reindex(out.index).fillna("unknown")
        return out
    return ctx.lazy("profiles", build)


PROFILE_COLUMNS = ["value_segment", "rfm_score", "experience_profile",
                   "consumption_profile", "preferred_channel"]


def protect_list(ctx, rows):
    """The engine's personal-data rule and profile join for a list of
    customers (pipeline/list_profiles.cpp, output/personal_data.cpp): the
    profile columns the list lacks are added after its own, and only
    customers whose customers row says consent_marketing true are kept
    (customer_key, a keyed hash only Vigie computes, is left empty: the
    checker ignores it). `rows` has a `cust` column and the list's own
    columns in order."""
    profiles = customer_profiles(ctx)
    own = [c for c in rows.columns if c != "cust"]
    for col in PROFILE_COLUMNS:
        if col not in own:
            rows[col] = profiles[col].reindex(rows["cust"]).to_numpy()
    cust = ctx.data.get("customers")
    if cust is not None and "consent_marketing" in cust:
        consenting = set(cust.loc[cust["consent_marketing"], "cust"])
    else:
        consenting = set()
    rows = rows[rows["cust"].isin(consenting)]
    columns = ["customer_key"] + [c for c in rows.columns if c != "cust"]
    rows = rows.drop(columns="cust")
    rows.insert(0, "customer_key", None)
    return columns, rows
