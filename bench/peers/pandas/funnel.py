"""Funnel: KPI-CATALOG.md section 4 (plugins/indicators/funnel,
docs/kpi-choices.md "Funnel (section 4)").

Steps from the spec (`steps`, `step_names`): event:TYPE, page:PATTERN (a
page_view of a page the pattern covers), action:CODE (an `action` event),
purchase (an order of total > 0 of an identified customer, at its
earliest line's time). Per person (stitched at the end of P; an unlinked
visitor is its own person), within P, step k is reached with matching
events e1..ek, e1.ts <= ... <= ek.ts: the greedy walk takes for each step
the earliest event at or after the previous step's.

funnel_conversion   count(last) / count(1)
funnel_steps        step, name, persons, step_conversion, overall_conversion,
                    previous_persons
"""
import numpy as np
import pandas as pd

from common import Pattern, ratio
from derive import order_book


def step_masks(web, steps):
    """A boolean column a step: does each web event match it."""
    masks = []
    etype = web["event_type"]
    for step in steps:
        kind, _, value = step.partition(":")
        if step == "purchase":
            masks.append(None)
        elif kind == "event":
            masks.append((etype == value).to_numpy())
        elif kind == "page":
            pattern = Pattern(value)
            pages = [p for p in web["page"].cat.categories if pattern.matches(p)]
            masks.append(((etype == "page_view") & web["page"].isin(pages))
                         .to_numpy())
        elif kind == "action":
            masks.append(((etype == "action") & (web["action"] == value))
                         .to_numpy())
        else:
            raise SystemExit(f"funnel step {step!r}: unknown kind")
    return masks


def step_counts(ctx, params):
    """persons reaching each step, by period: array periods x steps."""
    from derive import persons_at
    steps = list(params["steps"])
    web = ctx.data["web_events"]
    masks = step_masks(web, steps)
    n_customers = len(ctx.customer_ids)
    vcode = web["vcode"].to_numpy()
    period = web["period"].to_numpy()
    ts = web["ts"].to_numpy()
    book = order_book(ctx)
    bought = book[book["purchase"] & (book["buyer"] >= 0)]
    counts = np.zeros((len(ctx.periods), len(steps)), dtype=np.int64)
    web_masks = [m for m in masks if m is not None]
    overlapping = (len([m for m in masks if m is None]) > 1
                   or (len(web_masks) > 1
                       and (np.sum(web_masks, axis=0) > 1).any()))
    for p, per in enumerate(ctx.periods):
        rows = period == p
        who = persons_at(ctx, per.end)[vcode[rows]]
        person = np.where(who >= 0, who, n_customers + vcode[rows])
        web_rows = np.flatnonzero(rows)
        hits = []
        for k, mask in enumerate(masks):
            if mask is None:
                in_p = (bought["time"] >= per.start) & (bought["time"] < per.end)
                o = bought[in_p]
                hits.append(pd.DataFrame({"person": o["buyer"].to_numpy(),
                                          "ts": o["time"].to_numpy(),
                                          "event": -1 - np.flatnonzero(in_p)}))
            else:
                m = mask[rows]
                hits.append(pd.DataFrame({"person": person[m], "ts": ts[rows][m],
                                          "event": web_rows[m]}))
        if overlapping:
            counts[p] = walk_each_person(hits)
            continue
        # Each event matches one step at most: t_k is the earliest hit of
        # step k at or after t_(k-1), per person.
        reached = hits[0].groupby("person")["ts"].min()
        counts[p, 0] = len(reached)
        for k in range(1, len(steps)):
            h = hits[k]
            h = h[h["person"].isin(reached.index)]
            h = h[h["ts"].to_numpy() >= reached.reindex(h["person"]).to_numpy()]
            reached = h.groupby("person")["ts"].min()
            counts[p, k] = len(reached)
    return counts


def walk_each_person(hits):
    """The funnel walk of funnel_walk.cpp, person by person, for steps
    whose predicates overlap (one event may match several steps, and each
    step needs an event of its own): the greedy earliest match, the steps
    of events of equal time shared out by a bipartite matching."""
    all_hits = pd.concat([h.assign(step=1 << k) for k, h in enumerate(hits)])
    # one row an event (a web row, or an order), the steps it matches as
    # a bit mask
    masks = all_hits.groupby(["person", "ts", "event"])["step"].sum() \
        .reset_index()
    masks = masks.sort_values(["person", "ts", "event"])
    steps = len(hits)
    counts = np.zeros(steps, dtype=np.int64)
    for _, events in masks.groupby("person", sort=False):
        reached = walk(events["ts"].to_numpy(), events["step"].to_numpy(), steps)
        counts[:reached] += 1
    return counts


def walk(times, masks, steps):
    nxt = 0
    i = 0
    while i < len(times) and nxt < steps:
        j = i
        while j < len(times) and times[j] == times[i]:
            j += 1
        group = [int(m) for m in masks[i:j]]
        owner = [-1] * len(group)

        def give(step, seen):
            for e, m in enumerate(group):
                if m >> step & 1 and not seen[e]:
                    seen[e] = True
                    if owner[e] < 0 or give(owner[e], seen):
                        owner[e] = step
                        return True
            return False
        while nxt < steps and give(nxt, [False] * len(group)):
            nxt += 1
        i = j
    return nxt


def compute(ctx, params, outputs):
    counts = ctx.lazy(("funnel", repr(params.get("steps"))),
                      lambda: step_counts(ctx, params))
    out = {}
    if "funnel_conversion" in outputs:
        out["funnel_conversion"] = {"kind": "value", "values": [
            ratio(c[-1], c[0]) for c in counts]}
    if "funnel_completions" in outputs:
        out["funnel_completions"] = {"kind": "value",
                                     "values": [float(c[-1]) for c in counts]}
    if "funnel_steps" in outputs:
        names = params.get("step_names") or params["steps"]
        now, before = counts[ctx.current], counts[ctx.before]
        rows = []
        for k, name in enumerate(names):
            rows.append([k + 1, name, int(now[k]),
                         None if k == 0 else ratio(now[k], now[k - 1]),
                         ratio(now[k], now[0]), int(before[k])])
        out["funnel_steps"] = {
            "kind": "table",
            "columns": ["step", "name", "persons", "step_conversion",
                        "overall_conversion", "previous_persons"],
            "rows": rows}
    return out
