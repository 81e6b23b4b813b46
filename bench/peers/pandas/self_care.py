"""Self-care: KPI-CATALOG.md section 2 (plugins/indicators/self_care,
docs/kpi-choices.md "self_care"). Over the actions of `action_costs`:

online(a)        `action` web events with action a, ts in P
offline(a)       inbound answered calls with reason a, started in P
digital_adoption sum online / (sum online + sum offline)
self_care_savings  sum online(a) x (cost(a) - online_cost(a))
avoidable_calls, avoidable_cost  sum offline(a), sum offline(a) x cost(a)
rebound_rate     pairs (stitched customer, a) with a web event on topic a
                 in P; rebounded when an inbound call of that customer with
                 reason a starts in (t, t + 48 h] after one of them
identified_call_share  inbound calls of P with a customer_id / inbound
self_care_by_action (table), failed_journeys (list)
"""
import numpy as np
import pandas as pd

from common import NS_PER_S, Pattern, dec_text, iso_utc, parse_cost, ratio
from derive import event_customers, inbound_calls, protect_list


def counts_by_period(times, keys, periods, actions):
    """Rows by (period, action): a DataFrame periods x actions."""
    from common import period_index
    p = period_index(times.to_numpy(), periods)
    df = pd.DataFrame({"p": p, "a": keys.to_numpy()})
    df = df[(df["p"] >= 0) & df["a"].isin(actions)]
    table = df.groupby(["p", "a"]).size().unstack(fill_value=0)
    return table.reindex(index=range(len(periods)), columns=actions,
                         fill_value=0).fillna(0).astype(np.int64)


def topic_touches(ctx, actions, topic_pages):
    """Web events on a topic, one row an (event, topic): customer (stitched
    at the end of the event's period), action, ts, period."""
    def build():
        web = ctx.data["web_events"]
        cust = event_customers(ctx)
        keep = (web["period"].to_numpy() >= 0) & (cust >= 0)
        ev = web.loc[keep, ["ts", "event_type", "action", "page", "period"]]
        ev = ev.assign(cust=cust[keep])
        parts = []
        acts = ev[(ev["event_type"] == "action") & ev["action"].isin(actions)]
        parts.append(acts[["cust", "ts", "period"]].assign(
            topic=acts["action"].astype(str)))
        pv = ev[ev["event_type"] == "page_view"]
        for a in actions:
            if a not in topic_pages:
                continue
            pattern = Pattern(topic_pages[a])
            pages = [pg for pg in pv["page"].cat.categories if pattern.matches(pg)]
            on = pv[pv["page"].isin(pages)]
            parts.append(on[["cust", "ts", "period"]].assign(topic=a))
        return pd.concat(parts, ignore_index=True)
    return ctx.lazy(("topic_touches", tuple(actions)), build)


def rebounds(ctx, actions, topic_pages, window):
    """Each touch with the first inbound call of the same customer and
    reason strictly after it (call_at), and whether it is in the window."""
    touches = topic_touches(ctx, actions, topic_pages)
    calls = inbound_calls(ctx)
    calls = calls[(calls["cust"] >= 0) & calls["reason"].isin(actions)]
    calls = pd.DataFrame({"cust": calls["cust"].to_numpy(),
                          "topic": calls["reason"].to_numpy(),
                          "call_at": calls["started_at"].to_numpy()})
    # datetime64 keys, so that a touch without a later call gets NaT
    calls["call_at"] = pd.to_datetime(calls["call_at"])
    calls = calls.sort_values("call_at")
    left = touches.assign(at=pd.to_datetime(touches["ts"])).sort_values("at")
    merged = pd.merge_asof(left, calls, left_on="at", right_on="call_at",
                           by=["cust", "topic"], direction="forward",
                           allow_exact_matches=False)
    merged["rebound"] = (merged["call_at"] - merged["at"]) <= pd.Timedelta(window)
    merged["call_at"] = merged["call_at"].astype("int64")
    return merged


def compute(ctx, params, outputs):
    costs = {a: parse_cost(c) for a, c in (params.get("action_costs") or {}).items()}
    online_costs = {a: parse_cost(c)
                    for a, c in (params.get("online_costs") or {}).items()}
    topic_pages = params.get("topic_pages") or {}
    actions = sorted(costs)
    window = int(round(float(params.get("rebound_hours", 48)) * 3600)) * NS_PER_S
    web = ctx.data["web_events"]
    calls = inbound_calls(ctx)
    n = len(ctx.periods)

    acts = web[web["event_type"] == "action"]
    online = counts_by_period(acts["ts"], acts["action"].astype(object),
                              ctx.periods, actions)
    answered = calls[calls["outcome"] == "answered"]
    offline = counts_by_period(answered["started_at"], answered["reason"],
                               ctx.periods, actions)
    saved = np.array([costs[a] - online_costs.get(a, 0) for a in actions])
    unit = np.array([costs[a] for a in actions])

    out = {}
    values = {
        "online_actions": [float(online.loc[p].sum()) for p in range(n)],
        "digital_adoption": [ratio(online.loc[p].sum(),
                                   online.loc[p].sum() + offline.loc[p].sum())
                             for p in range(n)],
        "self_care_savings": [int((online.loc[p].to_numpy() * saved).sum()) / 1e4
                              for p in range(n)],
        "avoidable_calls": [float(offline.loc[p].sum()) for p in range(n)],
        "avoidable_cost": [int((offline.loc[p].to_numpy() * unit).sum()) / 1e4
                           for p in range(n)],
    }
    if "identified_call_share" in outputs:
        from common import period_index
        p = period_index(calls["started_at"].to_numpy(), ctx.periods)
        df = pd.DataFrame({"p": p, "identified": calls["cust"].to_numpy() >= 0})
        g = df[df["p"] >= 0].groupby("p")["identified"].agg(["sum", "size"])
        g = g.reindex(range(n), fill_value=0)
        values["identified_call_share"] = [ratio(g.loc[i, "sum"], g.loc[i, "size"])
                                           for i in range(n)]
    wants_rebound = {"rebound_rate", "self_care_by_action",
                     "failed_journeys"} & set(outputs)
    if wants_rebound:
        merged = rebounds(ctx, actions, topic_pages, window)
        pairs = merged.groupby(["period", "cust", "topic"])["rebound"].any() \
            .reset_index()
        by = pairs.groupby(["period", "topic"])["rebound"].agg(["sum", "size"])
        per_period = by.groupby(level="period").sum().reindex(range(n), fill_value=0)
        values["rebound_rate"] = [ratio(per_period.loc[i, "sum"],
                                        per_period.loc[i, "size"])
                                  for i in range(n)]
    for name in outputs:
        if name in values:
            out[name] = {"kind": "value", "values": values[name]}

    cur = ctx.current
    if "self_care_by_action" in outputs:
        now = by.loc[cur] if cur in by.index.get_level_values(0) else None
        rows = []
        for i, a in enumerate(actions):
            on, off = int(online.loc[cur, a]), int(offline.loc[cur, a])
            n_pairs = int(now.loc[a, "size"]) if now is not None and a in now.index else 0
            n_reb = int(now.loc[a, "sum"]) if now is not None and a in now.index else 0
            rows.append([a, on, off, ratio(on, on + off), dec_text(costs[a]),
                         dec_text(on * saved[i]), dec_text(off * unit[i]),
                         n_pairs, n_reb, ratio(n_reb, n_pairs)])
        out["self_care_by_action"] = {
            "kind": "table",
            "columns": ["action", "online", "offline", "digital_adoption",
                        "unit_cost", "savings", "avoidable_cost", "pairs",
                        "rebounded", "rebound_rate"],
            "rows": rows}
    if "failed_journeys" in outputs:
        out["failed_journeys"] = failed_journeys(ctx, merged)
    return out


def failed_journeys(ctx, merged):
    """One row a rebounded pair of P: its latest touch that a call followed
    within the window, and that call."""
    hits = merged[(merged["period"] == ctx.current) & merged["rebound"]]
    last = hits.sort_values("ts").drop_duplicates(["cust", "topic"], keep="last")
    rows = pd.DataFrame({
        "cust": last["cust"].to_numpy(),
        "action": last["topic"].to_numpy(),
        "last_web_event": last["ts"].map(iso_utc).to_numpy(),
        "call_at": last["call_at"].map(iso_utc).to_numpy(),
        "hours_between": ((last["call_at"] - last["ts"]) / (3600 * NS_PER_S))
        .to_numpy(),
    }).sort_values(["cust", "action"])
    columns, rows = protect_list(ctx, rows)
    return {"kind": "list", "columns": columns,
            "rows": rows.astype(object).where(rows.notna(), None).values.tolist()}
