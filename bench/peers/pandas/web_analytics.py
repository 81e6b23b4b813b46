"""Web analytics: KPI-CATALOG.md section 3 (plugins/indicators/web_analytics,
docs/kpi-choices.md "Web analytics (section 3)").

visits, bounce_rate, pages_per_visit, avg_visit_duration
        sessions whose first event is in P (a session counts whole there)
unique_visitors, unique_people
        distinct visitor_id / stitched person with an event in P
load_time_p50, load_time_p95, load_time_by_group (table)
        nearest rank of load_time_ms of the page views of P
visits_by_device (table)
cross_device_customers, cross_device_share
        customers with events of P on >= 2 devices / customers with events
life_moments (table), life_moment_list (list)
top_paths (table)
"""
import numpy as np
import pandas as pd

from common import NS_PER_DAY, NS_PER_S, PatternMap, iso_utc, ratio
from derive import (event_customers, event_person_keys, persons_at,
                    protect_list, session_events, sessions)


def nearest_rank(sorted_values, p):
    """Value at 1-based rank ceil(p n / 100) of ascending values."""
    n = len(sorted_values)
    if n == 0:
        return None
    rank = max((p * n + 99) // 100, 1)
    return sorted_values[rank - 1]


def page_classes(ctx, params):
    """Group and moments of every distinct page (matched once a page)."""
    def build():
        groups = PatternMap(params.get("page_groups"))
        moments = PatternMap(params.get("life_moments"))
        pages = ctx.data["web_events"]["page"].cat.categories
        return (pd.Series({pg: groups.best(pg) for pg in pages}, dtype=object),
                {pg: moments.matching(pg) for pg in pages}, moments.names)
    return ctx.lazy(("page_classes", repr(params.get("page_groups")),
                     repr(params.get("life_moments"))), build)


def session_figures(ctx):
    """By period: visits, bounces, page views and total duration (ns) of
    the sessions that start in it."""
    def build():
        s = sessions(ctx)
        s = s[s["period"] >= 0]
        g = s.assign(bounce=(s["events"] == 1) & (s["first_type"] == "page_view"),
                     duration=s["ended_at"] - s["started_at"]).groupby("period")
        return g.agg(visits=("events", "size"), bounces=("bounce", "sum"),
                     page_views=("page_views", "sum"),
                     duration=("duration", "sum")) \
            .reindex(range(len(ctx.periods)), fill_value=0)
    return ctx.lazy("session_figures", build)


def measured_page_views(ctx):
    """Page views in a period that have a load time."""
    def build():
        web = ctx.data["web_events"]
        keep = (web["period"] >= 0) & (web["event_type"] == "page_view") \
            & web["load_time_ms"].notna()
        return web.loc[keep, ["period", "page", "load_time_ms"]]
    return ctx.lazy("measured_page_views", build)


def compute(ctx, params, outputs):
    web = ctx.data["web_events"]
    wants = set(outputs)
    periods = range(len(ctx.periods))
    values = {}

    if wants & {"visits", "bounce_rate", "pages_per_visit", "avg_visit_duration"}:
        f = session_figures(ctx)
        values["visits"] = [float(v) for v in f["visits"]]
        values["bounce_rate"] = [ratio(b, v) for b, v in zip(f["bounces"], f["visits"])]
        values["pages_per_visit"] = [ratio(pv, v) for pv, v in
                                     zip(f["page_views"], f["visits"])]
        values["avg_visit_duration"] = [ratio(d / NS_PER_S, v) for d, v in
                                        zip(f["duration"], f["visits"])]
    if "unique_visitors" in wants:
        ev = web.loc[web["period"] >= 0, ["period", "vcode"]]
        values["unique_visitors"] = [float(v) for v in ev.groupby("period")["vcode"]
                                     .nunique().reindex(periods, fill_value=0)]
    if "unique_people" in wants:
        keys = pd.DataFrame({"period": web["period"].to_numpy(),
                             "person": event_person_keys(ctx)})
        keys = keys[keys["period"] >= 0]
        values["unique_people"] = [float(v) for v in keys.groupby("period")
                                   ["person"].nunique().reindex(periods, fill_value=0)]
    if wants & {"load_time_p50", "load_time_p95"}:
        measured = measured_page_views(ctx)
        by_period = {p: np.sort(v.to_numpy(dtype=np.int64)) for p, v in
                     measured.groupby("period")["load_time_ms"]}
        for name, pct in (("load_time_p50", 50), ("load_time_p95", 95)):
            values[name] = [None if p not in by_period else
                            float(nearest_rank(by_period[p], pct)) for p in periods]
    if wants & {"cross_device_customers", "cross_device_share"}:
        cust = event_customers(ctx)
        d = pd.DataFrame({"period": web["period"].to_numpy(), "cust": cust,
                          "device": web["device"].to_numpy()})
        d = d[(d["period"] >= 0) & (d["cust"] >= 0)]
        devices = d.groupby(["period", "cust"])["device"].nunique()
        per = (devices >= 2).groupby(level="period")
        customers = per.size().reindex(periods, fill_value=0)
        cross = per.sum().reindex(periods, fill_value=0)
        values["cross_device_customers"] = [float(c) for c in cross]
        values["cross_device_share"] = [ratio(c, n) for c, n in zip(cross, customers)]

    out = {k: {"kind": "value", "values": v} for k, v in values.items()
           if k in outputs}
    cur = ctx.current
    if "load_time_by_group" in outputs:
        groups, _, _ = page_classes(ctx, params)
        measured = measured_page_views(ctx)
        now = measured[measured["period"] == cur]
        grouped = now.assign(group=now["page"].astype(object).map(groups)) \
            .dropna(subset=["group"])
        rows = []
        for name, v in sorted(grouped.groupby("group")["load_time_ms"]):
            sv = np.sort(v.to_numpy(dtype=np.int64))
            rows.append([name, len(sv), int(nearest_rank(sv, 50)),
                         int(nearest_rank(sv, 95))])
        out["load_time_by_group"] = {"kind": "table",
                                     "columns": ["group", "page_views", "p50", "p95"],
                                     "rows": rows}
    if "visits_by_device" in outputs:
        s = sessions(ctx)
        now = s[s["period"] == cur]
        device = now["device"].astype(object).fillna("(none)") \
            .replace("", "(none)")
        counts = device.value_counts().rename_axis("device").reset_index(name="visits")
        counts = counts.sort_values(["visits", "device"], ascending=[False, True])
        total = int(counts["visits"].sum())
        out["visits_by_device"] = {
            "kind": "table", "columns": ["device", "visits", "share"],
            "rows": [[d, int(v), ratio(v, total)]
                     for d, v in zip(counts["device"], counts["visits"])]}
    if "life_moments" in outputs:
        out["life_moments"] = life_moments(ctx, params)
    if "life_moment_list" in outputs:
        out["life_moment_list"] = life_moment_list(ctx, params)
    if "top_paths" in outputs:
        out["top_paths"] = top_paths(ctx, params,
                                     int(session_figures(ctx)["visits"][cur]))
    return out


def moment_views(ctx, params, views):
    """One row a (page view, moment of its page)."""
    _, moments, _ = page_classes(ctx, params)
    pairs = pd.DataFrame([(pg, m) for pg, ms in moments.items() for m in ms],
                         columns=["page", "moment"])
    views = views.assign(page=views["page"].astype(object))
    return views.merge(pairs, on="page")


def life_moments(ctx, params):
    web = ctx.data["web_events"]
    _, _, names = page_classes(ctx, params)
    cust = event_customers(ctx)
    slots = {ctx.current: "customers", ctx.previous: "previous_customers"}
    keep = web["period"].isin(list(slots)).to_numpy() & (cust >= 0) & \
        (web["event_type"] == "page_view").to_numpy()
    views = web.loc[keep, ["period", "page"]].assign(cust=cust[keep])
    views = moment_views(ctx, params, views)
    counts = views.groupby(["moment", "period"])["cust"].nunique()
    rows = []
    for m in names:
        rows.append([m, int(counts.get((m, ctx.current), 0)),
                     int(counts.get((m, ctx.previous), 0))])
    return {"kind": "table", "columns": ["moment", "customers", "previous_customers"],
            "rows": rows}


def life_moment_list(ctx, params):
    """(customer, moment) with a moment page view in [as_of - days, as_of),
    its latest view and the moment's suggested action."""
    web = ctx.data["web_events"]
    as_of = ctx.P.end
    since = as_of - int(params.get("life_moment_days", 14)) * NS_PER_DAY
    actions = params.get("life_moment_actions") or {}
    views = web[(web["ts"] >= since) & (web["ts"] < as_of)
                & (web["event_type"] == "page_view")]
    views = views.assign(cust=persons_at(ctx, as_of)[views["vcode"].to_numpy()])
    views = views[views["cust"] >= 0][["cust", "page", "ts"]]
    views = moment_views(ctx, params, views)
    last = views.groupby(["cust", "moment"])["ts"].max().reset_index()
    last = last.sort_values(["cust", "moment"])
    rows = pd.DataFrame({"cust": last["cust"].to_numpy(),
                         "moment": last["moment"].to_numpy(),
                         "last_visit": last["ts"].map(iso_utc).to_numpy(),
                         "suggested_action": last["moment"].map(actions).to_numpy()})
    columns, rows = protect_list(ctx, rows)
    return {"kind": "list", "columns": columns,
            "rows": rows.astype(object).where(rows.notna(), None).values.tolist()}


def top_paths(ctx, params, visits):
    """Path of each session of P: groups of its page views in time order,
    ungrouped pages dropped, repeats collapsed, the first `path_length`."""
    groups, _, _ = page_classes(ctx, params)
    length = int(params.get("path_length", 4))
    top = int(params.get("top_paths", 10))
    s = sessions(ctx)
    ev = session_events(ctx)
    now_sessions = s.index[s["period"] == ctx.current]
    ev = ev[ev["session"].isin(now_sessions)]
    pv = ev[ev["event_type"] == "page_view"]
    pv = pv.assign(group=pv["page"].astype(object).map(groups)).dropna(
        subset=["group"])
    repeat = (pv["session"] == pv["session"].shift()) & \
        (pv["group"] == pv["group"].shift())
    pv = pv[~repeat]
    pv = pv[pv.groupby("session").cumcount() < length]
    paths = pv.groupby("session")["group"].agg(" > ".join)
    ending = s.loc[paths.index, "last_type"].isin(["action", "conversion"])
    table = pd.DataFrame({"path": paths, "ending": ending})
    table = table.groupby("path")["ending"].agg(["size", "sum"]).reset_index()
    table = table.sort_values(["size", "path"], ascending=[False, True]).head(top)
    rows = [[p, int(n), ratio(n, visits), ratio(e, n)]
            for p, n, e in zip(table["path"], table["size"], table["sum"])]
    return {"kind": "table", "columns": ["path", "sessions", "share", "ending_share"],
            "rows": rows}
