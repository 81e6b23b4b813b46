"""Experience: KPI-CATALOG.md section 7 (plugins/indicators/experience,
docs/kpi-choices.md "Experience (section 7)"). Answers are survey rows and
the csat of inbound calls (step `support`, channel `phone`); a csat
outside 1..5 or an nps outside 0..10 is no score.

nps      100 x (answers 9-10 - answers 0-6) / answers with an nps
csat     answers 4-5 / answers with a csat
journey_curve (table)  csat and nps by spec step, for P and P'
touchpoints, irritants (tables)  the (step, channel) cells of P with their
         volume (web sessions, inbound calls, purchases at that step and
         channel); irritants: csat < 70 % with >= 30 csat answers
"""
import numpy as np
import pandas as pd

from common import PatternMap, period_index
from derive import inbound_calls, order_book, session_events, sessions

CALL_STEP, CALL_CHANNEL = "support", "phone"


def answers(ctx):
    """Every answer: period, step, channel, csat, nps (scores out of range
    made null; rows with neither score dropped)."""
    def build():
        surveys = ctx.data["surveys"]
        parts = [pd.DataFrame({
            "p": period_index(surveys["ts"].to_numpy(), ctx.periods),
            "step": surveys["step"].to_numpy(),
            "channel": surveys["channel"].to_numpy(),
            "csat": surveys["csat"].where(surveys["csat"].between(1, 5)),
            "nps": surveys["nps"].where(surveys["nps"].between(0, 10))})]
        if "calls" in ctx.data and "csat" in ctx.data["calls"]:
            calls = inbound_calls(ctx)
            parts.append(pd.DataFrame({
                "p": period_index(calls["started_at"].to_numpy(), ctx.periods),
                "step": CALL_STEP, "channel": CALL_CHANNEL,
                "csat": calls["csat"].where(calls["csat"].between(1, 5)),
                "nps": pd.NA}))
        a = pd.concat(parts, ignore_index=True)
        a = a[(a["p"] >= 0) & (a["csat"].notna() | a["nps"].notna())]
        a["nps"] = a["nps"].astype("Int64")
        a["csat_answer"] = a["csat"].notna()
        a["satisfied"] = (a["csat"] >= 4).fillna(False)
        a["nps_answer"] = a["nps"].notna()
        a["promoter"] = (a["nps"] >= 9).fillna(False)
        a["detractor"] = (a["nps"] <= 6).fillna(False)
        return a
    return ctx.lazy("answers", build)


def tally(a, by):
    t = a.groupby(by).agg(answers=("p", "size"), csat_answers=("csat_answer", "sum"),
                          satisfied=("satisfied", "sum"),
                          nps_answers=("nps_answer", "sum"),
                          promoters=("promoter", "sum"),
                          detractors=("detractor", "sum"))
    t["csat"] = (t["satisfied"] / t["csat_answers"]).where(t["csat_answers"] > 0)
    t["nps"] = (100.0 * (t["promoters"] - t["detractors"]) / t["nps_answers"]) \
        .where(t["nps_answers"] > 0)
    return t


def cell(x):
    return None if pd.isna(x) else float(x)


def volume(ctx, params):
    """Volume of each (step, channel) cell of P."""
    P = ctx.current
    parts = []
    step_pages = PatternMap(params.get("step_pages"))
    step_actions = PatternMap(params.get("step_actions"))
    if "web_events" in ctx.data and (step_pages.names or step_actions.names):
        s = sessions(ctx)
        now = s.index[s["period"] == P]
        ev = session_events(ctx)
        ev = ev[ev["session"].isin(now)]
        page_step = {pg: step_pages.best(pg) for pg in ev["page"].cat.categories}
        action_step = {a: step_actions.best(a) for a in ev["action"].cat.categories}
        steps = pd.concat([ev["page"].astype(object).map(page_step),
                           ev["action"].astype(object).map(action_step)])
        sessions_of = pd.concat([ev["session"], ev["session"]])
        touched = pd.DataFrame({"session": sessions_of.to_numpy(),
                                "step": steps.to_numpy()}).dropna().drop_duplicates()
        device = s.loc[touched["session"], "device"].to_numpy()
        touched["channel"] = np.where(device == "app", "app", "web")
        parts.append(touched[["step", "channel"]])
    if "calls" in ctx.data:
        reasons = PatternMap(params.get("step_call_reasons"))
        calls = inbound_calls(ctx)
        calls = calls[period_index(calls["started_at"].to_numpy(), ctx.periods) == P]
        step = calls["reason"].map({r: reasons.best(r)
                                    for r in calls["reason"].dropna().unique()})
        parts.append(pd.DataFrame({"step": step.to_numpy(),
                                   "channel": CALL_CHANNEL}).dropna())
    o = order_book(ctx)
    if "channel" in o:
        channels = PatternMap(params.get("step_order_channels"))
        o = o[o["purchase"] & o["channel"].notna()
              & (period_index(o["time"].to_numpy(), ctx.periods) == P)]
        step = o["channel"].map({c: channels.best(c) for c in o["channel"].unique()})
        parts.append(pd.DataFrame({"step": step.to_numpy(),
                                   "channel": o["channel"].to_numpy()}).dropna())
    if not parts:
        return pd.Series(dtype=np.int64)
    return pd.concat(parts).groupby(["step", "channel"]).size()


def matrix(ctx, params):
    """The touchpoint cells of P with answers or volume, in matrix order."""
    a = answers(ctx)
    now = tally(a[a["p"] == ctx.current].dropna(subset=["step", "channel"]),
                ["step", "channel"])
    vol = volume(ctx, params)
    cells = now.join(vol.rename("volume"), how="outer")
    cells["volume"] = cells["volume"].fillna(0).astype(np.int64)
    for c in ["answers", "csat_answers", "satisfied"]:
        cells[c] = cells[c].fillna(0).astype(np.int64)
    cells = cells.reset_index()
    journey = list(params.get("journey_steps") or [])
    others = sorted(set(cells["step"]) - set(journey))
    order = {s: i for i, s in enumerate(journey + others)}
    cells["step_order"] = cells["step"].map(order)
    return cells.sort_values(["step_order", "channel"]).reset_index(drop=True)


def compute(ctx, params, outputs):
    a = answers(ctx)
    n = len(ctx.periods)
    by_period = tally(a, "p").reindex(range(n))
    out = {}
    if "nps" in outputs:
        out["nps"] = {"kind": "value", "values": [cell(x) for x in by_period["nps"]]}
    if "csat" in outputs:
        out["csat"] = {"kind": "value", "values": [cell(x) for x in by_period["csat"]]}
    if "journey_curve" in outputs:
        steps = list(params.get("journey_steps") or [])
        cells = a.dropna(subset=["step", "channel"])
        now = tally(cells[cells["p"] == ctx.current], "step")
        before = tally(cells[cells["p"] == ctx.before], "step")
        if not steps:
            steps = sorted(set(now.index) | set(before.index))
        rows = []
        for s in steps:
            r = now.loc[s] if s in now.index else None
            b = before.loc[s] if s in before.index else None
            rows.append([s, int(r["answers"]) if r is not None else 0,
                         cell(r["csat"]) if r is not None else None,
                         cell(r["nps"]) if r is not None else None,
                         int(b["answers"]) if b is not None else 0,
                         cell(b["csat"]) if b is not None else None,
                         cell(b["nps"]) if b is not None else None])
        out["journey_curve"] = {
            "kind": "table",
            "columns": ["step", "answers", "csat", "nps", "previous_answers",
                        "previous_csat", "previous_nps"],
            "rows": rows}
    if "touchpoints" in outputs or "irritants" in outputs:
        cells = matrix(ctx, params)
    if "touchpoints" in outputs:
        out["touchpoints"] = {
            "kind": "table",
            "columns": ["step", "channel", "volume", "answers", "csat_answers",
                        "csat", "nps"],
            "rows": [[r.step, r.channel, int(r.volume), int(r.answers),
                      int(r.csat_answers), cell(r.csat), cell(r.nps)]
                     for r in cells.itertuples()]}
    if "irritants" in outputs:
        below = int(round(float(params.get("irritant_csat_below", 0.7)) * 10000))
        least = int(params.get("irritant_min_answers", 30))
        bad = cells[(cells["csat_answers"] >= least)
                    & (cells["satisfied"] * 10000 < below * cells["csat_answers"])]
        bad = bad.assign(matrix_order=bad.index).sort_values(
            ["csat", "volume", "matrix_order"], ascending=[True, False, True])
        out["irritants"] = {
            "kind": "table",
            "columns": ["step", "channel", "csat", "csat_answers", "nps", "volume"],
            "rows": [[r.step, r.channel, cell(r.csat), int(r.csat_answers),
                      cell(r.nps), int(r.volume)] for r in bad.itertuples()]}
    return out
